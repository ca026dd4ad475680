"""Document types and publishers in the shapes real pages have: a headline about a
statement is news, a meeting's name as a title heads its statement, a speech on a news site
is a speech, a host year's site publishes releases, and a mirror's copy is typed and
published by the address it declares as canonical."""

import pytest

from indexer.extract import extract_bytes
from indexer.extract.doctype import classify
from indexer.extract.metadata import publisher_of

NEWS_OPENING = "Ministers from the region met on Friday and agreed on a plan, officials said."


@pytest.mark.parametrize(
    "title, url, publisher, expected",
    [
        # a story about a statement is not the statement
        (
            "Lakeside SME Ministers Issue Joint Statement",
            "https://wire.example/s/1",
            "Wire",
            "news_article",
        ),
        (
            "Ministerial Statement supports digital trade",
            "https://daily.example/x",
            "Daily",
            "news_article",
        ),
        (
            "Ministers endorse Harbour Declaration on start-ups",
            "https://www.apec.org/about/x",
            "APEC",
            "news_release",
        ),
        # a story about an initiative is not the initiative
        (
            "APEC adopts Riverton initiative on small firms",
            "https://post.example/a",
            "Post",
            "news_article",
        ),
        (
            "APEC backs Riverton's MSME action agenda",
            "https://times.example/b",
            "Times",
            "news_article",
        ),
        # a speech stays a speech on a news site
        (
            "Remarks by the Minister at the SME Ministerial Meeting",
            "https://gov.example/newsroom/2031/05/x",
            "Gov",
            "speech",
        ),
        (
            "Opening Speech by the Deputy Minister",
            "https://www.apec.org/press/news-releases/x",
            "APEC",
            "speech",
        ),
        (
            "Minister Ames - Address to the APEC SME Week Business Forum - Lakeside",
            "https://archive.example/minpub/Publication.asp?docnumber=31%2F34",
            "Archive",
            "speech",
        ),
        # APEC's features stand beside its releases
        (
            "New Centre to Build SME Skills",
            "https://www.apec.org/Press/Features/2031/0401_New_Centre",
            "APEC",
            "news_release",
        ),
    ],
)
def test_headlines_and_speeches(title, url, publisher, expected):
    assert classify(title, url, NEWS_OPENING, publisher=publisher) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Kingdom pushes SME promotion",
        "Ministry advances SME action agenda in APEC",
        "Pandemic accelerates the kingdom's digital agenda",
        "Ministers meeting concludes with plan for small firms",
    ],
)
def test_a_headlines_verb_tells_a_story_whatever_its_opening(title):
    plain = "The kingdom will host the ministers of the region in 2031."
    assert classify(title, "https://post.example/general/1", plain, publisher="Post") == (
        "news_article"
    )


def test_a_host_years_site_publishes_news_releases():
    url = "https://www.apeclakeside2031.example/media/news/minister-opens-sme-week"
    title = "Minister opens the SME Ministerial Meeting in Lakeside"
    assert classify(title, url, NEWS_OPENING, publisher="APEC Lakeside 2031") == "news_release"


@pytest.mark.parametrize(
    "opening",
    [
        "The Second APEC Ministerial Meeting on SMEs was held on 4-5 May in Lakeside, Atlantis.",
        "APEC Ministers and their representatives responsible for SMEs from Atlantis; Borealis;"
        " Caledonia gathered during 4-5 May 2031 in Lakeside for the Ninth APEC Ministerial"
        " Meeting on SMEs.",
    ],
)
def test_a_meeting_name_as_title_heads_its_statement(opening):
    for title in (
        "2031 APEC Small and Medium Enterprises Ministerial Meeting",
        "2031 APEC Small and Medium Enterprises Ministerial Meeting - Growing Together",
    ):
        url = "https://www.apec.org/meeting-papers/sectoral-ministerial-meetings/x/2031_sme"
        assert classify(title, url, opening, publisher="APEC") == "ministerial_statement"


def test_another_publishers_report_without_news_markup_is_a_story():
    opening = "Small firms need cheaper credit, a regional business leader told reporters."
    assert (
        classify(
            "Business leader wants cheaper credit",
            "https://site.example/post/9",
            opening,
            publisher="Site",
        )
        == "news_article"
    )
    assert (
        classify(
            "A history of the region",
            "https://site.example/post/9",
            "The region grew over many decades.",
            publisher="Site",
        )
        == "other"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://apec.sitefinity.cloud/meeting-papers/x",
        "http://apec-stg.sitefinity.cloud/meeting-papers/x",
        "https://www.apec.org./meeting-papers/x",
    ],
)
def test_apecs_cms_staging_and_dotted_hosts_are_apec(url):
    assert publisher_of(url) == "APEC"


