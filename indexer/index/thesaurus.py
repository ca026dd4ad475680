"""The domain thesaurus at query time: words of a query that name a concept of the record
(``indexer/text/concepts.toml``: "access to finance", "e-commerce", "women
entrepreneurs", ...) also match the concept's other terms, weighted below the words typed.

Terms are compared as the index analyses them (folded, one spelling, stemmed, stop words
left out), so "e-commerce" and "E-Commerce", "digitalization" and "digitalisation" name the
same concept. Quoted words, field values, exclusions and prefixes are never expanded; in a
query with OR, AND or parentheses a term is read within the words between two operators
("SME OR MSME": "SME", then "MSME"), so the user's logic stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from indexer.index.analysis import STEM
from indexer.record.economies import DEMONYMS, ECONOMIES, NAMES_ELSEWHERE
from indexer.text.concepts import Concept, concepts

# An other term's score is this share of the typed words' score (BM25F), so a passage with
# the words typed ranks above one with only a synonym (on the development half of
# bench/data/real, 0.35, 0.5, 0.7 and 1.0 gave topical recall@10 0.776, 0.782, 0.790, 0.790
# and precision@10 0.377, 0.381, 0.388, 0.388, MRR 0.864 for each; above a half, a short
# passage with a synonym starts to be shown before a long one with the word typed).
CONCEPT_WEIGHT = 0.5
# A term in another language weighs this share of an English one, so that documents in the
# language typed come first and one in another language fills in below them (on the
# development half of bench/data/real, topical recall@10 0.750 at 0.1, 0.25 and 0.5 as
# without translations, 0.748 at 1.0: a Korean story saying "digital" once came before a
# statement on digitalisation).
TRANSLATION_WEIGHT = 0.5  # and an English term this share of one in the language typed
_SYNTAX = re.compile(r"\b(?:OR|AND|NOT)\b|[()]")
CHUNK = re.compile(r'"[^"]*"|\S+')  # a quoted phrase or a run of non-spaces


@lru_cache(maxsize=65536)
def _key(text: str) -> tuple[str, ...]:
    """The analysed words of ``text`` (stop words left out): what a term is compared by;
    kept for the words of queries, which repeat."""
    return tuple(t.text for t in STEM(text, mode="query"))


@lru_cache(maxsize=65536)
def _keys(term: str) -> tuple[tuple[str, ...], ...]:
    """What ``term`` is compared by: its analysed words, and for a hyphenated term those of
    its joined form too ("e-commerce" and "ecommerce", "start-ups" and "startups"), as the
    index holds a compound both ways."""
    keys = [_key(term), _key(re.sub(r"(?<=\w)-(?=\w)", "", term))]
    return tuple(k for k in dict.fromkeys(keys) if k)


@cache
def _economies() -> tuple[Concept, ...]:
    """Each APEC economy with other names, as a concept of its names
    (``indexer.record.economies``: "Vietnam" also matches "Viet Nam", "Korea" "Republic of
    Korea"). A name read as one word of two letters names none: "US" and "U.S." are read
    as "us", which in a query is most often the pronoun. Each adjective of an economy
    (``DEMONYMS``) is a concept of its own, matching the economy's names too (on the
    development half of bench/data/real, topical recall@10 0.760 -> 0.766, MRR and named
    queries unchanged; without roll calls, ``indexer.search.roll_call``, "American small
    businesses" put every statement listing the United States first). An economy's names
    in other languages (``NAMES_ELSEWHERE``) are names of it too, weighted as
    translations."""
    found = []
    for name, aliases in ECONOMIES.items():
        names = [n.lower() for n in (name, *aliases)]
        kept = tuple(n for n in names if len("".join(_key(n))) > 2 or len(_key(n)) > 1)
        languages = tuple(
            (other, code)
            for code, others in NAMES_ELSEWHERE.get(name, {}).items()
            for other in others
        )
        kept += tuple(other for other, _ in languages)
        if len(kept) > 1:
            found.append(Concept(name, kept, None, names=True, languages=languages))
        # "American" also matches the names, but a name does not match the adjective: "China"
        # is not "Chinese Taipei", nor "United States" "Latin American"
        found += [Concept(name, (d.lower(),), None, also=kept) for d in DEMONYMS.get(name, ())]
    return tuple(found)


@cache
def _concepts() -> tuple[Concept, ...]:
    """The concepts file's concepts, then the economies'."""
    return (*concepts(), *_economies())


@cache
def _terms() -> dict[tuple[str, ...], tuple[Concept, str]]:
    """Each concept term's keys (``_keys``) -> (its concept, the term); the first concept
    listed keeps a term two concepts share."""
    found: dict[tuple[str, ...], tuple[Concept, str]] = {}
    for concept in _concepts():
        for term in concept.terms:
            for key in _keys(term):
                found.setdefault(key, (concept, term))
    return found


@lru_cache(maxsize=1024)
def other_names(name: str) -> tuple[str, ...]:
    """The terms of the concept ``name`` is, whole, a term of ("Ha Noi" -> ("ha noi",
    "hanoi")), else (): what else a meeting's city is called."""
    found = _terms().get(_key(name))
    return found[0].terms if found else ()


@cache
def _languages() -> dict[str, str]:
    return {term: code for concept in _concepts() for term, code in concept.languages}


def language_of(term: str) -> str | None:
    """The ISO 639 code of the language of the concept term ``term`` as listed (its
    ``translations``), or None for English and for any other text."""
    return _languages().get(term)


def weight_of(term: str, typed_language: str | None = None) -> float:
    """The weight of the concept term ``term`` when a term of its concept in
    ``typed_language`` (``language_of`` it: None for English) is typed: CONCEPT_WEIGHT,
    times TRANSLATION_WEIGHT for a term in another language: "pymes" weighs "mipymes"
    above "SMEs"."""
    other_language = language_of(term) != typed_language
    return CONCEPT_WEIGHT * (TRANSLATION_WEIGHT if other_language else 1.0)


def terms() -> list[str]:
    """Every term naming a concept: the concepts file's, then the economies' names."""
    return [term for concept in _concepts() for term in concept.terms]


@cache
def _longest() -> int:
    return max((len(k) for k in _terms()), default=0)


@dataclass(frozen=True)
class Mention:
    """Words of a query that name a concept: their character span, the concept, the other
    terms to match too and the term the words are (as the concept lists it)."""

    start: int
    end: int
    concept: Concept
    others: tuple[str, ...]
    term: str = ""


@cache
def _others(concept: Concept, term: str) -> tuple[str, ...]:
    """The concept's terms (and ``also`` terms) other than ``term``: a word once per
    analysed form (it is matched stemmed), a term of several words once as written (it is
    matched as a phrase of the words as written, ``queries._other_term``: "service
    industry" and "services industries" are two). A term analysed as ``term`` is left out
    (the words typed match it), and so is one whose analysed words are some of ``term``'s
    (an ``also`` term is kept: it is listed for what it matches): "informality" is
    analysed as "informal", so as another term of "informal sector" it would match any
    "informal" on its own ("informal talks"), which the words typed together do not (on
    the development half of bench/data/real, topical recall@10 0.805 -> 0.809, precision@10
    0.400 -> 0.404); but not from a concept of ``names``: "Korea" is still the "Republic
    of Korea" typed."""
    seen: set[tuple[str, ...] | str] = set(_keys(term))
    typed = {word for key in seen for word in key}
    out = []
    for other in concept.terms + concept.also:
        keys = _keys(other)
        part_of_typed = (
            not concept.names and other not in concept.also and any(set(k) < typed for k in keys)
        )
        forms = keys if len(re.findall(r"\w+", other)) == 1 else [other]
        if seen.isdisjoint(keys) and seen.isdisjoint(forms) and not part_of_typed:
            seen.update(forms)
            out.append(other)
    return tuple(out)


def is_typed(term: str, typed: Sequence[str]) -> bool:
    """Whether ``term`` is one of the concept terms a query ``typed`` (the text of each of
    its mentions), in any analysed form: "SME OR MSME" types "msmes", "natural disasters
    and disaster resilience" both terms of disaster resilience; "access to finance" does
    not type "financing"."""
    return not {_key(text) for text in typed}.isdisjoint(_keys(term))


def names_a_concept(keys: Sequence[str]) -> bool:
    """Whether a run of plain words whose analysed tokens (``_key``'s, stop words left
    out) are ``keys``, in order, names a concept: whether ``mentions`` finds any."""
    terms, longest = _terms(), _longest()
    return any(
        tuple(keys[i:j]) in terms
        for i in range(len(keys))
        for j in range(i + 1, min(i + longest, len(keys)) + 1)
    )


def mentions(text: str) -> list[Mention]:
    """The concepts ``text`` names in its plain words, left to right, longest terms first.
    A term is never read across an operator (OR, AND, NOT) or a parenthesis."""
    # Runs of plain words (a quoted phrase, field:value, -word, word*, an operator or a
    # parenthesis breaks a run), each word's analysed tokens with the word's span.
    runs: list[list[tuple[str, int, int]]] = [[]]
    for m in CHUNK.finditer(text):
        chunk = m.group(0)
        word = chunk.strip("()")
        start = m.start() + chunk.index(word) if word else m.start()
        if chunk[0] in '"-+' or ":" in chunk or chunk.endswith("*") or _SYNTAX.fullmatch(word):
            runs.append([])
            continue
        if chunk[0] == "(":
            runs.append([])
        runs[-1] += [(t, start, start + len(word)) for t in _key(word)]
        if chunk[-1] == ")":
            runs.append([])
    terms, longest = _terms(), _longest()
    found: list[Mention] = []
    for run in runs:
        i = 0
        while i < len(run):
            for n in range(min(longest, len(run) - i), 0, -1):
                hit = terms.get(tuple(t for t, _, _ in run[i : i + n]))
                if hit:
                    concept, term = hit
                    others = _others(concept, term)
                    found.append(Mention(run[i][1], run[i + n - 1][2], concept, others, term))
                    i += n
                    break
            else:
                i += 1
    return found
