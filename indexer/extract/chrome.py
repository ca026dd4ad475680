"""Site chrome that survives main-text extraction, recognised by its kind: its wording in
the languages the record's pages are written in (English, Spanish, French, Indonesian and
Malay, Vietnamese, Thai, Chinese, Japanese, Korean) and its shape.

Kinds, each seen on the record's pages (apec.org's layouts, news sites, document-sharing
sites, government portals, mailing-list archives):

- skip links ("Skip to main content", "Click acá para ir directamente al contenido", "Go
  To Content", "top of page") and accessibility buttons ("A A", "Change text size");
- page counters of document viewers ("Vous êtes sur la page 1sur 5", "You are on page 1of
  9", "Total Page:16", "Start display at page:", "Page 2: <title> ...");
- attachment and file lines ("File <name>.JPG (2,148 KBytes , 1915 downloads)", "File
  Type:pdf, Size:1020Kb", "Download as pdf or txt", "Embed Size (px)") and their counters
  ("View: 0 times", "Hits: 895", "This Page Viewed: ...");
- bare labels: a field name alone or with a short value ("Name admin", "Category:",
  "Upload: others", "Transcript", "Similar documents", "Sign In", "Print"), a section
  menu ("Video | Agriculture | Economy | ..."), breadcrumbs ("Home > News Room > ...",
  "You are browsing > ..."), a notice ("Please update your browser", "This summary was
  generated automatically"), a photo credit or caption ending in one ("Photo: ...",
  "... INQUIRER FILE PHOTO", "| Credit: APEC");
- advertisement breaks, often glued to the next sentence ("Article continues after this
  advertisement"), and newsletter sign-ups ("never miss a story ... in your inbox");
- shapes: a line without letters ("47", "|", "______"; a year or an amount is kept), a
  label printed twice by an icon and its text ("PrintPrint"), and a box of related
  headlines (a "Similar documents" or "Recent Posts:" label, in any of those languages,
  and the short lines after it).

Running titles of PDFs go in indexer.extract.pdf; byline and date lines ("Tuesday, January
12, 2016", "By Cassandra Oaten", "date 2021-10-09") after the metadata has read them
(`drop_bylines`). A sentence that merely mentions a page, a file or a download is longer
than a chrome line, or worded as a sentence, and is kept.
"""

from __future__ import annotations

import re

from indexer.extract.dates import DATE_LABEL
from indexer.extract.dates import is_byline as dated_byline
from indexer.extract.metadata import find_date
from indexer.extract.normalise import normalise
from indexer.model import Paragraph

MAX_CHROME_CHARS = 200  # a chrome line is short; a longer paragraph is text that mentions it
MAX_LABEL_WORDS = 4  # words of a label with its value ("Upload: others", "Name admin")
MAX_HEADLINE_WORDS = 25  # a headline in a box of related links
MIN_BOX_LINES = 2  # headlines after a related-links label that make a box

