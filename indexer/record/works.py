"""Works and their copies: documents whose text is the same, or nearly, are one work.

Snapshots of one page (the same address once host aliases, letter case, ``.aspx`` and a
trailing slash are set aside) are its *versions*; the same text at other addresses (a
document-sharing site's upload, a wire's reprint, a staging host's path) is a *copy*. Near
duplicates are found with MinHash LSH over word shingles (``datasketch``), then each
candidate pair is checked on the shingles themselves, counted with their repeats: nearly
all of the smaller text must stand in the larger (containment) and neither may be much
shorter than the other, so a story that quotes a statement's paragraph, two years'
statements that share their opening, or two pages built on one template stay apart.
This follows Google Scholar's "All N versions" (design notes): one result per work, its
authoritative copy first.

A page's ``<link rel="canonical">`` is a hint, trusted only when the text agrees
(``trusted_canonicals``): a page naming the home page, or another page holding other text,
stays a document at its own address.

The primary copy is APEC's own (www.apec.org after aliases) first, then the most complete
text, then the latest snapshot.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from indexer.crawl.urls import UrlRules
from indexer.model import Document

SHINGLE = 5  # words per shingle
PERMUTATIONS = 128
LSH_THRESHOLD = 0.3  # Jaccard of the candidates LSH proposes (checked exactly after)
# share of the smaller text's shingles found in the larger: 0.92, not more, so that a
# document-sharing site's transcription (page numbers run into the text, list numbers
# dropped: 0.93 of the SMEWG Strategic Plan 2009-2012's other upload) is a copy
CONTAINMENT = 0.92
SIZE_RATIO = 0.7  # the smaller text has at least this share of the larger's shingles
COMPLETE = 0.9  # a text with this share of the longest member's words counts as complete
MIN_SHINGLES = 20  # texts shorter than this are grouped by address only
CANONICAL_AGREEMENT = 0.5  # share of the smaller text in the larger for a canonical to hold
APEC_HOST = "www.apec.org"  # APEC's own host, once host aliases are applied


@dataclass(frozen=True)
class Work:
    """Documents of one work, by id: the primary first, each with its kind."""

    members: tuple[str, ...]  # doc ids, the primary first
    kinds: Mapping[str, str]  # doc id -> "primary", "version" or "copy"

    @property
    def id(self) -> str:
        return self.members[0]


def _shingles(text: str) -> Counter[str]:
    """The text's word shingles (SHINGLE words, case and NFKC folded), with their repeats."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = re.findall(r"\w+", folded)
    return Counter(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def same_text(a: Counter[str], b: Counter[str]) -> bool:
    """Whether two texts' shingles (with repeats) are one text: CONTAINMENT of the smaller
    in the larger, and the smaller at least SIZE_RATIO of the larger."""
    small, large = sorted((a, b), key=lambda c: c.total())
    if not small or small.total() < SIZE_RATIO * large.total():
        return False
    return (small & large).total() >= CONTAINMENT * small.total()


def trusted_canonicals(
    documents: Iterable[Document],
    aliases: Mapping[str, str],
    elsewhere: Iterable[Document] = (),
) -> list[Document]:
    """``documents`` in their order, each keeping the canonical URL it declares (its id:
    the same document as the one at that address, or a version of it) unless a document
    fetched at that address, among ``documents`` and ``elsewhere`` (pages not indexed, such
    as hub pages), holds text that does not agree with its own (``agrees``): then it takes
    its own final URL, so it is neither dropped as a duplicate of, nor cited under, a page
    it merely names. A canonical naming a page not fetched is kept: nothing contradicts it
    (a mirror naming the original, snapshots naming their one address)."""
    documents = list(documents)
    rules = UrlRules(scope=[], aliases=aliases)
    fetched: dict[str, Document] = {}
    for doc in (*documents, *elsewhere):
        fetched.setdefault(rules.key(doc.final_url), doc)
    out = []
    for doc in documents:
        named = rules.key(doc.canonical_url)
        there = fetched.get(named) if named != rules.key(doc.final_url) else None
        if there is not None and not agrees(there.text, doc.text):
            doc = replace(doc, canonical_url=doc.final_url)
        out.append(doc)
    return out


def agrees(a: str, b: str) -> bool:
    """Whether two texts are one page's, perhaps in two versions (a snapshot that changed
    a paragraph): at least CANONICAL_AGREEMENT of the smaller text's shingles stand in the
    larger (its words, for texts too short for shingles). A page that names the home page
    or another story as its canonical shares little more than a line with it."""
    small, large = sorted((_shingles(a), _shingles(b)), key=lambda c: c.total())
    if small.total() < MIN_SHINGLES:
        small, large = sorted((Counter(a.split()), Counter(b.split())), key=lambda c: c.total())
    return small.total() > 0 and (small & large).total() >= CANONICAL_AGREEMENT * small.total()


class _Groups:
    """Union-find over document ids."""

    def __init__(self, ids: Iterable[str]):
        self.parent = {i: i for i in ids}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def find_works(documents: Iterable[Document], aliases: Mapping[str, str]) -> list[Work]:
    """The works of ``documents`` (every document in exactly one), ``aliases`` mapping host
    names to the origin they stand for (``corpus/sources.toml``)."""
    # Imported here: datasketch brings NumPy and SciPy, which a search worker, which reads
    # the record but never builds it, need not load (about 35 MB a worker).
    from datasketch import MinHash, MinHashLSH

    docs = {d.id: d for d in documents}
    rules = UrlRules(scope=[], aliases=aliases)
    address = {i: rules.key(d.canonical_url) for i, d in docs.items()}
    groups = _Groups(docs)
    first_at: dict[str, str] = {}
    for i, key in address.items():
        groups.union(i, first_at.setdefault(key, i))
    shingles = {i: _shingles(d.text) for i, d in docs.items()}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    for i, found in shingles.items():
        if found.total() < MIN_SHINGLES:
            continue
        sketch = MinHash(num_perm=PERMUTATIONS)
        sketch.update_batch([s.encode("utf-8") for s in found])
        for other in lsh.query(sketch):
            if same_text(found, shingles[other]):
                groups.union(i, other)
        lsh.insert(i, sketch)
    members: dict[str, list[str]] = {}
    for i in docs:
        members.setdefault(groups.find(i), []).append(i)
    works = []
    for ids in members.values():
        primary = _primary([docs[i] for i in ids], rules)
        kinds = {
            i: "primary"
            if i == primary.id
            else "version"
            if address[i] == address[primary.id]
            else "copy"
            for i in ids
        }
        others = sorted((i for i in ids if i != primary.id), key=lambda i: _when(docs[i]))
        works.append(Work((primary.id, *reversed(others)), kinds))  # the latest first
    return works


def _primary(members: list[Document], rules: UrlRules) -> Document:
    """APEC's own copy first, then the most complete text, then the latest snapshot."""
    own = [d for d in members if urlsplit(rules.fetch_url(d.canonical_url)).netloc == APEC_HOST]
    pool = own or members
    longest = max(len(d.text.split()) for d in pool)
    complete = [d for d in pool if len(d.text.split()) >= COMPLETE * longest]
    return max(complete, key=lambda d: (_when(d), d.fetched_at or "", len(d.text)))


def _when(doc: Document) -> str:
    """When a document was issued, to order snapshots: its date ("2019-05-01"), else its
    year ("2023", later than any date of 2022 and earlier), else ""."""
    return doc.date or (str(doc.year) if doc.year else "")
