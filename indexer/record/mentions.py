"""Mentions of meetings in a document's text, each with the facts its sentence states.

A mention names a meeting of one of two series: the SME Ministerial Meetings
(``sme_ministerial``: "the 25th APEC SME Ministerial Meeting", "The Tenth APEC Ministerial
Meeting on SMEs", "the 27th SMEMM", "the first APEC SME ministerial meeting") and the SME
Working Group's meetings (``smewg``: "the 58th SMEWG meeting", "the 34th Meeting of the
Small and Medium Enterprises Working Group"), also in Chinese, Japanese or Korean
("第31回APEC中小企業大臣会合") and in Malay, Indonesian, Tagalog, Vietnamese, Spanish or
Thai ("Pertemuan Menteri UKM APEC ke-31"); or it is a statement's own opening ("We, the
APEC Ministers responsible for SMEs, met in <city> on <dates>"), which names its meeting by
place and date only. The facts (year, date, city, economy, virtual, chair, theme) are those
the mention's own sentence states; the document's year stands in only for its own meeting.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from indexer.extract.doctype import STATEMENT_OPENING, STATEMENT_TYPES
from indexer.extract.metadata import (
    find_chair,
    find_date,
    find_year,
    place_and_date_line,
    place_in,
)
from indexer.model import Document
from indexer.record.economies import economy_name, split_place
from indexer.record.places import city_in_name, fold, native_city, place_key
from indexer.text.ordinals import ORDINAL, ordinal_number
from indexer.text.romanisation import without_romanisation
from indexer.text.sentences import split_sentences

SERIES = ("sme_ministerial", "smewg")
SERIES_NAMES = {"sme_ministerial": "SME Ministerial Meeting", "smewg": "SMEWG meeting"}
# apec.org files an SME Ministerial Meeting's papers under its year, the statement at
# ".../sectoral-ministerial-meetings/small-and-medium-enterprise/2015_sme" and its annexes
# below it (".../2015_sme/annex-a"), on its staging hosts too ("smallandmediumenterprise").
FILED_UNDER_MEETING = re.compile(
    r"/small-?and-?medium-?enterprises?/((?:19|20)\d\d)_sme(?:[/.?#]|$)", re.I
)
HEAD = 12  # paragraphs at the top where a document names the meeting it is about
# An APEC meeting document's symbol, its year, its forum and (for a working group) the
# meeting's number: "2018/SMEWG46/005", "2006/SMEMM/002". At a paper's top it names the
# meeting the paper was submitted to.
DOC_SYMBOL = re.compile(r"\b(?:19|20)\d\d/(?:SMEWG(?P<smewg>\d{1,2})|SMEMM)/\d{2,3}\b")
OWN_YEARS = 1  # a meeting dated further than this from its document is not its own

# the words of a meeting's name: capitalised ones, and the lower-case words of the two
# series' names ("the first APEC SME ministerial meeting", "24th SMEs ministerial meeting");
# APEC's name in full is one ("the 26th Asia-Pacific Economic Cooperation (APEC) Small and
# Medium Enterprises Ministerial Meeting")
APEC_IN_FULL = re.compile(r"Asia[\s-]Pacific\s+Economic\s+Co-?operation", re.I)
_WORD = (
    rf"(?:{APEC_IN_FULL.pattern}(?:\s+\(APEC\))?"
    r"|[A-Z][\w&'’.,-]*|\((?:M?SMEs?|SMEWG|SMEMM)\),?|(?i:and|&|of|on|for|the|apec|m?smes?"
    r"|small|medium(?:-sized)?|sized|enterprises?|ministerial|ministers['’]?|working|group"
    r"|plenary|session)(?![\w-]))"
)
# "<ordinal> <up to nine words> Meeting [of|on the <name>]", or "<ordinal> SMEMM"; the news
# conference of a numbered ministerial meeting names it too ("the 16th APEC SME Ministerial
# News Conference": remarks given there)
NAMED = re.compile(
    rf"(?i:\b(?P<ordinal>{ORDINAL}))\s*(?P<name>(?:{_WORD}\s+){{0,9}}?)"
    r"(?P<noun>(?i:meeting|SMEMM|SMEWG(?=\s+(?:in|held|on|at|was|,|\.))"
    r"|(?P<press>(?<=ministerial\s)(?:news|press|media)\s+conference)))"
    # a word boundary, or a capital run into it where a layout lost the space ("Working
    # Group MeetingVancouver")
    r"(?:\b|(?=[A-Z]))"
    r"(?P<tail>\s+(?i:of|on)\s+(?:the\s+)?(?:APEC\s+)?"
    r"(?:Small\s+and\s+Medium(?:[\s-]+sized)?\s+Enterprises?(?:\s+Working\s+Group)?"
    r"|SMEWG|M?SMEs?)\b"
    r"(?:\s*\((?:SMEWG|M?SMEs?)\))?)?"
)
# a meeting of a series named without its number: "the APEC SME Ministerial Meeting",
# "Ministerial Meeting on SMEs", "the SMEMM", "the SME Working Group meeting", "a meeting of
# APEC SME ministers"
UNNUMBERED = re.compile(
    r"\b(?:APEC\s+)?(?:M?SMEs?|Small\s+and\s+Medium(?:[\s-]+sized)?\s+Enterprises?)"
    r"\s+(?:\(M?SMEs?\)\s+)?(?P<kind>Ministerial|Ministers['’]?|Working\s+Group)\s+Meeting"
    r"|\bMinisterial\s+Meeting\s+on\s+(?:M?SMEs|Small\s+and\s+Medium\s+Enterprises)"
    r"|\bmeeting\s+of\s+(?:the\s+)?(?:APEC\s+)?(?:M?SMEs?|Small\s+and\s+Medium\s+Enterprises?)"
    r"\s+ministers\b"
    r"|\bSMEMM\b",
    re.I,
)
SME = re.compile(r"(?<![a-z])m?smes?(?![a-z])|small[\s_-]+and[\s_-]+medium|smemm", re.I)
WORKING_GROUP = re.compile(r"working\s+group|smewg", re.I)
MINISTERIAL = re.compile(r"minist|smemm", re.I)
OTHER_MEETING = re.compile(
    r"\b(?:trade|leaders?|finance|senior\s+officials|mrt|som|women|tourism|economic"
    r"|technology|conference|fair|forum|dialogue|symposium|workshop|summit)\b",
    re.I,
)
# a word naming a working group other than the SMEWG: a capitalised word of its name that
# is not APEC's, the series' or a meeting's ("Industrial Science and Technology Working Group")
OTHER_GROUP = re.compile(
    r"\b(?!(?:APEC|Working|Group|Meeting|Plenary|Session|The|Of|On|And|For|SMEWG)\b)[A-Z]\w*"
)
# a meeting of the year before the document's: "as you witnessed last year, ... at the 18th"
LAST_YEAR = re.compile(r"\b(?:last|previous|past)\s+year\b|\ba\s+year\s+ago\b", re.I)
# the Working Group named as the subject of its numbered meeting: "APEC Small, Medium
# Enterprise Working Group concludes 41st meeting", "… (APEC SMEWG) concluded its 41st meeting"
# (also from its abbreviation on, where a sentence was cut inside the parentheses)
GROUP_ORDINAL = re.compile(
    r"(?i:\bsmall,?\s+(?:and\s+)?medium(?:[\s-]+sized)?\s+enterprises?\s+working\s+group"
    r"|\bsmewg)\b\)?(?:\s*\([^)]{1,20}\))?\s+(?:[a-z]+\s+){1,2}?(?:(?:its|their)\s+)?"
    rf"(?i:(?P<ordinal>{ORDINAL}))\s+(?i:meeting)\b"
)
# "for their seventh meeting" in a statement of the ministerial series
OWN_ORDINAL = re.compile(rf"(?i:\b(?:their|our|the)\s+(?P<ordinal>{ORDINAL})\s+meeting)\b")
FUTURE = re.compile(
    r"\b(?:will|shall|to\s+be\s+held|scheduled\s+(?:for|to)|upcoming|forthcoming"
    r"|prepar(?:e|es|ed|ing|ations?)\s+for|to\s+host|next\s+(?:year|meeting)"
    # a meeting planned: "the Leaders' instructions to convene the first ... in 1993"
    r"|(?:instruct\w*|decid\w*|decision|agreed|propos\w*|call\w*)\s+to\s+(?:convene|hold|organi[sz]e))\b",
    re.I,
)
# ... and in Chinese, Japanese and Korean, which write no spaces around them: next year
# (明年, 来年, 내년), scheduled (予定, 예정), will be held (将于, 将在), preparing (준비)
CJK_FUTURE = re.compile(r"明年|来年|내년|予定|예정|将于|将在|準備|准备|준비")
# the series' first meeting told in passing: "(the meeting) ... is first launched in 1994
# in Osaka, Japan", "was first held in 1994 in Osaka"
FIRST_HELD = re.compile(r"\bfirst\s+(?:launched|held|convened|organi[sz]ed)\s+in\s+(?:19|20)\d\d\b")
HEADING_WORDS = 12  # a line this short that names a meeting is a heading
# "Hon Fran Bailey MP, Chair of the 14th SME Ministerial Meeting"
CHAIR_OF = re.compile(
    r"(?:(?:Your|His|Her)\s+Excellency,?\s+)?"  # "Your Excellency" is not part of the name
    r"(?P<name>(?:(?:Hon|H\.E|Dr|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,4}?)"
    r"(?:\s+MP)?,\s+(?:the\s+)?Chair(?:man|person)?\s+of\s+the\b"
)
# an ordinal as Chinese, Japanese and Korean write it: 第38回, 第38届, 第三十八屆, 제38차
_CJK_ORDINAL = (
    r"(?:第\s*(?P<{}>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*[回次届屆]目?"
    r"|제\s*(?P<ko_{}>\d{{1,2}})\s*차)"
)
# The SME Ministerial Meeting as Chinese, Japanese and Korean news name it, its number
# before: "第38回APEC中小企業大臣会合", "第38回中小企業閣僚会合",
# "第三十八届亚太经合组织中小企业部长会议", "APEC中小企業長官会議", "APEC 중소기업 장관회의".
CJK_MINISTERIAL = re.compile(
    rf"(?:{_CJK_ORDINAL.format('number', 'number')})?"
    r"(?:\s|APEC|\(APEC\)|（APEC）|亚太经合组织|亞太經合組織|아시아태평양경제협력체)*"
    r"(?:中小(?:微)?企[业業](?:担当)?(?:大臣|閣僚|部[长長]|相当相|長官)(?:[级級])?(?:会合|会议|會議|会議)"
    r"|중소기업\s*장관\s*회의)"
)
# The SME Working Group's numbered meetings as those news name them, the number before or
# after: "第五十五屆亞太經合組織中小企業工作小組會議", "中小企業作業部会第45回会合",
# "第38回APEC SMEWG会議", "제45차 APEC 중소기업 실무그룹 회의".
CJK_SMEWG = re.compile(
    rf"(?:{_CJK_ORDINAL.format('number', 'number')}(?:となる)?)?"
    r"(?:\s|APEC|\(APEC\)|（APEC）|亚太经合组织|亞太經合組織|亞太區經濟合作組織|\(亞太經合組織\)"
    r"|（亞太經合組織）|아시아태평양경제협력체)*"
    r"(?:中小(?:微)?企[业業](?:作業部会|工作小?[组組])|중소기업\s*실무\s*그룹|SMEWG)"
    rf"(?:\s*{_CJK_ORDINAL.format('after', 'after')})?"
    r"(?:\s*(?:會議|会議|会议|会合|회의))?"
)
# APEC as those news name it: a sentence naming SME ministers' meeting without it may be
# another forum's ("日ASEAN中小企業大臣会合")
CJK_APEC = re.compile(r"APEC|亚太经合组织|亞太經合組織|아시아태평양경제협력체")
# ... and as news in Malay or Indonesian, Tagalog, Vietnamese, Spanish and Thai name it,
# its number as each writes an ordinal: "Mesyuarat Peringkat Menteri Perusahaan Kecil dan
# Sederhana ke-38 APEC", "Pertemuan Menteri UKM APEC ke-38", "ika-38 pulong na ministeryal
# ng APEC hinggil sa SMEs", "Hội nghị Bộ trưởng DNNVV APEC lần thứ 38", "38ª Reunión de
# Ministros de la Pyme de APEC", "การประชุมรัฐมนตรี SME เอเปค ครั้งที่ 38"
_LOCAL_SME = (
    r"(?:(?:Perusahaan|Usaha|Industri)\s+(?:Mikro,?\s+)?Kecil,?\s+dan\s+(?:Sederhana|Menengah)"
    r"|UMKM|UKM|PKS|IKS|M?SMEs?)"
)
LOCAL_MINISTERIAL = re.compile(
    r"(?i:(?:Mesyuarat|Pertemuan)\s+(?:(?:Peringkat|Tingkat)\s+)?Menteri(?:-menteri)?\s+"
    rf"(?:\(?APEC\)?\s+)?{_LOCAL_SME}(?:\s+\(?APEC\)?)?(?:\s+ke-?\s*(?P<ms>\d{{1,2}}))?)"
    r"|(?i:ika-?\s*(?P<tl>\d{1,2})\s+(?:na\s+)?pulong\s+(?:na\s+|ng\s+)?(?:mga\s+)?"
    r"minist(?:eryal|ro)\b(?=[^.]{0,120}?(?:\bM?SMEs?\b|maliliit\s+at\s+katamtaman)))"
    r"|(?i:Hội\s+nghị\s+Bộ\s+trưởng\s+(?:phụ\s+trách\s+)?(?:Doanh\s+nghiệp\s+nhỏ\s+và\s+vừa"
    r"|DNNVV|DNVVN|SMEs?)(?:\s*\(?APEC\)?)?(?:\s+lần\s+thứ\s+(?P<vi>\d{1,2}))?)"
    r"|(?i:(?:(?P<es>\d{1,2})\s*[ªº°a]?\s+)?Reuni[oó]n\s+(?:Ministerial\s+de\s+|de\s+Ministros?\s+"
    r"(?:de\s+|responsables\s+de\s+)?)(?:las?\s+)?(?:M?I?PYMEs?|Peque[ñn]as?\s+y\s+Medianas?"
    r"\s+Empresas?))"
    r"|(?:การประชุมรัฐมนตรี\s*(?:ด้าน)?\s*(?:SMEs?|วิสาหกิจขนาดกลางและขนาดย่อม|เอสเอ็มอี)"
    r"\s*(?:เอเปค|APEC)?\s*(?:ครั้งที่\s*(?P<th>\d{1,2}))?)"
)
LOCAL_APEC = re.compile(r"\bAPEC\b|เอเปค")
# the two series' names in other languages than English, and the name of APEC they go with
LOCAL_NAMES = (
    (CJK_APEC, CJK_MINISTERIAL, "sme_ministerial"),
    (CJK_APEC, CJK_SMEWG, "smewg"),
    (LOCAL_APEC, LOCAL_MINISTERIAL, "sme_ministerial"),
)
# a word every mention above holds (a paragraph without one is skipped)
CUE = re.compile(
    r"meeting|smemm|smewg|ministerial\s+(?:news|press|media)\s+conference|\bmet\b|gathered"
    r"|convened|assembled|会合|会议|會議|会議|회의"
    r"|mesyuarat|pertemuan|pulong|hội\s+nghị|reuni[oó]n|การประชุม",
    re.I,
)
# a year right before a meeting's name: "2015 APEC SME Ministerial Meeting", "2025「APEC…"
YEAR_BEFORE = re.compile(r"(?<!\d)((?:19|20)\d\d)\W{0,3}$")
# "held at the International Convention Center Jeju (ICC JEJU)": a venue's name
VENUE = re.compile(
    r"\b(?:held|hosted|took\s+place|opened|convened|met|meeting)\s+at\s+(?:the\s+)?"
    r"(?P<venue>[A-Z][\w'’&.-]*(?:\s+(?:of\s+|de\s+)?[A-Z(][\w'’&.)-]*){0,7})"
)
# a meeting put where the story is filed: "a meeting of SME ministers and officials here"
HERE = re.compile(
    r"\b(?:met|held|hosted|gathered|convened|ministers|officials|delegates|meeting)"
    r"(?:\s+[\w,]+){0,4}?\s+here\b",
    re.I,
)
VIRTUAL = re.compile(r"\bvirtual(?:ly)?\b|\bvideo\s*conference\b|\bonline\s+format\b", re.I)
# A quoted theme, "theme" no more than 60 characters before its quotation marks, and what
# the words before it make it the theme of: the meeting ("the 21st APEC SMEMM theme “…”",
# "the theme of this meeting"), APEC's year or its leaders ("the APEC 2015 theme, “…”":
# not the meeting's), or neither ("this year's theme “…”", "under the theme “…”": the
# meeting's where the document says no better)
_QUOTED = (
    r"(?:“(?P<double>[^“”]{5,160})”|\"(?P<plain>[^\"]{5,160})\""
    r"|‘(?P<single>[^‘’]{5,160})’(?!\w)|'(?P<apostrophe>[^']{5,160})'(?!\w))"
)
THEME = re.compile(rf"\btheme\b[^“”\"‘']{{0,60}}?{_QUOTED}", re.I)
MEETINGS_THEME = re.compile(
    r"\b(?:meeting|smemm|ministerial|our|its)(?:['’]s)?\s+(?:overarching\s+|main\s+)?theme\b"
    r"|\btheme\s+(?:of|for)\s+(?:the|this|our)\s+(?:[\w-]+\s+){0,6}?(?:meeting|smemm)\b",
    re.I,
)
OTHERS_THEME = re.compile(
    r"\b(?:apec(?:['’]s)?|leaders['’]?|host\s+economy['’]s)\s+(?:(?:19|20)\d\d\s+)?theme\b"
    r"|\btheme\s+of\s+(?:apec|the\s+apec)\s+(?:(?:19|20)\d\d|year)\b",
    re.I,
)
# a line that is wholly a quotation: a statement's theme under its title
QUOTED_LINE = re.compile(rf"^\s*{_QUOTED}\s*$")


@dataclass(frozen=True)
class Mention:
    """One meeting named in one sentence of a document, with what that sentence says."""

    series: str  # one of SERIES
    number: int | None  # the meeting's number in its series, as the sentence states it
    year: int | None
    date: str | None  # ISO date: the meeting's (first) day
    city: str | None
    economy: str | None  # APEC's name (indexer.record.economies)
    virtual: bool
    chair: str | None
    theme: str | None
    own: bool  # the document's own meeting: its heading, its opening, or its topic
    voice: bool  # said in the document's own voice: its title, a heading, its opening
    future: bool  # "will be held", "preparations for"
    position: int  # the paragraph (from 0)
    sentence: str
    # the facts the sentence states itself; the others are the document's own (its year,
    # a statement's date and place) and vote without the sentence as their evidence
    stated: frozenset[str] = frozenset()
    opening: bool = False  # a statement's opening: its own account of where and when
    city_written: str | None = None  # the city as written in another script ("제주")
    # the sentence of the paragraph, from this one on, that names the chair, where the
    # chair was read past this sentence ("The meeting was held in ... . It was chaired by")
    chair_sentence: str | None = None
    address: bool = False  # read from the document's address (``sentence``), not its text


def _series(words: str) -> str | None:
    """The series a meeting's name belongs to, or None for another meeting (trade
    ministers, leaders, a technology fair, another working group: "the 32nd Industrial
    Science and Technology Working Group Meeting")."""
    words = APEC_IN_FULL.sub("APEC", words)  # its "Economic" names no economic meeting
    if WORKING_GROUP.search(words) and not MINISTERIAL.search(words):
        return "smewg" if SME.search(words) or not OTHER_GROUP.search(words) else None
    if MINISTERIAL.search(words) and SME.search(words) and not OTHER_MEETING.search(words):
        return "sme_ministerial"
    return None


