"""Sentences with an actor and a commitment verb that still are no commitment.

Each kind was seen among the records of the real APEC record: meeting procedure ("The
member economies adopted the meeting's agenda.", the order of business, volunteers to take
notes, the next plenary, observers' attendance, hearing from speakers), previews of what a
meeting will do ("Ministers will meet in Lakeside next week to discuss supply chains"),
what a meeting is to be ("The meeting aims to ...", "The meeting will also include a session":
the meeting as subject speaks of an outcome only in the past), a host's
logistics ("we look forward to welcoming you to our capital", a social programme; in a speech,
whatever the host or ministers do now or will do), headlines ("Ministers back new declaration on
small firms", no closing full stop), document headers ("Draft 2 – Discussion paper (submitted by
the SMEWG) – Background – 1 At the 21st meeting ..."), a group page's description of itself
("The SMEWG will further promote ..."; "the initiative" speaks only in an initiative's own
text) and a reporter's attribution ("Over the years, the forum has eased trade, officials
noted.").
"""

from __future__ import annotations

import re

from indexer.commitments.grammar import is_past_at

EXCLUDED_KINDS = ("header", "procedure", "preview", "logistics", "description", "attribution")

# A reporter's attribution closing a sentence: "..., officials noted." (the verb has no object
# and its actor of one to three words follows a comma): who said it, not an outcome.
_ATTRIBUTED = re.compile(r",\s*(?:[\w’'-]+\s+){1,3}$")
_ATTRIBUTION_VERB = re.compile(
    r"(?:note[sd]?|stress(?:es|ed)?|emphasi[sz]e[sd]?|highlight(?:s|ed)?|underline[sd]?|"
    r"acknowledge[sd]?|recogni[sz]e[sd]?)\s*$",
    re.IGNORECASE,
)

