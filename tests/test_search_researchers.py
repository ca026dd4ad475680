"""Search as researchers use it: the domain thesaurus, genre words as a type preference,
outcome documents first, several types at once, the undated bucket and open year ranges."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from indexer.cli import cli
from indexer.index import queries, thesaurus
from indexer.search.engine import Engine
from tests.helpers import make_document, make_index
from tests.match_fixtures import para, slugs
from webapp import create_app
from webapp.facets import doc_type_facet
from webapp.params import SearchParams

BASE = "https://example.org/research"
# Texts of one length (so BM25 weighs them alike), different enough to be works of their own.
FILLERS = [
    " ".join(f"{word}{n}" for word in ("alpha", "bravo", "cargo", "delta", "eagle", "fable")) * 7
    for n in range(10)
]

LONG = [" ".join(f"yak{n}w{i}" for i in range(100)) for n in range(10)]


def docs() -> list:
    def doc(slug: str, title: str, text: str, **fields):
        return make_document(f"{BASE}/{slug}", title, [para(text)], **fields)

    def long_doc(slug: str, title: str, first: str, second: str, filler: int):
        # two passages of 100 words each (too long to be joined into one)
        texts = [f"{first} {LONG[filler]}", f"{second} {LONG[filler + 1]}"]
        return make_document(f"{BASE}/{slug}", title, texts)

    return [
        # the thesaurus: one document with the words typed, one with another term only
        doc("ecommerce", "Note A", "Member economies expand e-commerce for micro firms."),
        doc("electronic", "Note B", "Member economies expand electronic commerce for micro firms."),
        doc("finance", "Note C", "Ministers discussed access to finance for small firms."),
        doc("financing", "Note D", "Ministers discussed facilitating financing for small firms."),
        doc("financial", "Note E", "Ministers discussed financial access for rural firms."),
        doc("women", "Note F", "Ministers met women entrepreneurs from the region."),
        doc("women-led", "Note G", "Ministers praised women-led businesses of the region."),
        doc("participation", "Note H", "Ministers sought the participation of women in trade."),
        doc("female", "Note H2", "Ministers met female entrepreneurs of the valley."),
        doc("women-owned", "Note F2", "Ministers backed women-owned MSMEs of the valley."),
        doc("digitisation", "Note F3", "Ministers urged the digitisation of valley firms."),
        doc("adoption", "Note F4", "Ministers urged digital adoption by valley firms."),
        doc("red-tape", "Note I", "Ministers agreed to cut red tape for small firms."),
        doc(
            "red-tape-apart",
            "Note I1",
            "Ministers cut red tape in the fens. A regulatory review is no burden there.",
        ),
        doc("young", "Note I2", "Ministers met young entrepreneurs of the atoll."),
        doc("covid", "Note I4", "Ministers weighed the COVID-19 effects on the lagoon."),
        doc("pandemic", "Note I5", "Ministers weighed the pandemic's toll on the lagoon."),
        doc("taxation", "Note I6", "Ministers simplified the taxation of firms in the marsh."),
        doc("tax", "Note I7", "Ministers cut the tax paid by firms in the marsh."),
        doc("youth", "Note I3", "Ministers backed firms run by the youth of the atoll."),
        doc("burden", "Note J", "Ministers agreed to ease the regulatory burden on small firms."),
        doc("regulatory", "Note J2", "Ministers eased the regulatory environment of the steppe."),
        doc("viet-nam", "Note K", "Ministers of Viet Nam met on the savanna."),
        doc("vietnam", "Note K2", "Vietnam hosted the firms of the savanna."),
        doc("disaster", "Note N", "Ministers weighed natural disasters in the fjords."),
        doc("continuity", "Note O", "Ministers drew up business continuity plans in the fjords."),
        doc("scattered", "Note P", "Business leaders continue to trade in the fjords."),
        long_doc("ibex-once", "Note Q", "Ibex ibex grazing permits.", "Herds.", 0),
        long_doc("ibex-often", "Note R", "Ibex grazing permits.", "Ibex herds.", 2),
        long_doc("markhor-once", "Note S", "Markhor markhor pasture pasture rights.", "Herds.", 4),
        long_doc("markhor-often", "Note T", "Markhor pasture rights.", "Markhor pasture herds.", 6),
        # the words of a concept in two passages; another of its terms
        long_doc("green-apart", "Note W", "Green tariffs on the heath.", "Growth of the heath.", 8),
        doc("circular", "Note W2", "Ministers backed the circular economy of the heath."),
        doc("informal", "Note U", "Ministers studied the informal economy of the steppe."),
        doc("information", "Note V", "Ministers shared information on economies of the steppe."),
        doc("informal-sector", "Note V2", "Ministers mapped the informal sector of the moorland."),
        doc("informal-talks", "Note V3", "Ministers held informal talks on the moorland."),
        doc("intelligence", "Note X", "Ministers sought market intelligence on the prairie."),
        doc("market-research", "Note X2", "Ministers funded market research on the prairie."),
        doc("protectionism", "Note Y", "Ministers resisted protectionism in the bayou."),
        doc("protectionist", "Note Y2", "Traders feared protectionist tariffs along the bayou."),
        doc("services", "Note Z", "Ministers opened the services sector of the estuary."),
        doc("service-industry", "Note Z2", "Fishers praised a service industry by the estuary."),
        doc("monitoring", "Note Z3", "Ministers set up monitoring and evaluation in the canyon."),
        doc("assessment", "Note Z4", "Ministers adopted an assessment framework in the canyon."),
        doc("disparities", "Note Z5", "Ministers weighed economic disparities along the delta."),
        doc("imbalances", "Note Z6", "Ministers noted imbalances between economies of the delta."),
        doc("health", "Note Z7", "Ministers backed the health sector of the lowlands."),
        doc("medical", "Note Z8", "Makers of medical devices gathered in the lowlands."),
        doc("jobs", "Note Z9", "Small firms gave most of the jobs of the upland."),
        doc("employment", "Note Z10", "Small firms gave most of the employment of the upland."),
        doc("som", "Note Z11", "The SOM weighed exports of the glacier towns."),
        doc("senior-officials", "Note Z12", "Senior officials met in the glacier towns."),
        doc("smewg", "Note W", "The SMEWG met on the tundra to count reindeer herds."),
        doc("working-group", "Note X", "Delegates of the SME Working Group toured tundra bogs."),
        doc("smemm", "Note Y", "The SMEMM was held in a taiga lodge by the river."),
        doc("ministerial", "Note Z", "Pines ringed the taiga hall of the SME Ministerial Meeting."),
        doc("smes", "Note K", "Quokkas help SMEs in the highlands."),
        doc("sized", "Note L", "Quokkas help small and medium-sized enterprises inland."),
        doc("small-businesses", "Note M", "Quokkas help small businesses on the coast."),
        # genre words: the statement does not say "statement"; news items do
        doc(
            "nanjing-statement",
            "SME Ministerial Meeting, Nanjing",
            "Ministers met in Nanjing in 2014 and adopted the Nanjing commitments on SMEs.",
            year=2014,
            doc_type="ministerial_statement",
        ),
        *(
            make_document(
                f"{BASE}/nanjing-news-{n}",
                f"Nanjing wire {n}",
                [f"The Nanjing 2014 ministerial statement was reported {n}. {filler}"],
                year=2014,
                doc_type="news_article",
            )
            for n, filler in enumerate(FILLERS[:3])
        ),
        # a genre word's preference weighs, it does not rank: a plan the extractor typed a
        # web page, all about the subject, above a plan that names it once in passing
        doc(
            "kea-plan",
            "Kea plan",
            "Kea kea kea: the kea work plan for kea habitats.",
            doc_type="web_page",
        ),
        make_document(
            f"{BASE}/kea-initiative", "Initiative", [f"A kea. {FILLERS[9]}"], doc_type="initiative"
        ),
        make_document(
            f"{BASE}/kea-news",
            "Kea news",
            [f"Kea flocks grew. {FILLERS[1]}"],
            doc_type="news_article",
        ),
        # a year typed is the document's year too: the 2016 story never writes "2016"
        doc("tern-2016", "Tern story", "Ministers watched terns nest on the cliffs.", year=2016),
        doc("tern-2011", "Tern note", "Terns were counted by rangers on the shore.", year=2011),
        doc("tern-mention", "Tern plan", "The 2016 tern survey covered the dunes.", year=2019),
        # the outcome prior: passages of the same length holding the words once each
        make_document(
            f"{BASE}/wombat-news",
            "Report",
            [f"Wombat tourism resilience matters. {FILLERS[3]}"],
            year=2019,
            doc_type="news_article",
        ),
        make_document(
            f"{BASE}/wombat-statement",
            "Report",
            [
                "We, the APEC Ministers responsible for SMEs, met in Kestrel, Atlantis on 4 May"
                f" 2019 for the 26th APEC SME Ministerial Meeting. {FILLERS[4]}",
                f"Wombat tourism resilience matters. {FILLERS[4]}",
            ],
            year=2019,
            doc_type="ministerial_statement",
        ),
        # facets: types and years
        *(
            make_document(
                f"{BASE}/zebu-{n + 1}", f"Zebu {n + 1}", [f"Zebu herders met. {filler}"], **fields
            )
            for n, (filler, fields) in enumerate(
                zip(
                    FILLERS[5:9],
                    [
                        {"year": 2012, "doc_type": "declaration"},
                        {"year": 2016, "doc_type": "chairs_statement"},
                        {"year": 2018, "doc_type": "news_article"},
                        {"doc_type": "speech"},
                    ],
                    strict=True,
                )
            )
        ),
    ]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_index(tmp_path_factory.mktemp("research"), docs())


@pytest.fixture
def engine(index: Path):
    engine = Engine(index)
    yield engine
    engine.close()


# -- the thesaurus --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "typed", "others"),
    [
        ("e-commerce", "ecommerce", {"electronic"}),
        ("ecommerce", "ecommerce", {"electronic"}),
        ("electronic commerce", "electronic", {"ecommerce"}),
        ("access to finance", "finance", {"financing", "financial"}),
        ("women entrepreneurs", "women", {"women-led", "participation"}),
        ("red tape", "red-tape", {"burden"}),
        ("women entrepreneurs", "women", {"women-owned"}),
        ("digitization valley", "digitisation", {"adoption"}),
        ("SMEWG tundra", "smewg", {"working-group"}),
        ("SMEMM taiga", "smemm", {"ministerial"}),
        ("young entrepreneurs atoll", "young", {"youth"}),
        ("COVID-19 lagoon", "covid", {"pandemic"}),
        ("covid lagoon", "covid", {"pandemic"}),
        ("taxation marsh", "taxation", {"tax"}),
        ("regulatory environment", "regulatory", {"burden", "red-tape"}),
        ("female entrepreneurs", "female", {"women", "women-led"}),
        ("Vietnam savanna", "vietnam", {"viet-nam"}),  # an economy's names (the record's)
        ("Viet Nam savanna", "viet-nam", {"vietnam"}),
        ("market intelligence prairie", "intelligence", {"market-research"}),
        ("protectionism bayou", "protectionism", {"protectionist"}),
        ("services sector estuary", "services", {"service-industry"}),
        ("monitoring and evaluation canyon", "monitoring", {"assessment"}),
        ("economic disparities delta", "disparities", {"imbalances"}),
        ("health sector lowlands", "health", {"medical"}),
        ("jobs upland", "jobs", {"employment"}),
        ("SOM glacier", "som", {"senior-officials"}),
    ],
)
def test_a_concept_also_matches_its_other_terms_below_the_words_typed(engine, q, typed, others):
    found = engine.search(q)
    got = slugs(found["results"])
    assert got[0] == typed, got
    assert others <= set(got[1:]), got
    assert {e["concept"] for e in found["expanded"]} and all(
        set(e) == {"term", "concept", "language"} for e in found["expanded"]
    )


def test_alternatives_each_match_their_concepts_other_terms(engine):
    either = set(slugs(engine.search("e-commerce OR taxation")["results"]))
    assert {"ecommerce", "electronic", "taxation", "tax"} <= either
    both = engine.search("SME OR MSME")
    assert set(slugs(both["results"])) == set(slugs(engine.search("SME")["results"]))
    # the terms typed, in any form, are not listed as also matched
    listed = {e["term"] for e in both["expanded"]}
    assert listed and not listed & {"smes", "msmes"}
    assert "financing" in {e["term"] for e in engine.search("access to finance")["expanded"]}


def test_a_concepts_phrase_is_highlighted_where_its_words_stand_together(engine):
    snippets = {slugs([r])[0]: r["snippet"] for r in engine.search("red tape")["results"]}
    assert "<mark>regulatory</mark> <mark>burden</mark>" in snippets["burden"]
    # the words of "regulatory burden" apart are not that term
    apart = snippets["red-tape-apart"]
    assert "<mark>red</mark> <mark>tape</mark>" in apart
    assert "<mark>regulatory</mark>" not in apart and "<mark>burden</mark>" not in apart
    # and so does the document's page
    found = {slugs([r])[0]: r["id"] for r in engine.search("red tape")["results"]}
    html = engine.document(found["burden"], highlight="red tape")["paragraphs"][0]["html"]
    assert "<mark>regulatory</mark> <mark>burden</mark>" in html
    html = engine.document(found["red-tape-apart"], highlight="red tape")["paragraphs"][0]["html"]
    assert "<mark>red</mark> <mark>tape</mark>" in html and "<mark>burden" not in html


def test_an_exclusion_and_a_term_across_an_operator_are_not_expanded(engine):
    assert slugs(engine.search("marsh NOT taxation")["results"]) == ["tax"]
    assert thesaurus.mentions("women OR entrepreneurs") == []
    assert [m.concept.name for m in thesaurus.mentions("(SME OR finance)")] == [
        "small and medium enterprises"
    ]


def test_the_pronoun_us_names_no_economy(engine):
    assert engine.search("firms help us")["expanded"] == []
    assert [m.concept.name for m in thesaurus.mentions("USA firms")] == ["United States"]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("St Petersburg 2012", "Saint Petersburg"),
        ("Hanoi", "Ha Noi"),
        ("Ha Noi", "Hanoi"),
        ("HCMC", "Ho Chi Minh City"),
        ("Taegu", "Daegu"),
    ],
)
def test_a_meeting_city_written_another_way_finds_the_documents(tmp_path, typed, written):
    doc = make_document(
        "https://example.org/city",
        f"Meeting in {written}",
        [f"Ministers met in {written} in 2012."],
    )
    eng = Engine(make_index(tmp_path, [doc]))
    try:
        assert eng.search(typed)["total"] == 1
        assert eng.search(f'"{typed}"', correct=False)["total"] == 0  # quoted: as typed
    finally:
        eng.close()


@pytest.fixture
def notes_engine(tmp_path):
    """``notes_engine({slug: text})``: an engine over one note per slug; closed after."""
    engines: list[Engine] = []

    def make(texts: dict[str, str]) -> Engine:
        docs = [
            make_document(f"https://example.org/{slug}", f"Note {i}", [text])
            for i, (slug, text) in enumerate(texts.items())
        ]
        engines.append(Engine(make_index(tmp_path, docs)))
        return engines[-1]

    yield make
    for engine in engines:
        engine.close()


def test_an_economys_full_name_finds_its_short_name(notes_engine):
    eng = notes_engine(
        {
            "short": "Ministers of Korea met on the savanna.",
            "full": "The Republic of Korea hosted ministers on the savanna.",
            "other": "The republic of Atlantis hosted ministers on the savanna.",
        }
    )
    got = slugs(eng.search("Republic of Korea savanna")["results"])
    assert got[0] == "full" and set(got) == {"full", "short"}, got


def test_an_economys_adjective_finds_its_names_but_not_the_other_way(notes_engine):
    eng = notes_engine(
        {
            "adjective": "American firms met on the savanna.",
            "name": "Firms of the United States met on the savanna.",
            "taipei": "Firms of Chinese Taipei met on the savanna.",
            "china": "Firms of China met on the savanna.",
        }
    )
    found = eng.search("American firms savanna")
    assert slugs(found["results"]) == ["adjective", "name"]  # the word typed first
    assert {"term": "united states", "concept": "United States", "language": None} in found[
        "expanded"
    ]
    assert slugs(eng.search("United States firms savanna")["results"]) == ["name"]
    assert set(slugs(eng.search("Chinese firms savanna")["results"])) == {
        "taipei",  # the word typed
        "china",
    }
    assert slugs(eng.search("Chinese Taipei firms savanna")["results"]) == ["taipei"]


def test_an_other_term_of_several_words_is_a_phrase_not_its_words_anywhere(engine):
    got = slugs(engine.search("natural disasters fjords")["results"])
    assert got[0] == "disaster" and "continuity" in got, got
    assert "scattered" not in got, got  # "business" and "continue", not "business continuity"


def test_a_document_holding_a_word_in_several_passages_ranks_above_one_passage(engine):
    # one passage saying "ibex" twice outscores each of the other's, but not their sum
    assert slugs(engine.search("ibex")["results"]) == ["ibex-often", "ibex-once"]


def test_a_document_holding_the_words_in_several_passages_ranks_above_one_passage(engine):
    # each word twice in one passage outscores each of the other's passages, not their sum
    found = slugs(engine.search("markhor pasture")["results"])
    assert found == ["markhor-often", "markhor-once"]


def test_the_informal_economy_is_not_information_on_economies(engine):
    assert slugs(engine.search("informal economy steppe")["results"]) == ["informal"]


def test_an_other_term_that_is_part_of_the_words_typed_is_left_out(engine):
    # "informality" is analysed as "informal": as another term of "informal sector" it would
    # make any "informal" a match of the concept ("informal talks")
    found = engine.search("informal sector moorland")
    assert slugs(found["results"]) == ["informal-sector"]
    assert "informality" not in {e["term"] for e in found["expanded"]}
    # typed alone, "informality" still matches the concept's phrases
    assert "informal-sector" in slugs(engine.search("informality moorland")["results"])


def test_smes_by_any_of_their_names(engine):
    for q in ("quokkas SMEs", "quokkas small businesses", "quokkas small and medium enterprises"):
        assert set(slugs(engine.search(q)["results"])) == {"smes", "sized", "small-businesses"}, q


def test_the_page_says_what_else_was_matched(engine):
    terms = {e["term"] for e in engine.search("access to finance")["expanded"]}
    assert {"financing", "financial access"} <= terms


def test_quotes_turn_the_thesaurus_off(engine):
    found = engine.search('"access to finance"')
    assert slugs(found["results"]) == ["finance"]
    assert found["expanded"] == []
    assert slugs(engine.search('"e-commerce"')["results"]) == ["ecommerce"]


def test_the_thesaurus_can_be_turned_off_without_quotes(engine, client, index):
    found = engine.search("access to finance", thesaurus=False)
    words = slugs(found["results"])  # the words typed, their stems too; not "financing"
    assert words[0] == "finance" and "financing" not in words and found["expanded"] == []
    page = soup(client, "/search", q="access to finance")
    off = page.select_one(".expanded a:-soup-contains('match only the words typed')")["href"]
    assert parse_qs(urlsplit(off).query)["synonyms"] == ["off"]
    only = soup(client, "/search?" + urlsplit(off).query)
    assert "Matching only the words typed" in only.select_one(".expanded").get_text()
    back = only.select_one(".expanded a")["href"]
    assert "synonyms" not in parse_qs(urlsplit(back).query)
    api = client.get("/api/search?q=access+to+finance&synonyms=off").get_json()
    assert api["expanded"] == [] and slugs(api["results"]) == words
    assert slugs(cli_json(index, "access to finance", "--no-thesaurus")["results"]) == words


def test_other_terms_the_index_lacks_are_not_listed(engine):
    terms = {e["term"] for e in engine.search("red tape")["expanded"]}
    assert "regulatory burden" in terms and "administrative burden" not in terms


# -- genre words ----------------------------------------------------------------------------


def test_only_the_other_terms_an_index_holds_are_read_into_the_query():
    parsed = queries.parse("access to finance", expand=True, holds=lambda t: t == "financing")
    assert parsed.expanded == [("financing", "access to finance")]
    assert "financ" in repr(parsed.query) and "credit" not in repr(parsed.query)
    # none held: the words as typed
    bare = queries.parse("access to finance", expand=True, holds=lambda t: False)
    assert bare.expanded == [] and "credit" not in repr(bare.query)


def test_a_genre_word_is_a_type_preference_not_a_word_to_match(engine):
    found = engine.search("Nanjing 2014 ministerial statement")
    assert slugs(found["results"])[0] == "nanjing-statement"
    assert found["type_hint"]["words"] == ["statement"]
    assert "ministerial_statement" in found["type_hint"]["types"]
    assert found["type_hint"]["label"] == "statements"
    # Without the preference "statement" is a word again: the statement lacks it.
    words = engine.search("Nanjing 2014 ministerial statement", type_hint=False, meeting_hint=False)
    assert "nanjing-statement" not in slugs(words["results"])
    assert words["type_hint"] is None


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorted_by_date_genre_words_find_the_same_documents(engine, sort):
    q = "Nanjing 2014 ministerial statement"
    found = engine.search(q, sort=sort)
    assert found["type_hint"]["words"] == ["statement"]
    by_relevance = engine.search(q)
    assert sorted(slugs(found["results"])) == sorted(slugs(by_relevance["results"]))
    assert "nanjing-statement" in slugs(found["results"])


def test_a_type_preference_weighs_but_does_not_put_every_preferred_document_first(engine):
    found = engine.search("kea plan")
    assert found["type_hint"]["label"] == "plans"
    assert slugs(found["results"]) == ["kea-plan", "kea-initiative", "kea-news"]
    # without the preference the initiative's one mention ranks below the news item's
    assert slugs(engine.search("kea", type_hint=False)["results"])[1:] == [
        "kea-news",
        "kea-initiative",
    ]


def test_a_year_typed_also_matches_the_documents_of_that_year(engine):
    assert set(slugs(engine.search("tern 2016")["results"])) == {"tern-2016", "tern-mention"}
    assert slugs(engine.search("tern 2011")["results"]) == ["tern-2011"]
    # quoted, it is the text "2016" only
    assert slugs(engine.search('tern "2016"')["results"]) == ["tern-mention"]


def test_a_decade_typed_matches_the_documents_of_its_years(engine):
    # neither writes "2010s": the 2016 and 2011 documents are of it, the 2019 one as well
    found = set(slugs(engine.search("tern 2010s")["results"]))
    assert found == {"tern-2016", "tern-2011", "tern-mention"}
    assert slugs(engine.search("terns 2000s")["results"]) == []


def test_news_prefers_news(engine):
    found = engine.search("Nanjing news")
    assert slugs(found["results"])[0].startswith("nanjing-news")
    assert found["type_hint"]["types"] == ["news_article", "news_release"]


def test_a_quoted_genre_word_is_a_word(engine):
    found = engine.search('Nanjing "statement"')
    assert found["type_hint"] is None
    assert "nanjing-statement" not in slugs(found["results"])


# -- primary sources first ------------------------------------------------------------------


def test_an_outcome_document_ranks_above_a_news_item_with_the_same_text(engine):
    found = engine.search("wombat tourism resilience")
    assert slugs(found["results"]) == ["wombat-statement", "wombat-news"]
    assert found["results"][0]["role"] == "outcome"


# -- facets ---------------------------------------------------------------------------------


def test_two_types_at_once_and_the_outcomes_group(engine):
    two = engine.search("zebu", doc_type=["declaration", "news_article"])
    assert set(slugs(two["results"])) == {"zebu-1", "zebu-3"}
    # the type facet counts every type, so another can be added
    assert set(two["facets"]["doc_type"]) == {
        "declaration", "chairs_statement", "news_article", "speech",
    }  # fmt: skip
    outcomes = engine.search("zebu", doc_type="outcomes")
    assert set(slugs(outcomes["results"])) == {"zebu-1", "zebu-2"}


def test_the_undated_bucket_and_undated_last_by_date(engine):
    found = engine.search("zebu", sort="oldest")
    assert found["facets"]["year"]["undated"] == 1
    assert slugs(found["results"]) == ["zebu-1", "zebu-2", "zebu-3", "zebu-4"]
    assert slugs(engine.search("zebu", sort="newest")["results"])[-1] == "zebu-4"
    assert slugs(engine.search("zebu", year=(0, 0))["results"]) == ["zebu-4"]


def test_the_year_facet_counts_as_if_no_year_were_chosen(engine):
    every = engine.search("zebu")["facets"]["year"]
    for year in ((0, 0), (2012, 2012), (2015, 2020)):
        found = engine.search("zebu", year=year)
        assert found["facets"]["year"] == every, year  # another year can be chosen instead
    only = engine.search("zebu", year=(2012, 2012), doc_type="news_article")
    assert only["total"] == 0 and only["facets"]["year"] == {"2018": 1}


# -- the web page ---------------------------------------------------------------------------


@pytest.fixture
def client(index: Path):
    return create_app({"INDEX_DIR": index, "TESTING": True}).test_client()


def soup(client, path: str, **args) -> BeautifulSoup:
    response = client.get(path, query_string=args or None)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return BeautifulSoup(response.get_data(as_text=True), "lxml")


def test_type_is_repeatable_and_each_type_is_a_removable_filter(client):
    page = soup(client, "/search?q=zebu&type=declaration&type=news_article")
    assert len(page.select(".result")) == 2
    chips = [li.get_text(" ", strip=True) for li in page.select(".active-filters li")]
    assert any("Declaration" in c for c in chips) and any("News article" in c for c in chips)
    remove = page.select_one(".active-filters a[aria-label*='Declaration']")["href"]
    assert parse_qs(urlsplit(remove).query)["type"] == ["news_article"]
    outcomes = page.select_one(".facet--doc_type a:-soup-contains('Official outcomes')")
    assert outcomes is not None


def test_the_undated_bucket_filters(client):
    page = soup(client, "/search?q=zebu")
    undated = page.select_one(".facet--year a:-soup-contains('undated')")
    assert undated is not None
    only = soup(client, "/search?" + urlsplit(undated["href"]).query)
    assert [a.get_text(strip=True) for a in only.select(".result-title a")] == ["Zebu 4"]
    # the other years stay listed, to choose one instead
    years = [a.get_text(" ", strip=True) for a in only.select(".facet--year a")]
    assert any(y.startswith("2012") for y in years) and any("undated" in y for y in years)


def test_a_from_year_alone_means_from_then_on(client):
    page = soup(client, "/search?q=zebu&from=2015")
    chips = page.select_one(".active-filters").get_text(" ", strip=True)
    assert "2015 onwards" in chips and "9999" not in chips
    assert len(page.select(".result")) == 2
    links = [a["href"] for a in page.select(".facet a, .sort a")]
    assert links and all("9999" not in link for link in links)


def test_the_year_boxes_suggest_the_first_and_last_years_of_the_results(client):
    page = soup(client, "/search?q=zebu")  # dated 2012, 2016 and 2018, and one undated
    assert page.select_one("#year-from")["placeholder"] == "2012"
    assert page.select_one("#year-to")["placeholder"] == "2018"


def test_the_type_preference_is_a_chip_that_can_be_removed(client):
    page = soup(client, "/search?q=Nanjing+2014+ministerial+statement")
    chip = page.select_one(".active-filters .type-hint")
    assert "statements" in chip.get_text(" ", strip=True)
    off = soup(client, chip.select_one("a")["href"])
    assert off.select_one(".type-hint") is None


def test_the_page_names_the_other_terms_matched(client):
    note = soup(client, "/search?q=access+to+finance").select_one(".expanded")
    assert "financing" in note.get_text(" ", strip=True)
    assert soup(client, '/search?q="access+to+finance"').select_one(".expanded") is None


def test_other_terms_that_found_nothing_either_are_searched_for_not_matching(client):
    # beside "Nothing matched", "Also matching: financing" would say something matched
    page = soup(client, "/search?q=access+to+finance+zzyzx")
    assert "Nothing matched" in page.select_one(".no-results").get_text(" ", strip=True)
    note = page.select_one(".expanded").get_text(" ", strip=True)
    assert note.startswith("Also searched for:") and "financing" in note
    found = soup(client, "/search?q=access+to+finance").select_one(".expanded")
    assert found.get_text(" ", strip=True).startswith("Also matching:")


def test_the_json_twin_has_expanded_and_type_hint(client):
    data = client.get("/api/search?q=Nanjing+2014+ministerial+statement").get_json()
    assert data["type_hint"]["label"] == "statements"
    assert isinstance(data["expanded"], list)


# -- the command line -----------------------------------------------------------------------


def cli_json(index: Path, *args: str) -> dict:
    result = CliRunner().invoke(cli, ["search", *args, "--json", "--index", str(index)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_cli_takes_several_types_undated_and_words(index):
    two = cli_json(index, "zebu", "--type", "declaration", "--type", "news_article")
    assert set(slugs(two["results"])) == {"zebu-1", "zebu-3"}
    assert slugs(cli_json(index, "zebu", "--type", "outcomes", "--sort", "oldest")["results"]) == [
        "zebu-1",
        "zebu-2",
    ]
    assert slugs(cli_json(index, "zebu", "--year", "undated")["results"]) == ["zebu-4"]
    words = cli_json(index, "Nanjing", "2014", "ministerial", "statement", "--words")
    assert words["type_hint"] is None


@pytest.mark.parametrize("q", ["access to finance", "women entrepreneurs", "red tape"])
def test_a_concepts_passage_scores_its_words_plus_its_best_other_term(engine, q):
    # Each passage holding each word typed or another term: the words' scores plus the best
    # of the other terms it holds, each term scored on its own; never another passage's.
    words = queries.parse(q, concepts=False).query.subqueries
    others = queries.parse(q, expand=True).query.subqueries[0].subqueries[1].subqueries
    with engine._reading() as (gen, r):
        got = gen.matches(r, queries.parse(q, expand=True).query).scores
        typed = [queries.scores(r, w) for w in words]
        terms = [queries.scores(r, term) for term in others]
    best = {n: max(t[n] for t in terms if n in t) for n in set().union(*terms)}
    expected = {
        n: sum(w.get(n, 0.0) for w in typed) + best.get(n, 0.0)
        for n in set(best).union(*typed)
        if all(n in w or n in best for w in typed)
    }
    assert got.keys() == expected.keys()
    assert all(abs(got[n] - expected[n]) < 1e-9 for n in got), (got, expected)


def test_a_concepts_words_in_two_passages_match_as_without_the_thesaurus(engine):
    found = engine.search("green growth heath")
    words = slugs(engine.search("green growth heath", thesaurus=False)["results"])
    assert words == ["green-apart"]
    assert set(slugs(found["results"])) == {"green-apart", "circular"}  # a synonym only adds


def test_the_page_quotes_each_other_term_so_one_with_commas_reads_as_one(index):
    client = create_app({"INDEX_DIR": index, "TESTING": True}).test_client()
    soup = BeautifulSoup(client.get("/search?q=SMEs").data, "html.parser")
    text = soup.select_one(".expanded").get_text(" ", strip=True)
    assert "“ micro, small and medium enterprises ”" in text


def test_the_outcomes_group_is_listed_only_where_it_gathers_several_types():
    def labels(counts: dict[str, int], **params) -> list[str]:
        values = doc_type_facet(counts, SearchParams(q="x", **params), lambda args: "")
        return [f"{v.label}: {v.count}" for v in values]

    one = {"ministerial_statement": 3, "news_article": 2}
    assert labels(one) == ["Ministerial statement: 3", "News article: 2"]
    chosen = labels(one, types=("outcomes",))  # chosen, it stays, to be taken away
    assert chosen[0] == "Official outcomes (statements, declarations): 3"
    two = {**one, "declaration": 1}
    assert labels(two)[0] == "Official outcomes (statements, declarations): 4"


def test_a_type_preference_that_no_result_meets_says_so(engine, client):
    assert engine.search("Nanjing 2014 ministerial statement")["type_hint"]["matched"] == 1
    found = engine.search("terns statement")
    assert found["type_hint"]["matched"] == 0 and found["results"]
    chip = soup(client, "/search", q="terns statement").select_one(".type-hint").get_text()
    assert "none of the results is one" in chip
    chip = soup(client, "/search", q="Nanjing 2014 ministerial statement").select_one(".type-hint")
    assert "none of the results" not in chip.get_text()
    # with no result at all, there is none to speak of
    assert engine.search("zqxv statement", correct=False)["total"] == 0
    page = soup(client, "/search", q="zqxv statement", spelling="off")
    assert "none of the results" not in page.select_one(".type-hint").get_text()
    # a statement holding some of the words is one of the results
    found = engine.search("Nanjing zqxv statement", correct=False)
    assert found["total"] == 0 and found["type_hint"]["matched"] >= 1
    assert "ministerial_statement" in {r["doc_type"] for r in found["partial"]}
    page = soup(client, "/search", q="Nanjing zqxv statement", spelling="off")
    assert "none of the results" not in page.select_one(".type-hint").get_text()


def test_each_other_term_is_listed_once_and_not_one_typed(engine):
    # two terms of one concept, both typed
    found = engine.search("access to finance and financial access")
    terms = [e["term"] for e in found["expanded"]]
    assert terms.count("financing") == 1 and len(terms) == len(set(terms))
    assert not {"access to finance", "financial access"} & set(terms)


def test_a_one_word_other_term_is_marked_where_it_matched(engine):
    # "tax" is not a form of "taxation" ("taxat"): marked as the other term it is
    found = engine.search("taxation marsh")
    tax = next(r for r in found["results"] if r["url"].endswith("/tax"))
    assert "<mark>tax</mark>" in tax["snippet"]
