"""Use cases of the complaint backend: filing, reporter view, staff actions, timers, outbox, stats.

The API, the commands and the scheduled function build one ``ComplaintService`` (see
``sunlight.bootstrap``) and call its methods; errors are the typed ``sunlight.domain.errors``.
"""

from sunlight.domain.errors import (
    Conflict,
    DomainError,
    Forbidden,
    Invalid,
    NotFound,
    RateLimited,
    Unauthorized,
)
from sunlight.service.commands import FileComplaint, FileFeedback, ReporterInput, StaffAction
from sunlight.service.complaints import ComplaintService
from sunlight.service.outbox import Channel, DeliveryError, OutboundMessage
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
    TimelineEntry,
)

__all__ = [
    "AccountInfo",
    "Channel",
    "ComplaintService",
    "Conflict",
    "CreatedAccount",
    "DeliveryError",
    "DeliveryResult",
    "DomainError",
    "FileComplaint",
    "FileFeedback",
    "Filed",
    "Forbidden",
    "InboxItem",
    "Invalid",
    "NotFound",
    "OfficeStats",
    "OutboundMessage",
    "RateLimited",
    "ReporterInput",
    "ReporterView",
    "StaffAction",
    "StaffView",
    "TickResult",
    "TimelineEntry",
    "Unauthorized",
]
