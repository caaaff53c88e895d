"""案卷评查 use cases (docs/supervision.md): the supervision office draws the year's sample, scores
each case file against the checklist and marks each office's review finished; the export of the
finished reviews for ``sunlight build --reviews-from``. Every draw, score and finish is in the audit
trail (``REVIEW-<year>``) with the acting staff account.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from sunlight.domain.case_review import (
    CaseScore,
    OfficeReview,
    Review,
    summarise,
    validate_scores,
)
from sunlight.domain.catalog import SUPERVISION, Catalog
from sunlight.domain.complaints import AuditEvent
from sunlight.domain.errors import Conflict, Forbidden, Invalid, NotFound
from sunlight.domain.local_time import local_date
from sunlight.domain.problems import Problem
from sunlight.service.review_draw import draw, new_seed
from sunlight.store.base import Account, ConditionFailed, Store
from sunlight.store.reviews import audit_key

EXPORT_FORMAT = "sunlight-case-reviews"
EXPORT_VERSION = 1
ATTEMPTS = 5  # a write that lost a race re-reads the review and tries again
FIRST_YEAR = 2000


def _actor(account: Account) -> str:
    return f"staff:{account.office}:{account.id}"


def _supervisor(catalog: Catalog, account: Account, *, read: bool = False) -> None:
    """Staff of an office with the ``supervision`` role (observers may read)."""
    if read and account.kind == "observer":
        return
    office = catalog.office(account.office)
    if account.kind != "staff" or office is None or SUPERVISION not in office.roles:
        raise Forbidden("仅限监督机构工作人员", "staff of a supervision office only")


def parse_year(text: object, today: dt.date) -> int:
    raw = str(text if text is not None else "").strip()
    if not raw.isdigit() or not FIRST_YEAR <= int(raw) <= today.year:
        raise Invalid(
            [Problem(f"年度应为 {FIRST_YEAR} 至 {today.year} 的整数", "year must be a past or current year",
                     field="year", value=raw[:10])]
        )  # fmt: skip
    return int(raw)


def _event(
    review: Review, now: dt.datetime, account: Account, action: str, detail: dict[str, Any]
) -> AuditEvent:
    return AuditEvent(
        audit_key(review.year), f"{review.version + 1:06d}.00", now, _actor(account), action, detail
    )


def draw_sample(
    store: Store, catalog: Catalog, account: Account, year_text: object, now: dt.datetime
) -> dict[str, Any]:
    """Draw the year's sample once: ``sample_per_office`` decisions of each office, from a new seed."""
    _supervisor(catalog, account)
    year = parse_year(year_text, local_date(now))
    if store.get_review(year) is not None:
        raise Conflict("该年度已抽取评查案卷", "the sample of this year is already drawn", "year")
    review = draw(
        year,
        new_seed(),
        catalog.case_review_sample_per_office,
        catalog.case_review_checklist,
        catalog.case_files,
    )
    if not review.offices:
        raise Invalid([Problem("该年度没有执法决定可供抽取", "no decisions of that year to draw from", field="year",
                               value=str(year))])  # fmt: skip
    review = replace(review, drawn_at=now, drawn_by=account.id)
    event = _event(
        review, now, account, "review_drawn",
        {"seed": review.seed, "sample_per_office": review.sample_per_office,
         "offices": {o.office: list(o.cases) for o in review.offices},
         "candidates": {o.office: o.candidates for o in review.offices}},
    )  # fmt: skip
    try:
        store.put_review(review, None, event)
    except ConditionFailed:
        raise Conflict("该年度已抽取评查案卷", "the sample of this year is already drawn", "year") from None
    return view(catalog, replace(review, version=1))


def get(
    store: Store, catalog: Catalog, account: Account, year_text: object, now: dt.datetime
) -> dict[str, Any]:
    _supervisor(catalog, account, read=True)
    review = store.get_review(parse_year(year_text, local_date(now)))
    if review is None:
        raise NotFound("该年度尚未抽取评查案卷", "no review drawn for that year")
    return view(catalog, review)


def _change(
    store: Store,
    year: int,
    office_id: str,
    change: Callable[[Review, OfficeReview], tuple[OfficeReview, str, dict[str, Any]]],
    account: Account,
    now: dt.datetime,
) -> Review:
    """Apply ``change`` to one office of the year's review, retrying when another write came first."""
    for _attempt in range(ATTEMPTS):
        review = store.get_review(year)
        if review is None:
            raise NotFound("该年度尚未抽取评查案卷", "no review drawn for that year")
        office = review.office(office_id)
        if office is None:
            raise NotFound("该机构不在本年度评查范围内", "that office is not in this year's review")
        updated, action, detail = change(review, office)
        new = review.with_office(updated)
        try:
            store.put_review(new, review.version, _event(review, now, account, action, detail))
        except ConditionFailed:
            continue
        return replace(new, version=review.version + 1)
    raise Conflict("评查记录正被他人修改，请重试", "the review changed meanwhile; try again")


