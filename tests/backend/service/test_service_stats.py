"""Per-office figures: received, on time, overdue now, average working days to respond, satisfaction."""

from __future__ import annotations

from service_helpers import NOW, at, command, staff
from sunlight.service import ComplaintService, FileFeedback, StaffAction


def test_figures_per_handling_office(service: ComplaintService) -> None:
    east = staff(service, "brigade-east")
    on_time = service.file_complaint(command(), None, NOW)
    service.act(east, on_time.tracking_no, StaffAction("accept"), at(2026, 12, 25))
    service.act(
        east, on_time.tracking_no, StaffAction("respond", text="已处理"), at(2026, 12, 31)
    )  # 5 working days
    service.rate(on_time.tracking_no, on_time.access_code, "满意", "", at(2026, 12, 31))
    late = service.file_complaint(command(), None, NOW)
    service.act(east, late.tracking_no, StaffAction("accept"), at(2026, 12, 31))  # after 12-29
    service.file_complaint(command(), None, NOW)  # never accepted
    service.file_complaint(command(street="老城街道", office=""), None, NOW)  # handled by cases
    service.file_feedback(
        FileFeedback(
            category="correction",
            subject="纠错",
            description="错字",
            decision_id="D-2026-0001",
            street="新镇街道",
        ),
        None,
        None,
        NOW,
    )
    rows = {row.office: row for row in service.stats(at(2027, 1, 4))}
    e = rows["brigade-east"]
    assert e.received == 3  # feedback is not counted
    assert e.accepted_on_time == 1
    assert (e.responded, e.responded_on_time) == (1, 1)
    assert e.average_days_to_respond == 5.0
    assert e.overdue_now == 1  # the one never accepted (accept due 12-29)
    assert (e.rated, e.satisfied, e.satisfaction) == (1, 1, 1.0)
    assert rows["cases"].received == 1 and rows["cases"].satisfaction is None
    assert rows["squad-xinzhen"].received == 0
