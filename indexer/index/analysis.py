"""How text becomes index terms: the folding tokenizer, stemming (of one spelling), stop words,
compounds and dotted acronyms, words inside Chinese, Japanese and Thai text
(indexer.index.segment), and the Whoosh schema that uses them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

from indexer.index.segment import TOKEN, one_han_form, segments
from indexer.text.stems import stem_word

# 4: compounds and dotted acronyms; 5: no Whoosh spelling graph; 6: meetings and roles;
# 7: Snowball's English stemmer; 8: British and American spellings stemmed as one, roles as a
# column; 9: Chinese, Japanese and Thai words, combining marks; 10: each passage's lines'
# paragraph anchors and numbers (marks); 11, 12: stems overridden (STEM_OVERRIDES); 13: Han
# characters in one form (traditional as simplified); 14: each passage's analysis for showing
# it stored with it (indexer.index.passage_analysis); 15: its offsets in two bytes where
# they fit; 16: the "s" of a possessive ("women's", "SMEs’") a stop word; 17: plural
# acronyms without a vowel ("GVCs") stemmed as their singular; 18: irregular plurals as their
# singular ("women", "children"); 19: "information" a stem of its own, not "inform"; 20: "%"
# the word "percent"; 21: Korean words as bigrams of their syllables; 22: words joined without
# a space split (DELIMIT); 23: the publisher's name in the searched title
SCHEMA_VERSION = 23
ANALYSIS_FIELD = "analysis"  # passage records' analysis for showing them (a column)

# Words kept short; "us" is not a stop word here (it is an economy). "s" is what a
# possessive leaves once the apostrophe splits it ("women's" -> "women", "s"): a word of its
# own, it would have to match too, and be marked wherever a text has one.
STOP_WORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "if", "in"]
    + ["is", "it", "its", "of", "on", "or", "s", "that", "the", "this", "to", "was", "were"]
    + ["will", "with"]
)


# "95%" is "95 percent": the sign (a token of its own, segment.TOKEN) is the word, so that
# either writing finds the other (and "per cent", its open form: queries.with_open_forms).
PERCENT = "percent"


class FoldingTokenizer(Tokenizer):
    """``RegexTokenizer | LowercaseFilter | CharsetFilter(accent_map)``, then, if given, a
    ``StopFilter(minsize=1)`` and a ``StemFilter`` with a stem cache, in one pass; plus two
    rules so that spellings of one word meet:

    - a dotted acronym is one word without its dots: "U.S." is "us", "A.P.E.C." is "apec"
      (at index and query time); a per cent sign is the word PERCENT;
    - when indexing, a hyphenated compound ("e-commerce", "co-operation", and "e commerce")
      also yields its parts joined ("ecommerce", "cooperation"), at the position of its
      last part, as Elasticsearch's ``word_delimiter_graph`` does with ``catenate_words``.
      The query side (``_rewrite``) asks for the joined form or all the parts;
    - when indexing, a token that joins words without a space, as text extracted from
      PDFs and converted documents does ("MeetingVancouver", "34thmeeting"), also yields
      its words: it is split where a lower-case letter meets a capital and after an
      ordinal's suffix (``DELIMIT``), as Lucene's ``WordDelimiterGraphFilter`` splits on a
      case change, and the whole is kept as a compound's joined form is;
    - a token of Chinese, Japanese or Thai text is split into its words (bigrams, or Thai
      dictionary words: ``indexer.index.segment.segments``), each a token of its own.

    Otherwise the same tokens, positions and query-time behaviour as the Whoosh chain (stop
    words renumbered away, or kept marked ``stopped`` when the parser asks), at about half
    the cost: one generator instead of five, and ASCII text is lowercased once.
    """

    def __init__(self, stoplist: Iterable[str] = (), stemfn=None):
        self.stops = frozenset(stoplist)
        self.stemfn = stemfn
        self._stems: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"stops": self.stops, "stemfn": self.stemfn}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _stems={})

    def __eq__(self, other: object) -> bool:
        return (
            type(self) is type(other)
            and self.stops == other.stops  # type: ignore[attr-defined]
            and self.stemfn == other.stemfn  # type: ignore[attr-defined]
        )

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        ascii_text = value.isascii()
        source = value.lower() if ascii_text else value
        if not tokenize:
            spans: Iterable[Any] = iter([_WholeValue(source)])
        elif ascii_text:
            spans = TOKEN.finditer(source)
        else:
            spans = _segmented(TOKEN.finditer(source))
        stops, stemfn, stems = self.stops, self.stemfn, self._stems
        minsize = 1 if stops else 0  # StopFilter(minsize=1) also drops empty words
        compounds = tokenize and mode != "query"
        if compounds and DELIMIT.search(value):
            spans = _delimited(spans, value)
        chain: list[str] | None = None  # the parts of the compound being read, if any
        chain_start = prev_start = prev_end = 0
        prev_word = ""
        pos = None  # the last kept token's position, when stop words are renumbered away
        for n, match in enumerate(spans):
            word = match.group(0)
            start = match.start()
            joined = (
                compounds
                and n > 0
                and (
                    (start == prev_end + 1 and source[prev_end] in _HYPHENS)
                    or (prev_word == "e" and _spaced(source, prev_end, start))
                    or isinstance(match, _Part)
                )
            )
            if chain is not None and not joined:
                yield from self._compound(t, chain, (chain_start, prev_end), start_char, pos)
                chain = None
            if keeporiginal or not tokenize:  # as RegexTokenizer does
                t.original = value[start : match.end()]
            if not ascii_text:  # compatibility forms folded too: "ﬁrms" is "firms"
                word = unicodedata.normalize("NFKC", word).lower().translate(accent_map)
                word = one_han_form(word)  # 業 and 业 are one character
            if "." in word and DOTTED_ACRONYM.fullmatch(word):
                word = word.replace(".", "")
            elif word == "%":
                word = PERCENT
            if joined:
                if chain is None:
                    chain, chain_start = [prev_word], prev_start
                chain.append(word)
            prev_word, prev_start, prev_end = word, start, match.end()
            t.boost = 1.0
            t.stopped = word in stops or len(word) < minsize
            if t.stopped and removestops:
                continue
            if positions and t.stopped:
                t.pos = start_pos + n
            elif positions:
                pos = t.pos = start_pos + n if pos is None else pos + 1
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + prev_end
            if stemfn is not None and not t.stopped:
                stem = stems.get(word)
                if stem is None:
                    stem = stems[word] = stemfn(word)
                word = stem
            t.text = word
            yield t
        if chain is not None:
            yield from self._compound(t, chain, (chain_start, prev_end), start_char, pos)

    def _stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = self.stemfn(word)
        return stem

    def _compound(
        self, t: Token, parts: list[str], span: tuple[int, int], start_char: int, pos: int | None
    ) -> Iterator[Token]:
        """The joined form of a compound's parts, at the last kept token's position."""
        t.stopped = False
        t.boost = 1.0
        if t.positions:
            t.pos = pos if pos is not None else 0
        if t.chars:
            t.startchar, t.endchar = start_char + span[0], start_char + span[1]
        joined = "".join(parts)
        t.text = self._stem(joined) if self.stemfn is not None else joined
        yield t


_HYPHENS = frozenset("-\u2010\u2011")
# "u.s", "a.p.e.c" (the tokenizer's pattern keeps inner dots, not the final one).
DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def _spaced(text: str, end: int, start: int) -> bool:
    """Whether only spaces lie between ``end`` and the word at ``start`` (of 3+ letters):
    a lone "e" then joins that word ("e commerce" is also "ecommerce")."""
    return text[end:start].isspace() and text[start : start + 3].isalpha()


class _WholeValue:
    """A regex match look-alike for an untokenized value (or one word of a token)."""

    def __init__(self, value: str, start: int = 0):
        self._value = value
        self._start = start

    def group(self, _: int) -> str:
        return self._value

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._value)


# Where words meet without a space: "meetingVancouver", "34thmeeting", "24thAPEC".
DELIMIT = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=\d(?:st|nd|rd|th))(?=[A-Za-z]{3})")


class _Part(_WholeValue):
    """A word of a token that ``DELIMIT`` splits, after its first: joined to the word
    before it as a compound's part is."""


