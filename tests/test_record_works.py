"""One work, many copies: snapshots of one page are versions, the latest first; a wire's
reprint of a statement is a copy of APEC's, which is primary; two years' statements that
share a paragraph stay apart; a staging host's statement is shown at www.apec.org; search
totals, facets and commitments count each work once."""

from indexer.commitments.store import find_commitments
from indexer.record.store import load_meetings
from indexer.record.works import find_works, trusted_canonicals
from indexer.search import Engine
from tests.helpers import make_document, make_index

ALIASES = {  # as corpus/sources.toml has them
    "www.apec.org": "https://www.apec.org",
    "apec.org": "https://www.apec.org",
    "apec-stg.sitefinity.cloud": "https://www.apec.org",
}
STATEMENT = [
    "We, the APEC Ministers responsible for SMEs, met in Lakeside, Atlantis on 4 May 2031.",
    "We recognise that small firms make up most businesses of the region and employ most of"
    " its workers, and that access to finance, markets and digital tools remains uneven.",
    "We agree to widen access to finance for women-owned enterprises through credit guarantee"
    " schemes and to report on progress at our next meeting.",
    "We instruct officials to simplify customs procedures for small exporters and to publish"
    " the cost of registering a business in each economy in plain language.",
    "We welcome the work of the SME Working Group on cross-border e-commerce and thank"
    " Atlantis for its hospitality.",
]
GROUP_PAGE = [
    "The Small and Medium Enterprises Working Group works to encourage the development of"
    " small firms and to build their capacity to engage in international trade.",
    "Its work plan covers entrepreneurship, innovation, access to finance and markets, and"
    " the digital economy, and it reports to senior officials every year.",
    "The group meets twice a year; its members are officials of the region's economies.",
]


def doc(url: str, title: str, paragraphs: list[str], **fields):
    fields.setdefault("publisher", "APEC")
    return make_document(url, title, paragraphs, **fields)


def statement(url: str = "https://www.apec.org/meeting-papers/sme/2031_sme", **fields):
    fields.setdefault("doc_type", "ministerial_statement")
    return doc(url, "2031 SME Ministerial Statement", STATEMENT, year=2031, **fields)


def reprint():
    return doc(
        "https://wire.example/2031/05/ministers-issue-joint-statement",
        "Lakeside SME Ministers Issue Joint Statement",
        ["Ministers released the following statement on Friday."] + STATEMENT,
        year=2031,
        doc_type="news_article",
        publisher="Wire",
    )


def test_snapshots_of_one_page_are_versions_the_latest_first():
    snapshots = [
        doc(url, "SME Working Group", GROUP_PAGE, date=date, year=int(date[:4]))
        for url, date in (
            ("http://www.apec.org/Groups/SMEWG.aspx", "2015-03-01"),
            ("https://apec.org/groups/smewg", "2019-06-01"),
            ("https://www.apec.org/groups/smewg/", "2023-02-01"),
        )
    ]  # fmt: skip
    (work,) = find_works(snapshots, ALIASES)
    assert work.id == snapshots[2].id
    assert sorted(work.kinds.values()) == ["primary", "version", "version"]
    # a snapshot known by its year alone is ordered by it
    undated = doc("https://www.apec.org/groups/smewg", "SME Working Group", GROUP_PAGE, year=2024)
    (work,) = find_works([*snapshots, undated], ALIASES)
    assert work.members == (undated.id, snapshots[2].id, snapshots[1].id, snapshots[0].id)


def test_a_wires_reprint_is_a_copy_of_apecs_statement():
    own, copy = statement(), reprint()
    (work,) = find_works([copy, own], ALIASES)
    assert work.id == own.id and work.kinds[copy.id] == "copy"


