"""Reading a user's query into Whoosh queries (fields, phrases, prefixes, exclusions, spelling
variants) and running them against an open generation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from whoosh import qparser, query
from whoosh.query.spans import Span, SpanNear2

from indexer.extract.doctype import STATEMENT_TYPES
from indexer.index import thesaurus
from indexer.index.analysis import (
    DOTTED_ACRONYM,
    PERCENT,
    STEM,
    STOP_WORDS,
    fold_word,
    make_schema,
)
from indexer.index.segment import NEEDS_SEGMENTS, TOKEN, segments
from indexer.index.store import Reader
from indexer.model import DOC_TYPES

# -- queries -----------------------------------------------------------------

SEARCH_FIELDS = ("title", "body")
USER_FIELDS = {"title", "body", "type", "doc_type", "year", "location", "exact"}
# Fields whose values are a document's own words (where it was issued, its title): a search
# held to one that finds nothing is offered the same words anywhere (``without_word_fields``).
WORD_FIELDS = ("location", "title")


def _parser() -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(SEARCH_FIELDS), make_schema(), group=qparser.AndGroup)
    # "-word" excludes a word; a hyphen inside "women-owned" does not.
    parser.add_plugin(qparser.PlusMinusPlugin(r"(?:^|(?<=[\s(]))\+", r"(?:^|(?<=[\s(]))-(?=\w)"))
    parser.add_plugin(qparser.FieldAliasPlugin({"doc_type": ["type"]}))
    parser.remove_plugin_class(qparser.WildcardPlugin)
    parser.remove_plugin_class(qparser.BoostPlugin)
    parser.add_plugin(qparser.PrefixPlugin())  # "digital*", written as exact:digital* by _rewrite
    return parser


_PARSER = _parser()


@dataclass
class Parsed:
    query: Any
    notes: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the user's plain words, for spelling
    stems: set[str] = field(default_factory=set)  # terms to highlight (stemmed)
    exact: set[str] = field(default_factory=set)  # terms to highlight (unstemmed)
    excluded: Any = None  # what NOT/-word excludes: documents with a passage matching it
    prefixes: set[str] = field(default_factory=set)  # "digital*" -> "digital" (folded)
    too_common: list[str] = field(default_factory=list)  # a query of stop words only
    expanded: list[tuple[str, str]] = field(default_factory=list)  # (other term, concept)
    typed: Any = None  # the query before the thesaurus, when it expanded any words
    sequence: tuple[str, ...] = ()  # a query of plain words: their stems in order, stop words out
    # a concept's other terms of several words also matched: their folded words, stop words
    # out, highlighted only where they stand together (``phrase_words``)
    phrases: set[tuple[str, ...]] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return self.query is query.NullQuery


_OPS = {"AND", "OR", "NOT"}
# Typographic double quotes, as phones, word processors and French or German keyboards type
# them (“ ” „ ‟ « » and the fullwidth ＂), mark a phrase as straight ones do.
_DOUBLE_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02", '"'))
_QUOTED = re.compile(r'(\w+:)?"([^"]*)"')
_FIELD = re.compile(r"\b(\w+):(?=\S)")
_YEAR_RANGE = re.compile(r"\byear:(\d{4})\s*(?:\.\.|-)\s*(\d{4})\b")
_TYPE_VALUE = re.compile(r"\b(?:doc_)?type:(\w+)", re.I)
_YEAR_VALUE = re.compile(r"\byear:(?!\d{4}\b|\[\d{4} TO \d{4}\])(\S*)", re.I)
# "type:outcomes": the record's official outcomes, as the type facet groups them
OUTCOMES = "outcomes"


def _tidy_operators(text: str, notes: list[str]) -> str:
    """Drop operators with nothing on one side ("AND" at the end, "OR OR")."""
    parts = re.findall(r'"[^"]*"|\S+', text)
    out: list[str] = []
    for part in parts:
        if part in ("AND", "OR") and (not out or out[-1] in _OPS):
            notes.append(f"ignored a dangling {part}")
            continue
        out.append(part)
    while out and out[-1] in _OPS:
        notes.append(f"ignored a dangling {out.pop()}")
    return " ".join(out)


# "U.S." / "A.P.E.C" as one word; "e commerce" as "e-commerce"; "cross-border" (not after a
# field name or a leading minus); "digital*" (at least two letters).
_ACRONYM = re.compile(rf"(?<![\w.])({DOTTED_ACRONYM.pattern})\.?(?!\w)")
_E_PREFIX = re.compile(r"(?<![\w:.-])([eE])\s+(?=[^\W\d_]{3,})")
_COMPOUND = re.compile(r"(?<![\w:.*-])(\w+(?:[-\u2010\u2011]\w+)+)(?![\w*:.-])")
_PREFIX = re.compile(r"(?<![\w:.*-])(-?)(\w{2,})\*(?=\s|\)|$)")


def _spellings(text: str) -> str:
    """Outside quotes: acronyms without dots, a hyphenated compound as its joined form or
    its parts side by side, the last in either number ("co-operation" -> '(cooperation OR
    "co operation" OR "co operations")', so it meets "cooperation", "co-operation" and "co
    operation", not "co-sponsored ... operate"), and "word*" on the exact field."""
    text = _ACRONYM.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _E_PREFIX.sub(r"\1-", text)

    def compound(m: re.Match) -> str:
        parts = re.split(r"[-\u2010\u2011]", m.group(1))
        *first, last = parts
        # the parts side by side are matched unstemmed: the last in either number too, as
        # the joined form is ("micro enterprise" and "micro enterprises")
        spaced = [" ".join(parts), " ".join([*first, in_other_number(last)])]
        return "(" + " OR ".join(["".join(parts), *(f'"{p}"' for p in spaced)]) + ")"

    text = _COMPOUND.sub(compound, text)
    return _PREFIX.sub(r"\1exact:\2*", text)


