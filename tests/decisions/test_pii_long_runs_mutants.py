"""Runs of digit groups around the 40-digit line (``pii._scan_groups``): a part made of several
groups is classified only up to 40 digits, longer ones are left to their smaller parts, and one
group is classified however long it is. Expected hits are worked out by hand from those rules and
the masking rule (first 3 and last 2 digits shown, every other digit a ``*``)."""

from __future__ import annotations

from sunlight.domain.pii import scan

TWENTY = "12345678901234567890"


def masked(digits: str) -> str:
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


def kinds_and_masks(text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.masked) for hit in scan(text)]


def test_two_groups_of_exactly_forty_digits_are_one_account() -> None:
    # 20 + 20 = 40 digits: still one part, the account the label names
    assert kinds_and_masks(f"账号 {TWENTY} {TWENTY}") == [("bank_account", masked(TWENTY * 2))]


def test_two_groups_of_forty_one_digits_are_split() -> None:
    # 21 + 20 = 41 digits: over the line, so each group alone: the first after the label is the
    # account, the second a long number of its own
    first = "1" + TWENTY
    assert kinds_and_masks(f"账号 {first} {TWENTY}") == [
        ("bank_account", masked(first)),
        ("long_number", masked(TWENTY)),
    ]


def test_two_long_groups_are_never_joined() -> None:
    first = TWENTY + "123"  # 23 + 20 = 43 digits
    assert kinds_and_masks(f"账号 {first} {TWENTY}") == [
        ("bank_account", masked(first)),
        ("long_number", masked(TWENTY)),
    ]


def test_one_group_over_forty_digits_is_still_classified() -> None:
    one = TWENTY * 3  # 60 digits, no separator
    assert kinds_and_masks(f"账号 {one}") == [("bank_account", masked(one))]
    assert kinds_and_masks(f"编号 {one}") == [("long_number", masked(one))]
