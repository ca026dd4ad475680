"""The app's JSON responses: orjson's bytes, read as the standard library's output reads."""

import datetime as dt
import json
from decimal import Decimal

from flask import jsonify

from webapp import create_app


def _app(**config):
    return create_app({"INDEX_DIR": "/nonexistent", "TESTING": True, **config})


def test_a_response_reads_as_the_standard_librarys_would():
    value = {"b": 1, "a": [1.5, None, True], 2015: "year", "é": "ü", "d": dt.date(2015, 9, 2)}
    with _app().app_context():
        response = jsonify(value)
    body = response.get_data()
    assert response.mimetype == "application/json" and body.endswith(b"\n")
    assert json.loads(body) == {
        "b": 1,
        "a": [1.5, None, True],
        "2015": "year",
        "é": "ü",
        "d": "2015-09-02",
    }
    assert list(json.loads(body)) == sorted(json.loads(body))  # keys sorted, as Flask's
    assert "é".encode() in body  # UTF-8, not \u escapes


def test_what_orjson_cannot_encode_goes_through_flasks_default():
    with _app().app_context():
        assert json.loads(jsonify({"n": Decimal("1.25")}).get_data()) == {"n": "1.25"}


def test_dumps_gives_a_string_and_debug_responses_are_indented():
    app = _app()
    assert app.json.dumps({"a": 1}) == '{"a":1}'
    app.debug = True
    with app.app_context():
        assert jsonify({"a": 1}).get_data() == b'{\n  "a": 1\n}\n'