def _facts(sentence: str, at: int, doc: Document, own: bool, rest: str) -> dict:
    """What the sentence states of the meeting named at offset ``at``, and (``stated``)
    which facts those are; for the document's own meeting its year, and for a statement
    also its date and place, where the sentence does not say. The chair is read from the
    paragraph on from the sentence (``rest``): a name's initials or honorific ("Albert F.
    del Rosario", "Dato Sri Dr. …") may have cut the sentence."""
    after = sentence[at:]
    date = find_date(after) or find_date(sentence)
    by_year = YEAR_BEFORE.search(sentence[:at])  # "the 2015 APEC SME Ministerial Meeting"
    year = int(date[:4]) if date else find_year(after) or (by_year and int(by_year.group(1)))
    place = place_in(after) or place_in(sentence) or _venue_city(after)
    native = None if place else native_city(sentence)  # "제주에서 열린": written in Korean
    place = native[0] if native else place
    if not place and HERE.search(after):  # "... ministers and officials here": the dateline's
        place = doc.location
    city, economy = split_place(place)
    if city and economy_name(city):  # "held in Brunei Darussalam": an economy, no city
        city, economy = None, economy or economy_name(city)
    facts = {
        "year": year,
        "date": date,
        "city": city,
        "economy": economy,
        "virtual": bool(VIRTUAL.search(sentence)),
        "chair": find_chair(rest) or _chair_of(sentence),
        "theme": theme_in(sentence),
    }
    chair = facts["chair"]
    chair_sentence = None if not chair or chair in sentence else _holding(rest, chair)
    stated = frozenset(k for k, v in facts.items() if v not in (None, "", False))
    outcome = own and doc.doc_type in STATEMENT_TYPES
    if facts["year"] is None and own:
        facts["year"] = doc.year
    if outcome and not date:
        facts["date"] = doc.date
        facts["year"] = int(doc.date[:4]) if doc.date else facts["year"]
    if outcome and not place:
        city, economy = split_place(doc.location)
        if city and economy_name(city):
            city, economy = None, economy or economy_name(city)
        facts["city"], facts["economy"] = city, economy
    written = native[1] if native else None
    return facts | {"stated": stated, "city_written": written, "chair_sentence": chair_sentence}


