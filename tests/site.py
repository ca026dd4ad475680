"""A small web site on 127.0.0.1 that tests write themselves, with a log of every request.

    site = Site()
    site.page("/", "<a href='/a'>a</a>")
    site.route("/a", Route(body=b"...", etag='"v1"'))
    site.start()            # serves on a random port; site.url("/a") is its address
    ...
    assert site.paths() == ["/robots.txt", "/", "/a"]
    site.stop()

Routes are exact paths (query ignored) mapping to a ``Route``, or to a function of the
query string returning one (for endless calendars and the like).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HTML = "text/html; charset=utf-8"
PDF = "application/pdf"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answered with 304 to a matching If-None-Match
    last_modified: float | None = None  # epoch seconds; 304 to If-Modified-Since >= it
    delay: float = 0.0  # seconds to wait before answering
    size: int | None = None  # stream this many filler bytes instead of ``body``
    send_length: bool = True  # False: no Content-Length, the body ends when the socket closes
    drip: float = 0.0  # seconds between bytes: the body is sent one byte at a time...
    drip_head: bool = False  # ... and with this, the status line and headers too
    # Answers given to the first requests before the real one: (status, headers) each.
    failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)


@dataclass
class Request:
    path: str  # with query
    headers: dict[str, str]
    status: int  # what the site answered
    at: float  # time.monotonic() when it arrived


Handler = Route | Callable[[str], Route]


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.log: list[Request] = []
        self._lock = threading.Lock()
        self._served: dict[str, int] = {}
        self.server: ThreadingHTTPServer | None = None

    # -- content --------------------------------------------------------------------
    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def page(self, path: str, html: str, **options) -> None:
        self.route(path, Route(body=html.encode("utf-8"), **options))

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        self.route(path, Route(status=status, headers={"Location": to}))

    # -- running --------------------------------------------------------------------
    def start(self) -> Site:
        self.server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self.server.daemon_threads = True
        serve = self.server.serve_forever
        threading.Thread(target=serve, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    @property
    def port(self) -> int:
        assert self.server is not None, "start() the site first"
        return self.server.server_address[1]

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}{path}"

    # -- what was asked ---------------------------------------------------------------
    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.log]

    def requests_for(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.path == path]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    # -- answering --------------------------------------------------------------------
    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        arrived = time.monotonic()
        path, _, query = handler.path.partition("?")
        target = self.routes.get(path)
        route = target(query) if callable(target) else target
        with self._lock:
            count = self._served.get(handler.path, 0)
            self._served[handler.path] = count + 1
        if route is None:
            route = Route(status=404, body=b"<h1>Not found</h1>")
        elif count < len(route.failures):
            status, headers = route.failures[count]
            route = Route(status=status, headers=headers, body=b"try again")
        if route.delay:
            time.sleep(route.delay)
        status = 304 if _not_modified(route, handler.headers) else route.status
        with self._lock:
            self.log.append(Request(handler.path, dict(handler.headers), status, arrived))
        handler.send_response(status)
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified is not None:
            headers["Last-Modified"] = formatdate(route.last_modified, usegmt=True)
        headers.setdefault("Content-Type", route.content_type)
        size = route.size if route.size is not None else len(route.body)
        if status == 304:
            size = 0
        if route.send_length or status == 304:
            headers["Content-Length"] = str(size)
        for name, value in headers.items():
            handler.send_header(name, value)
        if route.drip_head:
            head = b"".join(handler._headers_buffer) + b"\r\n"
            handler._headers_buffer = []
            _drip(handler, head, route.drip)
        else:
            handler.end_headers()
        if status != 304:
            _write_body(handler, route)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that hung up mid-answer (a killed crawl) is not a test failure


def _not_modified(route: Route, headers) -> bool:
    if route.status != 200:
        return False
    tag = headers.get("If-None-Match")
    if tag is not None and route.etag is not None:
        return tag == route.etag
    since = headers.get("If-Modified-Since")
    if since and route.last_modified is not None:
        try:
            return parsedate_to_datetime(since).timestamp() >= int(route.last_modified)
        except (TypeError, ValueError):
            return False
    return False


def _drip(handler: BaseHTTPRequestHandler, data: bytes, pause: float) -> None:
    for i in range(len(data)):
        handler.wfile.write(data[i : i + 1])
        handler.wfile.flush()
        time.sleep(pause)


def _write_body(handler: BaseHTTPRequestHandler, route: Route) -> None:
    try:
        if route.drip:
            _drip(handler, route.body, route.drip)
            return
        if route.size is None:
            handler.wfile.write(route.body)
            return
        chunk = b"x" * 65536
        left = route.size
        while left > 0:
            handler.wfile.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client stopped reading (a cut-off body): expected


def _handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class SiteHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            site._answer(self)

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            pass

    return SiteHandler


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
