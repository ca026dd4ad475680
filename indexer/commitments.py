"""Find the sentences in which ministers (or "we", officials, the SMEWG...) commit to something.

A commitment is a sentence whose subject is an actor ("We", "Ministers", "Leaders", "officials",
"the SMEWG", "member economies"...) followed, after optional adverbs and auxiliaries, by a
commitment verb. The verb decides the strength:

- strong: commit (incl. "are committed to", "reaffirm our commitment"), agree, endorse,
  instruct, adopt, approve, pledge, resolve, decide, task, direct, launch; and any verb after
  "will" or "shall" ("We will continue to work together" has the verb "will").
- medium: encourage, support, call on/upon/for, urge, invite, request.
- weak: welcome, note (incl. "take note", "note with concern"), recognise, acknowledge,
  appreciate, commend, emphasise, stress, underline, highlight, reaffirm, look forward.

Coordinated verbs ("We welcome and endorse ...") take the strongest. A negated verb ("we do not
agree") is not a commitment, and neither is a sentence that only mentions commitments ("Our
commitment to MSMEs remains strong").

Numbered statement paragraphs ("12. We agree ...") and the items of a list introduced by a
commitment ("We instruct officials to: - develop ...; - report ...", as separate list paragraphs
or inline "(a) ...; (b) ...") each give their own record; a list item inherits the actor and verb
of its lead-in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from indexer.ask.sentences import split_sentences
from indexer.deeplinks import passage_link
from indexer.model import Document
from indexer.topics import topics_of

STRENGTHS = ("strong", "medium", "weak")

# lemma -> (strength, regex for its forms). Order does not matter; strongest wins in a chain.
VERBS: dict[str, tuple[str, str]] = {
    "commit": ("strong", r"commit(?:s|ted|ting)?"),
    "agree": ("strong", r"agree(?:s|d)?"),
    "endorse": ("strong", r"endorse[sd]?"),
    "instruct": ("strong", r"instruct(?:s|ed)?"),
    "adopt": ("strong", r"adopt(?:s|ed)?"),
    "approve": ("strong", r"approve[sd]?"),
    "pledge": ("strong", r"pledge[sd]?"),
    "resolve": ("strong", r"resolve[sd]?"),
    "decide": ("strong", r"decide[sd]?"),
    "task": ("strong", r"task(?:s|ed)?"),
    "direct": ("strong", r"direct(?:s|ed)?"),
    "launch": ("strong", r"launch(?:es|ed)?"),
    "encourage": ("medium", r"encourage[sd]?"),
    "support": ("medium", r"support(?:s|ed)?"),
    "call on": ("medium", r"call(?:s|ed)?\s+(?:on|upon|for)"),
    "urge": ("medium", r"urge[sd]?"),
    "invite": ("medium", r"invite[sd]?"),
    "request": ("medium", r"request(?:s|ed)?"),
    "welcome": ("weak", r"welcome[sd]?"),
    "note": ("weak", r"(?:note[sd]?|t(?:ake|akes|ook|aken)\s+note)"),
    "recognise": ("weak", r"recogni[sz]e[sd]?"),
    "acknowledge": ("weak", r"acknowledge[sd]?"),
    "appreciate": ("weak", r"appreciate[sd]?"),
    "commend": ("weak", r"commend(?:s|ed)?"),
    "emphasise": ("weak", r"emphasi[sz]e[sd]?"),
    "stress": ("weak", r"stress(?:es|ed)?"),
    "underline": ("weak", r"underline[sd]?"),
    "highlight": ("weak", r"highlight(?:s|ed)?"),
    "reaffirm": ("weak", r"(?:reaffirm|reiterate)(?:s|d|ed)?"),
    "look forward": ("weak", r"look(?:s|ed)?\s+forward"),
}

# "We reaffirm our commitment to ...", "renew our support for ...": the noun carries the verb.
RENEWED_NOUNS = {"commitment": "commit", "commitments": "commit", "support": "support"}

# canonical actor -> regex (matched case-insensitively, as the subject of the sentence)
ACTORS: dict[str, str] = {
    "We": r"we",
    "Ministers": r"(?:the\s+)?(?:APEC\s+)?(?:M?SME\s+)?Ministers",
    "Leaders": r"(?:the\s+)?(?:APEC\s+|Economic\s+)?Leaders",
    "Senior Officials": r"(?:the\s+)?(?:APEC\s+)?Senior\s+Officials",
    "officials": r"(?:our\s+|the\s+)?officials",
    "the SMEWG": (
        r"(?:the\s+)?(?:SMEWG|(?:M?SME|Small\s+and\s+Medium\s+Enterprises)\s+Working\s+Group"
        r"|Working\s+Group)"
    ),
    "member economies": r"(?:all\s+|the\s+)?(?:APEC\s+)?(?:member\s+)?economies",
    "APEC": r"APEC",
    "the Chair": r"the\s+Chair",
}

# Words that may stand between the actor and the verb. Longer phrases come first: the regex
# does not backtrack into them once a shorter one ("are") has let the actor match.
_FILLER = (
    r"(?:are|were)\s+(?:pleased|delighted|happy|glad|determined|resolved)\s+to|"
    r"continue(?:d)?\s+to|in\s+particular|no\s+longer|"
    r"also|further|fully|strongly|firmly|warmly|greatly|duly|again|therefore|thus|hereby|"
    r"today|now|jointly|collectively|together|unanimously|particularly|especially|moreover|"
    r"furthermore|accordingly|remain(?:ed)?|stand|stay|"
    r"are|is|were|was|have|has|had|do|does|did|can|could|may|might|should|would|must|"
    r"will|shall|not|never"
)
_RENEW = (
    r"(?:reaffirm|reiterate|renew|restate|reconfirm|underline)(?:s|d|ed)?\s+"
    r"(?:our|their|its)\s+(?:\w+\s+){0,2}?(?P<noun>commitments?|support)"
)

_ACTOR_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<a{i}>{rx})" for i, rx in enumerate(ACTORS.values())) + r")"
    r"(?:\s*,\s*[^,;:]{1,150}?,)?"  # an apposition: "We, the Ministers responsible for SMEs,"
    r"(?P<filler>(?:\s+(?:" + _FILLER + r"))*)\s+",
    re.IGNORECASE,
)
_VERB_RE = re.compile(
    "|".join(f"(?P<v{i}>{form})" for i, (_, form) in enumerate(VERBS.values())) + r"\b",
    re.IGNORECASE,
)
_RENEW_RE = re.compile(_RENEW + r"\b", re.IGNORECASE)
# A quick first look: a sentence with none of these words cannot make a commitment.
_ANY_VERB = re.compile(
    r"\b(?:will|shall|renew|restate|reconfirm|" + "|".join(f for _, f in VERBS.values()) + ")",
    re.IGNORECASE,
)
_CHAIN_RE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)(?:also\s+|further\s+)?")
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b", re.IGNORECASE)
_WILL = re.compile(r"\b(?:will|shall)\b", re.IGNORECASE)
# Words after which a subject may start (besides punctuation and the start of the sentence).
_SUBJECT_AFTER = frozenset(
    {
        "and", "also", "today", "hereby", "further", "furthermore", "moreover", "therefore",
        "thus", "now", "jointly", "together", "collectively", "accordingly", "finally", "so",
    }
)  # fmt: skip
_PARA_NUMBER = re.compile(r"^\s*\(?(\d{1,3})[.)]\s+(?=\S)")
_INLINE_PARA_NUMBER = re.compile(r"(?<=[.;:])\s+(\d{1,3})\.\s+(?=[A-Z])")
_BULLET = re.compile(r"^\s*(?:[•▪◦●·*\-–—]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s+")
_INLINE_ENUM = re.compile(r"(?:^|(?<=[\s;:]))\(?(?:[a-h]|i{1,3}|iv|vi{0,3}|\d{1,2})\)\s+")
_INLINE_BULLET = re.compile(r"(?:^|\s)[•▪–—]\s+")
_ITEM_JOINER_START = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
_ITEM_JOINER_END = re.compile(r"(?:[;,]\s*(?:and|or)?|\s(?:and|or))$", re.IGNORECASE)


@dataclass
class Commitment:
    """One commitment record; `to_dict` has the issue's keys first, then extras."""

    text: str  # the whole sentence (lead-in + item for a list item)
    verb: str  # lemma, a key of VERBS or "will"
    strength: str  # one of STRENGTHS
    actor: str  # canonical actor, a key of ACTORS
    topics: list[str]  # topic slugs (indexer.topics)
    year: int | None
    title: str
    url: str  # canonical source URL
    link: str  # deep link to the sentence
    verb_span: tuple[int, int] | None = None  # where the verb phrase is in `text`
    doc_id: str = ""
    position: int = 0  # index of the paragraph in the document (0-based)
    sentence: int = 0  # index of the sentence (or list item) within that paragraph
    paragraph_number: int | None = None  # the statement's own number, "12." -> 12
    lead_in: str | None = None  # for a list item: the sentence that introduced the list
    meeting_number: int | None = None
    date: str | None = None
    location: str | None = None
    doc_type: str = "other"
    content_type: str = "html"
    page: int | None = None
    sha256: str = ""

    def to_dict(self) -> dict[str, Any]:
        # Shallow, not dataclasses.asdict: the deep copy was most of the commitment pass.
        return {**vars(self), "topics": list(self.topics)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Commitment:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        if values.get("verb_span") is not None:
            values["verb_span"] = tuple(values["verb_span"])
        return cls(**values)


@dataclass(frozen=True)
class Detection:
    """The actor, verb and strength found in one sentence."""

    actor: str
    verb: str
    strength: str
    start: int  # offset of the verb phrase ("will", the verb, or coordinated verbs)
    end: int  # offset just after it (where its object starts)


def _subject_position(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    if not before or before[-1] in ",;:(—–-":
        return True
    last = before.split()[-1].lower()
    return last in _SUBJECT_AFTER


def _verb_at(text: str, pos: int) -> tuple[str, int] | None:
    """The lemma of the commitment verb starting at `pos`, and where it ends."""
    renew = _RENEW_RE.match(text, pos)
    if renew:
        return RENEWED_NOUNS[renew.group("noun").lower()], renew.end()
    verb = _VERB_RE.match(text, pos)
    if not verb:
        return None
    lemma = list(VERBS)[int(verb.lastgroup[1:])]
    return lemma, verb.end()


def detect(sentence: str) -> Detection | None:
    """The commitment made in `sentence`, if it makes one."""
    if not _ANY_VERB.search(sentence):
        return None
    for actor in _ACTOR_RE.finditer(sentence):
        if not _subject_position(sentence, actor.start()):
            continue
        filler = actor.group("filler")
        if _NEGATION.search(filler):
            continue  # "we do not support ...": no commitment by this subject
        found = _verb_at(sentence, actor.end())
        will = _WILL.search(filler)
        if not found and not will:
            continue
        name = next(n for i, n in enumerate(ACTORS) if actor.group(f"a{i}"))
        start = actor.start("filler") + will.start() if will else actor.end()
        if not found:
            return Detection(name, "will", "strong", start, actor.start("filler") + will.end())
        lemmas = [found[0]]
        end = found[1]
        while chained := _CHAIN_RE.match(sentence, end):
            more = _verb_at(sentence, chained.end())
            if not more:
                break
            lemmas.append(more[0])
            end = more[1]
        lemma = min(lemmas, key=lambda v: STRENGTHS.index(VERBS[v][0]))
        strength = "strong" if will else VERBS[lemma][0]
        return Detection(name, lemma, strength, start, end)
    return None


def _numbered_chunks(text: str) -> Iterator[tuple[int | None, str]]:
    """Split a paragraph into its numbered statement paragraphs ("11. ... 12. ...")."""
    number = None
    match = _PARA_NUMBER.match(text)
    if match:
        number, text = int(match.group(1)), text[match.end() :]
    start = 0
    for inline in _INLINE_PARA_NUMBER.finditer(text):
        yield number, text[start : inline.start()].strip()
        number, start = int(inline.group(1)), inline.end()
    yield number, text[start:].strip()


def _clean_item(item: str) -> str:
    """A list item without its leading "and" or its trailing "; and"."""
    item = _ITEM_JOINER_START.sub("", item.strip())
    return _ITEM_JOINER_END.sub("", item).strip()


def _inline_items(sentence: str, detection: Detection) -> tuple[str, list[str]]:
    """The lead-in and items of a list written inside one sentence after its verb.

    "We instruct officials to: (a) develop X; (b) report Y." -> ("We instruct officials to:",
    ["develop X", "report Y."]); no list -> ("", []).
    """
    colon = sentence.find(":", detection.end)
    body_start = colon + 1 if colon >= 0 else detection.end
    body = sentence[body_start:]
    for marker in (_INLINE_ENUM, _INLINE_BULLET):
        found = list(marker.finditer(body))
        if len(found) >= 2 and not body[: found[0].start()].strip(" ;,"):
            bounds = [m.end() for m in found]
            ends = [m.start() for m in found[1:]] + [len(body)]
            items = [_clean_item(body[b:e]) for b, e in zip(bounds, ends, strict=True)]
            lead = sentence[: body_start + found[0].start()].rstrip()
            return lead, [i for i in items if i]
    if colon >= 0 and body.count(";") >= 1:
        items = [_clean_item(part) for part in body.split(";")]
        return sentence[: colon + 1], [i for i in items if i]
    return "", []


@dataclass
class _Unit:
    """A sentence (or list item) of a paragraph, with where it sits."""

    text: str
    position: int  # paragraph index
    sentence: int  # index within the paragraph
    number: int | None  # the statement paragraph's own number


class _Records:
    """Collects records for one document, filling in its metadata."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.records: list[Commitment] = []

    def add(self, unit: _Unit, detection: Detection, lead_in: str | None = None) -> None:
        """Record `unit`; a list item is recorded with its lead-in in front."""
        doc = self.doc
        page = doc.paragraphs[unit.position].page
        text = f"{lead_in} {unit.text}" if lead_in else unit.text
        self.records.append(
            Commitment(
                text=text,
                verb_span=(detection.start, detection.end),
                verb=detection.verb,
                strength=detection.strength,
                actor=detection.actor,
                topics=topics_of(text),
                year=doc.year,
                title=doc.title,
                url=doc.canonical_url,
                link=passage_link(doc.canonical_url, doc.content_type, unit.text, page),
                doc_id=doc.id,
                position=unit.position,
                sentence=unit.sentence,
                paragraph_number=unit.number,
                lead_in=lead_in,
                meeting_number=doc.meeting_number,
                date=doc.date,
                location=doc.location,
                doc_type=doc.doc_type,
                content_type=doc.content_type,
                page=page,
                sha256=doc.sha256,
            )
        )


def _units(text: str, position: int) -> Iterator[_Unit]:
    index = 0
    for number, chunk in _numbered_chunks(text):
        for sentence in split_sentences(chunk):
            yield _Unit(sentence.text, position, index, number)
            index += 1


def extract_commitments(doc: Document) -> list[Commitment]:
    """Every commitment record in `doc`, in reading order."""
    out = _Records(doc)
    lead: tuple[_Unit, Detection] | None = None  # "We instruct officials to:" awaiting items
    items = 0
    for position, paragraph in enumerate(doc.paragraphs):
        text = paragraph.text.strip()
        if paragraph.kind == "h" or not text:
            continue
        is_item = paragraph.kind == "li" or bool(_BULLET.match(text))
        if is_item:
            text = _BULLET.sub("", text, count=1)
        if lead and is_item:
            item = _Unit(_clean_item(text), position, 0, None)
            own = detect(item.text)  # an item with its own actor and verb stands on its own
            if own:
                out.add(item, own)
            else:
                out.add(item, lead[1], lead[0].text)
            items += 1
            continue
        if lead and not items:  # a lead-in with no list after it is a record itself
            out.add(*lead)
        lead, items = None, 0
        units = list(_units(text, position))
        for unit in units:
            detection = detect(unit.text)
            if not detection:
                continue
            lead_in, inline = _inline_items(unit.text, detection)
            if inline:
                for item in inline:
                    out.add(_Unit(item, position, unit.sentence, unit.number), detection, lead_in)
            elif unit is units[-1] and unit.text.endswith(":"):
                lead = (unit, detection)
            else:
                out.add(unit, detection)
    if lead and not items:
        out.add(*lead)
    return out.records
