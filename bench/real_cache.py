"""Put one page's text into the real-page cache (bench/data/real/cache/, git-ignored).

    python bench/real_cache.py URL QUERY TEXT_FILE

The text is the page as the search tool's `pages` corpus returned it, saved to TEXT_FILE
first; the cache file is `cache/<id>.json` with `id` the first 16 hex digits of the URL's
SHA-256 (bench/data/real/LABELLING.md). Prints the id; an existing entry is kept unless its
text is shorter.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

CACHE = Path(__file__).resolve().parent / "data" / "real" / "cache"


def page_id(url: str) -> str:
    """The page's id: the first 16 hex digits of SHA-256 of its URL (UTF-8)."""
    return hashlib.sha256(url.encode()).hexdigest()[:16]


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    url, query, text_file = argv
    text = Path(text_file).read_text(encoding="utf-8")
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{page_id(url)}.json"
    if path.exists() and len(json.loads(path.read_text())["text"]) >= len(text):
        print(page_id(url), "(kept)")
        return 0
    entry = {"id": page_id(url), "url": url, "query": query, "text": text}
    path.write_text(json.dumps(entry, ensure_ascii=False, indent=1), encoding="utf-8")
    print(page_id(url))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
