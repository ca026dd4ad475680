"""Extractive question answering: the sentence that answers a question, with its source.

The question becomes a search (`indexer.question`); the best passages are split into
sentences (`indexer.sentences`); each sentence is scored by how much of the question it
covers (terms weighted by their rarity among the candidates), how close together the
matches are, whether it holds the kind of answer asked for (`indexer.spans`), how well its
passage ranked, and whether it is from (or names) the year the question names. Below a
confidence threshold the answer is "no confident answer" plus the best passages: nothing
is ever invented, and every answer cites its document and links to the sentence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from indexer.deeplinks import passage_link
from indexer.question import Question, analyse, keys
from indexer.search import Engine
from indexer.sentences import Sentence, split_sentences
from indexer.spans import Span, find_span

CANDIDATE_PASSAGES = 30
YEAR_PASSAGES = 10
MORE_PASSAGES = 5
# A sentence answers confidently when its score reaches CONFIDENCE, it covers at least
# MIN_OVERLAP of the question's weighted terms, every name and number the question gives is
# in its window, and it holds an answer of the kind asked for (tuned on the "tune" questions
# of bench/qa_eval_set.json).
CONFIDENCE = 0.5
MIN_OVERLAP = 0.4
NAME_WEIGHT = 1.5  # names and years the question mentions matter more than other words
YEAR_BONUS = 0.1
HEADING_WORDS = 12
OWN_SHARE = 0.6  # a sentence's overlap: 60% its own words, 40% with its title and predecessor
PHRASE_BONUS = 0.1  # for each quoted phrase of the question found word for word


@dataclass
class Candidate:
    passage: dict[str, Any]
    sentence: Sentence
    overlap: float  # weighted share of question terms in the sentence (and its window)
    score: float
    span: Span | None
    identified: bool  # every name and number of the question is in the sentence's window

    @property
    def span_text(self) -> str | None:
        return self.span.text(self.sentence.text) if self.span else None


def _retrieve(engine: Engine, question: Question) -> list[dict[str, Any]]:
    """Candidate passages: the best overall, plus the best from the years the question names."""
    found = engine.passages(question.query, limit=CANDIDATE_PASSAGES)
    if question.years:
        years = (min(question.years), max(question.years))
        found += engine.passages(question.query, limit=YEAR_PASSAGES, year=years)
    unique: dict[str, dict[str, Any]] = {}
    for passage in found:
        unique.setdefault(passage["passage_id"], passage)
    return sorted(unique.values(), key=lambda p: -p["score"])


def _weights(question: Question, sentence_keys: list[set[str]]) -> dict[str, float]:
    """IDF-like weight of each question term over the candidate sentences."""
    n = len(sentence_keys)
    special = question.name_keys | {str(y) for y in question.years}
    weights = {}
    for key in question.term_keys:
        df = sum(1 for ks in sentence_keys if key in ks)
        weight = math.log(1 + (n + 1) / (df + 0.5))
        weights[key] = weight * (NAME_WEIGHT if key in special else 1.0)
    return weights


def _coverage(weights: dict[str, float], present: set[str]) -> float:
    total = sum(weights.values())
    return sum(w for k, w in weights.items() if k in present) / total if total else 0.0


def _proximity(sentence_keys: list[str], wanted: set[str]) -> float:
    """Matched distinct terms divided by the length of the shortest window holding them all."""
    positions = [(i, k) for i, k in enumerate(sentence_keys) if k in wanted]
    distinct = {k for _, k in positions}
    if len(distinct) < 2:
        return 0.0
    best = len(sentence_keys)
    counts: dict[str, int] = {}
    left = 0
    for pos, key in positions:
        counts[key] = counts.get(key, 0) + 1
        while len(counts) == len(distinct):
            best = min(best, pos - positions[left][0] + 1)
            lkey = positions[left][1]
            counts[lkey] -= 1
            if not counts[lkey]:
                del counts[lkey]
            left += 1
    return len(distinct) / best


def _year_adjustment(question: Question, passage: dict[str, Any], sentence: str) -> float:
    if not question.years:
        return 0.0
    if passage.get("year") in question.years or any(str(y) in sentence for y in question.years):
        return YEAR_BONUS
    return -YEAR_BONUS if passage.get("year") is not None else 0.0


def _phrase_bonus(question: Question, sentence_keys: list[str]) -> float:
    joined = " " + " ".join(sentence_keys) + " "
    return PHRASE_BONUS * sum(
        1 for phrase in question.phrase_keys if phrase and f" {' '.join(phrase)} " in joined
    )


def _is_heading(text: str) -> bool:
    """A short line with no closing punctuation: a heading, context but not an answer."""
    return text[-1] not in ".!?…:;\"'”’)" and len(text.split()) < HEADING_WORDS


def _preceding(engine: Engine, passages: list[dict[str, Any]]) -> dict[str, str]:
    """The last sentence before each passage in its document (passage_id -> text)."""
    documents: dict[str, dict[str, Any] | None] = {}
    out = {}
    for p in passages:
        position = p.get("position") or 0
        if position <= 0:
            continue
        if p["doc_id"] not in documents:
            documents[p["doc_id"]] = engine.document(p["doc_id"])
        doc = documents[p["doc_id"]]
        paragraphs = doc["paragraphs"] if doc else []
        if position <= len(paragraphs):
            sentences = split_sentences(paragraphs[position - 1]["text"])
            out[p["passage_id"]] = sentences[-1].text if sentences else ""
    return out


def _candidates(
    question: Question, passages: list[dict[str, Any]], preceding: dict[str, str]
) -> list[Candidate]:
    """Every sentence of the passages that shares a term with the question, best first.

    A sentence is read with its document's title and the sentence before it ("Ministers met
    in Lima. The meeting was chaired by ..."), which for a passage's first sentence is the
    end of the paragraph before the passage: its overlap blends its own coverage of the
    question with that of this small window.
    """
    units = [(p, split_sentences(p["text"])) for p in passages]
    own_keys = [[keys(s.text) for s in sentences] for _, sentences in units]
    weights = _weights(question, [set(k) for ks in own_keys for k in ks])
    wanted = set(weights)
    exclude = wanted | {str(y) for y in question.years}
    top = max((p["score"] for p in passages), default=0.0) or 1.0
    typed = question.answer_type != "other"
    ids = question.name_keys | {k for k in wanted if k.isdecimal()}
    out = []
    for (passage, sentences), passage_keys in zip(units, own_keys, strict=True):
        title_keys = set(keys(passage.get("title", "")))
        previous = set(keys(preceding.get(passage["passage_id"], "")))
        for i, (sentence, skeys) in enumerate(zip(sentences, passage_keys, strict=True)):
            own = _coverage(weights, set(skeys))
            if own == 0 or _is_heading(sentence.text):
                continue
            window = set(skeys) | title_keys | (set(passage_keys[i - 1]) if i else previous)
            overlap = OWN_SHARE * own + (1 - OWN_SHARE) * _coverage(weights, window)
            span = find_span(sentence.text, question.answer_type, exclude, wanted)
            evidence = span.strength if span else 0.0
            score = (
                (0.6 if typed else 0.7) * overlap
                + (0.1 if typed else 0.15) * _proximity(skeys, wanted)
                + (0.2 if typed else 0.0) * evidence
                + (0.1 if typed else 0.15) * passage["score"] / top
                + _year_adjustment(question, passage, sentence.text)
                + _phrase_bonus(question, skeys)
            )
            identified = all(
                k in window or (k.isdecimal() and passage.get("year") == int(k)) for k in ids
            )
            out.append(Candidate(passage, sentence, overlap, score, span, identified))
    out.sort(key=lambda c: -c.score)
    return out


def _cited(passage: dict[str, Any]) -> dict[str, Any]:
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


def _sentence_answer(c: Candidate) -> dict[str, Any]:
    p = c.passage
    link = passage_link(p["url"], p["content_type"], c.sentence.text, p.get("page"))
    return {
        "answer": c.sentence.text,
        "span": c.span_text,
        "context": p["text"],
        "link": link,
        "score": round(c.score, 4),
        "offsets": [c.sentence.start, c.sentence.end],
        **_cited(p),
    }


def _passage_answer(passage: dict[str, Any], score: float) -> dict[str, Any]:
    return {
        "answer": passage["text"],
        "span": None,
        "context": passage["text"],
        "link": passage["link"],
        "score": round(score, 4),
        "offsets": [0, len(passage["text"])],
        **_cited(passage),
    }


def _is_confident(question: Question, c: Candidate) -> bool:
    if c.score < CONFIDENCE or c.overlap < MIN_OVERLAP or not c.identified:
        return False
    return question.answer_type == "other" or c.span is not None


def answer(engine: Engine, question: str, *, limit: int = 3) -> dict[str, Any]:
    """Answer `question` from the index behind `engine`.

    Returns {"question", "answers": [{"answer", "span", "context", "title", "url", "link",
    "year", "score", ...}], "confident", "answer_type", "passages"}. Confident answers are
    sentences that each pass the confidence rule; without any, "answers" are the best
    passages and "confident" is false. "passages" are further passages for reading on.
    Raises IndexMissing when there is no index.
    """
    parsed = analyse(question)
    passages = _retrieve(engine, parsed)
    ranked = _candidates(parsed, passages, _preceding(engine, passages))
    # Sentences that name what the question names first, then those that hold an answer of
    # the kind asked for; by score within each group.
    typed = parsed.answer_type != "other"
    ranked.sort(key=lambda c: (not c.identified, typed and c.span is None))
    # The best sentence of each passage, passages in the order of their best sentence.
    best_per_passage: dict[str, Candidate] = {}
    for c in ranked:
        best_per_passage.setdefault(c.passage["passage_id"], c)
    leaders = list(best_per_passage.values())
    limit = max(1, limit)
    sure = [c for c in leaders if _is_confident(parsed, c)][:limit]
    if sure:
        answers = [_sentence_answer(c) for c in sure]
    else:
        order = [(c.passage, c.score) for c in leaders] or [(p, 0.0) for p in passages]
        answers = [_passage_answer(p, score) for p, score in order[:limit]]
    used = {a["passage_id"] for a in answers}
    more = [p for p in passages if p["passage_id"] not in used][:MORE_PASSAGES]
    return {
        "question": question,
        "answers": answers,
        "confident": bool(sure),
        "answer_type": parsed.answer_type,
        "passages": [
            {"text": p["text"], "link": p["link"], "score": round(p["score"], 4), **_cited(p)}
            for p in more
        ],
    }