_LETTERS = re.compile(r"[^\W\d_]{2,}")


def in_other_number(word: str) -> str:
    """``word`` with a plural's "s" taken off or a singular's put on, as a compound's last
    part is matched in either number ("enterprise" <-> "enterprises"; "business" stays
    "business", then "businesss", which matches nothing)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else f"{word}s"


def open_compounds(text: str, is_word: Callable[[str], bool]) -> list[tuple[str, str]]:
    """The pairs of plain words side by side in ``text`` that ``is_word`` knows joined, in
    either number (folded: "start ups" -> ("start", "ups") for "startups", "policy maker"
    for "policymakers"), left to right ("small holder farms": only "small holder"). Stop
    words, operators, quoted words and fields' values are left alone."""
    chunks = [m.group() for m in thesaurus.CHUNK.finditer(text)]
    # each chunk folded when it is a plain word that may be a compound's part, else None
    folded = [fold_word(c) if _LETTERS.fullmatch(c) and c not in _OPS else None for c in chunks]
    parts = [None if f in STOP_WORDS else f for f in folded]
    pairs, i = [], 0
    while i < len(chunks) - 1:
        a, b = parts[i], parts[i + 1]
        if a is not None and b is not None and (is_word(a + b) or is_word(in_other_number(a + b))):
            pairs.append((chunks[i], chunks[i + 1]))
            i += 2
        else:
            i += 1
    return pairs


def with_compounds(parsed: Parsed, pairs: list[tuple[str, str]]) -> Parsed:
    """``parsed`` in which each pair of words of ``pairs`` (``open_compounds``) that are
    parts of its AND also matches them joined: the part "both words, or the joined word",
    so a compound written open meets it written closed or hyphenated ("start ups" finds
    "startups" and "start-ups", and still "start" and "ups" apart). A word's part may be
    the word or a concept's other terms (``_with_concepts``); a pair whose words the query
    reads otherwise (in a phrase, excluded) is left alone. The joined word is highlighted
    too."""
    parts = _parts(parsed.query) if pairs else None
    if parts is None:
        return parsed
    joined = set()
    for a, b in pairs:
        ia, ib = _part_of(parts, a), _part_of(parts, b)
        if ia is not None and ib is not None and ia != ib:
            both = query.And([parts[ia], parts[ib]])
            # the joined word stands for the two words typed: it weighs as both
            parts[ia] = query.Or([both, _read_alone(a + b).with_boost(2.0)])
            del parts[ib]
            joined.add(fold_word(a + b))
    if not joined:
        return parsed
    stems = {t.text for word in joined for t in STEM(word)}
    q = query.And(parts) if len(parts) > 1 else parts[0]
    return replace(parsed, query=q, stems=parsed.stems | stems)


def closed_compounds(
    text: str, open_form: Callable[[str], tuple[str, str] | None]
) -> list[tuple[str, tuple[str, str]]]:
    """The plain words of ``text`` that the index also writes open (``open_form``, folded:
    "policymakers" -> ("policy", "makers")), or whose other number it writes so
    ("policymaker" -> the same: the form the index holds), each with that form, left to
    right. Operators, quoted words, fields' values, exclusions and prefixes are left
    alone."""
    found = []
    for m in thesaurus.CHUNK.finditer(text):
        chunk = m.group()
        if _LETTERS.fullmatch(chunk) and chunk not in _OPS:
            word = fold_word(chunk)
            opened = open_form(word) or open_form(in_other_number(word))
            if opened:
                found.append((chunk, opened))
    return found


# A compound's open form is a phrase, which scores its two words': weighed as one word
OPEN_FORM_WEIGHT = 0.5


def with_open_forms(parsed: Parsed, found: list[tuple[str, tuple[str, str]]]) -> Parsed:
    """``parsed`` in which each word of ``found`` (``closed_compounds``) that is a part of
    its AND also matches its open form: the part "the word, or its two words side by side"
    (OPEN_FORM_WEIGHT), a passage scoring the better of the two (one writing "start-ups"
    holds both, and counts once), so a compound written closed meets it written open
    ("policymakers" finds "policy makers" and "microenterprises" "micro enterprises"), as
    ``with_compounds`` meets the other way. The two words are highlighted where they stand
    side by side (``Parsed.phrases``), not each anywhere."""
    parts = _parts(parsed.query) if found else None
    if parts is None:
        return parsed
    opened: set[tuple[str, ...]] = set()
    for word, (a, b) in found:
        i = _part_of(parts, word)
        if i is not None:
            phrase = _phrases_where_positions(_read_alone(f'"{a} {b}"'))
            parts[i] = query.DisjunctionMax([parts[i], phrase.with_boost(OPEN_FORM_WEIGHT)])
            opened.add(phrase_words(f"{a} {b}"))
    if not opened:
        return parsed
    q = query.And(parts) if len(parts) > 1 else parts[0]
    return replace(parsed, query=q, phrases=parsed.phrases | opened)


def _parts(q) -> list | None:
    """The parts of the AND ``q`` (or ``q`` alone, one word), None for another query."""
    if not isinstance(q, query.And | query.Or | query.Term):
        return None
    return list(q.subqueries) if isinstance(q, query.And) else [q]


