"""The pipeline measured on the real-page development set (bench/data/real/).

    python bench/real_eval.py [--half heldout|dev] [--before REV] [--verbose]

Needs the page text cache (`bench/data/real/cache/`, git-ignored; `bench/data/README.md`
says how to rebuild it): without it this says so in one line and exits 0.

Each cached page of the half becomes a plain HTML page (its text, one paragraph a line, with
a canonical link to its real address), or a PDF where the real page was one, on a loopback
site. Each side (this checkout, and with `--before REV` that commit, checked out with `git
worktree add --detach`) runs in a subprocess with its own code first on the import path:
`apec-search crawl --seed` over the site, `apec-search index`, then it lists its documents,
answers the questions, runs the topical queries and lists its commitments. The sides never
see a label; the scores are computed here, against `labels.jsonl`, `questions.jsonl`,
`queries.jsonl` and `commitments.jsonl` (formats in `bench/data/real/LABELLING.md`).

Pages are split into halves once, by their id (the first 16 hex digits of the URL's
SHA-256): an even first 8 digits is `dev`, odd is `heldout`. Tune on dev; report held-out.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after a side's own code, which the worker puts first

# this script's own folder, not an older side's bench/ (which has no real_cache)
from real_cache import page_id  # noqa: E402

DATA = ROOT / "bench" / "data" / "real"
CACHE = DATA / "cache"
BEFORE = "4d62b53"  # main before the stage packages and the record
SAFE = "/?&=%:+,;@"  # characters kept as they are in a loopback path
PDF_LINES = 45  # printed lines per rendered PDF page
# Classes a user filters by, each the labelled types it covers.
CLASSES = {
    "statements": {"ministerial_statement", "chairs_statement", "declaration"},
    "news": {"news_release", "news_article"},
    "speeches": {"speech"},
    "reports": {"meeting_report"},
    "plans": {"strategic_plan", "terms_of_reference", "initiative"},
}
STATEMENTS = CLASSES["statements"]
NUMBERED = STATEMENTS | {"meeting_report"}  # documents whose paragraphs the source numbers
PARAGRAPH_KEYS = ("text", "kind", "number")
ANSWER_KEYS = ("answer", "span", "url", "confidence", "answer_kind", "link")
SOURCE_NUMBER = re.compile(r"^(\d{1,3})\.\s")  # "7. We agree ..."
MIN_CONTAINED_CHROME = 12  # characters; a shorter chrome line must be a paragraph of its own
SIDE_TIMEOUT = 1800  # seconds for one side's crawl, index and queries


def half_of(key: str) -> str:
    """ "dev" or "heldout", fixed by a page id (see the module docstring); an unanswerable
    question goes by ``page_id`` of its own id."""
    return "dev" if int(key[:8], 16) % 2 == 0 else "heldout"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def fold(text: str | None) -> str:
    """Case, accents, NFKC and whitespace folded, for comparing labels with output."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


# -- the loopback site ----------------------------------------------------------------------


@dataclass
class Page:
    id: str
    url: str
    title: str | None  # the page's own title, as the labeller read it in the page's text
    text: str
    pdf: bool


def render_html(page: Page) -> bytes:
    """The page's text as a plain HTML page: one paragraph a line ("- " lines as list items),
    its title in <title>, a canonical link to the real address."""
    out, in_list = [], False
    for line in (raw.strip() for raw in page.text.splitlines()):
        if not line:
            continue
        item = line.startswith(("- ", "• "))
        if item != in_list:
            out.append("<ul>" if item else "</ul>")
            in_list = item
        out.append(f"<li>{html.escape(line[2:])}</li>" if item else f"<p>{html.escape(line)}</p>")
    if in_list:
        out.append("</ul>")
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(page.title or "")}'
        f'</title><link rel="canonical" href="{html.escape(page.url)}"></head>'
        f"<body><main>{''.join(out)}</main></body></html>"
    ).encode()


def render_pdf(page: Page) -> bytes:
    from bench.realdocs import render_pdf as print_lines

    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    pages = [lines[i : i + PDF_LINES] for i in range(0, len(lines), PDF_LINES)] or [[""]]
    return print_lines({"title": page.title, "pages": pages})


def cached_pages(labels: dict[str, dict]) -> list[Page]:
    """The pages of ``labels`` (id -> label) whose text the cache holds, in label order."""
    pages = []
    for key, label in labels.items():
        cached = CACHE / f"{key}.json"
        if cached.exists():
            entry = json.loads(cached.read_text(encoding="utf-8"))
            pdf = label.get("format") == "pdf"
            pages.append(Page(key, entry["url"], label.get("title"), entry["text"], pdf))
    return pages


def path_of(page: Page) -> str:
    """The page's path on the loopback site: its id, then its real address without the
    scheme, so that what a path tells (a news folder, a year, ".pdf") is there as on the
    real site, and two addresses that differ only in case or ".aspx" stay two pages."""
    return f"/{page.id}/" + quote(page.url.split("://", 1)[-1], safe=SAFE)


