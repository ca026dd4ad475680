"""JSON responses (orjson through Flask's provider) read back as the standard library
writes them: UTF-8 text kept as characters, a facet's year keys as strings, keys sorted;
dates in ISO 8601, and what orjson cannot encode passed to Flask's own fallback."""

import datetime
import json
from decimal import Decimal

from flask import jsonify

from webapp import create_app


def test_json_responses_read_back_as_the_standard_library_writes_them(tmp_path):
    app = create_app({"INDEX_DIR": tmp_path / "index", "TESTING": True})
    value = {
        "title": "Declaración de Concepción",
        "facets": {"year": {2019: 3, 2001: 1}},
        "b": [1.5, None, True],
        "a": "x",
        "when": datetime.date(2019, 9, 5),
        "amount": Decimal("1.10"),
    }
    with app.test_request_context():
        body = jsonify(value).get_data()
    assert "Concepción".encode() in body  # UTF-8, not \\u escapes
    read = json.loads(body)
    assert read["facets"]["year"] == {"2001": 1, "2019": 3}
    assert list(read) == sorted(read)
    assert read["when"] == "2019-09-05" and read["amount"] == "1.10"
    assert read["b"] == [1.5, None, True] and read["title"] == value["title"]


def test_debug_responses_are_indented(tmp_path):
    app = create_app({"INDEX_DIR": tmp_path / "index", "DEBUG": True})
    with app.test_request_context():
        body = jsonify({"a": [1]}).get_data(as_text=True)
    assert body.startswith('{\n  "a": [\n')