def _holding(text: str, words: str) -> str | None:
    """The first sentence of ``text`` holding ``words``, or None (a name cut by the
    sentence splitter at an initial)."""
    return next((u.text for u in split_sentences(text) if words in u.text), None)


def _venue_city(text: str) -> str | None:
    """The city of the venue a meeting was held at, where its name holds one: "held at
    the International Convention Center Jeju" -> "Jeju" (indexer.record.places)."""
    found = VENUE.search(text)
    return city_in_name(found.group("venue")) if found else None


def theme_in(sentence: str) -> str | None:
    """The meeting's theme a sentence quotes: one the words before it make the meeting's
    ("the 21st SMEMM theme “…”") over one they make no one's ("this year's theme “…”");
    never APEC's year theme or its leaders' (OTHERS_THEME); None when it quotes none."""
    found: list[tuple[int, str]] = []
    end = 0
    for m in THEME.finditer(sentence):
        before = sentence[max(end, m.start() - 40) : m.start(m.lastgroup)]
        end = m.end()
        if OTHERS_THEME.search(before):
            continue
        theme = m.group(m.lastgroup).strip(" ,.;:")
        found.append((0 if MEETINGS_THEME.search(before) else 1, theme))
    return min(found, key=lambda f: f[0])[1] if found else None


