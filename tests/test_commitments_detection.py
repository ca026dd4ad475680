"""Commitment detection: verbs, strengths, actors, negatives, numbered paragraphs and lists."""

import pytest

from indexer.commitments import detect, extract_commitments
from indexer.model import Document, Paragraph


def statement(
    *paragraphs: Paragraph | str, content_type: str = "html", truncated: bool = False
) -> Document:
    url = "https://example.org/sme/2016-statement"
    return Document(
        url=url,
        final_url=url,
        canonical_url=url,
        title="2016 SME Ministerial Statement",
        content_type=content_type,
        sha256="a" * 64,
        doc_type="ministerial_statement",
        year=2016,
        date="2016-09-05",
        meeting_number=23,
        truncated=truncated,
        paragraphs=[p if isinstance(p, Paragraph) else Paragraph(p) for p in paragraphs],
    )


@pytest.mark.parametrize(
    ("sentence", "verb", "strength", "actor"),
    [
        ("We commit to reducing barriers to trade for small firms.", "commit", "strong", "We"),
        ("We are committed to inclusive growth.", "commit", "strong", "We"),
        ("We reaffirm our commitment to the Bogor Goals.", "commit", "strong", "We"),
        ("Ministers agreed to hold a dialogue on start-ups.", "agree", "strong", "Ministers"),
        # verbs the real statements use (bench/data/real)
        ("Ministers concurred that small firms drive growth.", "concur", "strong", "Ministers"),
        ("Ministers recommended that economies share data.", "recommend", "medium", "Ministers"),
        (
            "Ministers congratulated Atlantis for hosting the forum.",
            "congratulate",
            "weak",
            "Ministers",
        ),
        ("We endorse the SMEWG Strategic Plan 2017-2020.", "endorse", "strong", "We"),
        ("We instruct officials to report progress next year.", "instruct", "strong", "We"),
        ("Ministers will continue to work together on trade.", "will", "strong", "Ministers"),
        ("The SMEWG will present a report in 2019.", "will", "strong", "the SMEWG"),
        ("We will encourage economies to cut red tape.", "encourage", "strong", "We"),
        ("We encourage economies to share good practice.", "encourage", "medium", "We"),
        ("We support the work of the SMEWG on data.", "support", "medium", "We"),
        ("Ministers called on economies to ease licensing.", "call on", "medium", "Ministers"),
        ("We call upon the private sector to join.", "call on", "medium", "We"),
        ("We welcome the report on MSME finance.", "welcome", "weak", "We"),
        ("We note with concern the impact of the pandemic.", "note", "weak", "We"),
        ("Leaders took note of the progress made.", "note", "weak", "Leaders"),
        ("We recognise the role of women in business.", "recognise", "weak", "We"),
        ("We recognize the role of youth.", "recognise", "weak", "We"),
        ("Officials noted the survey results.", "note", "weak", "officials"),
        ("Senior Officials endorsed the work plan.", "endorse", "strong", "Senior Officials"),
    ],
)
def test_verb_strength_and_actor(sentence, verb, strength, actor):
    found = detect(sentence)
    assert found is not None
    assert (found.verb, found.strength, found.actor) == (verb, strength, actor)


def test_coordinated_verbs_take_the_strongest():
    found = detect("Recognising the role of women, we welcome and endorse the Roadmap.")
    assert (found.verb, found.strength) == ("endorse", "strong")


def test_apposition_after_we():
    found = detect("We, the APEC Ministers responsible for SMEs, agree to act on finance.")
    assert (found.actor, found.verb) == ("We", "agree")


@pytest.mark.parametrize(
    "sentence",
    [
        "Our commitment to MSMEs remains strong.",
        "Our commitments under the Bogor Goals were reviewed by officials.",
        "The report tracks the commitments made by economies since 2010.",
        "Commitment by all economies is needed to close the finance gap.",
        "We, the APEC Ministers responsible for SMEs, met in Lima on 5 September 2016.",
        "The plan we endorsed in 2015 remains relevant.",
        "MSMEs, which we support through many programmes, employ half the workforce.",
        "We do not support protectionist measures.",
        "The next meeting will be held in Viet Nam.",
        "SMEs account for over 97 per cent of all businesses in APEC economies.",
        "We thank Peru for hosting the meeting.",
        "",
    ],
)
def test_sentences_without_a_commitment(sentence):
    assert detect(sentence) is None