def test_a_transcribed_copy_with_page_numbers_is_a_copy():
    # a document-sharing site's transcription: page numbers run into the text, one of them
    # in the middle of a sentence where a page broke it (0.93 of the shingles in common)
    lines = list(STATEMENT)
    lines[0] = f"1 1 {lines[0]}"
    for i, number in ((2, "2"), (4, "3")):
        words = lines[i].split()
        lines[i] = " ".join(words[: len(words) // 2] + [number] + words[len(words) // 2 :])
    transcribed = doc(
        "https://docs-share.example/12345-sme-ministerial-statement.html",
        "SME Ministerial Statement",
        lines,
        year=2031,
        doc_type="other",
        publisher="Docs Share",
    )
    (work,) = find_works([transcribed, statement()], ALIASES)
    assert work.id == statement().id and work.kinds[transcribed.id] == "copy"


def test_two_years_statements_sharing_a_paragraph_stay_apart():
    other = doc(
        "https://www.apec.org/meeting-papers/sme/2032_sme",
        "2032 SME Ministerial Statement",
        STATEMENT[:1]
        + [
            "We discussed how the digital economy opens new markets to micro-enterprises in"
            " remote and rural communities and to firms led by young entrepreneurs.",
            "We endorse the Harbour Roadmap on green and circular business models and ask the"
            " working group to draw up a plan for its first three years.",
        ],
        year=2032,
        doc_type="ministerial_statement",
    )
    assert len(find_works([statement(), other], ALIASES)) == 2


def test_a_staging_hosts_statement_is_shown_at_www_apec_org(tmp_path):
    staged = statement("http://apec-stg.sitefinity.cloud/meeting-papers/sme/2031_sme")
    index = make_index(tmp_path, [staged])
    engine = Engine(index)
    (result,) = engine.search("customs procedures")["results"]
    origin = "https://www.apec.org/meeting-papers/sme/2031_sme"
    assert result["url"] == origin
    engine.close()
    # its commitments and the meeting's evidence are cited there too, as search cites it
    commitments = find_commitments(index)
    assert commitments and {(c.url, c.link.split("#")[0]) for c in commitments} == {
        (origin, origin)
    }
    evidence = [e for m in load_meetings(index) for e in m["evidence"]]
    assert evidence and {(e["url"], e["link"].split("#")[0]) for e in evidence} == {
        (origin, origin)
    }


def test_search_and_commitments_count_each_work_once(tmp_path):
    docs = [statement(), reprint(), statement("https://docs.example/2031-sme-statement")]
    index = make_index(tmp_path, docs)
    engine = Engine(index)
    found = engine.search("customs procedures")
    assert found["total"] == 1 and found["facets"]["year"] == {"2031": 1}
    (result,) = found["results"]
    assert result["url"] == docs[0].canonical_url and result["work_id"] == docs[0].id
    assert {c["url"]: c["kind"] for c in result["copies"]} == {
        docs[1].canonical_url: "copy",
        docs[2].canonical_url: "copy",
    }
    assert engine.stats()["documents"] == 1
    page = engine.document(docs[1].id)  # a copy is still readable, and points at its work
    assert page["work_id"] == docs[0].id and page["url"] == docs[1].canonical_url
    texts = [r.text for r in find_commitments(index)]
    assert len(texts) == len(set(texts)) and any("customs procedures" in t for t in texts)
    engine.close()


def test_a_look_alike_host_is_not_apecs_own():
    own = statement("https://www.apec.org.example.net/meeting-papers/sme/2031_sme")
    longer = reprint()  # the wire's text is the longer: with no APEC copy, it is primary
    (work,) = find_works([own, longer], ALIASES)
    assert work.id == longer.id


def test_a_canonical_holds_for_versions_and_not_for_other_text():
    """A snapshot naming the page at its canonical address (one paragraph changed) is that
    page; a page naming it while holding other text keeps its own address; pages naming an
    address not fetched keep it, whatever their text (snapshots of one page)."""
    canonical = "https://www.apec.org/meeting-papers/2031-sme"
    revised = [*STATEMENT[:-1], "We thank Atlantis for hosting the meeting in Lakeside."]
    absent = "https://www.apec.org/groups/sme"
    docs = [
        make_document(canonical, "Statement", STATEMENT),
        make_document("https://mirror.example/b", "Statement", revised, canonical_url=canonical),
        make_document("https://mirror.example/c", "Group", GROUP_PAGE, canonical_url=canonical),
        make_document("https://mirror.example/d", "Group", GROUP_PAGE, canonical_url=absent),
        make_document("https://mirror.example/e", "Group", STATEMENT, canonical_url=absent),
    ]
    trusted = trusted_canonicals(docs, ALIASES)
    assert [d.canonical_url for d in trusted] == [
        canonical,
        canonical,
        "https://mirror.example/c",
        absent,
        absent,
    ]
