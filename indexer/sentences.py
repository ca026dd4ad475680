"""Split passage text into sentences, keeping each sentence's offsets in the passage.

Statements are full of full stops that do not end a sentence: honorifics ("H.E.", "Dr.",
"Mr."), abbreviations ("No.", "U.S.", "e.g.", "approx."), initials ("J. Smith") and the
numbers of numbered paragraphs ("12. Ministers welcomed ..."). A line break always ends a
sentence (extracted paragraphs are joined with blank lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lower-cased tokens (without their final dot) after which a dot never ends a sentence.
ABBREVIATIONS_TEXT = """
    h.e dr mr mrs ms mx prof hon rt st sr jr gen col capt lt gov sen rep amb
    no nos vol vols art arts para paras sec ch fig p pp op cf
    e.g i.e viz vs approx ca est dept univ inc ltd corp co bros assn
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u p.r hk
    """
ABBREVIATIONS = frozenset(ABBREVIATIONS_TEXT.split())

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of the first character in the passage
    end: int  # offset after the last character


def _is_abbreviation(token: str) -> bool:
    """True when the dot closing `token` belongs to an abbreviation, an initial or a number."""
    word = token.lstrip("\"'“‘([").rstrip(".")
    lower = word.lower()
    if lower in ABBREVIATIONS:
        return True
    if re.fullmatch(r"[A-Za-z]", word):  # an initial: "J. Smith"
        return True
    # dotted acronyms: "U.S", "P.R.C"
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


def _is_paragraph_number(text: str, dot: int) -> bool:
    """True for the dot of "12." or "(iv)." or "a." opening a line: a list number."""
    line_start = text.rfind("\n", 0, dot) + 1
    head = text[line_start : dot + 1].strip()
    return bool(re.fullmatch(r"\(?(?:\d{1,3}|[ivxlc]{1,6}|[a-z])[.)]", head, flags=re.I))


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    mark = match.group()
    following = _NEXT_START.match(text, match.end())
    if following is None:
        return True  # only whitespace remains
    first = following.group(2)
    if not mark.startswith("."):
        return first.isupper() or first.isdigit() or bool(following.group(1))
    dot = match.start()
    before = _TOKEN_BEFORE.search(text, 0, dot + 1)
    token = before.group(1) if before else ""
    if _is_paragraph_number(text, dot) or _is_abbreviation(token):
        return False
    # A lower-case continuation ("approx. five") is not a new sentence.
    return not first.islower()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, stripped, with their offsets into `text`."""
    sentences: list[Sentence] = []
    cuts = [0]
    for line in re.finditer(r"\n\s*", text):
        cuts.append(line.start())
        cuts.append(line.end())
    for match in _BOUNDARY.finditer(text):
        if _ends_sentence(text, match):
            cuts.append(match.end())
            cuts.append(match.end())
    cuts.append(len(text))
    cuts.sort()
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        chunk = text[a:b]
        stripped = chunk.strip()
        if not stripped:
            continue
        start = a + (len(chunk) - len(chunk.lstrip()))
        sentences.append(Sentence(stripped, start, start + len(stripped)))
    return sentences
