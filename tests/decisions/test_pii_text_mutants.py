"""The first look (``pii_text.flagged``) on literal texts: which texts may hold a personal number.

The rule (module docstring): a run of ten digits anywhere, or of seven shortly after a character
that may begin a phone or account label; nothing else. The expected indexes are the texts the
numbers were written into.
"""

from __future__ import annotations

import pytest
from sunlight.domain.pii_text import flagged, normalise


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["无", "编号1234567890"], [1]),  # exactly ten digits, no label
        (["编号123 456 789"], []),  # nine digits, eleven characters, no label: not a number
        (["编号123456789"], []),  # nine digits, no label
        (["电话 1234567"], [0]),  # exactly seven digits after a phone label
        (["电话 123456"], []),  # six digits after a label: too short for any number
        (["", "编号1234567890"], [1]),  # an empty first text
    ],
)
def test_the_first_look_on_single_line_texts(texts: list[str], expected: list[int]) -> None:
    assert flagged(texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a text holding a newline itself: the number is still attributed to its own text
        (["a\nb", "", "1234567890"], [2]),
        (["a\nb", "", "", "", "", "", "1234567890", "x"], [6]),
        (["第一行\n第二行", "1234567890", "无"], [1]),
        (["第一行\n第二行 1234567890", "无", "电话 1234567"], [0, 2]),
    ],
)
def test_the_first_look_on_texts_with_newlines(texts: list[str], expected: list[int]) -> None:
    assert flagged(texts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic-Indic digits (U+0660-U+0669), which NFKC leaves alone, read as ASCII digits
        ("电话\u0661\u0663\u0668\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", "电话13812345678"),
        # Devanagari digits (U+0966-U+096F)
        ("账号\u096c\u0968\u0968\u0968", "账号6222"),
    ],
)
def test_digits_of_other_scripts_are_read_as_digits(text: str, expected: str) -> None:
    assert normalise(text) == expected