def _delimited(matches: Iterable[Any], value: str) -> Iterator[Any]:
    """The tokens, each split into its words where ``DELIMIT`` finds them in ``value`` (the
    text as written: the case tells where a word starts)."""
    for match in matches:
        start, end = match.start(), match.end()
        cuts = [m.start() for m in DELIMIT.finditer(value, start, end) if m.start() > start]
        if not cuts:
            yield match
            continue
        word = match.group(0)
        bounds = [start, *cuts, end]
        yield _WholeValue(word[: cuts[0] - start], start)
        for a, b in zip(bounds[1:], bounds[2:], strict=False):
            yield _Part(word[a - start : b - start], a)


def _segmented(matches: Iterator[re.Match]) -> Iterator[re.Match | _WholeValue]:
    """The tokens, each split into its words where it holds Chinese, Japanese or Thai."""
    for match in matches:
        token = match.group(0)
        words = segments(token)
        if len(words) == 1 and words[0] == (0, len(token)):
            yield match
            continue
        at = match.start()
        for start, end in words:
            yield _WholeValue(token[start:end], at + start)


STEM = FoldingTokenizer(STOP_WORDS, stem_word)
PLAIN = FoldingTokenizer()


def first_stem(word: str) -> str | None:
    """The body field's term for ``word`` (its first token's stem, as STEM indexes it and a
    query reads it); None when STEM leaves nothing of it (a stop word, punctuation)."""
    return next((t.text for t in STEM(word, mode="query")), None)