_HEADER = re.compile(
    r"(?:\bdraft\s+\d|\(\s*submitted\s+by|\bsubmitted\s+by\s*:|\bagenda\s+item\s+\d|"
    r"\bdoc(?:ument)?\s+no\b|\bfor\s+(?:information|consideration|endorsement)\s*[–—:-]|"
    r"\bpurpose\s*:|\baction\s+required\s*:|\b\d{4}/SMEWG\d*/\d+)",
    re.IGNORECASE,
)
_DASH_SEGMENTS = re.compile(r"\s[–—]\s")
# The object of the verb, when it is the running of the meeting itself.
_PROCEDURE_OBJECT = re.compile(
    r"^\W*(?:(?:that|to|on|upon)\s+)?(?:(?:the|its|their|our)\s+)?"
    r"(?:(?:meeting's|provisional|draft|revised|annotated|proposed)\s+)*"
    r"(?:agenda|minutes|summary\s+record|rules\s+of\s+procedure|(?:meeting|summary)\s+report|"
    r"meeting\s+summary|order\s+of\s+business|schedule|timetable|"
    r"report\s+of\s+the\s+(?:previous|last)|date\s+and\s+venue|venue)\b",
    re.IGNORECASE,
)
# Words of the running of the meeting anywhere in the sentence.
_PROCEDURE_WORDS = re.compile(
    r"\b(?:welcomed\s+(?:all\s+)?(?:the\s+)?(?:delegates|delegations|participants)\b|"
    r"drafting\s+group|to\s+volunteer|volunteers?\s+(?:for|to)|introduce\s+themselves|"
    r"(?:record|take\s+notes\s+of)\s+the\s+(?:meeting's\s+)?(?:conclusions|discussions?|minutes)|"
    r"order\s+of\s+business|(?:hearing|listening)\s+(?:from|to)\b|"
    r"(?:attendance|presence|participation)\s+of\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:observers|guests|guest\s+speakers|representatives?|delegations?)\b|"
    r"opened\s+the\s+meeting|closed\s+the\s+meeting|took\s+the\s+floor|intersessional\w*|"
    r"(?:submit|provide|send)\s+(?:their\s+|any\s+)?(?:written\s+)?"
    r"(?:comments|inputs?|nominations|feedback)|"
    r"(?:meeting|session)\s+(?:was|is)\s+adjourned|drafting\s+committee|"
    # what the meeting's own discussion gained: "... enriched our discussion"
    r"[a-z]+ed\s+our\s+(?:\w+\s+)?(?:discussions?|deliberations|dialogue)\b(?!\s+paper)|"
    r"invited\s+(?:the\s+)?\w+(?:\s+\w+)?\s+to\s+(?:present|introduce|brief)\b|"
    r"(?:extend|close|adjourn|resume|open)\s+the\s+(?:meeting|session)|"
    r"the\s+(?:meeting|session)\s+(?:would|will|should)\s+(?:be\s+)?"
    r"(?:held|extended|closed|adjourned|resumed))\b",
    re.IGNORECASE,
)
# Where and when to meet next ("Ministers agreed to meet next year in Port Marlow."), and a
# document's own adoption ("... gathered in Silverbay and adopted this Declaration.").
_NEXT_MEETING = re.compile(
    r"^\W*to\s+meet\s+(?:again|next|in)\b|\bto\s+(?:hold|host|convene)\s+(?:the|their|its|our)\s+"
    r"next\s+(?:[\w-]+\s+){0,2}?(?:meeting|plenary|session)"
    r"|^\W*(?:this|the\s+present)\s+(?:declaration|statement)\b",
    re.IGNORECASE,
)
# A cover note's request: "Ministers are invited to note the report."
_INVITED_TO_NOTE = re.compile(
    r"\b(?:are|is)\s+invited\s+to\s+(?:note|endorse|consider|approve|comment|provide|submit)\b",
    re.IGNORECASE,
)
# "will" + a verb of meeting: what the meeting is going to do, not what it decided.
_PREVIEW_EVENT = re.compile(
    r"^\s*(?:(?:also|then|later|first|now|formally|officially)\s+)?"
    r"(?:meet|gather|convene|come\s+together|bring\s+together|hold|attend|take\s+place|"
    r"arrive|travel|open|kick\s+off|culminate|begin|start|wrap\s+up|conclude|release|issue|"
    r"be\s+(?:held|joined|forwarded|presented|released|issued|attended|chaired|hosted|"
    r"briefed|opened|meeting|gathering))\b",
    re.IGNORECASE,
)
# In a news item or a speech, what ministers "will discuss" is a preview too; in a statement,
# "we will explore ways to ..." is what they undertake.
_PREVIEW_TALK = re.compile(
    r"^\s*(?:(?:also|then|later|first|now)\s+)?"
    r"(?:discuss|deliberate|exchange\s+views|share\s+views|talk|consider|explore|focus|"
    r"look\s+at|review)\b",
    re.IGNORECASE,
)
REPORTING_TYPES = frozenset({"news_release", "news_article", "speech"})
# A group page describes the group ("The SMEWG will further promote ..."); only what it reports
# as done ("In 2016, ministers endorsed ...") is an outcome.
# A plan or terms of reference describe the group too ("The SME Working Group supports
# MSMEs"); what it "will" do is its plan.
PLAN_TYPES = frozenset({"strategic_plan", "terms_of_reference"})
_PRESENT_SIMPLE = re.compile(r"[a-z]+(?<!s)s", re.IGNORECASE)
_PAST_OUTCOME = re.compile(r"(?:ed|took\s+note)$", re.IGNORECASE)
_PRESENT_AUXILIARY = re.compile(r"\b(?:is|are|remains?|will|shall|to)\s*$", re.IGNORECASE)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_FUTURE_TIME = re.compile(
    r"\b(?:next\s+week|tomorrow|later\s+(?:today|this\s+(?:week|month|year))|this\s+week|"
    rf"on\s+{WEEKDAY})\b",
    re.IGNORECASE,
)
# Words of a host's arrangements, each in a shape commitments do not take ("simplify business
# registration" and "visa facilitation" are commitments; "registration closes" is not).
_LOGISTICS = re.compile(
    r"\b(?:host(?:s|ed|ing)?\s+(?:the\s+)?(?:last|next|first|final|\w+\s+of\s+this\s+year's)|"
    r"welcom(?:e|ing)\s+(?:you(?:\s+all)?|all\s+of\s+you|delegates|participants|our\s+guests)"
    r"\s+to|(?:capital|city|hotel|venue)\s+will|hotel\s+accommodation|"
    r"registration\s+(?:desk|closes|opens|form|deadline)|visa\s+(?:letters?|applications?)|"
    r"shuttle|gala\s+dinner|field\s+trip|site\s+visit|welcome\s+reception|by\s+bus\b|buses\b|"
    r"(?:the|from|to)\s+airport|(?:the|your|our)\s+hotel|dress\s+code|"
    r"(?:name|security|delegate)\s+badges?|distinguished\s+guests|ladies\s+and\s+gentlemen|"
    r"welcome\s+to\s+(?-i:[A-Z])|invited\s+to\s+(?:a|an|the)\s+(?:\w+\s+){0,2}"
    r"(?:evening|night|dinner|lunch|luncheon|reception|tour|performance|excursion|party)\b|"
    r"cultural\s+(?:evening|night|performance|programme|program)|(?:farewell|welcome)\s+dinner)",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?;:…][\"'”’)\]]*\s*$")


