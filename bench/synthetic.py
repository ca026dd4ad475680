"""A deterministic synthetic corpus of statement-like documents, and queries over it.

Used by ``bench/search_bench.py`` (and the load test). Nothing here is real APEC text: the
vocabulary is a few hundred words of the field plus their derived forms, drawn with a Zipf
distribution and mixed with English function words, in paragraphs of realistic length.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from indexer.crawl.corpus import Corpus, ManifestRecord
from indexer.model import DOC_TYPES, Document, Paragraph

DOMAIN = """
access agriculture barrier border business capacity cooperation commitment competitiveness
connectivity credit crisis customs development digital digitalisation diversity economy
ecommerce education employment empowerment enterprise entrepreneur entrepreneurship environment
export finance financing firm framework gender globalisation governance green growth guideline
inclusion inclusive incubator industry information infrastructure initiative innovation
insurance integration investment knowledge labour leadership lending loan market micro
minister ministerial mentoring network opportunity partnership pandemic participation policy
procurement productivity programme promotion recovery reform region regional regulation
regulatory resilience resource roadmap rural services skill small startup strategy supply
sustainability sustainable technology tourism trade training transformation transparency
value venture women youth workshop secretariat member economies dialogue forum declaration
priority cluster standard certification intellectual property logistics payment platform
collaboration consultation evaluation indicator survey capital guarantee fund subsidy tax
microfinance cooperative handicraft manufacturing exporter importer tariff quality safety
energy climate carbon ocean fisheries food security health education literacy mobility
"""
VERBS = """
welcome recognise encourage support acknowledge endorse commit reaffirm note agree
promote strengthen enhance facilitate improve foster develop implement advance expand
"""
FUNCTION = """
the of and to in for on with that by as we our their its this these from at an be are
will all which through among across including such more further also continue
"""
PLACES = [
    "Osaka, Japan",
    "Manila, Philippines",
    "Lima, Peru",
    "Wellington, New Zealand",
    "Bangkok, Thailand",
    "Hanoi, Viet Nam",
    "Santiago, Chile",
    "Kuala Lumpur, Malaysia",
    "Port Moresby, Papua New Guinea",
    "Vladivostok, Russia",
    "Beijing, China",
    "Seoul, Korea",
    "Mexico City, Mexico",
    "Honolulu, United States",
    "Gifu, Japan",
    "Iloilo, Philippines",
]
TITLES = [  # one per DOC_TYPES entry, in the same order
    "Joint Ministerial Statement of the {n}th SME Ministerial Meeting",
    "Chair's Statement on {topic}",
    "Declaration on {topic}",
    "SME Working Group Strategic Plan {year}-{end}",
    "Terms of Reference of the Working Group on {topic}",
    "Report on {topic} for Micro and Small Enterprises",
]
SUFFIXES = ["", "", "", "s", "ed", "ing", "ation", "al"]


def _pseudo_words(rng: random.Random, n: int) -> list[str]:
    syllables = ["ka", "lo", "mi", "ran", "te", "su", "vo", "pel", "dri", "no", "qua", "zen"]
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


@dataclass
class Vocabulary:
    content: list[str]  # in Zipf rank order
    cum_weights: list[float]
    verbs: list[str]
    function: list[str]


def vocabulary(seed: int = 1) -> Vocabulary:
    rng = random.Random(seed)
    base = DOMAIN.split()
    derived = [w + s for w in base for s in SUFFIXES if s and rng.random() < 0.3]
    content = base + derived + _pseudo_words(rng, 3000)
    rng.shuffle(content[len(base) // 2 :])  # keep half the domain words near the top
    weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(content))]
    return Vocabulary(content, list(accumulate(weights)), VERBS.split(), FUNCTION.split())


def _sentence(rng: random.Random, vocab: Vocabulary) -> str:
    n = rng.randint(8, 26)
    picks = rng.choices(vocab.content, cum_weights=vocab.cum_weights, k=n)
    words = []
    for i, word in enumerate(picks):
        if i == 1:
            words.append(rng.choice(vocab.verbs))
        words.append(word)
        if rng.random() < 0.45:
            words.append(rng.choice(vocab.function))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, vocab: Vocabulary) -> str:
    target = int(rng.triangular(25, 180, 70))
    sentences: list[str] = []
    count = 0
    while count < target:
        sentence = _sentence(rng, vocab)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def generate_documents(n: int = 10_000, seed: int = 1) -> Iterator[Document]:
    """``n`` documents, the same ones for the same seed (about 650 words each on average)."""
    rng = random.Random(seed)
    vocab = vocabulary(seed)
    for i in range(n):
        kind = rng.randrange(len(TITLES))
        year = rng.randint(1994, 2025)
        topic = " ".join(w.capitalize() for w in rng.choices(vocab.content[:80], k=2))
        title = TITLES[kind].format(n=rng.randint(1, 30), topic=topic, year=year, end=year + 3)
        pdf = rng.random() < 0.3
        url = f"https://bench.example/sme/{i}" + (".pdf" if pdf else "")
        paragraphs: list[Paragraph] = []
        page = 1
        for j in range(rng.randint(3, 12)):
            if j and rng.random() < 0.2:
                paragraphs.append(Paragraph(topic if j == 1 else _sentence(rng, vocab)[:60], "h"))
            if pdf and j and rng.random() < 0.35:
                page += 1
            paragraphs.append(Paragraph(_paragraph(rng, vocab), page=page if pdf else None))
        yield Document(
            url=url,
            final_url=url,
            canonical_url=url,
            title=title,
            content_type="pdf" if pdf else "html",
            sha256=f"{i:064x}",
            fetched_at="2026-01-01T00:00:00+00:00",
            paragraphs=paragraphs,
            year=year,
            date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            meeting_number=rng.randint(1, 30) if kind == 0 else None,
            location=rng.choice(PLACES),
            doc_type=DOC_TYPES[kind],
        )


def write_corpus(root: Path, docs: list[Document]) -> Path:
    """Store documents as extracted records of a corpus (their sha256 is made up)."""
    corpus = Corpus(root)
    corpus.extracted_dir.mkdir(parents=True, exist_ok=True)
    lines = []
    for doc in docs:
        corpus.save_document(doc)
        lines.append(
            ManifestRecord(
                url=doc.url,
                final_url=doc.final_url,
                canonical_url=doc.canonical_url,
                status=200,
                sha256=doc.sha256,
                fetched_at=doc.fetched_at,
            )
        )
    for record in lines:
        corpus.append_record(record)
    return root


@dataclass
class BenchQuery:
    kind: str  # "word", "and", "phrase", "year"
    text: str  # the words (a phrase without its quotes)
    year: tuple[int, int] | None = None


def sample_queries(docs: list[Document], k: int = 200, seed: int = 2) -> list[BenchQuery]:
    """Single words, two-word ANDs, phrases from the text, and a word with a year range."""
    rng = random.Random(seed)
    vocab = vocabulary(1)
    common = vocab.content[:400]
    queries: list[BenchQuery] = []
    for i in range(k):
        kind = ("word", "and", "phrase", "year", "word")[i % 5]
        if kind == "word":
            queries.append(BenchQuery(kind, rng.choice(common)))
        elif kind == "and":
            queries.append(BenchQuery(kind, " ".join(rng.sample(common, 2))))
        elif kind == "phrase":
            para = rng.choice(rng.choice(docs).paragraphs).text.replace(".", "").split()
            at = rng.randrange(max(1, len(para) - 2))
            queries.append(BenchQuery(kind, " ".join(para[at : at + 2]).lower()))
        else:
            start = rng.randint(1994, 2020)
            queries.append(BenchQuery(kind, rng.choice(common), (start, start + 5)))
    return queries
