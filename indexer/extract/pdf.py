"""Text, paragraphs and title of a PDF, with pypdf.

pypdf gives each page's text as lines, folded here (indexer.extract.normalise: ligatures,
invisible characters). Lines are joined back into paragraphs (a line that ends a sentence
well short of the page's text width ends its paragraph; bullets and heading-like lines start
new ones), words split across lines are rejoined unless the hyphen is a real one
(normalise.Hyphenation), and lines repeated at the top or bottom of most pages (running
headers, footers, page numbers) are dropped, as are the one-off header and footer lines
inside a sentence that runs across a page break.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from pypdf import PasswordType, PdfReader

from indexer.errors import ExtractionError
from indexer.extract.normalise import Hyphenation, fold
from indexer.model import Paragraph

MAX_PDF_PAGES = 400  # pages read from one PDF; the rest are ignored
MAX_PDF_CHARS = 2_000_000  # characters of text kept from one PDF
# pypdf parses drawing code in Python (about 1 s per 150 kB), so a compressed bomb would take
# minutes: a page whose drawing code is larger is skipped, and the total is capped. A page's
# drawing code counts the forms it draws (XObjects), once per time it draws them: a 1.5 kB
# file drawing one form 5,000 times costs minutes otherwise (py-pdf/pypdf#2790).
MAX_PAGE_CONTENT_BYTES = 1_000_000
MAX_PDF_CONTENT_BYTES = 20_000_000
MAX_FORM_DEPTH = 8  # forms drawing forms: deeper nesting counts as over the cap
DRAW_FORM = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
EDGE_LINES = 3  # lines at the top and bottom of a page that may be running headers/footers

PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
BULLET = re.compile(r"^(?:[•●▪◦■□➢►\-–*]|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\))\s+")
NUMBERED = re.compile(r"^\d{1,3}[.)]\s+\S")
# a meeting document's reference lines above its title: its code ("2032/SMEMM/JMS", dropped
# at a page's edge like a running header) and "Agenda Item: 3" (kept, never the title)
DOC_CODE = re.compile(r"^\d{4}/[A-Z0-9]+(?:/[\w.-]+)+$", re.I)
REFERENCE_LINE = re.compile(
    rf"{DOC_CODE.pattern}|^(?:agenda\s+item|(?:submitted|prepared)\s+by)\b", re.I
)
# a title carried over to the next page: "Annex A (continued)", "Anexo (continuación)"
CONTINUED = re.compile(
    r"^.{1,120}?\s*[(\[]?\s*(?:continued|cont['’]?d|cont\.|continuaci[óo]n|suite)\s*[)\]]?$", re.I
)
SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")


@dataclass
class PdfExtract:
    title: str
    paragraphs: list[Paragraph]
    page_count: int  # pages read (at most MAX_PDF_PAGES)


def _open(body: bytes) -> PdfReader:
    if b"%PDF-" not in body[:1024]:
        raise ExtractionError("not a PDF: no %PDF- header")
    if b"%%EOF" not in body[-2048:]:
        raise ExtractionError("truncated PDF: no %%EOF marker at the end of the file")
    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises many kinds of error on damaged files
        raise ExtractionError(f"broken PDF: {exc}") from exc
    if encrypted:
        try:
            opened = reader.decrypt("")  # many PDFs only restrict editing, not reading
        except Exception as exc:
            raise ExtractionError(f"encrypted PDF: cannot decrypt ({exc})") from exc
        if opened == PasswordType.NOT_DECRYPTED:
            raise ExtractionError("encrypted PDF: a password is needed to read it")
    return reader


def _page_texts(reader: PdfReader) -> list[list[str]]:
    """Lines of each page (up to the page and character caps)."""
    try:
        pages = list(reader.pages[:MAX_PDF_PAGES])
    except Exception as exc:
        raise ExtractionError(f"broken PDF: cannot read its page tree ({exc})") from exc
    texts: list[list[str]] = []
    budget = MAX_PDF_CHARS
    content_budget = MAX_PDF_CONTENT_BYTES
    failures = 0
    for page in pages:
        if budget <= 0 or content_budget <= 0:
            break
        try:
            contents = page.get_contents()
            data = contents.get_data() if contents is not None else b""
            size = _drawing_bytes(data, page.get("/Resources"), {}, 0)
            text = ""
            if size <= MAX_PAGE_CONTENT_BYTES:  # else skipped, unparsed: it costs nothing
                content_budget -= size
                text = page.extract_text() or ""
        except Exception:  # one damaged page should not lose the others
            failures += 1
            text = ""
        text = text[:budget]
        budget -= len(text)
        texts.append([" ".join(fold(line).split()) for line in text.splitlines()])
    if pages and failures == len(pages):
        raise ExtractionError("broken PDF: no page could be read")
    return texts


def _drawing_bytes(data: bytes, resources: object, sizes: dict[int, int], depth: int) -> int:
    """Bytes of drawing code that extracting text from ``data`` parses: its own, and each
    form XObject's (recursively) as many times as it is drawn; stops counting past
    MAX_PAGE_CONTENT_BYTES. ``sizes`` remembers forms already counted, by object id."""
    total = len(data)
    draws = Counter(DRAW_FORM.findall(data))
    if not draws:
        return total
    xobjects = _resolved(resources).get("/XObject") if resources is not None else None
    xobjects = _resolved(xobjects) if xobjects is not None else {}
    for name, times in draws.items():
        form = xobjects.get("/" + name.decode("latin-1"))
        form = _resolved(form) if form is not None else None
        if form is None or form.get("/Subtype") != "/Form":
            continue  # an image: pypdf does not parse it for text
        if depth >= MAX_FORM_DEPTH:
            return MAX_PAGE_CONTENT_BYTES + 1
        key = id(form)
        if key not in sizes:
            sizes[key] = MAX_PAGE_CONTENT_BYTES + 1  # a form drawing itself is over the cap
            own = form.get_data()
            sizes[key] = _drawing_bytes(own, form.get("/Resources", resources), sizes, depth + 1)
        total += times * sizes[key]
        if total > MAX_PAGE_CONTENT_BYTES:
            break
    return total


def _resolved(obj: object):
    return obj.get_object() if hasattr(obj, "get_object") else obj


def _edge_key(line: str, page_no: int) -> str:
    """The line with its own page number masked, so "Plan - page 3" repeats on every page."""
    return re.sub(rf"(?<!\d){page_no}(?!\d)", "#", line.lower())


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers, lines repeated at the top or bottom of most pages and running
    titles carried over ("Annex A (continued)") at a page's top."""
    pages = [[line for line in lines if line] for lines in pages]
    counts: Counter[str] = Counter()
    for n, lines in enumerate(pages, start=1):
        counts.update({_edge_key(x, n) for x in lines[:EDGE_LINES] + lines[-EDGE_LINES:]})
    needed = max(2, round(0.6 * len(pages)))
    running = {key for key, n in counts.items() if n >= needed}
    cleaned = []
    for n, lines in enumerate(pages, start=1):
        keep = []
        for i, line in enumerate(lines):
            at_edge = i < EDGE_LINES or i >= len(lines) - EDGE_LINES
            if at_edge and (
                _edge_key(line, n) in running
                or PAGE_NUMBER.match(line)
                or DOC_CODE.match(line)
                or (i < EDGE_LINES and CONTINUED.match(line))
            ):
                continue
            keep.append(line)
        cleaned.append(keep)
    return cleaned


