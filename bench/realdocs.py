"""Load an evaluation set of page files (bench/data/README.md) and index it as a crawl would.

    pages = load_pages(Path("bench/data/heldout/docs"))
    index_dir = build_set_index(pages, Path(tmp))   # extract + index, like `apec-search update`

A page's bytes are its `html` (UTF-8) or a PDF rendered from its printed lines with fpdf2
(DejaVu Sans when the machine has it, so ligatures and soft hyphens survive; else Helvetica
with latin-1 only).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fpdf import FPDF

from indexer.crawl.corpus import Corpus, ManifestRecord
from indexer.extract import extract_corpus
from indexer.index.build import build_index

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FETCHED_AT = "2026-11-01T00:00:00+00:00"


@dataclass
class Page:
    id: str  # the file name without .json
    url: str
    content_type: str  # "text/html" or "application/pdf"
    body: bytes
    expect: dict[str, Any]


def render_pdf(spec: dict[str, Any]) -> bytes:
    """A PDF whose pages print `spec["pages"]` (lists of lines) one line per row."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    if DEJAVU.exists():
        pdf.add_font("DejaVu", fname=str(DEJAVU))
        font, clean = "DejaVu", str
    else:
        font = "Helvetica"

        def clean(line: str) -> str:
            return line.encode("latin-1", "replace").decode("latin-1")

    if spec.get("title"):
        pdf.set_title(spec["title"])
    for lines in spec["pages"]:
        pdf.add_page()
        pdf.set_font(font, size=10)
        for line in lines:
            pdf.cell(0, 5.5, clean(line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def load_page(path: Path) -> Page:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["content_type"] == "application/pdf":
        body = render_pdf(data["pdf"])
    else:
        body = data["html"].encode("utf-8")
    return Page(path.stem, data["url"], data["content_type"], body, data.get("expect") or {})


def load_pages(folder: Path) -> list[Page]:
    """Every page file of a folder, sorted by id."""
    return [load_page(p) for p in sorted(Path(folder).glob("*.json"))]


def write_corpus(pages: list[Page], root: Path) -> Corpus:
    """Store the pages' bodies and manifest records as a crawl would, then extract them."""
    corpus = Corpus(root)
    for page in pages:
        sha, size = corpus.write_object([page.body])
        corpus.append_record(
            ManifestRecord(
                url=page.url,
                final_url=page.url,
                canonical_url=page.url,
                status=200,
                content_type=page.content_type,
                sha256=sha,
                size=size,
                fetched_at=FETCHED_AT,
            )
        )
    extract_corpus(corpus)
    return corpus


def build_set_index(pages: list[Page], workdir: Path) -> Path:
    """Extract and index the pages under workdir; returns the index folder."""
    write_corpus(pages, workdir / "corpus")
    index_dir = workdir / "index"
    build_index(workdir / "corpus", index_dir)
    return index_dir


def url_to_id(pages: list[Page]) -> dict[str, str]:
    """Map each page's URL to its id, to score results by page id."""
    return {page.url: page.id for page in pages}


def norm(text: str) -> str:
    """NFKC and folded whitespace: how evaluation texts are compared."""
    return " ".join(unicodedata.normalize("NFKC", text).split())
