"""Text normalised once at extraction: compatibility and invisible characters, whitespace,
and words broken at a PDF line end (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from indexer.extract.normalise import Hyphenation, normalise
from indexer.extract.pdf import extract_pdf

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("small \ufb01rms", "small firms"),  # PDF ligature fi
        ("the o\ufb03ce", "the office"),  # ffi
        ("digital\u00adisation", "digitalisation"),  # soft hyphen
        ("train\u200bing and co\u200dope\u2060ration", "training and cooperation"),
        ("\ufeffWe, the Ministers", "We, the Ministers"),  # byte-order mark
        ("  micro,\u00a0small\n\tand  medium ", "micro, small and medium"),
    ],
)
def test_normalise(raw, clean):
    assert normalise(raw) == clean


@pytest.mark.parametrize(
    ("left", "right", "vocabulary", "joined"),
    [
        ("its members will help entrepre-", "neurs reach new markets", "", "entrepreneurs reach"),
        ("agreed on a sched-", "ule for reviews", "", "schedule for"),
        ("small enter-", "prises trade", "", "enterprises trade"),
        ("more inno-", "vative firms", "", "innovative firms"),
        ("a focus on cross-", "border trade", "", "cross-border trade"),
        ("and on micro-", "enterprises led by women", "medium enterprises", "micro-enterprises"),
        ("growth of women-", "owned firms", "", "women-owned firms"),
        ("cross-border e-", "commerce rules", "", "e-commerce rules"),
        ("the stake-", "holders met", "stakeholders agreed", "stakeholders met"),
        ("the data-", "sharing rules", "data-sharing is new", "data-sharing rules"),
        ("its sub-", "groups meet", "", "subgroups meet"),
        ("capacity-", "Building", "", "capacity- Building"),  # a capital: not a split word
    ],
)
def test_line_end_hyphens(left, right, vocabulary, joined):
    hyphenation = Hyphenation([vocabulary, left, right])
    previous, separator = hyphenation.join(left, right)
    assert joined in previous + separator + right


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs a Unicode font for ligatures")
def test_a_pdf_comes_out_normalised():
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    lines = [
        "The working group will help entrepre-",
        "neurs reach new markets, with a focus on cross-",
        "border trade and on micro-",
        "enterprises run by women, so that small \ufb01rms in every",
        "o\ufb03ce of the region can sell abroad.",
    ]
    for page in (1, 2):
        pdf.add_page()
        pdf.set_font("DejaVu", size=10)
        pdf.cell(0, 6, "Lakeside Plan for Small Firms 2031-2034", new_x="LMARGIN", new_y="NEXT")
        for line in lines if page == 1 else ["The medium enterprises of the region grow."]:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 6, f"Page {page} of 2", new_x="LMARGIN", new_y="NEXT")
    text = "\n".join(p.text for p in extract_pdf(bytes(pdf.output())).paragraphs)
    assert (
        "help entrepreneurs reach new markets, with a focus on cross-border trade and on "
        "micro-enterprises run by women, so that small firms in every office of the region"
    ) in text
    assert "Page 1 of 2" not in text
    assert "Lakeside Plan for Small Firms" not in text  # the running header
