"""Retrieval: the candidate passages for a question, and the documents they come from.

Candidates are the best passages for the question's words (BM25 over any of them), plus the
best from each year the question points at (named, or implied by a meeting's ordinal), so a
statement of the right year is read even when another year's says the same words more often.
Each passage's document is read once, for the context its sentences are scored with: title,
year, place, meeting number, type, publisher, address, its title lines and its headings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from indexer.ask.question import Question
from indexer.search.engine import Engine
from indexer.text.ordinals import ORDINAL_WORDS, ordinal

CANDIDATE_PASSAGES = 30
YEAR_PASSAGES = 10
LEAD_PARAGRAPHS = 6  # title lines are looked for among a document's first paragraphs
TITLE_LINE_WORDS = 14

# Words a reader uses for each type of document ("statement", "summary report", "news").
TYPE_WORDS = {
    "ministerial_statement": "joint ministerial statement",
    "chairs_statement": "chair chairs statement ministerial",
    "declaration": "declaration ministerial",
    "strategic_plan": "strategic plan",
    "terms_of_reference": "terms of reference",
    "meeting_report": "summary report record meeting working group smewg",
    "news_release": "news release press",
    "news_article": "news article story",
    "speech": "speech remarks address",
    "initiative": "initiative plan agenda framework",
    "web_page": "page",
}


@dataclass
class DocContext:
    """What a document says about itself, for scoring its sentences."""

    doc_id: str
    url: str = ""
    title: str = ""
    year: int | None = None
    location: str | None = None
    meeting_number: int | None = None
    doc_type: str = "other"
    publisher: str | None = None
    lead: str = ""  # its title lines ("Lakeside, Atlantis | 7 September 2031") and opening
    paragraphs: list[dict[str, Any]] = field(default_factory=list)

    @property
    def words(self) -> str:
        """Its metadata as words a question may use to name it."""
        parts = [self.title, self.location or "", TYPE_WORDS.get(self.doc_type, ""), self.lead]
        parts.append(self.publisher or "")  # "according to the Lakeside Herald"
        parts.append(urlsplit(self.url).path)  # "/press/news-releases/2031/...", "2031_sme"
        if self.year:
            parts.append(str(self.year))
        if self.meeting_number:
            parts.append(ordinal_names(self.meeting_number))
        return " ".join(parts)

    @property
    def headings(self) -> set[str]:
        """The text of its headings and title (a sentence equal to one is no answer)."""
        return {self.title} | {p["text"] for p in self.paragraphs if p.get("kind") == "h"}

    def heading_before(self, position: int) -> str:
        """The nearest heading at or before paragraph `position` ('' when none)."""
        for p in reversed(self.paragraphs[: position + 1]):
            if p.get("kind") == "h":
                return p["text"]
        return ""

    def paragraph_text(self, position: int) -> str:
        if 0 <= position < len(self.paragraphs):
            return self.paragraphs[position]["text"]
        return ""


def ordinal_names(n: int) -> str:
    """Both spellings of an ordinal: 12 -> "12th twelfth", 1 -> "1st first inaugural"."""
    words = [ordinal(n)] + [w for w, v in ORDINAL_WORDS.items() if v == n]
    return " ".join(words + (["inaugural"] if n == 1 else []))


def search_words(question: Question) -> str:
    """The question's search words, with the other spelling of a meeting's ordinal."""
    extra = ordinal_names(question.meeting) if question.meeting else ""
    return f"{question.query} {extra}".strip()


def retrieve(engine: Engine, question: Question) -> list[dict[str, Any]]:
    """Candidate passages (Engine.passages dicts), best BM25 score first, each once."""
    words = search_words(question)
    if not words:
        return []
    found = engine.passages(words, limit=CANDIDATE_PASSAGES)
    for year in sorted(question.target_years)[:3]:
        found += engine.passages(words, limit=YEAR_PASSAGES, year=(year, year))
    unique: dict[str, dict[str, Any]] = {}
    for passage in found:
        unique.setdefault(passage["passage_id"], passage)
    return sorted(unique.values(), key=lambda p: -p["score"])


def _lead(paragraphs: list[dict[str, Any]]) -> str:
    """The lines opening a document (title lines, place and date) and its first real
    paragraph ("We, the Ministers, met in Lakeside ..."), which say what the document is."""
    lines = []
    for p in paragraphs[:LEAD_PARAGRAPHS]:
        lines.append(p["text"])
        if len(p["text"].split()) > TITLE_LINE_WORDS:
            break
    return " ".join(lines)


def documents(engine: Engine, passages: list[dict[str, Any]]) -> dict[str, DocContext]:
    """The context of each passage's document (doc_id -> DocContext)."""
    out: dict[str, DocContext] = {}
    for p in passages:
        if p["doc_id"] in out:
            continue
        doc = engine.document(p["doc_id"]) or {}
        paragraphs = doc.get("paragraphs", [])
        out[p["doc_id"]] = DocContext(
            doc_id=p["doc_id"],
            url=p.get("url", ""),
            title=doc.get("title") or p.get("title", ""),
            year=doc.get("year", p.get("year")),
            location=doc.get("location", p.get("location")),
            meeting_number=doc.get("meeting_number", p.get("meeting_number")),
            doc_type=doc.get("doc_type") or p.get("doc_type") or "other",
            publisher=doc.get("publisher"),
            lead=_lead(paragraphs),
            paragraphs=paragraphs,
        )
    return out
