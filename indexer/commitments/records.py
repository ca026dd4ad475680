"""Commitment records of one document: every sentence (or list item) that commits, with its
topics, its year and where it sits.

Numbered statement paragraphs ("12. We agree ...") and the items of a list introduced by a
commitment ("We instruct officials to: - develop ...; - report ...", as separate list paragraphs
or inline "(a) ...; (b) ...") each give their own record; a list item inherits the actor and verb
of its lead-in, which the record keeps apart (`lead_in`): `text` is always the sentence or
item exactly as the document has it. Only the outcome documents of a meeting (statements,
declarations, chair's statements, annexes and action plans, whatever their type label) and
meeting reports make commitments; in a news item or group page a list's items are quotes of
its meeting's outcome document (listed only under the same items there), unless its lead-in
dates an earlier outcome ("In August 2012, ministers endorsed the plan's priority areas:"):
then they report it. A lead-in is never a record of its own, nor is a sentence that does not
end as a sentence (or a list item) ends, such as the last one of a text that stops mid-word.
Records of many documents are merged into one per sentence by
`indexer.commitments.merge`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from indexer.commitments.dating import named_meeting_year, stated_year
from indexer.commitments.detect import Detection, detect
from indexer.commitments.exclusions import is_headline
from indexer.commitments.grammar import is_past_at
from indexer.commitments.topics import topics_of
from indexer.model import Document
from indexer.text.fragments import passage_link
from indexer.text.sentences import split_sentences

# The documents that make commitments; the others (news, group pages, speeches...) report them:
# a meeting's outcome documents, annexes and reports (indexer.record.placement.ROLES) whatever
# their type, and documents of these types unless the record places them as news or a mention
# (an agenda typed as an initiative).
PRIMARY_ROLES = frozenset({"outcome", "annex", "report"})
PRIMARY_TYPES = frozenset(
    {"ministerial_statement", "chairs_statement", "declaration", "initiative", "meeting_report"}
)
SECONDARY_ROLES = frozenset({"news", "speech", "mention"})
# Actors that "they" may stand for in the next sentence (detect.ACTORS).
PEOPLE = frozenset({"Ministers", "Leaders", "Senior Officials", "officials", "member economies"})
UNDATED = "neither the sentence nor its page states a date, and the page belongs to no meeting"
RECALLED = (
    "its page ({page}) recalls an earlier meeting ({meeting}) without saying whether this was"
    " decided there"
)


def is_primary(doc: Document) -> bool:
    """Whether `doc` makes commitments (see PRIMARY_ROLES), rather than reporting them."""
    if doc.role in PRIMARY_ROLES:
        return True
    return doc.doc_type in PRIMARY_TYPES and doc.role not in SECONDARY_ROLES


_PARA_NUMBER = re.compile(r"^\s*\(?(\d{1,3})[.)]\s+(?=\S)")
_INLINE_PARA_NUMBER = re.compile(r"(?<=[.;:])\s+(\d{1,3})\.\s+(?=[A-Z])")
_BULLET = re.compile(r"^\s*(?:[•▪◦●·*\-–—]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s+")
_INLINE_ENUM = re.compile(r"(?:^|(?<=[\s;:]))\(?(?:[a-h]|i{1,3}|iv|vi{0,3}|\d{1,2})\)\s+")
_INLINE_BULLET = re.compile(r"(?:^|\s)[•▪–—]\s+")
_ITEM_JOINER_START = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
# How a sentence ends (a list item may end with nothing), and a lead-in ("to:", "APEC:-").
_SENTENCE_END = re.compile(r"[.!?…;][\"'”’)\]]*$")
_LEAD_IN_END = re.compile(r":\s*[-–—]?$")
_NUMBERED_ITEM = re.compile(r"^\s*(\d{1,2})[.)]\s+(?=\S)")
# A sentence that refers back to the one before: "An Action Program to achieve these
# objectives was endorsed" is about the areas the sentence before named.
_BACK_REFERENCE = re.compile(
    r"\b(?:these|those|such)\s+(?:\w+\s+)?(?:objectives|goals|aims|areas|priorities|"
    r"programmes|programs|measures|efforts|actions|issues|challenges|initiatives)\b|"
    r"\bto\s+(?:this|that)\s+end\b",
    re.IGNORECASE,
)
_ITEM_JOINER_END = re.compile(r"(?:[;,]\s*(?:and|or)?|\s(?:and|or))$", re.IGNORECASE)


@dataclass
class Commitment:
    """One commitment record; `to_dict` has the issue's keys first, then extras.

    `title`, `url`, `link` and the document fields are those of the record's first source
    (the primary one once merged); `sources` lists every page the sentence is on, primary
    first, and `reported_in` the news items and pages that report the same outcome in other
    words. Each source is a dict: title, url, link, doc_type, year, date, doc_id, position,
    publisher, primary (bool) and, in `reported_in`, the reporting sentence as `text`.
    """

    text: str  # the sentence, or the list item, exactly as its document has it
    verb: str  # lemma, a key of detect.VERBS or "will"
    strength: str  # one of STRENGTHS
    actor: str  # canonical actor, a key of detect.ACTORS
    topics: list[str]  # topic slugs (indexer.commitments.topics)
    year: int | None  # the sentence's own date when it names one, else its document's year
    title: str
    url: str  # canonical source URL
    link: str  # deep link to the sentence
    verb_span: tuple[int, int] | None = None  # the verb phrase in `text` (None: in `lead_in`)
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
    publisher: str | None = None
    doc_year: int | None = None  # the document's own year
    self_dated: bool = False  # `year` comes from the sentence itself
    primary: bool = True  # made by an outcome document (is_primary), not reported
    work_id: str = ""  # the work of its document (indexer.record.works), its own id if none
    # a secondary page's sentence in its own present or future voice ("We endorse ...", "will
    # discuss"): listed only under the same sentence of an outcome document, as its report
    quoted: bool = False
    undated: str | None = None  # why `year` is None: no date in the sentence, page or meeting
    sources: list[dict[str, Any]] = field(default_factory=list)
    reported_in: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # Shallow, not dataclasses.asdict: the deep copy was most of the commitment pass.
        return {
            **vars(self),
            "topics": list(self.topics),
            "sources": list(self.sources),
            "reported_in": list(self.reported_in),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Commitment:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        if values.get("verb_span") is not None:
            values["verb_span"] = tuple(values["verb_span"])
        return cls(**values)

    def source(self) -> dict[str, Any]:
        """This record's own document as an entry of `sources`."""
        return {
            "title": self.title,
            "url": self.url,
            "link": self.link,
            "doc_type": self.doc_type,
            "year": self.doc_year,
            "date": self.date,
            "doc_id": self.doc_id,
            "position": self.position,
            "publisher": self.publisher,
            "primary": self.primary,
            "work_id": self.work_id,
        }


