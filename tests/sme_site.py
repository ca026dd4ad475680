"""The fixture site the crawl tests walk: an SME ministerial papers section with every
kind of trouble a crawler meets. Paths the tests check are constants here."""

from __future__ import annotations

import hashlib

from tests.pages import blog_reprint_page, modern_cms_page, table_layout_page
from tests.pdfs import plan_pdf
from tests.site import PDF, Route, Site

LISTING = "/meeting-papers/sme"
MODERN = "/meeting-papers/sme/2019_sme"
TABLE = "/meeting-papers/sme/2008_sme.aspx"
OLD_FORM = "/meeting-papers/sme/2012_sme.aspx"
BLOG = "/blog/2019-sme-statement"
REDIRECT_FROM, REDIRECT_TO = "/meeting-papers/sme/2016", "/meeting-papers/sme/2016_sme"
PLAN_PDF = "/docs/smewg/strategic-plan-2021-2024.pdf"
BROKEN_PDF = "/docs/smewg/terms-of-reference.pdf"
BIG_PDF = "/docs/smewg/annual-report-scans.pdf"
PRIVATE = "/private/draft-statement"
MISSING = "/meeting-papers/sme/1999_sme"
SERVER_ERROR = "/meeting-papers/sme/2001_sme"
BUSY = "/meeting-papers/sme/2004_sme"
CALENDAR = "/events/calendar"
BIG_SIZE = 3 * 1024 * 1024
LAST_MODIFIED = 1_700_000_000.0


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:12] + '"'


def document(site: Site, path: str, body: str | bytes, content_type: str | None = None) -> None:
    """A page with ETag and Last-Modified, as a well-behaved CMS serves it."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    route = Route(body=data, etag=_etag(data), last_modified=LAST_MODIFIED)
    if content_type:
        route.content_type = content_type
    site.route(path, route)


def calendar(query: str) -> Route:
    """An endless calendar: every month links to the next."""
    month = int(query.partition("month=")[2] or 1)
    html = modern_cms_page(
        f"Events, month {month}",
        [f"No events in month {month}."],
        links=[(f"{CALENDAR}?month={month + 1}", "Next month")],
    )
    return Route(body=html.encode())


def build_sme_site(site: Site, other_host: str = "127.0.0.1:9", retry_after: str = "1") -> None:
    """Fill ``site`` with the fixture; ``other_host`` is another loopback server linked to,
    ``retry_after`` what the busy page's first answer (a 429) asks the crawler to wait."""
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    home_links = [
        (LISTING, "SME Ministerial Meeting papers"),
        (f"{CALENDAR}?month=1", "Events"),
        (PRIVATE, "Draft (internal)"),
        ("mailto:info@example.org", "Write to us"),
        ("javascript:void(0)", "Print"),
        ("#top", "Back to top"),
        ("http://www.example.org/partner", "Partner site"),
        (f"http://{other_host}/admin", "Another local service"),
        ("http://10.20.30.40/intranet", "Intranet"),
        ("/images/logo.png", "Logo"),
    ]
    document(site, "/", modern_cms_page("Fixture Cooperation home", ["Welcome."], home_links))
    page_one = [
        (MODERN, "2019 statement"),
        (TABLE, "2008 statement"),
        (BLOG, "2019 statement reprinted"),
        (REDIRECT_FROM, "2016 statement"),
        (MISSING, "1999 statement"),
        (SERVER_ERROR, "2001 statement"),
        (BUSY, "2004 statement"),
        (f"{LISTING}?page=2", "Next page"),
    ]
    page_two = [
        (OLD_FORM, "2012 statement"),
        (PLAN_PDF, "SMEWG Strategic Plan 2021-2024"),
        (BROKEN_PDF, "SMEWG Terms of Reference"),
        (BIG_PDF, "Scanned annual reports"),
        (LISTING, "First page"),
    ]

    def listing(query: str) -> Route:
        page = 2 if query == "page=2" else 1
        html = modern_cms_page(
            f"SME Ministerial Meetings, page {page}",
            ["Statements of the meetings."],
            page_two if page == 2 else page_one,
        )
        data = html.encode()
        return Route(body=data, etag=_etag(data), last_modified=LAST_MODIFIED)

    site.route(LISTING, listing)
    document(
        site,
        MODERN,
        modern_cms_page("2019 SME Ministerial Meeting statement", canonical=site.url(MODERN)),
    )
    # Only Last-Modified here: the second crawl must send If-Modified-Since.
    site.route(
        TABLE,
        Route(
            body=table_layout_page("2008 SME Ministerial Meeting statement").encode(),
            last_modified=LAST_MODIFIED,
        ),
    )
    document(site, OLD_FORM, table_layout_page("2012 SME Ministerial Meeting statement"))
    document(site, BLOG, blog_reprint_page("APEC SME ministers' 2019 statement in full"))
    site.redirect(REDIRECT_FROM, REDIRECT_TO)
    document(site, REDIRECT_TO, modern_cms_page("2016 SME Ministerial Meeting statement"))
    document(site, PLAN_PDF, plan_pdf(meta_title="SMEWG Strategic Plan 2021-2024"), PDF)
    document(site, BROKEN_PDF, plan_pdf(pages=1)[:300], PDF)  # cut off mid-stream
    site.route(BIG_PDF, Route(size=BIG_SIZE, content_type=PDF, send_length=False))
    site.page(PRIVATE, modern_cms_page("Internal draft", ["Not for crawlers."]))
    site.route(SERVER_ERROR, Route(status=500, body=b"Internal Server Error"))
    busy = table_layout_page("2004 SME Ministerial Meeting statement").encode()
    site.route(
        BUSY, Route(body=busy, etag=_etag(busy), failures=[(429, {"Retry-After": retry_after})])
    )
    site.route(CALENDAR, calendar)
