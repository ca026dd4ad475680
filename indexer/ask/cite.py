"""Citation: the shape of each answer and of each passage offered for reading on."""

from __future__ import annotations

from typing import Any

from indexer.ask.rank import Candidate
from indexer.search.engine import Engine
from indexer.search.generation import line_mark
from indexer.text.fragments import passage_link


def cited(passage: dict[str, Any], line: int = 0) -> dict[str, Any]:
    """The citation keys every answer and passage carries; `anchor` and `paragraph` (its ¶)
    are those of the passage's line `line` (the answering sentence's)."""
    anchor, paragraph = line_mark(passage, line)
    return {
        "anchor": anchor,
        "paragraph": paragraph,
        "title": passage["title"],
        "url": passage["url"],
        "year": passage.get("year"),
        "date": passage.get("date"),
        "doc_type": passage.get("doc_type"),
        "location": passage.get("location"),
        "doc_id": passage["doc_id"],
        "position": passage.get("position"),
        "passage_id": passage["passage_id"],
        "page": passage.get("page"),
    }


def sentence_answer(c: Candidate) -> dict[str, Any]:
    """A sentence answer: the sentence, its span, a deep link to the sentence (its
    ``confidence`` is the calibration's, set by indexer.ask.answer)."""
    p = c.passage
    before = f"{p.get('title', '')}\n{p['text'][: c.sentence.start]}"
    link = passage_link(p["url"], p["content_type"], c.sentence.text, p.get("page"), before=before)
    return {
        "answer": c.sentence.text,
        "span": c.span_text,
        "context": p["text"],
        "link": link,
        "score": round(c.score, 4),
        "offsets": [c.sentence.start, c.sentence.end],
        **cited(p, p["text"].count("\n", 0, c.sentence.start)),
    }


def passage_answer(passage: dict[str, Any], score: float, confidence: float) -> dict[str, Any]:
    """A passage shown when no sentence answers confidently, with the probability of its
    best sentence (below the calibration's threshold)."""
    return {
        "answer": passage["text"],
        "span": None,
        "context": passage["text"],
        "link": passage["link"],
        "score": round(score, 4),
        "confidence": round(confidence, 4),
        "answer_kind": "passage",
        "offsets": [0, len(passage["text"])],
        **cited(passage),
    }


def record_citation(engine: Engine, found: dict[str, Any]) -> dict[str, Any] | None:
    """The record's answer (indexer.ask.record.record_answer) in the shape of a sentence
    answer: the evidence sentence, the fact as it writes it (``span``), its paragraph as
    context, the deep link the record keeps, and ``summary`` (one line). None when the
    evidence's document is no longer in the index."""
    evidence = found["evidence"]
    doc = engine.document(evidence["doc_id"])
    if not doc:
        return None
    text = evidence["text"]
    paragraphs = doc.get("paragraphs", [])
    position = next((i for i, p in enumerate(paragraphs) if text in p["text"]), None)
    context = paragraphs[position]["text"] if position is not None else text
    start = max(0, context.find(text))
    meeting = found["meeting"]
    key = f"{meeting['series']}/{meeting['number'] or meeting['year']}"
    passage = doc | {
        "doc_id": evidence["doc_id"],
        "url": evidence["url"],
        "position": position,
        "passage_id": f"record:{key}:{found['fact']}",
        "page": paragraphs[position].get("page") if position is not None else None,
    }
    return {
        "answer": text,
        "span": found["span"],
        "context": context,
        "link": evidence["link"],
        "score": 0.0,
        "confidence": 0.0,
        "answer_kind": {
            "city": "place",
            "economy": "place",
            "chair": "person",
            "count": "number",
        }.get(found["fact"], found["fact"]),
        "summary": found["summary"],
        "offsets": [start, start + len(text)],
        **cited(passage),
    }


def reading(passage: dict[str, Any]) -> dict[str, Any]:
    """A further passage to read on."""
    return {
        "text": passage["text"],
        "link": passage["link"],
        "score": round(passage["score"], 4),
        **cited(passage),
    }
