"""Question analysis: what a question asks for, and the search that finds its answer.

A question becomes a bag of content terms (question words and stop words dropped, names,
years and quoted phrases kept), a handful of domain synonyms, an expected answer type, and
what identifies the document it is about: the years it names, the meeting it names by
ordinal ("the 12th SME ministerial meeting", "the inaugural meeting") and whether that is
a ministerial or a working-group meeting. The same term normalisation (`term_key`) is
applied to candidate sentences, so matching a sentence against the question is a matter of
comparing keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from indexer.index.analysis import STEM
from indexer.text import ordinals
from indexer.text.ordinals import ORDINAL

# Answer types, and the question wording that asks for each. The earliest match wins.
ANSWER_TYPES = (
    "person",
    "date",
    "place",
    "money",
    "share",
    "number",
    "frequency",
    "named",
    "theme",
    "list",
    "other",
)
# The things ministers endorse, adopt, launch or welcome, as a question names their kind.
NAMED_KINDS_TEXT = """plan agenda initiative guide guidelines declaration framework strategy
    roadmap principles program programme centre center network fund statement report toolkit
    charter vision action compact partnership platform study project proposal portal gateway
    hub handbook toolbox manual database award"""
NAMED_KINDS = frozenset(NAMED_KINDS_TEXT.split())
_NAMED_VERBS = r"endorse|adopt|launch|welcome|approve|commend|propose|establish|set\s+up"
# "What exchange did ministers launch?": the noun before "did" names the kind asked for
# (only opening the question: "At which meeting did ministers endorse ...?" asks a meeting).
_KIND_BEFORE_VERB = re.compile(
    r"^\s*(?:what|which)\s+(?:[\w-]+\s+){0,2}?(?P<kind>[^\W\d_]{3,})\s+(?:did|do|does|have|has"
    rf"|had|will|were|was)\s+[^?]*?\b(?:{_NAMED_VERBS})",
    re.I,
)
_TYPE_PATTERNS: dict[str, re.Pattern[str]] = {
    "theme": re.compile(r"\b(?:what|which)\b[^?]*\btheme\b", re.I),
    "frequency": re.compile(r"\bhow\s+(?:often|frequently)\b", re.I),
    # An amount of money: "What is the budget of ...?", "How much funding did ...?"
    "money": re.compile(
        r"\bhow\s+much\b(?!\s+of\b)[^?]*?\b(?:cost\w*|fund\w*|money|budget\w*|spen[dt]\w*"
        r"|invest\w*|worth|rais\w*|allocat\w*|grant\w*|financ\w*|loans?|pa(?:y|id))\b"
        r"|\b(?:what|which)\s+(?:is|was|were|are|will\s+be)\s+(?:the\s+)?(?:\w+\s+)?"
        r"(?:budget|cost|funding|price|sum|amount\s+of\s+(?:money|funding))\b",
        re.I,
    ),
    "share": re.compile(
        r"\b(?:what|which)\s+(?:share|percentage|proportion|percent|fraction|part)\b"
        r"|\bhow\s+much\s+of\b|\bwhat\s+%",
        re.I,
    ),
    "number": re.compile(r"\bhow\s+(?:many|much)\b|\bwhat\s+(?:is\s+the\s+)?number\b", re.I),
    "date": re.compile(
        r"\bwhen\b|\b(?:what|which)\s+(?:year|date|month|day)s?\b"
        r"|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:dates?|year|month|days?)\b",
        re.I,
    ),
    "place": re.compile(
        r"\bwhere\b|\b(?:what|which)\s+(?:city|place|venue|country|location|town)\b"
        r"|\bwhich\s+economy\s+(?:hosted|held)\b",
        re.I,
    ),
    "person": re.compile(
        r"\bwho(?:m|se)?\b|\b(?:what|which)\s+(?:minister|official|person|chair)\b", re.I
    ),
    "named": re.compile(
        rf"\b(?:what|which)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(NAMED_KINDS))})s?\b"
        rf"|\bwhat\s+(?:did|do|does|have|has|will)\s+[^?]*?\b(?:{_NAMED_VERBS})\b"
        rf"|{_KIND_BEFORE_VERB.pattern}"
        rf"|\bname\s+of\s+the\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(NAMED_KINDS))})s?\b",
        re.I,
    ),
}
# Ordinals that name a meeting: "the 12th SME ministerial meeting", "the inaugural meeting".
_ORDINAL = re.compile(rf"\b{ORDINAL}\b", re.I)
# What follows an ordinal that names a meeting, up to the word "meeting" (or its acronyms).
_MEETING_AFTER = re.compile(
    r"\s+(?:(?:apec|sme|smes|msme|ministerial|ministers'?|small|and|medium|enterprises?|"
    r"working|group|smewg|annual|\(smes?\))\s+){0,6}(?:meeting|smemm|smewg\b)",
    re.I,
)
WORKING_GROUP = re.compile(r"\b(?:smewg|working\s+group|sub-group|subgroup)\b", re.I)
MINISTERIAL = re.compile(r"\b(?:ministerial|ministers?|smemms?)\b", re.I)
_DOCUMENT_WORDS = re.compile(
    r"\baccording\s+to\b|\b(?:statement|declaration|report|release|article|story|speech"
    r"|page|plan|document)\b",
    re.I,
)


def meeting_ordinals(text: str) -> list[int]:
    """The numbers of the meetings `text` names by ordinal ("the sixth APEC SME Ministerial
    Meeting" -> [6]); an ordinal not followed by "meeting" ("first established") is not one."""
    return [
        ordinals.ordinal_number(m.group(0))
        for m in _ORDINAL.finditer(text)
        if _MEETING_AFTER.match(text, m.end())
    ]


# Words that say what kind of answer is wanted, not what it is about.
_TYPE_WORDS_TEXT = """year date month day city place venue country location town share dates often
    percentage proportion percent fraction part number name"""
_TYPE_WORDS = frozenset(_TYPE_WORDS_TEXT.split())

STOP_WORDS_TEXT = """
    a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can could did didn't do does doesn't doing done
    down during each few for from further had has have having he her here hers him his how
    i if in into is isn't it its itself just let me more most much my no nor not of off on
    once only or other our ours out over own please said same say says she should so some
    such tell than that the their theirs them then there these they this those through to
    too under until up upon us very was wasn't we were weren't what whatever when where
    whether which while who whom whose why will with would you your many
    get gets got getting go goes going
    """
STOP_WORDS = frozenset(STOP_WORDS_TEXT.split())

# Domain synonyms: every spelling in a group shares one key and expands to all the others.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("SME", "SMEs", "MSME", "MSMEs"),
    ("chair", "chaired", "chairmanship"),
    ("startup", "startups", "start-up", "start-ups"),
    ("establish", "established", "establishment", "start", "started", "create", "created"),
    ("ministerial", "SMEMM"),
    ("held", "hosted", "host"),
)
# What a "who" question asks the person did, when it is not chairing: the wording that asks
# for it. "Who was elected as the next Chair?" asks who was elected, not who chaired; "Who
# hosted the meeting?" who hosted it (an economy or its minister), not who chaired it.
RELATIONS: dict[str, re.Pattern[str]] = {
    "elected": re.compile(
        r"\b(?:elected|appointed|selected|chosen|named|nominated|will\s+(?:chair|take\s+over)"
        r"|(?:next|new|incoming|future)\s+(?:\w+\s+)?(?:chair|lead)\w*)\b",
        re.I,
    ),
    "opened": re.compile(r"\b(?:opened|opening|inaugurated|welcom\w+\s+address)\b", re.I),
    "hosted": re.compile(r"\b(?:hosted|host|hosts|hosting|organi[sz]ed)\b", re.I),
}
# Close spellings of the kinds of named things a question asks for ("What portal ...?" is
# answered by "the Export Gateway"): each kind's group.
KIND_GROUPS: tuple[tuple[str, ...], ...] = (
    ("portal", "platform", "gateway", "hub", "website", "site", "database"),
    ("guide", "guidebook", "guidelines", "handbook", "manual"),
    ("toolkit", "toolbox", "kit"),
    ("plan", "workplan", "blueprint"),
    ("program", "programme"),
    ("principle", "principles"),
    ("roadmap", "road map"),
    ("centre", "center"),
    ("statement", "declaration"),
)


