"""Wall time of a full crawl of the test fixture site, then of an incremental re-crawl;
first with the default retry backoff (1, 2, 4 s on its always-500 page), then without.

    /work/venv/bin/python bench/crawl_fixture.py

Uses the fixture site of tests/sme_site.py on 127.0.0.1 with --delay 0 (its 429 page asks
for a 1 s Retry-After, which the first crawl honours).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.crawl.crawler import crawl  # noqa: E402
from tests.site import Site  # noqa: E402
from tests.sme_site import build_sme_site  # noqa: E402


def main() -> None:
    for backoff in (1.0, 0.0):
        print(f"backoff {backoff} s:")
        site, other = Site().start(), Site().start()
        build_sme_site(site, other_host=other.host)
        try:
            with tempfile.TemporaryDirectory() as corpus:
                crawl_twice(site, corpus, backoff)
        finally:
            site.stop()
            other.stop()


def crawl_twice(site: Site, corpus: str, backoff: float) -> None:
    for label in ("full crawl", "re-crawl (conditional GETs)"):
        site.clear_log()
        started = time.perf_counter()
        summary = crawl(corpus, seeds=[site.url("/")], delay=0, backoff=backoff)
        elapsed = time.perf_counter() - started
        print(f"{label}: {elapsed:.2f} s wall, {len(site.log)} requests")
        print("  " + summary.text().replace("\n", "\n  "))


if __name__ == "__main__":
    main()
