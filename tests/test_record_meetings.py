"""The record of meetings: mentions of each shape resolve to the right meeting, a gap year
in the series shifts no number, a story about a statement is news about the meeting, not
its outcome, disagreeing places are both kept with their evidence, a number is inferred
only inside a run of stated ones, and `apec-search meetings` prints the series."""

import json
from dataclasses import replace
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from indexer.record import build_record
from indexer.record.economies import economy_name, split_place
from indexer.record.mentions import find_mentions
from indexer.text.romanisation import without_romanisation
from tests.helpers import make_document, make_index

BASE = "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/sme"
LAKESIDE = "We met in Lakeside, Atlantis on 4 May 2031 for the 38th APEC SME Ministerial Meeting."


def statement(year: int, opening: str, *more: str, title: str | None = None, **fields):
    return make_document(
        f"{BASE}/{year}_sme",
        title or f"{year} APEC Small and Medium Enterprises Ministerial Meeting",
        [opening, *more, "We agree to work together on access to finance for small firms."],
        doc_type="ministerial_statement",
        year=year,
        publisher="APEC",
        **fields,
    )


def story(url: str, title: str, text: str, year: int | None, doc_type: str = "news_article"):
    return make_document(url, title, [text], doc_type=doc_type, year=year, publisher="Wire")


def one(doc):
    found = [m for m in find_mentions(doc) if m.own]
    assert found, "no own mention"
    return found[0]


def test_each_shape_of_mention_names_its_meeting():
    shapes = {
        "We, the APEC Ministers responsible for SMEs, met in Lakeside, Atlantis on 4-5 May"
        " 2031 for the 38th APEC SME Ministerial Meeting.": ("sme_ministerial", 38, "Lakeside"),
        "APEC Ministers and their representatives responsible for SMEs from Atlantis; Borealis;"
        " Caledonia; Dorado; Elaria gathered during 7-8 August 2003 in Silverbay for The"
        " Tenth APEC Ministerial Meeting on SMEs.": ("sme_ministerial", 10, "Silverbay"),
        "The first APEC SME ministerial meeting was held on 6-7 October 1994, in Harbourton,"
        " Atlantis.": ("sme_ministerial", 1, "Harbourton"),
        "The 27th APEC Small and Medium Enterprises Ministerial Meeting (SMEMM) convened"
        " virtually on 9 October 2031.": ("sme_ministerial", 27, None),
        "The 58th SMEWG meeting was held in Rivermouth, Borealis on 3 March 2031.": (
            "smewg",
            58,
            "Rivermouth",
        ),
        "The 34th Meeting of the Small and Medium Enterprises Working Group (SMEWG) was held in"
        " Brunei Darussalam on 25 April 2031.": ("smewg", 34, None),
    }
    for text, (series, number, city) in shapes.items():
        doc = (
            statement(2031, text)
            if series == "sme_ministerial"
            else story("https://x.example/r", "Summary Report", text, 2031, "meeting_report")
        )
        mention = next(m for m in find_mentions(doc) if m.sentence == text)
        assert (mention.series, mention.number, mention.city) == (series, number, city), text


def test_the_news_conference_of_a_numbered_ministerial_meeting_names_it():
    doc = story(
        "https://gov.example/speeches/2031/10/remarks",
        "Minister Ma Lin at the 44th APEC SME Ministerial News Conference, 9 Oct 31",
        "Good afternoon. Our meeting has just concluded.",
        2031,
        "speech",
    )
    mention = one(doc)
    assert (mention.series, mention.number) == ("sme_ministerial", 44)
    other = story(
        "https://x.example/n", "The 3rd press conference on trade", "Ministers spoke.", 2031
    )
    assert not [m for m in find_mentions(other) if m.number]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Eighteenth Meeting of the APEC SMEWG, 9-10 March 2031", 18),
        ("/ 58th Small and Medium Enterprises Working Group MeetingRivermouth, Borealis", 58),
    ],
)
def test_an_agendas_ordinal_in_words_and_a_heading_run_into_the_place_name_the_meeting(
    text, number
):
    doc = story("https://x.example/agenda", "Draft Annotated Agenda", text, 2031, "other")
    assert (one(doc).series, one(doc).number) == ("smewg", number)


def test_other_meetings_and_a_years_count_are_not_the_series():
    doc = story(
        "https://x.example/a",
        "Trade ministers meet",
        "The 24th Ministers Responsible for Trade meeting and the 21st APEC Ministerial Meeting"
        " took place; the second SMEWG meeting of the year followed.",
        2031,
    )
    assert [m for m in find_mentions(doc) if m.number] == []


def test_another_working_groups_numbered_meeting_is_not_the_smewgs():
    doc = story(
        "https://x.example/w",
        "Calendar of the year",
        "The 32nd Industrial Science and Technology Working Group Meeting was held in"
        " Harbourtown, and the 33rd Working Group Meeting of the APEC SMEWG in Lakeside.",
        2031,
    )
    assert [(m.series, m.number) for m in find_mentions(doc) if m.number] == [("smewg", 33)]


def test_a_statement_naming_no_number_joins_its_years_numbered_meeting():
    news = story(
        "https://wire.example/1",
        "Ministers meet in Lakeside",
        "The 38th APEC SME Ministerial Meeting opened in Lakeside on 4 May 2031.",
        2031,
    )
    own = statement(
        2031, "We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2031."
    )
    record = build_record([own, news])
    placed = record.apply(own)
    assert placed.meeting == {
        "series": "sme_ministerial",
        "number": 38,
        "year": 2031,
        "city": "Lakeside",
    }
    assert (placed.role, placed.meeting_number) == ("outcome", 38)


