"""A meeting's facts and their evidence: one place written two ways is one value, a
statement's own dateline and opening outweigh its page's header date, each fact is cited by
the sentence that states it (once), and the theme is the meeting's own, not APEC's year's."""

import pytest

from indexer.extract.metadata import place_and_date_line
from indexer.model import Paragraph
from indexer.record import build_record
from indexer.record.meetings import same_value
from indexer.record.mentions import find_mentions, theme_in
from indexer.record.places import native_city, place_key
from tests.helpers import make_document, make_index

BASE = (
    "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/small-and-medium-enterprise"
)
TITLE = "2031 APEC Small and Medium Enterprises Ministerial Meeting"


def header(text: str) -> Paragraph:
    return Paragraph(text, kind="header")


def statement(*paragraphs: str | Paragraph, **fields):
    """An SME ministers' statement as apec.org shows one: its title again, its header lines
    and its numbered paragraphs."""
    values = {"doc_type": "ministerial_statement", "year": 2031, "publisher": "APEC"} | fields
    return make_document(f"{BASE}/2031_sme", TITLE, [header(TITLE), *paragraphs], **values)


def story(n: int, text: str, year: int | None = 2031, title: str = "SME ministers meet"):
    return make_document(
        f"https://wire.example/{n}", title, [text], doc_type="news_article", year=year
    )


def test_one_city_written_two_ways_is_one_value():
    docs = [
        statement(
            header("Mexico City, Mexico | 4 May 2031"),
            "1. We, the APEC Ministers responsible for SMEs, met in Mexico City on 4 May 2031"
            " for the 38th APEC SME Ministerial Meeting.",
            location="Mexico City, Mexico",
            date="2031-05-04",
        ),
        story(1, "The 38th APEC SME Ministerial Meeting was held in CDMX on 4 May 2031."),
        story(2, "The 38th APEC SME Ministerial Meeting was held in Ciudad de México on 4 May."),
    ]
    (meeting,) = build_record(docs).meetings
    assert (meeting.city, meeting.economy) == ("Mexico City", "Mexico")
    assert meeting.disputed("city") == []
    cities = {e.value for e in meeting.evidence if e.field == "city"}
    assert cities == {"Mexico City"}  # every statement of it, in the record's spelling
    written = {e.written for e in meeting.evidence if e.field == "city"}
    assert written == {"Mexico City", "Cdmx", "Ciudad de México"}
    # a resort town GeoNames does not know is still one place with a trailing "City"
    assert place_key("Lakeview City") == place_key("Lakeview")
    assert place_key("Lakeview") != place_key("Hillcrest")


def test_an_opening_met_in_the_city_written_otherwise_is_the_statements_own():
    doc = statement(
        header("Kuala Lumpur, Malaysia | 4 May 2031"),
        "1. We, the APEC Ministers responsible for SMEs, met in Kuala Lumpur City on 4 May 2031"
        " for the 38th APEC SME Ministerial Meeting.",
        location="Kuala Lumpur, Malaysia",
    )
    assert [m.number for m in find_mentions(doc) if m.own and m.opening] == [38]


def test_a_statements_dateline_and_opening_outweigh_its_page_header_date():
    docs = [
        statement(
            header("Lakeside, Atlantis | 3 May 2031"),  # the page's header date
            header("Lakeside, 4 May 2031"),  # the statement's own dateline
            "1. We, the APEC SME Ministers, met in Lakeside on 4 May 2031 for the 38th APEC SME"
            " Ministerial Meeting.",
            date="2031-05-03",
            location="Lakeside, Atlantis",
        )
    ]
    (meeting,) = build_record(docs).meetings
    assert meeting.date == "2031-05-04"
    assert "2031-05-03" in meeting.disputed("date")  # kept, with its line as evidence
    # without the dateline, the opening still outweighs the header line
    docs = [
        statement(
            header("Lakeside, Atlantis | 3 May 2031"),
            "1. We, the APEC SME Ministers, met in Lakeside on 4 May 2031 for the 38th APEC SME"
            " Ministerial Meeting.",
            date="2031-05-03",
            location="Lakeside, Atlantis",
        )
    ]
    assert build_record(docs).meetings[0].date == "2031-05-04"


