"""What the search box gives for a query, the same on the page, in its JSON twin and from
the command line: the documents matching it, and for a query that reads as a question
(``question.reads_as_question``) its confident answer above the documents its content
words find, as those words typed alone would find them."""

from __future__ import annotations

from typing import Any

from indexer.ask.answer import featured_answer
from indexer.ask.question import question_search
from indexer.search import Engine


def search_box(engine: Engine, q: str, *, answer: bool = True, **kwargs: Any) -> dict[str, Any]:
    """``engine.search`` (``kwargs`` as it takes them) of ``q``, or of a question's content
    words (``question_search``), with ``query`` the text as typed, ``question_words`` (the
    words searched for a question, else None) and ``featured`` (``featured_answer``:
    ``{"question", "confident", "summary", "answer"}``) on the first page of a question
    when ``answer``, else None."""
    words = question_search(q)
    found = engine.search(words or q, **kwargs)
    first_page = kwargs.get("page", 1) == 1
    featured = featured_answer(engine, q) if answer and first_page else None
    return found | {"query": q, "question_words": words, "featured": featured}