class Site:
    """A loopback HTTP site: `/` links to every page, `/p/<id>` (or `.pdf`) serves one."""

    def __init__(self, pages: list[Page]):
        bodies = {path_of(p): (render_pdf(p) if p.pdf else render_html(p), p.pdf) for p in pages}
        # As a web server, a page whose address has a query (tracking parameters, which the
        # crawler drops) is served without it too, when no other page has its path.
        paths = Counter(path.split("?", 1)[0] for path in bodies)
        bare = {p.split("?", 1)[0]: b for p, b in bodies.items() if paths[p.split("?", 1)[0]] == 1}
        # As a web server, a page is found however its address escapes characters that need
        # none there ("unit=150%2C151" or "unit=150,151"; "97%2F34" or "97/34" in a query).
        decoded = {unquote(p): b for p, b in bodies.items()}
        links = "".join(f'<li><a href="{html.escape(path_of(p))}">{p.id}</a></li>' for p in pages)
        bodies["/"] = (f"<!DOCTYPE html><html><body><ul>{links}</ul></body></html>".encode(), False)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                found = (
                    bodies.get(self.path)
                    or bodies.get(quote(unquote(self.path), safe=SAFE))
                    or decoded.get(unquote(self.path))
                    or bare.get(self.path)
                )
                if not found:
                    self.send_error(404)
                    return
                body, pdf = found
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf" if pdf else "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()


# -- one side: crawl, index, ask (runs with that side's code on the path) -------------------


def crawl_and_index(site: str, work: Path) -> Path:
    """Crawl the loopback ``site`` into ``work``/corpus and index it into ``work``/index
    with the code on the import path; the index folder."""
    corpus, index = work / "corpus", work / "index"
    cli = [sys.executable, "-m", "indexer.cli"]
    for args in (
        ["crawl", "--seed", site, "--delay", "0", "--max-pages", "5000"],
        ["index"],
    ):
        where = ["--corpus", str(corpus)] + (["--index", str(index)] if args == ["index"] else [])
        subprocess.run(cli + args + where, check=True, capture_output=True, timeout=SIDE_TIMEOUT)
    return index