def test_a_gap_year_shifts_no_number_and_inference_stays_inside_runs():
    docs = [
        statement(2016, "We met in Alpha on 1 May 2016 for the 23rd APEC SME Ministerial Meeting."),
        statement(2017, "We, the APEC SME Ministers, met in Beta on 2 May 2017."),
        statement(2018, "We met in Gamma on 3 May 2018 for the 25th APEC SME Ministerial Meeting."),
        # 2019 and 2020: no meeting in 2019; the 2020 statement states no number
        statement(2020, "We, the APEC SME Ministers, met in Delta on 4 May 2020."),
        statement(
            2021, "We met in Epsilon on 5 May 2021 for the 27th APEC SME Ministerial Meeting."
        ),
    ]
    record = build_record(docs)
    numbers = {m.year: (m.number, m.number_inferred) for m in record.meetings}
    assert numbers[2017] == (24, True)  # inside the run 23 (2016) .. 25 (2018)
    assert numbers[2018] == (25, False)
    assert numbers[2020] == (None, False)  # 25 (2018) .. 27 (2021) is not one a year
    assert record.apply(docs[3]).meeting_number is None


def test_a_meeting_known_by_its_number_alone_is_dated_only_inside_a_run_of_years(tmp_path):
    from indexer.search import Engine

    docs = [
        statement(2030, "We met in Alpha on 1 May 2030 for the 22nd APEC SME Ministerial Meeting."),
        story("https://wire.example/23", "SME ministers to meet", "Ministers at the 23rd"
              " APEC SME Ministerial Meeting agreed to promote digital trade.", None),
        statement(2032, "We met in Beta on 2 May 2032 for the 24th APEC SME Ministerial Meeting."),
        # 2033 skipped: the 25th is not dated between the 24th (2032) and the 26th (2035)
        story("https://wire.example/25", "SME ministers", "Delegates at the 25th APEC SME"
              " Ministerial Meeting spoke of exports.", None),
        statement(2035, "We met in Gamma on 3 May 2035 for the 26th APEC SME Ministerial Meeting."),
        # past the last stated year: not dated
        story("https://wire.example/27", "SME ministers", "The 27th APEC SME Ministerial"
              " Meeting will be the largest yet.", None),
    ]  # fmt: skip
    record = build_record(docs)
    years = {m.number: (m.year, m.year_inferred) for m in record.meetings}
    assert years[23] == (2031, True)
    assert years[22] == (2030, False) and years[24] == (2032, False)
    assert years[25] == (None, False)
    assert years[27] == (None, False)
    # the year is told apart as inferred, and a search by it finds the meeting
    index = make_index(tmp_path, docs)
    printed = CliRunner().invoke(cli, ["meetings", "--index", str(index)]).output
    assert "23rd SME Ministerial Meeting · 2031?" in printed
    listed = json.loads(
        CliRunner().invoke(cli, ["meetings", "--json", "--index", str(index)]).output
    )
    the_23rd = next(m for m in listed["meetings"] if m["number"] == 23)
    assert (the_23rd["year"], the_23rd["year_inferred"]) == (2031, True)
    found = Engine(index).search("SME ministerial meeting 2031")
    assert found["meeting_hint"]["key"] == "sme_ministerial/23" and found["absent_meeting"] is None
    assert found["results"][0]["url"] == "https://wire.example/23"


def test_a_meeting_nothing_states_and_nothing_belongs_to_is_not_kept():
    announcement = (
        "Beta will host the 2032 APEC Small and Medium Enterprises Ministerial Meeting (SMEMM)"
        " the week of May 3, 2032. The APEC SMEMM is held annually by the APEC host economy."
    )
    docs = [
        statement(2030, "We met in Alpha on 1 May 2030 for the 22nd APEC SME Ministerial Meeting."),
        story("https://wire.example/host", "Beta to host SME ministers", announcement, 2031),
        statement(2032, "We met in Beta on 3 May 2032 for the 24th APEC SME Ministerial Meeting."),
    ]
    record = build_record(docs)
    # "held annually", in a story of 2031, named no meeting of 2031: no 23rd is inferred
    assert [(m.number, m.year) for m in record.meetings] == [(22, 2030), (24, 2032)]
    assert record.apply(docs[1]).meeting["number"] == 24


def test_a_story_about_a_statement_is_news_about_the_meeting():
    own = statement(
        2031, "We met in Lakeside on 4 May 2031 for the 38th APEC SME Ministerial Meeting."
    )
    news = story(
        "https://wire.example/2",
        "Lakeside SME Ministers Issue Joint Statement",
        "Ministers at the 38th APEC SME Ministerial Meeting in Lakeside issued a joint statement"
        " on 4 May 2031.",
        2031,
    )
    record = build_record([own, news])
    placed = record.apply(news)
    assert placed.doc_type == "news_article" and placed.role == "news"
    assert placed.meeting["number"] == 38 and placed.meeting_number is None


def test_disagreeing_places_are_kept_with_their_evidence():
    docs = [
        statement(2031, LAKESIDE),
        story("https://wire.example/3", "SME ministers", "The 38th APEC SME Ministerial Meeting"
              " was held in Lakeside, Atlantis on 4 May 2031.", 2031),
        story("https://paper.example/4", "SME ministers", "The 38th APEC SME Ministerial Meeting"
              " was held in Hillcrest, Atlantis on 4 May 2031.", 2031),
    ]  # fmt: skip
    meeting = build_record(docs).meetings[0]
    assert (meeting.city, meeting.economy) == ("Lakeside", None)
    assert meeting.disputed("city") == ["Hillcrest"]
    cities = {(e.value, e.url) for e in meeting.evidence if e.field == "city"}
    assert ("Hillcrest", "https://paper.example/4") in cities
    assert all("#:~:text=" in e.link for e in meeting.evidence)


def test_apecs_names_of_economies():
    assert economy_name("Vietnam") == "Viet Nam"
    assert economy_name("the People’s Republic of China") == "People's Republic of China"
    assert split_place("Nanjing, China") == ("Nanjing", "People's Republic of China")
    assert split_place("Brunei Darussalam") == (None, "Brunei Darussalam")
    assert split_place("Hong Kong") == ("Hong Kong", "Hong Kong, China")


