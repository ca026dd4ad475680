"""Ordinals as statements write them, and the SME Ministerial Meeting year they imply."""

from __future__ import annotations

import pytest

from indexer.text.ordinals import meeting_number, meeting_year, ordinal_number


@pytest.mark.parametrize(
    ("token", "number"),
    [
        ("12th", 12),
        ("1st", 1),
        ("twelfth", 12),
        ("Twenty-first", 21),
        ("twenty first", 21),
        ("thirtieth", 30),
        ("inaugural", 1),
        ("first", 1),
        ("meeting", None),
        ("twenty", None),
    ],
)
def test_ordinal_number(token, number):
    assert ordinal_number(token) == number


def test_the_nth_meeting_is_held_in_1993_plus_n():
    assert meeting_year(1) == 1994 and meeting_year(28) == 2021
    assert meeting_number(1994) == 1 and meeting_number(meeting_year(40)) == 40
