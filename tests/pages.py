"""Test pages in the layouts extraction must handle, used by the extraction tests and the
crawler's fixture site (tests/sme_site.py). All statement text is invented here.

Each builder takes a title, paragraphs and links; by default it shows the statement below
(with its place line, heading and list) in that layout's chrome, whose text is in
``CHROME_TEXT`` and ``NAV_TEXT`` so tests can assert it never reaches the extracted text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

STATEMENT_TITLE = "Joint Ministerial Statement of the 27th SME Ministerial Meeting"
STATEMENT_CANONICAL = "/meeting-papers/2013_sme"
STATEMENT_PLACE_LINE = "Wellington, New Zealand, 5-6 September 2013"
STATEMENT_PARAGRAPHS = [
    "We, the Ministers responsible for small and medium enterprises, met in Wellington, "
    "New Zealand, on 5-6 September 2013, chaired by H.E. Aroha Tane, Minister for Small "
    "Business, to advance the growth of women-owned and youth-led enterprises.",
    "We recognised that micro, small and medium enterprises account for most businesses in "
    "the region, and that access to finance, markets and digital tools remains uneven.",
    "We welcomed the progress made by the SME Working Group in simplifying customs "
    "procedures, and we instructed officials to report on cross-border e-commerce by 2015.",
    "We agreed to meet again in 2014, and thanked New Zealand for its warm hospitality.",
]
STATEMENT_HEADING = "Access to Finance"
STATEMENT_LIST = [
    "Expand credit guarantee schemes for first-time borrowers.",
    "Share good practice on supply-chain finance among member economies.",
]

NAV_TEXT = ["Home", "About Us", "Groups", "Meeting Papers", "Contact Us"]
FOOTER_TEXT = "Copyright 2026 Example Secretariat. All rights reserved. Privacy Policy."
COOKIE_TEXT = "This website uses cookies to improve your browsing experience. Accept all."
SIDEBAR_TEXT = "Popular posts this week from around the network of business bloggers."
AD_TEXT = "Buy premium office furniture now and save forty percent on every desk."
RELATED_TEXT = ["Related: 2012 SME Ministerial Meeting", "Related: 2011 SME Ministerial Meeting"]
BREADCRUMB_TEXT = "Meeting Papers Sectoral Ministerial Meetings Small and Medium Enterprise"

CHROME_TEXT = [FOOTER_TEXT, COOKIE_TEXT, SIDEBAR_TEXT, AD_TEXT, BREADCRUMB_TEXT, *RELATED_TEXT]


Link = tuple[str, str]
"""An (href, text) pair."""

RELATED_LINKS: list[Link] = [(f"/r{i}", text) for i, text in enumerate(RELATED_TEXT)]


def _nav_links() -> str:
    return "".join(f'<li><a href="/{escape(t.lower())}">{escape(t)}</a></li>' for t in NAV_TEXT)


def _links(links: Sequence[Link]) -> str:
    return "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in links)


def _body_html(paragraphs: Sequence[str] | None) -> str:
    """``paragraphs`` as <p>s; None gives the statement with its place line, heading and list."""
    if paragraphs is not None:
        return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    paras = [f"<p>{escape(p)}</p>" for p in STATEMENT_PARAGRAPHS]
    items = "".join(f"<li>{escape(i)}</li>" for i in STATEMENT_LIST)
    return (
        f"<p>{escape(STATEMENT_PLACE_LINE)}</p>"
        + "".join(paras[:2])
        + f"<h2>{escape(STATEMENT_HEADING)}</h2><ul>{items}</ul>"
        + "".join(paras[2:])
    )


def _legacy_body_html(paragraphs: Sequence[str] | None) -> str:
    """Like ``_body_html`` in 1990s markup: a bold title, then paragraphs split by <br><br>."""
    if paragraphs is not None:
        return "<br><br>\n".join(escape(p) for p in paragraphs)
    body = "<br><br>\n".join(escape(p) for p in STATEMENT_PARAGRAPHS[:2])
    items = "".join(f"<li>{escape(i)}</li>" for i in STATEMENT_LIST)
    rest = "".join(f"<p>{escape(p)}</p>" for p in STATEMENT_PARAGRAPHS[2:])
    return f"""<b>{escape(STATEMENT_TITLE)}</b><br>
{escape(STATEMENT_PLACE_LINE)}<br><br>
{body}<br><br>
<b>{escape(STATEMENT_HEADING)}</b><ul>{items}</ul>{rest}"""


def modern_cms_page(
    title: str = STATEMENT_TITLE,
    paragraphs: Sequence[str] | None = None,
    links: Sequence[Link] = RELATED_LINKS,
    canonical: str | None = None,
) -> str:
    """A CMS page with <main>/<article> and heavy chrome around it; ``links`` go in its
    related-content box, ``paragraphs`` (default: the statement) in the article."""
    canonical_tag = f'<link rel="canonical" href="{escape(canonical)}">\n' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | Example Forum</title>
<meta property="og:title" content="{escape(title)} | Example Forum">
{canonical_tag}<style>.x {{ color: red }}</style><script>var tracking = "Home About Us";</script>
</head><body>
<div class="cookie-banner" id="cookie-consent"><p>{escape(COOKIE_TEXT)}</p></div>
<header class="site-header"><a href="/">Example Forum</a><nav><ul>{_nav_links()}</ul></nav></header>
<div class="breadcrumbs"><a href="/mp">Meeting Papers</a> <a href="/smm">Sectoral Ministerial
Meetings</a> <a href="/sme">Small and Medium Enterprise</a></div>
<main id="main-content"><article class="node node--statement">
<h1>{escape(title)}</h1>
<div class="field field--body">{_body_html(paragraphs)}</div>
<div class="share-links"><a href="/tw">Share on social media</a></div>
</article>
<section class="related-content"><h3>Related Documents</h3><ul>{_links(links)}</ul></section>
</main>
<footer class="site-footer"><ul>{_nav_links()}</ul><p>{escape(FOOTER_TEXT)}</p></footer>
</body></html>"""


