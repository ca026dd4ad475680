"""The committed source list and its loader."""

from __future__ import annotations

import pytest

from indexer.crawl.sources import PACKAGED_SOURCES, Sources, SourcesError, load_sources
from indexer.model import DOC_TYPES

SME = (
    "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/small-and-medium-enterprise"
)


def test_committed_sources_enumerate_every_year_in_both_spellings():
    sources = load_sources(PACKAGED_SOURCES, this_year=2026)
    yearly = {doc.hints["year"]: doc.urls for doc in sources.documents if len(doc.urls) == 2}
    assert sorted(yearly) == list(range(1994, 2027))
    assert yearly[1997] == (f"{SME}/1997_sme", f"{SME}/1997_sme.aspx")


def test_committed_sources_name_documents_with_valid_hints():
    sources = load_sources(PACKAGED_SOURCES)
    named = {doc.urls[0]: doc.hints for doc in sources.documents if len(doc.urls) == 1}
    assert named[f"{SME}/2005_sme/2005_sme_daegu"]["year"] == 2005
    assert f"{SME}/2015_sme/Annex%20A.aspx" in named
    chair = [h for h in named.values() if h.get("doc_type") == "chairs_statement"]
    assert chair and chair[0]["year"] == 2022
    assert all(h.get("doc_type", "other") in DOC_TYPES for h in named.values())


def test_committed_scope():
    rules = load_sources(PACKAGED_SOURCES).rules()
    assert rules.in_scope(f"{SME}/2019_sme")
    assert rules.in_scope("https://www.apec.org/docs/default-source/groups/smewg/plan.pdf")
    assert rules.in_scope(
        "https://apec.org/meeting-papers/annual-ministerial-meetings/2017/2017_amm/annex-b.aspx"
    )
    assert not rules.in_scope(
        "https://www.apec.org/meeting-papers/annual-ministerial-meetings/2017"
    )
    assert not rules.in_scope("https://www.example.org/meeting-papers/")


def test_seeds_given_replace_the_scope_with_their_hosts():
    sources = Sources.from_seeds(["http://127.0.0.1:8001/start"])
    rules = sources.rules()
    assert rules.in_scope("http://127.0.0.1:8001/elsewhere")
    assert not rules.in_scope("http://127.0.0.1:8002/start")
    assert not rules.in_scope(f"{SME}/2019_sme")


@pytest.mark.parametrize(
    "text",
    [
        "seeds = ['ftp://x']",
        "[[documents]]\nurl = 'https://a.org/x'\ndoc_type = 'memo'",
        "seeds = [",
        "",
    ],
)
def test_bad_source_lists_are_refused_clearly(tmp_path, text):
    path = tmp_path / "sources.toml"
    path.write_text(text)
    with pytest.raises(SourcesError):
        load_sources(path)