def _part_of(parts: list, word: str) -> int | None:
    """Which of ``parts`` reads ``word``: its reading alone, or an OR that begins with it
    (the word or a concept's other terms, ``_with_concepts``)."""
    reading = _read_alone(word)
    for i, part in enumerate(parts):
        if part == reading or (type(part) is query.Or and part.subqueries[0] == reading):
            return i
    return None


def straight_quotes(text: str) -> str:
    """``text`` with its typographic double quotes made straight ones (a phrase)."""
    return text.translate(_DOUBLE_QUOTES)


_PER_CENT_SIGN = re.compile(r"(?<=\d)\s*%")


def percent_spelt_out(text: str) -> str:
    """``text`` with a per cent sign after a number written as the word the index reads
    it as ("97%" -> "97 percent", ``analysis.PERCENT``): the sign then reads as that
    word does, its open form "per cent" too (``closed_compounds``)."""
    return _PER_CENT_SIGN.sub(f" {PERCENT}", text) if "%" in text else text


def without_unbalanced_quote(text: str) -> str:
    """``text`` without its last straight double quote when it has an odd number of them
    (a quote the user did not close is ignored)."""
    if text.count('"') % 2 == 0:
        return text
    cut = text.rfind('"')
    return text[:cut] + text[cut + 1 :]


_WORD_FIELD = re.compile(rf"\b(?:{'|'.join(WORD_FIELDS)}):(?=\S)", re.I)


def unquoted(text: str) -> str:
    """``text`` without the quotes around each quoted run of words (no field, operator,
    parenthesis or leading minus in it, which unquoted would become syntax:
    '"type:declaration"' stays as it is): '"Taegu" SMEs' -> 'Taegu SMEs'."""

    def words_only(m: re.Match) -> str:
        inner = m.group(2)
        if m.group(1) or re.search(r"[:()]|(?:^|\s)-", inner) or not _OPS.isdisjoint(inner.split()):
            return m.group(0)
        return inner

    return _QUOTED.sub(words_only, text)


def without_word_fields(text: str) -> str:
    """``text`` with its WORD_FIELDS prefixes left out, their values kept as words to match
    anywhere: "location:Lima" -> "Lima", 'title:"Boracay Action"' -> '"Boracay Action"'."""
    return _WORD_FIELD.sub("", text)


def _rewrite(text: str, notes: list[str]) -> str:
    balanced = without_unbalanced_quote(text)
    if balanced != text:
        notes.append("ignored an unbalanced quote")
        text = balanced
    text = _YEAR_RANGE.sub(lambda m: _year_range(m.group(1), m.group(2), notes), text)

    def unknown(m: re.Match) -> str:
        if m.group(1).lower() in USER_FIELDS:
            return m.group(1).lower() + ":"
        notes.append(f"unknown field {m.group(1)!r}: searched for what follows it anywhere")
        return ""

    # Leave quoted text alone while fixing fields, then send bare phrases to the exact field.
    pieces = re.split(r'("[^"]*")', text)
    text = "".join(p if p.startswith('"') else _unquoted(p, unknown, notes) for p in pieces)
    text = _QUOTED.sub(lambda m: m.group(0) if m.group(1) else f' exact:"{m.group(2)}"', text)
    if text.count("(") != text.count(")"):
        text = text.replace("(", " ").replace(")", " ")
        notes.append("ignored unbalanced parentheses")
    return _tidy_operators(text, notes)


def _types_together(q):
    """``q`` with its ``type:`` filters ANDed at the top one OR: a document has one type,
    so "type:speech type:declaration" asks for either, as the type facet's boxes do."""
    if not isinstance(q, query.And):
        return q
    types = [p for p in q.subqueries if _is_type_filter(p)]
    if len(types) < 2:
        return q
    terms = [t for p in types for t in (p.subqueries if isinstance(p, query.Or) else [p])]
    either = query.Or(list(dict.fromkeys(terms)))
    rest = [p for p in q.subqueries if p not in types]
    return query.And([either, *rest])


def _is_type_filter(q) -> bool:
    """Whether ``q`` is a ``type:`` filter: a doc_type term or an OR of them."""
    leaves = q.subqueries if isinstance(q, query.Or) else [q]
    return all(type(t) is query.Term and t.fieldname == "doc_type" for t in leaves)


def _year_range(first: str, last: str, notes: list[str]) -> str:
    """``year:first..last`` as a Whoosh range, read the right way round (with a note) when
    it ends before it starts, as the page's From and To boxes are."""
    if first > last:
        notes.append(f"year:{first}..{last} ends before it starts: searched {last} to {first}")
        first, last = last, first
    return f"year:[{first} TO {last}]"


def _unquoted(text: str, unknown: Callable[[re.Match], str], notes: list[str]) -> str:
    """A part of the query outside quotes, its fields and values checked (``unknown`` for a
    field name) and its spellings made the index's."""
    for m in _YEAR_VALUE.finditer(text):
        undated = m.group(1).lower() == "undated"
        notes.append(
            f"year:{m.group(1)} is not a year: write year:2015 or year:2010-2015"
            + (" (documents without a year: the year filter's “undated”)" if undated else "")
        )
    text = _TYPE_VALUE.sub(lambda m: _type_filter(m.group(1), notes), text)
    return _spellings(_FIELD.sub(unknown, text))


def _type_filter(value: str, notes: list[str]) -> str:
    """``type:<value>`` as the index holds it: the type's name in lower case ("type:Speech"),
    ``OUTCOMES`` as the OR of the statement types; an unknown type is kept (it matches
    nothing) with a note naming the types there are."""
    name = value.lower()
    if name == OUTCOMES:
        return "(" + " OR ".join(f"doc_type:{t}" for t in STATEMENT_TYPES) + ")"
    if name not in DOC_TYPES:
        notes.append(
            f"type:{value} is not a document type: one of {', '.join(DOC_TYPES)} or {OUTCOMES}"
        )
    return f"doc_type:{name}"


