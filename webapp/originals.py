"""The stored original of a document: the bytes the crawl stored for it (by SHA-256, in the
corpus store at the app's CORPUS_DIR), served as crawled.

A PDF is served as `application/pdf`, its policy letting the browser's viewer show it (a
sandbox or `object-src 'none'` can keep the viewer out) and loading nothing else. A stored
HTML page is someone else's markup, so it is served under `Content-Security-Policy: sandbox`
(no scripts, no forms, a unique origin: it can read nothing of this site) with nothing loaded
from elsewhere but inline styles and `data:` images (a reader of the archive is not
announced to the page's hosts), and `nosniff`; its charset is UTF-8 when the bytes are
UTF-8, else the page's own `<meta>`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flask import Response

from indexer.crawl.corpus import Corpus

SHA256 = re.compile(r"[0-9a-f]{64}")
MIMETYPES = {"pdf": "application/pdf", "html": "text/html"}
HTML_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
)
PDF_POLICY = "default-src 'none'; object-src 'self'; frame-ancestors 'none'"


def _object(corpus_dir: Path | str, doc: dict[str, Any]) -> Path | None:
    sha = doc.get("sha256") or ""
    return Corpus(corpus_dir).object_path(sha) if SHA256.fullmatch(sha) else None


def is_stored(corpus_dir: Path | str, doc: dict[str, Any]) -> bool:
    """Whether the corpus store holds the document's bytes."""
    path = _object(corpus_dir, doc)
    return path is not None and path.is_file()


def read(corpus_dir: Path | str, doc: dict[str, Any]) -> bytes | None:
    """The document's stored bytes, or None when the store does not hold them."""
    path = _object(corpus_dir, doc)
    try:
        return path.read_bytes() if path else None
    except OSError:
        return None


def _content_type(kind: str, body: bytes) -> str:
    mimetype = MIMETYPES.get(kind, "application/octet-stream")
    if mimetype != "text/html":
        return mimetype
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return mimetype  # the browser reads the page's own <meta charset>
    return f"{mimetype}; charset=utf-8"


def response(doc: dict[str, Any], body: bytes) -> Response:
    """The stored bytes, with their type and the headers that keep the page harmless."""
    kind = doc.get("content_type") or ""
    served = Response(body, content_type=_content_type(kind, body))
    extension = kind if kind in MIMETYPES else "bin"
    disposition = "inline" if kind in MIMETYPES else "attachment"
    served.headers["Content-Disposition"] = f'{disposition}; filename="{doc["id"]}.{extension}"'
    served.headers["X-Content-Type-Options"] = "nosniff"
    policy = PDF_POLICY if kind == "pdf" else HTML_POLICY
    served.headers["Content-Security-Policy"] = policy
    return served
