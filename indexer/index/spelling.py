"""Did you mean: a SymSpell dictionary of the index's own words, one per index generation.

The build writes ``spelling.txt`` into each generation folder before swapping it in: one
``word documents`` line per word of the index's unstemmed text found in at least
``MIN_DOCUMENTS`` documents, so a fragment that occurs once (a word cut at a line end,
"coope") is never offered. The Engine loads it once per generation and looks words up in
microseconds (SymSpell's precomputed deletes: Wolf Garbe, "SymSpell", 2012,
https://github.com/wolfgarbe/SymSpell; the Python port ``symspellpy``).

Acronyms are never "corrected" into other acronyms (MSME is not a misspelt SME): beside the
dictionary, ``acronyms.txt`` lists its words that the documents write in capitals, and such a
word is not offered for an acronym the user typed in capitals, nor for any short word.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path

from symspellpy import SymSpell, Verbosity

# English words as symspellpy ships them (82,765 words of Google Books n-gram counts that
# SCOWL lists): a word of English the index does not hold is not a misspelling of one it
# does ("carbon" is not "carlos", nor "child" "chile").
ENGLISH_WORDS = "frequency_dictionary_en_82_765.txt"

DICTIONARY_FILE = "spelling.txt"
ACRONYMS_FILE = "acronyms.txt"
OPEN_FORMS_FILE = "open_forms.txt"  # "policymakers policy makers": a word written open too
ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")  # "MSME", "SMEs"
MIN_DOCUMENTS = 2
MAX_DISTANCE = 2  # edits; words of up to SHORT_WORD letters get at most 1
SHORT_WORD = 5
PREFIX_LENGTH = 7  # SymSpell's default: deletes are precomputed on a word's first 7 letters
# English negating prefixes: "unbalanced" is not a misspelt "balanced", but its opposite.
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis", "mis", "anti")


def is_acronym(word: str) -> bool:
    """A word as typed or written in capitals ("MSME", "SMEs")."""
    return ACRONYM.fullmatch(word) is not None


def capitalised(texts: Iterable[str]) -> Counter[str]:
    """``{word lowercased: times the texts write it in capitals}`` ("SMEs" counts "smes")."""
    return Counter(m.group().lower() for text in texts for m in ACRONYM.finditer(text))


def dictionary(documents: Mapping[str, int]) -> list[tuple[str, int]]:
    """The dictionary's ``(word, documents)`` from ``{word: number of documents holding
    it}``: words in at least ``MIN_DOCUMENTS`` documents, most frequent first."""
    return sorted(
        ((w, n) for w, n in documents.items() if n >= MIN_DOCUMENTS and " " not in w),
        key=lambda item: (-item[1], item[0]),
    )


def write_dictionary(
    gen_dir: Path, documents: Mapping[str, int], capitals: Mapping[str, int] | None = None
) -> int:
    """Write ``gen_dir/spelling.txt`` from ``{word: number of documents holding it}``, and
    ``acronyms.txt``: its words written in capitals (``capitals``, from ``capitalised``) at
    least once per document holding them, hence acronyms rather than words in a heading.

    Only words in at least ``MIN_DOCUMENTS`` documents are written, most frequent first.
    Returns how many were written.
    """
    kept = dictionary(documents)
    text = "".join(f"{w} {n}\n" for w, n in kept)
    (gen_dir / DICTIONARY_FILE).write_text(text, encoding="utf-8")
    capitals = capitals or {}
    acronyms = "".join(f"{w}\n" for w, n in kept if capitals.get(w, 0) >= n)
    (gen_dir / ACRONYMS_FILE).write_text(acronyms, encoding="utf-8")
    return len(kept)


def write_open_forms(gen_dir: Path, forms: Mapping[str, tuple[str, str]]) -> None:
    """Write ``gen_dir/open_forms.txt``: each dictionary word the index also writes as two
    words side by side (``store.open_forms``), with those words."""
    text = "".join(f"{word} {a} {b}\n" for word, (a, b) in sorted(forms.items()))
    (gen_dir / OPEN_FORMS_FILE).write_text(text, encoding="utf-8")


class Speller:
    """Suggestions from one generation's dictionary (empty when the file is missing, as in
    a generation built before dictionaries were written: then nothing is suggested)."""

    def __init__(self, gen_dir: Path):
        self._sym = SymSpell(max_dictionary_edit_distance=MAX_DISTANCE, prefix_length=PREFIX_LENGTH)
        path = gen_dir / DICTIONARY_FILE
        if path.is_file():
            self._sym.load_dictionary(path, term_index=0, count_index=1, encoding="utf-8")
        acronyms = gen_dir / ACRONYMS_FILE
        self._acronyms = (
            set(acronyms.read_text(encoding="utf-8").split()) if acronyms.is_file() else set()
        )
        opened = gen_dir / OPEN_FORMS_FILE
        lines = opened.read_text(encoding="utf-8").splitlines() if opened.is_file() else []
        rows = (line.split() for line in lines)  # "word first second"; any other line skipped
        self._open_forms = {row[0]: (row[1], row[2]) for row in rows if len(row) == 3}

    def __len__(self) -> int:
        return self._sym.word_count

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` (lowercased and accent-folded) is a dictionary word: in at
        least MIN_DOCUMENTS documents."""
        return word in self._sym.words

    def open_form(self, word: str) -> tuple[str, str] | None:
        """The two words side by side that the index also writes ``word`` (folded) as
        ("policymakers" -> ("policy", "makers")), if it does."""
        return self._open_forms.get(word)

    def suggest(self, word: str, *, acronym: bool = False) -> str | None:
        """The closest dictionary word to ``word`` (already lowercased and accent-folded)
        that starts with its first letter, if one does: on a tie, one that ``word`` is with
        letters left out, then the more frequent;
        None when none is within 1 edit (words of up to 5 letters) or 2 edits (longer
        words), or when ``word`` is itself in the dictionary,
        or when the closest is an acronym and ``word`` is short or was typed as an
        acronym (``acronym``), or when it is ``word`` without a negating prefix
        (NEGATING_PREFIXES: "unbalanced" is not corrected to "balanced"), or when ``word``
        is itself a word of English (``is_english``).

        The caller checks first that the index does not hold ``word`` as written (a word in
        a single document is not in the dictionary, yet must not be "corrected";
        ``store.correction``).
        """
        distance = 1 if len(word) <= SHORT_WORD else MAX_DISTANCE
        # the closest, most frequent first (all the closest: a third of the cost of all)
        found = self._sym.lookup(word, Verbosity.CLOSEST, max_edit_distance=distance)
        if not found or found[0].term == word:
            return None
        # Few misspellings change a word's first letter (Pollock and Zamora, "Automatic
        # spelling correction in scientific and scholarly text", CACM 27(4), 1984):
        # "labour" is not a misspelt "about".
        same_start = [s.term for s in found if s.term[:1] == word[:1]]
        if not same_start:
            return None
        # Among those, a word that ``word`` is with letters left out first: omission is
        # the most common misspelling (ibid.), so "shangai" is "shanghai", not "shangri".
        better = next((t for t in same_start if _leaves_out(word, t)), same_start[0])
        if better in self._acronyms and (acronym or len(word) <= SHORT_WORD):
            return None
        if word.endswith(better) and word[: -len(better)] in NEGATING_PREFIXES:
            return None
        return None if is_english(word) else better


def is_english(word: str) -> bool:
    """Whether ``word`` (lower case) is one of ENGLISH_WORDS."""
    hashes = _english_hashes()
    i = bisect_left(hashes, hash(word))
    return i < len(hashes) and hashes[i] == hash(word)


@cache
def _english_hashes() -> array:
    """The hashes of ENGLISH_WORDS' words, sorted: read once per process, when a first
    word is about to be corrected. As 64-bit integers they take under 1 MB where the words
    as a set of strings take 9 MB; a word taken for English by sharing a 64-bit hash
    with one is vanishingly rare (about 1 in 10^14)."""
    text = files("symspellpy").joinpath(ENGLISH_WORDS).read_text(encoding="utf-8")
    return array("q", sorted(hash(line.split(" ", 1)[0]) for line in text.splitlines() if line))


def _leaves_out(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with some of its letters left out, the rest in order."""
    letters = iter(word)
    return len(typed) < len(word) and all(c in letters for c in typed)