def kind_spellings(kind: str) -> tuple[str, ...]:
    """The words that name a thing of `kind` ("portal" -> portal, platform, gateway, ...)."""
    kind = kind.lower()
    for group in KIND_GROUPS:
        if kind in group or kind.rstrip("s") in group:
            return group
    return (kind.rstrip("s"),)


# Roles a "who" question may name; the person answering must be named with that role.
ROLES_TEXT = """president prime premier governor mayor ambassador secretary director minister
    officer manager coordinator shepherd adviser advisor spokesperson convenor executive"""
ROLES = frozenset(ROLES_TEXT.split())

MAX_TERMS = 32  # a long question searches on its first 32 distinct content words
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_YEAR_RANGE = re.compile(r"\b(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\b")
_CHAIRED = re.compile(r"\b(?:chair|co-chair|presid(?:e|ed|es|ing)\b)", re.I)
_MEETING_WORDS = re.compile(
    r"\b(?:meet|met|meeting|held|convened|gather(?:ed)?|t(?:ake|ook)\s+place)\b", re.I
)
_FOCUS = re.compile(
    r"\b(?:about|regarding|concerning|on\s+the\s+(?:subject|topic|issue)\s+of"
    r"|(?:say|said|says|recommend\w*|decide\w*|agree\w*|note\w*|commit\w*)\s+on)\s+([^?]+)",
    re.I,
)
# Where a question's topic ends and the naming of its document begins.
_FOCUS_END = re.compile(
    r"\s+(?:at|during|according\s+to)\s+|\s+in\s+(?:the\s+)?(?:19|20)\d{2}\b|,", re.I
)
_DOCUMENT_NOUNS = frozenset(["meeting", "statement", "declaration", "ministers", "ministerial"])
_QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")
# Hyphenated spellings folded before tokenising, so that they meet their closed forms.
_FOLD = (re.compile(r"\bstart-ups?\b", re.I), "startup")