def table_layout_page(
    title: str = "2013 SME Ministerial Meeting",
    paragraphs: Sequence[str] | None = None,
    links: Sequence[Link] = (),
) -> str:
    """An old table-layout page: no semantic tags, content in <td id="content"> beside a nav
    (``links`` are added to it); ``title`` is the window title, not the statement's."""
    nav_rows = "".join(
        f'<tr><td><a href="/{t.lower()}.aspx">{escape(t)}</a></td></tr>' for t in NAV_TEXT
    ) + "".join(f'<tr><td><a href="{escape(h)}">{escape(t)}</a></td></tr>' for h, t in links)
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>{escape(title)} - Example Forum</title></head>
<body bgcolor="#ffffff"><table width="100%" border="0">
<tr><td colspan="2"><img src="/logo.gif" alt="Example Forum"> <font size="1">
<a href="/">Home</a> | <a href="/sitemap.aspx">Site Map</a></font></td></tr>
<tr><td width="180" valign="top"><table>{nav_rows}</table></td>
<td id="content" valign="top"><font face="Arial">{_legacy_body_html(paragraphs)}</font></td></tr>
<tr><td colspan="2"><font size="1">{escape(FOOTER_TEXT)}</font></td></tr>
</table></body></html>"""


def blog_reprint_page(
    title: str = "SME ministers meet in Wellington",
    paragraphs: Sequence[str] | None = None,
    links: Sequence[Link] = (),
) -> str:
    """A third-party blog reprinting a statement (default: ours) inside
    <div class="entry-content">; ``links`` are added to its sidebar widget."""
    widgets = "".join(
        f'<li><a href="/post/{i}">Post number {i} on trade policy</a></li>' for i in range(12)
    ) + _links(links)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Reprint: {escape(title)} &#8211; Trade Policy Notes</title></head>
<body class="post-template">
<div id="top-bar" class="menu-top"><ul>{_nav_links()}</ul></div>
<div id="wrapper">
 <div id="primary" class="content-area">
  <article class="post type-post">
   <header class="entry-header"><h1 class="entry-title">{escape(title)}</h1>
   <div class="entry-meta">Posted on 7 September 2013 by admin</div></header>
   <div class="entry-content">
    <p>The following statement was released by the ministers this week.</p>
    <blockquote>{_body_html(paragraphs)}</blockquote>
    <div class="ad-slot"><p>{escape(AD_TEXT)}</p></div>
    <div class="sharedaddy"><a href="/share">Share this</a></div>
   </div>
   <footer class="entry-footer">Tags: <a href="/tag/sme">SME</a></footer>
  </article>
  <div id="comments" class="comments-area"><p>One comment: great post, thanks for sharing it
  with all of us here today.</p></div>
 </div>
 <div id="secondary" class="widget-area sidebar"><section class="widget">
  <h2>Popular</h2><p>{escape(SIDEBAR_TEXT)}</p><ul>{widgets}</ul></section></div>
</div>
<div class="site-info"><p>{escape(FOOTER_TEXT)}</p></div>
</body></html>"""


def unseen_layout_page() -> str:
    """A layout the extractor was not written for: only <div>s with neutral class names."""
    link_rows = "".join(f'<div class="c3"><a href="/x/{i}">Topic {i}</a></div>' for i in range(15))
    paras = "".join(f'<div class="t1">{escape(p)}</div>' for p in STATEMENT_PARAGRAPHS)
    return f"""<html><head><title>{escape(STATEMENT_TITLE)}</title></head><body>
<div class="c1"><div class="c2">{link_rows}</div></div>
<div class="c7"><div class="c8"><span class="big">{escape(STATEMENT_TITLE)}</span></div>
<div class="c9">{paras}</div></div>
<div class="c4"><div class="c5">{escape(COOKIE_TEXT)}</div>
<div class="c6">{escape(FOOTER_TEXT)}</div></div>
</body></html>"""
