"""Control characters, dropped from extracted text and from every query a page echoes.

XML 1.0 does not allow the C0 controls other than tab, line feed and carriage return, lone
surrogates, U+FFFE or U+FFFF (section 2.2, https://www.w3.org/TR/xml/#charsets): a title or
query holding one makes an Atom feed ill-formed. DEL and the C1 controls are allowed there
but carry no text, and trafilatura drops them where our own extractor would keep them (one
paragraph then came out twice), so they go too. Vertical tabs and form feeds separate words
(HTML counts the form feed as white space): they become spaces. NEL (U+0085) is white space
to Python and stays, to be collapsed with the rest.
"""

from __future__ import annotations

import re

CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
SEPARATORS = str.maketrans("\x0b\x0c", "  ")


def without_controls(text: str) -> str:
    """``text`` without control characters (vertical tabs and form feeds made spaces)."""
    return CONTROLS.sub("", text.translate(SEPARATORS))
