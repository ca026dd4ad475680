"""Link discovery in a fetched HTML page: followable links and the declared canonical URL."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from indexer.crawl.urls import clean

# Links examined on one page; the rest are counted, not cleaned (a listing has hundreds,
# a hostile page may have a hundred thousand, each costing a URL normalisation).
MAX_PAGE_LINKS = 2_000
LINK_ATTRIBUTES = (("a", "href"), ("area", "href"), ("iframe", "src"), ("embed", "src"))
# Files that are never documents for this project: not worth a request.
SKIPPED_EXTENSIONS = re.compile(
    r"\.(?:jpe?g|png|gif|svg|webp|ico|css|js|json|xml|zip|rar|7z|gz|mp[34]|mov|avi|"
    r"docx?|xlsx?|pptx?|csv|txt|ics|woff2?|ttf|eot)$",
    re.IGNORECASE,
)


# <meta http-equiv="refresh" content="0; url=/new/place">: the delay, then the target.
REFRESH_CONTENT = re.compile(
    r"^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(['\"]?)(?P<url>[^'\"]*)\1", re.IGNORECASE
)


@dataclass
class PageLinks:
    links: list[str] = field(default_factory=list)  # clean absolute URLs, in page order
    canonical: str | None = None
    capped: int = 0  # links beyond the first MAX_PAGE_LINKS, not followed
    refresh: str | None = None  # the target of a <meta http-equiv="refresh"> to another URL


def page_links(body: bytes, base_url: str) -> PageLinks:
    """Links worth following from an HTML page, resolved against ``<base href>`` or
    ``base_url``, and the target of its meta refresh, if any. A page marked
    ``<meta name="robots" content="nofollow">`` gives no links."""
    found = PageLinks()
    try:
        root = lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError):  # an empty or unparseable body has no links
        return found
    base_tag = next((b for b in root.iter("base") if b.get("href")), None)
    base = clean(base_tag.get("href"), base_url) if base_tag is not None else None
    base = base or base_url
    for link in root.iter("link"):
        if "canonical" in _rel(link) and link.get("href"):
            found.canonical = clean(link.get("href"), base)
            break
    for meta in root.iter("meta"):
        robots = (meta.get("name") or "").strip().lower() == "robots"
        if robots and "nofollow" in (meta.get("content") or "").lower():
            return found
        if (meta.get("http-equiv") or "").strip().lower() == "refresh" and not found.refresh:
            found.refresh = _refresh_target(meta.get("content") or "", base)
    seen = set()
    examined = 0
    for tag, attribute in LINK_ATTRIBUTES:
        for element in root.iter(tag):
            value = element.get(attribute)
            if value is None or "nofollow" in _rel(element):
                continue
            if examined >= MAX_PAGE_LINKS:
                found.capped += 1
                continue
            examined += 1
            url = clean(value, base)
            if url and url not in seen and not SKIPPED_EXTENSIONS.search(url.split("?")[0]):
                seen.add(url)
                found.links.append(url)
    return found


def _refresh_target(content: str, base: str) -> str | None:
    """The URL a meta refresh sends the reader to, when it is another page than ``base``."""
    match = REFRESH_CONTENT.match(content)
    target = clean(match.group("url"), base) if match and match.group("url").strip() else None
    return target if target and target != clean(base) else None


def _rel(element) -> list[str]:
    return (element.get("rel") or "").lower().split()