def make_schema() -> Schema:
    return Schema(
        kind=ID(),
        doc_id=ID(stored=True, sortable=True),
        passage_id=ID(stored=True, unique=True),
        title=TEXT(analyzer=STEM, stored=True, field_boost=2.0),
        body=TEXT(analyzer=STEM, stored=True, phrase=False),
        # Unstemmed copy for "quoted phrases"; its words are the spelling vocabulary.
        exact=TEXT(analyzer=PLAIN, phrase=True),
        location=TEXT(analyzer=PLAIN, stored=True),
        doc_type=ID(stored=True, sortable=True),
        year=NUMERIC(int, bits=32, stored=True, sortable=True, signed=False),
        date=ID(stored=True, sortable=True),
        meeting_number=NUMERIC(int, bits=32, stored=True),
        meeting_key=ID(
            stored=True, sortable=True
        ),  # "sme_ministerial/25" (indexer.record.store.meeting_key)
        meeting=STORED(),  # {"series", "number", "year"} of the document's meeting
        role=ID(stored=True, sortable=True),  # indexer.record.placement.ROLES
        work_id=ID(stored=True),  # the primary copy's doc id (indexer.record.works)
        copies=STORED(),  # the work's other members
        index_key=STORED(),
        url=STORED(),
        fetched_url=STORED(),
        fetched_at=STORED(),
        content_type=STORED(),
        sha256=STORED(),
        position=STORED(),
        marks=STORED(),  # passage records: each line's paragraph [anchor, number (its ¶)]
        page=STORED(),
        # passage records: the body's analysis for showing it (passage_analysis.encode),
        # a column of bytes read as they are, not a stored field (unpickled and inflated)
        analysis=COLUMN(VarBytesColumn()),
        meta=STORED(),  # doc records: document metadata (dict)
        paragraphs=STORED(),  # doc records: list of paragraph dicts
    )


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """``word`` as the index writes it: its first token's folded form (read as a query
    reads it: a word joined without a space stays whole)."""
    tokens = [t.text for t in PLAIN(word, mode="query")]
    return tokens[0] if tokens else word.lower()
