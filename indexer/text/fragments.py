"""Links to the place in a source document where a passage, or a sentence of it, is."""

from __future__ import annotations

import re
import string

# A list marker opening a line: "2.", "(b)", "iv)", "•", "–". Quoted, it would not match
# the page when the marker is drawn by the list (an <ol>), and alone it is not distinctive.
_MARKER = re.compile(r"^(?:\(?(?:\d{1,3}|[ivxlc]{1,5}|[a-z])[.)]|[•·▪◦●*–—-])(?=\s|$)", re.I)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
MIN_QUOTED_WORDS = 3


# A text fragment's words as UTF-8 bytes, each percent-encoded but for letters, digits and
# "_.~": urllib.parse.quote(safe="") leaves "-" too, but a text fragment gives "-" (as ","
# and "&") a meaning.
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "_.~")
_PERCENT = [chr(b) if chr(b) in _UNRESERVED else f"%{b:02X}" for b in range(256)]


_PLAIN = re.compile(r"[\w.~ ]*", re.ASCII)  # ASCII letters, digits, "_.~" and spaces


def _encode(text: str) -> str:
    if _PLAIN.fullmatch(text):  # most runs of words: only their spaces are encoded
        return text.replace(" ", "%20")
    return "".join(map(_PERCENT.__getitem__, text.encode("utf-8")))


def quote_run(text: str, words: int = 8, at: int = 0) -> str:
    """Up to ``words`` words of the first line of ``text`` that have some letters, without
    a leading list marker: from the start, or from two words before word ``at`` (counted
    in the whitespace-split line) when the run would not reach it. "" when nothing is left.

    A text fragment's words must lie in one block of the page, hence the first line only
    (passages join their paragraphs with newlines).
    """
    tokens = text.strip().split("\n", 1)[0].split()
    while tokens and _MARKER.match(tokens[0]):
        tokens.pop(0)
        at -= 1
    start = 0 if at < words - 1 else min(at - 2, max(0, len(tokens) - words))
    run = tokens[start : start + words]
    if len(run) < MIN_QUOTED_WORDS and start:  # a short tail: take the line's last words
        run = tokens[-words:]
    quoted = " ".join(run)
    return quoted if _LETTERS.search(quoted) else ""  # a space is no letter: words apart


def text_fragment_link(url: str, text: str, words: int = 8, at: int = 0) -> str:
    """``url#:~:text=<a run of text's words>`` (see ``quote_run``), which browsers scroll
    to and highlight (URL text fragments, WICG Scroll-to-Text-Fragment spec)."""
    return _fragment_link(url, quote_run(text, words, at))


def _fragment_link(url: str, run: str) -> str:
    base = url.split("#", 1)[0]
    return f"{base}#:~:text={_encode(run)}" if run else base


def passage_link(
    url: str, content_type: str, text: str, page: int | None, at: int = 0, before: str = ""
) -> str:
    """A PDF passage links to its page; an HTML passage to a run of its words (from word
    ``at`` of its first line, see ``quote_run``), long enough not to occur in ``before``
    (the document's text before it, when known: a browser scrolls to a fragment's first
    occurrence, so "The 26th ... Ministerial" must not stop where a heading repeats it)."""
    if content_type == "pdf":
        base = url.split("#", 1)[0]
        return f"{base}#page={page}" if page else base
    return _fragment_link(url, _run_apart(text, at, before))


MOST_QUOTED_WORDS = 20


def _run_apart(text: str, at: int, before: str) -> str:
    """A run of ``text`` (see ``quote_run``) of 8 words, or more up to MOST_QUOTED_WORDS
    so that it does not occur in ``before`` (case aside, as browsers match text
    fragments)."""
    words = 8
    run = quote_run(text, words, at)
    if not run or not before or run.casefold() not in (earlier := before.casefold()):
        return run  # most often: one look
    while words < MOST_QUOTED_WORDS:
        longer = quote_run(text, words + 1, at)
        if longer == run:
            break  # the line has no more words
        words, run = words + 1, longer
        if run.casefold() not in earlier:
            break
    return run