def test_meetings_command_prints_the_series(tmp_path):
    docs = [
        statement(2031, LAKESIDE),
        story("https://x.example/r", "Summary Report of the 60th SMEWG Meeting", "The 60th SMEWG"
              " meeting was held in Rivermouth, Borealis on 3 March 2031.", 2031, "meeting_report"),
    ]  # fmt: skip
    index = make_index(tmp_path, docs)
    runner = CliRunner()
    out = runner.invoke(cli, ["meetings", "--json", "--index", str(index)])
    assert out.exit_code == 0, out.output
    meetings = json.loads(out.output)["meetings"]
    keys = {"series", "number", "year", "start_date", "end_date", "city", "economy", "virtual",
            "chair", "theme", "documents", "evidence"}  # fmt: skip
    assert all(keys <= m.keys() for m in meetings)
    ministerial = next(m for m in meetings if m["series"] == "sme_ministerial")
    assert (ministerial["number"], ministerial["year"], ministerial["city"]) == (
        38,
        2031,
        "Lakeside",
    )
    assert ministerial["documents"][0]["role"] == "outcome"
    only = runner.invoke(cli, ["meetings", "--series", "smewg", "--index", str(index)])
    assert "60th SMEWG meeting" in only.output and "Ministerial" not in only.output
    missing = runner.invoke(cli, ["meetings", "--index", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "apec-search index" in missing.output


def test_search_results_carry_the_meeting_and_role(tmp_path):
    from indexer.search import Engine

    own = statement(
        2031, "We met in Lakeside on 4 May 2031 for the 38th APEC SME Ministerial Meeting."
    )
    engine = Engine(make_index(tmp_path, [own]))
    result = engine.search("finance")["results"][0]
    assert result["meeting"] == {
        "series": "sme_ministerial",
        "number": 38,
        "year": 2031,
        "city": "Lakeside",
    }
    assert result["role"] == "outcome"
    assert engine.document(result["id"])["meeting"]["number"] == 38
    engine.close()


def test_search_has_a_meeting_facet_and_filter(tmp_path):
    from indexer.search import Engine

    other = statement(
        2030, "We met in Hillcrest on 3 May 2030 for the 37th APEC SME Ministerial Meeting."
    )
    engine = Engine(make_index(tmp_path, [statement(2031, LAKESIDE), other]))
    found = engine.search("finance")
    assert found["facets"]["meeting"] == {"sme_ministerial/38": 1, "sme_ministerial/37": 1}
    only = engine.search("finance", meeting="sme_ministerial/37")
    assert [r["meeting"]["number"] for r in only["results"]] == [37] and only["total"] == 1
    assert not only["notes"]
    none = engine.search("finance", meeting="sme_ministerial/99")
    assert none["total"] == 0
    assert none["notes"] == ["no document in the index belongs to meeting 'sme_ministerial/99'"]
    engine.close()
    runner = CliRunner()
    args = ["search", "finance", "--meeting", "sme_ministerial/38", "--json", "--index"]
    out = runner.invoke(cli, [*args, str(tmp_path / "index")])
    assert [r["year"] for r in json.loads(out.output)["results"]] == [2031]


def test_a_dated_mention_sets_the_year_over_a_pages_own_year():
    older_page = story(
        "https://blog.example/history",
        "Looking back",
        "Delegates recalled the 38th APEC SME Ministerial Meeting.",
        2020,
    )
    record = build_record([older_page, statement(2031, LAKESIDE)])
    (meeting,) = record.meetings
    assert meeting.year == 2031
    # the page's sentence states no year: its own year is no evidence of the meeting's
    assert meeting.disputed("year") == []
    cited = [e.field for e in meeting.evidence if e.url == older_page.url]
    assert cited == ["number"]  # the sentence is evidence of the number it names, no more


def test_another_meetings_statement_naming_this_one_is_not_its_outcome():
    other = make_document(
        "https://www.apec.org/meeting-papers/trade/2031_mrt",
        "Statement of the Ministers Responsible for Trade",
        [
            "1. We, the APEC Ministers responsible for Trade, met in Lakeside on 20 May 2031.",
            "2. We welcome the outcomes of the 38th APEC SME Ministerial Meeting held in"
            " Lakeside on 4 May 2031, and the work it set out on access to finance.",
        ],
        doc_type="ministerial_statement",
        year=2031,
        publisher="APEC",
    )
    own = statement(2031, LAKESIDE)
    record = build_record([own, other])
    assert record.apply(own).role == "outcome"
    assert record.apply(other).meeting is None  # it names the meeting in passing


def test_a_chair_named_in_a_later_sentence_is_cited_at_that_sentence():
    report = story(
        "https://x.example/58th-record",
        "Summary Report",
        "The 58th SMEWG meeting was held in Rivermouth, Borealis on 3 March 2031. The meeting"
        " was chaired by Dr. Ana Vell, Director of Small Firms.",
        2031,
        "meeting_report",
    )
    (meeting,) = build_record([report]).meetings
    assert meeting.chair.startswith("Dr. Ana Vell")
    (chair,) = [e for e in meeting.evidence if e.field == "chair"]
    assert chair.text == "The meeting was chaired by Dr. Ana Vell, Director of Small Firms."
    assert "chaired" in unquote(chair.link) and "Rivermouth" not in unquote(chair.link)
    (city,) = [e for e in meeting.evidence if e.field == "city"]
    assert city.text.startswith("The 58th SMEWG meeting was held in Rivermouth")


def test_the_chair_is_read_past_initials_and_from_a_chair_of_line():
    cut = statement(
        2031,
        "We met in Lakeside on 4 May 2031 for the 38th APEC SME Ministerial Meeting, chaired by"
        " H.E. Albert F. del Rosario, Secretary of Trade.",
    )
    assert build_record([cut]).meetings[0].chair.startswith("H.E. Albert F. del Rosario")
    speech = story(
        "https://www.apec.org/speeches/2031",
        "Speech at the meeting",
        "Hon Mara Quill MP, Chair of the 38th SME Ministerial Meeting, distinguished guests.",
        2031,
        "speech",
    )
    assert build_record([speech]).meetings[0].chair == "Hon Mara Quill"


def test_a_speech_is_placed_where_its_dateline_says_and_your_excellency_is_no_name():
    speech = make_document(
        "https://www.apec.org/speeches/2031-opening",
        "38th APEC Small and Medium Enterprise Ministerial Meeting",
        [
            "Opening remarks",
            "Lakeside, Viet Nam, 29 September 2031",
            "Your Excellency Mr. Tran Van Lam, Chair of the 38th APEC SME Ministerial Meeting,",
            "Distinguished ministers, it is an honour to welcome you.",
        ],
        doc_type="speech",
        year=2031,
        publisher="APEC",
    )
    (meeting,) = build_record([speech]).meetings
    assert (meeting.city, meeting.economy) == ("Lakeside", "Viet Nam")
    assert meeting.chair == "Mr. Tran Van Lam"
    # a story's dateline is where it was written, not where the ministers met
    story_ = make_document(
        "https://wire.example/2031/sme",
        "38th APEC Small and Medium Enterprise Ministerial Meeting opens",
        ["Capital City, Viet Nam, 29 September 2031", "Ministers open their meeting today."],
        year=2031,
        publisher="Wire",
    )
    assert build_record([story_]).meetings[0].city is None


def test_spellings_of_one_place_agree():
    docs = [
        story(f"https://wire.example/{n}", "SME ministers", f"The 38th APEC SME Ministerial"
              f" Meeting was held in {city}, Atlantis on 4 May 2031.", 2031)
        for n, city in enumerate(["Concepción", "Concepcion", "Concepción"])
    ]  # fmt: skip
    (meeting,) = build_record(docs).meetings
    assert meeting.city == "Concepción" and meeting.disputed("city") == []


def test_past_the_last_stated_number_a_year_and_a_number_alone_are_one_meeting():
    docs = [
        statement(2028, "We met in Alpha on 1 May 2028 for the 35th APEC SME Ministerial Meeting."),
        statement(2031, "We, the APEC SME Ministers, met in Lakeside, Atlantis on 4 May 2031."),
        story("https://x.example/p", "Preview", "Ministers will gather for the 38th APEC SME"
              " Ministerial Meeting.", None),
        story("https://x.example/q", "Preview", "Ministers look ahead to the 40th APEC SME"
              " Ministerial Meeting.", None),
    ]  # fmt: skip
    meetings = {(m.number, m.year) for m in build_record(docs).meetings}
    # 38 - 35 == 2031 - 2028: the 2031 meeting is the 38th; the 40th stays apart, yearless
    assert meetings == {(35, 2028), (38, 2031), (40, None)}


def test_a_work_is_placed_by_any_member_the_record_placed():
    # two snapshots of one statement's address: the later lost its heading (no type, not
    # placed) but is the copy searched; the work is the meeting's outcome all the same
    paragraphs = [
        f"{n}. Ministers agreed to work on finance, trade and skills for small firms, item {n},"
        " with the business sector and with the working group over the next two years."
        for n in range(1, 8)
    ]
    headed = make_document(
        f"{BASE}/2031_sme",
        "2031 APEC Small and Medium Enterprises Ministerial Meeting",
        ["We, the APEC Ministers responsible for SMEs, met in Lakeside, Atlantis on 4 May 2031"
         " for the 38th APEC SME Ministerial Meeting.", *paragraphs],
        doc_type="ministerial_statement",
        year=2031,
        date="2031-05-04",
        publisher="APEC",
    )  # fmt: skip
    bare = make_document(
        f"{BASE}/2031_SME", "", paragraphs, doc_type="other", year=2031, date="2031-05-05"
    )
    record = build_record([headed, bare])
    assert record.works[bare.id].members[0] == bare.id  # the later snapshot is primary
    placed = record.apply(bare)
    assert placed.role == "outcome" and placed.meeting["number"] == 38
    assert placed.doc_type == "ministerial_statement"
    alone = build_record([bare])
    assert alone.apply(bare).role is None  # nothing places it by itself


def test_an_untitled_outcome_takes_its_meetings_title():
    untitled = make_document(
        f"{BASE}/2031_sme_untitled",
        "",
        [
            "Ministers responsible for SMEs met in Lakeside, Atlantis on 4 May 2031 for the"
            " 38th APEC SME Ministerial Meeting.",
            "We agree to work together on access to finance for small firms.",
        ],
        doc_type="ministerial_statement",
        year=2031,
        publisher="APEC",
    )
    record = build_record([untitled])
    placed = record.apply(untitled)
    assert placed.role == "outcome"
    assert placed.title == "38th APEC Small and Medium Enterprises Ministerial Meeting"
    titled = record.apply(statement(2031, LAKESIDE))  # a title of its own is kept
    assert titled.title == "2031 APEC Small and Medium Enterprises Ministerial Meeting"


def test_an_untitled_summary_record_is_named_by_its_meeting():
    untitled = story(
        "https://x.example/58th-record",
        "",
        "The 58th Meeting of the Small and Medium Enterprises Working Group (SMEWG) was held in"
        " Rivermouth, Borealis on 3 March 2030.",
        2030,
        "meeting_report",
    )
    record = build_record([untitled])
    placed = record.apply(untitled)
    assert placed.role == "report"
    assert placed.title == (
        "Summary record of the 58th APEC Small and Medium Enterprises Working Group Meeting"
    )
    news = story("https://x.example/58th-news", "", untitled.paragraphs[0].text, 2030)
    assert build_record([news]).apply(news).title == ""  # a story is not named so


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("2031_sme/Annex%20B.aspx", "Annex B"),
        ("2031_sme/annex-c", "Annex C"),
        ("2031_sme/annex_2", "Annex 2"),
        ("2031_sme/initiative", "Annex"),
    ],
)
def test_an_untitled_annex_is_named_by_its_address_and_its_meeting(path, name):
    annex = make_document(
        f"https://www.apec.org/Meeting-Papers/Small-and-Medium-Enterprise/{path}",
        "",
        ["An action plan adopted at the 38th APEC SME Ministerial Meeting for small firms."],
        doc_type="initiative",
        year=2031,
        publisher="APEC",
    )
    record = build_record([annex, statement(2031, LAKESIDE)])
    placed = record.apply(annex)
    assert placed.role == "annex"
    assert (
        placed.title == f"{name} of the 38th APEC Small and Medium Enterprises Ministerial Meeting"
    )