_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


@lru_cache(maxsize=65536)
def _word_query(word: str):
    """What the parser makes of one word: an OR of its term in each of SEARCH_FIELDS when
    it analyses to one term (as it does, without the parser's 1 ms: many words of a
    search are met for the first time), NullQuery for a stop word."""
    terms = [t.text for t in STEM(word, mode="query")]
    if len(terms) > 1 or not _PLAIN_WORDS.fullmatch(word):
        return _PARSER.parse(word)
    if not terms:
        return query.NullQuery
    return query.Or([query.Term(name, terms[0]) for name in SEARCH_FIELDS])


def _parse_words(text: str):
    """What the parser makes of ``text`` when it is only words of letters (no operators):
    the AND of what it makes of each word, normalised as it does (stop words and repeats
    dropped, one word alone) from a cache of single words, at a fraction of the cost of
    parsing the whole query. None for any other text."""
    words = text.split(" ")
    if not _PLAIN_WORDS.fullmatch(text) or not _OPS.isdisjoint(words):
        return None
    return _and_of([_word_query(w) for w in words])


def _and_of(parts: list[Any]):
    """``query.And(parts).normalize()`` for ``parts`` the parser made of single words, each
    normalised already: an OR (of the word's fields) or NullQuery (a stop word). Built
    directly, as normalising builds it (NullQuery and repeats dropped, one part alone),
    but without normalising each part again (Whoosh copies every OR and term to do so)."""
    if not all(type(p) is query.Or and p.boost == 1.0 or p is query.NullQuery for p in parts):
        return query.And(parts).normalize()
    kept = list(dict.fromkeys(p for p in parts if p is not query.NullQuery))
    if len(kept) < 2:
        return kept[0] if kept else query.NullQuery
    return query.And(kept)


@lru_cache(maxsize=4096)
def _read_alone(text: str):
    """What ``_read`` makes of ``text`` rewritten, notes left out: for a concept's terms
    and the words naming one, which queries repeat."""
    return _read(_rewrite(text, []), [])


@lru_cache(maxsize=4096)
def _other_term(term: str, typed_language: str | None = None):
    """A concept's other term as a query part, weighted as ``thesaurus.weight_of``. A term of
    several words is a phrase: its words anywhere in a passage are not the term
    ("business continuity" is not "business" and "continue"); a phrase scores the sum of
    its words', so it is weighed as one word, its words counted as the index holds them
    (a Korean or Chinese term's bigrams, "중소기업" three)."""
    words = len(phrase_words(term))
    other = _read_alone(f'"{term}"' if words > 1 else term)
    return other.with_boost(thesaurus.weight_of(term, typed_language) / words)


def _read(rewritten: str, notes: list[str]):
    """The Whoosh query for a rewritten query text (its words alone if its syntax fails)."""
    try:
        q = _parse_words(rewritten)
        return _PARSER.parse(rewritten) if q is None else q
    except Exception:
        words = " ".join(re.findall(r"\w+", rewritten))
        notes.append("could not read the query's syntax: searched for its words")
        return _PARSER.parse(words)


def _with_concepts(q, text: str, found: list[thesaurus.Mention]):
    """``q`` (the query read from ``text``) in which each word of a mention of a concept
    also matches the concept's other terms: each becomes the part "that word, or any other
    term" (the other terms weighted as ``thesaurus.weight_of``, shared among the term's words and
    among the words typed). A passage scores the words' score plus that of the best other
    term it holds, so the words typed count most; a document holding the words typed in
    different passages matches as it does without the thesaurus (a synonym only adds
    documents). A one-word term among alternatives ("SME OR MSME") is expanded where it
    stands (``_swapped``). Returns the query and the mentions expanded (one of several
    words that are not plain parts of ``q``, or inside an exclusion, is left alone)."""
    if isinstance(q, query.AndNot):
        positive, done = _with_concepts(q.a, text, found)
        return query.AndNot(positive, q.b), done
    parts = list(q.subqueries) if isinstance(q, query.And) else [q]
    done, within = [], []
    for m in found:
        typed = _read_alone(text[m.start : m.end])
        words = list(typed.subqueries) if isinstance(typed, query.And) else [typed]
        # shared among the words typed (boosted as built: a boost set after copies the tree)
        shared = 1 / len(words) if len(words) > 1 else 1.0
        others = query.DisjunctionMax(
            [_other_term(term, thesaurus.language_of(m.term)) for term in m.others], boost=shared
        )
        if not words or not all(w in parts for w in words):
            if len(words) == 1:  # a word among alternatives: "SME OR MSME"
                within.append((m, words[0], query.Or([words[0], others])))
            continue
        for w in words:
            parts[parts.index(w)] = query.Or([w, others])
        done.append(m)
    q = query.And(parts) if len(parts) > 1 else parts[0]
    for m, word, either in within:
        swapped = _swapped(q, word, either)
        if swapped != q:
            q = swapped
            done.append(m)
    return q, done


def _swapped(q, part, replacement):
    """``q`` with each ``part`` among its ANDs and ORs as ``replacement``, not inside an
    exclusion; a word's reading (an OR of its fields) also where the parser flattened it
    into a plain OR of alternatives, which scores as the OR of their readings."""
    if q == part:
        return replacement
    if type(q) is query.Or and type(part) is query.Or and _plain_or(q):
        subs = q.subqueries
        if all(s in subs for s in part.subqueries):
            return query.Or([replacement, *(s for s in subs if s not in part.subqueries)])
    if isinstance(q, query.And | query.Or):
        return q.apply(lambda sub: _swapped(sub, part, replacement))
    return q


