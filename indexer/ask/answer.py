"""Extractive question answering: the sentence that answers a question, with its source.

The question is analysed (indexer.ask.question), candidate passages retrieved with their
documents' context (indexer.ask.retrieve), split into sentences (indexer.text.sentences),
scored with answer spans of the asked kind (indexer.ask.spans, indexer.ask.rank) and cited
(indexer.ask.cite). Where, when and under whom a meeting the question names was held are
read off the record of meetings (indexer.ask.record), cited by a sentence stating them.
Each answer's confidence is the calibrated probability that it is right
(indexer.ask.calibration); below the fitted threshold the answer is "no confident answer"
plus the best passages: nothing is ever invented, and every answer cites its document and
links to the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from indexer.ask.calibration import Calibration, calibration
from indexer.ask.cite import passage_answer, reading, record_citation, sentence_answer
from indexer.ask.commitments import asked_commitments
from indexer.ask.question import Question, analyse, reads_as_question
from indexer.ask.rank import Candidate, candidates
from indexer.ask.record import (
    adopted_outcome,
    fold,
    meeting_years,
    missing_meeting,
    other_meetings_values,
    record_answer,
)
from indexer.ask.retrieve import documents, retrieve
from indexer.extract.doctype import STATEMENT_TYPES
from indexer.record.store import meeting_key
from indexer.search.engine import Engine

MORE_PASSAGES = 5
# The kind of answer each span type gives (answer_kind); a sentence with no span is a
# "sentence", a passage shown when declining a "passage".
SPAN_KINDS = {
    "chair": "person",
    "opened": "person",
    "elected": "person",
    "hosted": "person",
    "named": "name",
}


@dataclass
class Scored:
    """A candidate answer with its calibrated probability of being right."""

    answer: dict[str, Any]  # the answer's JSON (cite.sentence_answer or record_citation)
    features: dict[str, float]  # what the calibration read ({} for the record's answer)
    probability: float
    source: str  # "sentence" or "record"


def _leaders(ranked: list[Candidate]) -> list[Candidate]:
    """The best sentence of each passage, passages in the order of their best sentence."""
    leaders: dict[str, Candidate] = {}
    for c in ranked:
        leaders.setdefault(c.passage["passage_id"], c)
    return list(leaders.values())


def answer_kind(question: Question, c: Candidate) -> str:
    """What a sentence answer gives: its span's kind ("person", "date", "place", "number",
    "share", "money", "frequency", "name", "theme", "list", "phrase"), else "sentence"."""
    if c.span is None:
        return "sentence"
    if c.span_kind:
        return c.span_kind
    kind = question.relation or ("chair" if question.asks_chair else question.answer_type)
    return SPAN_KINDS.get(kind, kind)


@dataclass
class Considered:
    """Everything ``answer`` weighs for one question."""

    question: Question
    scored: list[Scored]  # best first; the record's answer among them when it has one
    passages: list[dict[str, Any]]  # the retrieved passages
    note: str | None  # the record shows no meeting in the year asked about
    # the record's values of the asked fact for other meetings (other_meetings_values)
    elsewhere: frozenset[str] = frozenset()


def consider(engine: Engine, text: str) -> Considered:
    """Every candidate answer to question ``text`` with its probability, best first (see
    ``calibrate``), the passages retrieved, and the note of a year without a meeting."""
    question = analyse(text)
    question.meeting_years = meeting_years(engine, question)
    note = missing_meeting(engine, question)
    passages = retrieve(engine, question)
    leaders = _leaders(candidates(question, passages, documents(engine, passages)))
    typed = question.answer_type != "other"
    names_document = bool(question.target_years or question.meeting)
    scored = []
    for i, c in enumerate(leaders):
        features = c.calibration_features(typed, names_document, first=i == 0)
        shown = sentence_answer(c) | {"answer_kind": answer_kind(question, c)}
        scored.append(Scored(shown, features, 0.0, "sentence"))
    found = None if note else record_answer(engine, question)
    if found and (outcome := adopted_outcome(question)):
        # the outcome is the meeting's only if one of its documents names it: the SME
        # ministers met in Cebu in 1996; the Cebu Action Plan is the finance ministers'
        key = meeting_key(found["meeting"])
        named = engine.search(f'"{outcome}"', meeting=key, meeting_hint=False, limit=1)
        found = found if named["total"] else None
    cited = record_citation(engine, found) if found else None
    if cited:
        scored.insert(0, Scored(cited, {}, 0.0, "record"))
    elsewhere = frozenset(other_meetings_values(engine, question))
    considered = Considered(question, scored, passages, note, elsewhere)
    calibrate(considered, calibration())
    return considered


def _same_span(a: str | None, b: str | None) -> bool:
    """Whether two spans give the same answer: equal, or one holding the other ("Lakeside"
    and "Lakeside, Atlantis"), case and accents aside."""
    if not (a and b):
        return False
    x, y = fold(a), fold(b)
    return x == y or (min(len(x), len(y)) >= 3 and (x in y or y in x))


def _repeats(answer: dict[str, Any], shown: dict[str, Any]) -> bool:
    """Whether an answer says what one shown before it says: the same sentence (in any
    document), or the same span."""
    same_sentence = fold(" ".join(answer["answer"].split())) == fold(
        " ".join(shown["answer"].split())
    )
    return same_sentence or _same_span(answer["span"], shown["span"])


def _primary(answer: dict[str, Any]) -> bool:
    """Whether an answer is read from a primary source: a statement, chair's statement or
    declaration (a story reporting the same is cited after it)."""
    return answer.get("doc_type") in STATEMENT_TYPES


SUMMARY_CHARS = 160  # a one-line answer without a span: its sentence cut at a word
TITLE_CHARS = 80  # the document's title after a span, cut at a word


def _clip(text: str, limit: int) -> str:
    """``text`` on one line, cut at the last word boundary within ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def one_line(answer: dict[str, Any]) -> str:
    """The answer in one line: the record's summary ("Lakeside, Atlantis — 5–6 May 2031,
    the 25th SME Ministerial Meeting"); else the span with its document and year
    ("Ana Ruiz — 2031 SME Ministerial Meeting Statement, 2031"); else the sentence cut to
    SUMMARY_CHARS."""
    if answer.get("summary"):
        return answer["summary"]
    if not answer["span"]:
        return _clip(answer["answer"], SUMMARY_CHARS)
    title = _clip(answer.get("title") or "", TITLE_CHARS)
    year = str(answer["year"]) if answer.get("year") else ""
    where = ", ".join(p for p in (title, year if year not in title else "") if p)
    return " — ".join(p for p in (_clip(answer["span"], SUMMARY_CHARS), where) if p)


