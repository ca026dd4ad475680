"""Word stems: Snowball's English stemmer of one spelling of each word, with the record's own
overrides. The index analyses text with it (``indexer.index.analysis``); the commitments'
word filter matches by it, so that a word finds the same forms in both."""

from __future__ import annotations

import re
import threading

import Stemmer

from indexer.text.variants import one_spelling

# Stems overridden, as Elasticsearch's ``stemmer_override`` filter does: "informal" (the
# informal economy) would be "inform", as "information" and "informed" are, and so "market
# information" would find "ministers were informed" (a browser trial's; no figure of the
# development half moves either way); "financial" would
# be "financi", apart from "finance" and "financing" (tuned on the development half of
# bench/data/real: topical recall@10 0.774 -> 0.790, MRR 0.836 -> 0.871; "entrepreneurship"
# joined to "entrepreneur" gained nothing there and is left alone).
STEM_OVERRIDES = {
    "informal": "informal",
    "informally": "informal",
    "informality": "informal",
    "financial": "financ",
    "financially": "financ",
    "information": "information",
}

# Plurals that Porter2 leaves apart from their singulars ("women" from "woman"), taken to the
# singular first, as WordNet's morphology does with its list of exceptions (noun.exc;
# G. A. Miller, "WordNet: a lexical database for English", CACM 38(11), 1995): the nouns
# for people in "-man" and "-woman", and "children". Not "media" (of "small and medium")
# nor "data", whose singulars mean other things here; nor "crises" (with "crisis", "financial
# crisis" lost a labelled document on the development half of bench/data/real: topical
# recall@10 0.750 -> 0.747, precision@10 0.306 -> 0.304).
IRREGULAR_PLURALS = {"children": "child"}
_PEOPLE_IN_MAN = (  # "chairman", "businesswoman"...
    *("", "business", "chair", "congress", "crafts", "fisher", "lay", "sales"),
    *("spokes", "sports", "states", "trades", "work"),
)
IRREGULAR_PLURALS |= {f"{p}{m}en": f"{p}{m}an" for p in _PEOPLE_IN_MAN for m in ("m", "wom")}
_NO_VOWEL = re.compile(r"[^\W\daeiouy_]+")  # letters, none a vowel: an acronym's
_stemmers = threading.local()  # a PyStemmer stemmer is not thread-safe (its cache)


def stem_word(word: str) -> str:
    """Snowball's English stemmer (Porter2 with its exceptions: "committed" and
    "commitment" meet, "organization" and "organ" or "university" and "universal" do not),
    in C through PyStemmer, about a hundred times faster than Whoosh's pure-Python Porter2;
    plus plural acronyms: Porter2 leaves "msmes" and "smes" alone, and "gvcs" and "ldcs"
    (no vowel before the "s"), so they lose their "s" here and meet "msme", "sme", "gvc"
    and "ldc". The word is first taken to its one spelling (``variants.one_spelling``:
    "labour" and "labor" meet), and an irregular plural to its singular (IRREGULAR_PLURALS:
    "women" and "woman" meet); STEM_OVERRIDES come first."""
    word = one_spelling(word)
    word = IRREGULAR_PLURALS.get(word, word)
    if word in STEM_OVERRIDES:
        return STEM_OVERRIDES[word]
    stemmer = getattr(_stemmers, "english", None)
    if stemmer is None:
        stemmer = _stemmers.english = Stemmer.Stemmer("english")
    stemmed = stemmer.stemWord(word)
    plural = word.endswith("es") or (word.endswith("s") and _NO_VOWEL.fullmatch(word[:-1]))
    return word[:-1] if stemmed == word and len(word) > 3 and plural else stemmed
