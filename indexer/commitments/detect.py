"""Find the sentence's commitment: an actor that commits, agrees, endorses, welcomes... as an
outcome of a meeting.

A commitment is a sentence whose subject is an actor ("We", "Ministers", "Leaders", "officials",
"the SMEWG" or a sub-group, "member economies", "the meeting", "the initiative"...), with its
modifiers ("ministers meeting in Lakeside", "ministers from around the Pacific Rim", "economies
taking part in the initiative") and appositions, followed, after optional adverbs, auxiliaries
and a time phrase ("on Saturday", "in October 2001"), by a commitment verb; or a passive outcome
("It was agreed that ...", "The plan was endorsed by Ministers"). The verb decides the strength:

- strong: commit (incl. "are committed to", "remain committed", "reaffirm our commitment"),
  agree, endorse, instruct, adopt, approve, pledge, resolve, decide, task, direct, launch,
  undertake, "are determined to", "stand ready to", "intend (aim, strive, endeavour) to";
  and any verb after "will" or "shall" ("We will continue to work together" has the verb
  "will").
- medium: encourage, support, call on/upon/for, urge, invite, request.
- weak: welcome, note (incl. "take note", "note with concern"), recognise, acknowledge,
  appreciate, commend, emphasise, stress, underline, highlight, reaffirm, look forward.

The verb must be a verb in its sentence, as a part-of-speech tagger reads it
(`indexer.commitments.grammar`): "the Head of Business Development and Support" has no verb.
Coordinated verbs ("We welcome and endorse ...") take the strongest. A negated verb ("we do not
agree") is not a commitment, and neither is a sentence that only mentions commitments ("Our
commitment to MSMEs remains strong"), nor the shapes `indexer.commitments.exclusions` names
(meeting procedure, previews, logistics, headlines, document headers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.commitments.exclusions import WEEKDAY, excluded_kind
from indexer.commitments.grammar import is_verb_at
from indexer.text.months import FULL_MONTH

STRENGTHS = ("strong", "medium", "weak")

# lemma -> (strength, regex for its forms). Order does not matter; strongest wins in a chain.
VERBS: dict[str, tuple[str, str]] = {
    "commit": ("strong", r"(?:re)?commit(?:s|ted|ting)?"),
    "agree": ("strong", r"agree(?:s|d)?"),
    "concur": ("strong", r"concur(?:s|red)?"),
    "endorse": ("strong", r"endorse[sd]?"),
    "instruct": ("strong", r"instruct(?:s|ed)?"),
    "adopt": ("strong", r"adopt(?:s|ed)?"),
    "approve": ("strong", r"approve[sd]?"),
    "pledge": ("strong", r"pledge[sd]?"),
    "resolve": ("strong", r"resolve[sd]?"),
    "decide": ("strong", r"decide[sd]?"),
    "task": ("strong", r"task(?:s|ed)?"),
    "direct": ("strong", r"direct(?:s|ed)?"),
    "launch": ("strong", r"launch(?:es|ed)?"),
    "undertake": ("strong", r"undert(?:ake|akes|ook)"),
    "intend": ("strong", r"(?:intend|aim|strive|endeavou?r)(?:s|d|ed)?\s+to"),
    "determined": ("strong", r"determined\s+to"),
    "stand ready": ("strong", r"ready\s+to"),  # after "stand"/"are" (see _FILLER)
    "encourage": ("medium", r"encourage[sd]?"),
    "support": ("medium", r"support(?:s|ed)?"),
    "call on": ("medium", r"call(?:s|ed)?\s+(?:on|upon|for)"),
    "urge": ("medium", r"urge[sd]?"),
    "invite": ("medium", r"invite[sd]?"),
    "request": ("medium", r"request(?:s|ed)?"),
    "recommend": ("medium", r"recommend(?:s|ed)?"),
    "welcome": ("weak", r"welcome[sd]?"),
    "note": ("weak", r"(?:note[sd]?|t(?:ake|akes|ook|aken)\s+note)"),
    "recognise": ("weak", r"recogni[sz]e[sd]?"),
    "acknowledge": ("weak", r"acknowledge[sd]?"),
    "appreciate": ("weak", r"appreciate[sd]?"),
    "value": ("weak", r"value[sd]?"),
    "commend": ("weak", r"commend(?:s|ed)?"),
    "congratulate": ("weak", r"congratulate[sd]?"),
    "emphasise": ("weak", r"emphasi[sz]e[sd]?"),
    "stress": ("weak", r"stress(?:es|ed)?"),
    "underline": ("weak", r"underline[sd]?"),
    "highlight": ("weak", r"highlight(?:s|ed)?"),
    "reaffirm": ("weak", r"(?:reaffirm|affirm|reiterate)(?:s|d|ed)?"),
    "look forward": ("weak", r"look(?:s|ed)?\s+forward"),
}

# After a linking verb a commitment verb may be an adjective: "are determined to", "stand
# ready to", "remain committed to".
_LINKING = re.compile(r"\b(?:are|is|were|was|remain(?:s|ed)?|stand|stood|stay)\s*$", re.I)

# "We reaffirm our commitment to ...", "renew our support for ...": the noun carries the verb.
RENEWED_NOUNS = {"commitment": "commit", "commitments": "commit", "support": "support"}

# A proper name of one to four words ("Harbourton", "Micro-Enterprises", "the Pacific Rim").
_NAME = r"(?:the\s+)?(?-i:[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})"
# A time phrase: "in October 2001", "on 12 May 2018", "on Saturday", "last week".
_WHEN = (
    r"(?:(?:in|on|during)\s+(?:\d{1,2}\s+)?(?:" + FULL_MONTH + r"\s+)?(?:\d{1,2},?\s+)?"
    r"(?:19|20)\d{2}|on\s+" + WEEKDAY + r"|"
    r"yesterday|last\s+week|this\s+week|earlier\s+today)"
)

# canonical actor -> regex (matched case-insensitively, as the subject of the sentence); the
# first that matches wins, so "the SMEWG members" are members before "the SMEWG" is tried.
ACTORS: dict[str, str] = {
    "We": r"we",
    "Ministers": (
        r"(?:the\s+|most\s+|all\s+|several\s+|many\s+)?(?:APEC\s+)?"
        r"(?:M?SME\s+|small\s+business\s+|trade\s+|economic\s+|"
        # "APEC Small and Medium Enterprises (SMEs) Ministers"
        r"small\s+and\s+medium(?:[- ]sized)?\s+enterprises?\s+(?:\(\s*M?SMEs?\s*\)\s+)?)?"
        r"Ministers"
    ),
    "Leaders": r"(?:the\s+|all\s+)?(?:APEC\s+|Economic\s+)?Leaders",
    "Senior Officials": r"(?:the\s+)?(?:APEC\s+)?Senior\s+Officials",
    "officials": r"(?:our\s+|the\s+)?officials",
    "member economies": (
        r"(?:all\s+|the\s+|most\s+|several\s+|many\s+|some\s+)?(?:APEC\s+)?"
        r"(?:member\s+|participating\s+)?economies|(?:the\s+)?(?:APEC\s+|SMEWG\s+)?members"
    ),
    "the SMEWG": (
        r"(?:the\s+)?(?:(?:SMEWG(?:'s|’s)?\s+)?Sub-?\s?Group(?:\s+on\s+" + _NAME + r")?"
        r"|SMEWG|(?:M?SME|Small\s+and\s+Medium\s+Enterprises)\s+Working\s+Group"
        r"|Working\s+Group|group)"
    ),
    "APEC": r"APEC",
    "the initiative": r"(?:the|this)\s+initiative",
    "the Chair": r"the\s+Chair",  # only in a chair's statement (see exclusions)
    # the actor of the sentence before, when it was one (indexer.commitments.records)
    "they": r"they",
    "the meeting": (
        r"the\s+(?:\d+\w*\s+)?(?:APEC\s+)?(?:M?SME\s+|SMEWG\s+)?(?:ministerial\s+|plenary\s+)?"
        r"meeting|(?:the\s+)?participants|delegates|both\s+sides"
    ),
}

# Words that may stand between the actor and the verb. Longer phrases come first: the regex
# does not backtrack into them once a shorter one ("are") has let the actor match.
_FILLER = (
    r"(?:are|were)\s+(?:pleased|delighted|happy|glad)\s+to|"
    r"continue(?:d)?\s+to|in\s+particular|no\s+longer|"
    r"also|further|fully|strongly|firmly|warmly|greatly|duly|again|therefore|thus|hereby|"
    r"today|now|jointly|collectively|together|unanimously|particularly|especially|moreover|"
    r"furthermore|accordingly|remain(?:ed)?|stand|stood|stay|[a-z]+ly|"
    r"are|is|were|was|have|has|had|do|does|did|can|could|may|might|should|would|must|"
    r"will|shall|not|never|" + _WHEN
)
_RENEW = (
    r"(?:reaffirm|reiterate|renew|restate|reconfirm|underline|express)(?:s|d|ed|es|ed)?\s+"
    r"(?:(?:our|their|its)\s+)?(?:\w+\s+){0,2}?(?P<noun>commitments?|support)"
)

_ACTOR_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<a{i}>{rx})" for i, rx in enumerate(ACTORS.values())) + r")"
    # an apposition: "We, the Ministers responsible for SMEs,", "the Ministers, at their
    # 19th Meeting in Saint Petersburg, Russia endorsed" (a place name may close it)
    # ("We, Cedar Bay, as host economy, are committed": two in a row; never the predicate:
    # in "We, Cedar Bay, are committed to an open, fair region" "are committed ..." is not one)
    r"(?:(?:\s*,\s*(?!\s*(?:are|is|were|was|will|shall|have|has|do)\b)[^,;:]{1,150}?){1,2},"
    r"(?:\s+(?-i:[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)(?=\s))?)?"
    # "Ministers and Leaders", "Ministers and their representatives", "Ministers and business
    # (representatives)", "Ministers responsible for SMEs", "of the 21 APEC economies"
    r"(?:\s+and\s+(?:the\s+|their\s+)?(?:ministers|leaders|senior\s+officials|officials|"
    r"(?:business\s+)?representatives|business(?:\s+leaders)?))?"
    r"(?:\s+responsible\s+for\s+(?:M?SMEs|(?:micro,?\s+)?small(?:\s+and\s+medium(?:[- ]sized)?)?"
    r"\s+(?:enterprises|business(?:es)?|firms)))?"
    r"(?:\s+(?:of|from|in|across)\s+(?:across\s+|around\s+)?(?:the\s+)?(?:\d+\s+)?"
    r"(?:(?:APEC|Asia[- ]Pacific)(?:\s+region|\s+economies)?|(?:member\s+)?economies|"
    r"region|" + _NAME + r")(?:\s+economies)?)?"
    # "ministers meeting in Harbourton (in October 2001)", "economies taking part in the
    # initiative"
    # (not "gathered in Silverbay and adopted": a verb of its own, read by _LATER_VERB)
    r"(?:\s+(?:meeting|gathering|gathered|assembled)\s+in\s+"
    + _NAME
    + r"(?:,\s+"
    + _NAME
    + r")?,?(?!\s+and\b))?"
    r"(?:\s+at\s+(?:the|their)\s+(?:\w+\s+)?meeting(?:\s+in\s+" + _NAME + r")?,?)?"
    r"(?:\s+(?:taking\s+part|participating)\s+in\s+(?:the|this)\s+initiative)?"
    r"(?:\s+" + _WHEN + r")?"
    r"(?P<filler>(?:\s+(?:" + _FILLER + r"))*)(?:\s+|(?=:))",  # "To this end, we will:"
    re.IGNORECASE,
)
_VERB_RE = re.compile(
    "|".join(f"(?P<v{i}>{form})" for i, (_, form) in enumerate(VERBS.values())) + r"\b",
    re.IGNORECASE,
)
_RENEW_RE = re.compile(_RENEW + r"\b", re.IGNORECASE)
# "It was agreed that ...", "It was further decided to ..."
_PASSIVE_IT = re.compile(
    r"\bit\s+(?:was|has\s+been|is)\s+(?:\w+ly\s+|also\s+|further\s+)?"
    r"(?P<verb>agreed|decided|resolved|endorsed|noted|recommended|requested|welcomed)"
    r"\s+(?:that|to)\b",
    re.IGNORECASE,
)
# "The plan was endorsed by Ministers"
# (also as a participle after its subject: "The Action Plan, as proposed by the Sub-Group and
# subsequently endorsed by the Ministers, is ...")
_PASSIVE_BY = re.compile(
    r"(?:\b(?:was|were|has\s+been|have\s+been|had\s+been|and|as)|,)\s+(?:\w+ly\s+|also\s+)?"
    r"(?P<verb>endorsed|adopted|approved|launched|agreed(?:\s+on)?|welcomed|noted|supported)"
    r"\s+by\s+(?P<actor>(?:the\s+)?(?:APEC\s+)?(?:M?SME\s+)?(?:Ministers|Leaders|SMEWG"
    r"|meeting|member\s+economies|economies|Senior\s+Officials))\b",
    re.IGNORECASE,
)
_PASSIVE_LEMMA = {"recommended": "request"}
# A quick first look: a sentence with none of these words cannot make a commitment.
_ANY_VERB = re.compile(
    r"\b(?:will|shall|renew|restate|reconfirm|" + "|".join(f for _, f in VERBS.values()) + ")",
    re.IGNORECASE,
)
# Likewise, a sentence without one of these words has no actor (nor a passive "it").
_ANY_ACTOR = re.compile(
    r"\b(?:we|it|they|ministers|leaders|officials|economies|members|smewg|group|apec|chair|sides|"
    r"meeting|"
    r"participants|delegates|initiative)\b",
    re.IGNORECASE,
)
# Another verb of the actor, then "and" a commitment verb, in the same clause.
_LATER_VERB = re.compile(r"(?:[a-z]+ed|met|held)\b[^;:.()]{0,120}?\s(?:and|then)\s+(?:also\s+)?")
_CHAIN_RE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)(?:also\s+|further\s+)?")
# "we do not support ...", "ministers could agree ...": no commitment by this subject.
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|could|might|may|would)\b", re.IGNORECASE)
_WILL = re.compile(r"\b(?:will|shall)\b", re.IGNORECASE)
# Words after which a subject may start (besides punctuation and the start of the sentence).
_SUBJECT_AFTER = frozenset(
    {
        "and", "also", "today", "hereby", "further", "furthermore", "moreover", "therefore",
        "thus", "now", "jointly", "together", "collectively", "accordingly", "finally", "so",
    }
)  # fmt: skip
# An opening phrase without a comma before "we": "At this time we remain committed ...".
_INTRO = re.compile(
    r"^(?:at|in|on|with|given|as|to|following|through|under|during|since|against|amid|today|"
    r"now|moving|looking|going|building|recognising|recognizing|noting|having|together|over|"
    r"after|for|across|throughout|within|this|these)\b"
    r"(?![^,]*\b(?:which|that|who|whom)\b)[^,;:]{0,60}$",
    re.IGNORECASE,
)

# A date opening the sentence, for any actor: "In 2017 the SMEWG agreed ...".
_DATE_INTRO = re.compile(r"^" + _WHEN + r"$", re.IGNORECASE)


@dataclass(frozen=True)
class Detection:
    """The actor, verb and strength found in one sentence."""

    actor: str
    verb: str
    strength: str
    start: int  # offset of the verb phrase ("will", the verb, or coordinated verbs)
    end: int  # offset just after it (where its object starts)
    filler: str = ""  # the auxiliaries and adverbs between the actor and the verb


def _subject_position(text: str, start: int, actor: str) -> bool:
    before = text[:start].rstrip()
    if not before or before[-1] in ",;:(—–-":
        return True
    if (actor in ("We", "Ministers", "Leaders") and _INTRO.match(before)) or _DATE_INTRO.match(
        before
    ):
        return True
    last = before.split()[-1].lower()
    return last in _SUBJECT_AFTER


def _verb_at(text: str, pos: int) -> tuple[str, int] | None:
    """The lemma of the commitment verb starting at `pos`, and where it ends."""
    renew = _RENEW_RE.match(text, pos)
    if renew:
        return RENEWED_NOUNS[renew.group("noun").lower()], renew.end()
    verb = _VERB_RE.match(text, pos)
    if not verb:
        return None
    lemma = list(VERBS)[int(verb.lastgroup[1:])]
    return lemma, verb.end()


def _lemma_of(form: str) -> str:
    """The lemma of a past participle ("agreed on" -> "agree")."""
    form = form.split()[0].lower()
    if form in _PASSIVE_LEMMA:
        return _PASSIVE_LEMMA[form]
    found = _verb_at(form, 0)
    return found[0] if found else form


def _passive(sentence: str) -> Detection | None:
    """ "It was agreed that ..." (by the meeting) or "... was endorsed by Ministers"."""
    match = _PASSIVE_IT.search(sentence)
    if match and _subject_position(sentence, match.start(), "It"):
        lemma = _lemma_of(match.group("verb"))
        actor = "the meeting"
    else:
        match = _PASSIVE_BY.search(sentence)
        if not match:
            return None
        lemma = _lemma_of(match.group("verb"))
        by = match.group("actor").lower()
        actor = next(
            (name for name, rx in ACTORS.items() if re.fullmatch(rx, by, re.IGNORECASE)),
            "Ministers",
        )
    if not is_verb_at(sentence, match.start("verb")):
        return None  # "the plan was Supported by ..." as a title's words
    return Detection(actor, lemma, VERBS[lemma][0], match.start("verb"), match.end("verb"))


def _active(sentence: str) -> Detection | None:
    for actor in _ACTOR_RE.finditer(sentence):
        name = next(n for i, n in enumerate(ACTORS) if actor.group(f"a{i}"))
        if not _subject_position(sentence, actor.start(), name):
            continue
        filler = actor.group("filler")
        if _NEGATION.search(filler):
            continue
        found = _verb_at(sentence, actor.end())
        will = _WILL.search(filler)
        start = actor.start("filler") + will.start() if will else actor.end()
        verb_at = actor.end()
        if not found and not will:
            # "Members reviewed progress on the toolkit and agreed to circulate a draft"
            later = _LATER_VERB.match(sentence, actor.end())
            found = _verb_at(sentence, later.end()) if later else None
            if not found:
                continue
            start = verb_at = later.end()
        # The word must be a verb here (a part-of-speech decision, not a list of words):
        # "... Head of Business Development and Support" has the noun.
        linked = bool(_LINKING.search(sentence, 0, verb_at))
        if found and not is_verb_at(sentence, verb_at, predicate=linked):
            continue
        if will and not is_verb_at(sentence, start):
            continue
        if not found:
            end = actor.start("filler") + will.end()
            return Detection(name, "will", "strong", start, end, filler)
        lemmas = [found[0]]
        end = found[1]
        while chained := _CHAIN_RE.match(sentence, end):
            more = _verb_at(sentence, chained.end())
            if not more:
                break
            lemmas.append(more[0])
            end = more[1]
        lemma = min(lemmas, key=lambda v: STRENGTHS.index(VERBS[v][0]))
        strength = "strong" if will else VERBS[lemma][0]
        return Detection(name, lemma, strength, start, end, filler)
    return None


def candidate(sentence: str) -> Detection | None:
    """The actor and commitment verb of `sentence`, before the exclusions are applied."""
    if not _ANY_VERB.search(sentence) or not _ANY_ACTOR.search(sentence):
        return None
    return _active(sentence) or _passive(sentence)


def detect(sentence: str, doc_type: str | None = None) -> Detection | None:
    """The commitment made in `sentence`, if it makes one (None for the excluded shapes).

    `doc_type` is the type of the sentence's document (indexer.model.DOC_TYPES), when known:
    a news item's "Ministers will discuss ..." is a preview, a statement's "we will review"
    a commitment.
    """
    found = candidate(sentence)
    if found is None or excluded_kind(sentence, found.start, found.end, doc_type, found.actor):
        return None
    return found
