"""Characters XML 1.0 does not allow (section 2.2, https://www.w3.org/TR/xml/#charsets):
the C0 controls other than tab, line feed and carriage return, lone surrogates, U+FFFE and
U+FFFF. A title or query holding one would make an Atom feed ill-formed, so they are dropped
from extracted text and from every query a page echoes."""

from __future__ import annotations

import re

XML_DISALLOWED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 does not allow."""
    return XML_DISALLOWED.sub("", text)
