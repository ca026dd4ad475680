"""Words inside Chinese, Japanese, Korean and Thai text are found: those scripts write no
space between words (Korean none between a noun and its particle), so the analyzer splits
their runs (bigrams; a Thai dictionary) while English is analysed as before
(test_search_analyzer.py compares it with Whoosh's own chain)."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest

from indexer.index import analysis, queries
from indexer.search.engine import Engine
from indexer.search.snippets import SNIPPET_CHARACTERS, snippet
from tests.helpers import make_document, make_index

CHINESE = "亚太经合组织中小企业部长会议在北京举行，部长们同意扩大数字贸易。"
JAPANESE = "中小企業の金融支援について、大臣は新しい保証制度に合意した。"
THAI = "รัฐมนตรีเห็นชอบแผนการส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อมในภูมิภาค"
KOREAN = "중소기업장관회의가 제주에서 열렸고, 장관들은 창업 지원에 합의했다."
ENGLISH = "Ministers agreed to widen access to finance for small enterprises in the region."


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("languages")
    docs = [
        make_document(f"https://example.org/{name}", title, [text, ENGLISH if i == 3 else text])
        for i, (name, title, text) in enumerate(
            [
                ("zh", "部长会议", CHINESE),
                ("ja", "金融支援", JAPANESE),
                ("th", "การประชุม", THAI),
                ("en", "Ministers meet", ENGLISH),
                ("ko", "장관회의", KOREAN),
            ]
        )
    ]
    eng = Engine(make_index(root, docs))
    yield eng
    eng.close()


def found_in(engine, query: str, thesaurus: bool = False) -> list[str]:
    return [
        r["url"].rsplit("/", 1)[1] for r in engine.search(query, thesaurus=thesaurus)["results"]
    ]


def found(engine, query: str) -> list[str]:
    """The pages the words of ``query`` are found in (a concept's terms in other languages,
    tested below, left out)."""
    return sorted(found_in(engine, query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("中小企业", ["ja", "zh"]),  # Chinese: a word in the middle of a run (and kanji)
        ("部长", ["zh"]),
        ("数字贸易", ["zh"]),
        ('"部长会议"', ["zh"]),  # as a phrase
        ("北京 部长", ["zh"]),
        ("中小企業", ["ja", "zh"]),  # Japanese: kanji and kana run together
        ("保証制度", ["ja"]),
        ("金融", ["ja"]),
        ("วิสาหกิจ", ["th"]),  # Thai: dictionary words
        ("ขนาดย่อม", ["th"]),
        ("ภูมิภาค", ["th"]),
        ("enterprises", ["en"]),
        ("장관", ["ko"]),  # Korean: inside a compound and before a particle ("장관들은")
        ("중소기업", ["ko"]),
        ("창업 지원", ["ko"]),
        ('"장관회의"', ["ko"]),
    ],
)
def test_each_word_finds_its_page(engine, query, expected):
    assert found(engine, query) == expected


def test_words_that_are_not_there_find_nothing(engine):
    assert found(engine, "上海") == [] and found(engine, "ท่องเที่ยว") == []


def test_thai_and_devanagari_words_keep_their_vowel_marks():
    # \w leaves combining marks out: "การส่งเสริม" fell apart at each tone or vowel mark
    assert [t.text for t in analysis.PLAIN("การส่งเสริม हिन्दी")] == ["การ", "ส่งเสริม", "हिन्दी"]


def test_a_chinese_run_is_indexed_as_bigrams_at_consecutive_positions():
    tokens = [(t.text, t.pos) for t in analysis.PLAIN("APEC中小企业 cooperation", positions=True)]
    assert tokens == [
        ("apec", 0),
        ("中小", 1),
        ("小企", 2),
        ("企业", 3),
        ("cooperation", 4),
    ]


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("中小企业", "<mark>中小企业</mark>部长"),
        ("วิสาหกิจ", "ส่งเสริม<mark>วิสาหกิจ</mark>ขนาด"),
        ("장관", "중소기업<mark>장관</mark>회의가"),
    ],
)
def test_the_word_found_is_marked_in_the_snippet(engine, query, marked):
    assert any(marked in r["snippet"] for r in engine.search(query)["results"])


TRADITIONAL = "亞太經合組織中小企業部長會議在台北舉行，部長們同意擴大數位貿易。"


@pytest.fixture()
def traditional(tmp_path):
    docs = [
        make_document(
            f"https://example.org/{n}", f"部長會議 {n}", [TRADITIONAL, "其他部長也參加。"]
        )
        for n in range(3)
    ]
    eng = Engine(make_index(tmp_path, docs))
    yield eng
    eng.close()


def test_simplified_and_traditional_chinese_are_one_spelling(traditional, engine):
    # 部长会议 (simplified) is 部長會議 (traditional), as British and American spellings meet
    found = traditional.search("部长会议")
    assert found["total"] == 3 and found["suggestion"] is None
    snippet = found["results"][0]["snippet"]
    assert "<mark>部長會議</mark>" in snippet
    # the word typed is marked where its bigrams stand together: not "部長" of "部長們"
    assert "<mark>部長</mark>們" not in snippet and "部長們" in snippet
    assert traditional.search('"数位贸易"')["total"] == 3  # a phrase too
    # Japanese kanji meet Chinese: 中小企業 (Japanese) and 中小企业 (simplified Chinese)
    assert set(found_in(engine, "中小企業")) == set(found_in(engine, "中小企业")) == {"ja", "zh"}


def test_a_run_the_index_lacks_is_not_corrected_into_another_word(traditional):
    # a run of Chinese, Japanese or Thai is several words without spaces, not one misspelt
    # word: it is searched as typed, not replaced by a word of the index ("部長")
    result = traditional.search("部长大会")
    assert result["suggestion"] is None and result["corrected_query"] is None
    assert result["total"] == 0 and not result["notes"]


# -- a concept's terms in other languages ---------------------------------------------------


def test_a_concepts_term_in_another_language_is_matched_after_the_english_ones(engine):
    # "中小企业" names small and medium enterprises, whose Korean term the Korean page holds
    got = found_in(engine, "中小企业", thesaurus=True)
    assert set(got[:2]) == {"zh", "ja"} and got[2:] == ["ko"], got
    assert ("중소기업", "small and medium enterprises", "ko") in expansions(engine, "中小企业")


def expansions(engine, query: str) -> set[tuple]:
    """(term, concept, language) of each other term ``query`` also matched."""
    return {(e["term"], e["concept"], e["language"]) for e in engine.search(query)["expanded"]}


def test_a_query_naming_a_concept_does_not_load_the_thai_dictionary():
    # PyThaiNLP's dictionary takes 77 MB in each server process: only Thai text loads it
    script = (
        "import sys; from indexer.index import queries, thesaurus; "
        "queries.parse('SMEs access to finance Korea', expand=True); thesaurus.terms(); "
        "print('pythainlp.tokenize' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr[-2000:]


@pytest.fixture(scope="module")
def finance(tmp_path_factory):
    texts = {
        "typed": "Ministers widened access to finance for firms of the fjord.",
        "english": "Ministers widened financial access for firms of the fjord.",
        "spanish": "Los ministros ampliaron el acceso al financiamiento del fiordo.",
        "other": "Los ministros visitaron las empresas del fiordo.",
        "smes": "Ministers met SMEs of the moor.",
        "small-firms": "Ministers met small firms of the moor.",
        # twice: it would come before "small-firms" if the two terms weighed alike
        "pymes": "Las pymes del páramo y sus pymes.",
        "mipymes": "Las mipymes del páramo.",
        "korea-en": "Ministers of Korea met.",
        "korea-ko": "한국의 장관들이 만났다.",
        "smes-ko": "중소기업 장관들이 만났다.",
    }
    docs = [
        make_document(f"https://example.org/{slug}", f"Nota {i}", [text])
        for i, (slug, text) in enumerate(texts.items())
    ]
    eng = Engine(make_index(tmp_path_factory.mktemp("finance"), docs))
    yield eng
    eng.close()


def test_an_english_query_finds_the_concept_in_another_language_last(finance):
    assert found_in(finance, "access to finance", thesaurus=True) == [
        "typed",
        "english",  # another English term, then the Spanish one
        "spanish",
    ]
    assert {
        ("acceso al financiamiento", "access to finance", "es"),
        ("financial access", "access to finance", None),
    } <= expansions(finance, "access to finance")
    got = found_in(finance, "SMEs", thesaurus=True)
    # a Korean term's three bigrams weigh as one word
    assert got[:2] == ["smes", "small-firms"], got
    assert set(got[2:]) == {"pymes", "mipymes", "smes-ko"}, got


def test_a_query_in_another_language_weighs_its_own_languages_terms_first(finance):
    got = found_in(finance, "pymes", thesaurus=True)
    # the word typed, another Spanish term, then the English and Korean ones
    assert got[:2] == ["pymes", "mipymes"], got
    assert set(got[2:]) == {"smes", "small-firms", "smes-ko"}, got


def test_a_query_in_another_language_finds_the_english_documents(finance):
    got = found_in(finance, "acceso al financiamiento", thesaurus=True)
    assert got[0] == "spanish" and set(got) == {"spanish", "typed", "english"}, got
    # quoted, the words are matched as typed
    assert found_in(finance, '"acceso al financiamiento"', thesaurus=True) == ["spanish"]


def test_the_page_names_the_language_of_a_term(finance):
    from bs4 import BeautifulSoup

    from webapp import create_app

    client = create_app({"INDEX_DIR": finance.index_dir, "TESTING": True}).test_client()
    page = BeautifulSoup(client.get("/search?q=access+to+finance").get_data(as_text=True), "lxml")
    note = page.select_one(".expanded")
    assert "Spanish “acceso al financiamiento”" in " ".join(note.get_text().split())
    assert note.select_one("em[lang=es]").get_text() == "acceso al financiamiento"


def test_an_economy_is_found_by_its_name_in_another_language(finance):
    assert found_in(finance, "Korea", thesaurus=True) == ["korea-en", "korea-ko"]
    assert found_in(finance, "한국", thesaurus=True) == ["korea-ko", "korea-en"]


def test_the_page_lists_a_few_terms_and_all_of_them_on_request(tmp_path):
    from bs4 import BeautifulSoup

    from webapp import create_app

    texts = ["SMEs", "MSMEs", "small businesses", "small firms", "pymes", "UKM"]
    docs = [
        make_document(f"https://example.org/n{i}", f"Note {i}", [f"Ministers met {t} today."])
        for i, t in enumerate(texts)
    ]
    client = create_app({"INDEX_DIR": make_index(tmp_path, docs), "TESTING": True}).test_client()
    page = BeautifulSoup(client.get("/search?q=SMEs").get_data(as_text=True), "lxml")
    note = page.select_one(".expanded")
    inline = " ".join(note.p.get_text().split())
    # the English terms first, then those in other languages, four of them inline
    assert "“msmes”, “small businesses”, “small firms”, Spanish “pymes” and 1 more" in inline
    assert "ukm" not in inline
    listed = " ".join(note.select_one("details.more-terms").get_text().split())
    assert "All 5 terms also matched" in listed and "Indonesian “ukm”" in listed
    # a query nothing matches: the terms were searched for, not matched
    none = BeautifulSoup(client.get("/search?q=SMEs+tundra").get_data(as_text=True), "lxml")
    summary = none.select_one(".expanded details.more-terms summary").get_text()
    assert summary == "All 5 terms also searched for"


def test_a_long_passage_without_spaces_is_cut_around_its_match():
    text = "あ" * 200 + "中小企業の大臣会合" + "い" * 200
    got = snippet(text, queries.parse("中小企業"))
    assert got.startswith("… ") and got.endswith(" …")
    assert "<mark>中小企業</mark>" in got
    shown = re.sub(r"</?mark>", "", got)[2:-2]
    assert len(shown) <= SNIPPET_CHARACTERS and shown in text


def test_a_cut_does_not_part_a_thai_letter_from_its_mark():
    text = "ก่" * 150 + " วิสาหกิจ " + "ก่" * 150  # each letter with a tone mark after it
    got = re.sub(r"</?mark>", "", snippet(text, queries.parse("วิสาหกิจ")))[2:-2]
    assert unicodedata.category(got[0])[0] != "M" and got.endswith("่")


@pytest.mark.parametrize(
    ("query", "texts"),
    [
        # news in other languages name the record's events and people in their own words
        ("accelerator network", {"fr": "Taïwan lance un réseau d'accélérateurs.",
                                 "ja": "台湾のアクセラレータが協力する。"}),
        ("trade fairs", {"zh": "中小企业技术交流暨展览会在成都开幕。",
                         "ko": "중소기업 기술 박람회가 열렸다."}),
        ("delegation", {"zh": "代表团出席了会议。", "es": "La delegación asistió a la reunión."}),
    ],
)  # fmt: skip
def test_an_event_or_a_delegation_is_found_in_the_news_languages(tmp_path, query, texts):
    docs = [
        make_document(f"https://example.org/{slug}", f"Nota {slug}", [text])
        for slug, text in {**texts, "other": "Ministers met in the fjord."}.items()
    ]
    engine = Engine(make_index(tmp_path, docs))
    try:
        assert set(found_in(engine, query, thesaurus=True)) == set(texts)
    finally:
        engine.close()


def test_a_short_story_in_chinese_or_japanese_is_indexed(tmp_path):
    # one run of characters with no space in it: a word per pair of them, as indexed
    docs = [
        make_document("https://example.org/zh", "消息", ["中小企业技术交流会在成都开幕。"]),
        make_document("https://example.org/ja", "ニュース", ["台湾のアクセラレータが協力。"]),
    ]
    engine = Engine(make_index(tmp_path, docs))
    try:
        assert found_in(engine, "成都") == ["zh"]
        assert found_in(engine, "アクセラレータ") == ["ja"]
    finally:
        engine.close()
