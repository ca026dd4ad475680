"""Hypothesis strategies and checks shared by the fuzz tests (tests/test_fuzz_*.py).

Inputs mix every character of the query syntax, control characters, arbitrary Unicode and
the occasional huge string; HTML responses are checked for unescaped markers.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from indexer.model import DOC_TYPES

# Every character the query syntax (or Whoosh's parser) gives a meaning to.
SYNTAX = "\"'()[]{}:+-!*?~^/\\&|<>=,.;@#$%`"
OPERATORS = ["AND", "OR", "NOT", "TO", "year:", "title:", "type:", "location:", "exact:", ".."]
WORDS = ["finance", "women-owned", "MSMEs", "digitalisation", "2015", "2010..2015", "womn"]
CONTROL = "".join(map(chr, range(32))) + "\x7f\x85\u200b\u2028\u2029\ufeff"

# Inserted into queries: must never come back unescaped in HTML.
MARKERS = ["<script>fuzz()</script>", "<i data-fuzz>", '"><svg onload=fuzz()>']

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

token = st.one_of(
    st.sampled_from(OPERATORS + WORDS),
    st.text(alphabet=SYNTAX, min_size=1, max_size=3),
    st.text(alphabet=CONTROL, min_size=1, max_size=2),
    st.text(min_size=1, max_size=8),  # any Unicode (no surrogates)
)

queries = st.one_of(
    st.lists(token, min_size=1, max_size=12).map(" ".join),
    st.lists(token, min_size=1, max_size=12).map("".join),
    st.text(max_size=200),
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(["a", "é", '"', "(", "-", " ", "OR "]),
        st.integers(1000, 20_000),
    ),
)

marked_queries = st.builds(
    lambda q, marker, at: q[: at % (len(q) + 1)] + marker + q[at % (len(q) + 1) :],
    st.text(max_size=40),
    st.sampled_from(MARKERS),
    st.integers(0, 1000),
)

years = st.one_of(
    st.none(),
    st.tuples(st.integers(0, 3000), st.integers(0, 3000)).map(lambda t: (min(t), max(t))),
)
doc_types = st.one_of(st.none(), st.sampled_from(DOC_TYPES), st.text(max_size=10))
sorts = st.sampled_from(["relevance", "newest", "oldest", "", "bogus"])

# URL parameter values: mostly valid ones (so the search runs), sometimes junk.
VALID_PARAMS = {
    "year": ["2015", "2010-2015", "2010..2021", "1994", "2099", ""],
    "type": [*DOC_TYPES, ""],
    "sort": ["relevance", "newest", "oldest", ""],
    "page": ["1", "2", "3", "1000", ""],
    "limit": ["1", "10", "100", ""],
    "topic": ["finance", "digitalisation", "women", ""],
    "strength": ["strong", "medium", "weak", ""],
}
junk = st.one_of(
    st.sampled_from(["0", "-1", "2015..2010", "99999999999999", "1e3", "２０１５", "bogus"]),
    st.text(max_size=30),
)


def param(name: str) -> st.SearchStrategy[str]:
    valid = st.sampled_from(VALID_PARAMS[name])
    return st.integers(0, 7).flatmap(lambda n: junk if n == 0 else valid)


search_args = st.fixed_dictionaries(
    {"q": st.one_of(queries, marked_queries)},
    optional={name: param(name) for name in VALID_PARAMS},
)


def assert_clean_response(response, sent: str) -> None:
    """No server error, no traceback, and nothing of ``sent`` unescaped in HTML."""
    assert response.status_code < 500, response.status_code
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    if response.mimetype == "text/html":
        for marker in MARKERS:
            if marker in sent:
                assert marker not in body
