"""Document type (indexer.model.DOC_TYPES) from the title, the URL, the publisher and the
opening lines, in this order:

1. speeches: a speech's title ("Remarks by", "Opening Speech") or a speeches folder, even
   on a news site;
2. news: APEC's own releases (its press URLs, "Issued by the APEC Secretariat", a host
   year's site's news section or headline) are `news_release`; another publisher's story
   (og:type article, a dateline, a news URL other than a blog's or a file's, a byline) is
   `news_article` unless its opening is a statement's; a headline
   (a title that tells what someone did: "Ministers issue joint statement", "APEC adopts
   Iloilo initiative") is news whatever document it names;
3. the title, then the URL path: terms of reference, strategic plan, meeting report,
   chair's statement, declaration, ministerial statement, speech, initiative; a title that
   is an SME Ministerial Meeting's name ("2003 APEC Small and Medium Enterprises
   Ministerial Meeting") heads the meeting's statement;
4. (after the group pages of 5) the opening lines: "We, the APEC Ministers ... met in" is
   a statement, "As Chair of the ..." a chair's statement, a heading "Joint Ministerial
   Statement" one too;
5. group pages and portals (by their URL or a title that is the group's name, even when
   they quote a statement's heading or its "Ministers ... met" sentence) are `web_page`;
   another publisher's page that reads as a story in any of the record's languages is
   `news_article`: it reports speech ("said", "dijo", "ujar", "と述べた", "말했다", "表示"),
   stands in a news site's section or dated address ("/noticias/", "/berita/", "-noticia/",
   "/2014-09/04/", an id that starts with its timestamp; not a blog's, not a file's), or
   credits its reporter or agency ("(記者/...)", "...기자", "JAKARTA –"); anything else
   `other`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from indexer.extract.dates import url_date

STATEMENT_TYPES = ("ministerial_statement", "chairs_statement", "declaration")


@dataclass
class PageSignals:
    """What a web page says of itself in its markup (empty for PDFs)."""

    site_name: str | None = None  # og:site_name
    published: str | None = None  # ISO date from meta tags / htmldate
    og_type: str | None = None  # "article" for stories


_S = r"[\s_-]+"
TITLE_RULES = [
    ("terms_of_reference", re.compile(rf"terms{_S}of{_S}reference|(?<![a-z])tor(?![a-z])", re.I)),
    # the working group's plans: its multi-year strategic plans and its yearly work plans
    ("strategic_plan", re.compile(rf"strategic{_S}plan|work{_S}(?:plan|programme)", re.I)),
    (
        "meeting_report",
        re.compile(
            rf"summary{_S}(?:record|report|conclusions?)|meeting{_S}report|(?<![a-z])minutes"
            rf"|record{_S}of{_S}(?:the{_S})?(?:\d+\w*{_S})?(?:smewg|meeting)",
            re.I,
        ),
    ),
    (
        "chairs_statement",
        re.compile(
            rf"chair(?:man|person)?(?:['’]?s|-s)?{_S}(?:summary{_S})?statement"
            rf"|statement{_S}(?:by|of){_S}the{_S}chair",
            re.I,
        ),
    ),
    ("declaration", re.compile(r"declaration", re.I)),
    (
        "ministerial_statement",
        re.compile(
            rf"ministerial{_S}statement|joint{_S}statement|ministers['’]?{_S}statement"
            rf"|statement{_S}of{_S}the{_S}ministers",
            re.I,
        ),
    ),
    (
        "speech",
        re.compile(rf"(?<![a-z])(?:speech|remarks|keynote|address{_S}(?:by|to))(?![a-z])", re.I),
    ),
    (
        "initiative",
        re.compile(
            rf"action{_S}plan|action{_S}agenda|work{_S}?plan"
            # a meeting's own agenda ("Draft Annotated Agenda") is not one
            rf"|(?<!annotated )(?<!provisional )(?<![a-z])agenda(?![a-z])"
            rf"|(?<![a-z])(?:framework|strategy|roadmap"
            rf"|annex|initiative|guidelines|toolkit|principles|work{_S}programme)(?![a-z])",
            re.I,
        ),
    ),
]
# APEC's releases, and its features beside them ("/Press/Features/2005/0401_...")
NEWS_RELEASE_PATH = re.compile(
    r"/(?:press|media)(?:/|-)?(?:news|media)?-?releases?/|/news-?releases?/|/press/features/",
    re.I,
)
NEWS_PATH = re.compile(
    r"/(?:news|stories|story|article|articles|press|prensa|noticias|business|world)/"
    r"|/(?:19|20)\d\d/[01]?\d/(?:[0-3]?\d/)?",
    re.I,
)
SPEECH_PATH = re.compile(r"/speeches?/", re.I)
# A speech's own opening: a line crediting it, not a sentence ("Speech by Ambassador ...",
# "Opening remarks by ..."), or a salutation standing alone ("Distinguished Delegates,", "Ladies and
# gentlemen,", "Mr. Chairman,"), among its first lines
SPEECH_OPENING = re.compile(
    r"^(?!the\s)(?:[\w'’-]+\s+){0,2}(?:speech|remarks|address)\s+(?:by|of)\s+[^\n]*[^.\n]$"
    r"|^(?:ladies\s+and\s+gentlemen|distinguished\s+\w+|your\s+excellenc\w+|excellencies"
    r"|(?:the\s+)?honou?rable\s+\w+|mr\.?\s+chair(?:man|person)?|madam\s+chair\w*)"
    r"[^.\n]{0,80},\s*$",
    re.I | re.M,
)
SPEECH_LINES = 10  # the opening lines a speech is credited or its audience greeted in
# an item of a database's list (APEC's project database shows each project at
# ".../Lists/Proposals/DispForm.aspx?ID=2250"): a record's page, whatever its title says
# ("... Initiative", "Policy Dialogue on ..."), not a paper or a release
DATABASE_ITEM_PATH = re.compile(r"/lists/[^/]+/dispform\.aspx$", re.I)
# a group's pages
WEB_PAGE_PATH = re.compile(r"/groups?/|/working-groups?/|/about(?:-us)?(?:/|$)|/portal", re.I)
# a group's own page is titled with the group's name: "Small and Medium Enterprises Working
# Group", "SMEWG", "About the SME Working Group"; not one of its meetings ("34th Meeting of
# the APEC SMEWG")
WEB_PAGE_TITLE = re.compile(
    r"^(?!.*meeting)(?:about\s+(?:the\s+)?)?[\w&,' -]*(?:working\s+group|smewg)"
    r"(?:\s*\(smewg\))?$",
    re.I,
)
FILE_PATH = re.compile(r"\.(?:pdf|docx?|rtf)$", re.I)  # a file kept in a group's folder
ISSUED_BY_APEC = re.compile(r"\bissued\s+by\s+the\s+APEC\s+Secretariat\b", re.I)
BYLINE = re.compile(r"^\s*by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*$", re.M)
DATELINE_START = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?:,\s*[A-Z][\w'’ .-]*)?,\s*(?:\w+day,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:[–—-]+|:)\s",
    re.M,
)
# "We, the APEC Ministers ... met", "APEC Ministers and their representatives responsible
# for SMEs (from <twenty-one economies>) ... gathered": the statement speaks of its meeting
# in one sentence (a story says "ministers convened", without the "we" or the "responsible
# for"; a story that has them too is told by its news signals)
STATEMENT_OPENING = re.compile(
    r"\bwe,?\s+the\b[^.]{0,200}?\bministers\b[^.]{0,250}?\b(?:met|gathered|convened|assembled)\b"
    r"|\bministers\b[^.]{0,80}?\bresponsible\s+for\b[^.]{0,700}?"
    r"\b(?:met|gathered|convened|assembled)\b",
    re.I,
)
# A headline tells what someone did: a verb in the present (or "to" + verb) after its subject.
HEADLINE = re.compile(
    r"\b(?:adopts?|backs?|issues?|endorses?|gets?|agrees?|renews?|promises?|calls?|welcomes?"
    r"|opens?|closes?|prepares?|aims?|focuses|vows?|launch(?:es)?|inaugurates?|hosts?|meets?"
    r"|commits?|wants?|urges?|supports?|boosts?|highlights?|discusses|pledges?|unveils?"
    r"|signs?|joins?|says?|told|held|advances|pushes|accelerates|seeks|eyes|tackles"
    r"|strengthens|expands|stresses|emphasi[sz]es|attends|concludes|reaffirms|showcases"
    r"|to\s+(?:host|boost|hold|meet|promote|discuss)"
    # a headline in the passive: "Boracay Action Agenda plan endorsed"
    r"|(?:endorsed|adopted|approved|launched|unveiled|signed)$)\b",
    re.I,
)
# The meeting's own name as a title heads its statement on apec.org (the old layouts).
MEETING_NAME_TITLE = re.compile(
    r"^(?:(?:19|20)\d\d\s+)?(?:APEC\s+)?(?:SMEs?|Small\s+and\s+Medium(?:[\s-]+sized)?"
    r"\s+Enterprises?)\s+Ministerial\s+Meeting(?:\s*[-–—:|]\s*.*)?$",
    re.I,
)
# An APEC host year's own site ("apecchile2019.cl", "apec2018png.org", "asmemm2025.kr")
HOST_YEAR_SITE = re.compile(r"(?:^|\.)(?:apec[a-z]*\d{4}[a-z]*|\w*smemm\d{4})\.", re.I)
# a host year's site publishes its stories under /news/ ("/media/news/<slug>")
HOST_NEWS_PATH = re.compile(r"/news/", re.I)
# An event's or a project's own title names a statement only as its subject
EVENT_TITLE = re.compile(
    r"\b(?:forum|workshop|symposium|seminar|dialogue|conference|training|project)\b", re.I
)
# Reported speech, in the languages the record holds: English, Spanish, Indonesian and
# Malay, Tagalog, Vietnamese, Thai, Japanese, Korean, Chinese (these last four write no
# spaces between words, so their verbs stand without word boundaries)
REPORTING = re.compile(
    r"\b(?:said|says|told|according\s+to|reported"
    r"|dijo|señaló|afirmó|sostuvo|declaró|indicó|explicó|destacó|resaltó|precisó|aseguró|según"
    r"|mengatakan|menyatakan|menurut(?:nya)?|ujar(?:nya)?|katanya|ungkapnya|jelasnya|tuturnya"
    r"|berkata|sinabi|aniya|ayon\s+(?:sa|kay)|cho\s+biết|phát\s+biểu)\b"
    r"|กล่าวว่า|เปิดเผยว่า|と(?:述べ|語っ|話し|強調し|指摘し)|によると"
    r"|(?:말했|밝혔|강조했|덧붙였|전했|설명했)다|에\s?따르면|表示|指出|强调|強調|报道|報導",
    re.I,
)
# A news site's sections and story addresses in the record's languages ("/noticias/",
# "/actualidad/", "/berita/", "/ekonomi/", "…-noticia/", "/latest-news-updates/",
# "news_amp.php"); a dated address (url_date) is a story's too, but not a blog post's
STORY_PATH = re.compile(
    r"/(?:noticias?|actualidad|econom[ií]a|pol[ií]tica|negocios|nacional|internacional|mundo"
    r"|berita|ekonomi|bisnis|nasional|internasional|politik|tin-?tuc|kinh-?te|thoi-?su"
    r"|xinwen|newsroom)/|(?:^|[/_.-])(?:news|noticia)(?=[/_.-]|$)",
    re.I,
)
BLOG = re.compile(r"(?:^|[/.])blogs?(?:[/.]|$)", re.I)
# A story credits its reporter or agency: "(記者/...)", "...기자 name@host", "新华社...电",
# or opens on a place in capitals and a dash: "JAKARTA –", "Agency.com, NUSA DUA, Bali –"
STORY_CREDIT = re.compile(
    r"[(（]\s*(?:記者|记者)|^.{0,12}기자(?:\s+\S+@\S+)?\s*$|^\S{0,20}\d{1,2}月\d{1,2}日[电電]"
    r"|^(?:[\w.]+,\s*)?[A-Z]{3,}(?:\s+[A-Z]{2,})*(?:,\s*[A-Z][\w'’.-]+)?"
    r"(?:\s*\([^)]{1,40}\))?\s*[–—-]+\s+\S",
    re.M,
)
CHAIR_OPENING = re.compile(r"^\s*as\s+(?:the\s+)?chair\s+of\s+the\b", re.I | re.M)
# A meeting's own summary record opens on the meeting held, then who attended, chaired or
# opened it, or the agenda adopted: "The 34th Meeting of the ... Working Group (SMEWG) was
# held in <place> on <dates>." / "The meeting was attended by representatives from ..."
RECORD_HELD = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,3}meeting\s+of\s+the\b[^\n]{0,160}?\bwas\s+held\b", re.I | re.M
)
RECORD_PROCEEDINGS = re.compile(
    r"^the\s+meeting\s+was\s+(?:attended|chaired|opened)\s+by\b"
    r"|\b(?:adopted|endorsed)\s+the\s+(?:draft\s+)?agenda\b",
    re.I | re.M,
)
RECORD_LINES = 6  # the opening lines the meeting held is said in


def _opens_as_record(opening: str) -> bool:
    """Whether a document opens as a meeting's summary record (RECORD_HELD in its first
    lines, then RECORD_PROCEEDINGS)."""
    first = "\n".join(opening.splitlines()[:RECORD_LINES])
    held = RECORD_HELD.search(first)
    return bool(held and RECORD_PROCEEDINGS.search(opening, held.end()))


def _opening_type(opening: str) -> tuple[str | None, bool]:
    """(the type a statement's opening lines give away, whether they say it in the
    statement's own voice: a heading, "We, the Ministers", "As Chair of the")."""
    short = [line for line in opening.splitlines()[:8] if len(line) <= 100]
    for line in short:
        for doc_type in STATEMENT_TYPES:
            pattern = dict(TITLE_RULES)[doc_type]
            if pattern.search(line) and len(line.split()) <= 12:
                return doc_type, True
    if CHAIR_OPENING.search(opening[:1500]):
        return "chairs_statement", True
    found = STATEMENT_OPENING.search(opening[:1500])
    if found:
        return "ministerial_statement", found.group(0).lower().startswith("we")
    return None, False


def _story_address(url: str) -> bool:
    """Whether an address may be a story's by its shape: not a blog's nor a file's."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    return not FILE_PATH.search(path) and not BLOG.search(f"{parts.hostname or ''}{path}")


def _is_news(url: str, opening: str, og_type: str | None) -> bool:
    path = unquote(urlsplit(url).path)
    return bool(
        og_type == "article"
        or (_story_address(url) and NEWS_PATH.search(path))
        or DATELINE_START.search(opening[:600])
        or BYLINE.search(opening[:600])
    )


def _reads_as_story(url: str, opening: str) -> bool:
    """Whether another publisher's page reads as a story though its markup says nothing:
    reported speech, a news address or a reporter's or agency's credit (module docstring)."""
    path = unquote(urlsplit(url).path)
    address = _story_address(url)
    dated = address and len(url_date(url, dt.date.today().year + 1) or "") == 10
    return bool(
        REPORTING.search(opening)
        or (address and STORY_PATH.search(path))
        or dated
        or STORY_CREDIT.search(opening[:2000])
    )


def classify(
    title: str,
    url: str,
    opening: str,
    *,
    publisher: str | None = None,
    signals: PageSignals | None = None,
) -> str:
    """One of DOC_TYPES for a document; `opening` is its first paragraphs, one a line."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    og_type = signals.og_type if signals else None
    if DATABASE_ITEM_PATH.search(path):
        return "web_page"
    by_opening, own_voice = _opening_type(opening)
    speech = dict(TITLE_RULES)["speech"]
    head = "\n".join(opening.splitlines()[:SPEECH_LINES])
    if SPEECH_PATH.search(path) or speech.search(title) or SPEECH_OPENING.search(head):
        return "speech"
    host_year = HOST_YEAR_SITE.search(parts.hostname or "")
    apec_news = publisher == "APEC" or host_year
    # a headline over a statement's full text is a wire's or a release's reprint: news
    headline = bool(HEADLINE.search(title))
    released = NEWS_RELEASE_PATH.search(path) or (host_year and HOST_NEWS_PATH.search(path))
    if apec_news and (released or ISSUED_BY_APEC.search(opening) or headline):
        return "news_release"
    third_party = publisher is not None and not apec_news
    if third_party and (headline or (not own_voice and _is_news(url, opening, og_type))):
        return "news_article"
    if MEETING_NAME_TITLE.search(title.strip()):
        return by_opening or "ministerial_statement"
    event = EVENT_TITLE.search(title)  # "… Forum: Realizing the Nanjing Declaration"
    for source in (title, path):
        for doc_type, pattern in TITLE_RULES:
            if pattern.search(source) and not (event and doc_type in STATEMENT_TYPES):
                return doc_type
    web_page = WEB_PAGE_PATH.search(path) or WEB_PAGE_TITLE.search(title.strip())
    if web_page and not FILE_PATH.search(path):
        return "web_page"  # a group page that lists or quotes its ministers' statements
    if by_opening:
        return by_opening
    if third_party and _reads_as_story(url, opening):
        return "news_article"
    return "meeting_report" if _opens_as_record(opening) else "other"
