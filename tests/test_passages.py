"""Cutting documents into passages."""

from indexer.index.passages import MAX_WORDS, make_passages
from indexer.model import Paragraph

SENTENCE = "Ministers agreed to support small firms in the region with finance and training."


def words(n: int) -> str:
    return " ".join(f"w{i}" for i in range(n))


def test_short_paragraphs_are_joined_up_to_a_passage():
    paras = [Paragraph(SENTENCE) for _ in range(6)]  # 13 words each
    passages = make_passages(paras)
    assert [p.position for p in passages] == [0, 4]
    assert all(len(p.text.split()) <= MAX_WORDS for p in passages)


def test_a_heading_joins_what_follows():
    paras = [Paragraph(words(60)), Paragraph("Access to finance", "h"), Paragraph(words(60))]
    passages = make_passages(paras)
    assert len(passages) == 2
    assert passages[1].text.startswith("Access to finance\nw0")
    assert passages[1].position == 1


def test_a_passage_does_not_cross_pdf_pages():
    paras = [Paragraph(SENTENCE, page=1), Paragraph(SENTENCE, page=2)]
    assert [(p.page, p.position) for p in make_passages(paras)] == [(1, 0), (2, 1)]


def test_a_long_paragraph_is_split_at_sentences():
    long = " ".join([SENTENCE] * 30)  # 390 words
    passages = make_passages([Paragraph(long)])
    assert len(passages) >= 3
    assert all(len(p.text.split()) <= MAX_WORDS for p in passages)
    assert all(p.text.endswith(".") for p in passages)
    assert " ".join(p.text for p in passages) == long


def test_blank_paragraphs_are_skipped():
    assert make_passages([Paragraph("  "), Paragraph("")]) == []
