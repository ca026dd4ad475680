"""Ordinal numbers as statements write them ("12th", "twelfth", "twenty-first")."""

from __future__ import annotations

import re

UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
TEENS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40}  # "twenty-first": TENS + a unit
# Every ordinal written as one word: "first" 1 … "nineteenth" 19, "twentieth" 20, …
ORDINAL_WORDS = (
    {w: n for n, w in enumerate(UNITS, 1)}
    | {w: n for n, w in enumerate(TEENS, 10)}
    | {"twentieth": 20, "thirtieth": 30, "fortieth": 40}
)

# An ordinal as a regular expression: "12th", "38 th", "twelfth", "twenty-first", "inaugural"
ORDINAL = (
    r"(?:\d{1,2}\s?(?:st|nd|rd|th)"
    rf"|(?:{'|'.join(TENS)})[\s-]?(?:{'|'.join(UNITS)})"
    rf"|{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))}|inaugural)"
)


CHINESE_DIGITS = "一二三四五六七八九"
# one to ninety-nine: "五", "十五", "五十", "五十五"
CHINESE_NUMERAL = re.compile(f"[{CHINESE_DIGITS}]?十?[{CHINESE_DIGITS}]?(?<=.)")


def ordinal_number(token: str) -> int | None:
    """The number an ordinal names: "12th" -> 12, "twelfth" -> 12, "twenty-first" or
    "twenty first" -> 21, "inaugural" -> 1, the Chinese numeral of "第五十五屆" ("五十五")
    -> 55; None for anything else."""
    token = token.strip().lower()
    digits = re.match(r"(\d+)(?:st|nd|rd|th)?$", token)
    if digits:
        return int(digits.group(1))
    if CHINESE_NUMERAL.fullmatch(token):
        tens, ten, unit = token.rpartition("十")
        return (CHINESE_DIGITS.index(tens) + 1 if tens else 1 if ten else 0) * 10 + (
            CHINESE_DIGITS.index(unit) + 1 if unit else 0
        )
    if token == "inaugural":
        return 1
    if token in ORDINAL_WORDS:
        return ORDINAL_WORDS[token]
    tens, _, unit = re.sub(r"[\s-]+", " ", token).partition(" ")
    if tens in TENS and unit in UNITS:
        return TENS[tens] + UNITS.index(unit) + 1
    return None


def ordinal(n: int) -> str:
    """1 -> '1st', 22 -> '22nd', 13 -> '13th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
