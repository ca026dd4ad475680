"""Split passage text into sentences, keeping each sentence's offsets in the passage.

Statements are full of full stops that do not end a sentence: honorifics ("H.E.", "Dr.",
"Mr."), abbreviations ("No.", "U.S.", "e.g.", "approx."), initials ("J. Smith") and the
numbers of numbered paragraphs ("12. Ministers welcomed ..."). Passages join paragraphs
with spaces, so a paragraph number may follow a heading with no full stop ("Digital
Economy 12. Ministers ..."): the heading then ends before the number. A line break always
ends a sentence. A sentence's text leaves out its paragraph number. Title lines glued to
the first sentence of a paragraph ("Joint Statement FOURTH MEETING OF MINISTERS ON SMALL AND
MEDIUM ENTERPRISES Micro-enterprises make up ...") become a sentence of their own.
Chinese and Japanese sentences end at their full stop ("。"), with no space after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lower-cased tokens (without their final dot) after which a dot never ends a sentence:
# honorifics and styles as the member economies write them before names ("H.E. Dato Sri
# Dr.", "Rt. Hon.", "Engr.", "Atty.", "Lic.", "Ing." in the Philippines and Latin America,
# "Ir.", "Drs." in Indonesia, "Mdm." in Singapore and Malaysia, "Excmo.", "Sra."), then
# other abbreviations.
ABBREVIATIONS_TEXT = """
    h.e dr drs mr mrs ms mx mdm mme prof hon rt st sr sra srta excmo excma jr gen col capt lt
    gov sen rep amb pres engr atty lic ing arq ir
    no nos vol vols art arts para paras sec ch fig p pp op cf
    e.g i.e viz vs approx ca est dept univ inc ltd corp co bros assn
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u p.r hk
"""
ABBREVIATIONS = frozenset(ABBREVIATIONS_TEXT.split())

_TERMINAL = ".!?…"
# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
# A Chinese or Japanese full stop (or question or exclamation mark, full-width) ends a
# sentence with no space after it, with the closing quotes and brackets that follow it.
_CJK_BOUNDARY = re.compile(r"[。！？]+[」』”’）)]*")
# A full stop glued to the next sentence: "region.Within" (see the module docstring).
_GLUED = re.compile(r"(?<=[a-z])\.(?=[A-Z][a-z])")
_ADDRESS = re.compile(r"[@/]|\.\w")
_GLUED_WORD = re.compile(r"[\"'“‘(\[]*[A-Za-z'’-]*[a-z]{2}")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")
# "12." or "(iv)." or "a)" numbering a paragraph, followed by its first word.
_NUMBER_TOKEN = re.compile(r"\(?(?:\d{1,2}|[ivx]{1,4}|[a-z])[.)]", re.I)
# A paragraph number right after a capitalised heading word: "Economy 12. Ministers".
_LEADING_NUMBER = re.compile(r"\s*\(?(?:\d{1,2}|[ivx]{1,4}|[a-z])[.)]\s+(?=\S)", re.I)
# A heading glued to its paragraph: a run of capitalised words (or numbers) at the start
# of a sentence, then a capitalised word that opens sentences ("Priority Areas The plan").
_HEADING = re.compile(
    r"(?:[A-Z0-9][\w'’.-]*:?\s+){1,10}?(\s*)"
    r"(?=(?:The|This|These|Those)\s+\S|(?:We|Our|It|In|On|At)\s+[a-z0-9])"
)
_NUMBER_AFTER_HEADING = re.compile(r"\b[A-Z][^\W\d_]*(\s+)(?=\d{1,2}\.\s+[A-Z\"“(])")
# Upper-case words that are names (acronyms), not a title line set in capitals.
ACRONYMS_TEXT = """apec sme smes msme msmes smewg smemm abac asean pecc oecd covid-19 ecotech
    wto usa ict"""
ACRONYMS = frozenset(ACRONYMS_TEXT.split())
_TOKEN = re.compile(r"\S+")
_OPENERS = frozenset(["The", "This", "These", "Those", "We", "Our", "It", "In", "On", "At"])
_CONNECTORS = frozenset(
    ["of", "on", "and", "the", "for", "to", "in", "&", "OF", "ON", "AND", "THE"]
)
_SHOUTED = re.compile(r"[^\W\d_]{4,}(?:['’-][^\W\d_]+)*")


def _shouted(token: str) -> bool:
    """An upper-case word of a title line ("FOURTH", "ENTERPRISES"), not an acronym."""
    word = token.strip("\"'“”‘’()[],.:;")
    return bool(_SHOUTED.fullmatch(word)) and word.isupper() and word.lower() not in ACRONYMS


def _title_line_prefix(chunk: str) -> int:
    """The length of title lines glued before a sentence (0 when none).

    Title lines are a run of capitalised words, numbers, punctuation and small connectors
    ("of", "on") holding at least two words in capitals (a title, then perhaps a place and a
    date); the sentence after them starts with the capitalised words before the first
    lower-case word (from the last sentence opener, "The", "We", among them, if any).
    """
    tokens = list(_TOKEN.finditer(chunk))
    shouted = 0
    start = None  # index of the capitalised word that may open the sentence
    for i, tok in enumerate(tokens):
        word = tok.group()
        if _shouted(word):
            shouted += 1
            start = None
        elif word in _CONNECTORS:
            continue
        elif word[0].isupper():
            start = i if start is None or word in _OPENERS else start
        elif word[0].islower():
            break
        else:
            start = None  # a number or a mark belongs to the title lines
    else:
        return 0
    if start is None or start == 0:
        return 0
    before = sum(1 for t in tokens[:start] if _shouted(t.group()))
    return tokens[start].start() if before >= 2 else 0


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of the first character in the passage
    end: int  # offset after the last character


def _is_abbreviation(token: str) -> bool:
    """True when the dot closing `token` belongs to an abbreviation or an initial."""
    word = token.lstrip("\"'“‘([").rstrip(".")
    if word.lower() in ABBREVIATIONS or re.fullmatch(r"[A-Za-z]", word):
        return True
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # "U.S", "P.R.C"


def _at_sentence_start(text: str, start: int, cuts: set[int]) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in _TERMINAL + "\n\"')”’:;" or start in cuts


def _token_before(text: str, end: int) -> str:
    """The run of non-whitespace characters ending at offset ``end`` of ``text`` ("" when
    the character before is whitespace): read backwards from ``end``, where a regular
    expression (``\\S+\\Z`` up to ``end``) tries every offset from the start of the text."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _ends_sentence(text: str, match: re.Match[str], cuts: set[int]) -> bool:
    following = _NEXT_START.match(text, match.end())
    if following is None:
        return True  # only whitespace remains
    first = following.group(2)
    if not match.group().startswith("."):
        return first.isupper() or first.isdigit() or bool(following.group(1))
    token = _token_before(text, match.start() + 1)
    token_start = match.start() + 1 - len(token)
    if _NUMBER_TOKEN.fullmatch(token) and _at_sentence_start(text, token_start, cuts):
        return False  # the number of a numbered paragraph
    if _is_abbreviation(token):
        return False
    # A lower-case continuation ("approx. five") is not a new sentence.
    return not first.islower()


