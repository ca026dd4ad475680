"""A wall-clock deadline for a whole HTTP request: connecting, the headers and the body.

requests' ``timeout`` bounds each socket operation, not the request: a server that sends
one byte a second never trips it, and requests documents that its timeout is no limit on
the whole download (see also seanmonstar/reqwest#243). Here a session made by ``session()``
remembers the socket each request uses, and ``deadline(seconds)`` starts a timer that
shuts that socket down when the time is up: the read blocked on it returns at
once, and the request fails with ``DeadlineExceeded`` (a ``requests.Timeout``).

    with deadline(5.0) as limit:
        with http.get(url, stream=True, timeout=5.0) as response:
            body = b"".join(limit.checked(response.iter_content(65536)))
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterable, Iterator

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_active = threading.local()  # the deadline of the request this thread is making


class DeadlineExceeded(requests.Timeout):
    """The request did not complete (headers and body) within its deadline."""


class Deadline:
    """One request's time limit; ``expired`` once the timer has fired."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def error(self) -> DeadlineExceeded:
        return DeadlineExceeded(f"timed out: no complete answer within {self.seconds:g} s")

    def checked(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """The chunks of a body, raising DeadlineExceeded once the deadline has passed (a
        body without Content-Length cut by the timer would otherwise end as if complete)."""
        for chunk in chunks:
            if self.expired:
                raise self.error()
            yield chunk
        if self.expired:
            raise self.error()


def _shut(sock: socket.socket) -> None:
    """Shut the socket down (a read blocked on it returns at once); its owner closes it."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Bound the requests this thread makes inside the block (through a ``session()``) to
    ``seconds`` of wall-clock time in all. Raises DeadlineExceeded from the block when an
    error there came from the deadline, or when the block ends after it."""
    limit = Deadline(seconds)
    previous = getattr(_active, "deadline", None)
    _active.deadline = limit
    timer = threading.Timer(seconds, limit.expire)
    timer.daemon = True
    timer.start()
    try:
        yield limit
    except Exception as exc:
        if limit.expired and not isinstance(exc, DeadlineExceeded):
            raise limit.error() from exc
        raise
    finally:
        timer.cancel()
        _active.deadline = previous


class _Watched:
    """Gives the current deadline the connection's socket: when it connects, and before
    each request on a connection kept alive (the response keeps reading from the socket
    after an HTTP/1.0 connection has let it go)."""

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        _watch(self)  # type: ignore[arg-type]

    def request(self, *args, **kwargs) -> None:
        _watch(self)  # type: ignore[arg-type]
        super().request(*args, **kwargs)  # type: ignore[misc]


def _watch(connection: HTTPConnection) -> None:
    limit = getattr(_active, "deadline", None)
    if limit is not None and connection.sock is not None:
        limit.watch(connection.sock)


class _HTTPConnection(_Watched, HTTPConnection):
    pass


class _HTTPSConnection(_Watched, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _Adapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def session() -> requests.Session:
    """A requests session whose requests a ``deadline`` can cut short."""
    http = requests.Session()
    http.mount("http://", _Adapter())
    http.mount("https://", _Adapter())
    return http
