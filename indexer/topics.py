"""A small topic lexicon for tagging statement sentences (commitments, trends).

Each topic has a stable slug (used in URLs, JSON and the CLI's ``--topic``), a label for
people, and a list of regular-expression terms matched case-insensitively at word starts.
A term ending in a letter also matches longer words (``digit`` would match ``digital``), so
write terms as stems where variants are wanted and add ``\\b`` where they are not.

To extend the lexicon, add terms to a topic, or add a ``Topic`` to ``TOPICS``; slugs must stay
stable once published, because saved links and exports use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    terms: tuple[str, ...]

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(self.terms) + ")", re.IGNORECASE)


TOPICS: tuple[Topic, ...] = (
    Topic(
        "access-to-finance",
        "Access to finance",
        (
            r"access to (?:finance|financing|credit|capital)",
            r"financ(?:e|ing)\b",
            r"financial (?:inclusion|services|literacy)",
            r"credit\b",
            r"loans?\b",
            r"lending",
            r"microfinance",
            r"venture capital",
            r"fintech",
            r"collateral",
            r"capital markets?",
            r"investors?\b",
        ),
    ),
    Topic(
        "digitalisation",
        "Digitalisation",
        (
            r"digit(?:al|isation|ization|ise|ize)",
            r"e-commerce",
            r"ecommerce",
            r"online\b",
            r"internet",
            r"ICT\b",
            r"information and communications? technolog",
            r"cyber",
            r"e-government",
            r"technology adoption",
        ),
    ),
    Topic(
        "women-and-inclusion",
        "Women and inclusion",
        (
            r"wom[ae]n",
            r"gender",
            r"inclusi(?:on|ve)",
            r"youth\b",
            r"young (?:people|entrepreneurs)",
            r"persons? with disabilit",
            r"indigenous",
            r"underserved",
            r"under-represented",
            r"vulnerable groups",
        ),
    ),
    Topic(
        "startups-and-entrepreneurship",
        "Start-ups and entrepreneurship",
        (
            r"start-?ups?\b",
            r"entrepreneur",
            r"incubat",
            r"accelerators?\b",
            r"new (?:businesses|firms|ventures)",
            r"business creation",
        ),
    ),
    Topic(
        "international-markets",
        "International markets and value chains",
        (
            r"global value chains?",
            r"value chains?",
            r"GVCs?\b",
            r"supply chains?",
            r"international (?:markets?|trade)",
            r"internationali[sz]",
            r"exports?\b",
            r"exporters?\b",
            r"exporting",
            r"market access",
            r"cross-border",
            r"trade facilitation",
            r"free trade",
        ),
    ),
    Topic(
        "green-bcg",
        "Green and bio-circular-green (BCG) economy",
        (
            r"green\b",
            r"BCG\b",
            r"bio-circular-green",
            r"circular economy",
            r"sustainab",
            r"climate",
            r"low[- ]carbon",
            r"decarboni[sz]",
            r"renewable",
            r"energy efficien",
            r"environment",
            r"net[- ]zero",
        ),
    ),
    Topic(
        "informal-economy",
        "Informal economy",
        (
            r"informal (?:economy|sector|enterprises?|businesses|workers?)",
            r"informality",
            r"formali[sz]",
        ),
    ),
    Topic(
        "disaster-resilience",
        "Disaster resilience",
        (
            r"disasters?\b",
            r"business continuity",
            r"emergenc(?:y|ies)",
            r"pandemic",
            r"COVID",
            r"recovery",
            r"resilien",
            r"earthquake",
            r"tsunami",
            r"typhoon",
        ),
    ),
    Topic(
        "data",
        "Data and statistics",
        (
            r"data\b",
            r"statistic",
            r"indicators?\b",
            r"evidence-based",
            r"evidence base",
            r"surveys?\b",
            r"monitoring and evaluation",
        ),
    ),
    Topic(
        "innovation",
        "Innovation",
        (
            r"innovat",
            r"research and development",
            r"R&D\b",
            r"intellectual property",
            r"technology transfer",
            r"new technologies",
        ),
    ),
)

TOPICS_BY_SLUG: dict[str, Topic] = {topic.slug: topic for topic in TOPICS}


def topics_of(text: str) -> list[str]:
    """The slugs of the topics `text` touches, in lexicon order."""
    return [topic.slug for topic in TOPICS if topic.pattern.search(text)]


def topic_label(slug: str) -> str:
    """The human label of a topic slug (the slug itself when unknown)."""
    topic = TOPICS_BY_SLUG.get(slug)
    return topic.label if topic else slug
