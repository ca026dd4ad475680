"""A title read from a page's address, for a page that gives none: ".../2017_amm/annex-b"
-> "Annex B", ".../0401_New_Center_to_Build_SME_Innovation_Capacity" -> "New Center to
Build SME Innovation Capacity". Sites name a page's address after its title (a "slug"), so
its words name the page better than the address shown whole; search engines show an
untitled page the same way."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_EXTENSION = re.compile(r"\.(?:aspx?|s?html?|php|jsp|cfm|pdf|docx?)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[-_+\s]+")
# "0401", "36645747": numbers that identify, not name (a year names: "2017_SME_...")
_IDENTIFIER = re.compile(r"(?!(?:19|20)\d\d$)\d{3,}")
_LONGEST_WORD = 25  # letters; a longer run is a hash or a code, not a word
_LETTERS_SHARE = 0.6  # of the words, at least
# Words that a content system's addresses are made of: "board_view.asp", "twinfo_detail.php"
_SCRIPT_WORDS = frozenset(
    {
        *("article", "board", "content", "default", "detail", "details", "display", "form"),
        *("index", "item", "list", "news", "page", "post", "print", "show", "view"),
    }
)
# The record's acronyms, written as the record writes them
_ACRONYMS = {
    w.lower(): w
    for w in (
        *("APEC", "SME", "SMEs", "MSME", "MSMEs", "SMEWG", "SMEMM", "ABAC", "AMM", "SOM"),
        *("CTI", "DTI", "MRT", "PSU", "ECOTECH"),
    )
}


def slug_title(url: str) -> str:
    """The words of the last segment of ``url``'s path as a title, or "" when they do not
    read as one: fewer than two words with letters, most not words, or only a content
    system's words. Its extension and the numbers before and after its words (a year
    aside) are left out; the record's acronyms are written in capitals, a lone letter as
    a capital ("annex b" -> "Annex B"), letters standing alone in a row as an abbreviation
    ("u-s" -> "U.S."); a segment in lower case gets a capital first letter."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if not segments:
        return ""
    last = _EXTENSION.sub("", unquote(segments[-1]))
    words = [w for w in _SEPARATORS.split(last) if w]
    while words and _IDENTIFIER.fullmatch(words[0]):
        words.pop(0)
    while words and _IDENTIFIER.fullmatch(words[-1]):
        words.pop()
    named = [w for w in words if re.search(r"[^\W\d_]", w)]
    if (
        len(named) < 2
        or len(named) < _LETTERS_SHARE * len(words)
        or any(len(w) > _LONGEST_WORD for w in words)
        or {w.lower() for w in named} <= _SCRIPT_WORDS
    ):
        return ""
    out: list[str] = []
    for i, word in enumerate(words):
        lone = len(word) == 1 and word.isalpha()
        if lone and out and re.fullmatch(r"(?:[A-Z]\.)+", out[-1]):
            out[-1] += f"{word.upper()}."  # "u s" -> "U.S."
        elif lone and (word.lower() != "a" or i == len(words) - 1):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            alone = len(nxt) == 1 and nxt.isalpha()
            out.append(f"{word.upper()}." if alone else word.upper())
        else:
            out.append(_ACRONYMS.get(word.lower(), word))
    if last == last.lower():
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)
