"""Text in Korean, Japanese, Chinese or Thai is marked with its language (WCAG 2.1 SC 3.1.2,
Language of Parts), so that screen readers do not read it as English."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.helpers import make_document, make_index
from webapp import create_app
from webapp.templating import lang_attr

KOREAN = "제38차 APEC 중소기업 장관회의가 호반시에서 열렸다. 장관들은 금융 지원을 논의했다."
ENGLISH = "The 38th APEC SME Ministerial Meeting was held in Lakeside on 4 May 2031."


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        (KOREAN, "ko"),
        ("第38回APEC中小企業大臣会合が湖畔市で開かれた。", "ja"),  # kana among Han
        ("第38届亚太经合组织中小企业部长会议在湖畔市举行。", "zh"),
        ("การประชุมรัฐมนตรี SME เอเปค ครั้งที่ 38", "th"),
        (ENGLISH, None),
        ("Ministers met in <mark>Nanjing</mark> (南京) in 2014.", None),  # a word, not the text
        ("", None),
    ],
)
def test_a_text_mostly_in_one_script_is_marked_with_its_language(text, tag):
    assert str(lang_attr(text)) == (f' lang="{tag}"' if tag else "")


def test_results_and_documents_in_korean_are_marked(tmp_path):
    docs = [
        make_document("https://wire.example/ko", "중소기업 장관회의", [KOREAN], year=2031),
        make_document("https://wire.example/en", "Ministers meet", [ENGLISH], year=2031),
    ]
    client = create_app({"INDEX_DIR": make_index(tmp_path, docs), "TESTING": True}).test_client()
    soup = BeautifulSoup(client.get("/search?q=APEC").get_data(as_text=True), "lxml")
    snippets = soup.select(".result .snippet")
    assert sorted(str(p.get("lang")) for p in snippets) == ["None", "ko"]
    doc_id = client.get("/api/search?q=장관회의").get_json()["results"][0]["id"]
    page = BeautifulSoup(client.get(f"/doc/{doc_id}").get_data(as_text=True), "lxml")
    assert page.h1.get("lang") == "ko" and page.select_one(".ptext").get("lang") == "ko"