def test_meetings_known_without_a_year_keep_their_place_in_the_series():
    docs = [
        statement(2031, LAKESIDE),
        story("https://x.example/r", "Report", "The 60th SMEWG meeting was held.", 2031, "other"),
        story("https://x.example/s", "Report", "The 58th SMEWG meeting was held in Rivermouth,"
              " Borealis on 3 March 2030.", 2030, "meeting_report"),
    ]  # fmt: skip
    order = [(m.series, m.number) for m in build_record(docs).meetings]
    assert order == [("sme_ministerial", 38), ("smewg", 58), ("smewg", 60)]


def test_an_sme_statement_naming_its_meeting_in_a_long_sentence_is_its_outcome():
    own = make_document(
        "https://docs.example/joint-statement",
        "Joint Ministerial Statement on Small and Medium Enterprises",
        [
            "Ministers from twenty-one economies met in Lakeside on 4 May 2031 for the 38th"
            " APEC SME Ministerial Meeting and discussed access to finance and digital trade.",
            "Ministers agreed to widen access to finance for small firms.",
        ],
        doc_type="ministerial_statement",
        year=2031,
        publisher="Docs",
    )
    placed = build_record([own]).apply(own)
    assert (placed.role, placed.meeting_number) == ("outcome", 38)


def test_another_ministerial_meetings_statement_of_the_year_is_not_placed():
    own = statement(2031, LAKESIDE)
    leaders = make_document(
        "https://www.apec.org/meeting-papers/annual/2031_amm",
        "2031 APEC Ministerial Meeting",
        ["We, the APEC Ministers, met in Lakeside on 12 November 2031 to discuss trade."],
        doc_type="ministerial_statement",
        year=2031,
        publisher="APEC",
    )
    record = build_record([own, leaders])
    assert record.apply(leaders).meeting is None and record.apply(own).role == "outcome"


