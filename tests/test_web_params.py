"""Parameter validation: what is accepted, and the message for what is not."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from webapp.params import BadParameter, Limits, SearchParams, parse_search, parse_year

LIMITS = Limits(max_query_length=50, max_page=20, max_limit=30)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2015", (2015, 2015)),
        ("2010-2015", (2010, 2015)),
        ("2010..2015", (2010, 2015)),
        (" 2010 – 2015 ", (2010, 2015)),
        ("", None),
    ],
)
def test_years_accepted(text, years):
    assert parse_year(text) == years


@pytest.mark.parametrize("text", ["abc", "15", "2015-", "2015-16", "２０１５", "2015;drop", "0999"])
def test_years_refused(text):
    with pytest.raises(BadParameter, match="year must be"):
        parse_year(text)


def test_defaults_and_whitespace():
    params = parse_search({"q": "  access   to\tfinance "}, LIMITS)
    assert params == SearchParams(q="access to finance", limit=10)


def test_a_repeated_argument_counts_once_but_types_add_up():
    args = MultiDict([("q", "trade"), ("q", "finance"), ("type", "speech"), ("type", "outcomes")])
    args.add("page", "2")
    args.add("page", "x")
    params = parse_search(args, LIMITS)
    assert (params.q, params.types, params.page) == ("trade", ("speech", "outcomes"), 2)


def test_fixed_limit_ignores_the_argument():
    assert parse_search({"q": "x", "limit": "abc"}, LIMITS, limit=7).limit == 7


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"page": "21"}, "page must be from 1 to 20"),
        ({"page": "1.5"}, "page must be a whole number"),
        ({"page": "²"}, "page must be a whole number"),
        ({"limit": "31"}, "limit must be from 1 to 30"),
        ({"q": "x" * 51}, "The query is too long (51 characters); the most is 50."),
        ({"sort": "Newest"}, "sort must be one of relevance, newest, oldest"),
    ],
)
def test_refused(args, message):
    with pytest.raises(BadParameter) as error:
        parse_search(args, LIMITS)
    assert message in str(error.value)


def test_query_args_drop_defaults_and_reset_the_page():
    params = SearchParams(q="finance", year=(2010, 2015), types=("declaration",), page=3)
    assert params.query_args(page=3) == {
        "q": "finance",
        "year": "2010-2015",
        "type": ["declaration"],
        "page": "3",
    }
    assert params.query_args(sort="newest") == {
        "q": "finance",
        "year": "2010-2015",
        "type": ["declaration"],
        "sort": "newest",
    }
    assert params.query_args(year=None, types=()) == {"q": "finance"}
    assert SearchParams().is_empty and not SearchParams(types=("other",)).is_empty
