"""Compounds and acronyms meet in all their spellings, at index and at query time."""

import pytest

from indexer.index import analysis
from indexer.index.queries import closed_compounds, open_compounds
from indexer.search.engine import Engine
from tests.helpers import make_document, make_index
from tests.match_fixtures import match_engine, match_index, slugs  # noqa: F401


def tokens(analyzer, text: str, **options) -> list[str]:
    return [t.text for t in analyzer(text, **options)]


def test_a_hyphenated_compound_is_indexed_as_its_parts_and_joined():
    assert tokens(analysis.PLAIN, "cross-border e-commerce") == [
        "cross", "border", "crossborder", "e", "commerce", "ecommerce",
    ]  # fmt: skip
    positions = [(t.text, t.pos) for t in analysis.PLAIN("co-operation works", positions=True)]
    assert positions == [("co", 0), ("operation", 1), ("cooperation", 1), ("works", 2)]


def test_at_query_time_a_compound_is_not_joined_by_the_analyzer():
    assert tokens(analysis.PLAIN, "cross-border", mode="query") == ["cross", "border"]


def test_a_lone_e_before_a_word_is_joined_to_it_when_indexing():
    assert tokens(analysis.PLAIN, "e commerce") == ["e", "commerce", "ecommerce"]
    assert tokens(analysis.PLAIN, "(e) promote") == ["e", "promote"]


def test_dotted_acronyms_lose_their_dots():
    assert tokens(analysis.PLAIN, "U.S. and A.P.E.C. e.g. 3.14") == [
        "us", "and", "apec", "eg", "3.14",
    ]  # fmt: skip
    assert tokens(analysis.STEM, "U.S.", mode="query") == ["us"]


@pytest.mark.parametrize(
    ("queries", "expected"),
    [
        (["e-commerce", "ecommerce", "e commerce"], {"hyphens", "closed", "spaced"}),
        (["co-operation", "cooperation"], {"hyphens", "closed"}),
        # "cross border" too, which the index writes open: a closed word finds it
        (["cross-border", "crossborder"], {"hyphens", "closed", "spaced"}),
        (["small-scale", "smallscale"], {"hyphens", "closed"}),
        (["U.S. delegation", "US delegation"], {"hyphens", "closed"}),
        (["A.P.E.C. fellowship", "APEC fellowship", "A.P.E.C fellowship"], {"hyphens", "closed"}),
    ],
)
def test_each_spelling_finds_every_spelling(match_engine, queries, expected):  # noqa: F811
    for q in queries:
        assert set(slugs(match_engine.search(q)["results"])) == expected, q


def test_two_words_find_their_compound_in_every_spelling(match_engine):  # noqa: F811
    # "crossborder" is a word of two documents: the words side by side are read as it
    every = {"hyphens", "closed", "spaced"}
    assert set(slugs(match_engine.search("cross border")["results"])) == every
    assert set(slugs(match_engine.search("small scale")["results"])) == {"hyphens", "closed"}


def test_only_plain_words_known_joined_are_read_as_a_compound():
    known = {"startups", "policymakers", "informal", "crossborder"}.__contains__
    assert open_compounds("policy makers for start ups", known) == [
        ("policy", "makers"),
        ("start", "ups"),
    ]
    assert open_compounds("policy maker", known) == [("policy", "maker")]  # either number
    for left_alone in (
        '"start ups"',  # quoted: the words as typed
        "title:start ups",  # a field's value
        "start OR ups",
        "in formal",  # a stop word
        "start now",  # "startnow" is not a word of the index, in either number
        "cross 2 border",
    ):
        assert open_compounds(left_alone, known) == []


@pytest.fixture
def engine_of(tmp_path):
    """``engine_of(sentence, {slug: text})``: an engine over one document per slug, its
    text put in ``sentence``; closed after the test."""
    engines: list[Engine] = []

    def make(sentence: str, texts: dict[str, str]) -> Engine:
        docs = [
            make_document(f"https://example.org/{slug}", f"Report {i}", [sentence.format(text)])
            for i, (slug, text) in enumerate(texts.items())
        ]
        engines.append(Engine(make_index(tmp_path / f"index-{len(engines)}", docs)))
        return engines[-1]

    yield make
    for engine in engines:
        engine.close()


