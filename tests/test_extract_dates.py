"""Dates in the forms news sites and archives write them: in the address, in bylines and
"Published"/"Posted"/"Fecha" lines, numeric and in other languages; a chronology is dated
by its publication, not its first event. All texts are invented here."""

from __future__ import annotations

import pytest

from indexer.extract import extract_bytes
from indexer.extract.dates import numeric_date, url_date
from indexer.extract.metadata import extract_metadata

STORY = "Ministers responsible for small firms agreed on a plan to help them export more."


@pytest.mark.parametrize(
    "url, date",
    [
        ("https://m.news.example/summary.html?cp=x1&nid=2025090118055914010&pn=5", "2025-09-01"),
        ("https://paper.example/read/20131004/367/167140/ministers-meet", "2013-10-04"),
        ("https://daily.example/kindle/2014-09/04/content_18546875.htm", "2014-09-04"),
        ("https://blog.example/2015/11/summit-closes/", "2015-11"),
        ("https://www.example.org/Press/News-Releases/2012/0504_sme.aspx", "2012-05-04"),
        ("https://www.example.org/Press/News-Releases/2012/1399_sme.aspx", None),
        ("https://archive.example/web/20070220212401/http://gov.example/speech", None),
        ("https://www.example.org/meeting-papers/2013_sme", None),
    ],
)
def test_a_date_in_the_address(url, date):
    assert url_date(url, 2036) == date


def test_a_story_dated_only_by_its_address_gets_its_year_and_date():
    meta = extract_metadata(
        "Small business ministers meet",
        STORY,
        "https://m.news.example/view?nid=2025090118055914010",
    )
    assert (meta.year, meta.date) == (2025, "2025-09-01")


@pytest.mark.parametrize(
    "line, date",
    [
        ("Tuesday, January 12, 2016", "2016-01-12"),
        ("Published: 7 May 2019", "2019-05-07"),
        ("Posted on 3 March 2018 by Jo Example", "2018-03-03"),
        ("Fecha: 26 de septiembre de 2015", "2015-09-26"),
        ("Por: Ana Ejemplo 07 de Septiembre 2019", "2019-09-07"),
        ("Thứ hai 27/05/2019 02:10", "2019-05-27"),
        ("(Daily Example 08/29/2001)", "2001-08-29"),
        ("Tarikh/Date : 25/06/98", "1998-06-25"),
    ],
)
def test_a_byline_or_published_line_dates_a_story(line, date):
    meta = extract_metadata("Ministers meet", f"{line}\n{STORY}", "https://news.example/a/b")
    assert meta.date == date


def test_a_bare_month_gives_the_year_only():
    meta = extract_metadata("Ministers meet", f"date 2023-09 {STORY}", "https://news.example/a")
    assert (meta.year, meta.date) == (2023, None)


def test_numeric_dates_read_day_first_unless_the_day_cannot_be_a_month():
    assert numeric_date("27/05/2019") == "2019-05-27"
    assert numeric_date("08/29/2001") == "2001-08-29"
    assert numeric_date("2020/12/22") == "2020-12-22"


def test_a_chronology_is_dated_by_its_publication_and_says_what_it_covers():
    events = [
        f"The {nth} meeting was held in {city}, Atlantis, from September 5-6, {year}."
        for nth, city, year in [
            ("first", "Lakeside", 1994),
            ("second", "Rivermouth", 1995),
            ("third", "Hillcrest", 1996),
            ("fourth", "Seaview", 1997),
            ("fifth", "Stonebridge", 2000),
        ]
    ]
    page = "".join(f"<p>{line}</p>" for line in ["Chronology of the Meetings", *events])
    page += "<p>(Daily Example 08/29/2001)</p>"
    doc = extract_bytes(
        f"<html><body><main>{page}</main></body></html>".encode(),
        "https://paper.example/english/material/1.htm",
        "text/html",
    )
    assert (doc.year, doc.date) == (2001, "2001-08-29")
    assert doc.period == "1994–2000"


def test_a_chronology_without_a_publication_date_has_no_year():
    events = [f"The meeting was held in Lakeside on 5 May {year}." for year in range(1994, 1999)]
    meta = extract_metadata("Chronology", "\n".join(events), "https://paper.example/a")
    assert meta.year is None and meta.period == "1994–1998"


@pytest.mark.parametrize(
    "text, date",
    [
        ("2019年5月4日", "2019-05-04"),
        ("2019年05月04日 10:23", "2019-05-04"),
        ("2019년 5월 4일", "2019-05-04"),
        ("2019.05.04", "2019-05-04"),
        ("2019. 5. 4.", "2019-05-04"),
        ("4 Setyembre 2019", "2019-09-04"),
        ("version 2.1.3 of the plan", None),
    ],
)
def test_chinese_japanese_korean_and_tagalog_dates(text, date):
    assert numeric_date(text) == date


@pytest.mark.parametrize(
    "line",
    [
        "입력 2019.05.04 18:05",
        "2019年05月04日 10:23 来源：日报",
        "발행일 2019년 5월 4일",
    ],
)
def test_a_chinese_japanese_or_korean_byline_dates_a_story_and_is_chrome(line):
    story = "장관들은 중소기업의 수출을 돕는 계획에 합의했다고 밝혔다."
    page = f"<html><body><h1>중소기업 장관회의 폐막</h1><p>{line}</p><p>{story}</p></body></html>"
    doc = extract_bytes(page.encode(), "https://daily.example/p/4471", "text/html")
    assert (doc.year, doc.date) == (2019, "2019-05-04")
    assert [p.text for p in doc.paragraphs][-1:] == [story]
    assert not any("2019" in p.text for p in doc.paragraphs)


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("Para menteri sepakat, demikian pernyataan bersama, Sabtu, 4 Mei 2019.", "2019-05-04"),
        ("Pertemuan pada Sabtu (4/5/2019) membahas pembiayaan usaha kecil.", "2019-05-04"),
        ("Los ministros se reunieron el sábado 4 de mayo de 2019 en Lakeside.", "2019-05-04"),
    ],
)
def test_a_story_dated_after_a_weekday_in_its_text(sentence, date):
    text = f"Para menteri membahas pembiayaan usaha kecil, ujar pejabat itu.\n{sentence}"
    meta = extract_metadata("", text, "https://harian.example/ekonomi/menteri-sepakat-1411")
    assert meta.doc_type == "news_article"
    assert (meta.year, meta.date) == (2019, date)
    # a date in the address or the page's markup comes first
    dated = extract_metadata("", text, "https://harian.example/read/20190503/menteri-sepakat")
    assert dated.date == "2019-05-03"


def test_a_weekday_date_does_not_date_what_is_not_news():
    text = "Progress on the plan was last reviewed on Saturday, 4 May 2019, by the members."
    meta = extract_metadata("Strategic Plan", text, "https://docs.example/plan")
    assert meta.doc_type == "strategic_plan"
    assert meta.date is None
