"""The complaint service: one object holding the store and the catalog, one method per use case.

Every method takes ``now`` (an aware ``datetime``; naive values are read as Asia/Shanghai) so
that tests and ``SUNLIGHT_NOW`` fix the clock. Methods raise the typed errors of
``sunlight.domain.errors``; nothing else escapes for bad input.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import replace

from sunlight.code_key import CodeKey
from sunlight.domain.catalog import Catalog
from sunlight.domain.complaints import Complaint
from sunlight.domain.errors import Forbidden, Invalid, NotFound, RateLimited, Unauthorized
from sunlight.domain.intake import resolve_decision, validate_complaint, validate_feedback
from sunlight.domain.local_time import aware, local_date
from sunlight.domain.problems import Problem
from sunlight.domain.visibility import may_see
from sunlight.service import actions, codes, delivery, exchange, filing, inspections, limits, stats
from sunlight.service.commands import FileComplaint, FileFeedback, StaffAction
from sunlight.service.limits import Check, Limits
from sunlight.service.outbox import Channel
from sunlight.service.results import (
    AccountInfo,
    CreatedAccount,
    DeliveryResult,
    Filed,
    InboxItem,
    ObserverItem,
    OfficeStats,
    ReporterView,
    StaffView,
    TickResult,
)
from sunlight.service.views import inbox_item, observer_item, reporter_view, staff_view
from sunlight.store.base import Account, PutAccount, PutComplaint, Store

log = logging.getLogger("sunlight.service")

MAX_CODE_INPUT = 64
# A staff action or a rating that raced a timer (or another request) is read again and retried.
RETRIES_ON_RACE = 3


class ComplaintService:
    """``code_key``: the secret of the access-code hashes (``sunlight.code_key``), kept outside the
    store. ``limits``: the filing limits (``Limits.off()`` for load tests)."""

    def __init__(
        self, store: Store, catalog: Catalog, *, code_key: CodeKey, limits: Limits | None = None
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.code_key = code_key
        self.limits = limits if limits is not None else Limits()
        self._dummy_hash = ""

    # --- the reporter -------------------------------------------------------------------------

    def file_complaint(
        self, cmd: FileComplaint, idempotency_key: str | None, now: dt.datetime, client: str = ""
    ) -> Filed:
        """Validate, route, compute deadlines, store the complaint + audit + outbox in one transaction.

        Raises ``Invalid`` (every field problem; the first names ``field``). With an
        ``idempotency_key``, a retry (even a concurrent one) returns the same complaint with
        ``created=False``; the same key with a different body raises ``Conflict``. Past the filing
        limits (per ``client``, e.g. its address, and for the whole service) raises ``RateLimited``;
        a retry is not counted again.
        """
        now = aware(now)
        values = resolve_decision(filing.complaint_values(cmd), self.catalog)
        problems = validate_complaint(values, self.catalog, local_date(now))
        if problems:
            raise Invalid(problems)
        return filing.file(
            self.store,
            self.catalog,
            "complaint",
            values,
            idempotency_key,
            now,
            limits.filing_counts(self.limits, client),
            self.code_key.get(),
        )

    def view_for_reporter(
        self, tracking_no: str, access_code: str, now: dt.datetime, client: str = ""
    ) -> ReporterView:
        """Status, deadlines and public timeline. A wrong code or unknown number raises ``NotFound``
        (the same error for both); too many wrong codes per tracking number or per ``client`` (e.g.
        the client IP) raise ``RateLimited``."""
        now = aware(now)
        c = self._reporter_complaint(tracking_no, access_code, now, client)
        return reporter_view(self.catalog, c, self.store.audit_trail(c.tracking_no), local_date(now))

    def rate(
        self,
        tracking_no: str,
        access_code: str,
        rating: str,
        comment: str,
        now: dt.datetime,
        client: str = "",
    ) -> ReporterView:
        """满意 / 基本满意 / 不满意, once, after a response. 不满意 within the review window opens a
        review (复核) handled by the supervising office, with its own timer."""
        now = aware(now)
        c = self._reporter_complaint(tracking_no, access_code, now, client)
        for attempt in range(RETRIES_ON_RACE):
            try:
                c = actions.rate(self.store, self.catalog, c, rating, comment, now)
                break
            except actions.StaleVersion:
                if attempt == RETRIES_ON_RACE - 1:
                    raise
                c = self.store.get_complaint(c.tracking_no) or c
        return reporter_view(self.catalog, c, self.store.audit_trail(c.tracking_no), local_date(now))

    def file_feedback(
        self,
        cmd: FileFeedback,
        account_token: str | None,
        idempotency_key: str | None,
        now: dt.datetime,
        client: str = "",
    ) -> Filed:
        """Observer feedback (with an observer token) or anyone's correction request (no token), within
        the same filing limits as complaints."""
        now = aware(now)
        observer: Account | None = None
        if account_token:
            observer = self._account(account_token)
            if observer.kind != "observer":
                raise Forbidden("仅监督员可提交监督意见", "only an observer token may file feedback")
        values = resolve_decision(filing.feedback_values(cmd), self.catalog)
        problems = validate_feedback(values, self.catalog, local_date(now))
        if observer is None and not any(values.get(k) for k in ("decision_id", "power_code", "page_url")):
            problems.append(
                Problem(
                    "纠错请求须指明执法决定、事项或页面",
                    "a correction request names a decision, power or page",
                    field="page_url",
                )
            )
        if problems:
            raise Invalid(problems)
        if observer is not None:
            values["observer"] = observer.id
            values["observer_name"] = observer.name
        return filing.file(
            self.store,
            self.catalog,
            "feedback",
            values,
            idempotency_key,
            now,
            limits.filing_counts(self.limits, client),
            self.code_key.get(),
        )

    def observer_feedback(self, token: str) -> tuple[AccountInfo, list[ObserverItem]]:
        """An observer's own feedback (我的监督), newest first. ``Unauthorized`` for an unknown token,
        ``Forbidden`` for a staff token."""
        account = self._account(token)
        if account.kind != "observer":
            raise Forbidden("仅限行政执法监督员", "observer accounts only")
        mine = [c for c in self.store.all_complaints() if c.kind == "feedback" and c.observer == account.id]
        mine.sort(key=lambda c: (c.filed_at, c.tracking_no), reverse=True)
        return _info(account), [observer_item(self.catalog, c) for c in mine]

    def _reporter_complaint(
        self, tracking_no: str, access_code: str, now: dt.datetime, client: str
    ) -> Complaint:
        """The complaint if the code is right. Every check is counted before the code is verified
        (``limits.check_code``); an unknown number is verified against a dummy hash of the same kind,
        so it costs the same work as a wrong code; a right code writes nothing, except once to replace
        an old PBKDF2 hash."""
        number = codes.normalise_tracking_no(tracking_no or "")[:40]
        c = self.store.get_complaint(number) if number else None
        code = (access_code or "")[:MAX_CODE_INPUT]
        key = self.code_key.get()
        stored = c.access_hash if c is not None else self._dummy(key)
        outcome = limits.check_code(
            self.store,
            number,
            client,
            now,
            lambda: codes.verify_access_code(code, stored, key) and c is not None,
        )
        if outcome is Check.LIMITED:
            raise RateLimited(
                "查询码错误次数过多，请稍后再试",
                "too many wrong access codes; try again later",
                retry_after=limits.CODE_WINDOW_SECONDS,
            )
        if outcome is Check.WRONG or c is None:
            raise NotFound(
                "投诉编号或查询码不正确", "unknown tracking number or wrong access code", "access_code"
            )
        if codes.needs_rehash(c.access_hash):
            c = self._rehash(c, code, key, now)
        return c

    def _dummy(self, key: bytes) -> str:
        if not self._dummy_hash:
            self._dummy_hash = codes.hash_access_code(codes.new_access_code(), key)
        return self._dummy_hash

    def _rehash(self, c: Complaint, code: str, key: bytes, now: dt.datetime) -> Complaint:
        """Replace an old PBKDF2 hash by the keyed one, on condition of the complaint's version. Best
        effort: the read succeeds even when the write does not (a race, a full disk)."""
        new = replace(c, access_hash=codes.hash_access_code(code, key))
        try:
            self.store.transact(
                [PutComplaint(new, c.version, actions.timer_on(self.store, self.catalog, new, now))]
            )
        except Exception:  # noqa: BLE001 - the next right code tries again
            log.warning("could not migrate the access-code hash of a complaint", exc_info=True)
            return c
        return replace(new, version=c.version + 1)

    # --- staff ----------------------------------------------------------------------------------

    def inbox(self, token: str, now: dt.datetime) -> list[InboxItem]:
        """Open complaints the token's office handles or supervises, soonest deadline first.
        Raises ``Unauthorized`` for an unknown token, ``Forbidden`` for an observer token."""
        account = self._staff(token)
        today = local_date(aware(now))
        items = [
            inbox_item(self.catalog, c, account.office, today)
            for c in self.store.inbox(account.office)
            if may_see(self.catalog, c, account.office)
        ]
        return sorted(items, key=lambda i: (i.next_due is None, i.next_due or dt.date.max, i.tracking_no))

    def view_for_staff(self, token: str, tracking_no: str, now: dt.datetime) -> StaffView:
        """One complaint with its reporter and audit trail, for its handling or supervising office only
        (``NotFound`` for anyone else, in particular the office complained about)."""
        account = self._staff(token)
        c = self._visible_complaint(account, tracking_no)
        return self._staff_view(c, account)

    def act(self, token: str, tracking_no: str, action: StaffAction, now: dt.datetime) -> StaffView:
        """Apply a staff action (see ``StaffAction``). ``Forbidden`` when the office may not,
        ``Conflict`` when the complaint's state does not allow it, ``Invalid`` for bad fields."""
        account = self._staff(token)
        for attempt in range(RETRIES_ON_RACE):
            c = self._visible_complaint(account, tracking_no)
            try:
                c = actions.act(self.store, self.catalog, account, c, action, aware(now))
                break
            except actions.StaleVersion:
                if attempt == RETRIES_ON_RACE - 1:
                    raise
        return self._staff_view(c, account)

    def _staff_view(self, c: Complaint, account: Account) -> StaffView:
        names = {a.id: a.name for a in self.store.list_accounts()}
        view = staff_view(self.catalog, c, account.office, self.store.audit_trail(c.tracking_no), names)
        recent = inspections.for_complaint(self.store, self.catalog, c)
        return replace(view, inspections=recent) if recent else view

    def _visible_complaint(self, account: Account, tracking_no: str) -> Complaint:
        c = self.store.get_complaint(codes.normalise_tracking_no(tracking_no or "")[:40])
        if c is None or not may_see(self.catalog, c, account.office):
            raise NotFound("投诉不存在或无权查看", "no such complaint for this office")
        return c

    # --- accounts -------------------------------------------------------------------------------

    def create_account(self, kind: str, name: str, office: str, now: dt.datetime) -> CreatedAccount:
        """``kind`` is ``staff`` (``office`` must exist) or ``observer``. The token is returned once and
        stored only as a hash."""
        problems = []
        if kind not in ("staff", "observer"):
            problems.append(
                Problem("账号类型应为 staff 或 observer", "kind must be staff or observer", field="kind")
            )
        name = (name or "").strip()
        if not name or len(name) > 50:
            problems.append(
                Problem(
                    "姓名为必填项（不超过50字）", "name is required (at most 50 characters)", field="name"
                )
            )
        if kind == "staff" and office not in self.catalog.offices:
            problems.append(Problem("单位不存在", "unknown office", field="office", value=office))
        if problems:
            raise Invalid(problems)
        token = codes.new_token()
        account = Account(
            id=codes.new_account_id(),
            kind=kind,
            name=name,
            office=office if kind == "staff" else "",
            token_hash=codes.token_hash(token),
            created_at=aware(now),
        )
        self.store.transact([PutAccount(account)])
        return CreatedAccount(account=_info(account), token=token)

    def authenticate(self, token: str) -> AccountInfo:
        """The account of a token, or ``Unauthorized``."""
        return _info(self._account(token))

    def account_for(self, token: str) -> Account:
        """The active account of a token, or ``Unauthorized`` (e.g. for ``service.case_reviews``)."""
        return self._account(token)

    def _account(self, token: str) -> Account:
        account = self.store.get_account(codes.token_hash(token)) if token and len(token) < 200 else None
        if account is None or not account.active:
            raise Unauthorized("令牌无效，请重新登录", "unknown or inactive token")
        return account

    def _staff(self, token: str) -> Account:
        account = self._account(token)
        if account.kind != "staff" or account.office not in self.catalog.offices:
            raise Forbidden("仅限执法单位工作人员", "staff accounts only")
        return account

    # --- 涉企检查码 (docs/inspections.md) --------------------------------------------------------

    def register_inspection(
        self, token: str, values: Mapping[str, object], now: dt.datetime
    ) -> dict[str, object]:
        """Staff register a planned inspection; 201 body: ``code``, the window, ``verify_url``, ``qr_svg``."""
        return inspections.register(self.store, self.catalog, self._staff(token), values, aware(now))

    def record_inspection_result(
        self, token: str, code: str, values: Mapping[str, object], now: dt.datetime
    ) -> dict[str, object]:
        """The office that registered the code records what the inspection found, once."""
        return inspections.record_result(
            self.store, self.catalog, self._staff(token), code, values, aware(now)
        )

    def verify_inspection(
        self, code: str, credit_code: str, now: dt.datetime, client: str = ""
    ) -> dict[str, object]:
        """Anyone: the public answer for a 检查码 (rate-limited like access codes)."""
        return inspections.verify(self.store, self.catalog, code, credit_code, aware(now), client)

    def inspection_flags(self, token: str, now: dt.datetime) -> list[dict[str, object]]:
        """The supervision office's staff and observers: enterprises inspected too often or by too many."""
        return inspections.supervision_list(
            self.store, self.catalog, self._account(token), local_date(aware(now))
        )

    def inspection_stats(self) -> list[dict[str, object]]:
        """Per-office figures of the inspection codes, for anyone (no enterprise)."""
        return inspections.public_aggregates(self.store, self.catalog)

    # --- the 12345 exchange (docs/exchange.md) --------------------------------------------------

    def receive_order(
        self,
        partner: str,
        headers: Mapping[str, str],
        body: bytes,
        parse_body: Callable[[bytes], object],
        now: dt.datetime,
    ) -> tuple[Filed, str]:
        """A partner's signed work order filed as a complaint (``created`` False: filed before).
        ``Unauthorized`` when unsigned, wrongly signed, stale or replayed; ``Invalid`` naming the field."""
        return exchange.receive_order(
            self.store, self.catalog, self.code_key.get(), partner, headers, body, parse_body, aware(now)
        )

    # --- timers, outbox, figures ----------------------------------------------------------------

    def tick(self, now: dt.datetime) -> TickResult:
        """Fire every due timer (reminders, overdue marks, 催办, escalations, closing after the review
        window) exactly once each, even when two ticks run at once, writing state + audit + outbox in
        one transaction per event."""
        return delivery.tick(self.store, self.catalog, aware(now))

    def deliver_outbox(
        self,
        now: dt.datetime,
        channels: Mapping[str, Channel],
        limit: int = 100,
        lease_seconds: int = 120,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> DeliveryResult:
        """Claim due messages with a lease, send each through ``channels[message.channel]``; on
        ``DeliveryError`` reschedule with exponential backoff (1 min doubling, capped at 1 hour).
        A message whose channel is not configured stays queued. The lease is renewed from ``clock``
        before each send, so a run that overlaps a slow one never sends a message twice."""
        timer = (lambda: aware(clock())) if clock is not None else None
        return delivery.deliver(
            self.store, aware(now), channels, limit, lease_seconds, timer, code_key=self.code_key.get
        )

    def stats(self, now: dt.datetime) -> list[OfficeStats]:
        """Per handling office: received, accepted/responded on time, overdue now, average working days
        to respond, satisfaction."""
        return stats.office_stats(self.catalog, self.store.all_complaints(), local_date(aware(now)))


def _info(account: Account) -> AccountInfo:
    return AccountInfo(id=account.id, kind=account.kind, name=account.name, office=account.office)
