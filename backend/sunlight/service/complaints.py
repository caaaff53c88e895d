"""The complaint service: one object holding the store and the catalog, one method per use case.

Every method takes ``now`` (an aware ``datetime``; naive values are read as Asia/Shanghai) so
that tests and ``SUNLIGHT_NOW`` fix the clock. Methods raise the typed errors of
``sunlight.domain.errors``; nothing else escapes for bad input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sunlight.domain.catalog import Catalog
from sunlight.service.commands import FileComplaint, FileFeedback, StaffAction
from sunlight.service.outbox import Channel
from sunlight.service.results import (
    AccountInfo,
    CreatedAccount,
    DeliveryResult,
    Filed,
    InboxItem,
    OfficeStats,
    ReporterView,
    StaffView,
    TickResult,
)
from sunlight.store.base import Store


class ComplaintService:
    def __init__(self, store: Store, catalog: Catalog) -> None:
        self.store = store
        self.catalog = catalog

    # --- the reporter -------------------------------------------------------------------------

    def file_complaint(self, cmd: FileComplaint, idempotency_key: str | None, now: dt.datetime) -> Filed:
        """Validate, route, compute deadlines, store the complaint + audit + outbox in one transaction.

        Raises ``Invalid`` (every field problem; the first names ``field``). With an
        ``idempotency_key``, a retry (even a concurrent one) returns the same complaint with
        ``created=False``; the same key with a different body raises ``Conflict``.
        """
        raise NotImplementedError

    def view_for_reporter(
        self, tracking_no: str, access_code: str, now: dt.datetime, client: str = ""
    ) -> ReporterView:
        """Status, deadlines and public timeline. A wrong code or unknown number raises ``NotFound``
        (the same error for both); too many wrong codes per tracking number or per ``client`` (e.g.
        the client IP) raise ``RateLimited``."""
        raise NotImplementedError

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
        raise NotImplementedError

    def file_feedback(
        self, cmd: FileFeedback, account_token: str | None, idempotency_key: str | None, now: dt.datetime
    ) -> Filed:
        """Observer feedback (with an observer token) or anyone's correction request (no token)."""
        raise NotImplementedError

    # --- staff ----------------------------------------------------------------------------------

    def inbox(self, token: str, now: dt.datetime) -> list[InboxItem]:
        """Open complaints the token's office handles or supervises, soonest deadline first.
        Raises ``Unauthorized`` for an unknown token, ``Forbidden`` for an observer token."""
        raise NotImplementedError

    def view_for_staff(self, token: str, tracking_no: str, now: dt.datetime) -> StaffView:
        """One complaint with its reporter and audit trail, for its handling or supervising office only
        (``NotFound`` for anyone else, in particular the office complained about)."""
        raise NotImplementedError

    def act(self, token: str, tracking_no: str, action: StaffAction, now: dt.datetime) -> StaffView:
        """Apply a staff action (see ``StaffAction``). ``Forbidden`` when the office may not,
        ``Conflict`` when the complaint's state does not allow it, ``Invalid`` for bad fields."""
        raise NotImplementedError

    # --- accounts -------------------------------------------------------------------------------

    def create_account(self, kind: str, name: str, office: str, now: dt.datetime) -> CreatedAccount:
        """``kind`` is ``staff`` (``office`` must exist) or ``observer``. The token is returned once and
        stored only as a hash."""
        raise NotImplementedError

    def authenticate(self, token: str) -> AccountInfo:
        """The account of a token, or ``Unauthorized``."""
        raise NotImplementedError

    # --- timers, outbox, figures ----------------------------------------------------------------

    def tick(self, now: dt.datetime) -> TickResult:
        """Fire every due timer (reminders, overdue marks, 催办, escalations, closing after the review
        window) exactly once each, even when two ticks run at once, writing state + audit + outbox in
        one transaction per event."""
        raise NotImplementedError

    def deliver_outbox(
        self, now: dt.datetime, channels: Mapping[str, Channel], limit: int = 100, lease_seconds: int = 120
    ) -> DeliveryResult:
        """Claim due messages with a lease, send each through ``channels[message.channel]``; on
        ``DeliveryError`` reschedule with exponential backoff (1 min doubling, capped at 1 hour).
        A message whose channel is not configured stays queued."""
        raise NotImplementedError

    def stats(self, now: dt.datetime) -> list[OfficeStats]:
        """Per handling office: received, accepted/responded on time, overdue now, average working days
        to respond, satisfaction."""
        raise NotImplementedError
