"""Extractive question answering: the sentence that answers a question, with its source.

The question is analysed (indexer.ask.question), candidate passages retrieved with their
documents' context (indexer.ask.retrieve), split into sentences (indexer.text.sentences),
scored with answer spans of the asked type (indexer.ask.spans, indexer.ask.rank) and cited
(indexer.ask.cite). Below the confidence rule the answer is "no confident answer" plus the
best passages: nothing is ever invented, and every answer cites its document and links to
the sentence.
"""

from __future__ import annotations

from typing import Any

from indexer.ask.cite import passage_answer, reading, sentence_answer
from indexer.ask.question import analyse
from indexer.ask.rank import Candidate, candidates
from indexer.ask.record import meeting_years, missing_meeting
from indexer.ask.retrieve import documents, retrieve
from indexer.search.engine import Engine

MORE_PASSAGES = 5


def answer(engine: Engine, question: str, *, limit: int = 3) -> dict[str, Any]:
    """Answer `question` from the index behind `engine`.

    Returns {"question", "answers": [{"answer", "span", "context", "title", "url", "link",
    "year", "score", "confidence", ...}], "confident", "answer_type", "passages", "notes"}.
    Confident answers are sentences that each pass the confidence rule (confidence >= 0.5);
    without any, "answers" are the best passages (confidence < 0.5) and "confident" is
    false. "passages" are further passages for reading on. Raises IndexMissing when there is
    no index.
    """
    parsed = analyse(question)
    parsed.meeting_years = meeting_years(engine, parsed)
    # "the 2018 SME ministerial meeting": the record shows none was held that year
    no_meeting = missing_meeting(engine, parsed)
    passages = retrieve(engine, parsed)
    ranked = candidates(parsed, passages, documents(engine, passages))
    typed = parsed.answer_type != "other"
    names_document = bool(parsed.target_years or parsed.meeting)
    # The best sentence of each passage, passages in the order of their best sentence.
    leaders: dict[str, Candidate] = {}
    for c in ranked:
        leaders.setdefault(c.passage["passage_id"], c)
    limit = max(1, limit)
    sure = [c for c in leaders.values() if c.is_confident(typed, names_document)][:limit]
    if no_meeting:
        sure = []  # whatever a sentence says, it is not about a meeting that was not held
    if sure:
        answers = [sentence_answer(c) for c in sure]
    else:
        # The best candidates still lead; passages without one fill up to `limit`.
        order = [(c.passage, c.score, c.confidence) for c in leaders.values()]
        order += [(p, 0.0, 0.0) for p in passages if p["passage_id"] not in leaders]
        answers = [passage_answer(*item) for item in order[:limit]]
    used = {a["passage_id"] for a in answers}
    more = [p for p in passages if p["passage_id"] not in used][:MORE_PASSAGES]
    return {
        "question": question,
        "answers": answers,
        "confident": bool(sure),
        "answer_type": parsed.answer_type,
        "passages": [reading(p) for p in more],
        "notes": [no_meeting] if no_meeting else [],
    }