def test_a_statement_of_no_known_type_headed_as_one_is_its_meetings_outcome():
    own = statement(
        2031, "We met in Lakeside on 4 May 2031 for the 38th APEC SME Ministerial Meeting."
    )
    reposted = make_document(
        "https://docs.example.net/document/apec-sme-ministerial-meeting-mediafiles.html",
        "APEC SMALL AND MEDIUM ENTERPRISE MINISTERIAL MEETING/media/Files/Ministerial...",
        [
            "1 APEC SMALL AND MEDIUM ENTERPRISE MINISTERIAL MEETING LAKESIDE, ATLANTIS 4-5 MAY"
            " 2031 JOINT MINISTERIAL STATEMENT",
            "Ministers and their representatives concurred that small firms drive growth.",
        ],
        year=2031,
    )
    speech = make_document(
        "https://www.apec.org/Press/Blogs/2031/0504_sme",
        "38th Small and Medium Enterprise Ministerial Meeting",
        ["Speech by the Executive Director, APEC Secretariat", "Distinguished Ministers,"],
        year=2031,
    )
    record = build_record([own, reposted, speech])
    placed = record.apply(reposted)
    assert placed.doc_type == "other" and placed.role == "outcome"
    assert placed.meeting["number"] == 38
    assert record.apply(speech).role == "mention"


def test_a_numbered_meeting_held_elsewhere_is_an_earlier_one_not_the_statements_own():
    # The statement recalls last year's meeting by its number and its place, near its top.
    earlier = statement(
        2030, "We, the APEC Ministers responsible for SMEs, met in Hillcrest on 3 May 2030."
    )
    own = statement(
        2031,
        "We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2031.",
        "Ministers recalled that SME and women's ministers met jointly for the first time in"
        " Hillcrest, Atlantis at the 18th SME Ministerial Meeting.",
        location="Lakeside, Atlantis",
    )
    later = statement(
        2032, "We met in Seaview on 5 May 2032 for the 20th APEC SME Ministerial Meeting."
    )
    assert not [m for m in find_mentions(own) if m.own and m.number]
    record = build_record([earlier, own, later])
    numbers = {m.year: (m.number, m.number_inferred, m.city) for m in record.meetings}
    assert numbers[2030] == (18, False, "Hillcrest")  # its number, from the 2031 statement
    assert numbers[2031] == (19, True, "Lakeside")


def test_a_meeting_recalled_as_last_years_is_dated_so_and_not_the_documents_own():
    speech = make_document(
        "https://ministry.example/speeches/2031/remarks",
        "Remarks at the SME Ministerial Meeting",
        [
            "As many of you saw last year, SME and trade ministers met jointly for the first"
            " time in Hillcrest, Atlantis at the 18th SME Ministerial Meeting."
        ],
        doc_type="speech",
        year=2031,
    )
    mention = next(m for m in find_mentions(speech) if m.number == 18)
    assert (mention.own, mention.year, mention.city) == (False, 2030, "Hillcrest")


def test_an_announced_date_gives_way_to_the_date_the_meeting_was_held():
    announced = story(
        "https://wire.example/announce",
        "Hillcrest to host ministers",
        "Hillcrest will host the 18th APEC SME Ministerial Meeting during the week of 23 May 2030.",
        2029,
    )
    held = statement(
        2030, "We met in Hillcrest on 21 May 2030 for the 18th APEC SME Ministerial Meeting."
    )
    (meeting,) = build_record([announced, held]).meetings
    assert meeting.date == "2030-05-21"
    assert "2030-05-23" in meeting.disputed("date")  # kept, with its evidence