# One compound written closed, hyphenated and open, and its words apart
POLICY_MAKERS = {
    "closed": "helped policymakers",
    "closed-too": "briefed the policymakers",
    "hyphens": "briefed policy-makers",
    "open": "met policy makers",
    "apart": "set a policy that makers of boats liked",
    "other": "met makers of boats",
}

POLICY_SENTENCE = "Members {} in ports."


def test_words_read_as_a_compound_still_match_apart(engine_of):
    policy_engine = engine_of(POLICY_SENTENCE, POLICY_MAKERS)
    found = policy_engine.search("policy makers")
    assert set(slugs(found["results"])) == set(POLICY_MAKERS) - {"other"}
    closed = next(r for r in found["results"] if slugs([r]) == ["closed"])
    assert "<mark>policymakers</mark>" in closed["snippet"]


def test_an_open_form_is_highlighted_where_its_words_stand_together(engine_of):
    engine = engine_of(POLICY_SENTENCE, {**POLICY_MAKERS, "both": "met policy makers on a policy"})
    (found,) = [r for r in engine.search("policymakers")["results"] if r["url"].endswith("both")]
    assert "<mark>policy</mark> <mark>makers</mark>" in found["snippet"]
    assert found["snippet"].count("<mark>") == 2  # the "policy" standing alone is not marked


def test_the_matched_spellings_are_highlighted(match_engine):  # noqa: F811
    (closed,) = [
        r for r in match_engine.search("e-commerce")["results"] if "Eastvale" in r["title"]
    ]
    assert "<mark>ecommerce</mark>" in closed["snippet"]


def test_an_exact_phrase_with_a_compound_matches_the_hyphenated_text(match_engine):  # noqa: F811
    found = match_engine.search('"regulatory co-operation"')
    assert slugs(found["results"]) == ["hyphens"]


def test_a_compounds_parts_are_next_to_each_other_not_anywhere(tmp_path):
    docs = [
        make_document(
            "https://example.org/co-op", "Ports", ["Members praised co-operation on ports."]
        ),
        make_document(
            "https://example.org/apart", "Fund", ["Members co-sponsored a fund to operate ports."]
        ),
    ]
    engine = Engine(make_index(tmp_path, docs))
    assert slugs(engine.search("co-operation")["results"]) == ["co-op"]
    engine.close()


def test_a_compound_in_either_number_finds_its_parts_side_by_side_in_either(engine_of):
    engine = engine_of(
        "Members helped {} grow.",
        {
            "spaced-plural": "micro enterprises",
            "spaced-one": "the micro enterprise of a fisher",
            "hyphens": "micro-enterprises",
            "closed": "microenterprises",
        },
    )
    every = {"spaced-plural", "spaced-one", "hyphens", "closed"}
    assert set(slugs(engine.search("micro-enterprise")["results"])) == every
    assert set(slugs(engine.search("micro-enterprises")["results"])) == every
    assert set(slugs(engine.search("micro enterprises")["results"])) == every


def test_a_compound_finds_its_open_form_where_the_index_writes_it(engine_of):
    policy_engine = engine_of(POLICY_SENTENCE, POLICY_MAKERS)
    written = {"closed", "closed-too", "hyphens", "open"}  # not its words apart
    found = policy_engine.search("policymakers")
    assert set(slugs(found["results"])) == written
    opened = next(r for r in found["results"] if slugs([r]) == ["open"])
    assert "<mark>policy</mark> <mark>makers</mark>" in opened["snippet"]
    ranks = slugs(found["results"])
    assert ranks.index("open") > max(ranks.index("closed"), ranks.index("closed-too"))
    quoted = policy_engine.search('"policymakers"')
    assert set(slugs(quoted["results"])) == written - {"open"}
    # either number: the singular finds the plural's open form, and the open form
    # typed in the singular the plural's closed one
    assert set(slugs(policy_engine.search("policymaker")["results"])) == written
    opened = set(slugs(policy_engine.search("policy maker")["results"]))
    assert opened == set(slugs(policy_engine.search("policy makers")["results"])) > written


def test_a_passage_writing_a_compound_both_ways_counts_it_once(engine_of):
    engine = engine_of(
        "Members briefed {} in ports.",
        {"hyphens": "start-ups", "closed": "startups", "open": "start ups"},
    )
    scores = {slugs([r])[0]: r["score"] for r in engine.search("startups")["results"]}
    assert set(scores) == {"hyphens", "closed", "open"}
    assert scores["hyphens"] <= scores["closed"]  # "start-ups": the longer passage


