"""Measure extraction on a gold set of page files (bench/data/README.md), three ways at once.

    python bench/extract_eval.py bench/data/extract/tuning [--json] [--misses] [--before REV]

Columns: the extractor before this round (commit d617c96, or --before REV, checked out into
a temporary git worktree and run in a subprocess with that code on the import path),
trafilatura alone (`trafilatura.extract` text and `htmldate` date, nothing else: no hub
detection, no fields but the date and its year, no PDFs), and the extractor in this tree.

Rows, over the set's pages:
- paragraph recall: expected paragraphs found in the text of the pages that are not hubs (a
  page wrongly taken for a hub has no text: it is never indexed);
- chrome kept: chrome strings found in those texts (lower is better);
- hub accuracy: pages whose hub/not-hub call is right, over all pages;
- per field (doc_type, date, year, location, publisher, meeting_number): right over the
  pages that are not hubs; `location` is right when the city (before the first comma)
  agrees, `publisher` case-insensitively, null expected means null found.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "d617c96"
FIELDS = ("doc_type", "date", "year", "location", "publisher", "meeting_number")
COLUMNS = ("before", "trafilatura", "shipped")


# -- workers: run with the extractor under test on the import path ------------------------


def _project_outputs(set_dir: Path) -> list[dict[str, Any]]:
    from bench.realdocs import load_pages
    from indexer.extract import extract_bytes

    out = []
    for page in load_pages(set_dir):
        try:
            doc = extract_bytes(page.body, page.url, page.content_type)
        except Exception as exc:  # a page the extractor rejects counts as no text
            print(f"{page.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
            out.append({"id": page.id, "hub": False, "text": ""})
            continue
        hub = bool(getattr(doc, "hub", False))
        out.append(
            {
                "id": page.id,
                "hub": hub,
                "text": "" if hub else doc.text,
                **{name: getattr(doc, name, None) for name in FIELDS},
            }
        )
    return out


def _trafilatura_outputs(set_dir: Path) -> list[dict[str, Any]]:
    import trafilatura
    from htmldate import find_date

    from bench.realdocs import load_pages

    out = []
    for page in load_pages(set_dir):
        if page.content_type != "text/html":
            out.append({"id": page.id, "hub": False, "text": ""})
            continue
        html = page.body.decode("utf-8")
        date = find_date(html, url=page.url)
        out.append(
            {
                "id": page.id,
                "hub": False,
                "text": trafilatura.extract(html, url=page.url) or "",
                "date": date,
                "year": int(date[:4]) if date else None,
            }
        )
    return out


WORKERS = {"project": _project_outputs, "trafilatura": _trafilatura_outputs}


def _run_worker(kind: str, set_dir: Path, code_root: Path) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONPATH": str(code_root)}
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", kind, str(set_dir)],
        env=env,
        cwd=code_root,
        capture_output=True,
        text=True,
        check=True,
    )
    if proc.stderr.strip():
        print(proc.stderr.strip(), file=sys.stderr)
    return json.loads(proc.stdout)


def _before_outputs(set_dir: Path, before: str = BEFORE) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="extract-eval-") as tmp:
        tree = Path(tmp) / "before"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), before],
            check=True,
        )
        try:
            return _run_worker("project", set_dir, tree)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True
            )


# -- scoring ------------------------------------------------------------------------------


def _norm(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", text).split())


def _field_right(name: str, expected: Any, found: Any) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    if name == "location":
        city = str(expected).split(",")[0].strip().lower()
        return str(found).split(",")[0].strip().lower() == city
    if name == "publisher":
        return str(found).lower() == str(expected).lower()
    return found == expected


def score(expects: dict[str, dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Figures for one extractor: recall, chrome kept, hub accuracy, per-field accuracy, and
    the misses (page id -> what was wrong) to look at."""
    found_paras = total_paras = chrome = hubs_right = 0
    fields = {name: 0 for name in FIELDS}
    content_pages = 0
    misses: dict[str, list[str]] = {}
    for out in outputs:
        expect = expects[out["id"]]
        wrong = misses.setdefault(out["id"], [])
        if bool(expect.get("hub")) == out["hub"]:
            hubs_right += 1
        else:
            wrong.append(f"hub: found {out['hub']}")
        if expect.get("hub"):
            continue
        content_pages += 1
        text = _norm(out["text"])
        for para in expect.get("paragraphs", []):
            total_paras += 1
            if _norm(para) in text:
                found_paras += 1
            else:
                wrong.append(f"missing: {para[:60]}")
        for junk in expect.get("chrome", []):
            if _norm(junk) in text:
                chrome += 1
                wrong.append(f"chrome: {junk}")
        for name in FIELDS:
            if _field_right(name, expect.get(name), out.get(name)):
                fields[name] += 1
            else:
                wrong.append(f"{name}: {out.get(name)!r} (expected {expect.get(name)!r})")
    return {
        "paragraph_recall": found_paras / total_paras if total_paras else None,
        "chrome_kept": chrome,
        "hub_accuracy": hubs_right / len(outputs) if outputs else None,
        **{name: n / content_pages if content_pages else None for name, n in fields.items()},
        "misses": {k: v for k, v in misses.items() if v},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list what each extractor got wrong")
    parser.add_argument(
        "--before",
        default=BEFORE,
        help=f"commit whose extractor is the 'before' column (default {BEFORE})",
    )
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    set_dir = args.set_dir.resolve()
    if args.worker:
        print(json.dumps(WORKERS[args.worker](set_dir)))
        return
    expects = {
        p.stem: json.loads(p.read_text(encoding="utf-8")).get("expect") or {}
        for p in sorted(set_dir.glob("*.json"))
    }
    results = {
        "before": score(expects, _before_outputs(set_dir, args.before)),
        "trafilatura": score(expects, _run_worker("trafilatura", set_dir, ROOT)),
        "shipped": score(expects, _run_worker("project", set_dir, ROOT)),
    }
    if args.json:
        print(json.dumps(results, indent=1))
        return
    hubs = sum(bool(e.get("hub")) for e in expects.values())
    print(f"{set_dir.name}: {len(expects)} pages, {hubs} hubs")
    print(f"{'':18}" + "".join(f"{c:>13}" for c in COLUMNS))
    for row in ("paragraph_recall", "chrome_kept", "hub_accuracy", *FIELDS):
        cells = [results[c][row] for c in COLUMNS]
        shown = [f"{v:>13}" if isinstance(v, int) else f"{v:>13.1%}" for v in cells]
        print(f"{row:18}" + "".join(shown))
    if args.misses:
        for column in COLUMNS:
            print(f"\n== {column}")
            for page, wrong in results[column]["misses"].items():
                print(f"{page}: " + "; ".join(wrong))


if __name__ == "__main__":
    main()