def annex(url: str, title: str = "Annex A") -> object:
    return make_document(
        url,
        title,
        ["Members will map the barriers small firms meet when they join regional markets."],
        doc_type="initiative",
        year=2031,
        publisher="APEC",
    )


def test_a_paper_filed_under_a_meetings_papers_belongs_to_that_meeting():
    filed = annex(f"{BASE.rsplit('/', 1)[0]}/small-and-medium-enterprise/2031_sme/Annex%20A.aspx")
    elsewhere = annex("https://www.apec.org/publications/2031/annex-a")
    record = build_record([statement(2031, LAKESIDE), filed, elsewhere])
    placed = record.apply(filed)
    assert (placed.role, placed.meeting["number"], placed.meeting["city"]) == (
        "annex",
        38,
        "Lakeside",
    )
    assert record.apply(elsewhere).meeting is None


def test_a_meetings_paper_is_found_by_the_meetings_city_and_number(tmp_path):
    from indexer.search import Engine

    papers = f"{BASE.rsplit('/', 1)[0]}/small-and-medium-enterprise/2031_sme"
    filed = annex(f"{papers}/annex-a")
    unfiled = annex("https://www.apec.org/publications/2031/annex-b", "Annex B")
    engine = Engine(make_index(tmp_path, [statement(2031, LAKESIDE), filed, unfiled]))
    found = engine.search("Lakeside annex")["results"]
    assert [r["url"] for r in found] == [filed.url]
    assert found[0]["title"] == "Annex A"  # found by its meeting's name, shown by its own
    assert [r["url"] for r in engine.search("38th barriers")["results"]] == [filed.url]
    engine.close()


def test_chinese_japanese_and_korean_news_name_the_ministerial_meeting():
    shapes = {
        "副大臣は第38回APEC中小企業大臣会合に出席しました。": 38,
        "代表団はAPEC第38回中小企業閣僚会合(SMEMM)に出席している。": 38,
        "第38届亚太经合组织中小企业部长会议在湖畔市举行。": 38,
        "제38차 APEC 중소기업 장관회의가 호반시에서 열렸다.": 38,
        "'2031 아시아태평양경제협력체(APEC) 중소기업 장관회의'가 막을 올렸다.": None,
    }
    for text, number in shapes.items():
        doc = story("https://wire.example/cjk", "", text, 2031)
        mention = one(doc)
        assert (mention.series, mention.number) == ("sme_ministerial", number), text
        assert mention.year == 2031
    other_forum = story("https://wire.example/x", "", "日ASEAN中小企業大臣会合が開かれた。", 2031)
    assert find_mentions(other_forum) == []
    # next year's meeting, prepared for: a meeting to come, not the story's own
    for text in (
        "중기부, 내년 APEC 중소기업 장관회의 준비",
        "来年のAPEC中小企業大臣会合の開催を予定している。",
    ):
        mentions = find_mentions(story("https://wire.example/next", "", text, 2031))
        assert mentions and all(m.future and not m.own for m in mentions), text


def test_chinese_japanese_and_korean_news_name_the_working_groups_numbered_meetings():
    shapes = {
        "第四十二屆亞太經合組織中小企業工作小組會議在湖畔市順利舉行。": 42,
        "湖畔市でAPECの中小企業作業部会第42回会合が行なわれました。": 42,
        "第42回APEC SMEWG会議が湖畔市で行われる。": 42,
        "제42차 APEC 중소기업 실무그룹 회의가 호반시에서 열렸다.": 42,
    }
    for text, number in shapes.items():
        mention = one(story("https://wire.example/cjk", "", text, 2031))
        assert (mention.series, mention.number) == ("smewg", number), text
    # a sentence naming the group's meeting and the ministers' is read for both
    both = story(
        "https://wire.example/both",
        "",
        "湖畔市でAPEC中小企業作業部会第42回会合が行なわれ、提案は中小企業大臣会合の議題になった。",
        2031,
    )
    assert {(m.series, m.number) for m in find_mentions(both)} >= {("smewg", 42)}
    # the group named without a number is no meeting of its series
    unnumbered = story("https://wire.example/u", "", "APEC中小企业工作组主席出席会议。", 2031)
    assert [m.series for m in find_mentions(unnumbered)] != ["smewg"]


def test_chinese_news_with_inline_pinyin_names_the_meeting_and_is_quoted_as_written():
    written = "第38屆亞太經(jīng)合組織中小企業(yè)部長會(huì)議在湖畔市舉行。"
    mention = one(story("https://wire.example/pinyin", "", written, 2031))
    assert (mention.series, mention.number) == ("sme_ministerial", 38)
    assert mention.sentence == written  # a link to it quotes the page's own text
    glossed = "世界貿易組織(WTO)和中國(China)官員出席。"  # glosses are not pinyin
    assert without_romanisation(glossed) == (glossed, None)
    assert without_romanisation("中小企業(yè)")[0] == "中小企業"


def test_an_undated_story_naming_the_meetings_city_belongs_to_the_one_meeting_held_there():
    text = "Officials praised the APEC SME Ministerial Meeting held in Lakeside for its plans."
    undated = story("https://wire.example/undated", "Lakeside praised", text, None)
    elsewhere = story(
        "https://wire.example/far",
        "Harbour praised",
        "Officials praised the APEC SME Ministerial Meeting held in Harbourtown for its plans.",
        None,
    )
    record = build_record([statement(2031, LAKESIDE), undated, elsewhere])
    placed = record.apply(undated)
    assert (placed.meeting["number"], placed.role, placed.year) == (38, "news", 2031)
    assert record.apply(elsewhere).meeting is None  # no meeting of the record was held there
    # two meetings of the series held in one city: the city alone places a story in neither
    again = statement(2035, "We met in Lakeside, Atlantis on 2 May 2035 for the 42nd APEC"
                      " SME Ministerial Meeting.")  # fmt: skip
    assert build_record([statement(2031, LAKESIDE), again, undated]).apply(undated).meeting is None