@lru_cache(maxsize=65536)
def _stem_key(word: str) -> str:
    """The index's own stem of a word (the lower-cased word for a stop word)."""
    tokens = [t.text for t in STEM(word)]
    return tokens[0] if tokens else word.lower()


_SYNONYM_KEY = {
    _stem_key(w): _stem_key(group[0]) for group in SYNONYM_GROUPS for w in group if "-" not in w
}


def term_key(word: str) -> str:
    """The matching key of one word: lower-cased, stemmed, synonyms merged."""
    key = _stem_key(word)
    return _SYNONYM_KEY.get(key, key)


def words(text: str) -> list[str]:
    """The words of `text`, hyphenated compounds split ("women-owned" -> women, owned)."""
    return _WORD.findall(_FOLD[0].sub(_FOLD[1], text))


def keys(text: str) -> list[str]:
    """Matching keys of every word of `text`, in order (stop words included, for positions)."""
    return [term_key(w) for w in words(text)]


# What a count question counts: up to four words after "how many" / "the number of", up to
# a verb ("-ed", "-ing" or an auxiliary) or a preposition.
_COUNTED = re.compile(
    r"\b(?:how\s+(?:many|much)|(?:the\s+)?number\s+of)\s+((?:(?!(?:are|is|was|were|did|do"
    r"|does|have|has|had|will|would|can|could|in|of|at|on|by|for|to|from|there|that|which|who)"
    r"\b|[\w'-]+(?:ed|ing)\b)[\w'-]+\s*){1,4})",
    re.I,
)


