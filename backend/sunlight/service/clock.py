"""Local dates for the service: the pure conversions of ``sunlight.domain.local_time`` (the clock
itself, and the ``--now`` parser, are ``sunlight.clock``)."""

from sunlight.domain.local_time import SHANGHAI, aware, local_date

__all__ = ["SHANGHAI", "aware", "local_date"]
