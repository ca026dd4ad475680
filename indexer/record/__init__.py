"""Stage 3, record: the structure of the record that documents belong to, built after
extraction and before indexing.

- ``mentions``: every mention of a meeting in a document, with what its sentence states;
- ``meetings``: the two series (SME Ministerial Meetings, SMEWG meetings) resolved from the
  mentions, each fact with its evidence;
- ``placement``: each document's meeting and role, and the facts it takes from it;
- ``economies``: the APEC economies as APEC names them;
- ``store``: the record written with each index generation (``record.json``) and read back.

``build_record(documents)`` runs the first three; ``Record.apply(doc)`` gives a document
as the index takes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from indexer.model import Document
from indexer.record.meetings import Meeting, Source, resolve
from indexer.record.mentions import find_mentions
from indexer.record.placement import Placement, apply, place
from indexer.text.fragments import passage_link


@dataclass
class Record:
    meetings: list[Meeting]
    placements: dict[str, Placement] = field(default_factory=dict)  # doc id -> placement

    def meeting(self, key: str | None) -> Meeting | None:
        return next((m for m in self.meetings if m.key == key), None) if key else None

    def apply(self, doc: Document) -> Document:
        """``doc`` placed in the record (indexer.record.placement.apply)."""
        placement = self.placements.get(doc.id)
        return apply(doc, placement, self.meeting(placement.meeting if placement else None))


def build_record(documents: Iterable[Document]) -> Record:
    """The record of ``documents``: the meetings they name and where each belongs."""
    documents = list(documents)
    mentions = {doc.id: find_mentions(doc) for doc in documents}
    sourced = [
        (m, Source(doc.id, doc.canonical_url, _link(doc, m.position, m.sentence)))
        for doc in documents
        for m in mentions[doc.id]
    ]
    record = Record(resolve(sourced))
    for doc in documents:
        placement = place(doc, mentions[doc.id], record.meetings)
        if placement:
            record.placements[doc.id] = placement
    return record


def _link(doc: Document, position: int, sentence: str) -> str:
    page = doc.paragraphs[position].page if position < len(doc.paragraphs) else None
    return passage_link(doc.canonical_url, doc.content_type, sentence, page)