@dataclass(frozen=True)
class SentenceAnalysis:
    """What `analyse_sentence` finds in one sentence."""

    detection: Detection | None
    year: int | None
    self_dated: bool
    lead_in: str | None = None  # for a list item that takes its lead-in's actor and verb


def analyse_sentence(
    text: str,
    source_year: int | None = None,
    title: str = "",
    doc_type: str | None = None,
    meeting_years: Mapping[int, int] | None = None,
    previous_actor: str | None = None,
) -> SentenceAnalysis:
    """Detection and year of one sentence from a document of `source_year` and
    `doc_type` (indexer.model.DOC_TYPES; None when unknown); `meeting_years` maps SME
    Ministerial Meetings' numbers to their years (indexer.commitments.dating).

    A headline (the document's `title` again, or in a document other than a statement, a short
    line without a full stop) is never a commitment. "They" acts only as the people who acted
    in the sentence just before (`previous_actor`: ministers, leaders, officials, economies):
    "Within this context, they reaffirmed ..." after "Ministers concurred that ...".
    """
    found = detect(text, doc_type)
    if found and is_headline(text, title, doc_type not in PRIMARY_TYPES):
        found = None
    if found and found.actor == "they":
        found = replace(found, actor=previous_actor) if previous_actor in PEOPLE else None
    year, self_dated = source_year, False
    if found:
        verb = text[found.start : found.end]
        own = stated_year(text, verb, found.filler, source_year, meeting_years)
        if own is not None:
            year, self_dated = own, True
    return SentenceAnalysis(found, year, self_dated)


