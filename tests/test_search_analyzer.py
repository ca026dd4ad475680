"""The one-pass analyzer gives the same tokens as the Whoosh filter chain it replaces, on text
without compounds or dotted acronyms (its own rules for those: test_search_spellings.py)."""

import pytest
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map

from indexer.index import analysis

CHAIN_STEM = (
    RegexTokenizer()
    | LowercaseFilter()
    | CharsetFilter(accent_map)
    | StopFilter(stoplist=analysis.STOP_WORDS, minsize=1)
    | StemFilter(stemfn=analysis.stem_word, cachesize=-1)
)
CHAIN_PLAIN = RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)

TEXTS = [
    "The Ministers of the APEC economies committed to MSMEs' digitalisation.",
    "São Paulo, Ærø and İstanbul: STRASSE straße 3.14 (e) women owned firms",
    "  of the  ",
    "",
    "to be or not to be that is it",
]
OPTIONS = [
    {},
    {"positions": True},
    {"positions": True, "chars": True, "removestops": False},
    {"mode": "query", "removestops": False, "positions": True},
    {"tokenize": False},
    {"positions": True, "start_pos": 5, "keeporiginal": True},
]


def _tokens(analyzer, text, options):
    attrs = ("text", "pos", "startchar", "endchar", "stopped", "original")
    return [tuple(getattr(t, a, None) for a in attrs) for t in analyzer(text, **options)]


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("text", TEXTS)
def test_same_tokens_as_the_filter_chain(text, options):
    assert _tokens(analysis.STEM, text, options) == _tokens(CHAIN_STEM, text, options)
    assert _tokens(analysis.PLAIN, text, options) == _tokens(CHAIN_PLAIN, text, options)


def test_stop_words_are_renumbered_away():
    text = "the commitments of the economies"
    tokens = [(t.text, t.pos) for t in analysis.STEM(text, positions=True)]
    assert tokens == [("commit", 1), ("economi", 2)]


def test_compatibility_forms_are_folded_so_a_pages_own_characters_are_found():
    # stored text keeps the page's characters (ligatures, full-width letters) for deep links
    tokens = [
        t.text for t in analysis.PLAIN("small \ufb01rms and o\ufb03ces in \uff33\uff2d\uff25s")
    ]
    assert tokens == ["small", "firms", "and", "offices", "in", "smes"]


def test_informal_keeps_a_stem_of_its_own():
    # Snowball's "inform" would make "informal economy" match "information on economies".
    assert analysis.stem_word("informality") == analysis.stem_word("informal") == "informal"
    assert analysis.stem_word("information") != analysis.stem_word("informal")


def test_information_is_not_informed():
    # Snowball's "inform" would make "market information" match "ministers were informed".
    assert analysis.stem_word("information") != analysis.stem_word("informed")
    assert analysis.stem_word("informed") == analysis.stem_word("informing")


def test_financial_meets_finance_and_financing():
    assert len({analysis.stem_word(w) for w in ("financial", "finance", "financing")}) == 1
