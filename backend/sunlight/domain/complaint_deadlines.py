"""Deadlines of a complaint, in working days of the ``WorkingCalendar``.

- accept due: ``accept_days`` working days after the filing date;
- respond due: ``respond_days`` working days after the acceptance date (before acceptance:
  projected from the accept deadline, the latest the clock can start), plus the working days
  the clock was paused (waiting for material) and the working days of an approved extension;
  while paused there is no running respond deadline;
- an extension (延期) is approved on or before the respond deadline (while paused: the deadline
  had not passed when the clock stopped); once missed, the deadline stays missed and the
  complaint overdue: an extension is refused, never a retroactive clearing (``extension_refusal``);
- a partner's work order (12345, ``sunlight.domain.exchange``): the hotline's own respond deadline
  wins when it is earlier; a pause or an extension moves it by the same working days;
- review due: ``review_respond_days`` working days after the review opened;
- the review window (复核申请期限): ``review_window_days`` calendar days after the response (the
  day of the response not counted, 民法典 art. 201); when the last day is not a working day
  (a weekend or a statutory holiday) it runs to the end of the first working day after it
  (art. 203: asking for a review is the complainant's act); then closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sunlight.domain.calendar import WorkingCalendar
from sunlight.domain.catalog import Settings
from sunlight.domain.complaints import ACCEPTED, RATED, RESPONDED, SUBMITTED, UNDER_REVIEW, Complaint


@dataclass(frozen=True)
class Clock:
    phase: str  # accept | respond | review | close
    started_on: dt.date
    due: dt.date


def accept_due(c: Complaint, cal: WorkingCalendar) -> dt.date:
    return cal.add_working_days(c.filed_on, c.accept_days)


def respond_start(c: Complaint, cal: WorkingCalendar) -> dt.date:
    """The day the respond clock starts: acceptance, or (not yet accepted) the accept deadline."""
    return c.accepted_on if c.accepted_on is not None else accept_due(c, cal)


def respond_due(c: Complaint, cal: WorkingCalendar) -> dt.date:
    """The respond deadline; for a partner's work order the hotline's own deadline when earlier
    (moved by the same paused and extension working days)."""
    moved = c.paused_days + c.extended_days
    due = cal.add_working_days(respond_start(c, cal), c.respond_days + moved)
    if c.partner_due is not None:
        due = min(due, cal.add_working_days(c.partner_due, moved))
    return due


def extension_refusal(c: Complaint, today: dt.date, cal: WorkingCalendar) -> tuple[str, str] | None:
    """Why an extension may not be approved on ``today`` (Chinese, English), or None.

    An extension lengthens a respond period that is still running. Approved after the deadline,
    it would move the deadline past a day already missed and clear the overdue mark after the
    fact; so it is refused once the deadline has passed or the respond phase is marked overdue.
    While the clock is paused (waiting for material) the day that counts is the pause day.
    """
    due = respond_due(c, cal)
    on = c.paused_on if c.paused_on is not None else today
    if "respond" not in c.overdue and on <= due:
        return None
    return (
        f"答复期限已于{due.isoformat()}届满，不能再批准延期（逾期记录保留）",
        f"the respond deadline passed on {due.isoformat()}: an extension can no longer be approved "
        "(the complaint stays overdue)",
    )


def review_due(c: Complaint, cal: WorkingCalendar) -> dt.date | None:
    if c.review_opened_on is None:
        return None
    return cal.add_working_days(c.review_opened_on, c.review_respond_days)


def review_window_end(c: Complaint, settings: Settings, cal: WorkingCalendar) -> dt.date | None:
    """The last day a review (复核) may be asked for (see the module docstring)."""
    if c.responded_on is None:
        return None
    return cal.working_day_on_or_after(c.responded_on + dt.timedelta(days=settings.review_window_days))


def paused_working_days(c: Complaint, resumed_on: dt.date, cal: WorkingCalendar) -> int:
    """Working days the clock stood still: after the pause day up to and including the resume day."""
    if c.paused_on is None:
        return 0
    return max(0, cal.working_days_between(c.paused_on, resumed_on))


def current_clock(c: Complaint, cal: WorkingCalendar, settings: Settings) -> Clock | None:
    """The deadline running now, or None (paused, closed)."""
    if c.status == SUBMITTED:
        return Clock("accept", c.filed_on, accept_due(c, cal))
    if c.status == ACCEPTED:
        return Clock("respond", respond_start(c, cal), respond_due(c, cal))
    if c.status == UNDER_REVIEW and c.review_opened_on is not None:
        return Clock("review", c.review_opened_on, review_due(c, cal) or c.review_opened_on)
    if c.status in (RESPONDED, RATED) and c.responded_on is not None:
        end = review_window_end(c, settings, cal)
        return Clock("close", c.responded_on, end) if end else None
    return None


def next_due(c: Complaint, cal: WorkingCalendar, settings: Settings) -> dt.date | None:
    """The deadline an office must act by (for ordering the inbox); None when nothing is due."""
    clock = current_clock(c, cal, settings)
    return clock.due if clock is not None and clock.phase != "close" else None


def is_overdue(c: Complaint, today: dt.date, cal: WorkingCalendar, settings: Settings) -> bool:
    due = next_due(c, cal, settings)
    return due is not None and today > due
