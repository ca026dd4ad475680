"""Ranking: every sentence of the candidate passages, scored with its document's context.

A sentence is read as its document would have a reader read it: with the document's title,
year, place, meeting number, type and title lines, the heading it sits under and the
sentence before it. Its features (each in 0..1 unless said otherwise):

- `own`: the share of the question's weighted terms in the sentence itself (terms weighted
  by rarity among the candidates; names, years and the topic after "about" count
  NAME_WEIGHT times);
- `context`: the same share over the sentence and its context;
- `proximity`: matched distinct terms over the shortest window holding them;
- `retrieval`: its passage's BM25 score over the best candidate's;
- `span`: the strength of the answer of the asked type it holds (indexer.ask.spans);
- `document`: 1 when the year or meeting the question names is the document's (or the
  sentence's own), -1 when another is, 0 when the question names none;
- `role`: -1 when the question asks about a ministerial meeting and the sentence is about a
  working-group meeting (or the reverse);
- `line`: 1 when the sentence is a title, heading or date line ("Lakeside, Atlantis |
  7 May 2031"): a sentence saying the same ("met in Lakeside on May 6-7, 2031") beats it;
- `unidentified`: 1 when a name the question gives is in neither the sentence nor its
  context;
- `topic_fit`: for an untyped question ("What did ministers say about training?"), its
  `topic`, so that the sentence on the topic beats the statement's opening;
- `topic` (not weighted by itself): the share of the question's weighted terms, years and ordinals
  left out, in the sentence, its heading and the sentence before it; `topic_terms`: how
  many such terms the question has.

The score is a weighted sum (WEIGHTS, set by hand on the tuning split of the evaluation set,
bench/data/qa_tuning); it orders the sentences. A sentence fits the question (``fits``)
when its document is the year's or meeting's the question names (if it names one), the
sentence and its context hold at least MIN_CONTEXT of the question's weighted terms, the
role is not another's, the question's names are identified, and (for a typed question) it
holds an answer of the asked kind, strong enough (a count must count what the question asks
about): a span that fails its kind is no answer. How likely a sentence is to be right is
the calibration's (indexer.ask.calibration), from ``calibration_features``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from indexer.ask.question import (
    MINISTERIAL,
    WORKING_GROUP,
    Question,
    keys,
    list_count,
    meeting_ordinals,
)
from indexer.ask.retrieve import DocContext, ordinal_names
from indexer.ask.spans import (
    MEDIUM,
    STRONG,
    WEAK,
    Span,
    find_span,
    meeting_date_strength,
    phrase_span,
)
from indexer.text.sentences import Sentence, split_sentences

NAME_WEIGHT = 1.5
HEADING_WORDS = 12
WEIGHTS = {
    "own": 0.45,
    "context": 0.35,
    "proximity": 0.1,
    "retrieval": 0.1,
    "span": 0.35,
    "document": 0.25,
    "role": 0.6,
    "no_span": -0.35,  # a typed question, and no answer of its type in the sentence
    "unidentified": -0.3,
    "line": -0.15,
    "topic_fit": 0.3,  # a title or date line answers only when no sentence does as well
}
# A title or signature line ("Lakeside, Atlantis | 7 May 2031", "Delivered by Ana Ruiz,
# SMEWG Chair", a quoted theme) may answer where, when, who and the theme, nothing else.
LINE_ANSWERS = frozenset(["place", "date", "person", "theme"])
MIN_CONTEXT = 0.5  # the sentence and its context hold half the question's weighted terms
MIN_TOPIC = 0.5  # an untyped question's topic is half in the sentence or next to it
_YEAR = re.compile(r"(?<![\d–-])(?:19|20)\d{2}(?![\d–-])")


@dataclass
class Candidate:
    passage: dict[str, Any]
    sentence: Sentence
    features: dict[str, float]
    span: Span | None
    score: float = 0.0
    needed: float = WEAK  # the span strength a confident answer needs
    span_kind: str | None = None  # "list" or "phrase" when the span is one of those

    @property
    def span_text(self) -> str | None:
        return self.span.text(self.sentence.text) if self.span else None

    def calibration_features(
        self, typed: bool, names_document: bool, first: bool
    ) -> dict[str, float]:
        """The features indexer.ask.calibration reads (its FEATURES); ``first``: whether
        this is the best scored candidate."""
        return {
            "score": self.score,
            "fits": float(self.fits(typed, names_document)),
            "span": self.span.strength if self.span else 0.0,
            "document": self.features["document"],
            "context": self.features["context"],
            "first": float(first),
        }

    def fits(self, typed: bool, names_document: bool) -> bool:
        """Whether the sentence can answer the question at all (see the module docstring).
        `names_document`: the question names a year or a meeting, which must then be this
        sentence's (or its document's). An untyped question ("What did ministers agree on
        disasters?") needs its topic in the sentence, its heading or the sentence before,
        and at least two words to have a topic."""
        f = self.features
        if not typed and (f["topic"] < MIN_TOPIC or f["topic_terms"] < 2):
            return False
        return (
            f["context"] >= MIN_CONTEXT
            and f["document"] >= (1 if names_document else 0)
            and f["role"] >= 0
            and f["unidentified"] == 0
            and (self.span is not None or not typed)
            and (self.span is None or self.span.strength >= self.needed)
        )


def _other_year(span: str, years: set[int]) -> bool:
    """Whether a date span is of a year other than those the question points at."""
    said = {int(y) for y in _YEAR.findall(span)}
    return bool(years and said and not said & years)


def is_heading(text: str) -> bool:
    """A short line with no closing punctuation: a heading, context but not an answer."""
    return text[-1] not in ".!?…:;\"'”’)" and len(text.split()) < HEADING_WORDS


def _weights(question: Question, sentence_keys: list[set[str]]) -> dict[str, float]:
    """IDF-like weight of each question term over the candidate sentences; names, years
    and the words of the topic asked about ("... say about training?") count more."""
    n = len(sentence_keys)
    special = question.name_keys | {str(y) for y in question.years}
    focus = question.focus_keys
    weights = {}
    for key in question.term_keys:
        df = sum(1 for ks in sentence_keys if key in ks)
        weight = math.log(1 + (n + 1) / (df + 0.5))
        weights[key] = weight * (NAME_WEIGHT if key in special or key in focus else 1.0)
    return weights


def _coverage(weights: dict[str, float], present: set[str]) -> float:
    total = sum(weights.values())
    return sum(w for k, w in weights.items() if k in present) / total if total else 0.0


PREFIX = 5  # words sharing their first five letters are one topic ("prepare", "preparedness")


def _loose(keys_present: set[str]) -> set[str]:
    """The keys present, with the prefix of each long one, so that a topic word matches its
    kin of another stem ("preparedness" the sentence's "prepare")."""
    return keys_present | {k[:PREFIX] for k in keys_present if len(k) >= PREFIX}


def _topic_coverage(topic: dict[str, float], present: set[str]) -> float:
    total = sum(topic.values())
    loose = _loose(present)
    found = sum(
        w for k, w in topic.items() if k in loose or k[:PREFIX] in loose and len(k) >= PREFIX
    )
    return found / total if total else 0.0


def _proximity(sentence_keys: list[str], wanted: set[str]) -> float:
    """Matched distinct terms divided by the length of the shortest window holding them all."""
    positions = [(i, k) for i, k in enumerate(sentence_keys) if k in wanted]
    distinct = {k for _, k in positions}
    if len(distinct) < 2:
        return 0.0
    best = len(sentence_keys)
    counts: dict[str, int] = {}
    left = 0
    for pos, key in positions:
        counts[key] = counts.get(key, 0) + 1
        while len(counts) == len(distinct):
            best = min(best, pos - positions[left][0] + 1)
            lkey = positions[left][1]
            counts[lkey] -= 1
            if not counts[lkey]:
                del counts[lkey]
            left += 1
    return len(distinct) / best


def _body(text: str) -> str | None:
    """Whose meeting a text is about: "working_group", "ministerial" or None."""
    if WORKING_GROUP.search(text):
        return "working_group"
    return "ministerial" if MINISTERIAL.search(text) else None


STATEMENT_TYPES = frozenset(["ministerial_statement", "chairs_statement", "declaration"])
_STATEMENT_TITLE = re.compile(r"\b(?:statement|declaration|ministerial\s+meeting)\b", re.I)


def _statement_like(doc: DocContext) -> bool:
    """A statement by its type or, when extraction did not type it, by its title lines."""
    return doc.doc_type in STATEMENT_TYPES or bool(
        _STATEMENT_TITLE.search(f"{doc.title} {doc.lead}")
    )


def _document_match(question: Question, doc: DocContext, sentence: str) -> float:
    """1 when the sentence's document (or the sentence itself) is of the year or meeting the
    question names, -1 when it is of another, 0 when the question names none or it is unknown.

    A question about a statement is not answered by another kind of document. A sentence
    that names meetings by ordinal or years speaks for itself (a chronology lists many
    meetings), unless the question names a document ("the 2031 statement"); then the
    document's own meeting number (its metadata, or an ordinal in its title lines) decides,
    then its year against the years named, or implied by the record's meetings.
    """
    if question.names_a_statement and not _statement_like(doc):
        return -1.0
    if question.meeting is not None:
        said = meeting_ordinals(sentence)
        if said:
            return 1.0 if question.meeting in said else -1.0
    targets = question.target_years
    # A sentence's own years speak for it, unless the question names a document by its year.
    said_years = set() if question.names_a_document else {int(y) for y in _YEAR.findall(sentence)}
    if set(question.years) & said_years:
        return 1.0
    if question.meeting is not None:
        numbers = set(meeting_ordinals(f"{doc.title} {doc.lead}"))
        numbers |= {doc.meeting_number} if doc.meeting_number else set()
        if numbers:
            return 1.0 if question.meeting in numbers else -1.0
        if question.body == "working_group":
            return 0.0
    if targets and said_years & targets:
        return 1.0
    if not targets:
        return 0.0
    # Without a year from extraction, one in its address ("/news-releases/2031/...") will do.
    known = {doc.year} if doc.year else {int(y) for y in _YEAR.findall(urlsplit(doc.url).path)}
    doc_years = {int(y) for y in _YEAR.findall(doc.title)} | known
    if doc_years & targets:
        return 1.0
    return -1.0 if doc_years or said_years else 0.0


def _role(question: Question, doc: DocContext, sentence: str, heading: str) -> float:
    """-1 when the question asks about one body's meeting and the sentence is about another's."""
    if question.body is None:
        return 0.0
    body = _body(sentence)
    if body is None and doc.doc_type == "meeting_report":
        body = "working_group"
    body = body or _body(heading) or _body(doc.title) or _body(doc.lead)
    return -1.0 if body and body != question.body else 0.0


def candidates(
    question: Question, passages: list[dict[str, Any]], docs: dict[str, DocContext]
) -> list[Candidate]:
    """Every sentence of the passages sharing a term with the question, best score first."""
    units = [(p, split_sentences(p["text"])) for p in passages]
    own_keys = [[keys(s.text) for s in sentences] for _, sentences in units]
    weights = _weights(question, [set(k) for ks in own_keys for k in ks])
    wanted = set(weights)
    exclude = wanted | {str(y) for y in question.years}
    top = max((p["score"] for p in passages), default=0.0) or 1.0
    typed = question.answer_type != "other"
    span_type = question.relation or ("chair" if question.asks_chair else question.answer_type)
    ids = question.name_keys | {k for k in wanted if k.isdecimal()}
    counted = question.counted_keys or wanted  # what a count must be followed by to be strong
    # A count must count what the question asks about ("How many projects" -> "23 projects").
    # A named thing of the asked kind ("Which toolkit ...") is at least MEDIUM.
    needed = {"number": STRONG}.get(question.answer_type, WEAK)
    if question.named_kind:
        needed = MEDIUM
    identity = {str(y) for y in question.target_years}
    identity |= set(keys(ordinal_names(question.meeting))) if question.meeting else set()
    # What the question is about, apart from the year or meeting that names its document.
    topic = {k: w for k, w in weights.items() if k not in identity}
    # A topic named after "about" is the topic: the rest is the statement's own words.
    focus = {k: w for k, w in topic.items() if k in question.focus_keys}
    topic = focus if len(focus) >= 2 or (focus and len(question.focus_keys) == 1) else topic
    anchors = question.phrase_anchors
    out = []
    for (passage, sentences), passage_keys in zip(units, own_keys, strict=True):
        doc = docs[passage["doc_id"]]
        position = passage.get("position") or 0
        doc_keys = set(keys(doc.words))
        before = split_sentences(doc.paragraph_text(position - 1)) if position else []
        previous = before[-1].text if before else ""
        heading = doc.heading_before(position)
        headings = doc.headings
        for i, (sentence, skeys) in enumerate(zip(sentences, passage_keys, strict=True)):
            heading_line = is_heading(sentence.text) or sentence.text in headings
            if heading_line and question.answer_type not in LINE_ANSWERS:
                continue
            own = _coverage(weights, set(skeys))
            span = find_span(
                sentence.text,
                span_type,
                exclude,
                counted,
                named_kind=question.named_kind,
                role=question.role,
                count=list_count(question.text),
            )
            phrase = None
            if anchors:  # "What were SMEs affected by?": the phrase after those words
                phrase = phrase_span(sentence.text, anchors, question.final_preposition, exclude)
            if span and question.asks_meeting_date:
                if _other_year(span.text(sentence.text), question.target_years):
                    span = None  # "When was the 2031 meeting held?" is not answered by 2032
                else:
                    strength = meeting_date_strength(sentence.text, span, dates=question.asks_dates)
                    span = Span(span.start, span.end, strength)
            # The heading a sentence sits under: the passage's last heading line before it.
            headed = [s.text for s in sentences[:i] if is_heading(s.text)]
            under = headed[-1] if headed else heading
            # A sentence under a heading naming the topic ("Public Procurement") is read even
            # when it repeats none of the question's words.
            topical = not typed and bool(set(keys(under)) & set(topic))
            if span is None and (heading_line or (own == 0 and not topical)):
                continue
            prior = sentences[i - 1].text if i else previous
            local = set(skeys) | set(keys(under)) | set(keys(prior))
            window = local | doc_keys
            document = _document_match(question, doc, sentence.text)
            if document > 0:  # the year or meeting the question names is this document's
                window |= identity
            ids_found = all(k in window for k in ids)
            if question.answer_type == "money":
                # Whose money: the names asked about are in the sentence, its heading or
                # its document's title, not only in a sentence nearby.
                own_window = set(skeys) | set(keys(under)) | set(keys(doc.title))
                ids_found = ids_found and all(k in own_window for k in question.name_keys)
            features = {
                "own": own,
                "context": _coverage(weights, window),
                "topic": (topic_share := _topic_coverage(topic, local)),
                "topic_fit": 0.0 if typed else topic_share,
                "topic_terms": float(len(topic) if not question.focus_keys else max(2, len(topic))),
                "proximity": _proximity(skeys, wanted),
                "retrieval": passage["score"] / top,
                "span": span.strength if span else 0.0,
                "document": document,
                "role": _role(question, doc, sentence.text, under),
                "no_span": float(typed and span is None),
                "line": float(heading_line),
                "unidentified": float(not ids_found),
            }
            c = Candidate(passage, sentence, features, span or phrase, needed=needed)
            c.span_kind = "phrase" if phrase and not span else None
            c.score = sum(WEIGHTS[k] * features[k] for k in WEIGHTS)
            out.append(c)
    out.sort(key=lambda c: -c.score)
    return out
