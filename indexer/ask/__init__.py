"""Question answering over the index: `answer(engine, question)` (indexer.ask.answer)."""

from indexer.ask.answer import answer

__all__ = ["answer"]
