"""Text normalised at extraction: compatibility characters folded (PDFs; an HTML page keeps
its own characters, `clean`, so deep links quote it as it is), invisible ones dropped,
whitespace collapsed, and words broken at a PDF line end joined again.

- Unicode NFKC folds ligatures (`ﬁrms` -> `firms`, `oﬃce` -> `office`), no-break and other
  odd spaces, full-width forms.
- Soft hyphens (U+00AD), zero-width spaces and joiners (U+200B-U+200D, U+2060) and
  byte-order marks (U+FEFF) are removed, so `digital&shy;isation` is one word; so are
  control characters (indexer.text.characters), which would break a feed.
- A hyphen at a line end is dropped when the word it splits is not a compound: the joined
  word is used elsewhere in the document, or the hyphenated form is not (`entrepre-` +
  `neurs`); it stays when the hyphenated form is a word (`cross-` + `border`,
  `micro-` + `enterprises`). The dictionary is the document's own vocabulary (the machine
  has no word list), helped by a few word parts that form compounds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from indexer.text.characters import without_controls

INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
LINE_END_PART = re.compile(r"([^\W\d_]+)-$")
LINE_START_PART = re.compile(r"[^\W\d_]+")

# word parts that make real compounds when they meet a hyphen at a line break
COMPOUND_RIGHT = {
    "owned", "led", "based", "related", "sized", "scale", "term", "level", "oriented",
    "friendly", "driven", "making", "wide", "specific", "focused", "intensive", "up",
    "border", "economy", "commerce", "pacific", "private", "sector",
}  # fmt: skip
# ... and left parts that do, when the right part is a word of its own (`micro-enterprises`)
COMPOUND_LEFT = {"e", "non", "self", "cross", "co", "asia", "public", "small", "medium", "micro"}


def normalise(text: str) -> str:
    """NFKC, without invisible characters, whitespace collapsed to single spaces."""
    return " ".join(fold(text).split())


def clean(text: str) -> str:
    """Without invisible characters, whitespace collapsed, but the source's own characters
    kept ("…" stays "…"): a page's text as stored, so that a text fragment quoting it
    matches the page (browsers match the characters the page shows). Index analysis and
    the rules that read the text (chrome, metadata) fold it with `normalise`."""
    return " ".join(INVISIBLE.sub("", text).split())


def fold(text: str) -> str:
    """NFKC without invisible or control characters (indexer.text.characters); whitespace
    (line breaks too) left as it is."""
    return unicodedata.normalize("NFKC", INVISIBLE.sub("", without_controls(text)))


class Hyphenation:
    """Decides, for a document, whether a hyphen at a line end splits a word or is real.

    Built from the document's lines (each a printed line, already folded); the vocabulary
    leaves out the parts around line-end hyphens, so a fragment never vouches for itself.
    """

    def __init__(self, lines: Iterable[str]):
        words: set[str] = set()
        broken_next = False
        for line in lines:
            body = line
            if broken_next:  # the line starts with the tail of a broken word
                body = LINE_START_PART.sub("", body, count=1)
            broken_next = bool(LINE_END_PART.search(body))
            if broken_next:
                body = LINE_END_PART.sub("", body)
            words.update(w.lower() for w in WORD.findall(body))
        self.words = words

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """True when `left-` at a line end and `right` starting the next line form a real
        hyphenated compound (`cross-border`); False when they are one word broken in two."""
        a, b = left.lower(), right.lower()
        if f"{a}-{b}" in self.words:
            return True
        if a + b in self.words:
            return False
        if b in COMPOUND_RIGHT or (a in COMPOUND_LEFT and (a == "e" or b in self.words)):
            return True
        return a in self.words and b in self.words

    def join(self, previous: str, line: str) -> tuple[str, str]:
        """(previous line as it ends the join, separator) for appending `line` to
        `previous`: a broken word loses its hyphen and is joined without a space."""
        left = LINE_END_PART.search(previous[-100:])
        right = re.match(r"[^\W\d_A-Z]+", line)  # a continuation starts in lower case
        if not (left and right):
            return previous, " "
        if self.keeps_hyphen(left.group(1), right.group(0)):
            return previous, ""
        return previous[:-1], ""