def test_a_story_of_the_meetings_days_naming_only_its_series_is_about_it():
    # "The SME Ministerial Meeting will ..." in a story's fourth paragraph: no number, year
    # or city, but the story was filed two days before the 38th opened on 4 May 2031.
    def dated(day: str, doc_type: str = "news_article"):
        return make_document(
            f"https://wire.example/{day}-{doc_type}",
            "Small firms drive the region's growth",
            [
                f"Small firms employ most workers in the region, {doc_type} of {day} says.",
                "They pay much of the tax and export more each year.",
                "Banks lend to them more than before.",
                "The SME Ministerial Meeting will focus on innovation this time.",
            ],
            doc_type=doc_type,
            date=day,
            year=int(day[:4]),
            publisher="Wire",
        )

    near, far, page = dated("2031-05-02"), dated("2031-06-20"), dated("2031-05-02", "web_page")
    record = build_record([statement(2031, LAKESIDE), near, far, page])
    placed = record.apply(near)
    assert (placed.meeting["number"], placed.role) == (38, "news")
    assert record.apply(far).meeting is None  # seven weeks on: another story
    assert record.apply(page).meeting is None  # a page naming it in passing


@pytest.mark.parametrize(
    "text",
    [
        "Hal itu disampaikan dalam APEC SME Ministerial Meeting yang digelar kemarin di Lakeside,"
        " Atlantis.",
        "La Reunión de Ministros de la Pyme de APEC celebrada en Lakeside concluyó ayer.",
        "Ang pulong ng APEC SME Ministerial Meeting ay ginanap sa Lakeside kahapon.",
    ],
)
def test_news_in_indonesian_spanish_or_tagalog_put_the_meeting_in_its_city(text):
    mention = one(story("https://wire.example/local", "", text, 2031))
    assert (mention.series, mention.city) == ("sme_ministerial", "Lakeside")


def test_a_meeting_of_sme_ministers_here_is_held_where_the_story_is_filed():
    text = (
        "The Lakeside Plan, which resulted from a meeting of APEC SME ministers and officials"
        " here, guides their work."
    )
    filed = make_document(
        "https://wire.example/here", "Plan adopted", [text], doc_type="news_article",
        location="Lakeside, Atlantis", publisher="Wire",
    )  # fmt: skip
    mention = one(filed)
    assert (mention.series, mention.city) == ("sme_ministerial", "Lakeside")
    placed = build_record([statement(2031, LAKESIDE), filed]).apply(filed)
    assert (placed.meeting["number"], placed.role) == (38, "news")
    elsewhere = make_document(
        "https://wire.example/there", "Plan adopted", [text.replace(" here", "")],
        doc_type="news_article", location="Lakeside, Atlantis", publisher="Wire",
    )  # fmt: skip
    assert build_record([statement(2031, LAKESIDE), elsewhere]).apply(elsewhere).meeting is None


def test_the_first_meeting_is_when_it_was_held_not_when_it_was_planned():
    planned = story(
        "https://wire.example/plan",
        "Annex on achievements",
        "APEC's achievements rest on the Leaders' instructions to convene the first SME"
        " Ministerial Meeting in 2029.",
        2040,
    )
    held = story(
        "https://wire.example/eighth",
        "Eighth meeting prepared",
        "The SME Ministerial Meeting has been held seven times since it was first launched"
        " in 2030 in Lakeside, Atlantis.",
        2037,
    )
    (first,) = [m for m in build_record([planned, held]).meetings if m.number == 1]
    assert (first.year, first.city) == (2030, "Lakeside")
    # alone, the plan still dates the meeting (announced), for want of anything better
    (alone,) = build_record([planned]).meetings
    assert (alone.number, alone.year) == (1, 2029)


def test_malay_indonesian_tagalog_vietnamese_spanish_and_thai_news_name_the_meeting():
    shapes = {
        "Mesyuarat Peringkat Menteri Perusahaan Kecil dan Sederhana ke-38 APEC berakhir.": 38,
        "Pertemuan Menteri UKM APEC ke-38 digelar di Danau.": 38,
        "Pertemuan Tingkat Menteri APEC UMKM dibuka di Danau.": None,
        "Idinaos ang ika-38 pulong na ministeryal ng APEC hinggil sa mga SMEs.": 38,
        "Hội nghị Bộ trưởng DNNVV APEC lần thứ 38 diễn ra tại Hồ.": 38,
        "La 38ª Reunión de Ministros de la Pyme de APEC se celebró en el lago.": 38,
        "Se celebró la Reunión Ministerial de PYMEs de APEC en el lago.": None,
        "การประชุมรัฐมนตรี SME เอเปค ครั้งที่ 38 จัดขึ้นที่ทะเลสาบ": 38,
    }
    for text, number in shapes.items():
        doc = story("https://wire.example/local", "", text, 2031)
        mention = one(doc)
        assert (mention.series, mention.number) == ("sme_ministerial", number), text
        assert mention.year == 2031
    others = [
        "Pertemuan Menteri Perdagangan APEC ke-38 digelar di Danau.",  # trade ministers
        "Idinaos ang ika-38 pulong na ministeryal ng APEC hinggil sa kalakalan.",  # trade
        "Pertemuan Menteri UKM ASEAN ke-38 digelar di Danau.",  # another forum's
    ]
    for text in others:
        assert find_mentions(story("https://wire.example/x", "", text, 2031)) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "副大臣は、第38回APEC中小企業大臣会合に出席しました。"
        "会合では、革新、成長、協力について議論されました。",
        "Mesyuarat Peringkat Menteri Perusahaan Kecil dan Sederhana ke-38 APEC berakhir"
        " semalam. Para menteri membincangkan inovasi dan kerjasama.",
    ],
)
def test_a_story_in_another_language_is_found_by_its_meetings_english_name(tmp_path, text):
    from indexer.search import Engine

    news = story("https://wire.example/story", "", text, 2031)
    engine = Engine(make_index(tmp_path, [statement(2031, LAKESIDE), news]))
    found = engine.search("Lakeside 38th ministerial meeting")["results"]
    assert news.url in [r["url"] for r in found]
    assert next(r for r in found if r["url"] == news.url)["role"] == "news"
    quoted = engine.search('"38th APEC Small and Medium Enterprises Ministerial Meeting"')
    assert news.url in [r["url"] for r in quoted["results"]]
    engine.close()