def test_each_fact_is_cited_by_the_sentence_stating_it_once():
    own = statement(
        header("Lakeside, Atlantis | 4 May 2031"),
        "1. We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2031 for the"
        " 38th APEC SME Ministerial Meeting.",
        date="2031-05-04",
        location="Lakeside, Atlantis",
    )
    # a story whose sentence states no year: its own year is no evidence of the meeting's
    news = story(3, "Ministers at the 38th APEC SME Ministerial Meeting agreed on finance.")
    (meeting,) = build_record([own, news]).meetings
    assert (meeting.year, meeting.date, meeting.city) == (2031, "2031-05-04", "Lakeside")
    cited = [(e.field, e.value, e.doc_id, e.text) for e in meeting.evidence]
    assert len(cited) == len(set(cited))  # the title and its header repeat are one
    by_field = {f: [t for g, _, _, t in cited if g == f] for f in ("year", "date", "city")}
    assert "Lakeside, Atlantis | 4 May 2031" in by_field["date"]
    assert TITLE not in by_field["date"] + by_field["city"]  # the title states neither
    assert TITLE in by_field["year"]
    assert all(
        e.written in e.text or e.field == "date" for e in meeting.evidence if e.field != "virtual"
    )
    assert not [e for e in meeting.evidence if e.doc_id == news.id and e.field == "year"]


def test_a_place_and_date_line():
    assert place_and_date_line("Lakeside, Atlantis | 4 May 2031") == (
        "Lakeside, Atlantis",
        "2031-05-04",
    )
    assert place_and_date_line("LAKESIDE, 4-5 MAY 2031") == ("Lakeside", "2031-05-04")
    for other in ("Updated 5 May 2031", "We met in Lakeside on 5 May 2031.", "4 May 2031"):
        assert place_and_date_line(other) is None, other


def test_the_theme_is_the_meetings_own():
    assert (
        theme_in(
            "Guided by this year's theme of “Oceans of Opportunity”, we centred on the 38th APEC"
            " SMEMM theme “Small Firms, Open Seas”, and stressed innovation."
        )
        == "Small Firms, Open Seas"
    )
    assert (
        theme_in("We advanced the priorities of the APEC 2031 theme, “Oceans of Opportunity.”")
        is None
    )
    assert (
        theme_in(
            "1. The policy theme of the meeting was ‘Small Firms, Open Seas’ in line with"
            " Atlantis’s APEC 2031 theme ‘Oceans of Opportunity’."
        )
        == "Small Firms, Open Seas"
    )
    quoted = statement(
        header("Lakeside, Atlantis | 4 May 2031"),
        header("“Small Firms,Open Seas”"),  # a header line run together
        "1. We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2031.",
        "2. We advanced the priorities under the APEC 2031 theme, “Oceans of Opportunity.”",
        "3. The theme of the meeting was ‘Small Firms, Open Seas’.",
    )
    (meeting,) = build_record([quoted]).meetings
    assert meeting.theme == "Small Firms, Open Seas"  # one value, as the sentence spells it
    assert meeting.disputed("theme") == []
    assert same_value("Small Firms,Open Seas") == same_value("Small Firms, Open Seas")
    this_year = statement(
        "1. We, the APEC SME Ministers, met in Lakeside on 4 May 2031 for the 38th APEC SME"
        " Ministerial Meeting.",
        "2. We value the views of small firms.",
        "3. Under this year's theme “Small Firms, Open Seas” our discussion focused on trade.",
    )
    (meeting,) = build_record([this_year]).meetings
    assert meeting.theme == "Small Firms, Open Seas"
    (cited,) = [e for e in meeting.evidence if e.field == "theme"]
    assert "Under this year's theme" in cited.text


