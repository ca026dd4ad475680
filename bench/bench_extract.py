"""Print how long extraction takes on the test layouts and on hostile inputs.

Run from the repository root: python bench/bench_extract.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.extract import extract_bytes  # noqa: E402
from tests import pages, pdfs  # noqa: E402

CASES = {
    "modern CMS page": (pages.modern_cms_page().encode(), "text/html"),
    "table-layout page": (pages.table_layout_page().encode("iso-8859-1"), "text/html"),
    "blog reprint page": (pages.blog_reprint_page().encode(), "text/html"),
    "5 MB of one word": (b"<p>" + b"a" * 5_000_000 + b"</p>", "text/html"),
    "100,000 links": (
        "".join(f'<a href="/p{i}">page {i}</a> ' for i in range(100_000)).encode(),
        "text/html",
    ),
    "100,000 nested divs": (b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000, "text/html"),
    "20-page PDF": (pdfs.plan_pdf(pages=20), "application/pdf"),
    "PDF bomb page (20 MB inflated)": (
        pdfs.bomb_pdf(content_bytes=20_000_000, normal_page="Ordinary text"),
        "application/pdf",
    ),
}


def main() -> None:
    for name, (body, content_type) in CASES.items():
        start = time.perf_counter()
        doc = extract_bytes(body, "https://example.org/page", content_type)
        elapsed = time.perf_counter() - start
        chars = sum(len(p.text) for p in doc.paragraphs)
        print(f"{name:32} {len(body):>10,} bytes  {elapsed * 1000:8.1f} ms  {chars:>9,} chars")


if __name__ == "__main__":
    main()