def _elsewhere(city: str | None, location: str | None) -> bool:
    """Whether ``city`` is not the place of ``location`` (a document's own place and date
    line, "Lakeside, Atlantis"), compared as places (indexer.record.places: "Iloilo City"
    is the place of "Iloilo, The Philippines"); False when either is unknown."""
    if not city or not location:
        return False
    at, economy = split_place(location)
    if at and place_key(city, economy) == place_key(at, economy):
        return False
    return _letters(city) not in _letters(location)


def _letters(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isalnum())


def _symbol_start(sentence: str) -> int:
    """Where a line's text starts after a page number or bullet ("1 2018/SMEWG46/005")."""
    lead = re.match(r"[\W\d]{0,4}?\s*(?=(?:19|20)\d\d/)", sentence)
    return lead.end() if lead else 0


def _chair_of(sentence: str) -> str | None:
    """The name before ", Chair of the": "Hon Fran Bailey MP, Chair of the 14th …"."""
    found = CHAIR_OF.search(sentence)
    return found.group("name") if found else None


def find_mentions(doc: Document) -> list[Mention]:
    """Every meeting of the two series that ``doc`` names, in reading order.

    A meeting named at the top of the document (its title or first HEAD paragraphs, not as a
    future one) is its own; so is a statement's opening, which names its meeting by place
    and date.
    """
    found: list[Mention] = []
    statement = doc.doc_type in STATEMENT_TYPES
    units = [(-1, doc.title)] + [(i, p.text) for i, p in enumerate(doc.paragraphs)]
    own_taken = False
    for position, page_text in units:
        text, offsets = without_romanisation(page_text)  # the names are read without it
        if not CUE.search(text):
            continue  # most paragraphs name no meeting: no sentence splitting for them
        for unit in split_sentences(text):
            sentence = unit.text
            # the page's own words, as a link to the sentence must quote them
            quoted = page_text[offsets[unit.start] : offsets[unit.end]] if offsets else sentence
            future = bool(FUTURE.search(sentence) or CJK_FUTURE.search(sentence))
            top = position < HEAD and not future
            named = []
            for m in NAMED.finditer(sentence):
                noun = "meeting" if m.group("press") else m.group("noun")
                series = _series(f"{m.group('name')} {noun} {m.group('tail') or ''}")
                written = re.sub(r"\s", "", m.group("ordinal"))
                number = ordinal_number(written)
                if series == "smewg" and not written[0].isdigit() and (number or 0) < 10:
                    continue  # "the second SMEWG meeting" of a year, not of the series
                if series and number:
                    named.append((series, number, m.start()))
            if not named and (m := GROUP_ORDINAL.search(sentence)):
                number = ordinal_number(re.sub(r"\s", "", m.group("ordinal")))
                if number and number >= 10:  # the series', not "its second meeting" of a year
                    named.append(("smewg", number, m.start()))
            if statement and not named:
                m = OWN_ORDINAL.search(sentence)
                number = ordinal_number(m.group("ordinal")) if m else None
                if number and SME.search(doc.title + " " + text[:300]):
                    named.append(("sme_ministerial", number, m.start()))
            # a statement's opening, when it is SME ministers' (not trade ministers')
            opening = statement and position < HEAD and STATEMENT_OPENING.search(sentence)
            opening = opening if opening and SME.search(sentence) else None
            if opening and not named:
                named.append(("sme_ministerial", None, opening.start()))
            in_english = bool(named)
            for apec, names, series in LOCAL_NAMES:
                if in_english or not apec.search(sentence):
                    continue
                for m in names.finditer(sentence):  # the number: the one ordinal group set
                    written = next((n for n in m.groupdict().values() if n), None)
                    number = ordinal_number(written) if written else None
                    if number or series == "sme_ministerial":  # the group's, numbered only
                        named.append((series, number, m.start()))
            # a paper's symbol heading its top: the meeting it is a paper of, in its own voice
            # (a symbol cited inside a sentence is another paper's)
            symbol = (
                DOC_SYMBOL.match(sentence, _symbol_start(sentence)) if position < HEAD else None
            )
            if symbol and not named:
                number = symbol.group("smewg")
                series = "smewg" if number else "sme_ministerial"
                named.append((series, int(number) if number else None, symbol.start()))
            if not named and position < HEAD and (m := UNNUMBERED.search(sentence)):
                kind = (m.group("kind") or "").lower()
                first = FIRST_HELD.search(sentence, m.end())
                series = "smewg" if "group" in kind else "sme_ministerial"
                named.append((series, 1 if first else None, first.start() if first else m.start()))
            for series, number, at in named:
                # the first numbered meeting at the top is the document's own; so are the
                # unnumbered names before it (a title without the number) and the opening
                own = (top or (position < HEAD and bool(find_year(sentence)))) and (
                    not own_taken or bool(opening)
                )
                rest = text[text.find(sentence) :]
                stated = _facts(sentence, at, doc, False, rest)  # what the sentence says
                year = stated["year"]
                last_year = not year and doc.year and LAST_YEAR.search(sentence)
                if own and (
                    (year and doc.year and abs(year - doc.year) > OWN_YEARS)  # a chronology
                    or (number and _elsewhere(stated["city"], doc.location))  # "first met in"
                    or last_year
                ):
                    own = False
                facts = _facts(sentence, at, doc, True, rest) if own else stated
                if last_year and not own:
                    facts["year"] = doc.year - 1
                if number:  # the sentence names the meeting by its number
                    facts["stated"] = facts["stated"] | {"number"}
                # the title, a heading, the opening, or the top of an SME ministers'
                # statement (not a trade or leaders' statement welcoming the SME meeting)
                voice = (
                    position < 0
                    or bool(opening)
                    or bool(symbol)
                    or len(sentence.split()) <= HEADING_WORDS
                    or (statement and bool(SME.search(doc.title)))
                )
                found.append(
                    Mention(series, number, **facts, own=own, voice=own and voice,
                            future=future, position=max(position, 0), sentence=quoted,
                            opening=own and bool(opening))
                )  # fmt: skip
                own_taken = own_taken or (own and number is not None)
    own = next((m for m in found if m.own and m.voice), None)
    if statement and own is not None:
        found += _own_lines(doc, own, {m.sentence for m in found if m.theme})
    found = _numbered_own(found + _writing_its_own(doc, found))
    return found + _filed_under(doc) if not any(m.own for m in found) else found


