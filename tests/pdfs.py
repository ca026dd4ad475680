"""PDFs for the tests, built with fpdf2. All text is invented here."""

from __future__ import annotations

import io

from fpdf import FPDF
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

RUNNING_HEADER = "SME Working Group Strategic Plan 2021-2024"
PLAN_TITLE = "Strategic Plan for Small and Medium Enterprises"
PLAN_PARAGRAPHS = [
    "Micro, small and medium enterprises, including women-owned and youth-led firms, make up "
    "the great majority of businesses across the region and employ most of its workers.",
    "This plan sets out how the working group will help them reach new markets, adopt digital "
    "tools, obtain finance on fair terms and recover from shocks such as pandemics.",
    "Members will report each year on the actions they have taken, and the group will review "
    "the plan at its midpoint to decide whether its priorities still serve the region well.",
]
HYPHEN_LINE = ("The group will support small enter-", "prises that trade across borders.")
SECTIONS = ["Market Access", "Digital Transformation", "Access to Finance", "Resilience"]


def page_paragraph(n: int) -> str:
    """Text that appears only on page n (1-based), so it cannot pass for a running header."""
    return (
        f"Action {n}: before the next annual meeting, officials from the "
        f"{SECTIONS[(n - 1) % len(SECTIONS)].lower()} team will prepare the case studies "
        f"numbered {n * 7} to {n * 7 + 3}."
    )


class _Plan(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.cell(0, 8, RUNNING_HEADER, align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def plan_pdf(pages: int = 3, meta_title: str | None = None) -> bytes:
    """A multi-page PDF with a running header and footer and a word hyphenated at a break."""
    pdf = _Plan()
    if meta_title:
        pdf.set_title(meta_title)
    for n in range(pages):
        pdf.add_page()
        if n == 0:
            pdf.set_font("Helvetica", "B", 16)
            pdf.cell(0, 10, PLAN_TITLE)
            pdf.ln(14)
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 8, SECTIONS[n % len(SECTIONS)] if n else SECTIONS[0])
        pdf.ln(10)
        pdf.set_font("Helvetica", size=11)
        for text in [page_paragraph(n + 1), *(PLAN_PARAGRAPHS if n == 0 else [])]:
            pdf.multi_cell(0, 6, text)
            pdf.ln(4)
        if n == pages - 1:
            pdf.multi_cell(0, 6, "\n".join(HYPHEN_LINE))
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="reader-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, PLAN_PARAGRAPHS[0])
    return bytes(pdf.output())


def _helvetica(writer: PdfWriter) -> DictionaryObject:
    """Page resources naming Helvetica as font /F1, its font object added to ``writer``."""
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    return DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})


def bomb_pdf(content_bytes: int, normal_page: str) -> bytes:
    """A page whose compressed drawing code inflates to `content_bytes`, then a normal page."""
    writer = PdfWriter()
    resources = _helvetica(writer)
    line = b"(aaaa aaaa aaaa aaaa) Tj T* "
    for ops in (line * (content_bytes // len(line)), f"({normal_page}) Tj ".encode()):
        page = writer.add_blank_page(612, 792)
        stream = DecodedStreamObject()
        stream.set_data(b"BT /F1 10 Tf 10 12 TL 40 700 Td " + ops + b"ET")
        page[NameObject("/Resources")] = resources
        page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def lines_pdf(pages: list[list[str]]) -> bytes:
    """A PDF printing each page's lines as given, one under the other (headers included)."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for line in lines:
            pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def form_bomb_pdf(draws: int, normal_page: str) -> bytes:
    """A small PDF whose first page draws one form XObject (a block of text) ``draws``
    times, as in py-pdf/pypdf#2790, then a normal page. Compressed, it stays a few kB."""
    writer = PdfWriter()
    resources = _helvetica(writer)
    form = DecodedStreamObject()
    form.set_data(b"10 10 m 20 20 l S " * 1500 + b"BT /F1 10 Tf 40 700 Td (aaaa) Tj ET")
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([NumberObject(n) for n in (0, 0, 612, 792)]),
            NameObject("/Resources"): resources,
        }
    )
    form_ref = writer._add_object(form.flate_encode())
    drawing = b"q /Fm0 Do Q " * draws
    page_resources = DictionaryObject(
        {
            NameObject("/Font"): resources["/Font"],
            NameObject("/XObject"): DictionaryObject({NameObject("/Fm0"): form_ref}),
        }
    )
    for ops in (drawing, f"BT /F1 10 Tf 40 700 Td ({normal_page}) Tj ET".encode()):
        page = writer.add_blank_page(612, 792)
        stream = DecodedStreamObject()
        stream.set_data(ops)
        page[NameObject("/Resources")] = page_resources
        page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