# phrases removed wherever they stand, even inside a paragraph
GLUED = re.compile(
    r"\b(?:article|story)\s+continues\s+(?:after|below)\s+(?:this\s+)?advertisement[.:]?"
    r"|\bcontinue\s+reading\s+(?:below|after\s+(?:the|this)\s+(?:ad|advertisement))\b[.:]?"
    r"|\bscroll\s+to\s+continue\s+with\s+content\b",
    re.I,
)
SKIP_LINK = (
    r"skip\s+(?:to\s+(?:the\s+)?(?:main\s+)?content|navigation|all\s+menus)\b.*"
    r"|jump\s+to\s+(?:main\s+)?content|go\s+to\s+(?:the\s+)?(?:main\s+)?content"
    r"|(?:back\s+to\s+)?(?:top|bottom)\s+of\s+(?:the\s+)?page|back\s+to\s+top"
    r"|(?:(?:haga\s+)?clic(?:k)?\s+(?:aqu[ií]|ac[áa])\s+para\s+)?ir\s+(?:directamente\s+)?al\s+"
    r"contenido(?:\s+principal)?"
    r"|saltar\s+al\s+contenido(?:\s+principal)?|(?:aller|passer)\s+au\s+contenu(?:\s+principal)?"
    r"|(?:ir|pular|saltar)\s+para\s+o\s+conte[úu]do(?:\s+principal)?"
    r"|(?:langsung|lompat|lewati)\s+ke\s+(?:konten|isi)(?:\s+utama)?"
    r"|zum\s+inhalt\s+springen|click\s+here\s+to\s+go\s+(?:straight|directly)\s+to\s+the\s+content"
    r"|chuyển\s+(?:đến|tới)\s+nội\s+dung(?:\s+chính)?|bỏ\s+qua\s+nội\s+dung"
    r"|ข้ามไป(?:ยัง|ที่)?เนื้อหา(?:หลัก)?|본문\s*바로\s*가기|跳(?:到|至|转到)主要?内容|跳到主要內容"
    r"|メインコンテンツへ(?:スキップ|移動)|本文へ(?:スキップ|移動)?"
)
PAGE_COUNTER = (
    r"(?:you\s+are\s+on\s+|vous\s+[êe]tes\s+sur\s+la\s+|est[áa]s\s+en\s+la\s+)?"
    r"(?:page|p[aá]gina|seite|halaman|trang|หน้า)\s*\d+\s*(?:of|sur|de|von|dari|/|จาก)\s*\d+"
    r"|total\s+pages?\s*:\s*\d+|start\s+display\s+at\s+page\s*:?|pages?\s*:\s*\d+\s*,\s*file\s+type\b.*"
    r"|page\s+\d+\s*:.*|第\s*\d+\s*页\s*[/／]?\s*共\s*\d+\s*页|\d+\s*/\s*\d+\s*페이지"
)
ATTACHMENT = (
    r"file\s+\S+\.[a-z0-9]{2,4}\s*\([\d.,]+\s*[kmg]?bytes?.*\)"  # a board's attachment line
    r"|file\s+type\s*:.*|download\s+as\s+(?:pdf|docx?|pptx?|txt)\b.*|embed\s+size\s*\(px\)"
    r"|size\s*:\s*(?:px|[\d.,]+\s*[kmg]?b)\b.*|download\s*\"[^\"]+\"|download\s+(?:pdf|file|now)"
    r"|(?:view|views|download|downloads|hits|upload|date\s+post)\s*:\s*.{0,30}"
    r"|.{0,40}this\s+page\s+viewed\s*:.*"
    r"|(?:archivo\s+adjunto|descargar(?:\s+(?:pdf|archivo))?|t[ée]l[ée]charger(?:\s+le\s+pdf)?"
    r"|lampiran|unduh(?:\s+pdf)?|tệp\s+đính\s+kèm|tải\s+(?:về|xuống)|ไฟล์แนบ|ดาวน์โหลด"
    r"|첨부\s*파일|附件(?:下载)?|添付ファイル)\b.{0,60}"
)
LABEL = (
    r"(?:name|category|categories|categor[ií]as?|tags?|author|upload|source|fuente"
    r"|sumber|nguồn|来源|出處|출처)\s*:?\s*(?:\S+\s*){0,2}|link\s*:.*"
    r"|(?:transcript(?:ion)?|description|citation\s+preview|similar\s+(?:documents|presentations)"
    r"|related\s+(?:information|articles|posts|news|stories)|you\s+might\s+also\s+like"
    r"|recommended(?:\s+citation)?|quick\s+links|main\s+stories|recent\s+posts|feature\s+articles"
    r"|most\s+(?:read|popular|viewed)|read\s+more|comments?\s+are\s+closed\.?|sign\s+in|log\s*in"
    r"|sign\s+up|register|contact(?:\s+us)?|help|search|sitemap|site\s+map|menu|home|print|email"
    r"|share|tweet|download|report\s+this\s+document|français|english|español|chinese\s+version"
    r"|what['’]s\s+new|press\s+releases?|news\s+releases?|sommaire|outline|article"
    r"|advertisement|publicidad|anuncio|iklan|quảng\s+cáo|โฆษณา|광고|广告"
    r"|(?:text|font)\s+size|change\s+text\s+size|accessibility|accesibilidad"
    r"|imprimir(?:\s+este\s+art[ií]culo)?(?:\s+compartir(?:\s+link)?)?|compartir|partager"
    r"|bagikan|chia\s+sẻ|แชร์|공유(?:하기)?|分享|印刷|인쇄|打印|列印"
    r"|presentation\s+is\s+loading\.?\s*please\s+wait\.?"
    r"|댓글\s*많은\s*뉴스|많이\s*본\s*뉴스|인기\s*뉴스|热门新闻|相关新闻|相關新聞|関連記事"
    r"|berita\s+terkait|baca\s+juga|tin\s+liên\s+quan|ข่าวที่เกี่ยวข้อง|noticias\s+relacionadas"
    r"|articles?\s+similaires|lire\s+aussi|à\s+lire\s+aussi)\s*:?"
)
NOTICE = (
    r"please\s+update\s+your\s+browser.*|your\s+browser\s+is\s+out\s+of\s+date\b.*"
    r"|just\s+click\s+on\s+the\s+icons\b.*|an\s+official\s+website\s+of\s+the\b.*"
    r"|official\s+websites\s+use\s+\.gov.*|secure\s+\.gov\s+websites\b.*"
    r"|a\s+\.gov\s+website\s+belongs\b.*|a\s+lock\s+\(.*|this\s+site\s+contains\s+information\s+from\b.*"
    r"|.{0,80}(?:generated\s+automatically|automatically\s+generated|by\s+ai)\b.{0,80}"
    r"|.*(?:AIによって自動生成|요약한\s*결과입니다|自动生成|由AI生成).*"
)
CAPTION = (
    r"(?:photo|foto|fotograf[ií]a|ảnh|사진|图片|圖片|ภาพ)\s*[:：/].{0,120}"
    r"|.{0,250}(?:\(photo\s*:\s*[^)]{1,60}\)|\.\s*(?:photo|foto)\s*:\s*\S.{0,60}"
    r"|\b(?:file\s+)?photo$|\|\s*credit\s*:.{0,60}|\.\s+REUTERS)"
)
_BREADCRUMB_HOME = r"(?:home|inicio|accueil|in[ií]cio|beranda|trang\s+ch[ủu]|首页|홈)"
LINE = re.compile(
    rf"^(?:{SKIP_LINK})$|^(?:{PAGE_COUNTER})$|^(?:{ATTACHMENT})$|^(?:{LABEL})$|^(?:{NOTICE})$"
    r"|^(?:(?:text|font)\s*size\s*:?\s*)?(?:a[+-]?\s*){1,3}$"  # text-size buttons
    r"|^(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b"
    r"|^this\s+(?:web\s?)?site\s+uses\s+cookies\b|\bwe\s+use\s+cookies\b"
    r"|^share\s+(?:this|on)\b"
    rf"|^{_BREADCRUMB_HOME}\s*[›»>/|]|^you\s+are\s+(?:browsing|here)\s*[:>]"  # breadcrumbs
    r"|^for\s+further\s+(?:details|information),\s+please\s+contact\b|^media\s+contacts?\b"
    r"|^contact\s+the\s+writers?\b|^call\s+us\s*:"
    r"|^(?:\S+\s+){0,5}logo$",  # logo captions
    re.I,
)
CAPTION_LINE = re.compile(rf"^(?:{CAPTION})$", re.I)
RELATED_LABEL = re.compile(
    r"^(?:similar\s+(?:documents|presentations)|related\s+(?:information|articles|posts|news"
    r"|stories)|you\s+might\s+also\s+like|recent\s+posts|feature\s+articles|main\s+stories"
    r"|most\s+(?:read|popular|viewed)|댓글\s*많은\s*뉴스|많이\s*본\s*뉴스|인기\s*뉴스|热门新闻"
    r"|相关新闻|相關新聞|関連記事|berita\s+terkait|baca\s+juga|tin\s+liên\s+quan"
    r"|ข่าวที่เกี่ยวข้อง|noticias\s+relacionadas|articles?\s+similaires|à\s+lire\s+aussi)\s*:?$",
    re.I,
)
NEWSLETTER = re.compile(r"newsletter|bolet[ií]n|infolettre", re.I)
SIGN_UP = re.compile(r"sign\s*up|subscribe|suscr[ií]b|inscri|register|abonne", re.I)
# sign-up wording that needs no "newsletter" beside it
SIGN_UP_LINE = re.compile(
    r"\bnever\s+miss\s+(?:a|an|any|another|the)?\s*(?:story|stories|news|update|headline|issue)"
    r"|\b(?:in|to|into)\s+your\s+(?:e-?mail\s+)?inbox\b"
    r"|\bsign\s*up\s+(?:now|today|here|for\s+(?:free|our|the))\b"
    r"|\bsubscribe\s+(?:now|today|here|for\s+free|to\s+our)\b",
    re.I,
)
MENU_ITEM = r"[^|]{1,30}"
MENU = re.compile(rf"^{MENU_ITEM}(?:\|{MENU_ITEM}){{3,}}$")  # "Video | Agriculture | ..."
LETTER = re.compile(r"[^\W\d_]")
FIGURE = re.compile(r"\d(?:[\d,. ]?\d){3,}")  # four digits or more, grouped or not
SENTENCE = re.compile(r"[.!?。]\s*$")
BYLINE_NAME = re.compile(
    r"^(?:by|por|oleh|par)\s*:?\s+(?:[A-Z][\w'’.-]*\s*){1,4}$|^\S{1,20}\s*기자\b.{0,40}$", re.I
)