def calibrate(considered: Considered, fitted: Calibration) -> None:
    """Set each candidate's probability under ``fitted`` and sort them, best first: a
    sentence's from its features; the record's answer the record's probability, or that of
    a sentence giving the same answer when higher (it corroborates the record), while a
    sentence giving another answer, or the record's answer for another meeting
    (``elsewhere``), is right at most when the record is wrong (1 - its probability); every
    one 0 after a note of a year without a meeting (whatever a sentence says, it is not
    about a meeting that was not held). Equal ones keep their order: the record's, then by
    score."""
    sentences = [s for s in considered.scored if s.source == "sentence"]
    for s in sentences:
        s.probability = fitted.probability(s.features)
    for s in sentences:
        if any(_same_span(s.answer["span"], value) for value in considered.elsewhere):
            # another meeting's city or chair: right only if the record is wrong about it
            s.probability = min(s.probability, 1.0 - fitted.record)
    for record in [s for s in considered.scored if s.source == "record"]:
        same = [s for s in sentences if _same_span(s.answer["span"], record.answer["span"])]
        record.probability = max([fitted.record, *(s.probability for s in same)])
        for s in sentences:
            if s.answer["span"] and s not in same:
                s.probability = min(s.probability, 1.0 - fitted.record)
    if considered.note:
        for s in considered.scored:
            s.probability = 0.0
    considered.scored.sort(key=lambda s: -s.probability)


