"""Timer evaluation: (complaint, today, calendar) -> the timer events due, each with a stable key.

For the running deadline ``due`` of a phase (accept, respond, review):

| event | fires on | goes to |
| --- | --- | --- |
| ``remind`` | ``remind_before_days`` working days before ``due`` (only while not yet due, and only when that day lies after the phase started) | the handling (or review) office |
| ``overdue`` | the day after ``due``: marks the complaint overdue | the handling (or review) office |
| ``chase`` (催办) | the working day after ``due`` | the supervising office |
| ``escalate`` | ``escalate_after_overdue_days`` working days after ``due`` | the bureau |

and ``close`` when the review window after a response has passed. The key
``<tracking_no>/<phase>/<due>/<event>`` changes when the deadline moves (pause, extension), so a
moved deadline gets its own reminder; the store records fired keys so each fires once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sunlight.domain.catalog import Catalog
from sunlight.domain.complaint_deadlines import current_clock
from sunlight.domain.complaints import Complaint
from sunlight.domain.routing import overseer_of


@dataclass(frozen=True)
class TimerEvent:
    key: str
    kind: str  # remind | overdue | chase | escalate | close
    phase: str  # accept | respond | review | close
    due: dt.date
    fire_on: dt.date
    office: str  # the office to notify ("" for close)


def escalation_office(catalog: Catalog, c: Complaint) -> str:
    """The bureau, unless the complaint is about the bureau: then whoever oversees the supervising office."""
    bureau = catalog.bureau()
    about = c.about_office
    if bureau is not None and not catalog.in_conflict(bureau.id, about):
        return bureau.id
    return overseer_of(catalog, c.supervising_office, excluded=about) or c.supervising_office


def schedule(c: Complaint, catalog: Catalog) -> list[TimerEvent]:
    """Every event the running deadline may fire, whatever the day, in firing order (empty when paused
    or closed). ``due_events`` is the part of it due on a given day."""
    cal, settings = catalog.calendar, catalog.settings
    clock = current_clock(c, cal, settings)
    if clock is None:
        return []
    prefix = f"{c.tracking_no}/{clock.phase}/{clock.due.isoformat()}"
    day_after = clock.due + dt.timedelta(days=1)
    if clock.phase == "close":
        return [TimerEvent(f"{prefix}/close", "close", "close", clock.due, day_after, "")]
    acting = c.review_office if clock.phase == "review" and c.review_office else c.handling_office
    supervisor = c.supervising_office
    if clock.phase == "review":
        supervisor = overseer_of(catalog, acting, excluded=c.about_office) or c.supervising_office
    events: list[TimerEvent] = []
    remind_on = cal.subtract_working_days(clock.due, c.remind_before_days)
    if c.remind_before_days > 0 and remind_on > clock.started_on:
        events.append(TimerEvent(f"{prefix}/remind", "remind", clock.phase, clock.due, remind_on, acting))
    events.append(TimerEvent(f"{prefix}/overdue", "overdue", clock.phase, clock.due, day_after, acting))
    chase_on = max(cal.next_working_day(clock.due), day_after)
    events.append(TimerEvent(f"{prefix}/chase", "chase", clock.phase, clock.due, chase_on, supervisor))
    escalate_on = max(cal.add_working_days(clock.due, settings.escalate_after_overdue_days), day_after)
    events.append(
        TimerEvent(
            f"{prefix}/escalate",
            "escalate",
            clock.phase,
            clock.due,
            escalate_on,
            escalation_office(catalog, c),
        )
    )
    return events


def _may_fire(e: TimerEvent, today: dt.date) -> bool:
    """A reminder is only worth sending while the deadline has not passed."""
    return not (e.kind == "remind" and today > e.due)


def due_events(c: Complaint, today: dt.date, catalog: Catalog) -> list[TimerEvent]:
    return [e for e in schedule(c, catalog) if e.fire_on <= today and _may_fire(e, today)]


def next_timer_on(
    c: Complaint, today: dt.date, catalog: Catalog, fired: Callable[[str], bool]
) -> dt.date | None:
    """The first day an event of ``c`` not yet ``fired`` is due (None: nothing left to fire).

    Stores index complaints by this day, so that a tick reads only the complaints due; it is
    computed at every write of the complaint, and after each event fired."""
    days = [e.fire_on for e in schedule(c, catalog) if _may_fire(e, today) and not fired(e.key)]
    return min(days) if days else None
