"""One spelling: British and American variants of a word become one form at analysis time, in
the index and in queries alike, so "digitalisation" and "digitalization", "programme" and
"program", "labour" and "labor", "centre" and "center" are one word to search (APEC's
economies write both). The unstemmed ``exact`` field keeps the words as written, so a quoted
phrase still means the exact words.

The pairs are breame's curated lists (about 1,700 words each way;
https://github.com/cdpierse/breame). The form kept is the American one, except for the
-ise/-ize family, where it is the British "s" form: the English stemmer takes
"digitalization" to "digit" (with "digital" and "digits") and "internationalization" to
"internation", but "digitalisation" to "digitalis", apart from them. Two suffix rules cover
the words the lists lack that the record uses: every "-ization" is an "-isation", every
"-alize" verb form an "-alise" one ("digitalize", "operationalized",
"internationalization").
"""

from __future__ import annotations

import re

from breame.data.spelling_constants import (
    AMERICAN_ENGLISH_SPELLINGS,
    BRITISH_ENGLISH_SPELLINGS,
)

_RULES = re.compile(r"(?<=\w{3})(?:iz(ations?|ational)|(al)iz(e|ed|es|ing|er|ers))$")


def _to_s(m: re.Match) -> str:
    return "is" + m.group(1) if m.group(1) else m.group(2) + "is" + m.group(3)


def _s_for_z(z_word: str, s_word: str) -> bool:
    """Whether the two differ only by "z" written "s" ("organize", "organise")."""
    return z_word.replace("z", "s") == s_word and z_word != s_word


def one_spelling(word: str) -> str:
    """The form a lower-case, accent-folded ``word`` is searched by (itself when it has no
    other spelling): ``one_spelling("labour") == "labor"``, ``one_spelling("organize") ==
    "organise"``, ``one_spelling("digitalization") == "digitalisation"``."""
    american = BRITISH_ENGLISH_SPELLINGS.get(word)
    if american is not None:
        return word if _s_for_z(american, word) else american
    british = AMERICAN_ENGLISH_SPELLINGS.get(word)
    if british is not None:
        return british if _s_for_z(word, british) else word
    if "iz" not in word:
        return word
    return _RULES.sub(_to_s, word)