def analyse_list_item(
    item: str, lead_in: str, source_year: int | None = None, doc_type: str | None = None
) -> SentenceAnalysis:
    """Detection and year of one list item (bullet or "(c)" marker allowed) under `lead_in`
    ("We instruct officials to:").

    An item with its own actor and verb stands on its own; any other takes the detection and
    date of its lead-in (then `lead_in` is set on the result). The document pass and the bench
    both read list items through here.
    """
    item = _clean_item(_BULLET.sub("", item.strip(), count=1))
    own = detect(item, doc_type)
    if own:
        return SentenceAnalysis(own, source_year, False)
    lead = analyse_sentence(lead_in, source_year, doc_type=doc_type)
    if lead.detection is None:
        return lead
    return SentenceAnalysis(lead.detection, lead.year, lead.self_dated, lead_in)


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
        self.primary = is_primary(doc)
        self.records: list[Commitment] = []

    def add(
        self,
        unit: _Unit,
        detection: Detection,
        lead_in: str | None = None,
        year: int | None = None,
        quoted: bool = False,
        undated: str | None = None,
        before: str = "",
        recalled: bool = False,
    ) -> None:
        """Record `unit` (its text as it is; a list item's lead-in apart, in `lead_in`).

        `year` is the sentence's own date (from `analyse_sentence`), if it names one, or the
        date of the earlier meeting its paragraph recalls (then `recalled`, and the record is
        not `self_dated`: a copy of the sentence in an outcome document keeps its own date);
        `undated`, why a sentence without one must not take its page's date either; `before`,
        the sentence before it, whose topics are its own too when it refers back to it
        ("to achieve these objectives").
        """
        doc = self.doc
        page = doc.paragraphs[unit.position].page
        text = unit.text
        before = before if _BACK_REFERENCE.search(text) else ""
        if year is None and undated is None:
            year = doc.year  # the page's, or its meeting's (record)
        self.records.append(
            Commitment(
                text=text,
                verb_span=None if lead_in else (detection.start, detection.end),
                verb=detection.verb,
                strength=detection.strength,
                actor=detection.actor,
                topics=topics_of(" ".join(filter(None, (lead_in, before, text)))),
                year=year,
                title=doc.title,
                url=doc.source_url or doc.canonical_url,  # as search cites it (record)
                link=passage_link(
                    doc.source_url or doc.canonical_url, doc.content_type, unit.text, page
                ),
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
                publisher=doc.publisher,
                doc_year=doc.year,
                self_dated=year != doc.year and not recalled,
                primary=self.primary,
                work_id=doc.work_id or doc.id,
                quoted=quoted,
                undated=undated or (UNDATED if year is None else None),
            )
        )


def _units(text: str, position: int) -> Iterator[_Unit]:
    index = 0
    for number, chunk in _numbered_chunks(text):
        for sentence in split_sentences(chunk):
            yield _Unit(sentence.text, position, index, number)
            index += 1


def _cut_paragraph(doc: Document) -> int | None:
    """The index of the paragraph where `doc`'s stored text stops mid-sentence, if it does:
    its last body paragraph when extraction flags the text as truncated or that paragraph does
    not end as a sentence, a list item's last word or a lead-in ends ("Ministers recognised
    the import")."""
    body = [i for i, p in enumerate(doc.paragraphs) if p.kind != "header" and p.text.strip()]
    if not body or doc.paragraphs[body[-1]].kind == "h":
        return None
    last = doc.paragraphs[body[-1]].text.strip()
    ends = _SENTENCE_END.search(last) or _LEAD_IN_END.search(last)
    return body[-1] if doc.truncated or not ends else None


def _item_text(text: str, kind: str, lead: _Lead | None, items: int) -> tuple[str, bool]:
    """A paragraph's text without its bullet, and whether it is a list item: a bullet or "li"
    paragraph, or under a lead-in a paragraph numbered as the next item ("1. Financing;"
    after "5. We endorse the following priority areas:", not the statement's "6. ...")."""
    if kind == "li" or _BULLET.match(text):
        return _BULLET.sub("", text, count=1), True
    numbered = _NUMBERED_ITEM.match(text) if lead else None
    if lead and numbered:
        number = int(numbered.group(1))
        if number == items + 1 and number != (lead.unit.number or -1) + 1:
            return text[numbered.end() :], True
    return text, False


