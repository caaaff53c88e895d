"""Jinja2 filters of the theme (registered through Pelican's ``JINJA_FILTERS``)."""

from __future__ import annotations

import re

_NOT_DIAL = re.compile(r"[^0-9+\-]")


def tel(number: str) -> str:
    """A ``tel:`` URL for a phone number as written (``0571-8800 2200`` -> ``tel:0571-88002200``)."""
    return "tel:" + _NOT_DIAL.sub("", number or "")


FILTERS = {"tel": tel}