def test_records_carry_document_metadata_and_a_deep_link():
    (record,) = extract_commitments(statement("We agree to promote e-commerce for MSMEs."))
    data = record.to_dict()
    for key in ("text", "verb", "strength", "actor", "topics", "year", "title", "url", "link"):
        assert key in data
    assert data["text"] == "We agree to promote e-commerce for MSMEs."
    assert data["year"] == 2016 and data["meeting_number"] == 23
    assert data["url"] == "https://example.org/sme/2016-statement"
    assert data["link"].startswith(data["url"] + "#:~:text=We%20agree%20to%20promote")
    assert data["topics"] == ["digitalisation"]


def test_pdf_records_link_to_their_page():
    doc = statement(Paragraph("We endorse the plan.", page=4), content_type="pdf")
    (record,) = extract_commitments(doc)
    assert record.link == "https://example.org/sme/2016-statement#page=4"
    assert record.page == 4


def test_each_numbered_paragraph_gives_its_own_record():
    doc = statement(
        Paragraph("Joint Statement", kind="h"),
        "1. We, the Ministers responsible for SMEs, met in Lima, Peru.",
        "11. We welcome the progress of the SMEWG. 12. We agree to promote e-commerce.",
        "13. We note with concern the slow uptake of digital tools by H.E. Mr. Tan's office.",
    )
    records = extract_commitments(doc)
    assert [(r.paragraph_number, r.verb, r.strength) for r in records] == [
        (11, "welcome", "weak"),
        (12, "agree", "strong"),
        (13, "note", "weak"),
    ]
    assert records[1].text == "We agree to promote e-commerce."
    assert records[2].text.endswith("by H.E. Mr. Tan's office.")


def test_each_bullet_of_an_instruction_list_is_a_record_verbatim_with_its_lead_in_apart():
    doc = statement(
        "We instruct officials to:",
        Paragraph("develop a toolkit on access to finance;", kind="li"),
        "– report on women's entrepreneurship by 2018; and",
        Paragraph("(c) review data on informal enterprises.", kind="li"),
        "The next meeting will be held in Viet Nam.",
    )
    records = extract_commitments(doc)
    assert [r.text for r in records] == [
        "develop a toolkit on access to finance",
        "report on women's entrepreneurship by 2018",
        "review data on informal enterprises.",
    ]
    # each text is exactly as the document has it: never the lead-in glued to the item
    assert all(r.text in doc.paragraphs[r.position].text for r in records)
    assert all(r.verb_span is None for r in records)  # the verb is in the lead-in
    assert {(r.actor, r.verb, r.strength) for r in records} == {("We", "instruct", "strong")}
    assert [r.position for r in records] == [1, 2, 3]
    assert all(r.lead_in == "We instruct officials to:" for r in records)
    assert records[0].topics == ["access-to-finance"]
    assert "informal-economy" in records[2].topics
    # the deep link points at the item itself, not the lead-in
    assert "#:~:text=develop%20a%20toolkit" in records[0].link


def test_a_list_item_with_its_own_actor_and_verb_keeps_them():
    doc = statement(
        "We agree on the following:",
        Paragraph("officials will publish a guide;", kind="li"),
        Paragraph("Ministers welcome the survey.", kind="li"),
    )
    records = extract_commitments(doc)
    assert [(r.actor, r.verb, r.lead_in) for r in records] == [
        ("officials", "will", None),
        ("Ministers", "welcome", None),
    ]


def test_inline_enumerated_list_gives_a_record_per_item():
    doc = statement(
        "We encourage economies to: (a) reduce red tape for start-ups; (b) support green "
        "growth; and (c) strengthen disaster resilience."
    )
    records = extract_commitments(doc)
    assert [r.text for r in records] == [
        "reduce red tape for start-ups",
        "support green growth",
        "strengthen disaster resilience.",
    ]
    assert {r.lead_in for r in records} == {"We encourage economies to:"}
    assert all(r.text in doc.paragraphs[0].text for r in records)
    assert [r.topics for r in records] == [
        ["startups-and-entrepreneurship"],
        ["green-bcg"],
        ["disaster-resilience"],
    ]
    assert {r.strength for r in records} == {"medium"}


