"""HTTP for the crawl: one polite session, bounded retries, streamed bodies with a size cap.

Every request goes through ``Fetcher``, which waits its turn per host (the crawl delay),
retries 429 and 5xx (and dropped connections) a bounded number of times with exponential
backoff or the server's ``Retry-After``, and streams bodies straight into the corpus. Each
request, headers and body, must complete within ``timeout`` seconds of wall-clock time
(indexer.crawl.deadline); one that does not is a failure, not retried. A body labelled HTML
whose first bytes are not text (an image, an archive) is not stored.
"""

from __future__ import annotations

import codecs
import email.utils
import itertools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

import requests

from indexer.crawl import deadline
from indexer.crawl.binary import binary_reason
from indexer.crawl.corpus import Corpus
from indexer.crawl.urls import clean, netloc

PRODUCT = "apec-search"
CONTACT_URL = "https://github.com/apec-search/apec-search"
USER_AGENT = f"{PRODUCT} (+{CONTACT_URL})"

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CONNECTION_RETRIES = 1  # a request that got no response at all is tried once more
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
RETRYABLE_ERRORS = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
)
HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf", "application/x-pdf")


class BodyTooLarge(Exception):
    pass


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    size: int | None = None
    error: str | None = None
    too_large: bool = False
    unsupported: bool = False  # not HTML or PDF; the body was not read
    out_of_scope: bool = False  # redirected outside the scope
    connection_failed: bool = False  # no HTTP response at all
    attempts: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # not "¹", which isdigit() but float() refuses
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def describe(exc: requests.RequestException) -> str:
    """A one-line reason for a failed request."""
    if isinstance(exc, deadline.DeadlineExceeded):
        return str(exc)
    if isinstance(exc, requests.Timeout):
        return "timed out"
    if isinstance(exc, requests.TooManyRedirects):
        return f"more than {MAX_REDIRECTS} redirects"
    text = str(exc)
    for marker in (
        "Name or service not known",
        "Temporary failure in name resolution",
        "Connection refused",
        "Network is unreachable",
        "No route to host",
        "Connection reset",
        "nodename nor servname",
    ):
        if marker in text:
            return marker.lower()
    return type(exc).__name__


