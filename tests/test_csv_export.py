"""CSV export: formula injection is defused, everything else is written as it is."""

from __future__ import annotations

import csv
import io

import pytest
from flask import Flask

from indexer.search.csv_export import safe_cell, to_csv
from webapp.csv_export import csv_response


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("plain text", "plain text"),
        ("a = b", "a = b"),
        ("", ""),
        (None, ""),
        (-5, "-5"),
        (2.5, "2.5"),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_to_csv_quotes_and_orders_columns():
    text = to_csv(
        [{"title": 'Say "hi", then =1+1', "year": 2021, "extra": "ignored"}, {"title": "=x"}],
        ["year", "title"],
    )
    assert text.splitlines(keepends=True)[0] == "year,title\r\n"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["year", "title"], ["2021", 'Say "hi", then =1+1'], ["", "'=x"]]


def test_csv_response_is_a_utf8_download():
    with Flask(__name__).app_context():
        response = csv_response([{"place": "Viña del Mar"}], ["place"], "out.csv")
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="out.csv"'
    assert response.data.startswith("\ufeff".encode())
    assert response.data.decode("utf-8-sig") == "place\r\nViña del Mar\r\n"