def _plain_or(q) -> bool:
    """An OR that adds up its parts' scores, unweighted."""
    return q.boost == 1.0 and not q.minmatch and q.scale is None


# A year typed as a word ("Nanjing 2014 statement") also matches the passages of the
# documents of that year, each scoring this much (a BM25F score; the year written in a
# passage scores about 4 to 6 on the real-page development set, whose figures are the same
# for 1, 2 and 4): a statement need not write its own year, nor a story about the meeting.
YEAR_WEIGHT = 2.0
_YEAR_WORD = re.compile(r"(?:19[89]|20\d)\d")  # 1980-2099: the record's years and more
_DECADE_WORD = re.compile(r"(?:19[89]|20\d)0s")  # "1990s"


def _years_of(q) -> tuple[int, int] | None:
    """The years (first, last) ``q`` is the plain word of (an OR of the word in title and
    body): a year's, or a decade's ("1990s": 1990 to 1999); else None."""
    if type(q) is not query.Or or q.boost != 1.0:
        return None
    leaves = q.subqueries
    if {getattr(t, "fieldname", None) for t in leaves} != set(SEARCH_FIELDS):
        return None
    texts = {getattr(t, "text", None) for t in leaves}
    text = texts.pop() if len(texts) == 1 else None
    if not isinstance(text, str):
        return None
    if _YEAR_WORD.fullmatch(text):
        return int(text), int(text)
    if _DECADE_WORD.fullmatch(text):
        return int(text[:4]), int(text[:4]) + 9
    return None


def _with_years(q):
    """``q`` with each year or decade typed as a word of its AND (or alone) also matching
    the documents of those years (YEAR_WEIGHT)."""

    def either(part):
        years = _years_of(part)
        if years is None:
            return part
        first, last = years
        if first == last:
            return query.Or([part, query.Term("year", first, boost=YEAR_WEIGHT)])
        return query.Or([part, query.NumericRange("year", first, last, boost=YEAR_WEIGHT)])

    if isinstance(q, query.And):
        return query.And([either(part) for part in q.subqueries])
    return either(q)


def parse(
    text: str,
    *,
    expand: bool = False,
    concepts: bool = True,
    holds: Callable[[str], bool] | None = None,
) -> Parsed:
    """The best reading of a user's query, with notes on anything that was repaired; with
    ``expand``, the concepts its words name also match their other terms (``thesaurus``;
    not with ``concepts`` False; only those ``holds`` is true of, when given: the terms an
    index holds, as a term it lacks matches nothing and only makes the query longer to
    read and score), listed in ``expanded``, and a year typed as a word also matches the
    documents of that year (``YEAR_WEIGHT``)."""
    text = straight_quotes(text)
    plain = _plain_words(text, expand and concepts)
    return plain if plain is not None else _parse(text, expand, concepts, holds)


_LOWER_OPERATOR = re.compile(r"(?<=\w)\s+(or|not)\s+(?=\w)")
_OPERATOR_HINTS = {
    "or": "“or” in lower case is not an operator: write OR to find either word.",
    "not": "“not” in lower case is a word to match: write NOT (or -word) to leave a word out.",
}


def _lower_case_operators(text: str) -> list[str]:
    """Notes for an "or" or "not" in lower case between two words, outside quotes, in a
    query without that operator in capitals: Whoosh's operators are capitals only
    ("finance not women" requires "not" and "women"), which a reader may not know."""
    bare = re.sub(r'"[^"]*"', " ", text)
    found = dict.fromkeys(m.group(1) for m in _LOWER_OPERATOR.finditer(bare))
    return [_OPERATOR_HINTS[w] for w in found if w.upper() not in bare.split()]


@lru_cache(maxsize=65536)
def _word_term(word: str) -> str | None:
    """The term of ``_word_query(word)`` when it is the OR of one term in each of
    SEARCH_FIELDS, as most words read, "" for a stop word; None for any other reading."""
    q = _word_query(word)
    if q is query.NullQuery:
        return ""
    if type(q) is not query.Or or not single_terms(q):
        return None
    texts = {t.text for t in q.subqueries}
    return texts.pop() if len(texts) == 1 else None


def _plain_words(text: str, expand: bool) -> Parsed | None:
    """What ``_parse`` reads in a query of plain words (letters, one space between words, no
    operator, no "e" of "e commerce": nothing to rewrite) that each read as a word of title
    and body or a stop word (``_word_term``), not all stop words, naming no concept with
    ``expand``: built from each word's cached reading, without walking the query's tree (a
    tenth of the time). None for any other query."""
    words = text.split(" ")
    if not _PLAIN_WORDS.fullmatch(text) or not _OPS.isdisjoint(words) or {"e", "E"} & set(words):
        return None
    if NEEDS_SEGMENTS.search(text):  # Chinese, Japanese or Thai: its words are read apart
        return None
    terms = [_word_term(w) for w in words]
    if None in terms:
        return None
    # The AND of the words' readings as ``_and_of`` makes it: stop words and repeats (the
    # same term: the same reading) left out, one word alone.
    parts: dict[str, Any] = {}
    for t, w in zip(terms, words, strict=True):
        if t and t not in parts:
            parts[t] = _word_query(w)
    if not parts or (expand and thesaurus.names_a_concept([t for t in terms if t])):
        return None
    kept = list(parts.values())
    return Parsed(
        query=query.And(kept) if len(kept) > 1 else kept[0],
        notes=_lower_case_operators(text),
        words=[w for w in words if len(w) >= 4],
        stems=set(parts),
        sequence=tuple(t for t in terms if t),
    )