def test_a_meeting_named_by_its_year_states_that_year():
    doc = story(4, "長官は2031「APEC中小企業長官会議」の準備会議を開いた。", year=None, title="")
    (mention,) = [m for m in find_mentions(doc) if m.own]
    assert mention.year == 2031 and "year" in mention.stated


def test_the_meeting_page_shows_one_city_written_two_ways_as_one_value(tmp_path):
    from webapp import create_app

    docs = [
        statement(
            header("Mexico City, Mexico | 4 May 2031"),
            "1. We, the APEC Ministers responsible for SMEs, met in Mexico City on 4 May 2031"
            " for the 38th APEC SME Ministerial Meeting.",
            location="Mexico City, Mexico",
        ),
        story(5, "The 38th APEC SME Ministerial Meeting was held in CDMX on 4 May 2031."),
    ]
    app = create_app({"INDEX_DIR": make_index(tmp_path, docs), "TESTING": True})
    data = app.test_client().get("/api/meetings/sme_ministerial/38").get_json()
    city = next(f for f in data["facts"] if f["field"] == "city")
    assert city["disputed"] is False
    assert [(v["value"], v["documents"]) for v in city["stated"]] == [("Mexico City", 2)]
    cited = [(e["field"], e["value"], e["text"]) for e in data["evidence"]]
    assert len(cited) == len(set(cited))
    page = app.test_client().get("/meetings/sme_ministerial/38").get_data(as_text=True)
    assert "The documents disagree" not in page


def test_a_story_of_the_working_group_concluding_its_numbered_meeting_belongs_to_it():
    news = make_document(
        "https://news.example/smewg",
        "APEC Small, Medium Enterprise Working Group concludes 61st meeting",
        [
            "(LAKESIDE, Atlantis) The Small and Medium Enterprise Working Group (APEC SMEWG)"
            " concluded its 61st meeting at the Kuala Lumpur Convention Centre here Thursday.",
            "Members shared practices that help small firms reach new markets.",
        ],
        doc_type="news_article",
        year=2031,
    )
    # the story's own sentence names it too, and states where it was held
    assert [(m.position, m.city) for m in find_mentions(news) if m.number == 61][-1] == (
        0,
        "Kuala Lumpur",
    )
    record = build_record([news])
    placed = record.apply(news)
    assert placed.meeting == {"series": "smewg", "number": 61, "year": 2031, "city": "Kuala Lumpur"}
    assert placed.role == "news"
    quiet = story(6, "The SMEWG holds its second meeting of the year in Lakeside.")
    assert [m for m in find_mentions(quiet) if m.number] == []


def test_a_meeting_held_at_a_venue_named_for_its_city_is_in_that_city():
    news = story(
        7,
        "The 38th APEC SME Ministerial Meeting, held at the International Convention Center"
        " Kuala Lumpur (ICC KL) from Monday, May 4 to Friday, May 8, 2031, closed today.",
    )
    (meeting,) = build_record([news]).meetings
    assert meeting.city == "Kuala Lumpur"
    hotel = story(8, "The 38th APEC SME Ministerial Meeting was held at the Grand Harbour Hotel.")
    assert build_record([hotel]).meetings[0].city is None


@pytest.mark.parametrize(
    ("text", "city", "written"),
    [
        ("第38届亚太经合组织中小企业部长会议在南京举行。", "Nanjing", "南京"),
        ("第38回APEC中小企業大臣会合が大阪で開かれた。", "Osaka", "大阪"),
        ("제38차 APEC 중소기업 장관회의가 제주에서 열렸다.", "Jeju City", "제주"),
        ("การประชุมรัฐมนตรี SME เอเปค ครั้งที่ 38 จัดขึ้นที่ภูเก็ต", "Phuket", "ภูเก็ต"),
    ],
)
def test_news_in_chinese_japanese_korean_or_thai_put_the_meeting_in_its_city(text, city, written):
    assert native_city(text) == (city, written)
    (meeting,) = build_record([story(9, text)]).meetings
    assert (meeting.number, meeting.city) == (38, city)
    (cited,) = [e for e in meeting.evidence if e.field == "city"]
    assert (cited.value, cited.written, cited.text) == (city, written, text)