class Fetcher:
    def __init__(
        self,
        *,
        timeout: float = 30.0,
        max_bytes: int = 25 * 1024 * 1024,
        delay: float = 1.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_retry_wait: float = 60.0,
        user_agent: str = USER_AGENT,
    ):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self.retries = retries
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait
        self.session = deadline.session()
        self.session.headers["User-Agent"] = user_agent
        self._host_delay: dict[str, float] = {}
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        self.session.close()

    def set_host_delay(self, host: str, seconds: float) -> None:
        """Raise the delay for one host (robots.txt Crawl-delay); never below ``delay``."""
        self._host_delay[host] = max(self.delay, seconds)

    def wait_for(self, url: str) -> float:
        """Seconds until ``url``'s host may be asked again (0.0 when it may now)."""
        host = netloc(url)
        last = self._last_request.get(host)
        if last is None:
            return 0.0
        return max(0.0, last + self._host_delay.get(host, self.delay) - time.monotonic())

    def _wait_turn(self, url: str) -> None:
        pause = self.wait_for(url)
        if pause > 0:
            time.sleep(pause)
        self._last_request[netloc(url)] = time.monotonic()

    @contextmanager
    def _request(
        self, url: str, headers: dict[str, str], redirects: bool
    ) -> Iterator[tuple[requests.Response, deadline.Deadline]]:
        """One GET, after this host's turn, within its wall-clock deadline (the block reads
        the body); raises DeadlineExceeded when the deadline cut it short."""
        self._wait_turn(url)
        with deadline.deadline(self.timeout) as limit:
            response = self.session.get(
                url, headers=headers, stream=True, timeout=self.timeout, allow_redirects=redirects
            )
            with response:
                yield response, limit

    def _retry_wait(self, attempt: int, response: requests.Response | None) -> float:
        header = response.headers.get("Retry-After") if response is not None else None
        asked = retry_after_seconds(header)
        return asked if asked is not None else self.backoff * 2**attempt

    def get_text(self, url: str, limit: int = 512 * 1024) -> tuple[int, str]:
        """A small text resource (robots.txt), redirects followed freely, retried like any
        request; a leading byte-order mark is dropped. Raises ``requests.RequestException``
        when no response came."""
        attempt = 0
        while True:
            try:
                with self._request(url, {}, redirects=True) as (response, deadline_):
                    wait = self._retry_wait(attempt, response)
                    retry = response.status_code in RETRY_STATUSES
                    if not (retry and attempt < self.retries and wait <= self.max_retry_wait):
                        read = response.raw.read(limit, decode_content=True)
                        body = b"".join(deadline_.checked([read]))
                        if body.startswith(codecs.BOM_UTF8):  # whatever the declared charset
                            body, encoding = body[len(codecs.BOM_UTF8) :], "utf-8"
                        else:
                            encoding = response.encoding or "utf-8"
                        text = body.decode(encoding, errors="replace")
                        return response.status_code, text.lstrip("\ufeff")
            except RETRYABLE_ERRORS as exc:
                if attempt >= min(self.retries, CONNECTION_RETRIES) or isinstance(
                    exc, deadline.DeadlineExceeded
                ):
                    raise
                wait = self._retry_wait(attempt, None)
            time.sleep(wait)
            attempt += 1

    def fetch(
        self,
        url: str,
        corpus: Corpus,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allow: Callable[[str], bool] = lambda _url: True,
    ) -> FetchResult:
        """GET ``url`` and store its body in ``corpus``. Redirects are followed only to URLs
        that ``allow`` accepts; a conditional GET is sent when ``etag``/``last_modified``
        are given (a 304 comes back with ``status == 304`` and nothing stored)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.retries + 1):
            result = FetchResult(url=url, final_url=url, attempts=attempt + 1)
            response = None
            try:
                with self._follow(url, headers, allow) as (response, final_url, limit):
                    if response is None:
                        result.final_url = final_url
                        result.out_of_scope = True
                        result.error = f"redirected out of scope to {final_url}"
                        return result
                    result = self._store(response, final_url, corpus, result, limit)
            except deadline.DeadlineExceeded as exc:  # a server that slow is not asked again
                result.error = describe(exc)
                break
            except RETRYABLE_ERRORS as exc:
                result.connection_failed = True
                result.error = describe(exc)
            except requests.RequestException as exc:
                result.error = describe(exc)
                break
            retry = result.status in RETRY_STATUSES or (
                result.connection_failed and attempt < CONNECTION_RETRIES
            )
            if not retry or attempt == self.retries:
                break
            wait = self._retry_wait(attempt, response)
            if wait > self.max_retry_wait:
                result.error += (
                    f"; Retry-After {wait:.0f} s exceeds the {self.max_retry_wait:.0f} s cap"
                )
                break
            time.sleep(wait)
        if result.error and result.attempts > 1:
            result.error += f" (after {result.attempts} attempts)"
        return result

    @contextmanager
    def _follow(
        self, url: str, headers: dict[str, str], allow: Callable[[str], bool]
    ) -> Iterator[tuple[requests.Response | None, str, deadline.Deadline | None]]:
        """Follow up to MAX_REDIRECTS redirects by hand, each one checked by ``allow``; the
        block gets the final response (None when a redirect left the scope), its URL, and
        its deadline, which runs on while the block reads the body."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            with self._request(current, headers, redirects=False) as (response, limit):
                location = response.headers.get("Location")
                if response.status_code not in REDIRECT_STATUSES or not location:
                    yield response, current, limit
                    return
            target = clean(urljoin(current, location))
            if target is None or not allow(target):
                yield None, target or location, None
                return
            current = target
        raise requests.TooManyRedirects

    def _store(
        self,
        response: requests.Response,
        final_url: str,
        corpus: Corpus,
        result: FetchResult,
        limit: deadline.Deadline,
    ) -> FetchResult:
        result = FetchResult(
            url=result.url,
            final_url=final_url,
            status=response.status_code,
            content_type=response.headers.get("Content-Type"),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            attempts=result.attempts,
        )
        if response.status_code == 304:
            return result
        if response.status_code >= 400:
            result.error = f"HTTP {response.status_code}"
            return result
        if response.status_code != 200:
            result.error = f"unexpected HTTP {response.status_code}"
            return result
        if not is_document_type(result.content_type, final_url):
            result.unsupported = True
            result.error = f"not HTML or PDF ({result.content_type or 'no content type'})"
            return result
        length = response.headers.get("Content-Length", "")
        if length.isascii() and length.isdigit() and int(length) > self.max_bytes:
            return self._too_large(result)
        chunks = self._body(response, limit)
        first = next(chunks, b"")
        reason = binary_reason(first) if is_html(result.content_type) else None
        if reason:
            result.unsupported = True
            result.error = f"not HTML: {reason}, though labelled {_mime(result.content_type)}"
            return result
        try:
            result.sha256, result.size = corpus.write_object(itertools.chain([first], chunks))
        except BodyTooLarge:
            return self._too_large(result)
        return result

    def _too_large(self, result: FetchResult) -> FetchResult:
        result.too_large = True
        result.error = f"larger than --max-bytes ({self.max_bytes} bytes); skipped"
        return result

    def _body(self, response: requests.Response, limit: deadline.Deadline) -> Iterator[bytes]:
        size = 0
        for chunk in limit.checked(response.iter_content(CHUNK)):
            size += len(chunk)
            if size > self.max_bytes:
                raise BodyTooLarge
            yield chunk


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_html(content_type: str | None) -> bool:
    return _mime(content_type) in HTML_TYPES


def is_document_type(content_type: str | None, url: str) -> bool:
    """HTML or PDF by its Content-Type (or, for a generic binary type, by its name)."""
    mime = _mime(content_type)
    if mime in HTML_TYPES or mime in PDF_TYPES:
        return True
    generic = mime in ("", "application/octet-stream", "binary/octet-stream")
    return generic and url.lower().split("?", 1)[0].endswith(".pdf")