def test_only_words_written_open_side_by_side_get_an_open_form(engine_of):
    engine = engine_of(
        "Staff {} at the port.",
        {
            "a": "ran the workshop and the roadmap",
            "b": "ran a workshop on the road map",
            "c": "saw work at the shop",
            "d": "saw work and a shop and a road map and a roadmap",
        },
    )
    opened = {w: engine.search(w)["total"] for w in ("workshop", "roadmap")}
    assert opened == {"workshop": 2, "roadmap": 3}  # "work ... shop" is not "workshop"


def test_only_plain_words_are_read_as_a_closed_compound():
    forms = {"policymakers": ("policy", "makers"), "startups": ("start", "ups")}.get
    assert closed_compounds("Policymakers and startups", forms) == [
        ("Policymakers", ("policy", "makers")),
        ("startups", ("start", "ups")),
    ]
    for left_alone in ('"policymakers"', "title:policymakers", "-startups", "startups*"):
        assert closed_compounds(left_alone, forms) == []


# One share written with the sign, as a word and open, and the number alone
SHARES = {
    "sign": "make up 97% of firms",
    "spaced-sign": "make up 97 % of firms",
    "word": "make up 97 percent of firms",
    "open": "make up 97 per cent of firms",
    "open-too": "are 97 per cent of all firms",
    "number": "counted 97 firms",
}

SHARE_SENTENCE = "Members said small firms {} in ports."


@pytest.mark.parametrize("q", ["97%", "97 percent", "97 per cent", "97 % of firms"])
def test_a_per_cent_sign_and_the_word_find_each_other(engine_of, q):
    share_engine = engine_of(SHARE_SENTENCE, SHARES)
    found = set(slugs(share_engine.search(q)["results"]))
    assert found == set(SHARES) - {"number"}, q


def test_a_quoted_share_is_the_phrase_in_either_writing(engine_of):
    share_engine = engine_of(SHARE_SENTENCE, SHARES)
    found = slugs(share_engine.search('"97 percent"')["results"])
    assert set(found) == {"sign", "spaced-sign", "word"}


def test_the_per_cent_sign_is_highlighted_for_the_word(engine_of):
    share_engine = engine_of(SHARE_SENTENCE, SHARES)
    (sign,) = [r for r in share_engine.search("97 percent")["results"] if slugs([r]) == ["sign"]]
    assert "<mark>97</mark><mark>%</mark> of firms" in sign["snippet"]


def test_words_joined_without_a_space_are_indexed_apart_and_whole():
    # as text extracted from a PDF joins a heading to the line after it
    found = [
        (t.text, t.pos)
        for t in analysis.PLAIN("SMEWG MeetingVancouver 34thmeeting", positions=True)
    ]
    assert found == [
        ("smewg", 0), ("meeting", 1), ("vancouver", 2), ("meetingvancouver", 2),
        ("34th", 3), ("meeting", 4), ("34thmeeting", 4),
    ]  # fmt: skip
    assert tokens(analysis.PLAIN, "MeetingVancouver", mode="query") == ["meetingvancouver"]
    # capitals alone, an ordinal before a number or a short word: no word boundary
    assert tokens(analysis.PLAIN, "APEC MSMEs 4th2 5thab") == ["apec", "msmes", "4th2", "5thab"]


JOINED = {
    "joined": "the 18th SMEWG MeetingVancouver, Canada",
    "spaced": "the 18th SMEWG Meeting, Vancouver, Canada",
    "other": "the 18th SMEWG Meeting, Ottawa, Canada",
}


def test_a_word_joined_to_the_one_before_it_is_found_and_marked(engine_of):
    engine = engine_of("Agenda of {}.", JOINED)
    found = engine.search("Vancouver")["results"]
    assert set(slugs(found)) == {"joined", "spaced"}
    joined = next(r for r in found if slugs([r]) == ["joined"])
    assert "Meeting<mark>Vancouver</mark>" in joined["snippet"]
    # the whole, as the page writes it, still finds it
    assert slugs(engine.search("MeetingVancouver")["results"]) == ["joined"]