def index_words(text: str) -> list[str]:
    """The words of ``text`` as the index splits them: a run of Chinese, Japanese, Korean or
    Thai text as its segments (``segment.segments``: bigrams, Thai words)."""
    return [token[a:b] for token in TOKEN.findall(text) for a, b in segments(token)]


@lru_cache(maxsize=65536)
def phrase_words(term: str) -> tuple[str, ...]:
    """The folded words of ``term`` (``index_words``), stop words out: what a passage must
    write side by side (stop words between them aside) for its words to be marked as that
    term ("中小企业": its three bigrams)."""
    return tuple(w for w in map(fold_word, index_words(term)) if w not in STOP_WORDS)


def _segmented_runs(parsed: Parsed, text: str) -> None:
    """Mark each run of Chinese, Japanese, Korean or Thai text typed (in ``text``) where its
    words stand together, as a phrase, not each of its bigrams anywhere ("ート" of
    "スタートアップ" in "スマート"); a word typed alone is still marked anywhere."""
    runs = {phrase_words(t) for t in TOKEN.findall(text) if NEEDS_SEGMENTS.search(t)}
    alone = {run[0] for run in runs if len(run) == 1}
    inside = {w for run in runs if len(run) > 1 for w in run} - alone
    if inside:
        parsed.phrases |= {run for run in runs if len(run) > 1}
        parsed.stems -= inside
        parsed.exact -= inside


def _parse(
    text: str, expand: bool, concepts: bool = True, holds: Callable[[str], bool] | None = None
) -> Parsed:
    """``parse`` of ``text`` (its quotes straight)."""
    notes = _lower_case_operators(text)
    rewritten = _rewrite(text.strip(), notes)
    q = _types_together(_read(rewritten, notes))
    typed = q  # what is highlighted: the words typed, and any one-word other term
    q = _quoted_in_titles(q)  # before the concepts: their terms are not quoted
    with_concepts = expand and concepts and q is not query.NullQuery
    # the concepts of the words read: "SME AND" names that of "SME"
    concept_text = _tidy_operators(text, []) if with_concepts else text
    mentioned = thesaurus.mentions(concept_text) if with_concepts else []
    if holds is not None:
        held = (replace(m, others=tuple(filter(holds, m.others))) for m in mentioned)
        mentioned = [m for m in held if m.others]
    found = []
    if mentioned:
        q, found = _with_concepts(q, concept_text, mentioned)
    if expand:
        q = _with_years(q)
    if q is query.NullQuery and re.search(r"(^|\s)(-|NOT\s)", rewritten):
        # Only exclusions ("-covid"): everything else.
        q = _PARSER.parse(f"kind:passage {rewritten}")
    parsed = Parsed(query=_phrases_where_positions(q), notes=notes)
    if _PLAIN_WORDS.fullmatch(text.strip()):
        parsed.sequence = tuple(t.text for t in STEM(text))
    # each other term once, and not a term the query types itself
    typed_terms = [concept_text[m.start : m.end] for m in mentioned]
    parsed.expanded = list(
        {
            term: (term, m.concept.name)
            for m in found
            for term in m.others
            if not thesaurus.is_typed(term, typed_terms)
        }.values()
    )
    if found:
        parsed.typed = _phrases_where_positions(_quoted_in_titles(typed))
    if q is query.NullQuery:
        words = [fold_word(w) for w in re.findall(r"\w+", rewritten)]
        parsed.too_common = [w for w in dict.fromkeys(words) if w in STOP_WORDS]
        return parsed
    parsed.prefixes = {leaf.text for leaf in q.leaves() if isinstance(leaf, query.Prefix)}
    single = [t for t, _ in parsed.expanded if len(phrase_words(t)) == 1]
    parsed.stems.update(token.text for term in single for token in STEM(term))
    parsed.phrases = {w for t, _ in parsed.expanded if len(w := phrase_words(t)) > 1}
    for fieldname, value in typed.iter_all_terms(phrases=True):
        if isinstance(value, bytes):
            continue
        if fieldname in ("title", "body"):
            parsed.stems.add(value)
        elif fieldname == "exact":
            parsed.exact.add(value)
    negations = list(_negated(parsed.query))
    if negations:
        parsed.excluded = query.Or(negations) if len(negations) > 1 else negations[0]
    negated = {t for n in negations for _, t in n.iter_all_terms(phrases=True)}
    parsed.stems -= negated
    parsed.exact -= negated
    if NEEDS_SEGMENTS.search(rewritten):
        _segmented_runs(parsed, re.sub(r"(?:^|\s)(?:-|NOT\s+)\S+", " ", rewritten))
    # Mark a phrase's words, but not every "the" and "of" on the page.
    parsed.exact = parsed.exact - STOP_WORDS or parsed.exact
    plain = re.sub(r'\w+:("[^"]*"|\[[^\]]*\]|\S+)', " ", rewritten)
    plain = re.sub(r'"[^"]*"', " ", plain)
    # the words a speller can correct: not a run of Chinese, Japanese or Thai, which has no
    # spaces between its words ("部长会议" is not one misspelt word)
    parsed.words = [
        w
        for w in re.findall(r"[^\W\d_]{4,}", plain)
        if w not in _OPS and not NEEDS_SEGMENTS.search(w)
    ]
    return parsed


