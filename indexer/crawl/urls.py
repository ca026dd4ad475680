"""URL rules for the crawl: cleaning, the dedupe key, scope, trap families, address safety.

Three forms of a URL matter:

* the *clean* URL (``clean``): absolute, fragment dropped, normalised by ``url-normalize``;
  links are resolved to this form;
* the *fetch* URL (``UrlRules.fetch_url``): the clean URL on its host's canonical origin
  (``http://apec.org/X`` is fetched as ``https://www.apec.org/X``);
* the *key* (``UrlRules.key``): what two spellings of one document share. apec.org serves
  the same page with any capitalisation of its path and with or without ``.aspx``, so the
  key lower-cases the path, drops a trailing ``.aspx`` and a trailing slash, and sorts the
  query. Only keys are compared; the fetch URL keeps the spelling that was linked.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from url_normalize import url_normalize

FOLLOWED_SCHEMES = ("http", "https")
# Query parameters that only track a click (campaign tags, ad and mail click ids); they are
# dropped so a tagged link is the same document as the plain one. From the lists that link
# cleaners keep (ClearURLs' global rules; Firefox's query-stripping list).
TRACKING_PARAMETER = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|"
    r"mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id)$",
    re.IGNORECASE,
)
_ASPX = re.compile(r"\.aspx$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


def clean(url: str, base: str | None = None) -> str | None:
    """Absolute, normalised http(s) URL without fragment or tracking parameters
    (``TRACKING_PARAMETER``); None for mailto:, javascript: etc."""
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    if base is not None:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in FOLLOWED_SCHEMES or not parts.netloc:
        return None
    if parts.query:
        kept = [p for p in parts.query.split("&") if not TRACKING_PARAMETER.match(p.split("=")[0])]
        parts = parts._replace(query="&".join(kept))
    try:
        normalised = url_normalize(urlunsplit(parts._replace(fragment="")))
    except (ValueError, UnicodeError):
        return None
    return normalised.split("#", 1)[0] if normalised else None


def netloc(url: str) -> str:
    """Host and port as they appear in the (clean) URL: ``127.0.0.1:8000``, ``www.apec.org``."""
    return urlsplit(url).netloc.lower()


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


@dataclass(frozen=True)
class ScopeRule:
    """A host (with port when not the default) and a path prefix inside it."""

    host: str
    prefix: str = "/"

    def matches(self, host: str, path: str) -> bool:
        if host != self.host.lower():
            return False
        prefix = self.prefix.lower().rstrip("/")
        path = path.lower()
        return not prefix or path == prefix or path.startswith(prefix + "/")


@dataclass
class UrlRules:
    """Alias hosts, scope and the set of hosts explicitly given as seeds."""

    scope: list[ScopeRule]
    aliases: Mapping[str, str] = field(default_factory=dict)  # netloc -> canonical origin
    explicit_hosts: set[str] = field(default_factory=set)
    extra_keys: set[str] = field(default_factory=set)  # named documents outside the prefixes

    def fetch_url(self, url: str) -> str:
        """The clean URL moved onto its host's canonical origin."""
        parts = urlsplit(url)
        target = self.aliases.get(parts.netloc.lower())
        if target is None:
            return url
        canon = urlsplit(target)
        return urlunsplit(parts._replace(scheme=canon.scheme, netloc=canon.netloc))

    def key(self, url: str) -> str:
        """The dedupe key: same document, same key."""
        parts = urlsplit(self.fetch_url(url))
        path = _ASPX.sub("", parts.path.lower())
        if len(path) > 1:
            path = path.rstrip("/")
        query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
        return urlunsplit((parts.scheme, parts.netloc.lower(), path or "/", query, ""))

    def in_scope(self, url: str) -> bool:
        key = self.key(url)
        if key in self.extra_keys:
            return True
        parts = urlsplit(key)
        return any(rule.matches(parts.netloc, parts.path) for rule in self.scope)

    def address_allowed(self, url: str) -> bool:
        """False when the host resolves to a private, loopback or link-local address,
        unless that host was given explicitly as a seed."""
        target = self.fetch_url(url)
        if netloc(target) in self.explicit_hosts:
            return True
        return not resolves_to_private(urlsplit(target).hostname or "")


@lru_cache(maxsize=256)
def resolves_to_private(hostname: str) -> bool:
    """True if any address of the host is private, loopback, link-local or reserved.
    A name that does not resolve is not refused here: fetching it fails with a reason."""
    try:
        addresses: Iterable[str] = [str(ipaddress.ip_address(hostname))]
    except ValueError:
        try:
            addresses = {info[4][0] for info in socket.getaddrinfo(hostname, None)}
        except (socket.gaierror, UnicodeError):
            return False
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved:
            return True
    return False


def family(key: str) -> str:
    """The pattern family of a URL key: digits replaced, query keys kept, values' digits
    replaced. ``/calendar?month=7`` and ``/calendar?month=8`` share a family, and so do
    ``/events/2026/11`` and ``/events/2026/12``."""
    parts = urlsplit(key)
    query = "&".join(
        f"{name}={_DIGITS.sub('N', value)}" for name, value in parse_qsl(parts.query, True)
    )
    return urlunsplit((parts.scheme, parts.netloc, _DIGITS.sub("N", parts.path), query, ""))
