"""Split a paragraph into sentences, without breaking at abbreviations common in statements.

A sentence ends at `.`, `!` or `?` (optionally followed by a closing quote or bracket) when
whitespace and then a capital letter, a digit, an opening quote or bracket follow. It does not
end after an abbreviation ("H.E.", "Dr.", "No.", "e.g."), a dotted acronym ("U.S.", "P.R.C.")
or a single initial ("J. Smith").
"""

from __future__ import annotations

import re

# Lower-cased, without the final dot.
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "no", "nos", "vol", "art", "arts",
        "para", "paras", "p", "pp", "fig", "figs", "ch", "sec", "approx", "inc", "ltd", "co",
        "corp", "dept", "gov", "hon", "rev", "gen", "amb", "e.g", "i.e", "etc", "cf", "vs",
        "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip

_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_LAST_TOKEN = re.compile(r"(\S+)$")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")  # H.E  U.S  P.R.C


def _is_abbreviation(before: str) -> bool:
    """Whether the text just before a dot ends with an abbreviation."""
    match = _LAST_TOKEN.search(before)
    if not match:
        return False
    token = match.group(1).lstrip("([\"'“‘")
    if token.lower() in ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isupper():  # an initial: "J. Smith"
        return True
    return bool(_DOTTED_ACRONYM.match(token))


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, in order; blank input gives []."""
    text = " ".join(text.split())
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text[start : match.start()]):
            continue
        sentence = text[start : match.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