def _glued_end(text: str, match: re.Match[str]) -> bool:
    """Whether the full stop `match` (with no space after it) ends a sentence."""
    word = _token_before(text, match.start())
    after = re.match(r"\S*", text[match.end() :]).group()
    if _ADDRESS.search(after):
        return False  # "first.last@example.org", "site.Example/page"
    return bool(_GLUED_WORD.fullmatch(word)) and not _is_abbreviation(word)


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        first = start + len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(stripped, first, first + len(stripped)))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, stripped, with their offsets into `text`."""
    # Each gap (end of one sentence, start of the next); whitespace is stripped afterwards.
    gaps = [(m.start(), m.end()) for m in re.finditer(r"\n\s*", text)]
    gaps += [m.span(1) for m in _NUMBER_AFTER_HEADING.finditer(text)]
    starts = {end for _, end in gaps}
    gaps += [
        (m.end(), m.end()) for m in _BOUNDARY.finditer(text) if _ends_sentence(text, m, starts)
    ]
    gaps += [(m.end(), m.end()) for m in _GLUED.finditer(text) if _glued_end(text, m)]
    gaps += [(m.end(), m.end()) for m in _CJK_BOUNDARY.finditer(text)]
    sentences: list[Sentence] = []
    position = 0
    for gap_start, gap_end in sorted(gaps) + [(len(text), len(text))]:
        if gap_start < position:
            continue
        chunk = text[position:gap_start]
        title_line = _title_line_prefix(chunk)
        if title_line:
            _append(sentences, text, position, position + title_line)
            position += title_line
            chunk = chunk[title_line:]
        heading = _HEADING.match(chunk)
        if heading and not _LEADING_NUMBER.match(chunk):
            _append(sentences, text, position, position + heading.start(1))
            position += heading.end()
            chunk = chunk[heading.end() :]
        number = _LEADING_NUMBER.match(chunk)
        if number:  # the sentence starts after its paragraph number
            position += number.end()
            chunk = chunk[number.end() :]
        _append(sentences, text, position, gap_start)
        position = gap_end
    return sentences