def _is_heading(line: str) -> bool:
    words = line.split()
    if not words or len(line) > 90 or len(words) > 14 or SENTENCE_END.search(line):
        return False
    if line.endswith(","):
        return False
    if line.isupper() and any(c.isalpha() for c in line):
        return True
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _runs_on(next_line: str) -> bool:
    """A line followed by one starting in lower case is the start of a running sentence."""
    return bool(next_line) and next_line[0].islower()


def _paragraphs(pages: list[list[str]]) -> list[Paragraph]:
    hyphenation = Hyphenation(line for lines in pages for line in lines)
    width = max((len(x) for lines in pages for x in lines), default=0)
    blocks: list[tuple[str, int, list[str]]] = []  # kind, page, lines with separators
    last_line = ""
    flat = [(n, line) for n, lines in enumerate(pages, start=1) for line in lines]
    for i, (page_no, line) in enumerate(flat):
        following = flat[i + 1][1] if i + 1 < len(flat) else ""
        current = blocks[-1] if blocks else None
        after_break = current is None or current[0] == "h" or _ends(last_line, width)
        heading = after_break and _is_heading(line) and not _runs_on(following)
        if after_break or heading or BULLET.match(line) or NUMBERED.match(line):
            kind = "h" if heading else "li" if BULLET.match(line) else "p"
            blocks.append((kind, page_no, [BULLET.sub("", line) if kind == "li" else line]))
        else:
            pieces = current[2]
            pieces[-1], sep = hyphenation.join(pieces[-1], line)
            pieces.append(sep + line)
        last_line = line
    paragraphs = [Paragraph(text="".join(pieces), kind=k, page=n) for k, n, pieces in blocks]
    return [p for p in paragraphs if p.text.strip()]


