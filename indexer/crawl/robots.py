"""robots.txt for the crawl's own user agent, one parsed file per origin (Protego)."""

from __future__ import annotations

import requests
from protego import Protego

from indexer.crawl.fetch import PRODUCT, Fetcher, describe
from indexer.crawl.urls import netloc, origin

# The longest Crawl-delay obeyed, in seconds: a site asking for more (3600 is seen) would
# stall the crawl for hours; it is capped, and the crawl says so.
MAX_CRAWL_DELAY = 60.0


class Robots:
    """Fetches each origin's robots.txt once, through the crawl's own ``Fetcher``.

    A missing robots.txt (4xx) allows everything; a server error (5xx, or a 429 still
    there after the retries) disallows the whole origin, as RFC 9309 asks. A Crawl-delay
    for our user agent raises the fetcher's delay for that host, up to MAX_CRAWL_DELAY;
    ``notes`` says where a longer one was capped.
    """

    def __init__(self, fetcher: Fetcher, agent: str = PRODUCT):
        self.fetcher = fetcher
        self.agent = agent
        self._parsed: dict[str, Protego | None] = {}  # None: disallow all
        self._unreachable: dict[str, str] = {}  # origin -> why it gave no response
        self._unavailable: dict[str, str] = {}  # origin -> robots.txt server error
        self.notes: list[str] = []  # what the crawl should tell the user

    def load(self, url: str) -> None:
        """Fetch and parse the robots.txt of ``url``'s origin, if not done yet."""
        site = origin(url)
        if site in self._parsed:
            return
        try:
            status, text = self.fetcher.get_text(site + "/robots.txt")
        except requests.RequestException as exc:
            self._parsed[site] = None
            self._unreachable[site] = describe(exc)
            return
        if status >= 500 or status == 429:
            self._parsed[site] = None
            self._unavailable[site] = f"robots.txt answered HTTP {status}"
            return
        rules = Protego.parse(text if status < 400 else "")
        self._parsed[site] = rules
        delay = rules.crawl_delay(self.agent)
        if delay:
            if delay > MAX_CRAWL_DELAY:
                self.notes.append(
                    f"{netloc(url)}: robots.txt asks a Crawl-delay of {delay:g} s; "
                    f"capped at {MAX_CRAWL_DELAY:g} s, other hosts go on meanwhile"
                )
            self.fetcher.set_host_delay(netloc(url), min(float(delay), MAX_CRAWL_DELAY))

    def allowed(self, url: str) -> bool:
        self.load(url)
        rules = self._parsed[origin(url)]
        return rules is not None and rules.can_fetch(url, self.agent)

    def unreachable(self, url: str) -> str | None:
        """Why ``url``'s host gave no response to the robots.txt request, if it did not."""
        self.load(url)
        return self._unreachable.get(origin(url))

    def failure(self, url: str) -> str | None:
        """Why ``url`` is refused when robots.txt could not be had (None: it disallows it)."""
        site = origin(url)
        if site in self._unreachable:
            return f"host unreachable: {self._unreachable[site]}"
        return self._unavailable.get(site)
