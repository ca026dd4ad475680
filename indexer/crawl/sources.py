"""The curated source list (``corpus/sources.toml``): seeds, scope, aliases, named documents."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.crawl.urls import ScopeRule, UrlRules, clean, netloc
from indexer.model import DOC_TYPES

SOURCES_FILE = "sources.toml"
HINT_KEYS = ("title", "year", "doc_type")
# The committed source list, used when a corpus directory has none of its own.
PACKAGED_SOURCES = Path(__file__).resolve().parents[2] / "corpus" / SOURCES_FILE


class SourcesError(ValueError):
    """The source list is missing or malformed."""


@dataclass(frozen=True)
class SourceDocument:
    """A document named in the source list: its URL spellings, tried in order, and hints."""

    urls: tuple[str, ...]
    hints: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass
class Sources:
    seeds: list[str]
    scope: list[ScopeRule]
    aliases: dict[str, str] = field(default_factory=dict)
    documents: list[SourceDocument] = field(default_factory=list)

    @classmethod
    def from_seeds(cls, seeds: list[str]) -> Sources:
        """Seeds given on the command line: the scope is their own hosts, port included."""
        cleaned = [_url(seed, "--seed") for seed in seeds]
        hosts = dict.fromkeys(netloc(seed) for seed in cleaned)
        return cls(seeds=cleaned, scope=[ScopeRule(host) for host in hosts])

    def rules(self) -> UrlRules:
        rules = UrlRules(scope=self.scope, aliases=self.aliases)
        rules.explicit_hosts = {netloc(rules.fetch_url(seed)) for seed in self.seeds}
        rules.extra_keys = {rules.key(url) for doc in self.documents for url in doc.urls}
        return rules


def sources_path(corpus_dir: Path) -> Path:
    """``<corpus>/sources.toml`` if the corpus has one, else the committed list."""
    own = Path(corpus_dir) / SOURCES_FILE
    return own if own.exists() else PACKAGED_SOURCES


def load_sources(path: Path, *, this_year: int | None = None) -> Sources:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourcesError(f"cannot read {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{path}: {exc}") from exc
    this_year = this_year or dt.date.today().year
    try:
        seeds = [_url(u, "seeds") for u in data.get("seeds", [])]
        scope = [
            ScopeRule(str(entry["host"]).lower(), prefix)
            for entry in data.get("scope", [])
            for prefix in entry.get("prefixes", ["/"])
        ]
        aliases = {str(k).lower(): str(v) for k, v in data.get("aliases", {}).items()}
        documents = [
            SourceDocument((_url(entry["url"], "documents"),), _hints(entry))
            for entry in data.get("documents", [])
        ]
        for pattern in data.get("yearly", []):
            last = int(pattern.get("last", this_year))
            for year in range(int(pattern["first"]), last + 1):
                urls = tuple(_url(u.format(year=year), "yearly") for u in pattern["urls"])
                documents.append(SourceDocument(urls, _hints(pattern) | {"year": year}))
    except (KeyError, TypeError, ValueError) as exc:
        raise SourcesError(f"{path}: malformed entry ({exc})") from exc
    if not seeds and not documents:
        raise SourcesError(f"{path}: no seeds and no documents")
    return Sources(seeds=seeds, scope=scope, aliases=aliases, documents=documents)


def _url(value: Any, where: str) -> str:
    url = clean(str(value))
    if url is None:
        raise SourcesError(f"{where}: not an http(s) URL: {value!r}")
    return url


def _hints(entry: dict[str, Any]) -> dict[str, Any]:
    hints = {k: entry[k] for k in HINT_KEYS if k in entry}
    if hints.get("doc_type", "other") not in DOC_TYPES:
        raise SourcesError(f"unknown doc_type {hints['doc_type']!r}; one of {DOC_TYPES}")
    return hints