def _ends(line: str, width: int) -> bool:
    """A line that closes a sentence well short of the text width ends its paragraph."""
    return bool(SENTENCE_END.search(line)) and len(line) < 0.85 * width


# Titles that authoring tools fill in by themselves: a new file's name ("Document1",
# "Untitled-1", "Presentation2", "Layout 1"), a template's ("PowerPoint Presentation",
# "Slide 1"), a file name or path ("C:\\Users\\...", "report.indb").
PLACEHOLDER_TITLE = re.compile(
    r"(?:untitled|document|presentation|book|workbook|layout|slide|title|new document"
    r"|powerpoint presentation|microsoft word document|untitled document)(?:[\s_-]*\d+)?",
    re.I,
)
FILE_NAME = re.compile(
    r"\.(?:docx?|dotx?|pdf|pptx?|potx?|xlsx?|rtf|odt|indd|indb|idml|qxd|qxp|pub|ai|psd|eps"
    r"|cdr|wpd|pages|key|tmp)$",
    re.I,
)
PATH = re.compile(r"^(?:[a-z]:[\\/]|\\\\|/(?:users|home|volumes|tmp)/|file:)|[\\/]\S*[\\/]", re.I)


def _clean_meta_title(title: object) -> str:
    """The PDF's metadata title, or "" when it is an authoring tool's placeholder, a file
    name or a path rather than the document's title (then the first heading is used)."""
    if not isinstance(title, str):
        return ""
    title = " ".join(fold(title).split())
    title = re.sub(r"^Microsoft (?:Word|PowerPoint|Excel) - ", "", title)
    if not title or PLACEHOLDER_TITLE.fullmatch(title) or FILE_NAME.search(title):
        return ""
    if PATH.search(title) or not any(c.isalpha() for c in title):
        return ""
    return title[:500]


def _rejoin_page_breaks(pages: list[list[str]]) -> list[list[str]]:
    """Drop the header and footer lines (not repeated enough to be known as running lines)
    that stand inside a sentence running across a page break: the page ends mid-sentence
    on a full line, the next page's text goes on in lower case within EDGE_LINES lines,
    and the few short lines between are neither sentence's."""
    width = max((len(x) for lines in pages for x in lines), default=0)
    pages = [list(lines) for lines in pages]
    for prev, page in zip(pages, pages[1:], strict=False):
        start = next((i for i, x in enumerate(page[: EDGE_LINES + 1]) if _runs_on(x)), None)
        if start is None or not prev:
            continue
        end = len(prev)  # trailing footer lines: short ones after the last full line
        while end > 1 and len(prev) - end < EDGE_LINES - 1 and len(prev[end - 1]) < 0.6 * width:
            end -= 1
        body_end = prev[end - 1]
        between = page[:start]
        if SENTENCE_END.search(body_end) or any(
            SENTENCE_END.search(x) or len(x) >= 0.6 * width for x in between
        ):
            continue
        if len(body_end) >= 0.6 * width:
            del prev[end:]
            del page[:start]
    return pages


def extract_pdf(body: bytes) -> PdfExtract:
    """Paragraphs (with page numbers) and title of a PDF; ExtractionError says why not."""
    reader = _open(body)
    texts = _page_texts(reader)
    pages = _rejoin_page_breaks(_drop_running_lines(texts))
    paragraphs = _paragraphs(pages)
    try:
        meta_title = _clean_meta_title(reader.metadata.title if reader.metadata else None)
    except Exception:  # a damaged info dictionary only costs us the metadata title
        meta_title = ""
    headings = (p.text for p in paragraphs if p.kind == "h" and not REFERENCE_LINE.match(p.text))
    title = meta_title or next(headings, "")
    if not title and paragraphs:
        title = paragraphs[0].text[:150]
    return PdfExtract(title=title, paragraphs=paragraphs, page_count=len(texts))