def _filed_under(doc: Document) -> list[Mention]:
    """The SME Ministerial Meeting that apec.org files ``doc`` under (FILED_UNDER_MEETING),
    as its own meeting stating its year, read from the address (``address``): papers of a
    year whose statement is not at hand ("…/2002_sme/annex_2") still show its meeting."""
    filed = FILED_UNDER_MEETING.search(doc.url)
    if not filed:
        return []
    return [
        Mention(series="sme_ministerial", number=None, year=int(filed.group(1)), date=None,
                city=None, economy=None, virtual=False, chair=None, theme=None, own=True,
                voice=True, future=False, position=0, sentence=doc.url,
                stated=frozenset({"year"}), address=True)
    ]  # fmt: skip


def _writing_its_own(doc: Document, found: list[Mention]) -> list[Mention]:
    """For each fact of the document's own meeting that no sentence of it states but that
    it gives as its own (a story's year from its date, a statement's place from its
    metadata), the first line at its top (its title, its first HEAD paragraphs) writing
    that value (a date line "25 September 2031"; the line before an opening cut in two), as a
    mention stating that fact alone: the sentence a reader is sent to for it."""
    own = next((m for m in found if m.own), None)
    if own is None:
        return []
    units = [(0, doc.title)] + [(i, p.text) for i, p in enumerate(doc.paragraphs[:HEAD])]
    out = []
    for name in ("year", "date", "city"):
        value = getattr(own, name)
        ours = [m for m in found if m.own and m.series == own.series]
        if not value or any(name in m.stated for m in ours):
            continue
        line = next(
            (
                (position, sentence)
                for position, text in units
                for sentence in (s.text for s in split_sentences(text))
                if _writes(name, value, sentence)
            ),
            None,
        )
        if line:
            # a speech is dated where it was given: at its meeting ("Ha Noi, Viet Nam,
            # 29 September 2006"); a story's dateline is where it was written
            placed = doc.doc_type == "speech" and not own.city and place_and_date_line(line[1])
            facts = {}
            if placed and not any(m.stated & {"city", "economy"} for m in out):
                city, economy = _city_and_economy(placed[0])
                facts = {k: v for k, v in (("city", city), ("economy", economy)) if v}
            out.append(
                replace(own, **facts, stated=frozenset({name, *facts}), position=line[0],
                        sentence=line[1], opening=False, city_written=None)
            )  # fmt: skip
    return out