def _doubled(text: str) -> bool:
    """'PrintPrint', 'View Budget TableView Budget Table': an icon's label and its text."""
    half = len(text) // 2
    return len(text) % 2 == 0 and 2 <= half <= 40 and text[:half] == text[half:]


def is_chrome(text: str) -> bool:
    """True for a paragraph that is site chrome (`text` one line, whitespace collapsed)."""
    if len(text) > MAX_CHROME_CHARS:
        return bool(CAPTION_LINE.match(text)) and len(text) <= 2 * MAX_CHROME_CHARS
    if not LETTER.search(text):  # "47", "|", "______"; an amount, a phone number or a
        return not FIGURE.search(text)  # year ("134,015", "2018") is a field's value
    if LINE.search(text) or MENU.match(text) or CAPTION_LINE.match(text) or _doubled(text):
        return True
    if SIGN_UP_LINE.search(text):
        return True
    return bool(NEWSLETTER.search(text) and SIGN_UP.search(text))


def _headline(text: str) -> bool:
    return len(text.split()) <= MAX_HEADLINE_WORDS and not SENTENCE.search(text.rstrip("…"))


def _related_boxes(paragraphs: list[Paragraph]) -> set[int]:
    """Positions of the headlines listed under a related-links label ("Similar documents"):
    the short lines, none a sentence, after it up to the next longer paragraph."""
    dropped: set[int] = set()
    for i, p in enumerate(paragraphs):
        if not RELATED_LABEL.match(p.text):
            continue
        run = []
        for j in range(i + 1, len(paragraphs)):
            if not _headline(paragraphs[j].text):
                break
            run.append(j)
        if len(run) >= MIN_BOX_LINES:
            dropped.update(run)
    return dropped