def worker(request_file: Path, out_file: Path) -> None:
    """Crawl and index the site with the code on the import path, then write its output:
    {"documents": [...], "answers": {id: ...}, "search": {id: [url...]}, "commitments": [...]}."""
    from indexer.ask import answer
    from indexer.commitments.store import find_commitments
    from indexer.search import Engine

    request = json.loads(request_file.read_text(encoding="utf-8"))
    # beside the request, in run_side's temporary folder: removed with it
    index = crawl_and_index(request["site"], request_file.parent / "work")
    engine = Engine(index)
    ids, page = [], 1  # every document: each work's primary, and its copies where listed
    while True:
        found = engine.search("", limit=100, page=page)
        for r in found["results"]:
            ids += [r["id"]] + [c["id"] for c in r.get("copies", [])]
        if page * 100 >= found["total"]:
            break
        page += 1
    documents = []
    keep = ("title", "url", "fetched_url", "doc_type", "year", "date", "location")
    more = ("meeting_number", "publisher", "meeting", "role", "work_id")
    for doc_id in dict.fromkeys(ids):
        doc = engine.document(doc_id) or {}
        paragraphs = doc.get("paragraphs", [])
        documents.append(
            {k: doc.get(k) for k in keep + more}
            | {"id": doc_id, "text": "\n".join(p["text"] for p in paragraphs)}
            | {"paragraphs": [{k: p[k] for k in PARAGRAPH_KEYS if k in p} for p in paragraphs]}
            | {"links": [p["link"] for p in paragraphs if p.get("link")]}
        )
    answers = {}
    for q in request["questions"]:
        got = answer(engine, q["question"])
        answers[q["id"]] = {
            "confident": got["confident"],
            "answers": [{k: a.get(k) for k in ANSWER_KEYS} for a in got["answers"]],
        }
    try:  # the results the search box shows (a question: its content words), where it is
        from indexer.ask.search_box import search_box
    except ImportError:  # a side older than the search box: the engine's
        search_box = None
    search = {}
    for q in request["queries"]:
        if search_box is None:
            found = engine.search(q["query"], limit=10)
        else:
            found = search_box(engine, q["query"], answer=False, limit=10)
        shown = (found["results"] + found.get("partial", []) + found.get("related", []))[:10]
        search[q["id"]] = [
            {"url": r["url"], "fetched_url": r.get("fetched_url"), "link": r.get("link")}
            | {
                "copies": [
                    (engine.document(c["id"]) or {}).get("fetched_url") for c in r.get("copies", [])
                ]
            }
            for r in shown
        ]
    commitments, texts = [], {}
    for c in find_commitments(engine):
        if c.doc_id not in texts:  # the text the record was read from, to check it is there
            doc = engine.document(c.doc_id) or {}
            texts[c.doc_id] = "\n".join(p["text"] for p in doc.get("paragraphs", []))
        shown = {
            "urls": [c.url] + [s.get("url") for s in c.sources],
            "strength": c.strength,
            "year": c.year,
            "lead_in": getattr(c, "lead_in", None),  # a list item's lead-in, shown with it
        }
        commitments.append(shown | {"text": c.text, "verbatim": c.text in texts[c.doc_id]})
        # the sentences of other works listed under it as reporting it ("Reported in")
        for report in getattr(c, "reported_in", []):
            if report.get("text"):
                commitments.append(
                    shown | {"text": report["text"], "urls": [report.get("url")], "report": True}
                )
    try:  # the record of meetings, where the side's code builds one
        from indexer.record.store import load_meetings

        meetings = load_meetings(index)
    except ImportError:
        meetings = None
    engine.close()
    out = {"documents": documents, "answers": answers, "search": search, "meetings": meetings}
    out["commitments"] = commitments
    out_file.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def run_side(code: Path, request: dict[str, Any]) -> dict[str, Any]:
    """Run the worker with ``code`` first on the import path; its output."""
    with tempfile.TemporaryDirectory(prefix="real-eval-side-") as tmp:
        req, out = Path(tmp) / "request.json", Path(tmp) / "out.json"
        req.write_text(json.dumps(request), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": f"{code}{os.pathsep}{ROOT}"}
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(req), str(out)],
            cwd=code,
            env=env,
            capture_output=True,
            text=True,
            timeout=SIDE_TIMEOUT,
        )
        if proc.returncode:
            raise SystemExit(f"the side with the code in {code} failed:\n{proc.stderr[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


# -- scoring ------------------------------------------------------------------------------


def page_of(pages: list[Page], found: dict) -> str | None:
    """The id of the page a document or result is (by its fetched path, else its URL)."""
    fetched = urlsplit(found.get("fetched_url") or "")
    head = fetched.path.strip("/").split("/", 1)[0]
    ids = {p.id: p.id for p in pages} | {p.url: p.id for p in pages}
    return ids.get(head) or ids.get(found.get("url") or "")


def match_documents(pages: list[Page], documents: list[dict]) -> dict[str, dict]:
    """page id -> the indexed document of that page."""
    return {found: doc for doc in documents if (found := page_of(pages, doc))}


def place_right(label: dict | None, location: str | None) -> bool:
    return bool(label and label.get("city")) and fold(label["city"]) in fold(location)


def publisher_right(label: str | None, got: str | None) -> bool:
    a, b = fold(label), fold(got)
    return bool(a and b) and (a == b or a in b or b in a)


def pct(n: int, d: int) -> str:
    return f"{n / d:6.1%} ({n}/{d})" if d else "     –"


def score_documents(labels: dict[str, dict], docs: dict[str, dict]) -> dict[str, str]:
    rows: dict[str, str] = {}
    pages = [p for p in labels.values() if not p.get("hub")]
    hubs = [p for p in labels.values() if p.get("hub")]
    rows["documents indexed"] = pct(sum(p["id"] in docs for p in pages), len(pages))
    rows["hub pages indexed"] = f"{sum(p['id'] in docs for p in hubs)} of {len(hubs)}"
    typed = [(p["doc_type"], (docs.get(p["id"]) or {}).get("doc_type") or "missing") for p in pages]
    rows["type accuracy"] = pct(sum(a == b for a, b in typed), len(typed))
    for name, kinds in CLASSES.items():
        of_class = [(a, b) for a, b in typed if a in kinds]
        false = sum(1 for a, b in typed if b in kinds and a not in kinds)
        rows[f"  {name} recall (false)"] = (
            f"{pct(sum(b in kinds for _, b in of_class), len(of_class))}  ({false} false)"
        )
    for field, right in (
        ("year", lambda p, d: d.get("year") == p["year"]),
        ("date", lambda p, d: d.get("date") == p["date"]),
        ("place", lambda p, d: place_right(p["place"], d.get("location"))),
        ("publisher", lambda p, d: publisher_right(p["publisher"], d.get("publisher"))),
    ):
        wanted = [p for p in pages if p.get(field)]
        rows[field] = pct(sum(right(p, docs.get(p["id"]) or {}) for p in wanted), len(wanted))
    outcome = [
        p
        for p in pages
        if (p.get("meeting") or {}).get("series") == "sme_ministerial"
        and p["meeting"].get("relation") == "outcome"
        and p["meeting"].get("number")
    ]
    numbered = sum(number_of(docs.get(p["id"])) == p["meeting"]["number"] for p in outcome)
    false_numbers = sum(
        1
        for p in pages
        if p not in outcome
        and number_of(docs.get(p["id"])) is not None
        and (p.get("meeting") or {}).get("number") != number_of(docs.get(p["id"]))
    )
    rows["meeting number (outcomes)"] = (
        f"{pct(numbered, len(outcome))}  ({false_numbers} wrong elsewhere)"
    )
    # every page's meeting, news about it too: what a search naming the meeting lists first
    given = {p["id"]: meeting_of(docs.get(p["id"])) for p in pages}
    labelled = [p for p in pages if label_meeting(p)]
    right = sum(given[p["id"]] == label_meeting(p) for p in labelled)
    other = sum(1 for p in pages if given[p["id"]] not in (None, label_meeting(p)))
    rows["meeting of each page (series, number)"] = (
        f"{pct(right, len(labelled))}  ({other} given another)"
    )
    chrome = [(p["id"], line) for p in pages for line in p.get("chrome") or [] if p["id"] in docs]
    kept = sum(chrome_kept(line, docs[i]) for i, line in chrome)
    rows["chrome lines kept"] = f"{kept} of {len(chrome)}"
    numbered = [
        (int(m.group(1)), shown)
        for p in pages
        if p["doc_type"] in NUMBERED and p["id"] in docs
        for n, par in enumerate(docs[p["id"]].get("paragraphs") or [])
        if (m := SOURCE_NUMBER.match(par["text"]))
        for shown in [par["number"] if "number" in par else n + 1]
    ]
    rows["paragraphs numbered as the source"] = pct(sum(a == b for a, b in numbered), len(numbered))
    return rows


def chrome_kept(line: str, doc: dict) -> bool:
    """Whether a labelled chrome line is in the document: a paragraph is that line, or
    (a line long enough not to occur by chance) holds it."""
    line = fold(line)
    paragraphs = [fold(p["text"]) for p in doc.get("paragraphs") or []] or [fold(doc["text"])]
    if len(line) < MIN_CONTAINED_CHROME:
        return any(p == line or p.startswith(line + " ") for p in paragraphs)
    return any(line in p for p in paragraphs)


def fragment_text(link: str | None) -> str | None:
    """The text a deep link's text fragment (``#:~:text=``) asks the browser to find."""
    if not link or "#:~:text=" not in link:
        return None
    return unquote(link.split("#:~:text=", 1)[1].split("&", 1)[0])


def links_matching(pages: list[Page], docs: dict[str, dict], extra: list[tuple[str, str]]):
    """(deep links whose text fragment a browser finds on their page, deep links checked):
    every paragraph's link on each HTML page's document, and ``extra`` (page id, link) pairs
    (search results, answers). A text fragment matches within one block of the page
    (here a line), case-insensitively, whitespace collapsed (WICG Scroll-to-Text-Fragment)."""
    blocks = {
        p.id: [" ".join(line.split()).casefold() for line in p.text.splitlines() if line.strip()]
        for p in pages
        if not p.pdf
    }
    checked = [(i, link) for i, d in docs.items() if i in blocks for link in d.get("links") or []]
    checked += [(i, link) for i, link in extra if i in blocks]
    quoted = [(i, t) for i, link in checked if (t := fragment_text(link))]
    found = sum(any(" ".join(t.split()).casefold() in b for b in blocks[i]) for i, t in quoted)
    return found, len(quoted)


def score_meetings(labels: dict[str, dict], meetings: list[dict] | None) -> dict[str, str]:
    """SME Ministerial Meetings of the labelled outcome pages found in the record with the
    right number, year and city (the label's year and place of the meeting's outcome)."""
    expected: dict[int, tuple[int, str]] = {}
    for p in labels.values():
        m = p.get("meeting") or {}
        city = (p.get("place") or {}).get("city")
        if m.get("series") == "sme_ministerial" and m.get("relation") == "outcome" and city:
            expected.setdefault(m["number"], (p["year"], city))
    if meetings is None:
        return {"meetings right (number, year, city)": "     – (no record)"}
    found = {m["number"]: m for m in meetings if m["series"] == "sme_ministerial" and m["number"]}
    right = sum(
        n in found and found[n]["year"] == year and fold(city) in fold(found[n]["city"])
        for n, (year, city) in expected.items()
    )
    return {
        "meetings right (number, year, city)": pct(right, len(expected)),
        "  evidence stating its value": evidence_stating(meetings),
    }


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def states(field: str, value: str, text: str) -> bool:
    """Whether an evidence sentence writes the value it is cited for: a year's digits, a
    date's day and month, a city as the sentence spells it (``written`` where the record
    keeps it: "HCM City" for Ho Chi Minh City)."""
    text = fold(text)
    if field == "year":
        return value in text
    if field == "date":
        _, month, day = value.split("-")
        return MONTHS[int(month) - 1] in text and bool(re.search(rf"\b0?{int(day)}\b", text))
    return fold(value) in text


def evidence_stating(meetings: list[dict]) -> str:
    """Of the SME Ministerial Meetings' evidence for year, date and city, the entries whose
    sentence writes the value (label-free: a sentence cited for a value must state it)."""
    cited = [
        (e["field"], e.get("written") or e["value"], e["text"])
        for m in meetings
        if m["series"] == "sme_ministerial"
        for e in m["evidence"]
        if e["field"] in ("year", "date", "city")
    ]
    return pct(sum(states(*c) for c in cited), len(cited))


def same_work(a: dict, b: dict) -> bool:
    """Whether two labelled pages are one work: the same meeting's outcome statement, or
    snapshots of one group page (a web page of the same title)."""
    ma, mb = a.get("meeting") or {}, b.get("meeting") or {}
    if a["doc_type"] in STATEMENTS and a["doc_type"] == b["doc_type"]:
        outcome = ma.get("relation") == mb.get("relation") == "outcome"
        return (
            outcome
            and ma.get("series") == mb.get("series")
            and ma.get("number") == mb.get("number") is not None
        )
    return (
        a["doc_type"] == b["doc_type"] == "web_page" and fold(a["title"]) == fold(b["title"]) != ""
    )


def score_works(labels: dict[str, dict], docs: dict[str, dict], search: dict) -> dict:
    """Pair precision and recall of the grouping into works (pairs of labelled pages both
    indexed), and how many topical queries' first pages hold two pages of one work."""
    ids = sorted(i for i in docs if not labels[i].get("hub"))
    pairs = [(a, b) for n, a in enumerate(ids) for b in ids[n + 1 :]]
    if not any(docs[i].get("work_id") for i in ids):
        return {"works: pair precision": "     – (no works)", "works: pair recall": "     –"}
    said = {(a, b) for a, b in pairs if docs[a]["work_id"] == docs[b]["work_id"]}
    truth = {(a, b) for a, b in pairs if same_work(labels[a], labels[b])}
    crowded = 0
    for shown in (list(filter(None, ids)) for ids in search.values()):
        crowded += any(
            same_work(labels[a], labels[b]) for n, a in enumerate(shown) for b in shown[n + 1 :]
        )
    return {
        "works: pair precision": pct(len(said & truth), len(said)),
        "works: pair recall": pct(len(said & truth), len(truth)),
        "first pages with two of one work": f"{crowded} of {len(search)}",
    }


def label_meeting(page: dict) -> tuple[str, int] | None:
    """(series, number) of the meeting a labelled page belongs to, None when unnumbered."""
    meeting = page.get("meeting") or {}
    return (meeting["series"], meeting["number"]) if meeting.get("number") else None


def meeting_of(doc: dict | None) -> tuple[str, int] | None:
    """(series, number) of the meeting the index puts a document in, None for none."""
    meeting = (doc or {}).get("meeting")
    if isinstance(meeting, dict) and meeting.get("number"):
        return (meeting["series"], meeting["number"])
    return None


def number_of(doc: dict | None) -> int | None:
    if not doc:
        return None
    meeting = doc.get("meeting")
    if isinstance(meeting, dict) and meeting.get("series") == "sme_ministerial":
        return meeting.get("number")
    return doc.get("meeting_number")


def confusion(labels: dict[str, dict], docs: dict[str, dict]) -> str:
    pairs = Counter(
        (p["doc_type"], (docs.get(p["id"]) or {}).get("doc_type") or "missing")
        for p in labels.values()
        if not p.get("hub")
    )
    wrong = [(n, a, b) for (a, b), n in pairs.items() if a != b]
    return "\n".join(f"    {n:3}  {a} -> {b}" for n, a, b in sorted(wrong, reverse=True))


def hit(answer: dict, wanted: list[str]) -> bool:
    text = fold(" ".join(str(answer.get(k) or "") for k in ("answer", "span")))
    return any(fold(w) in text for w in wanted)


BINS = 10  # reliability table: confidence bins of 0.1


def top_answers(questions: list[dict], answers: dict[str, dict]) -> list[tuple[float, bool]]:
    """Each question's first answer as (its confidence, whether it is right): an unanswerable
    question's first answer is never right; no answer at all is confidence 0."""
    out = []
    for q in questions:
        shown = answers[q["id"]]["answers"]
        first = shown[0] if shown else {}
        right = bool(shown) and q["answerable"] and hit(first, q["answers"])
        out.append((float(first.get("confidence") or 0.0), right))
    return out


def reliability(pairs: list[tuple[float, bool]]) -> list[tuple[float, float, int, float, float]]:
    """The reliability table: per confidence bin (low, high, count, mean confidence,
    share right), empty bins left out."""
    rows = []
    for b in range(BINS):
        low, high = b / BINS, (b + 1) / BINS
        inside = [(c, r) for c, r in pairs if low <= c < high or (b == BINS - 1 and c == 1.0)]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            rows.append((low, high, len(inside), mean, sum(r for _, r in inside) / len(inside)))
    return rows


def expected_calibration_error(pairs: list[tuple[float, bool]]) -> float:
    """ECE over BINS equal-width bins: the count-weighted mean gap between confidence and
    accuracy (Naeini et al. 2015; Guo et al. 2017, "On Calibration of Modern Neural
    Networks")."""
    n = len(pairs)
    return sum(count / n * abs(mean - acc) for _, _, count, mean, acc in reliability(pairs))


def score_questions(questions: list[dict], answers: dict[str, dict]) -> dict[str, str]:
    answerable = [q for q in questions if q["answerable"]]
    rows = {}
    h1 = sum(
        bool(answers[q["id"]]["answers"]) and hit(answers[q["id"]]["answers"][0], q["answers"])
        for q in answerable
    )
    h3 = sum(any(hit(a, q["answers"]) for a in answers[q["id"]]["answers"][:3]) for q in answerable)
    rows["QA hit@1"] = pct(h1, len(answerable))
    rows["QA hit@3"] = pct(h3, len(answerable))
    sure = [q for q in questions if answers[q["id"]]["confident"]]
    right = sum(q["answerable"] and hit(answers[q["id"]]["answers"][0], q["answers"]) for q in sure)
    rows["confident answers right"] = pct(right, len(sure))
    rows["  answerable answered confidently"] = pct(
        sum(answers[q["id"]]["confident"] for q in answerable), len(answerable)
    )
    unanswerable = [q for q in questions if not q["answerable"]]
    rows["unanswerable declined"] = pct(
        sum(not answers[q["id"]]["confident"] for q in unanswerable), len(unanswerable)
    )
    if questions:
        rows["expected calibration error"] = (
            f"{expected_calibration_error(top_answers(questions, answers)):6.3f}"
        )
    for kind in sorted({q["kind"] for q in answerable}):
        of_kind = [q for q in answerable if q["kind"] == kind]
        right = sum(hit((answers[q["id"]]["answers"] or [{}])[0], q["answers"]) for q in of_kind)
        rows[f"  hit@1 {kind}"] = pct(right, len(of_kind))
    return rows


def print_reliability(name: str, questions: list[dict], answers: dict[str, dict]) -> None:
    print(f"\nreliability, {name} (first answer of each question):")
    print(f"    {'confidence':>12} {'answers':>8} {'mean conf':>10} {'right':>8}")
    for low, high, count, mean, acc in reliability(top_answers(questions, answers)):
        print(f"    {low:4.1f} – {high:3.1f} {count:8} {mean:10.3f} {acc:8.3f}")


def print_question_misses(name: str, questions: list[dict], answers: dict[str, dict]) -> None:
    """Each question whose first answer is wrong or whose confidence says otherwise."""
    print(f"\nquestions, {name} (wrong first answers, and unanswerable ones answered):")
    for q in questions:
        got = answers[q["id"]]
        first = (got["answers"] or [{}])[0]
        right = q["answerable"] and hit(first, q["answers"])
        if right and got["confident"] or not q["answerable"] and not got["confident"]:
            continue
        mark = "right, declined" if right else "WRONG, confident" if got["confident"] else "wrong"
        print(
            f"  {q['id']} [{q['kind']}] {mark} {first.get('confidence')}: {q['question']}\n"
            f"      want {q['answers']}; got span {first.get('span')!r}"
            f" in {str(first.get('answer'))[:160]!r}"
        )


def score_queries(
    queries: list[dict], search: dict[str, list[list[str]]], labels: dict[str, dict]
) -> dict[str, str]:
    """Recall@10, MRR and precision@10 (results among the first ten whose page or a copy's
    is relevant, over ten), for named-thing queries (a document or meeting by name:
    `"kind": "named"`) and topical ones apart; ``search`` holds each query's results, each
    as the page ids of its work (its own page and its copies'). Precision is also given
    counting each labelled work once (``works_once``): two results that are one work (two
    snapshots, or a statement and a copy left ungrouped) fill two slots of the first page
    but give the reader one relevant document."""
    rows = {}
    for kind in ("named", "topical"):
        of_kind = [q for q in queries if q.get("kind", "topical") == kind]
        recalls, ranks, precisions, once = [], [], [], []
        for q in of_kind:
            relevant = set(q["relevant"])
            results = search[q["id"]]
            got = [i for ids in results for i in ids]
            recalls.append(len(relevant & set(got)) / min(len(relevant), 10))
            ranks.append(next((1 / (i + 1) for i, u in enumerate(got) if u in relevant), 0.0))
            precisions.append(sum(bool(relevant & set(ids)) for ids in results[:10]) / 10)
            once.append(works_once(results[:10], relevant, labels) / 10)
        n = len(of_kind)
        rows[f"{kind} recall@10"] = f"{sum(recalls) / n:6.3f} ({n} queries)" if n else "     –"
        rows[f"{kind} MRR"] = f"{sum(ranks) / n:6.3f}" if n else "     –"
        rows[f"{kind} precision@10"] = f"{sum(precisions) / n:6.3f}" if n else "     –"
        rows[f"  {kind}, each work once"] = f"{sum(once) / n:6.3f}" if n else "     –"
    return rows


def works_once(results: list[list[str]], relevant: set[str], labels: dict[str, dict]) -> int:
    """How many of ``results`` (each as its work's page ids) are relevant, a result that is
    one work (``same_work``) with a relevant result before it not counted again."""
    counted: list[str] = []
    n = 0
    for ids in results:
        found = relevant & set(ids)
        if found and not any(
            a == b or same_work(labels[a], labels[b]) for a in found for b in counted
        ):
            n += 1
        counted.extend(found)
    return n


def query_figures(query: dict, results: list[list[str]]) -> tuple[int | None, int]:
    """(rank from 1 of the first relevant result or None, relevant results among the
    first ten) of one query, as ``score_queries`` counts them."""
    relevant = set(query["relevant"])
    rank = next((i + 1 for i, ids in enumerate(results) if relevant & set(ids)), None)
    return rank, sum(bool(relevant & set(ids)) for ids in results[:10])


def print_query_changes(queries: list[dict], searches: dict[str, dict]) -> None:
    """Each query whose first relevant rank or relevant count in the first ten differs
    between the sides, or whose first result is not relevant: the figures of each side."""
    print("\nqueries (first relevant rank, relevant in the first ten; per side):")
    for q in queries:
        figures = [query_figures(q, s[q["id"]]) for s in searches.values()]
        if len(set(figures)) > 1 or figures[-1][0] != 1:
            shown = "   ".join(f"{rank or '-':>2} {n:2}" for rank, n in figures)
            print(f"  [{q.get('kind', 'topical')[:5]}] {shown}   {q['query']}")


def score_commitments(labelled: list[dict], records: list[dict], work_of) -> dict[str, str]:
    """Recall, strength and year of the labelled commitment sentences, the labelled
    non-commitments left out (and how many are listed), how many records there are, how many
    have a `text` that is not in the document it was read from, and how many are undated.

    A record counts for a labelled page when it was read from that page or from another copy
    of its work (``work_of``: URL -> work, or None); a sentence is found as a record's text,
    as the lead-in shown with a list item, or as another work's sentence listed under a
    record as reporting it."""

    def found(label: dict) -> dict | None:
        start = fold(label["first_words"])
        work = work_of(label["url"]) or label["url"]
        for r in records:
            same = any((work_of(u) or u) == work for u in r["urls"])
            for text in (fold(r["text"]), fold(r.get("lead_in"))):
                if same and (text.startswith(start) or f" {start}" in text[:200]):
                    return r
        return None

    commits = [c for c in labelled if c["commitment"]]
    hits = [(c, found(c)) for c in commits]
    hits = [(c, r) for c, r in hits if r]
    nots = [c for c in labelled if not c["commitment"]]
    listed = sum(found(c) is not None for c in nots)
    own = [r for r in records if not r.get("report")]
    return {
        "commitment recall": pct(len(hits), len(commits)),
        "  strength right": pct(sum(c["strength"] == r["strength"] for c, r in hits), len(hits)),
        "  year right": pct(sum(c["year"] == r["year"] for c, r in hits), len(hits)),
        "non-commitments left out": pct(len(nots) - listed, len(nots)),
        "  listed (precision on them)": f"{listed} of {len(nots)}",
        "records": str(len(own)),
        "  text not in its source": f"{sum(not r.get('verbatim', True) for r in own)}",
        "  undated": str(sum(r["year"] is None for r in own)),
    }


def evaluate(output: dict, pages: list[Page], labels, questions, queries, commitments):
    docs = match_documents(pages, output["documents"])
    rows = score_documents(labels, docs)
    rows |= score_meetings(labels, output.get("meetings"))
    # a result stands for its work: its own page and its copies'
    search = {
        q: [
            [
                i
                for i in [page_of(pages, r)]
                + [page_of(pages, {"fetched_url": u}) for u in r.get("copies", [])]
                if i
            ]
            for r in results
        ]
        for q, results in output["search"].items()
    }
    shown = {q: [page_of(pages, r) for r in rs] for q, rs in output["search"].items()}
    rows |= score_works(labels, docs, shown)
    rows |= score_questions(questions, output["answers"])
    rows |= score_queries(queries, search, labels)
    rows["_search"] = search  # per query, for print_query_changes
    extra = [
        (i, r.get("link"))
        for results in output["search"].values()
        for r in results
        if (i := page_of(pages, r))
    ]
    extra += [
        (i, a.get("link"))
        for got in output["answers"].values()
        for a in got["answers"]
        if (i := page_of(pages, {"url": a.get("url")}))
    ]
    found, checked = links_matching(pages, docs, extra)
    rows["deep links matching their page"] = pct(found, checked)
    work = {doc.get("url"): doc.get("work_id") for doc in output["documents"]}
    work |= {p.url: docs[p.id].get("work_id") for p in pages if p.id in docs}
    rows |= score_commitments(commitments, output["commitments"], work.get)
    return rows, docs


def half_pages(half: str) -> tuple[list[Page], dict[str, dict]]:
    """The cached pages of ``half`` ("dev" or "heldout") and their labels by page id."""
    labels = {p["id"]: p for p in read_jsonl(DATA / "labels.jsonl") if p["split"] == half}
    pages = cached_pages(labels)
    return pages, {p.id: labels[p.id] for p in pages}


def half_questions(half: str, pages: list[Page]) -> list[dict]:
    """The questions of ``half``: those its pages answer, and its unanswerable ones."""
    urls = {p.url for p in pages}
    return [
        q
        for q in read_jsonl(DATA / "questions.jsonl")
        if (q["url"] in urls if q["answerable"] else half_of(page_id(q["id"])) == half)
    ]


AGREEMENT_FIELDS = ("doc_type", "year", "date", "place", "publisher", "meeting", "hub")


def agreement() -> None:
    """Per field, how often the second labeller agrees with the first on the pages both
    labelled (place by city, publisher and meeting number as the scores compare them)."""
    first = {p["id"]: p for p in read_jsonl(DATA / "labels.jsonl")}
    second = [p for p in read_jsonl(DATA / "labels_second.jsonl") if p["id"] in first]
    same = {
        "place": lambda a, b: fold((a or {}).get("city")) == fold((b or {}).get("city")),
        "publisher": lambda a, b: publisher_right(a, b) or a == b,
        "meeting": lambda a, b: (a or {}).get("number") == (b or {}).get("number"),
    }
    print(f"inter-labeller agreement on {len(second)} pages labelled twice:")
    for field in AGREEMENT_FIELDS:
        equal = same.get(field, lambda a, b: a == b)
        n = sum(equal(first[p["id"]].get(field), p.get(field)) for p in second)
        print(f"  {field:10} {pct(n, len(second))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("heldout", "dev"), default="heldout")
    ap.add_argument("--before", default=BEFORE, help="the commit to run beside this checkout")
    ap.add_argument("--no-before", action="store_true", help="run this checkout only")
    ap.add_argument("--verbose", action="store_true", help="print the type confusion")
    ap.add_argument("--agreement", action="store_true", help="print inter-labeller agreement")
    ap.add_argument("--worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    if args.agreement:
        agreement()
        return
    if not CACHE.is_dir() or not any(CACHE.glob("*.json")):
        print(f"no page text cache in {CACHE}: see bench/data/README.md to rebuild it; skipped")
        return
    pages, labels = half_pages(args.half)
    urls = {p.url for p in pages}
    by_url = {p.url: p.id for p in pages}
    questions = half_questions(args.half, pages)
    queries = [
        q | {"relevant": [by_url[u] for u in q["relevant"] if u in by_url]}
        for q in read_jsonl(DATA / "queries.jsonl")
    ]
    queries = [q for q in queries if q["relevant"]]
    commitments = [c for c in read_jsonl(DATA / "commitments.jsonl") if c["url"] in urls]
    request = {
        "questions": [{"id": q["id"], "question": q["question"]} for q in questions],
        "queries": [{"id": q["id"], "query": q["query"]} for q in queries],
    }
    print(
        f"real-page development set, {args.half} half: {len(pages)} pages"
        f" ({sum(bool(p.get('hub')) for p in labels.values())} hubs), {len(questions)} questions,"
        f" {len(queries)} queries ({sum(q.get('kind') == 'named' for q in queries)} named),"
        f" {len(commitments)} labelled sentences"
    )
    site = Site(pages)
    try:
        sides = {}
        if not args.no_before:
            with tempfile.TemporaryDirectory(prefix="real-eval-before-") as tmp:
                code = Path(tmp) / "code"
                subprocess.run(
                    [
                        "git",
                        "-C",
                        str(ROOT),
                        "worktree",
                        "add",
                        "--detach",
                        "-q",
                        str(code),
                        args.before,
                    ],
                    check=True,
                )
                try:
                    sides[f"before ({args.before})"] = run_side(code, request | {"site": site.url})
                finally:
                    subprocess.run(
                        ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(code)],
                        check=False,
                    )
        sides["after (this checkout)"] = run_side(ROOT, request | {"site": site.url})
    finally:
        site.stop()
    results = {
        name: evaluate(out, pages, labels, questions, queries, commitments)
        for name, out in sides.items()
    }
    names = list(results)
    print(f"\n{'':30}" + "".join(f"{n:>28}" for n in names))
    for row in results[names[-1]][0]:
        if row.startswith("_"):
            continue
        print(f"{row:30}" + "".join(f"{results[n][0].get(row, ''):>28}" for n in names))
    for name in names:
        print_reliability(name, questions, sides[name]["answers"])
    if args.verbose:
        print_question_misses(names[-1], questions, sides[names[-1]]["answers"])
        print_query_changes(queries, {n: results[n][0]["_search"] for n in names})
        for name in names:
            print(f"\ntype confusion, {name} (label -> given):")
            print(confusion(labels, results[name][1]))
        docs = results[names[-1]][1]
        print(f"\nmisses, {names[-1]} (field: label -> given; title):")
        for p in labels.values():
            if p.get("hub"):
                continue
            d = docs.get(p["id"]) or {}
            for field, got in (
                ("type", d.get("doc_type")),
                ("year", d.get("year")),
                ("place", d.get("location")),
                ("number", number_of(d)),
                ("meeting", meeting_of(d)),
            ):
                want = {
                    "type": p["doc_type"],
                    "year": p["year"],
                    "place": p.get("place"),
                    "number": (p.get("meeting") or {}).get("number"),
                    "meeting": label_meeting(p),
                }[field]
                if field == "place":
                    wrong = bool(want and want.get("city")) and not place_right(want, got)
                    want = (want or {}).get("city")
                elif field == "meeting":
                    wrong = want != got
                elif field == "number":
                    wrong = want != got and (
                        got is not None or (p.get("meeting") or {}).get("relation") == "outcome"
                    )
                else:
                    wrong = want is not None and want != got
                if wrong:
                    title = (d.get("title") or p.get("title") or "")[:60]
                    print(f"  {field}: {want} -> {got}; {title}  {p['url'][:70]}")


if __name__ == "__main__":
    main()