def answer(engine: Engine, question: str, *, limit: int = 3) -> dict[str, Any]:
    """Answer `question` from the index behind `engine`.

    Returns {"question", "answers": [{"answer", "span", "context", "title", "url", "link",
    "year", "score", "confidence", "confident", "likelihood", "answer_kind", ...}],
    "confident", "answer_type", "summary", "passages", "notes", "commitments"}.
    ``confidence`` is the calibrated probability that the answer is right
    (indexer.ask.calibration), ``likelihood`` the same in words ("likely", "uncertain",
    "unlikely"); ``confident`` is true when the first answer reaches the fitted threshold,
    and ``summary`` is then the answer in one line (else null). Confident answers come first,
    then other candidates (each answer's own ``confident`` says which), up to ``limit``;
    without a confident one, "answers" are the best passages (``answer_kind`` "passage",
    ``confident`` false). "passages" are further passages for reading on. "commitments"
    answers a question asking what was committed to
    (``indexer.ask.commitments.asked_commitments``; else null): the answers are then
    passages. Raises IndexMissing when there is no index.
    """
    considered = consider(engine, question)
    scored, passages = considered.scored, considered.passages
    fitted = calibration()
    limit = max(1, limit)
    # what ministers committed to is the record of commitments' answer, not a phrase of one
    # sentence: the sentences' answers then stand back to passages
    committed = asked_commitments(engine, question)
    sure = bool(scored) and fitted.confident(scored[0].probability) and not committed
    if sure:
        # each answer once: the record's citation and the same sentence found by search,
        # a copy of the sentence in another document, another sentence with the same span
        shown: list[Scored] = []
        for s in scored:
            same = next((i for i, t in enumerate(shown) if _repeats(s.answer, t.answer)), None)
            if same is None:
                shown.append(s)
            elif _primary(s.answer) and not _primary(shown[same].answer):
                # the same answer in what the meeting adopted: cited there, as sure
                shown[same] = replace(s, probability=shown[same].probability)
        answers = [s.answer | {"confidence": round(s.probability, 4)} for s in shown[:limit]]
    else:
        # The best candidates' passages still lead; other passages fill up to `limit`.
        by_id = {p["passage_id"]: p for p in passages}
        answers, seen = [], set()
        for s in scored:
            pid = s.answer["passage_id"]
            if pid in by_id and pid not in seen:
                seen.add(pid)
                answers.append(passage_answer(by_id[pid], s.answer["score"], s.probability))
        answers += [passage_answer(p, 0.0, 0.0) for p in passages if p["passage_id"] not in seen]
        answers = answers[:limit]
    for a in answers:
        a["confident"] = fitted.confident(a["confidence"])
        a["likelihood"] = fitted.in_words(a["confidence"])
    used = {a["passage_id"] for a in answers}
    more = [p for p in passages if p["passage_id"] not in used][:MORE_PASSAGES]
    first = answers[0] if sure else None
    return {
        "question": question,
        "answers": answers,
        "confident": sure,
        "answer_type": considered.question.answer_type,
        "summary": one_line(first) if first else None,
        "passages": [reading(p) for p in more],
        "notes": [considered.note] if considered.note else [],
        "commitments": committed,
    }


def featured_answer(engine: Engine, query: str) -> dict[str, Any] | None:
    """What a search shows above its results for a query that reads as a question
    (``reads_as_question``): {"question", "confident", "summary", "answer"}, ``answer``
    the first confident answer (as ``answer`` gives it) or null, when the question is then
    better asked on its own. None for a query that is not a question."""
    if not reads_as_question(query):
        return None
    found = answer(engine, query, limit=1)
    first = found["answers"][0] if found["confident"] else None
    return {
        "question": query,
        "confident": found["confident"],
        "summary": found["summary"],
        "answer": first,
    }