def drop_chrome(paragraphs: list[Paragraph], *, boxes: bool = True) -> list[Paragraph]:
    """The paragraphs without chrome lines and with glued chrome phrases cut out, and
    without the headlines of related boxes unless `boxes` is False (a listing of related
    documents is a hub page by those headlines: indexer.extract.hub.is_listing)."""
    cleaned = []
    for p in paragraphs:
        text = " ".join(GLUED.sub(" ", p.text).split())
        if text:
            cleaned.append(Paragraph(text=text, kind=p.kind, page=p.page))
    boxed = _related_boxes(cleaned) if boxes else set()
    return [p for i, p in enumerate(cleaned) if i not in boxed and not is_chrome(normalise(p.text))]


def is_byline(text: str) -> bool:
    """A byline or date line of a story ("Tuesday, January 12, 2016", "By Cassandra Oaten",
    "Por: <name> 07 de Septiembre 2019", "2019-09-07 08:43"; indexer.extract.dates), or an
    author's name after "By". A date alone or a place and a date ("Lakeside, Atlantis | 7
    May 2031") is a dateline of the document's header, not a byline."""
    return bool(BYLINE_NAME.match(text)) or dated_byline(text, find_date)


def drop_bylines(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs without byline lines (`is_byline`) and with a leading date label
    ("date 2021-10-09 <headline>") cut off; run after the metadata has read their dates."""
    kept = []
    for p in paragraphs:
        text = DATE_LABEL.sub("", p.text, count=1).strip()
        if text and not is_byline(normalise(text)):
            kept.append(Paragraph(text=text, kind=p.kind, page=p.page))
    return kept
