"""The extracted document: what extraction produces and the index reads."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

DOC_TYPES = (
    "ministerial_statement",
    "chairs_statement",
    "declaration",
    "strategic_plan",
    "terms_of_reference",
    "meeting_report",  # summary records of SMEWG meetings
    "news_release",  # APEC's own news
    "news_article",  # another publisher's story
    "speech",
    "initiative",  # action plans, agendas, frameworks, strategies, annexes
    "web_page",  # group pages, portals
    "other",
)


@dataclass
class Paragraph:
    """One block of main text, in reading order."""

    text: str
    kind: str = "p"  # "p" paragraph, "h" heading, "li" list item, "header" a header line
    page: int | None = None  # 1-based page number, for PDFs
    number: int | None = None  # its ¶: the source's own number, or the running count


@dataclass
class Document:
    url: str  # the URL that was requested
    final_url: str  # after redirects
    canonical_url: str  # rel=canonical when declared, else final_url
    title: str
    content_type: str  # "html" or "pdf"
    sha256: str  # of the raw body in corpus/objects
    fetched_at: str | None = None  # ISO 8601, UTC
    paragraphs: list[Paragraph] = field(default_factory=list)
    year: int | None = None
    date: str | None = None  # ISO date
    meeting_number: int | None = None  # 27 for "27th"
    location: str | None = None  # "Wellington, New Zealand"
    doc_type: str = "other"  # one of DOC_TYPES
    chair: str | None = None
    publisher: str | None = None  # "APEC", or a third party's site name
    period: str | None = None  # "1994–2000": the years a chronology narrates, not its date
    truncated: bool = False  # its stored text stops mid-word or mid-sentence
    hub: bool = False  # a listing, calendar or home page: its links are crawled, it is not indexed
    # From the record (indexer.record), not from extraction: the meeting the document belongs
    # to ({"series", "number", "year"}) and its role there (indexer.record.placement.ROLES).
    meeting: dict[str, Any] | None = None
    role: str | None = None
    # The work the document belongs to (indexer.record.works): its primary copy's id, the
    # other members ({"id", "url", "title", "publisher", "date", "kind"}), and the address
    # its Source link shows (the canonical URL on its host alias's origin).
    work_id: str | None = None
    copies: list[dict[str, Any]] = field(default_factory=list)
    source_url: str | None = None

    @property
    def primary(self) -> bool:
        """Whether it is its work's primary copy (searched; its copies are not)."""
        return self.work_id in (None, self.id)

    extractor_version: int = 0  # indexer.extract.EXTRACTOR_VERSION that produced this

    @property
    def id(self) -> str:
        return doc_id(self.canonical_url)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        data = dict(data)
        data["paragraphs"] = [Paragraph(**p) for p in data.get("paragraphs", [])]
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})


def paragraph_anchors(paragraphs: list[Paragraph]) -> list[str]:
    """Each paragraph's fragment id on its document page: "p7" for ¶7; a body paragraph
    without a number (a heading or list item between a statement's numbered paragraphs)
    "p7-1", "p7-2" after ¶7 ("p0-1" before ¶1); a header line "h1", "h2"."""
    anchors, last, extra, header = [], 0, 0, 0
    for p in paragraphs:
        if p.kind == "header":
            header += 1
            anchors.append(f"h{header}")
        elif p.number is not None:
            last, extra = p.number, 0
            anchors.append(f"p{last}")
        else:
            extra += 1
            anchors.append(f"p{last}-{extra}")
    return anchors


def doc_id(canonical_url: str) -> str:
    """A short id that stays the same across crawls of one document."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:16]
