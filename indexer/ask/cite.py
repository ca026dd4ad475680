"""Citation: the shape of each answer and of each passage offered for reading on."""

from __future__ import annotations

from typing import Any

from indexer.ask.rank import Candidate
from indexer.text.fragments import passage_link


def cited(passage: dict[str, Any]) -> dict[str, Any]:
    """The citation keys every answer and passage carries."""
    return {
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
    """A confident answer: the sentence, its span, a deep link to the sentence."""
    p = c.passage
    link = passage_link(p["url"], p["content_type"], c.sentence.text, p.get("page"))
    return {
        "answer": c.sentence.text,
        "span": c.span_text,
        "context": p["text"],
        "link": link,
        "score": round(c.score, 4),
        "confidence": round(c.confidence, 4),
        "offsets": [c.sentence.start, c.sentence.end],
        **cited(p),
    }


def passage_answer(passage: dict[str, Any], score: float, confidence: float) -> dict[str, Any]:
    """A passage shown when no sentence answers confidently (its confidence below 0.5)."""
    return {
        "answer": passage["text"],
        "span": None,
        "context": passage["text"],
        "link": passage["link"],
        "score": round(score, 4),
        "confidence": round(min(confidence, 0.49), 4),
        "offsets": [0, len(passage["text"])],
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