def _city_and_economy(place: str) -> tuple[str | None, str | None]:
    """(city, economy) of a place line's place: "Ha Noi, Viet Nam" -> both; "Singapore"
    -> the economy alone."""
    city, economy = split_place(place)
    if city and economy_name(city):
        return None, economy or economy_name(city)
    return city, economy


def _writes(name: str, value: object, sentence: str) -> bool:
    """Whether ``sentence`` writes ``value`` of fact ``name``: a date (of that year), a
    city's name (accents and case aside)."""
    if name in ("year", "date"):  # a year by a date: "APEC 2017 will be …" is the forum's
        date = find_date(sentence)
        return bool(date) and (date[:4] == str(value) if name == "year" else date == value)
    return bool(re.search(rf"\b{re.escape(fold(str(value)))}\b", fold(sentence)))


def _own_lines(doc: Document, own: Mention, quoted: set[str]) -> list[Mention]:
    """A statement's lines at its top stating its own meeting's place and date ("Lakeside,
    Atlantis | 4 May 2031", its dateline "Lakeside, 5 May 2031") or its theme (a sentence
    quoting the meeting's or the year's theme that names no meeting, unlike those in
    ``quoted``; else a header line wholly quoted), each a mention of that meeting
    (``own``): the sentences that state those facts."""
    # facts the line does not state; the year stays its meeting's, unstated
    blank = {"date": None, "city": None, "economy": None, "virtual": False, "chair": None,
             "theme": None, "city_written": None}  # fmt: skip
    lines: list[tuple[int, str, dict]] = []
    headers: list[tuple[int, str, dict]] = []  # quoted header lines
    for position, paragraph in enumerate(doc.paragraphs[:HEAD]):
        text = paragraph.text
        if dated := place_and_date_line(text):
            city, economy = _city_and_economy(dated[0])
            facts = {"year": int(dated[1][:4]), "date": dated[1], "city": city, "economy": economy}
            lines.append((position, text, facts))
        elif paragraph.kind == "header" and (m := QUOTED_LINE.match(text)):
            headers.append((position, text, {"theme": m.group(m.lastgroup).strip(" ,.;:")}))
        elif "theme" in text.casefold():
            sentences = (s.text for s in split_sentences(text))
            lines += [
                (position, s, {"theme": t})
                for s in sentences
                if s not in quoted and (t := theme_in(s))
            ]
    if not quoted and not any("theme" in facts for _, _, facts in lines):
        lines = sorted(lines + headers, key=lambda line: line[0])
    return [
        replace(own, **(blank | facts), stated=frozenset(k for k, v in facts.items() if v),
                position=position, sentence=sentence, opening=False)
        for position, sentence, facts in lines
    ]  # fmt: skip


def _numbered_own(found: list[Mention]) -> list[Mention]:
    """A statement's opening names its meeting by place and date: it takes the number of
    the document's own meeting of the same series where a heading states one."""
    numbers = {m.series: m.number for m in found if m.own and m.number}
    return [
        replace(m, number=numbers[m.series])
        if m.own and not m.number and m.series in numbers
        else m
        for m in found
    ]