@dataclass
class Question:
    text: str
    answer_type: str
    terms: list[str] = field(default_factory=list)  # content words as written, in order
    names: list[str] = field(default_factory=list)  # capitalised content words
    years: list[int] = field(default_factory=list)  # single years, not ranges
    phrases: list[str] = field(default_factory=list)  # quoted phrases
    meeting: int | None = None  # the meeting number an ordinal names ("12th" -> 12)
    body: str | None = None  # "ministerial" or "working_group": whose meeting it is about
    named_kind: str | None = None  # "plan" for "Which plan did ministers endorse?"
    # years of the meetings the question names, from the record (indexer.ask.record); never
    # computed from an ordinal: the series has gaps
    meeting_years: set[int] = field(default_factory=set)

    @property
    def target_years(self) -> set[int]:
        """Every year the question points at: named outright, or the year of a meeting it
        names by number or place, as the record has it (``meeting_years``)."""
        return set(self.years) | self.meeting_years

    @property
    def counted_keys(self) -> set[str]:
        """The keys of what a "how many" question counts: its words after "how many" up to
        the verb or preposition ("How many SMEs are there in APEC?" -> SMEs, not APEC);
        empty for any other question."""
        found = _COUNTED.search(self.text) if self.answer_type == "number" else None
        return {term_key(w) for w in words(found.group(1))} if found else set()

    @property
    def asks_meeting_date(self) -> bool:
        """Whether a date question asks when a meeting was held ("On what dates did
        ministers meet?", "When was the meeting held?")."""
        return self.answer_type == "date" and bool(_MEETING_WORDS.search(self.text))

    @property
    def asks_dates(self) -> bool:
        """Whether it asks for the days of something ("On what dates ...?"): a range."""
        return bool(re.search(r"\bdates\b|\bwhich\s+days\b", self.text, re.I))

    @property
    def relation(self) -> str | None:
        """What a "who" question asks the person did, when not chairing: "elected" (also
        "the next Chair", "will chair"), "opened" (also "the opening address") or
        "hosted"."""
        if self.answer_type != "person":
            return None
        # The wording nearest the question word decides: "Who chaired the meeting hosted by
        # Atlantis?" asks the chair, "Who was elected as the next Chair?" who was elected.
        found = [
            (m.start(), name) for name, pat in RELATIONS.items() if (m := pat.search(self.text))
        ]
        if (chair := _CHAIRED.search(self.text)) and not RELATIONS["elected"].search(
            self.text, 0, chair.end()
        ):
            found.append((chair.start(), None))
        return min(found, key=lambda f: f[0])[1] if found else None

    @property
    def role(self) -> str | None:
        """The role a "who" question names ("Who is Atlantis's president?" -> "president",
        "Who is the Executive Director?" -> "director")."""
        if self.answer_type != "person" or self.asks_chair or self.relation:
            return None
        # The last word of the first run of role words: "Executive Director" -> "director".
        role = None
        for w in words(self.text):
            if w.lower() in ROLES:
                role = w.lower()
            elif role:
                break
        return role

    @property
    def names_a_document(self) -> bool:
        """Whether the question names the document it asks about ("according to the 2031
        statement", "the 2029 news release"): then its year is the document's, not a year a
        sentence mentions."""
        return bool(_DOCUMENT_WORDS.search(self.text))

    @property
    def names_a_statement(self) -> bool:
        """Whether the question asks what a statement or declaration says."""
        if self.named_kind in ("statement", "declaration"):
            return False  # "Which statement did ministers adopt?" asks for a name
        return bool(re.search(r"\b(?:statement|declaration)s?\b", self.text, re.I))

    @property
    def asks_chair(self) -> bool:
        """Whether a "who" question asks who chaired (or chairs) a meeting or a group."""
        return (
            self.answer_type == "person" and not self.relation and bool(_CHAIRED.search(self.text))
        )

    @property
    def focus_keys(self) -> set[str]:
        """Keys of the topic a question asks about: the words after "about", "on",
        "regarding" or "concerning" ("What did the statement say about training in MSMEs?"
        -> train, msme), up to what names the document ("at the Lakeside meeting", "in
        2031", "according to"); empty when it names none."""
        found = _FOCUS.search(self.text)
        if not found:
            return set()
        topic = _FOCUS_END.split(found.group(1), maxsplit=1)[0]
        return {
            term_key(w)
            for w in words(topic)
            if w.lower() not in STOP_WORDS and w.lower() not in _DOCUMENT_NOUNS
        }

    @property
    def phrase_anchors(self) -> list[str]:
        """For a "what" or "which" question answered by a phrase ("What were SMEs affected
        by during the crisis?"), the keys of the last two content words before what names
        the document or time ("particularly", "affected"), which the phrase follows in the
        sentence; empty for a question about a topic ("What did ministers say about ...?")
        or of a typed answer."""
        if self.answer_type != "other" or self.focus_keys:
            return []
        if not re.match(r"\s*(?:what|which)\b", self.text, re.I):
            return []
        head = _FOCUS_END.split(self.text.rstrip(" ?"), maxsplit=1)[0]
        content = [w for w in words(head)[1:] if w.lower() not in STOP_WORDS]
        return [term_key(w) for w in content[-2:]]

    @property
    def final_preposition(self) -> str | None:
        """The preposition a question ends with ("... affected by?" -> "by"), or None."""
        head = _FOCUS_END.split(self.text.rstrip(" ?"), maxsplit=1)[0].split()
        last = head[-1].lower() if head else ""
        return last if last in ("by", "on", "to", "for", "with", "as", "from", "into") else None

    @property
    def term_keys(self) -> list[str]:
        """Distinct matching keys of the content terms."""
        return list(dict.fromkeys(term_key(t) for t in self.terms))

    @property
    def name_keys(self) -> set[str]:
        return {term_key(n) for n in self.names}

    @property
    def query(self) -> str:
        """The words to search for: the content terms and their domain synonyms' spellings."""
        out: list[str] = []
        for term in self.terms:
            key = term_key(term)
            group = [v for g in SYNONYM_GROUPS if key == term_key(g[0]) for v in g]
            out.extend(v.lower() for v in group or [term] if "-" not in v)
        return " ".join(dict.fromkeys(out))

    @property
    def phrase_keys(self) -> list[list[str]]:
        return [keys(p) for p in self.phrases]


