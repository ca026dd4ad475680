"""Calibration: a probability that never falls as the ranker's evidence rises, read with its
threshold from the fitted file (never a literal in the code), and a clear error for a bad
file."""

import json

import pytest

from indexer.ask import answer, calibration
from indexer.ask.answer import Considered, Scored, calibrate
from indexer.ask.calibration import FEATURES, Calibration, CalibrationError, read_calibration
from indexer.ask.question import analyse
from indexer.ask.record import other_meetings_values
from indexer.search.engine import Engine
from tests.ask_corpus import DOCS
from tests.helpers import make_document, make_index

QUESTION = "Who chaired the 2021 SME ministerial meeting?"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = Engine(make_index(tmp_path_factory.mktemp("calibration"), DOCS))
    yield eng
    eng.close()


@pytest.fixture
def fitted_file(tmp_path, monkeypatch):
    """Point the ask stage at a calibration file of the test's own."""

    def write(**changes):
        data = json.loads(calibration.CALIBRATION_FILE.read_text(encoding="utf-8")) | changes
        path = tmp_path / "calibration.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        monkeypatch.setattr(calibration, "CALIBRATION_FILE", path)
        calibration.calibration.cache_clear()
        return path

    yield write
    calibration.calibration.cache_clear()


def test_the_probability_never_falls_as_a_feature_rises():
    fitted = calibration.calibration()
    assert set(fitted.weights) <= set(FEATURES)
    base = {"score": 0.5, "span": 0.0, "document": 0.0, "context": 0.5, "first": 0, "fits": 1}
    for name in FEATURES:
        probabilities = [
            fitted.probability(base | {name: value}) for value in (-1, 0, 0.25, 0.5, 1, 1.5, 2)
        ]
        assert probabilities == sorted(probabilities), name
        assert all(0 < p < 1 for p in probabilities)


def test_the_threshold_is_the_fitted_files(engine, fitted_file):
    fitted_file(threshold=0.999999)
    assert answer(engine, QUESTION)["confident"] is False
    fitted_file(threshold=0.000001)
    found = answer(engine, QUESTION)
    assert found["confident"] is True and found["answers"][0]["span"] == "Hon. Mere Tawhiri"
    assert found["answers"][0]["likelihood"] == "likely"


def test_the_confidence_is_the_fitted_probability(engine, fitted_file):
    fitted_file(bias=-40.0, threshold=0.5)  # every sentence all but surely wrong
    found = answer(engine, QUESTION)
    assert not found["confident"]
    assert all(a["confidence"] < 0.01 for a in found["answers"])
    assert {a["likelihood"] for a in found["answers"]} == {"unlikely"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not a calibration file"),
        (
            '{"weights": {}, "bias": 0, "threshold": 0.9}',
            "is not a calibration file",
        ),
        (
            '{"weights": {"moon": 1}, "bias": 0, "threshold": 0.9, "record": 0.9}',
            "moon",
        ),
        (
            '{"weights": {}, "bias": 0, "threshold": 3, "record": 0.9}',
            "probabilities",
        ),
    ],
)
def test_a_bad_calibration_file_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "calibration.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CalibrationError, match=message):
        read_calibration(path)
    with pytest.raises(CalibrationError, match="no calibration file"):
        read_calibration(tmp_path / "missing.json")


def scored(source, span, features=None):
    return Scored({"span": span}, features or {}, 0.0, source)


def test_the_record_leads_and_a_sentence_contradicting_it_is_capped():
    fitted = Calibration({"score": 10.0}, -5.0, 0.8, 0.9)
    sure = {"score": 1.0}  # probability 0.993 from the sentence alone
    considered = Considered(
        analyse("Where was the 25th SME Ministerial Meeting held?"),
        [
            scored("sentence", "Harbour Region", sure),
            scored("record", "Concepción, Chile"),
            scored("sentence", "Concepcion", {"score": 0.6}),
        ],
        [],
        None,
    )
    calibrate(considered, fitted)
    by_span = {s.answer["span"]: s.probability for s in considered.scored}
    assert considered.scored[0].source == "record"
    assert by_span["Concepción, Chile"] == pytest.approx(0.9)  # corroborated, not above
    assert by_span["Harbour Region"] == pytest.approx(0.1)  # wrong unless the record is
    assert by_span["Concepcion"] == pytest.approx(fitted.probability({"score": 0.6}))


def test_another_meetings_city_is_no_confident_answer_for_this_one():
    fitted = Calibration({"score": 10.0}, -5.0, 0.8, 0.9)
    sure = {"score": 1.0}
    considered = Considered(
        analyse("Where was the 2032 SME Ministerial Meeting held?"),
        [scored("sentence", "Lakeside, Atlantis", sure), scored("sentence", "Harbourtown", sure)],
        [],
        None,
        frozenset({"lakeside"}),  # the record's city of the 2031 meeting
    )
    calibrate(considered, fitted)
    by_span = {s.answer["span"]: s.probability for s in considered.scored}
    assert by_span["Lakeside, Atlantis"] == pytest.approx(0.1)
    assert by_span["Harbourtown"] == pytest.approx(fitted.probability(sure))


def test_the_record_names_the_cities_and_chairs_of_the_other_meetings(tmp_path):
    statement = make_document(
        "https://example.org/2031_sme",
        "38th APEC Small and Medium Enterprises Ministerial Meeting",
        ["We, the APEC Ministers responsible for SMEs, met in Lakeside on 5 May 2031 for the"
         " 38th APEC SME Ministerial Meeting, chaired by Hon. Mara Quill."],
        doc_type="ministerial_statement",
        year=2031,
    )  # fmt: skip
    engine = Engine(make_index(tmp_path, [statement]))
    other = analyse("Where was the 2032 SME Ministerial Meeting held?")
    assert other_meetings_values(engine, other) == {"lakeside"}
    assert other_meetings_values(engine, analyse("Where did SME ministers meet in 2031?")) == set()
    assert other_meetings_values(engine, analyse("Who chaired the 2032 SME meeting?")) == {
        "hon. mara quill"
    }
    engine.close()


def test_a_year_without_a_meeting_leaves_every_answer_at_zero():
    fitted = Calibration({"score": 10.0}, -5.0, 0.8, 0.9)
    considered = Considered(
        analyse("Where was the 2018 SME Ministerial Meeting held?"),
        [scored("sentence", "Lakeside", {"score": 1.0})],
        [],
        "No SME Ministerial Meeting was held in 2018.",
    )
    calibrate(considered, fitted)
    assert considered.scored[0].probability == 0.0


def test_a_sentence_that_fails_its_question_is_never_confident():
    """No answer of the asked kind (a programme for "who"), another year's document: the
    probability stays below the threshold whatever the other features say."""
    fitted = Calibration({"score": 10.0}, -5.0, 0.8, 0.9)
    assert fitted.probability({"score": 1.0, "fits": 1.0}) > 0.99
    assert not fitted.confident(fitted.probability({"score": 1.0, "fits": 0.0}))
