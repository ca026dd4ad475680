"""Page and PDF builders for test sites: statements in the layouts the extractor must handle.

Every builder takes the statement (title and paragraphs) and wraps it in its layout's
chrome; the chrome's own text is in ``CHROME_TEXT`` so tests can assert it never reaches
the extracted text. ``links`` are extra (href, text) pairs placed in the page's chrome.
"""

from __future__ import annotations

from html import escape

from fpdf import FPDF

# Text that only ever appears in navigation, headers, footers, sidebars and ads.
CHROME_TEXT = (
    "Skip to main content",
    "About APEC",
    "Member Economies",
    "Cookie settings: we use cookies to improve your experience",
    "Copyright 2026 Fixture Cooperation Secretariat",
    "Related links",
    "Subscribe to our newsletter",
    "Advertisement: cheap flights to Lima",
    "Recent posts",
    "Site map",
)

STATEMENT = (
    "We, the Ministers responsible for small and medium enterprises, met in Fixture City "
    "on 5 September 2019 under the chairmanship of the Minister of Enterprise.",
    "We recognise that micro, small and medium enterprises account for over 97 per cent "
    "of all businesses in the region and employ more than half of the workforce.",
    "We commit to improving access to finance for women-led enterprises, including through "
    "digital credit scoring and movable collateral registries, by 2025.",
    "We instruct officials to report progress on the digital trade toolkit to our next "
    "meeting.",
)


def _paragraphs(paragraphs: list[str] | tuple[str, ...]) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _links(links: list[tuple[str, str]]) -> str:
    return "\n".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in links)


def modern_cms_page(
    title: str,
    paragraphs: list[str] | tuple[str, ...] = STATEMENT,
    links: list[tuple[str, str]] = (),
    canonical: str | None = None,
) -> str:
    """A CMS page: <main>/<article> inside heavy chrome (header, nav, breadcrumbs, cookie
    banner, related links, footer)."""
    canonical_tag = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | APEC</title>
{canonical_tag}
<style>body {{ font-family: sans-serif; }}</style>
<script>window.dataLayer = [];</script></head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><nav class="top"><ul>
<li><a href="/about">About APEC</a></li><li><a href="/members">Member Economies</a></li>
</ul></nav></header>
<div class="cookie-banner">Cookie settings: we use cookies to improve your experience</div>
<nav class="breadcrumbs"><a href="/">Home</a> / <a href="/meeting-papers">Meeting Papers</a></nav>
<main id="main"><article>
<h1>{escape(title)}</h1>
{_paragraphs(paragraphs)}
</article>
<aside class="related"><h2>Related links</h2><ul>{_links(list(links))}</ul></aside>
</main>
<footer><p>Copyright 2026 Fixture Cooperation Secretariat</p><a href="/sitemap">Site map</a>
<p>Subscribe to our newsletter</p></footer>
</body></html>"""


def table_layout_page(
    title: str,
    paragraphs: list[str] | tuple[str, ...] = STATEMENT,
    links: list[tuple[str, str]] = (),
) -> str:
    """An old table layout: no semantic tags, content in <td id="content"> beside a left nav."""
    return f"""<html><head><title>{escape(title)}</title></head>
<body bgcolor="#ffffff">
<table width="100%"><tr><td colspan="2"><font size="1">Skip to main content</font>
<a href="/about.aspx">About APEC</a> | <a href="/members.aspx">Member Economies</a></td></tr>
<tr><td id="leftnav" width="180" valign="top"><table>
<tr><td><a href="/meeting-papers.aspx">Meeting Papers</a></td></tr>
<tr><td><a href="/sitemap.aspx">Site map</a></td></tr>
{"".join(f'<tr><td><a href="{escape(h)}">{escape(t)}</a></td></tr>' for h, t in links)}
</table></td>
<td id="content" valign="top"><font face="Arial"><b>{escape(title)}</b><br><br>
{"<br><br>".join(escape(p) for p in paragraphs)}
</font></td></tr>
<tr><td colspan="2"><font size="1">Copyright 2026 Fixture Cooperation Secretariat</font></td></tr>
</table></body></html>"""


def blog_page(
    title: str,
    paragraphs: list[str] | tuple[str, ...] = STATEMENT,
    links: list[tuple[str, str]] = (),
) -> str:
    """A third-party blog reprinting a statement in <div class="entry-content">, with a
    sidebar, ads and a comment form."""
    return f"""<!DOCTYPE html><html><head><title>{escape(title)} - Trade Blog</title></head>
<body class="single-post">
<div id="masthead"><div class="site-title"><a href="/">Trade Blog</a></div>
<div class="menu"><a href="/about">About APEC</a>
<a href="/members">Member Economies</a></div></div>
<div class="ad-banner">Advertisement: cheap flights to Lima</div>
<div id="primary"><div class="post">
<h2 class="entry-title">{escape(title)}</h2>
<div class="entry-meta">Posted by admin</div>
<div class="entry-content">
{_paragraphs(paragraphs)}
</div></div></div>
<div id="secondary" class="widget-area"><h3>Recent posts</h3><ul>{_links(list(links))}</ul>
<div class="ad">Advertisement: cheap flights to Lima</div>
<p>Subscribe to our newsletter</p></div>
<div id="colophon">Copyright 2026 Fixture Cooperation Secretariat</div>
</body></html>"""


def multi_page_pdf(
    title: str, pages: list[list[str]], header: str = "Fixture Cooperation Secretariat"
) -> bytes:
    """A PDF with a repeated running header and page-number footer on every page."""
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for number, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        pdf.set_y(-20)
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 8, f"Page {number}", align="C")
    return bytes(pdf.output())


def broken_pdf() -> bytes:
    """The first bytes of a PDF, cut off mid-stream."""
    return multi_page_pdf("Broken", [["This document was truncated in transit."]])[:300]