def _recalled_meeting(doc: Document, meeting_years: Mapping[int, int] | None) -> int | None:
    """The year of an earlier SME Ministerial Meeting that `doc`, a report belonging to no
    meeting (a retrospective article), names, if it names one: its past outcomes are then
    that meeting's where their paragraph names it, and undated elsewhere, never dated by the
    later article (indexer.commitments.dating.named_meeting_year)."""
    if doc.year is None or doc.meeting:
        return None
    for paragraph in doc.paragraphs:
        year = named_meeting_year(paragraph.text, doc.year - 1, meeting_years)
        if year is not None:
            return year
    return None


@dataclass
class _Lead:
    """A lead-in ("We instruct officials to:") awaiting its items."""

    unit: _Unit
    quoted: bool  # in a report: its items are quotes, listed only under an outcome document's


def extract_commitments(
    doc: Document, meeting_years: Mapping[int, int] | None = None
) -> list[Commitment]:
    """Every commitment record in `doc`, in reading order (not yet merged across pages);
    `meeting_years` maps SME Ministerial Meetings' numbers to their years, to date a sentence
    that names its meeting.

    Each record is one sentence or list item that ends as one does: a lead-in ending with a
    colon is context for its items (`lead_in`), never a record of its own (so a lead-in whose
    items the stored text lacks lists nothing); a sentence without its full stop (but a list
    item's last one), and the last sentence of a text that stops mid-sentence
    (`_cut_paragraph`), are no records. In a report (not `is_primary`) a list's items are
    quotes, listed only under the same item of an outcome document, unless the lead-in dates
    the outcome it reports.
    """
    out = _Records(doc)
    cut = _cut_paragraph(doc)
    recalls = _recalled_meeting(doc, meeting_years) if not out.primary else None
    lead: _Lead | None = None
    items = 0
    previous: str | None = None  # the actor of the sentence just read, for a "they"
    before = ""  # the text of the sentence just read
    for position, paragraph in enumerate(doc.paragraphs):
        text = paragraph.text.strip()
        if paragraph.kind == "h" or not text:
            continue
        text, is_item = _item_text(text, paragraph.kind, lead, items)
        units = list(_units(text, position))
        if position == cut:
            units = units[:-1]  # the stored text stops inside its last sentence
        if lead and is_item:
            items += 1
            if units:
                first = units.pop(0)
                item = _Unit(_clean_item(first.text), position, first.sentence, first.number)
                found = analyse_list_item(item.text, lead.unit.text, doc.year, doc.doc_type)
                previous = found.detection.actor if found.detection else None
                if found.detection:
                    year = found.year if found.self_dated else None
                    out.add(item, found.detection, found.lead_in, year, lead.quoted)
        else:
            lead, items = None, 0
        meeting = None  # the year of the earlier meeting this paragraph of a report recalls
        for unit in units:
            found = analyse_sentence(
                unit.text, doc.year, doc.title, doc.doc_type, meeting_years, previous
            )
            detection = found.detection
            previous = detection.actor if detection else None
            before, context = unit.text, before
            if recalls:
                meeting = named_meeting_year(unit.text, doc.year - 1, meeting_years) or meeting
            if not detection:
                continue
            # a report says what was done; its own "will" is a preview, its present a quote
            quoted = not (out.primary or is_past_at(unit.text, detection.start))
            year = found.year if found.self_dated else None
            undated, recalled = None, False
            if recalls and year is None and not quoted:  # an outcome of the recalled meeting?
                year, recalled = meeting, meeting is not None
                undated = None if recalled else RECALLED.format(page=doc.year, meeting=recalls)
            lead_in, inline = _inline_items(unit.text, detection)
            if inline and out.primary:
                for item in inline:
                    place = _Unit(item, position, unit.sentence, unit.number)
                    out.add(place, detection, lead_in, year)
            elif _LEAD_IN_END.search(unit.text):
                if unit is units[-1]:
                    # a report's list stands as its own record only under a lead-in dating
                    # an earlier outcome; else the outcome document of its meeting holds it
                    lead, items = _Lead(unit, quoted or not (out.primary or year)), 0
            elif _SENTENCE_END.search(unit.text) or (is_item and unit is units[-1]):
                out.add(unit, detection, None, year, quoted, undated, context, recalled)
    return out.records