def test_a_meetings_economy_is_its_citys_where_no_document_names_it():
    (hobart,) = build_record(
        [story(10, "The 38th APEC SME Ministerial Meeting was held in Hobart.")]
    ).meetings
    assert (hobart.city, hobart.economy) == ("Hobart", "Australia")
    assert [e.field for e in hobart.evidence if e.field == "economy"] == []  # stated by none
    (korean,) = build_record(
        [story(11, "제38차 APEC 중소기업 장관회의가 제주에서 열렸다.")]
    ).meetings
    assert korean.economy == "Republic of Korea"
    # a small town's name is a town's elsewhere too: no economy is guessed
    (town,) = build_record(
        [story(12, "The 38th APEC SME Ministerial Meeting was held in Lakeside.")]
    ).meetings
    assert (town.city, town.economy) == ("Lakeside", None)


def test_a_citys_name_is_read_only_where_something_is_held_there():
    # 大阪 is also a surname here, and 南京 a city named in passing, held nowhere
    assert native_city("大阪大臣が第38回APEC中小企業大臣会合に出席した。") is None
    assert native_city("南京的企业参加了会议。") is None
    assert native_city("No Chinese, Japanese, Korean or Thai here.") is None


def test_a_title_repeated_as_the_first_line_is_cited_once():
    line = "第38回APEC中小企業大臣会合が大阪で開かれた"
    doc = make_document(
        "https://wire.example/ja", f"{line} |", [f"{line}。"], doc_type="news_article", year=2031
    )
    (meeting,) = build_record([doc]).meetings
    assert [(e.field, e.value) for e in meeting.evidence] == [("number", "38"), ("city", "Osaka")]


def test_a_fact_a_document_gives_only_as_its_own_is_cited_by_its_date_line(tmp_path):
    from webapp import create_app

    dated = make_document(
        "https://news.example/dated",
        "Small firms in focus",
        ["Lakeside", "4 May 2031", "Ministers at the 38th APEC SME Ministerial Meeting agreed."],
        doc_type="news_article",
        year=2031,
        date="2031-05-04",
    )
    (meeting,) = build_record([dated]).meetings
    (cited,) = [e for e in meeting.evidence if e.field == "year"]
    assert (meeting.year, cited.text) == (2031, "4 May 2031")
    undated = story(9, "Ministers at the 38th APEC SME Ministerial Meeting agreed on finance.")
    app = create_app({"INDEX_DIR": make_index(tmp_path, [undated]), "TESTING": True})
    page = app.test_client().get("/meetings/sme_ministerial/38").get_data(as_text=True)
    assert "no sentence states it" in page  # the year, 2031, from the story's own date


def test_one_chair_named_with_and_without_honorifics_is_one_value():
    docs = [
        story(
            10, "Lin Wei, Chair of the 38th APEC SME Ministerial Meeting, opened it on 4 May 2031."
        ),
        statement(
            "1. We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2031 for the"
            " 38th APEC SME Ministerial Meeting, under the chairmanship of H.E. Mr. Lin Wei.",
        ),
    ]
    (meeting,) = build_record(docs).meetings
    assert meeting.chair in ("Lin Wei", "H.E. Mr. Lin Wei") and meeting.disputed("chair") == []
    assert len({e.value for e in meeting.evidence if e.field == "chair"}) == 1
    assert {e.written for e in meeting.evidence if e.field == "chair"} == {
        "Lin Wei",
        "H.E. Mr. Lin Wei",
    }
