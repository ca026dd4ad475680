"""PDF extraction: paragraphs with page numbers, de-hyphenation, running headers and
footers dropped, titles, clear errors for bad files, bounded work."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from indexer.errors import ExtractionError
from indexer.extract import extract_bytes, worker
from indexer.extract import pdf as ep
from indexer.extract.pdf import extract_pdf
from tests import pdfs


@pytest.fixture(scope="module")
def plan():
    return extract_pdf(pdfs.plan_pdf(pages=4))


def test_paragraphs_are_rebuilt_whole_from_wrapped_lines(plan):
    found = [p.text for p in plan.paragraphs]
    for text in pdfs.PLAN_PARAGRAPHS:
        assert text in found


def test_each_paragraph_carries_its_page_number(plan):
    by_text = {p.text: p.page for p in plan.paragraphs}
    for n in range(1, 5):
        assert by_text[pdfs.page_paragraph(n)] == n


def test_running_header_and_page_numbers_are_dropped(plan):
    text = "\n".join(p.text for p in plan.paragraphs)
    assert pdfs.RUNNING_HEADER not in text
    assert "Page 1 of" not in text and "Page 4 of" not in text


def test_a_word_split_at_a_line_end_is_rejoined_and_real_hyphens_stay(plan):
    text = "\n".join(p.text for p in plan.paragraphs)
    assert "The group will support small enterprises that trade across borders." in text
    assert "enter-" not in text
    assert "women-owned" in text and "youth-led" in text


def test_headings_are_marked(plan):
    headings = [p.text for p in plan.paragraphs if p.kind == "h"]
    assert headings[0] == pdfs.PLAN_TITLE
    assert headings[1:] == pdfs.SECTIONS


def test_title_is_the_first_heading_without_metadata(plan):
    assert plan.title == pdfs.PLAN_TITLE


def test_title_comes_from_metadata_when_set():
    doc = extract_pdf(pdfs.plan_pdf(pages=1, meta_title="SMEWG Strategic Plan 2021-2024"))
    assert doc.title == "SMEWG Strategic Plan 2021-2024"


@pytest.mark.parametrize("junk", ["Microsoft Word - plan_final_v3.doc", "untitled", "x.pdf"])
def test_junk_metadata_titles_are_ignored(junk):
    assert extract_pdf(pdfs.plan_pdf(pages=2, meta_title=junk)).title == pdfs.PLAN_TITLE


def test_bullets_become_list_items():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Members agreed to the following actions:", new_x="LMARGIN", new_y="NEXT")
    for item in ("- expand credit guarantee schemes;", "- share good practice on exports."):
        pdf.multi_cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")
    doc = extract_pdf(bytes(pdf.output()))
    assert [p.text for p in doc.paragraphs if p.kind == "li"] == [
        "expand credit guarantee schemes;",
        "share good practice on exports.",
    ]


# -- bad files -----------------------------------------------------------------------------


def error_for(body: bytes) -> str:
    with pytest.raises(ExtractionError) as info:
        extract_pdf(body)
    return str(info.value)


def test_not_a_pdf():
    assert error_for(b"<html><body>Not found</body></html>").startswith("not a PDF")


def test_broken_pdf():
    assert error_for(b"%PDF-1.4\n1 0 obj << /Type /Catalog garbage\n%%EOF\n").startswith(
        "broken PDF"
    )


def test_truncated_pdf():
    body = pdfs.plan_pdf(pages=3)
    assert error_for(body[: len(body) // 2]).startswith("truncated PDF")


def test_encrypted_pdf_needing_a_password():
    assert error_for(pdfs.encrypted_pdf()) == "encrypted PDF: a password is needed to read it"


def test_pdf_encrypted_only_against_editing_is_read():
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, pdfs.PLAN_PARAGRAPHS[0])
    doc = extract_pdf(bytes(pdf.output()))
    assert [p.text for p in doc.paragraphs] == [pdfs.PLAN_PARAGRAPHS[0]]


# -- bounds --------------------------------------------------------------------------------


def test_page_cap(monkeypatch):
    monkeypatch.setattr(ep, "MAX_PDF_PAGES", 3)
    doc = extract_pdf(pdfs.plan_pdf(pages=6))
    assert doc.page_count == 3
    assert max(p.page for p in doc.paragraphs) == 3


def test_character_cap(monkeypatch):
    monkeypatch.setattr(ep, "MAX_PDF_CHARS", 300)
    doc = extract_pdf(pdfs.plan_pdf(pages=4))
    assert 0 < sum(len(p.text) for p in doc.paragraphs) <= 300


def test_a_compressed_bomb_page_is_skipped_and_the_rest_read():
    body = pdfs.bomb_pdf(content_bytes=ep.MAX_PAGE_CONTENT_BYTES * 5, normal_page="Ordinary text")
    assert len(body) < 200_000  # 20 MB of drawing code, compressed
    doc = extract_pdf(body)
    assert [(p.text, p.page) for p in doc.paragraphs] == [("Ordinary text", 2)]


def test_a_page_under_the_content_cap_is_read_within_the_character_cap(monkeypatch):
    monkeypatch.setattr(ep, "MAX_PDF_CHARS", 5_000)
    doc = extract_pdf(pdfs.bomb_pdf(content_bytes=20_000, normal_page="Ordinary text"))
    text = "".join(p.text for p in doc.paragraphs)
    assert "aaaa aaaa" in text and len(text) <= 5_000


def test_total_content_cap_stops_reading(monkeypatch):
    monkeypatch.setattr(ep, "MAX_PDF_CONTENT_BYTES", 1)
    doc = extract_pdf(pdfs.plan_pdf(pages=3))
    assert {p.page for p in doc.paragraphs} == {1}


@pytest.mark.parametrize(
    "placeholder",
    [
        "Document1",
        "Document 12",
        "PowerPoint Presentation",
        "Microsoft Word - Document2",
        "Untitled-1",
        "Presentation3",
        "Slide 1",
        r"C:\Users\jdoe\Desktop\plan final",
        "/Users/jdoe/Documents/plan",
        "SMEWG_plan_v7.indb",
        "cover.indd",
        "2021-11-02",
    ],
)
def test_placeholder_metadata_titles_give_way_to_the_first_heading(placeholder):
    pdf = pdfs.plan_pdf(pages=2, meta_title=placeholder)
    assert extract_pdf(pdf).title == pdfs.PLAN_TITLE
    doc = extract_bytes(pdf, "http://127.0.0.1/files/plan.pdf", "application/pdf")
    assert doc.title == pdfs.PLAN_TITLE and doc.doc_type == "strategic_plan"


@pytest.mark.parametrize(
    "title", ["SME Ministerial Statement 2021", "Book of Abstracts: Digital Trade for MSMEs"]
)
def test_real_metadata_titles_are_kept(title):
    assert extract_pdf(pdfs.plan_pdf(pages=1, meta_title=title)).title == title


def test_a_form_drawn_thousands_of_times_counts_as_drawing_code():
    """A 1.5 kB PDF drawing one form 5,000 times (py-pdf/pypdf#2790) would cost minutes of
    parsing: that page is skipped like any page of too much drawing code, the next is read."""
    body = pdfs.form_bomb_pdf(5000, "Ordinary text on the second page.")
    assert len(body) < 3000
    doc = extract_pdf(body)
    assert [(p.text, p.page) for p in doc.paragraphs] == [("Ordinary text on the second page.", 2)]
    few = extract_pdf(pdfs.form_bomb_pdf(2, "Ordinary text on the second page."))
    assert "aaaa aaaa Ordinary text" in few.paragraphs[0].text  # a form drawn twice is read


def test_extraction_over_its_time_budget_is_stopped_and_says_so(monkeypatch):
    """A PDF whose cost the caps do not foresee (here: caps lifted) is stopped at the
    per-document time budget, in a worker process, and refused with the reason."""
    monkeypatch.setattr(ep, "MAX_PAGE_CONTENT_BYTES", 10**12)
    monkeypatch.setattr(ep, "MAX_PDF_CONTENT_BYTES", 10**12)
    monkeypatch.setattr(worker, "MAX_SECONDS", 1.0)
    body = pdfs.form_bomb_pdf(5000, "Ordinary text on the second page.")
    with pytest.raises(ExtractionError, match="PDF extraction took longer than 1 s; skipped"):
        extract_bytes(body, "http://127.0.0.1/bomb.pdf", "application/pdf")
    # a document within the budget is extracted as before, through the worker
    assert extract_bytes(pdfs.plan_pdf(3), "http://127.0.0.1/plan.pdf").title == pdfs.PLAN_TITLE
