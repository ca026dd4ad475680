"""Stage 3, record: the structure of the record that documents belong to, built after
extraction and before indexing.

- ``mentions``: every mention of a meeting in a document, with what its sentence states;
- ``meetings``: the two series (SME Ministerial Meetings, SMEWG meetings) resolved from the
  mentions, each fact with its evidence;
- ``placement``: each document's meeting and role, and the facts it takes from it;
- ``works``: documents of one text grouped as a work, its versions and copies, the
  authoritative copy first;
- ``economies``: the APEC economies as APEC names them;
- ``store``: the record written with each index generation (``record.json``) and read back.

``build_record(documents, aliases)`` runs them; ``Record.apply(doc)`` gives a document as
the index takes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urlsplit

from indexer.crawl.urls import UrlRules
from indexer.model import Document
from indexer.record.meetings import Meeting, Source, meeting_title, resolve
from indexer.record.mentions import find_mentions
from indexer.record.placement import Placement, Placer, apply
from indexer.record.works import Work, find_works
from indexer.text.fragments import passage_link


@dataclass
class Record:
    meetings: list[Meeting]
    placements: dict[str, Placement] = field(default_factory=dict)  # doc id -> placement
    works: dict[str, Work] = field(default_factory=dict)  # doc id -> its work
    documents: dict[str, Document] = field(default_factory=dict)  # doc id -> as extracted
    aliases: Mapping[str, str] = field(default_factory=dict)

    def meeting(self, key: str | None) -> Meeting | None:
        return next((m for m in self.meetings if m.key == key), None) if key else None

    def apply(self, doc: Document) -> Document:
        """``doc`` placed in the record: its meeting and role (indexer.record.placement),
        its work, the other members of it, and its Source address on its host's origin."""
        placement = self.placements.get(doc.id)
        work = self.works.get(doc.id)
        if placement is None and work is not None:
            # One text, one place in the record: a member the record placed places the
            # others (a snapshot that lost its heading is still the meeting's statement),
            # and gives its type to one of no known type.
            placed_member = next((m for m in work.members if m in self.placements), None)
            if placed_member is not None:
                placement = self.placements[placed_member]
                if doc.doc_type == "other":
                    doc = replace(doc, doc_type=self.documents[placed_member].doc_type)
        placed = apply(doc, placement, self.meeting(placement.meeting if placement else None))
        if work is None:
            return placed
        members = [self.documents[i] for i in work.members]
        copies = [  # each where it was found: a staging host or a mirror tells a reader so
            {"id": m.id, "url": m.canonical_url, "title": m.title, "publisher": m.publisher,
             "date": m.date, "year": m.year, "kind": work.kinds[m.id]}
            for m in members
            if m.id != doc.id
        ]  # fmt: skip
        # An untitled copy takes the work's title (old apec.org pages may have none); an
        # untitled outcome or summary record is named by its meeting (UNTITLED).
        title = doc.title or max((m.title for m in members), key=len, default="")
        if not title and placed.role in UNTITLED and meeting_title(placed.meeting):
            title = UNTITLED[placed.role].format(
                paper=_paper_name(doc.canonical_url), meeting=meeting_title(placed.meeting)
            )
        source = UrlRules(scope=[], aliases=self.aliases).fetch_url(doc.canonical_url)
        return replace(placed, work_id=work.id, copies=copies, source_url=source, title=title)


# The names of untitled documents by their role at a meeting: an outcome bears its meeting's
# title, as APEC titles those pages; a summary record is the record of its meeting; an annex
# is named by its address ("…/2015_sme/Annex%20A.aspx": "Annex A of the …").
UNTITLED = {
    "outcome": "{meeting}",
    "report": "Summary record of the {meeting}",
    "annex": "{paper} of the {meeting}",
}
PAPER_NAME = re.compile(r"annex(?:[\s_-]+[a-z0-9]{1,3})?(?![a-z])", re.I)


def _paper_name(url: str) -> str:
    """An annex's name as its address's last segment writes it ("Annex A" of
    ".../Annex%20A.aspx" or ".../annex-a"), else "Annex"."""
    last = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    found = PAPER_NAME.search(last)
    return re.sub(r"[\s_-]+", " ", found.group(0)).title() if found else "Annex"


def build_record(documents: Iterable[Document], aliases: Mapping[str, str] | None = None) -> Record:
    """The record of ``documents``: the meetings they name and where each belongs, and the
    works they make; ``aliases`` maps host names to their origin (``corpus/sources.toml``)."""
    documents = list(documents)
    aliases = aliases or {}
    mentions = {doc.id: find_mentions(doc) for doc in documents}
    # evidence is cited at each document's Source address: on its host's origin, never a
    # staging host's (as Record.apply gives documents theirs)
    origin = UrlRules(scope=[], aliases=aliases).fetch_url
    sourced = [
        (m, Source(doc.id, url, link, chair_link))
        for doc in documents
        for url in [origin(doc.canonical_url)]
        for m in mentions[doc.id]
        for chair_link in [m.chair_sentence and _link(doc, url, m.position, m.chair_sentence)]
        # a mention read from the address links to the document itself
        for link in [url if m.address else _link(doc, url, m.position, m.sentence)]
    ]
    record = Record(resolve(sourced), documents={d.id: d for d in documents}, aliases=aliases)
    for work in find_works(documents, aliases):
        record.works.update(dict.fromkeys(work.members, work))
    placer = Placer(record.meetings)
    for doc in documents:
        placement = placer.place(doc, mentions[doc.id])
        if placement:
            record.placements[doc.id] = placement
    # A meeting no sentence states anything of and no document belongs to is not one: a
    # year's meeting read from a story's "the SMEMM is held annually", the story placed at
    # the meeting it announces
    placed = {p.meeting for p in record.placements.values()}
    record.meetings = [m for m in record.meetings if m.evidence or m.key in placed]
    return record


def _link(doc: Document, url: str, position: int, sentence: str) -> str:
    page = doc.paragraphs[position].page if position < len(doc.paragraphs) else None
    # the text before the sentence: the title (a page's heading), the paragraphs above it
    # and its own paragraph's opening
    own = doc.paragraphs[position].text if position < len(doc.paragraphs) else ""
    opening = own[: max(0, own.find(sentence))]
    before = "\n".join([doc.title, *(p.text for p in doc.paragraphs[:position]), opening])
    return passage_link(url, doc.content_type, sentence, page, before=before)