@pytest.mark.parametrize("after", [["The meeting closed at noon."], []])
def test_a_lead_in_without_its_list_is_no_record(after):
    # its items are missing (the text stops, or goes on with something else): nothing is listed
    for lead_in in ("We endorse the following priorities:", "Ministers endorsed the projects:-"):
        assert extract_commitments(statement(lead_in, *after)) == []


def test_a_lead_in_is_context_for_items_numbered_afresh_under_it():
    doc = statement(
        "5. We endorse the following priority areas for 2041-2044:",
        "1. Building management capability;",
        "2. Financing; and",
        "3. Market access.",
        "6. We agree to expand credit guarantees.",
    )
    records = extract_commitments(doc)
    lead_in = "We endorse the following priority areas for 2041-2044:"
    assert [(r.lead_in, r.text) for r in records] == [
        (lead_in, "Building management capability"),
        (lead_in, "Financing"),
        (lead_in, "Market access."),
        (None, "We agree to expand credit guarantees."),
    ]
    assert all(r.text in doc.paragraphs[r.position].text for r in records)


def test_a_sentence_cut_mid_word_is_no_record():
    doc = statement(
        "Ministers welcomed the survey. Ministers welcomed the proposal to explore disaster pre",
        truncated=True,
    )
    assert [r.text for r in extract_commitments(doc)] == ["Ministers welcomed the survey."]
    # a short last line the extractor did not flag, cut as a list item
    cut = Paragraph("Ministers recognised the imp", "li")
    doc = statement("Ministers welcomed the survey.", cut)
    assert [r.text for r in extract_commitments(doc)] == ["Ministers welcomed the survey."]
    # any sentence that does not end as one ends, wherever it is
    doc = statement("We endorse the Strategy for Green and Innova", "We agree to act.")
    assert [r.text for r in extract_commitments(doc)] == ["We agree to act."]


def test_a_list_item_of_several_sentences_gives_one_record_each_and_drops_a_cut_one():
    doc = statement(
        "The meeting achieved consensus on the following:",
        Paragraph(
            "We, Westland, are committed to the Harbour Vision.We acknowledge the role of"
            " MSMEs in the region. MSMEs make up more than 90 percent of our reg",
            "li",
        ),
        truncated=True,
    )
    assert [(r.text, r.lead_in) for r in extract_commitments(doc)] == [
        ("We, Westland, are committed to the Harbour Vision.", None),
        ("We acknowledge the role of MSMEs in the region.", None),
    ]


def test_list_items_after_a_non_commitment_are_not_records():
    doc = statement(
        "The plan has three priorities:",
        Paragraph("access to finance;", kind="li"),
        Paragraph("digitalisation.", kind="li"),
    )
    assert extract_commitments(doc) == []


def test_headings_are_skipped():
    doc = statement(Paragraph("We Agree To Act", kind="h"))
    assert extract_commitments(doc) == []


@pytest.mark.parametrize(
    ("paragraphs", "verb_text"),
    [
        (["In 2020, we welcome and endorse the Roadmap."], "welcome and endorse"),
        (["Ministers will also continue to work on data."], "will"),
        (["The SMEWG will encourage economies to act."], "will encourage"),
        (["We are committed to inclusive growth."], "committed"),
    ],
)
def test_verb_span_marks_the_verb_in_the_text(paragraphs, verb_text):
    (record,) = extract_commitments(statement(*paragraphs))
    start, end = record.verb_span
    assert record.text[start:end] == verb_text


def test_a_sentence_referring_back_takes_the_topics_of_the_one_before():
    doc = statement(
        "3. Ministers set programs for SMEs in the areas of skills, financing and market access."
        " An Action Program to achieve these objectives was endorsed by Ministers."
    )
    (record,) = extract_commitments(doc)
    assert record.text.startswith("An Action Program")
    assert "access-to-finance" in record.topics