# How much a title holding a quoted phrase's words weighs, against the same words typed
# bare: more, since quotes ask for that name and the phrase in a passage's text scores less
# than its words apart (on the development half, the second document titled with the
# quoted "Boracay Action Agenda" ranked fourth at 1.0, second at 2.0).
QUOTED_IN_TITLE = 2.0


def _quoted_in_titles(q):
    """Each quoted phrase or word (of the exact field) also scores where the passage's
    title holds its words (stemmed, as titles are indexed), QUOTED_IN_TITLE times: an
    AND-MAYBE, which matches only what the quotes match, so that the documents titled
    "... Boracay Action Agenda ..." lead for the quoted name as for the words typed bare."""
    if isinstance(q, query.Phrase | query.Term) and q.fieldname == "exact":
        words = q.words if isinstance(q, query.Phrase) else [q.text]
        stems = list(dict.fromkeys(token.text for token in STEM(" ".join(words))))
        if not stems:
            return q
        titled = [query.Term("title", stem) for stem in stems]
        in_title = query.And(titled) if len(titled) > 1 else titled[0]
        return query.AndMaybe(q, in_title.with_boost(QUOTED_IN_TITLE))
    if isinstance(q, query.Or | query.DisjunctionMax):
        return q  # a word's readings ("e-commerce": a phrase of "e commerce" among them)
    return q.apply(_quoted_in_titles)


def _phrases_where_positions(q):
    """A phrase the parser put on a field without positions becomes an AND of its words;
    the others are checked by ``ConsecutivePhrase``."""
    if isinstance(q, query.Phrase) and q.fieldname == "body":
        return query.And([query.Term("body", w) for w in q.words])
    if type(q) is query.Phrase and q.slop == 1:
        return ConsecutivePhrase(q.fieldname, q.words, boost=q.boost)
    return q.apply(_phrases_where_positions)


class ConsecutivePhrase(query.Phrase):
    """A Whoosh ``Phrase`` (slop 1) whose position check is a set intersection rather
    than span-by-span comparisons: same matches and scores, a fraction of the cost."""

    def matcher(self, searcher, context=None):
        m = super().matcher(searcher, context)
        if type(m) is SpanNear2.SpanNear2Matcher:
            return _ConsecutiveMatcher(m.ms)
        return m


class _ConsecutiveMatcher(SpanNear2.SpanNear2Matcher):
    def _get_spans(self):
        starts: set[int] | None = None
        for i, m in enumerate(self.ms):
            shifted = {p - i for p in m.value_as("positions")}
            starts = shifted if starts is None else starts & shifted
            if not starts:
                return []
        n = len(self.ms)
        return [Span(p, p + n - 1) for p in sorted(starts or ())]


def _negated(q) -> Iterator[Any]:
    if isinstance(q, query.Not):
        yield q.query
    elif isinstance(q, query.AndNot):
        yield q.b
    for child in q.children():
        yield from _negated(child)


PREFIX_TERMS = 50  # "word*" stands for at most this many words, the most frequent first


def in_vocabulary(ix: Reader, term: str) -> bool:
    """Whether every word of ``term`` (``index_words``) is among the index's words."""
    return all(ix.vocabulary_has(fold_word(w)) for w in index_words(term))


def expand_prefixes(ix: Reader, parsed: Parsed) -> Parsed:
    """``parsed`` with each ``word*`` replaced by an OR of the (at most PREFIX_TERMS most
    frequent) indexed words it starts, those words added to the highlighted terms and a
    note when the list was cut. A prefix that starts no word stays and matches nothing."""
    if not parsed.prefixes:
        return parsed
    reader = ix.searcher.reader()
    words: set[str] = set()
    notes = list(parsed.notes)

    def expand(q):
        if not isinstance(q, query.Prefix):
            return q.apply(expand)
        found = [t.decode("utf-8") for t in reader.expand_prefix(q.fieldname, q.text)]
        if len(found) > PREFIX_TERMS:
            found.sort(key=lambda t: -reader.doc_frequency(q.fieldname, t))
            notes.append(f"{q.text}* stands for its {PREFIX_TERMS} most frequent words")
            found = found[:PREFIX_TERMS]
        if not found:
            return query.Term(q.fieldname, q.text, boost=q.boost)
        if q.fieldname == "exact":
            words.update(found)
        # Scored as its best word, so that a prefix weighs as one word of the query.
        return query.DisjunctionMax([query.Term(q.fieldname, t) for t in found], boost=q.boost)

    excluded = expand(parsed.excluded) if parsed.excluded is not None else None
    return replace(
        parsed,
        query=expand(parsed.query),
        typed=expand(parsed.typed) if parsed.typed is not None else None,
        excluded=excluded,
        exact=parsed.exact | words,
        notes=notes,
    )


def conjuncts(q) -> list[Any]:
    """The positive parts of ``q`` a document must all hold: the children of a top-level
    AND (of an AND NOT's positive side), leaving out NOTs; ``[q]`` for anything else. An
    AND of NOTs only ("NOT covid NOT tourism") holds every passage: the NOTs exclude."""
    if isinstance(q, query.AndNot):
        return conjuncts(q.a)
    if not isinstance(q, query.And):
        return [q]
    out: list[Any] = []
    for child in q.subqueries:
        if not isinstance(child, query.Not):
            out.extend(conjuncts(child))
    return out or [query.Term("kind", "passage")]


FILTER_FIELDS = frozenset({"doc_type", "year", "location", "kind"})


def is_filter(q) -> bool:
    """Whether ``q`` only asks for metadata (``type:``, ``year:``, ``location:``), not words."""
    return all(getattr(leaf, "fieldname", None) in FILTER_FIELDS for leaf in q.leaves())