def score(
    store: Store, catalog: Catalog, account: Account, year_text: object, decision_id: str,
    values: Mapping[str, Any], now: dt.datetime,
) -> dict[str, Any]:  # fmt: skip
    """Score one case file of the sample (again, until its office's review is finished)."""
    _supervisor(catalog, account)
    year = parse_year(year_text, local_date(now))
    drawn = store.get_review(year)
    office_id = next((o.office for o in drawn.offices if decision_id in o.cases), "") if drawn else ""
    if drawn is not None and not office_id:
        raise NotFound("该案卷不在抽取的样本中", "that decision is not in the sample")
    raw_scores = values.get("scores")
    faults = values.get("faults") or ""
    if not isinstance(raw_scores, dict):
        raise Invalid(
            [Problem("应为各评查项目的分数", "must map each checklist item to a score", field="scores")]
        )
    if not isinstance(faults, str):
        raise Invalid([Problem("应为文字", "must be text", field="faults")])

    def change(review: Review, office: OfficeReview) -> tuple[OfficeReview, str, dict[str, Any]]:
        if office.finished:
            raise Conflict("该机构的评查已完成，不能再修改", "the office's review is finished", "scores")
        given = validate_scores(review.checklist, raw_scores, faults.strip())
        entry = CaseScore(decision_id, given, faults.strip(), now, account.id)
        kept = tuple(s for s in office.scores if s.decision_id != decision_id)
        detail = {"office": office.office, "decision_id": decision_id, "scores": dict(given),
                  "total": entry.total, "faults": entry.faults}  # fmt: skip
        return replace(office, scores=(*kept, entry)), "review_scored", detail

    return view(catalog, _change(store, year, office_id, change, account, now))


def finish(
    store: Store, catalog: Catalog, account: Account, year_text: object, office_id: str, now: dt.datetime
) -> dict[str, Any]:
    """Mark one office's review finished: every case scored; then it may be published."""
    _supervisor(catalog, account)
    year = parse_year(year_text, local_date(now))

    def change(review: Review, office: OfficeReview) -> tuple[OfficeReview, str, dict[str, Any]]:
        if office.finished:
            raise Conflict("该机构的评查已完成", "the office's review is already finished")
        missing = [c for c in office.cases if office.score_of(c) is None]
        if missing:
            raise Invalid([Problem(f"尚有 {len(missing)} 件案卷未评分", f"{len(missing)} case files are not scored",
                                   field="cases")])  # fmt: skip
        return (
            replace(office, finished_at=now, finished_by=account.id),
            "review_finished",
            {"office": office.office},
        )

    return view(catalog, _change(store, year, office_id, change, account, now))


def _office_view(catalog: Catalog, review: Review, o: OfficeReview) -> dict[str, Any]:
    info = catalog.office(o.office)
    cases = []
    for number, decision_id in enumerate(o.cases, start=1):
        s = o.score_of(decision_id)
        cases.append(
            {
                "no": number,
                "decision_id": decision_id,
                "doc_no": catalog.decision_doc_nos.get(decision_id, ""),
                "public": decision_id in catalog.decisions,
                "scores": dict(s.scores) if s else None,
                "total": s.total if s else None,
                "faults": s.faults if s else "",
                "scored_at": s.scored_at if s else None,
            }
        )
    summary = summarise(review.checklist, [dict(s.scores) for s in o.scores])
    return {
        "office": o.office,
        "office_name": info.name if info else o.office,
        "candidates": o.candidates,
        "finished": o.finished,
        "finished_at": o.finished_at,
        "cases": cases,
        "average_total": summary.average_total,
    }


def view(catalog: Catalog, review: Review) -> dict[str, Any]:
    """The workbench's view of a year's review (no reviewer names: the audit trail has the accounts)."""
    return {
        "year": review.year,
        "seed": review.seed,
        "sample_per_office": review.sample_per_office,
        "checklist": [{"item": c.item, "points": c.points} for c in review.checklist],
        "drawn_at": review.drawn_at,
        "offices": [_office_view(catalog, review, o) for o in review.offices],
    }


def export_reviews(store: Store, catalog: Catalog) -> list[dict[str, Any]]:
    """The finished offices of every year, for the site (``sunlight review export``). Record ids are
    kept (the build links a case to its page only when that decision is public, and shows nothing
    of any other); no account, no time of a single score."""
    out = []
    for review in store.all_reviews():
        offices = []
        for o in review.offices:
            if not o.finished:
                continue
            info = catalog.office(o.office)
            offices.append(
                {
                    "office": o.office,
                    "office_name": info.name if info else o.office,
                    "candidates": o.candidates,
                    "finished_at": o.finished_at,
                    "cases": [
                        {"decision_id": s.decision_id, "scores": dict(s.scores), "faults": s.faults}
                        for s in (o.score_of(c) for c in o.cases)
                        if s is not None
                    ],
                }
            )
        if offices:
            out.append(
                {
                    "year": review.year,
                    "seed": review.seed,
                    "sample_per_office": review.sample_per_office,
                    "checklist": [{"item": c.item, "points": c.points} for c in review.checklist],
                    "drawn_at": review.drawn_at,
                    "offices": offices,
                }
            )
    return out
