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


def due_events(c: Complaint, today: dt.date, catalog: Catalog) -> list[TimerEvent]:
    cal, settings = catalog.calendar, catalog.settings
    clock = current_clock(c, cal, settings)
    if clock is None:
        return []
    prefix = f"{c.tracking_no}/{clock.phase}/{clock.due.isoformat()}"
    if clock.phase == "close":
        if today > clock.due:
            return [
                TimerEvent(
                    f"{prefix}/close", "close", "close", clock.due, clock.due + dt.timedelta(days=1), ""
                )
            ]
        return []
    acting = c.review_office if clock.phase == "review" and c.review_office else c.handling_office
    supervisor = c.supervising_office
    if clock.phase == "review":
        supervisor = overseer_of(catalog, acting, excluded=c.about_office) or c.supervising_office
    events: list[TimerEvent] = []
    remind_on = cal.subtract_working_days(clock.due, c.remind_before_days)
    if c.remind_before_days > 0 and remind_on > clock.started_on and remind_on <= today <= clock.due:
        events.append(TimerEvent(f"{prefix}/remind", "remind", clock.phase, clock.due, remind_on, acting))
    if today > clock.due:
        overdue_on = clock.due + dt.timedelta(days=1)
        events.append(TimerEvent(f"{prefix}/overdue", "overdue", clock.phase, clock.due, overdue_on, acting))
        chase_on = cal.next_working_day(clock.due)
        if today >= chase_on:
            events.append(
                TimerEvent(f"{prefix}/chase", "chase", clock.phase, clock.due, chase_on, supervisor)
            )
        escalate_on = cal.add_working_days(clock.due, settings.escalate_after_overdue_days)
        if today >= escalate_on:
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
