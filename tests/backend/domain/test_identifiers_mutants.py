"""``normalise_identifier``: the lookup key of a 决定文书号 or record id, from the rules of its
docstring and docs (NFKC, upper case, no spaces, brackets/第/号/punctuation dropped, a run of
digits between two parts joined by one ``-``, leading zeros dropped from a number that does not
touch a Latin letter). Every expected key is written out by hand.
"""

from __future__ import annotations

import pytest
from sunlight.domain.identifiers import normalise_identifier


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the three spellings of the docstring
        ("明城管罚决字〔2026〕第000051号", "明城管罚决字2026-51"),
        ("明城管罚决字[2026]51号", "明城管罚决字2026-51"),
        ("明城管罚决字（２０２６）第51号", "明城管罚决字2026-51"),
        # without 号 at the end: the serial is the last thing in the text
        ("明城管罚决字〔2026〕第000051", "明城管罚决字2026-51"),
        # a serial of zeros is 0
        ("明城管罚决字〔2026〕第000号", "明城管罚决字2026-0"),
        # the year glued to the serial
        ("明城管罚决字2026000051号", "明城管罚决字2026-51"),
        # spaces dropped; lower case read as upper case
        ("明城管罚决字 〔2026〕 51 号", "明城管罚决字2026-51"),
        ("mc-2026-0080", "MC2026-80"),
        # spaces go first, so the digits run together and touch the C: nothing is dropped
        ("mc 2026 0080", "MC20260080"),
        # a number touching a Latin letter keeps its zeros, on either side
        ("MC0080", "MC0080"),
        ("0080MC", "0080MC"),
        ("明A007", "明A007"),
        # a number at the very start, not touching a letter, loses its zeros
        ("0051号", "51"),
        ("007号A", "7A"),
        # a credit code keeps every zero
        ("91350100M000100Y43", "91350100M000100Y43"),
    ],
)
def test_literal_keys(text: str, key: str) -> None:
    assert normalise_identifier(text) == key