def test_a_mirrors_copy_is_typed_and_published_by_its_canonical_address():
    page = (
        b"<html><head><title>Ministers meet on small business</title>"
        b'<link rel="canonical" href="https://www.apec.org/press/news-releases/2031/0505_sme">'
        b"</head><body><p>Ministers responsible for small business discussed finance in"
        b" Lakeside this week, the APEC Secretariat said in a note to the press.</p>"
        b"<p>They will meet again next year to review progress on the plan.</p></body></html>"
    )
    doc = extract_bytes(page, "http://127.0.0.1:8001/mirror/0505_sme", "text/html")
    assert doc.publisher == "APEC"
    assert doc.doc_type == "news_release"
    home = page.replace(b"/press/news-releases/2031/0505_sme", b"/")
    assert extract_bytes(home, "http://127.0.0.1:8001/mirror/0505_sme").publisher == "127.0.0.1"


def test_a_headline_over_a_statements_full_text_is_news():
    opening = (
        "We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2031.\n"
        "We agree to widen access to finance for small firms."
    )
    title = "Ministers Issue Joint Statement on SME Competitiveness"
    assert classify(title, "https://wire.example/s/2", opening, publisher="Wire") == "news_article"
    assert (
        classify(
            "Joint Ministerial Statement", "https://wire.example/s/3", opening, publisher="Wire"
        )
        == "ministerial_statement"
    )


def test_an_events_title_naming_a_declaration_is_not_the_declaration():
    title = "2031 Business Ethics for SMEs Forum: Realizing the Harbour Declaration"
    url = "https://projects.example/proposals/view?id=7"
    assert classify(title, url, "The forum brought together 120 participants.") != "declaration"
    assert classify("The Harbour Declaration on SME Ethics", url, "") == "declaration"


# Stories in the record's other languages, untitled as such pages often come, with no news
# markup: what tells them is their reported speech, their address or their credit line.
PLAIN = "The regional meeting on small firms took place over two days."


@pytest.mark.parametrize(
    "opening",
    [
        # reported speech
        "La ministra de la Producción señaló que apoyará a las pequeñas empresas del país.",
        "Pemerintah akan memperluas akses kredit untuk usaha kecil, ujar menteri di Lakeside.",
        "Idinaos ang pulong sa Lakeside, ayon sa kagawaran ng kalakalan.",
        "副大臣は中小企業の国際展開を支援すると述べた。",
        "장관은 중소기업의 디지털 전환을 지원하겠다고 말했다.",
        "部长表示,将进一步支持中小企业开拓国际市场。",
        # the reporter's or agency's credit
        "新聞網レイクサイド5月4日 (記者/山田 太郎)中小企業大臣会合が開幕した。",
        "중소기업 장관회의가 4일 막을 내렸다.\n홍길동기자 gildong@daily.example",
        "Agency.com, LAKESIDE, Atlantis – Para menteri membahas pembiayaan usaha kecil.",
    ],
)
def test_another_publishers_story_in_the_records_languages_is_news(opening):
    url = "https://daily.example/p/4471"
    assert classify("", url, PLAIN, publisher="Daily") == "other"  # the control
    assert classify("", url, opening, publisher="Daily") == "news_article"


@pytest.mark.parametrize(
    "url",
    [
        "https://diario.example/economia/ministra-impulsara-las-mypes-noticia/",
        "https://www.andes.example/Ingles/noticia-economies-back-msmes-557123.aspx",
        "https://canal.example/actualidad/empresarios-destacan-ventajas-n471234",
        "https://www.harian.example/ekonomi/tiga-prioritas-untuk-ukm-1411234",
        "https://sme.example/index.php/37-latest-news-updates/116-workshop",
        "https://jp.wire.example/2019-05/04/c_135831234.htm",
        "https://daily.example/kindle/2019-05/04/content_18541234.htm",
        "https://news.example/read/20190504/367/161234/menteri-bicara",
        "https://www.maeil.example/page/view/2019050409370981234",
        "https://m.pick.example/summary.html?cp=w3H&nid=2019050418055911234&pn=5",
    ],
)
def test_a_news_sites_section_or_dated_address_is_a_story(url):
    assert classify("", url, PLAIN, publisher="Daily") == "news_article"


@pytest.mark.parametrize(
    "url",
    [
        "https://blog.trade.example/2031/05/04/talking-about-small-business/",
        "https://gov.example/blog/2031/05/04/secretary-visits-lakeside",
        "https://docs.example/uploads/2031/05/04/compendium.pdf",
        "https://docs.example/doc/4471/compendium-on-methodologies",
    ],
)
def test_a_blog_post_a_file_or_a_document_store_is_not_a_story_by_its_address(url):
    assert classify("", url, PLAIN, publisher="Docs") == "other"


def test_a_host_years_news_section_publishes_releases():
    url = "https://www.apeclakeside2031.example/apec/media/news/first-senior-officials-meeting"
    title = "First Senior Officials' Meeting in Lakeside"  # no headline verb
    assert classify(title, url, PLAIN, publisher="APEC Lakeside 2031") == "news_release"
    other = "https://www.apeclakeside2031.example/apec/about/the-year"
    assert classify("The year's priorities", other, PLAIN, publisher="x") != "news_release"


