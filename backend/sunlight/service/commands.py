"""Commands: what a caller asks the service to do. Plain values, as parsed from JSON.

Field names are the API field paths (``reporter.credit_code`` is ``FileComplaint.reporter.credit_code``).
Values are strings as received; the domain validates them (``sunlight.domain.intake``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReporterInput:
    type: str = ""  # "enterprise" | "person"
    name: str = ""
    credit_code: str = ""  # required for an enterprise
    contact_name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class FileComplaint:
    """``POST /api/complaints``. At least one of ``office``/``street``."""

    category: str = ""
    subject: str = ""
    description: str = ""
    reporter: ReporterInput = field(default_factory=ReporterInput)
    office: str = ""  # the office complained about
    power_code: str = ""
    street: str = ""
    decision_id: str = ""
    occurred_on: str = ""  # YYYY-MM-DD
    inspection_code: str = ""  # the 检查码 of the inspection complained about (docs/inspections.md)


@dataclass(frozen=True)
class FileFeedback:
    """``POST /api/feedback``: an observer's supervision feedback (with an observer token) or anyone's
    correction request about a decision, power or page. Routed like a complaint, with its own timers.
    ``category`` is a feedback category id of the catalog."""

    category: str = ""
    subject: str = ""
    description: str = ""
    office: str = ""
    street: str = ""
    power_code: str = ""
    decision_id: str = ""
    page_url: str = ""
    contact_name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class StaffAction:
    """``POST /api/complaints/<tracking_no>/actions``.

    - ``accept``: 受理 (handling office)
    - ``transfer``: 转办 to ``to_office`` with ``reason`` (handling office; never to the office complained about)
    - ``extend``: 延期 by ``days`` working days with ``reason`` (the supervising office only; once)
    - ``request_material``: 补正材料, pauses the clock; ``text`` says what is missing (handling office)
    - ``resume``: 材料已补齐, restarts the clock (handling office)
    - ``respond``: 答复 with ``text`` (handling office; during 复核 the review office)
    - ``note``: internal note ``text`` (handling or supervising office)
    """

    action: str
    text: str = ""
    to_office: str = ""
    reason: str = ""
    days: int = 0