def scores(ix: Reader, q) -> dict[int, float]:
    """Record number -> BM25F score of every live record ``q`` matches: what a search with
    no limit scores, unsorted (a passage matching an AND or an OR scores the sum of its
    parts' scores, as Whoosh's matchers add them)."""
    out: dict[int, float] = {}
    top = ix.searcher
    context = top.context()
    for sub, offset in top.leaf_searchers():
        m = q.matcher(sub, context)
        while m.is_active():
            out[m.id() + offset] = m.score()
            m.next()
    return out


Scores = dict[int, float]  # record number -> BM25F score


def added(parts: list[Scores]) -> Scores:
    """The scores of an OR of ``parts``: each passage's in any part, added up where several
    hold it (as Whoosh's union matcher adds them)."""
    out: Scores = {}
    for part in parts:
        for n, score in part.items():
            out[n] = out.get(n, 0.0) + score
    return out


def _added_where_all(parts: list[Scores]) -> Scores:
    smallest = min(parts, key=len)
    return {n: sum(p[n] for p in parts) for n in smallest if all(n in p for p in parts)}


def _added_where_first(parts: list[Scores]) -> Scores:
    first, maybe = parts
    return {n: score + maybe.get(n, 0.0) for n, score in first.items()}


def _best(parts: list[Scores]) -> Scores:
    out: Scores = {}
    for part in parts:
        for n, score in part.items():
            if score > out.get(n, 0.0):
                out[n] = score
    return out


def combination(q) -> tuple[list, Callable[[list[Scores]], Scores]] | None:
    """(the parts of ``q``, how their scores (``scores``) make ``q``'s) as Whoosh's matchers
    combine them: a boost multiplies, an OR adds up the parts a passage holds, an AND those
    of a passage holding every part, a DisjunctionMax without tie-break keeps the best, an
    AndMaybe adds its second part's score where its first matches. None for any other
    query (a term, a phrase, an exclusion, an OR with ``minmatch``)."""
    kind = type(q)
    if kind not in (
        query.Or,
        query.And,
        query.DisjunctionMax,
        query.AndMaybe,
        query.Term,
        query.Phrase,
    ):
        return None
    if q.boost != 1.0:
        boost = q.boost
        return [q.with_boost(1.0)], lambda s: {n: score * boost for n, score in s[0].items()}
    if kind is query.Or and not q.minmatch and q.scale is None:
        return list(q.subqueries), added
    if kind is query.And:
        return list(q.subqueries), _added_where_all
    if kind is query.DisjunctionMax and not q.tiebreak:
        return list(q.subqueries), _best
    if kind is query.AndMaybe:
        return [q.a, q.b], _added_where_first
    return None


def passage_query(parsed: Parsed):
    """The query's passages (only passage records hold searchable text and metadata)."""
    return query.Term("kind", "passage") if parsed.empty else parsed.query


def any_words_query(text: str):
    """An OR of the text's words over title and body (for question answering)."""
    terms = []
    for word in re.findall(r"\w+", text):
        for token in STEM(word):
            for fieldname in SEARCH_FIELDS:
                terms.append(query.Term(fieldname, token.text))
    return query.Or(terms) if terms else query.NullQuery


def search(ix: Reader, q, *, limit: int | None, allowed: set[int] | None = None):
    """(record number, score) of the best matches, best first, among ``allowed`` if given."""
    if allowed is not None and not allowed:
        return []  # Whoosh reads an empty filter set as no filter at all
    results = ix.searcher.search(q, limit=limit, filter=allowed)
    return [(hit.docnum, float(hit.score or 0.0)) for hit in results]


def matching_docnums(ix: Reader, q) -> Iterable[int]:
    return ix.searcher.docs_for_query(q)


def key_terms(ix: Reader, text: str, n: int = 12) -> list[str]:
    return [t for t, _ in ix.searcher.key_terms_from_text("body", text, numterms=n)]


def stem_terms_query(terms: Iterable[str]):
    return query.Or([query.Term("body", t) for t in terms])


def term_scores(ix: Reader, fieldname: str) -> Iterator[tuple[str, dict[int, float]]]:
    """For each term of field ``fieldname``: (the term, record number -> the BM25F score a
    search for that term alone gives each live record holding it), terms in index order."""
    for btext, _ in ix.searcher.reader().iter_field(fieldname):
        term = btext.decode("utf-8")
        yield term, scores(ix, query.Term(fieldname, term))


def body_term(term: str):
    """The query of the analysed ``term`` in the body field (``single_terms`` reads it as
    ``[("body", term)]``)."""
    return query.Term("body", term)


def concept_phrase(q) -> tuple[str, ...] | None:
    """The words of ``q`` when it is the phrase of a concept's other term (weighted below
    the words typed: ``_other_term``), else None: a quoted phrase is the user's own."""
    return tuple(q.words) if isinstance(q, query.Phrase) and q.boost < 1.0 else None


def single_terms(q) -> list[tuple[str, str]] | None:
    """The (field, term) pairs of ``q`` when it is one term of a search field, or an OR of
    two (a word in title and body), none boosted: queries whose scores are those terms'
    scores added up. None for any other query."""
    leaves = q.subqueries if type(q) is query.Or and len(q.subqueries) == 2 else [q]
    if type(q) is query.Or and q.boost != 1.0:
        return None
    if all(
        type(t) is query.Term and t.fieldname in SEARCH_FIELDS and t.boost == 1.0 for t in leaves
    ):
        return [(t.fieldname, t.text) for t in leaves]
    return None
