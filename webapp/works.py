"""Works as the pages show them: the other copies and versions of a result or document, and
on a copy's page the primary copy it repeats.

The index gives every document its `work_id` (the primary's id) and `copies`, the other
members of its work ({"id", "url", "title", "publisher", "date", "kind"}), each member's kind
relative to the primary: "primary", "version" (another snapshot of the primary's address) or
"copy" (the same text elsewhere). A copy's own kind is in the primary's list, so a copy's
page reads the primary's document (`primary_of`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import urlsplit

KIND_LABELS = {"primary": "Primary copy", "version": "Version", "copy": "Copy"}


class ReadsDocuments(Protocol):
    def document(self, doc_id: str, highlight: str | None = None) -> dict | None: ...


def host(url: str | None) -> str:
    """'wire.example' for 'https://wire.example/2031/05/story'; the text itself if no host."""
    return urlsplit(url or "").hostname or (url or "")


def url_label(url: str | None) -> str:
    """'wire.example/2031/05/story' for 'https://wire.example/2031/05/story?x=1': the host
    (and port) and path an untitled document is named by; the text itself if no host."""
    parts = urlsplit(url or "")
    if not parts.hostname:
        return url or ""
    port = f":{parts.port}" if parts.port else ""
    path = "" if parts.path == "/" else parts.path
    return f"{parts.hostname}{port}{path}"


def doc_title(item: Any) -> str:
    """A document's title as the pages show it: its own, else (empty, or only its address, as
    the record titles an untitled document) its address's host and path (`url_label`);
    "Untitled" only when it has no address either. Takes any dict (or object) with "title"
    and "url"."""
    title = " ".join((_field(item, "title") or "").split())
    url = _field(item, "url") or ""
    if title and title != url:
        return title
    return url_label(url) or "Untitled"


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)


def kind_label(kind: str | None) -> str:
    return KIND_LABELS.get(kind or "", "Copy")


def others_label(copies: list[dict[str, Any]]) -> str:
    """'1 other copy', '3 other versions', '4 other copies and versions' (the primary, listed
    on a copy's page, is another copy)."""
    kinds = {"copy" if c.get("kind") == "primary" else c.get("kind") for c in copies}
    if kinds <= {"copy"}:
        noun = "copy" if len(copies) == 1 else "copies"
    elif kinds <= {"version"}:
        noun = "version" if len(copies) == 1 else "versions"
    else:
        noun = "copies and versions"
    return f"{len(copies)} other {noun}"


def is_primary(doc: dict[str, Any]) -> bool:
    return doc.get("work_id", doc["id"]) in (None, doc["id"])


def outside(found: list[dict[str, Any]], doc: dict[str, Any]) -> list[dict[str, Any]]:
    """`found` without the members of `doc`'s work ("related documents" are other works)."""
    members = {doc["id"], doc.get("work_id")} | {c["id"] for c in doc.get("copies") or []}
    return [r for r in found if r["id"] not in members]


def primary_of(engine: ReadsDocuments, doc: dict[str, Any]) -> dict[str, Any] | None:
    """The document of `doc`'s primary copy when `doc` is another member of a work; None for
    a primary, or when the primary cannot be read."""
    if is_primary(doc):
        return None
    return engine.document(doc["work_id"])


def _order(doc: dict[str, Any]) -> tuple[str, str]:
    return (doc.get("date") or "", doc.get("fetched_at") or "")


def copy_of(doc: dict[str, Any], primary: dict[str, Any] | None) -> dict[str, Any] | None:
    """What a non-primary document is of its work's primary: {"id", "title", "url",
    "publisher", "date"} of the primary, `kind` ("copy" or "version") and `relation` ("a copy",
    "an earlier version", "another version"); None for a primary."""
    if is_primary(doc):
        return None
    listed = next((c for c in doc.get("copies") or [] if c["id"] == doc["work_id"]), None)
    about = primary or listed or {"id": doc["work_id"]}
    own = next((c for c in (primary or {}).get("copies") or [] if c["id"] == doc["id"]), None)
    kind = own["kind"] if own else "copy"
    if kind == "version":
        earlier = _order(doc) < _order(about)
        relation = "an earlier version" if earlier else "another version"
    else:
        kind, relation = "copy", "a copy"
    fields = ("id", "title", "url", "publisher", "date")
    return {k: about.get(k) for k in fields} | {"kind": kind, "relation": relation}


def cited(
    doc: dict[str, Any], primary: dict[str, Any] | None, of: dict[str, Any] | None
) -> tuple[dict[str, Any], str | None]:
    """(the document to cite, the address of the copy read or None): a copy's or version's
    page cites its work's primary; a copy elsewhere is named beside it ("copy at <site>")."""
    if primary is None:
        return doc, None
    return primary, doc["url"] if of and of["kind"] == "copy" else None
