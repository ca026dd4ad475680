"""Shared fixtures: local test web sites on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser import browser  # noqa: F401  (the e2e tests' Chromium)
from tests.site import Site
from tests.sme_site import build_sme_site


@pytest.fixture
def site() -> Iterator[Site]:
    """An empty site, already serving; add routes with ``site.page``/``site.route``."""
    server = Site().start()
    yield server
    server.stop()


@pytest.fixture
def other_site() -> Iterator[Site]:
    """A second local server on another port, which crawls of ``sme_site`` must not touch."""
    server = Site().start()
    server.page("/admin", "<p>local admin</p>")
    yield server
    server.stop()


@pytest.fixture
def sme_site(site: Site, other_site: Site) -> Site:
    """The SME fixture site (see tests/sme_site.py), its 429 asking for no wait."""
    build_sme_site(site, other_host=other_site.host, retry_after="0")
    return site
