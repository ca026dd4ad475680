"""Question analysis: what a question asks for, and the search that finds its answer.

A question becomes a bag of content terms (question words and stop words dropped, names,
years and quoted phrases kept), a handful of domain synonyms, and an expected answer type.
The same term normalisation (`term_key`) is applied to candidate sentences, so matching a
sentence against the question is a matter of comparing keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from indexer.backend import STEM

# Answer types, and the question wording that asks for each. The earliest match wins.
ANSWER_TYPES = ("person", "date", "place", "share", "number", "other")
_TYPE_PATTERNS: dict[str, re.Pattern[str]] = {
    "share": re.compile(
        r"\b(?:what|which)\s+(?:share|percentage|proportion|percent|fraction|part)\b"
        r"|\bhow\s+much\s+of\b|\bwhat\s+%",
        re.I,
    ),
    "number": re.compile(r"\bhow\s+(?:many|much)\b|\bwhat\s+(?:is\s+the\s+)?number\b", re.I),
    "date": re.compile(r"\bwhen\b|\b(?:what|which)\s+(?:year|date|month|day)\b", re.I),
    "place": re.compile(
        r"\bwhere\b|\b(?:what|which)\s+(?:city|place|venue|country|location|town)\b"
        r"|\bwhich\s+economy\s+(?:hosted|held)\b",
        re.I,
    ),
    "person": re.compile(
        r"\bwho(?:m|se)?\b|\b(?:what|which)\s+(?:minister|official|person|chair)\b", re.I
    ),
}

# Words that say what kind of answer is wanted, not what it is about.
_TYPE_WORDS_TEXT = """year date month day city place venue country location town share
    percentage proportion percent fraction part number name"""
_TYPE_WORDS = frozenset(_TYPE_WORDS_TEXT.split())

STOP_WORDS_TEXT = """
    a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can could did didn't do does doesn't doing done
    down during each few for from further had has have having he her here hers him his how
    i if in into is isn't it its itself just let me more most much my no nor not of off on
    once only or other our ours out over own please said same say says she should so some
    such tell than that the their theirs them then there these they this those through to
    too under until up upon us very was wasn't we were weren't what whatever when where
    whether which while who whom whose why will with would you your many
    """
STOP_WORDS = frozenset(STOP_WORDS_TEXT.split())

# Domain synonyms: every spelling in a group shares one key and expands to all the others.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("SME", "SMEs", "MSME", "MSMEs"),
    ("chair", "chaired", "chairmanship"),
    ("startup", "startups", "start-up", "start-ups"),
)

MAX_TERMS = 32  # a long question searches on its first 32 distinct content words
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_YEAR_RANGE = re.compile(r"\b(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\b")
_QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")
# Hyphenated spellings folded before tokenising, so that they meet their closed forms.
_FOLD = (re.compile(r"\bstart-ups?\b", re.I), "startup")


@lru_cache(maxsize=65536)
def _stem_key(word: str) -> str:
    """The index's own stem of a word (the lower-cased word for a stop word)."""
    tokens = [t.text for t in STEM(word)]
    return tokens[0] if tokens else word.lower()


_SYNONYM_KEY = {
    _stem_key(w): _stem_key(group[0]) for group in SYNONYM_GROUPS for w in group if "-" not in w
}


def term_key(word: str) -> str:
    """The matching key of one word: lower-cased, stemmed, synonyms merged."""
    key = _stem_key(word)
    return _SYNONYM_KEY.get(key, key)


def words(text: str) -> list[str]:
    """The words of `text`, hyphenated compounds split ("women-owned" -> women, owned)."""
    return _WORD.findall(_FOLD[0].sub(_FOLD[1], text))


def keys(text: str) -> list[str]:
    """Matching keys of every word of `text`, in order (stop words included, for positions)."""
    return [term_key(w) for w in words(text)]


@dataclass
class Question:
    text: str
    answer_type: str
    terms: list[str] = field(default_factory=list)  # content words as written, in order
    names: list[str] = field(default_factory=list)  # capitalised content words
    years: list[int] = field(default_factory=list)  # single years, not ranges
    phrases: list[str] = field(default_factory=list)  # quoted phrases

    @property
    def term_keys(self) -> list[str]:
        """Distinct matching keys of the content terms."""
        return list(dict.fromkeys(term_key(t) for t in self.terms))

    @property
    def name_keys(self) -> set[str]:
        return {term_key(n) for n in self.names}

    @property
    def query(self) -> str:
        """The words to search for: the content terms and their domain synonyms' spellings."""
        out: list[str] = []
        for term in self.terms:
            key = term_key(term)
            group = [v for g in SYNONYM_GROUPS if key == term_key(g[0]) for v in g]
            out.extend(v.lower() for v in group or [term] if "-" not in v)
        return " ".join(dict.fromkeys(out))

    @property
    def phrase_keys(self) -> list[list[str]]:
        return [keys(p) for p in self.phrases]


def answer_type(text: str) -> str:
    """The kind of answer the question asks for (one of ANSWER_TYPES)."""
    found = [(m.start(), kind) for kind, pat in _TYPE_PATTERNS.items() if (m := pat.search(text))]
    return min(found)[1] if found else "other"


def analyse(text: str) -> Question:
    """Turn a question into search terms, names, years, phrases and an answer type."""
    text = text.strip()
    phrases = [p.strip() for p in _QUOTED.findall(text) if words(p)]
    kind = answer_type(text)
    terms: list[str] = []
    names: list[str] = []
    for i, word in enumerate(words(text)):
        lower = word.lower()
        if lower in STOP_WORDS or (lower in _TYPE_WORDS and kind != "other"):
            continue
        if len(word) == 1 and not word.isdigit():
            continue
        if len({term_key(t) for t in terms}) >= MAX_TERMS:
            break
        terms.append(word)
        capitalised = (i > 0 and word[0].isupper()) or (word.isupper() and len(word) > 1)
        if capitalised and term_key(word) not in _SYNONYM_KEY.values():
            names.append(word)
    # A year range names a period ("the plan for 2013-2016"), not when something happened.
    years = sorted({int(y) for y in _YEAR.findall(_YEAR_RANGE.sub(" ", text))})
    return Question(text, kind, terms, names, years, phrases)