def is_headline(sentence: str, title: str = "", unpunctuated: bool = True) -> bool:
    """A headline: the document's title again, or (with `unpunctuated`) a short line with no
    closing punctuation.

    Only for whole sentences: a list item ("officials will publish a guide;") loses its
    punctuation when it is cut from its list. A statement's paragraphs are no headlines (its
    headings are read apart), so its caller passes `unpunctuated=False`: a statement's
    sentence that lost its end (a cut copy) is still its sentence.
    """
    if title and _fold(sentence) == _fold(title):
        return True
    return unpunctuated and not _TERMINAL.search(sentence) and len(sentence.split()) <= 20


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def excluded_kind(
    sentence: str, start: int, end: int, doc_type: str | None = None, actor: str = ""
) -> str | None:
    """Which kind of non-commitment `sentence` is (one of EXCLUDED_KINDS), or None.

    `start`/`end` are the offsets of the detected verb phrase ("will", "agreed"); `doc_type`
    (indexer.model.DOC_TYPES) is the type of its document, when known; `actor` the canonical
    actor found (detect.ACTORS): in a speech, "we" is the host, not the meeting.
    """
    head = sentence[:start]
    if actor == "the Chair" and doc_type != "chairs_statement":
        return "procedure"  # the Chair runs the meeting; only a chair's statement is its voice
    if _HEADER.search(sentence) or len(_DASH_SEGMENTS.findall(head)) >= 2:
        return "header"
    rest = sentence[end:]
    if (
        _PROCEDURE_OBJECT.match(rest)
        or _PROCEDURE_WORDS.search(sentence)
        or _NEXT_MEETING.search(rest)
        or _INVITED_TO_NOTE.search(sentence)
    ):
        return "procedure"
    if actor == "the meeting" and not is_past_at(sentence, start):
        return "preview"  # "The meeting aims to ...", "will include a session": what it is to be
    will = re.search(r"\b(?:will|shall)\s*$", sentence[:end], re.IGNORECASE)
    if will and (
        _PREVIEW_EVENT.match(rest)
        or (
            doc_type in REPORTING_TYPES
            and (_FUTURE_TIME.search(sentence) or _PREVIEW_TALK.match(rest))
        )
    ):
        return "preview"
    verb = sentence[start:end].rstrip()
    if _ATTRIBUTED.search(head) and not re.search(r"\w", rest) and _ATTRIBUTION_VERB.search(verb):
        return "attribution"
    if actor == "the initiative" and doc_type not in (None, "initiative"):
        return "description"  # only an initiative's own text speaks for it
    if _LOGISTICS.search(sentence) or (
        doc_type == "speech" and (actor == "We" or not _PAST_OUTCOME.search(verb))
    ):
        return "logistics"
    if actor != "We" and (  # a statement typed as a page still speaks as "we"
        (
            doc_type == "web_page"
            and (not _PAST_OUTCOME.search(verb) or _PRESENT_AUXILIARY.search(head))
        )
        or (doc_type in PLAN_TYPES and _PRESENT_SIMPLE.fullmatch(verb))
    ):
        return "description"
    return None