def test_papers_filed_under_a_year_show_its_meeting_when_its_statement_is_not_at_hand(tmp_path):
    from indexer.search import Engine

    filed = f"{BASE.rsplit('/', 1)[0]}/small-and-medium-enterprise"
    annex = make_document(
        f"{filed}/2032_sme/annex_2",
        "High Level Meeting on Atlantean Micro-enterprises",
        ["Micro-enterprises employ most workers of the region; the papers presented agree."],
        doc_type="initiative",
        year=2032,
        publisher="APEC",
    )
    docs = [
        statement(2031, LAKESIDE),
        statement(2033, "We met in Harbour on 6 May 2033 for the 40th SME Ministerial Meeting."),
        annex,
    ]
    record = build_record(docs)
    meeting = next(m for m in record.meetings if m.year == 2032)
    assert (meeting.number, meeting.number_inferred) == (39, True)  # between the 38th and 40th
    (evidence,) = [e for e in meeting.evidence if e.field == "year"]
    assert evidence.text == annex.url and evidence.link == annex.url  # the address, no fragment
    placed = record.apply(annex)
    assert (placed.meeting_number, placed.role) == (39, "annex")
    # a paper whose text names its own meeting is placed by its text, not by its address
    named = make_document(
        f"{filed}/2032_sme/annex_3",
        "Annex 3",
        ["Adopted at the 38th APEC SME Ministerial Meeting, held in Lakeside in 2031."],
        doc_type="initiative",
        year=2031,
    )
    assert not [m for m in find_mentions(named) if m.address]
    # the meeting named by its number finds its paper
    found = Engine(make_index(tmp_path, docs)).search("39th SME ministerial meeting")
    assert found["results"][0]["url"] == annex.url


def test_an_outcome_takes_its_meetings_date_over_its_page_headers():
    # The page's header says the 3rd (the week's first day); the statement says its
    # ministers met on the 4th, as the record's evidence does.
    doc = statement(2031, LAKESIDE, date="2031-05-03")
    record = build_record([doc])
    assert next(m for m in record.meetings if m.number == 38).date == "2031-05-04"
    assert record.apply(doc).date == "2031-05-04"
    story_doc = story("https://wire.example/38", "SME ministers meet", LAKESIDE, 2031)
    dated = replace(story_doc, date="2031-05-05")  # a story keeps its own dateline
    assert build_record([doc, dated]).apply(dated).date == "2031-05-05"


def test_a_paper_headed_by_its_symbol_is_a_paper_of_that_working_group_meeting():
    header = (
        "1 2031/SMEWG42/005 Agenda Item: 9.1 A Strategy for Green Firms Purpose: Information"
        " Submitted by: Atlantis 42nd Small and Medium Enterprises Working Group Meeting"
        " Lakeside, Atlantis March 2031"
    )
    paper = make_document(
        "https://docs.example/green", "A Strategy for Green Firms", [header, "Background."],
        doc_type="initiative", year=2031,
    )  # fmt: skip
    cited = make_document(
        "https://docs.example/minutes",
        "Notes on green firms",
        ["Members discussed the paper (2031/SMEWG42/005) on green firms at some length."],
        doc_type="initiative",
        year=2031,
    )
    record = build_record([paper, cited])
    assert (record.apply(paper).meeting or {}).get("number") == 42
    assert record.apply(paper).meeting["series"] == "smewg"
    assert record.apply(cited).meeting is None  # a symbol cited inside a sentence


def test_a_story_previewing_a_numbered_meeting_is_about_it():
    text = (
        "The director returned to Lakeside yesterday to promote the upcoming 38th APEC SME"
        " Ministerial Meeting to be held at the Laguna resort on 4-5 May."
    )
    headline = "SME meeting in Lakeside hailed as opportunity"
    preview = story("https://wire.example/preview", headline, text, 2031)
    record = build_record([statement(2031, LAKESIDE), preview])
    placed = record.apply(preview)
    assert (placed.meeting["number"], placed.role) == (38, "news")
    # under a headline about something else, the meeting is named in passing
    week = story("https://wire.example/week", "SME week opens", text, 2031)
    assert build_record([statement(2031, LAKESIDE), week]).apply(week).meeting is None
    # a story of the year before previews next year's meeting: about its own year's, if any
    year_before = story("https://wire.example/old", headline, text, 2030)
    record = build_record([statement(2031, LAKESIDE), year_before])
    assert record.apply(year_before).meeting is None


def test_a_meeting_named_with_apecs_name_in_full_is_numbered():
    shapes = {
        "The minister spoke at the 38th Asia-Pacific Economic Cooperation (APEC) Small and"
        " Medium Enterprises Ministerial Meeting (SMEMM) convened virtually.": (
            "sme_ministerial", 38,
        ),
        "The 42nd Asia-Pacific Economic Cooperation (APEC) Small and Medium Enterprises"
        " Working Group (SMEWG) meeting, organised by the bureau, closed.": ("smewg", 42),
    }  # fmt: skip
    for text, expected in shapes.items():
        mention = one(story("https://wire.example/full", "", text, 2031))
        assert (mention.series, mention.number) == expected, text
