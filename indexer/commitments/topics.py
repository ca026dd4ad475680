"""The topic lexicon: which sentences are about access to finance, digitalisation, ...

This module is the one place the topics are defined. Each topic has a stable slug (used in
URLs, JSON and the CLI's ``--topic``), a label for people, its **terms** and its **excluded
contexts**, all regular expressions matched case-insensitively from a word start. A sentence
is tagged with a topic when one of its terms matches outside every excluded context of that
topic. Terms are multi-word where a lone word misleads (issue 13):

- a meeting's name is not its topic: "the Finance Ministers' Meeting" is not access to
  finance, "Ministers Responsible for Trade" not international markets, "the Women Leaders'
  Network" attending is not women and inclusion;
- "resilient" or "recovery" alone is not disaster resilience ("firms stayed resilient");
  disasters, emergencies, pandemics and business continuity are;
- "sustainable development", "sustainable growth", "environment" (as in "business
  environment") and "regulatory framework" are not green/BCG; green growth, climate change,
  the circular economy and low-carbon or energy-efficient firms are;
- access to finance catches SME financing in all its phrasings: "financing SMEs", "access
  to credit", "SME finance", microfinance and microcredit, venture capital, credit guarantees,
  "financial and capital markets more accessible to SMEs".

To extend the lexicon, add terms (or excluded contexts) to a topic, or add a ``Topic`` to
``TOPICS``; slugs must stay stable once published, because saved links and exports use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

# Who is financed: "financing SMEs", "credit to small firms", "loans for start-ups".
_SMES = (
    r"(?:M?SMEs?|MEs|micro(?:[- ]enterprises|,?\s+small\s+and\s+medium)|"
    r"small\s+(?:and\s+medium\s+)?(?:enterprises|firms|businesses)|enterprises|firms|"
    r"businesses|start-?ups|entrepreneurs)"
)


@dataclass(frozen=True)
class Topic:
    """A topic: slug, label, terms that tag a sentence, contexts in which they do not."""

    slug: str
    label: str
    terms: tuple[str, ...]
    excluded: tuple[str, ...] = field(default=())

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(self.terms) + ")", re.IGNORECASE)

    @cached_property
    def excluded_pattern(self) -> re.Pattern[str] | None:
        if not self.excluded:
            return None
        return re.compile(r"\b(?:" + "|".join(self.excluded) + ")", re.IGNORECASE)

    def matches(self, text: str) -> bool:
        """Whether a term of the topic occurs in `text` outside its excluded contexts."""
        terms = [m.start() for m in self.pattern.finditer(text)]
        if not terms or self.excluded_pattern is None:
            return bool(terms)
        spans = [m.span() for m in self.excluded_pattern.finditer(text)]
        return any(not any(s <= at < e for s, e in spans) for at in terms)


TOPICS: tuple[Topic, ...] = (
    Topic(
        "access-to-finance",
        "Access to finance",
        (
            r"access\s+to\s+(?:[\w-]+\s+){0,2}?(?:finance|financing|credit|capital|funding|loans|"
            r"financial\s+services)",
            r"(?:M?SME|small\s+business|bank)\s+(?:loans?|credit|lending)",
            r"financial\s+(?:support|assistance)\s+(?:for|to)",
            r"financ(?:e|ing)\s+(?:for|to|of)\s+(?:the\s+)?" + _SMES,
            r"financing\s+" + _SMES,
            r"financ(?:e|ing)\b",
            r"(?:M?SME|business|enterprise|alternative|trade|supply[- ]chain|equity|digital)"
            r"\s+financ",
            r"financial\s+(?:inclusion|services|literacy|solutions|resources|institutions)",
            r"financial\s+and\s+capital\s+markets",
            r"capital\s+markets?\s+(?:more\s+)?accessible",
            r"micro-?(?:finance|credit|loans?)",
            r"credit\s+(?:guarantees?|information|ratings?|scoring|bureaus?|lines?|schemes?)",
            r"credit\s+(?:to|for)\s+" + _SMES,
            r"(?:bank\s+)?(?:loans?|lending)\s+(?:to|for)\s+" + _SMES,
            r"(?:funds?|funding)\s+(?:for|to)\s+(?:\w+\s+)?" + _SMES,
            r"venture\s+capital",
            r"angel\s+invest",
            r"crowdfunding",
            r"fintech",
            r"collateral",
            r"sources\s+of\s+(?:funding|capital|finance)",
        ),
        (
            r"finance\s+ministers?'?(?:\s+(?:meeting|process))?",
            r"(?:ministry|minister|ministers|department)\s+of\s+finance",
            r"APEC\s+finance",
            r"finance\s+and\s+central\s+bank",
            r"public\s+finance",
        ),
    ),
    Topic(
        "digitalisation",
        "Digitalisation",
        (
            r"digit(?:al|ally|alisation|alization|alise|alize|ised|ized|isation|ization)",
            r"e-?commerce",
            r"electronic\s+commerce",
            r"online\s+(?:platforms?|market\w*|sales|services|transactions|tools|channels)",
            r"internet",
            r"ICTs?\b",
            r"information\s+and\s+communications?\s+technolog",
            r"cyber",
            r"e-government",
            r"artificial\s+intelligence",
            r"cloud\s+computing",
            r"fintech",
            r"e-payments?",
            r"e-invoic",
            r"paperless",
            r"broadband",
            r"mobile\s+(?:payments?|money|banking)",
            r"online\b",
        ),
        (r"(?:met|meet|meeting|held|convened)\s+online", r"online\s+(?:meeting|session)"),
    ),
    Topic(
        "women-and-inclusion",
        "Women and inclusion",
        (
            r"wom[ae]n",
            r"gender",
            r"sex-disaggregated",
            r"inclusi(?:on|ve)\s+(?:growth|development|business|economic|economies|recovery|"
            r"ecosystem|participation|and\s+sustainable)",
            r"(?:economic|social)\s+inclusion",
            r"youth\b",
            r"young\s+(?:people|entrepreneurs|women)",
            r"persons?\s+with\s+disabilit",
            r"indigenous",
            r"underserved",
            r"under-represented",
            r"vulnerable\s+groups",
            r"rural\s+and\s+remote",
            r"untapped\s+economic\s+potential",
            r"older\s+(?:people|persons|workers)",
            r"(?:ethnic\s+)?minorit(?:y|ies)\b",
        ),
        (r"women\s+leaders'?\s+network",),
    ),
    Topic(
        "startups-and-entrepreneurship",
        "Start-ups and entrepreneurship",
        (
            r"start-?ups?\b",
            r"entrepreneur",
            r"incubat",
            r"(?:business\s+)?accelerators?\b",
            r"new\s+(?:businesses|firms|ventures|enterprises)",
            r"business\s+creation",
            r"start(?:ing)?\s+(?:and\s+grow(?:ing)?\s+)?a\s+business",
            r"self-employ",
            r"founders?\b",
        ),
    ),
    Topic(
        "international-markets",
        "International markets and value chains",
        (
            r"(?:global|regional)\s+value\s+chains?",
            r"value\s+chains?",
            r"GVCs?\b",
            r"supply\s+chains?",
            r"international\s+(?:markets?|trade)",
            r"(?:global|foreign|overseas|export)\s+markets?",
            r"internationali[sz]",
            r"exports?\b",
            r"exporters?\b",
            r"exporting",
            r"market\s+access",
            r"cross-?border",
            r"certificates?\s+of\s+origin",
            r"low-value\s+(?:parcels|shipments|goods)",
            r"(?:at\s+the\s+border|border\s+(?:procedures|clearance))",
            r"across\s+borders",
            r"(?:sell\w*|trad\w+|expand\w*)\s+abroad",
            r"trade\s+(?:facilitation|barriers)",
            r"free\s+trade",
            r"trade\s+and\s+investment",
            r"regional\s+economic\s+integration",
            r"(?:non-)?tariffs?\b",
            r"rules\s+of\s+origin",
            r"customs\s+(?:procedures|clearance)",
        ),
        (
            r"ministers\s+responsible\s+for\s+trade",
            r"supply\s+chains?\s+(?:finance|financing)",
        ),
    ),
    Topic(
        "green-bcg",
        "Green and bio-circular-green (BCG) economy",
        (
            r"green\s+(?:economy|growth|technolog\w*|transformation|transition|M?SMEs|"
            r"businesses|jobs|products|goods|services|finance|recovery|industr\w*|innovation)",
            r"BCG\b",
            r"bio-circular-green",
            r"circular\s+economy",
            r"climate\s+(?:change|action|resilien\w*|finance|goals)",
            r"low[- ]carbon",
            r"decarboni[sz]",
            r"renewable\s+energy",
            r"energy[- ]efficien",
            r"clean\s+(?:energy|technolog)",
            r"carbon\s+(?:emissions|footprint|neutral\w*)",
            r"waste\s+(?:reduction|management)",
            r"environment[- ]friendly",
            r"net[- ]zero",
            r"greenhouse\s+gas",
            r"emissions?\b",
            r"environmental(?:ly)?\s+(?:sustainab\w*|friendly|sound|protection|goods|impact)",
            r"sustainable\s+(?:production|consumption|business\s+practices|practices|"
            r"and\s+green|use\s+of\s+resources)",
        ),
    ),
    Topic(
        "informal-economy",
        "Informal economy",
        (
            r"informal\s+(?:economy|sector|enterprises?|businesses|firms|workers?|traders?|"
            r"to\s+the\s+formal)",
            r"informality",
            r"formali[sz]",
        ),
    ),
    Topic(
        "disaster-resilience",
        "Disaster resilience",
        (
            r"(?:natural\s+)?disasters?\b",
            r"business\s+continuity",
            r"emergenc(?:y|ies)\s+(?:preparedness|response|situations?)",
            r"emergency",
            r"pandemic",
            r"COVID",
            r"earthquakes?",
            r"tsunamis?",
            r"typhoons?",
            r"floods?\b",
            r"resilien\w*\s+(?:to|against)\s+(?:shocks|disasters|crises|emergencies)",
            r"(?:prepare\s+for|recover\s+from)\s+(?:natural\s+)?disasters",
            r"natural\s+hazards?",
        ),
        (r"emergency[- ]preparedness\s+working\s+group",),
    ),
    Topic(
        "data",
        "Data and statistics",
        (
            r"data(?:bases?)?\b",
            r"statistic",
            r"indicators?\b",
            r"evidence-based",
            r"evidence\s+base",
            r"surveys?\b",
            r"monitoring\s+and\s+evaluation",
        ),
    ),
    Topic(
        "innovation",
        "Innovation",
        (
            r"innovat",
            r"research\s+and\s+development",
            r"R&D\b",
            r"intellectual\s+property",
            r"technology\s+transfer",
            r"new\s+technologies",
            r"science\s+and\s+technology",
            r"patents?\b",
            r"commerciali[sz]",
        ),
    ),
)

TOPICS_BY_SLUG: dict[str, Topic] = {topic.slug: topic for topic in TOPICS}


def topics_of(text: str) -> list[str]:
    """The slugs of the topics `text` is about, in lexicon order."""
    return [topic.slug for topic in TOPICS if topic.matches(text)]


def topic_label(slug: str) -> str:
    """The human label of a topic slug (the slug itself when unknown)."""
    topic = TOPICS_BY_SLUG.get(slug)
    return topic.label if topic else slug
