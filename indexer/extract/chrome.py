"""Site chrome that survives main-text extraction, recognised by its wording.

Kinds, each seen on the real record's pages (apec.org's two layouts, news sites, document-
sharing sites): skip links in several languages, advertisement breaks ("Article continues
after this advertisement", often glued to the next sentence), text-size buttons ("A A"),
newsletter sign-ups ("Never miss a story: get the ... newsletter free in your inbox"),
cookie notices, share bars, copyright lines, breadcrumbs, category and section menus
("Video | Agriculture | Economy | ..."), document-sharing sites' file lines ("pages: 16,
file type: pdf, size: 245 kB", "Page 1 sur 16", "Download") and logo captions.
"""

from __future__ import annotations

import re

from indexer.model import Paragraph

MAX_CHROME_CHARS = 200  # a chrome line is short; a longer paragraph is text that mentions it

# phrases removed wherever they stand, even inside a paragraph
GLUED = re.compile(
    r"\b(?:article|story)\s+continues\s+(?:after|below)\s+(?:this\s+)?advertisement\b[.:]?"
    r"|\bcontinue\s+reading\s+(?:below|after\s+(?:the|this)\s+(?:ad|advertisement))\b",
    re.I,
)
_SKIP = (
    r"skip\s+(?:to\s+(?:the\s+)?(?:main\s+)?content|navigation)|jump\s+to\s+(?:main\s+)?content"
    r"|(?:haga\s+clic\s+aqu[ií]\s+para\s+)?ir\s+(?:directamente\s+)?al\s+contenido(?:\s+principal)?"
    r"|saltar\s+al\s+contenido(?:\s+principal)?|(?:aller|passer)\s+au\s+contenu(?:\s+principal)?"
    r"|(?:ir|pular|saltar)\s+para\s+o\s+conte[úu]do(?:\s+principal)?|langsung\s+ke\s+konten"
    r"|zum\s+inhalt\s+springen|click\s+here\s+to\s+go\s+(?:straight|directly)\s+to\s+the\s+content"
)
_BREADCRUMB_HOME = r"(?:home|inicio|accueil|in[ií]cio|beranda|trang\s+ch[ủu])"
LINE = re.compile(
    rf"^(?:{_SKIP})$"
    r"|^(?:(?:text|font)\s*size\s*:?\s*)?(?:a[+-]?\s*){2,3}$"  # text-size buttons
    r"|^(?:(?:text|font)\s*size|accessibility|accesibilidad|advertisement|publicidad|anuncio)$"
    r"|^(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b"
    r"|^this\s+(?:web\s?)?site\s+uses\s+cookies\b|\bwe\s+use\s+cookies\b"
    r"|^share\s+(?:this|on)\b|^(?:print|email|download|report\s+this\s+document)$"
    r"|^pages?\s*:\s*\d+\s*,\s*file\s+type\b"  # document-sharing file lines
    r"|^(?:page|p[aá]gina|seite)\s+\d+\s+(?:of|sur|de|von|/)\s+\d+$"
    r"|^categor(?:y|ies|[ií]as)\b"
    rf"|^{_BREADCRUMB_HOME}\s*[›»>/|]"  # breadcrumbs
    r"|^for\s+further\s+(?:details|information),\s+please\s+contact\b|^media\s+contacts?\b"
    r"|^(?:\S+\s+){0,5}logo$",  # logo captions
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


def is_chrome(text: str) -> bool:
    """True for a paragraph that is site chrome (`text` normalised, one line)."""
    if len(text) > MAX_CHROME_CHARS:
        return False
    if LINE.search(text) or MENU.match(text):
        return True
    if SIGN_UP_LINE.search(text):
        return True
    return bool(NEWSLETTER.search(text) and SIGN_UP.search(text))


def drop_chrome(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs without chrome lines and with glued chrome phrases cut out."""
    kept = []
    for p in paragraphs:
        text = " ".join(GLUED.sub(" ", p.text).split())
        if text and not is_chrome(text):
            kept.append(Paragraph(text=text, kind=p.kind, page=p.page))
    return kept
