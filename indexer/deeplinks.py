"""Links to the place in a source document where a passage is."""

from __future__ import annotations

from urllib.parse import quote


def _encode(text: str) -> str:
    # quote() leaves '-' alone, but a text fragment gives '-' (and ',' and '&') a meaning.
    return quote(text, safe="").replace("-", "%2D")


def text_fragment_link(url: str, text: str, words: int = 8) -> str:
    """``url#:~:text=<the first words of text>``, which browsers scroll to and highlight.

    A text fragment's words must lie in one block of the page, so only the first line of
    ``text`` (passages join their paragraphs with newlines) is used.
    """
    first_line = text.strip().split("\n", 1)[0]
    opening = " ".join(first_line.split()[:words])
    base = url.split("#", 1)[0]
    if not opening:
        return base
    return f"{base}#:~:text={_encode(opening)}"


def passage_link(url: str, content_type: str, text: str, page: int | None) -> str:
    """A PDF passage links to its page; an HTML passage to its opening words."""
    if content_type == "pdf":
        base = url.split("#", 1)[0]
        return f"{base}#page={page}" if page else base
    return text_fragment_link(url, text)