_QUESTION_WORDS_TEXT = """who whom whose what when where which why how is are was were did
    does do can could should will has have"""
_QUESTION_WORDS = frozenset(_QUESTION_WORDS_TEXT.split())
_SEARCH_SYNTAX = re.compile(r"\b[a-z_]+:\S|\s(?:OR|AND|NOT)\s|\*|(?:^|\s)-\w")


def reads_as_question(text: str) -> bool:
    """Whether a search query reads as a question in plain words ("Who chaired the 2021
    meeting?", "when did ministers meet in lakeside"): three words or more, opening with a
    question word or closing with "?", and no query syntax (fields, OR, a word start)."""
    tokens = text.split()
    if len(tokens) < 3 or _SEARCH_SYNTAX.search(text):
        return False
    return text.rstrip().endswith("?") or tokens[0].lower() in _QUESTION_WORDS


def question_search(text: str) -> str | None:
    """The word search to show under a question's answer: its content words ("chaired 2021
    SME ministerial meeting", for "Who chaired the 2021 SME ministerial meeting?"), searched
    as typed words are: the documents holding them all first, then those holding some of
    them. On the four question-shaped topical queries of the real-page development set's
    dev half, recall@10 0.56 and MRR 0.56, against 0.48 and 0.10 for any of the words ORed
    (a document repeating one word came before those holding them all). None when
    ``text`` does not read as a question (``reads_as_question``) or has no content word."""
    if not reads_as_question(text):
        return None
    return " ".join(dict.fromkeys(analyse(text).terms)) or None


