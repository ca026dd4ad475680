"""URL rules: cleaning, the dedupe key, scope, trap families, private addresses."""

from __future__ import annotations

import pytest

from indexer.crawl.urls import ScopeRule, UrlRules, clean, family, resolves_to_private

APEC = UrlRules(
    scope=[ScopeRule("www.apec.org", "/meeting-papers/sectoral-ministerial-meetings")],
    aliases={"apec.org": "https://www.apec.org", "www.apec.org": "https://www.apec.org"},
    explicit_hosts={"www.apec.org"},
)


@pytest.mark.parametrize("link", ["mailto:a@b.org", "javascript:void(0)", "#top", "tel:123", ""])
def test_links_that_are_not_followed(link):
    assert clean(link, "https://www.apec.org/") is None


def test_clean_resolves_and_drops_the_fragment():
    assert (
        clean("../b/c.pdf#page=2", "https://www.apec.org/a/x/") == "https://www.apec.org/a/b/c.pdf"
    )
    assert clean("HTTP://WWW.APEC.ORG:443/a") == "http://www.apec.org:443/a"
    assert clean("https://WWW.APEC.ORG:443/a") == "https://www.apec.org/a"


def test_alias_hosts_case_and_aspx_share_one_key():
    spellings = [
        "https://www.apec.org/Meeting-Papers/Sectoral-Ministerial-Meetings/SME/2015_SME.aspx",
        "http://apec.org/meeting-papers/sectoral-ministerial-meetings/sme/2015_sme",
        "http://www.apec.org/meeting-papers/sectoral-ministerial-meetings/sme/2015_sme/",
    ]
    keys = {APEC.key(clean(url)) for url in spellings}
    assert keys == {
        "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/sme/2015_sme"
    }


def test_fetch_url_moves_to_the_canonical_origin_and_keeps_the_spelling():
    url = clean("http://apec.org/Meeting-Papers/X.aspx")
    assert APEC.fetch_url(url) == "https://www.apec.org/Meeting-Papers/X.aspx"


def test_query_order_does_not_matter_but_values_do():
    assert APEC.key("https://www.apec.org/a?b=1&a=2") == APEC.key("https://www.apec.org/a?a=2&b=1")
    assert APEC.key("https://www.apec.org/a?a=1") != APEC.key("https://www.apec.org/a?a=2")


def test_scope_is_host_with_port_and_path_prefix():
    rules = UrlRules(scope=[ScopeRule("127.0.0.1:8001", "/docs")])
    assert rules.in_scope("http://127.0.0.1:8001/docs/a.pdf")
    assert rules.in_scope("http://127.0.0.1:8001/DOCS")
    assert not rules.in_scope("http://127.0.0.1:8002/docs/a.pdf")
    assert not rules.in_scope("http://127.0.0.1:8001/docsets/a.pdf")
    assert not rules.in_scope("http://127.0.0.1:8001/")


def test_private_and_loopback_hosts_refused_unless_a_seed():
    rules = UrlRules(scope=[], explicit_hosts={"127.0.0.1:8001"})
    assert rules.address_allowed("http://127.0.0.1:8001/a")
    assert not rules.address_allowed("http://127.0.0.1:8002/a")
    assert not rules.address_allowed("http://10.1.2.3/a")
    assert not rules.address_allowed("http://169.254.169.254/latest/meta-data")
    assert not rules.address_allowed("http://localhost:8001/a")
    assert not resolves_to_private("93.184.216.34")


def test_trap_families():
    assert family("http://h/cal?month=7") == family("http://h/cal?month=8")
    assert family("http://h/events/2026/11") == family("http://h/events/2027/1")
    assert family("http://h/cal?month=7") != family("http://h/cal?year=7")
    assert family("http://h/a/1") != family("http://h/b/1")
