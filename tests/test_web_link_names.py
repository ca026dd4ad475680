"""Repeated links ("Go to passage", "Source") are named by the document they belong to, so
a screen reader's list of links tells them apart."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.web_fixtures import app, client, web_index  # noqa: F401


@pytest.mark.parametrize("path", ["/search?q=digitalisation", "/ask?q=what+about+finance"])
def test_result_links_are_named_by_their_document(client, path):  # noqa: F811
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.get_data(as_text=True), "lxml")
    blocks = soup.select(".result-links")
    assert len(blocks) >= 2
    names = []
    for block in blocks:
        title = block.find_previous(
            lambda t: (
                t.name == "a"
                and not {"result-links", "result-meeting"} & set(t.parent.get("class", []))
            )
        ).get_text()
        passage, source = block.select("a")[:2]
        assert passage["aria-label"] == f"{passage.get_text()} in {title}"
        assert source["aria-label"] == f"Source of {title}"
        assert passage["aria-label"].startswith(passage.get_text())  # the label holds the text
        names.append(source["aria-label"])
    assert len(set(names)) == len(names)


def test_a_title_in_a_name_is_escaped(client):  # noqa: F811
    html = client.get("/search?q=pwned").get_data(as_text=True)
    assert '<script>alert("pwned")' not in html
    assert 'aria-label="Source of Notes on &lt;script&gt;alert(&#34;pwned&#34;)' in html
