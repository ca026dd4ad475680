"""CSV downloads (the formula-safe writer itself is indexer.search.csv_export)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from flask import Response

from indexer.search.csv_export import to_csv


def csv_response(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], filename: str
) -> Response:
    """A download of `rows`, UTF-8 with a byte-order mark so Excel reads accents right."""
    body = to_csv(rows, columns).encode("utf-8-sig")
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