# "What three issues ...?", "What were the priority areas of ...?", "Which two sub-themes
# ...?": a count before a plural noun, or a plural noun that names the parts of something.
_CARDINALS_TEXT = "two three four five six seven eight nine ten"
_CARDINALS = {w: n for n, w in enumerate(_CARDINALS_TEXT.split(), 2)}
_LIST_NOUNS_TEXT = """issues areas priorities documents themes sub-themes subthemes pillars goals
    objectives elements topics sectors outcomes components recommendations actions challenges
    measures deliverables workstreams streams tracks fields points"""
LIST_COUNT = re.compile(
    r"^\s*(?:what|which)\s+(?:(?:were|are|was|is)\s+the\s+)?(?:main\s+|key\s+)?"
    r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d)?\s*(?:[\w-]+\s+){0,2}?"
    rf"(?P<noun>{'|'.join(_LIST_NOUNS_TEXT.split())})\b",
    re.I,
)


def list_count(text: str) -> int | None:
    """How many items a list question asks for ("What three issues ...?" -> 3), 0 when it
    asks for a list of no stated length, None when it asks for no list."""
    found = LIST_COUNT.search(text)
    if not found:
        return None
    count = (found.group("count") or "").lower()
    return int(count) if count.isdigit() else _CARDINALS.get(count, 0)


def answer_type(text: str) -> str:
    """The kind of answer the question asks for (one of ANSWER_TYPES)."""
    found = [
        (m.start(), order, kind)
        for order, (kind, pat) in enumerate(_TYPE_PATTERNS.items())
        if (m := pat.search(text))
    ]
    if found:
        return min(found)[2]
    return "list" if list_count(text) is not None else "other"


def analyse(text: str) -> Question:
    """Turn a question into search terms, names, years, phrases and an answer type."""
    text = text.strip()
    phrases = [p.strip() for p in _QUOTED.findall(text) if words(p)]
    kind = answer_type(text)
    terms: list[str] = []
    names: list[str] = []
    for i, word in enumerate(words(text)):
        lower = word.lower()
        if lower in STOP_WORDS or (lower in _TYPE_WORDS and kind != "other"):
            continue
        if len(word) == 1 and not word.isdigit():
            continue
        if len({term_key(t) for t in terms}) >= MAX_TERMS:
            break
        terms.append(word)
        capitalised = (i > 0 and word[0].isupper()) or (word.isupper() and len(word) > 1)
        if capitalised and term_key(word) not in _SYNONYM_KEY.values():
            names.append(word)
    # A year range names a period ("the plan for 2013-2016"), not when something happened.
    years = sorted({int(y) for y in YEAR.findall(_YEAR_RANGE.sub(" ", text))})
    ordinals = meeting_ordinals(text)
    body = None  # whose meeting, when the question is about a meeting
    if re.search(r"\b(?:meetings?|meet|met|chair\w*|held|smemms?)\b", text, re.I):
        body = (
            "working_group"
            if WORKING_GROUP.search(text)
            else "ministerial"
            if MINISTERIAL.search(text)
            else None
        )
    named = re.search(rf"\b(?:{'|'.join(sorted(NAMED_KINDS))})\b", text, re.I)
    named = named or _KIND_BEFORE_VERB.search(text)
    return Question(
        text,
        kind,
        terms,
        names,
        years,
        phrases,
        meeting=ordinals[0] if ordinals else None,
        body=body,
        named_kind=named.group(named.lastindex or 0).lower() if named and kind == "named" else None,
    )
