"""Template filters and globals shared by every page."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from flask import Flask, url_for
from markupsafe import Markup

from indexer.text.ordinals import ordinal
from webapp.citation import long_date
from webapp.facets import doc_type_label
from webapp.works import doc_title, host, kind_label, others_label

EPOCH = "1970-01-01T00:00:00Z"
SITE_NAME = "APEC SME Search"  # also the OpenSearch ShortName: at most 16 characters


def rfc3339(value: str | None) -> str:
    """An ISO date or timestamp as an Atom (RFC 3339) UTC timestamp. A bare year or partial
    date counts as 1 January of its year; anything unreadable as the Unix epoch, because
    every Atom entry must carry a date."""
    for candidate in (value or "", (value or "")[:4] + "-01-01"):
        try:
            moment = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return EPOCH


# Letters of the scripts that tell a text's language: Hangul is Korean, kana Japanese (with
# the Han characters around it), Han alone Chinese, Thai script Thai.
HANGUL = re.compile(r"[\u1100-\u11ff\uac00-\ud7af]")
KANA = re.compile(r"[\u3040-\u30ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
THAI = re.compile(r"[\u0e00-\u0e7f]")
MIN_SCRIPT_SHARE = 0.3  # of a text's letters, for its script to name its language


def lang_attr(text: str | None) -> Markup:
    """`` lang="ko"`` (Korean, Japanese, Chinese or Thai) for a text written mostly in one
    of those scripts, so that screen readers read it in its language (WCAG 2.1 SC 3.1.2,
    Language of Parts); else nothing: the page's English. Tags are set aside."""
    plain = re.sub(r"<[^>]*>", "", text or "")
    hangul, kana, han, thai = (len(p.findall(plain)) for p in (HANGUL, KANA, HAN, THAI))
    counts = {"ko": hangul, "ja": kana + han if kana else 0, "zh": 0 if kana else han, "th": thai}
    tag, found = max(counts.items(), key=lambda pair: pair[1])
    letters = sum(c.isalpha() for c in plain)
    return Markup(f' lang="{tag}"') if found and found >= MIN_SCRIPT_SHARE * letters else Markup()


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """The English name of the language of ISO 639 ``code`` ("es" -> "Spanish"), from the
    Unicode CLDR's names as Babel gives them; the code itself when CLDR has no such
    language."""
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code


def passage_url(doc_id: str, position: int | None, q: str, anchor: str | None = None) -> str:
    """The document page at a paragraph, with the words of `q` highlighted: at its `anchor`
    (its ¶ anchor, "p12") when known, else through `/doc/<id>/at/<position>` (the index's
    count, from 0), which redirects to that anchor."""
    if anchor or position is None:
        return url_for("documents.show", doc_id=doc_id, q=q or None, _anchor=anchor)
    return url_for("documents.at", doc_id=doc_id, position=position, q=q or None)


def init_app(app: Flask) -> None:
    app.add_template_global(passage_url)
    app.add_template_filter(doc_type_label)
    app.add_template_filter(ordinal)
    app.add_template_filter(long_date)
    app.add_template_filter(rfc3339)
    app.add_template_filter(host)
    app.add_template_filter(doc_title)
    app.add_template_filter(lang_attr)
    app.add_template_filter(language_name)
    app.add_template_filter(kind_label)
    app.add_template_filter(others_label)
    app.add_template_global(SITE_NAME, "site_name")