def test_statements_and_speeches_are_not_stories_for_their_language_or_address():
    opening = (
        "We, the APEC Ministers responsible for SMEs, met in Lakeside on 4 May 2031.\n"
        "We welcome the plan, which the Chair said would guide our work."
    )
    url = "https://www.harian.example/ekonomi/2031/05/04/statement"
    title = "Joint Ministerial Statement"
    assert classify(title, url, opening, publisher="Harian") == "ministerial_statement"
    speech = "Remarks by the Minister at the SME Ministerial Meeting"
    assert classify(speech, url, opening, publisher="Harian") == "speech"


RECORD_OPENING = "\n".join(
    [
        "Harbour Town",
        "3-4 March 2041",
        "The 91st Meeting of the Small and Medium Enterprises Working Group (SMEWG) was held"
        " in Harbour Town, Atlantis on 3-4 March 2041.",
        "The meeting was attended by representatives from eleven member economies.",
        "Atlantis welcomed delegates and the meeting adopted the agenda.",
    ]
)


def test_a_page_opening_as_a_meetings_summary_record_is_a_meeting_report():
    url = "https://docs.example/91st-meeting-of-the-smewg"
    assert classify("", url, RECORD_OPENING, publisher="Docs") == "meeting_report"
    # the meeting held alone, or its proceedings alone, is not a record's opening
    held_only = "\n".join(RECORD_OPENING.splitlines()[:3])
    assert classify("", url, held_only, publisher="Docs") == "other"
    proceedings_only = "\n".join(RECORD_OPENING.splitlines()[3:])
    assert classify("", url, proceedings_only, publisher="Docs") == "other"


def test_a_story_telling_of_a_meeting_held_stays_a_story():
    story = f"LAKESIDE – Officials said on Friday that talks went well.\n{RECORD_OPENING}"
    assert classify("", "https://daily.example/a/9", story, publisher="Daily") == "news_article"


@pytest.mark.parametrize(
    "opening",
    [
        "48th SME Ministerial Meeting\nSpeech by Ambassador Jane Roe, Executive Director\n"
        "Ministers, we meet at a time of change.",
        "48th SME Ministerial Meeting\nHarbour Town, 4 May 2041\nYour Excellency Mr. Kim,"
        " Chair of the Meeting,\nHonourable Ministers,\nLadies and gentlemen,\n"
        "It is an honour to be here.",
        "Opening remarks by the Minister\nThank you all for coming.",
    ],
)
def test_a_page_opening_as_a_speech_is_a_speech(opening):
    url = "https://www.apec.org/Press/Blogs/2041/0504_sme"
    assert classify("48th SME Ministerial Meeting", url, opening, publisher="APEC") == "speech"


def test_a_story_or_a_statement_greeting_no_one_is_not_a_speech():
    url = "https://www.apec.org/Press/Blogs/2041/0504_sme"
    plain = "Ministers met in Harbour Town.\nThe distinguished delegates adopted a plan."
    assert classify("48th SME Ministerial Meeting", url, plain, publisher="APEC") != "speech"
    quoted = "Ministers heard a speech on finance.\nThe speech by the chair was short."
    assert classify("Meeting notes", url, quoted, publisher="APEC") != "speech"


def test_an_item_of_a_databases_list_is_a_web_page():
    url = "https://projects.example.org/sites/PDB/Lists/Proposals/DispForm.aspx?ID=9"
    opening = "Project Title\n2041 Forum on Small Firms\nProject Year\n2040"
    assert classify("2041 Forum on Small Firms", url, opening, publisher="APEC") == "web_page"
    # whatever its title says: a project named an initiative, a dialogue announced
    for title in ("Lakeside Innovation Initiative", "Policy Dialogue on Small Firms Launched"):
        assert classify(title, url, opening, publisher="APEC") == "web_page", title
    paper = "https://projects.example.org/sites/PDB/Lists/Proposals/Attachments/9/report.pdf"
    assert classify("2041 Forum on Small Firms", paper, opening, publisher="APEC") != "web_page"


def test_a_meetings_own_agenda_is_not_an_initiative():
    url = "https://docs.example/meeting-documents-9"
    assert classify("Draft Annotated Agenda", url, "1. Opening", publisher="Docs") != "initiative"
    assert classify("Provisional Agenda", url, "1. Opening", publisher="Docs") != "initiative"
    assert classify("Lakeside Agenda for Small Firms", url, "", publisher="Docs") == "initiative"


def test_a_headline_in_the_passive_is_a_release_on_a_host_years_site():
    url = "https://apec2041.example/harbour-action-agenda-plan-endorsed/"
    title = "Harbour Action Agenda plan endorsed"
    assert classify(title, url, PLAIN, publisher="APEC Lakeside 2041") == "news_release"


@pytest.mark.parametrize(
    "title",
    ["SMEWG Strategic Plan 2031-2034", "Small and Medium Enterprises Working Group Work Plan 2031"],
)
def test_the_groups_plans_are_plans(title):
    opening = "1. Deliverables for 2031. In response to ministers, the group will hold a workshop."
    assert classify(title, "https://docs.example/plan", opening) == "strategic_plan"
