"""The crawl: a breadth-first walk from the sources, inside scope, politely and resumably.

Resuming: a run writes ``crawl-state.json`` (its start time and seeds) into the corpus
before its first request and removes it when it finishes. A run that finds the file of an
unfinished run with the same seeds carries that run on: every URL with a manifest record
fetched since that start time is not requested again; its stored body is read back from
the corpus instead, so the walk (and the links it discovers) is the same as before.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, deque
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from tqdm import tqdm

from indexer.crawl.corpus import Corpus, ManifestRecord, atomic_write_bytes, default_corpus_dir
from indexer.crawl.fetch import Fetcher, FetchResult, is_html, utc_now
from indexer.crawl.links import PageLinks, page_links
from indexer.crawl.robots import Robots
from indexer.crawl.sources import Sources, load_sources, sources_path
from indexer.crawl.urls import family, netloc, origin

MB = 1024 * 1024
STATE_FILE = "crawl-state.json"
TRAP_BUDGET = 20  # requests an endless chain of look-alike URLs may cost
DEFAULT_MAX_DEPTH = 6
NOT_FOUND = (404, 410)


class CrawlError(Exception):
    """The crawl could not start: no seed host answered (no network, or host unreachable).
    Nothing was written to the corpus."""


@dataclass
class Failure:
    url: str
    reason: str


@dataclass
class CrawlSummary:
    fetched: int = 0  # bodies downloaded (HTTP 200) and stored
    new: int = 0  # of those, URLs with no stored body before
    changed: int = 0  # of those, URLs whose stored body differed
    unchanged: int = 0  # 304 Not Modified, or the very same body again
    skipped_robots: int = 0  # disallowed by robots.txt, never requested
    out_of_scope: int = 0  # links (or redirects) outside scope or to private addresses
    too_large: int = 0  # bodies over --max-bytes, cut off and not stored
    skipped_type: int = 0  # neither HTML nor PDF, body not read
    trap: int = 0  # links of an endless chain beyond its budget
    links_capped: int = 0  # links not followed on pages with more than MAX_PAGE_LINKS
    not_found: int = 0  # 404/410
    refreshed: int = 0  # meta-refresh stubs, followed like a redirect and not stored as pages
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    resumed: int = 0  # URLs an interrupted run had already done
    max_pages_reached: bool = False
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # e.g. a Crawl-delay that was capped
    hubs: int = 0  # hub pages in the corpus (listings, calendars...): links followed, not indexed

    def to_dict(self) -> dict:
        return asdict(self)

    def text(self) -> str:
        head = (
            f"crawl: {self.fetched} fetched ({self.new} new, {self.changed} changed), "
            f"{self.unchanged} unchanged, {self.skipped_robots} skipped by robots.txt, "
            f"{self.out_of_scope} out of scope, {self.too_large} too large, "
            f"{self.skipped_type} not HTML/PDF, {self.trap} trap links, "
            f"{self.not_found} not found, {self.failed} failed"
        )
        if self.links_capped:
            head += f"; {self.links_capped} links not followed on pages with too many"
        if self.resumed:
            head += f"; resumed after {self.resumed} URLs already done"
        if self.max_pages_reached:
            head += "; stopped at --max-pages"
        if self.hubs:
            head += f"; {self.hubs} hub pages (links followed, not indexed)"
        head += f" in {self.seconds:.1f} s"
        lines = [head] + [f"  note: {note}" for note in self.notes]
        return "\n".join(lines + [f"  failed: {f.url}: {f.reason}" for f in self.failures])


@dataclass
class _Entry:
    urls: tuple[str, ...]  # the URL to fetch, then spellings to try if it is not found
    depth: int
    family: str
    linked_from: str | None  # family of the page that linked here; None for sources


def crawl(
    corpus: Corpus | Path | str | None = None,
    *,
    seeds: list[str] | None = None,
    sources: Sources | None = None,
    delay: float = 1.0,
    max_pages: int = 500,
    max_bytes: int = 25 * MB,
    timeout: float = 30.0,
    max_depth: int = DEFAULT_MAX_DEPTH,
    retries: int = 3,
    backoff: float = 1.0,
    max_retry_wait: float = 60.0,
    progress: bool = False,
) -> CrawlSummary:
    """Crawl into ``corpus`` (default: ``default_corpus_dir()``).

    ``seeds`` replaces the default sources (``<corpus>/sources.toml``, else the committed
    list) and limits the scope to the seeds' own hosts; ``sources`` gives a whole source
    list instead. Raises ``CrawlError`` without touching the corpus when no seed host
    answers; raises ``indexer.crawl.sources.SourcesError`` for a bad source list.
    """
    if not isinstance(corpus, Corpus):
        corpus = Corpus(corpus if corpus is not None else default_corpus_dir())
    if sources is None:
        sources = Sources.from_seeds(seeds) if seeds else load_sources(sources_path(corpus.root))
    fetcher = Fetcher(
        timeout=timeout,
        max_bytes=max_bytes,
        delay=delay,
        retries=retries,
        backoff=backoff,
        max_retry_wait=max_retry_wait,
    )
    try:
        crawler = _Crawler(corpus, sources, fetcher, max_pages=max_pages, max_depth=max_depth)
        return crawler.run(progress=progress)
    finally:
        fetcher.close()


class _Crawler:
    def __init__(
        self, corpus: Corpus, sources: Sources, fetcher: Fetcher, *, max_pages: int, max_depth: int
    ):
        self.corpus = corpus
        self.sources = sources
        self.rules = sources.rules()
        self.fetcher = fetcher
        self.robots = Robots(fetcher)
        self.max_pages = max_pages
        self.max_depth = max_depth
        self.summary = CrawlSummary()
        self.queue: deque[_Entry] = deque()
        self.seen: set[str] = set()
        self.pages = 0
        self.family_count: Counter[str] = Counter()
        self.hints = {
            self.rules.key(url): doc.hints for doc in sources.documents for url in doc.urls
        }
        self.done: dict[str, ManifestRecord] = {}  # this run's records, by URL
        self.stored: dict[str, ManifestRecord] = {}  # latest record with a body, by key

    # -- the run --------------------------------------------------------------------
    def run(self, *, progress: bool) -> CrawlSummary:
        started = time.monotonic()
        self._check_reachable()
        state_path = self.corpus.root / STATE_FILE
        self._begin(state_path)
        self.corpus.remove_temp_files()
        for seed in self.sources.seeds:
            self._enqueue((seed,), 0, None)
        for doc in self.sources.documents:
            self._enqueue(doc.urls, 0, None)
        bar = tqdm(
            desc="crawl",
            unit=" url",
            file=sys.stderr,
            disable=not progress or not sys.stderr.isatty(),
        )
        with bar:
            while self.queue:
                entry = self._next_entry()
                bar.set_postfix_str(entry.urls[0][-60:], refresh=False)
                self._visit(entry)
                bar.update()
        self.corpus.compact_manifest()
        state_path.unlink(missing_ok=True)
        self.summary.notes.extend(self.robots.notes)
        self.summary.seconds = round(time.monotonic() - started, 3)
        return self.summary

    def _check_reachable(self) -> None:
        """Ask each seed host for its robots.txt; if none answers, stop before any write."""
        starts = self.sources.seeds or [doc.urls[0] for doc in self.sources.documents]
        sites = dict.fromkeys(origin(self.rules.fetch_url(url)) for url in starts)
        reasons = {site: self.robots.unreachable(site) for site in sites}
        if all(reasons.values()):
            detail = "; ".join(f"{netloc(site)}: {why}" for site, why in reasons.items())
            raise CrawlError(f"cannot reach {detail} (no network?); the corpus is unchanged")

    def _begin(self, state_path: Path) -> None:
        """Start a run, or carry on the unfinished one recorded in the state file."""
        seeds = sorted(self.sources.seeds)
        state = None
        if state_path.exists():
            try:
                state = json.loads(state_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                state = None
        if not state or state.get("seeds") != seeds:
            state = {"started_at": utc_now(), "seeds": seeds}
            atomic_write_bytes(state_path, json.dumps(state).encode("utf-8"))
        started_at = _when(state["started_at"])
        for record in self.corpus.records().values():
            fetched_at = _when(record.fetched_at)
            if fetched_at is not None and started_at is not None and fetched_at >= started_at:
                self.done[record.url] = record
            if record.has_body:
                key = self.rules.key(record.url)
                known = self.stored.get(key)
                if known is None or (record.fetched_at or "") >= (known.fetched_at or ""):
                    self.stored[key] = record

    # -- the frontier ----------------------------------------------------------------
    def _enqueue(
        self, urls: tuple[str, ...], depth: int, linked_from: str | None, front: bool = False
    ) -> None:
        key = self.rules.key(urls[0])
        if key in self.seen:
            return
        self.seen.add(key)
        if not (self.rules.in_scope(urls[0]) and self.rules.address_allowed(urls[0])):
            self.summary.out_of_scope += 1
            return
        fetch_urls = tuple(self.rules.fetch_url(url) for url in urls)
        entry = _Entry(fetch_urls, depth, family(key), linked_from)
        if front:
            self.queue.appendleft(entry)
        else:
            self.queue.append(entry)

    def _next_entry(self) -> _Entry:
        """The first queued entry whose host may be asked now; else the head of the queue.
        A host with a long Crawl-delay thus waits its turn while the others go on."""
        for i, entry in enumerate(self.queue):
            if self.fetcher.wait_for(entry.urls[0]) <= 0:
                del self.queue[i]
                return entry
        return self.queue.popleft()

    def _visit(self, entry: _Entry) -> None:
        chain = entry.linked_from == entry.family
        if chain and self.family_count[entry.family] >= TRAP_BUDGET:
            self.summary.trap += 1
            return
        record, links = None, None
        for url in entry.urls:
            if self.pages >= self.max_pages:
                self.summary.max_pages_reached = True
                self.queue.clear()
                return
            record = self.done.get(url)
            if record is not None:
                self.summary.resumed += 1
                links = self._links(record)
            elif not self.robots.allowed(url):
                self._robots_refused(url)
                return
            else:
                record, links = self._fetch(url)
            self.pages += 1
            self.family_count[entry.family] += 1
            if record.status not in NOT_FOUND:
                break
        if record is not None and record.refresh:  # a stub: its target takes its place
            self._enqueue((record.refresh,), entry.depth, entry.family, front=True)
            return
        if record is None or links is None:
            return
        # (not the canonical URL the page names: a hint, trusted only once its text agrees,
        # so the page there is fetched as well)
        if record.final_url and self.rules.in_scope(record.final_url):
            self.seen.add(self.rules.key(record.final_url))
        self.summary.links_capped += links.capped
        if entry.depth < self.max_depth:
            for link in links.links:
                self._enqueue((link,), entry.depth + 1, entry.family)

    def _robots_refused(self, url: str) -> None:
        reason = self.robots.failure(url)
        if reason:
            self._failed(url, reason)
        else:
            self.summary.skipped_robots += 1

    def _failed(self, url: str, reason: str) -> None:
        self.summary.failed += 1
        self.summary.failures.append(Failure(url, reason))

    def _allow_redirect(self, url: str) -> bool:
        return (
            self.rules.in_scope(url)
            and self.rules.address_allowed(url)
            and self.robots.allowed(url)
        )

    # -- one fetch -------------------------------------------------------------------
    def _fetch(self, url: str) -> tuple[ManifestRecord, PageLinks | None]:
        key = self.rules.key(url)
        previous = self.stored.get(key)
        if previous is not None and not self.corpus.has_object(previous.sha256 or ""):
            previous = None
        result = self.fetcher.fetch(
            url,
            self.corpus,
            etag=previous.etag if previous else None,
            last_modified=previous.last_modified if previous else None,
            allow=self._allow_redirect,
        )
        record = ManifestRecord(
            url=url,
            final_url=result.final_url,
            status=result.status,
            content_type=result.content_type,
            etag=result.etag,
            last_modified=result.last_modified,
            sha256=result.sha256,
            size=result.size,
            fetched_at=utc_now(),
            error=result.error,
            hints=self.hints.get(key) or None,
        )
        if result.not_modified and previous is not None:
            record.sha256, record.size = previous.sha256, previous.size
            record.content_type = previous.content_type
            record.canonical_url = previous.canonical_url
            record.etag = result.etag or previous.etag
            record.last_modified = result.last_modified or previous.last_modified
        links = self._links(record)
        if links is not None and links.refresh and self._allow_redirect(links.refresh):
            # Followed like a redirect: the stub's own body is not a document.
            record.sha256 = record.size = None
            record.refresh = links.refresh
            self.summary.refreshed += 1
            self.corpus.append_record(record)
            return record, None
        if links is not None and links.canonical:
            record.canonical_url = links.canonical
        if not (previous is not None and _transient_failure(result)):
            # A passing failure must not hide the copy stored last time.
            self.corpus.append_record(record)
        self._count(result, previous)
        return record, links

    def _count(self, result: FetchResult, previous: ManifestRecord | None) -> None:
        summary = self.summary
        if result.not_modified:
            summary.unchanged += 1
        elif result.sha256:
            summary.fetched += 1
            if previous is None:
                summary.new += 1
            elif previous.sha256 != result.sha256:
                summary.changed += 1
            else:
                summary.unchanged += 1
        elif result.too_large:
            summary.too_large += 1
        elif result.unsupported:
            summary.skipped_type += 1
        elif result.out_of_scope:
            summary.out_of_scope += 1
        elif result.status in NOT_FOUND:
            summary.not_found += 1
        else:
            self._failed(result.url, result.error or f"HTTP {result.status}")

    def _links(self, record: ManifestRecord) -> PageLinks | None:
        """Links of a stored HTML page (None for anything else)."""
        if not record.sha256 or not is_html(record.content_type):
            return None
        if not self.corpus.has_object(record.sha256):
            return None
        body = self.corpus.read_object(record.sha256)
        return page_links(body, record.final_url or record.url)


def _transient_failure(result: FetchResult) -> bool:
    """No body and no definite answer: a network error, a 429 or a 5xx."""
    if result.sha256 or result.not_modified:
        return False
    return result.status is None or result.status == 429 or result.status >= 500


def _when(stamp: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None
