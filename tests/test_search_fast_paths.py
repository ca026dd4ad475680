"""The shortcuts a search takes read and mark text exactly as the long way does: a query of
plain words is parsed as Whoosh's parser parses it, and highlighting a text from its
marked word forms marks and escapes exactly what the word-by-word highlighting does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.index import passage_analysis, queries
from indexer.index.passage_analysis import Analysed
from indexer.search import highlight, snippets
from indexer.text.sentences import split_sentences
from tests.fuzz_strategies import FUZZ
from tests.search_fixtures import engine  # noqa: F401

PLAIN = [
    "trade finance",
    "trade trade",  # a repeat counts once
    "the trade",  # a stop word drops out
    "The Trade OF women",
    "and or",  # stop words only: nothing to search
    "cooperación Pymes",
    "women entrepreneurs enterprises digital",
    "a",
]
NOT_PLAIN = ["trade AND finance", "trade OR finance", "NOT trade", "e commerce", "digit*"]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_words_parse_as_the_parser_parses_them(text):
    assert queries._parse_words(text) is not None
    assert repr(queries.parse(text).query) == repr(queries._PARSER.parse(text))


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_operators_and_rewritten_words_go_to_the_parser(text):
    assert queries._parse_words(queries._rewrite(text, [])) is None


@FUZZ
@given(st.lists(st.sampled_from(PLAIN + ["SMEs", "Ministers", "growth", "an"]), min_size=1))
def test_any_plain_words_parse_as_the_parser_parses_them(words):
    text = " ".join(words)
    assert repr(queries._parse_words(text)) == repr(queries._PARSER.parse(text))


WORDS = ["trade", "Trade", "SMEs", "the", "OF", "informality", "café", "ﬁrms", "Ærø", "中小企业"]
WORDS += ["ไทย", "e", "x", "MSMEs", "cooperación", "u.s", "R&D", "co-operation", "2014", "ǅemal"]


def _word_read_alike(word: str) -> None:
    short, long = queries._word_query.__wrapped__(word), queries._PARSER.parse(word)
    assert short == long
    assert repr(short) == repr(long)


@pytest.mark.parametrize("word", WORDS)
def test_a_word_is_read_as_the_parser_reads_it(word):
    _word_read_alike(word)


@FUZZ
@given(st.text(st.sampled_from("aeEsSçéﬁǅß中企ไท1.-' "), min_size=1, max_size=8))
def test_any_word_is_read_as_the_parser_reads_it(word):
    _word_read_alike(word)


# Queries of plain words read the short way (``_plain_words``) and others that look like them.
READ_ALIKE = PLAIN + [
    "Trade trade TRADE",
    "women entrepreneurs",  # names a concept: expanded the long way
    "access to finance",
    "digitalisation ecommerce",
    "e commerce",
    "trade  finance",  # two spaces
    " trade",
    "trade 2014",
    "SMEs OR MSMEs",
    "中小企业 贸易",  # Chinese, read as bigrams
    "café Ministers",
    "informality the of",
]


def _read_alike(text: str, expand: bool) -> None:
    short, long = queries.parse(text, expand=expand), queries._parse(text, expand)
    assert short == long
    assert repr(short.query) == repr(long.query)
    assert (short.words, short.stems, short.exact, short.notes, short.expanded) == (
        long.words,
        long.stems,
        long.exact,
        long.notes,
        long.expanded,
    )


@pytest.mark.parametrize("text", READ_ALIKE)
@pytest.mark.parametrize("expand", [False, True])
def test_plain_words_are_read_as_the_long_way_reads_them(text, expand):
    _read_alike(text, expand)


def test_a_query_of_plain_words_is_read_the_short_way():
    assert queries._plain_words("Trade growth of Ministers", True) is not None
    for text in ("women entrepreneurs", "e commerce", "the of", "trade OR finance", "ภาษา trade"):
        assert queries._plain_words(text, True) is None


@FUZZ
@given(
    st.lists(
        st.sampled_from(READ_ALIKE + ["SMEs", "Ministers", "growth", "an", "e", "women", "NOT"]),
        min_size=1,
        max_size=4,
    ),
    st.booleans(),
)
def test_any_plain_words_are_read_as_the_long_way_reads_them(words, expand):
    _read_alike(" ".join(words), expand)


TRICKY = [
    'R&D for SMEs <script>alert("x")</script> and the U.S. & A.P.E.C members',
    "Trade.Ministers met; trade-related R&amp;D isn't 'trade' &lt;b&gt; amp lt gt quot x27",
    "e.g. 3.5% of firms… women‑owned “enterprises” in the U.S.A.",
    "a.&b a&.b x.'y <mark>trade</mark>",
]
QUERIES = [("trade", "ministers"), ("amp",), ("u.s", "firms"), ("r", "d"), ("x27", "quot")]


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("words", QUERIES)
def test_highlighting_from_the_word_index_is_the_same(text, words):
    parsed = queries.parse(" ".join(words))
    stems, exact = parsed.stems, parsed.exact | {w for w in words if w in ("amp", "x27")}
    plain = highlight.highlight(text, stems, exact)
    for whole in (text, f"Before. {text} After."):
        marked = Analysed.of(whole).marked(queries.Parsed(None, stems=stems, exact=exact)).forms
        assert highlight.highlight(text, stems, exact, marked) == plain


@FUZZ
@given(
    st.lists(st.sampled_from(list("ab.&<>\"' -\n") + ["trade", "amp", "U.S"]), max_size=30).map(
        "".join
    ),
    st.sampled_from(QUERIES),
)
def test_any_text_highlights_the_same_from_its_word_index(text, words):
    parsed = queries.parse(" ".join(words))
    stems, exact = parsed.stems, parsed.exact | set(words)
    expected = highlight.highlight(text, stems, exact)
    marked = Analysed.of(text).marked(queries.Parsed(None, stems=stems, exact=exact)).forms
    assert highlight.highlight(text, stems, exact, marked) == expected


@FUZZ
@given(
    st.lists(
        st.sampled_from(["Trade", "trading", "traded", "U.S.", "amp", "中小企業", "ministers"]),
        max_size=30,
    ).map(" ".join)
)
@pytest.mark.parametrize("words", QUERIES + [("trading", "trade"), ("中小",)])
def test_each_marked_word_has_the_term_it_matches(words, text):
    # its folded form when the query has it unstemmed, else its stem
    parsed = queries.parse(" ".join(words))
    parsed.exact |= {words[0]}
    marked = Analysed.of(text).marked(parsed)
    forms, _ = passage_analysis.word_forms(text)
    assert marked.terms == {w: _term_of(forms[w], parsed.stems, parsed.exact) for w in marked.at}


TEXT_PIECES = ["trade", "U.S.", "a.&b", "e.g.", "é", "x27", " ", "\n", "\u00a0", "中小企業", "ธุรกิจ"]


@FUZZ
@given(st.lists(st.sampled_from(TEXT_PIECES), max_size=30).map("".join))
def test_any_text_splits_into_the_words_the_index_has(text):
    # a text in no script needing segments is read in one pass, as word by word
    forms, starts = passage_analysis.word_forms(text)
    words = [(w, s) for w, s, _ in passage_analysis.words(text)]
    assert list(zip(forms, starts, strict=True)) == words


def _term_of(form: str, stems: set[str], exact: set[str]) -> str | None:
    """The query term a word form matches, from the form itself: its folded form when the
    query has it unstemmed, else its stem (None when the query has neither)."""
    folded, stem = passage_analysis.word_key(form)
    return folded if folded in exact else stem if stem in stems else None


def _snippet_the_long_way(text: str, stems: set[str], exact: set[str]) -> str:
    """The snippet as cut from the whole text split into words, around the first match of
    the sentence holding the most query terms (the first of equals), then highlighted."""
    words = text.split()
    if len(words) > snippets.SNIPPET_WORDS:
        hits = [
            (s, _term_of(w, stems, exact))
            for w, s, _ in passage_analysis.words(text)
            if highlight._matches(w, stems, exact)
        ]
        sentences = split_sentences(text)
        best, most = None, 0
        for sentence in sentences:
            inside = [(s, t) for s, t in hits if sentence.start <= s < sentence.end]
            if len({t for _, t in inside}) > most:
                best, most = inside[0][0], len({t for _, t in inside})
        first = best if best is not None else next((s for s, _ in hits), None)
        at = len(text[:first].split()) - (not text[first - 1].isspace()) if first else 0
        start = max(0, min(at - 10, len(words) - snippets.SNIPPET_WORDS))
        end = start + snippets.SNIPPET_WORDS
        text = ("… " if start else "") + " ".join(words[start:end])
        text += " …" if end < len(words) else ""
    return highlight.highlight(text, stems, exact)


SNIPPET_WORDS = ["trade", "Trade.", "R&D", "amp", "x27", "isn't", "<b>", "U.S.", "e.g.", "…"]
SNIPPET_WORDS += ["中小企業", "ธุรกิจ", "women‑owned", "“enterprises”", "a.&b", "firms", "of"]


@FUZZ
@given(
    st.lists(
        st.tuples(st.sampled_from(SNIPPET_WORDS), st.sampled_from([" ", "  ", "\n", "\t\u00a0"])),
        min_size=30,
        max_size=140,
    ).map(lambda words: "".join(w + s for w, s in words)),
    st.sampled_from(QUERIES + [("中小",), ("firms", "trade")]),
)
def test_any_snippet_from_the_word_index_is_the_cut_highlighted(text, words):
    parsed = queries.parse(" ".join(words))
    parsed.exact |= {w for w in words if w in ("amp", "x27")}
    expected = _snippet_the_long_way(text, parsed.stems, parsed.exact)
    assert snippets.snippet(text, parsed) == expected


CONCEPTS = ["access to finance", "e-commerce women entrepreneurs", "sme finance -covid"]


@pytest.mark.parametrize("text", CONCEPTS)
def test_a_concept_reads_the_same_from_the_caches_after_searches(engine, text):  # noqa: F811
    first = repr(queries.parse(text, expand=True).query)
    assert "DisjunctionMax" in first  # the concept's other terms are there
    for q in (text, f"{text} trade", f'"{text}"'):
        engine.search(q)
        engine.search(q, page=2, sort="newest")
    assert repr(queries.parse(text, expand=True).query) == first
    queries._read_alone.cache_clear()
    queries._other_term.cache_clear()
    assert repr(queries.parse(text, expand=True).query) == first


def test_the_snippet_shows_the_sentence_the_deep_link_goes_to():
    filler = " ".join(f"word{n}" for n in range(70))
    text = f"The ibis nests here. {filler}. Rangers saw the ibis beside a heron at dawn."
    parsed = queries.parse("ibis heron")
    shown = snippets.snippet(text, parsed)
    assert "<mark>heron</mark>" in shown and shown.startswith("… ")
    link, _ = snippets.sentence_link("https://example.org/p", "html", text, None, parsed)
    assert "Rangers%20saw%20the%20ibis" in link


def test_a_deep_link_kept_for_where_it_goes_is_the_one_made_anew():
    # Queries marking other words of the same sentence link to it quoting from their first
    # marked word: a link kept for the sentence alone would send "ibis" to "seven".
    text = (
        "One two three four five six seven eight nine ten ibis heron eleven twelve.\n"
        "The heron waded. An egret and an ibis flew over the rangers."
    )
    links: dict = {}
    for q in ("seven ibis", "ibis", "heron", "egret", "ibis egret", "rangers", "seven", "swan"):
        parsed = queries.parse(q)
        analysed = Analysed.of(text)
        marked = analysed.marked(parsed)
        args = ("https://example.org/p", "html", text, None, parsed)
        kept = snippets.sentence_link(*args, analysed, marked, "Birds", links)
        assert kept == snippets.sentence_link(*args, title="Birds"), q
    assert len(links) >= 4  # kept by where they go, not one per query
