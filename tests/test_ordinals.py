"""Ordinals as statements write them."""

from __future__ import annotations

import pytest

from indexer.text.ordinals import ordinal_number


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


@pytest.mark.parametrize(
    ("written", "number"),
    [("五", 5), ("十", 10), ("十五", 15), ("五十", 50), ("五十五", 55), ("十十", None), ("", None)],
)
def test_a_chinese_numeral_names_its_number(written, number):
    assert ordinal_number(written) == number
