"""Words of scripts that Latin-script rules miss: combining marks inside words, runs of
Chinese, Japanese and Thai text, which write no space between words, and Korean words,
which carry their particles and run nouns together ("중소기업의", "중소기업장관회의").

``TOKEN`` is Whoosh's default word pattern (``\\w+(\\.?\\w+)*``) with combining marks
counted as part of a word: ``\\w`` leaves them out, so Thai (and Devanagari) words fell
apart at each vowel or tone mark. A per cent sign is a word of its own, which the analysis
reads as "percent" (``analysis.PERCENT``). ``TOKEN`` takes a whole run of Chinese, Japanese or
Thai text, up to the next space or punctuation mark, as one token, so no word inside it could
be found; ``segments`` splits such a token into the words the index keeps:

- Chinese, Japanese and Korean (Han, Hiragana, Katakana, Hangul): overlapping bigrams,
  each pair of neighbouring characters, and a lone character as itself, as Lucene's
  ``CJKBigramFilter`` and Elasticsearch's ``cjk`` analyzer do (Hangul among them). A word
  of two or more characters is then found as the bigrams it is made of, one after the
  other (a phrase of them in quotes), inside a longer word too ("장관" in "장관회의"); no
  dictionary is needed.
- Thai: a dictionary segmenter, PyThaiNLP's ``newmm`` (maximal matching over its word list,
  https://pythainlp.org), loaded the first time Thai text is met.
- Anything else in the token (Latin letters, digits) stays one word.

``one_han_form`` writes Han characters in one form, traditional as simplified, so that a
word written either way (and in Japanese kanji) meets the other, as British and American
spellings do.

A token of other scripts is returned whole, at no cost; ASCII text never reaches here.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import opencc


def _marks() -> str:
    """A regex class body of the combining marks (Unicode categories Mn, Mc, Me) of the
    Basic Multilingual Plane, where every living script's are (read in about 20 ms)."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"{chr(a)}-{chr(b)}" if a < b else chr(a) for a, b in ranges)


_WORD = rf"[\w{_marks()}]"
TOKEN = re.compile(rf"{_WORD}+(?:\.?{_WORD}+)*|%")
CJK = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff\uff66-\uff9f"
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # Hangul: jamo, compatibility jamo, syllables
)
THAI = "\u0e00-\u0e7f"
NEEDS_SEGMENTS = re.compile(f"[{CJK}{THAI}]")
_RUNS = re.compile(f"([{CJK}]+)|([{THAI}]+)|([^{CJK}{THAI}]+)")


def segments(token: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the words in ``token``: itself when it holds no Chinese,
    Japanese, Korean or Thai character, else its runs of each script split as described
    above."""
    if not NEEDS_SEGMENTS.search(token):
        return [(0, len(token))]
    spans: list[tuple[int, int]] = []
    for run in _RUNS.finditer(token):
        start, end = run.span()
        if run.group(1):
            if end - start == 1:
                spans.append((start, end))
            else:
                spans.extend((i, i + 2) for i in range(start, end - 1))
        elif run.group(2):
            spans.extend((start + a, start + b) for a, b in _thai_words(run.group(2)))
        else:
            spans.append((start, end))
    return spans


@lru_cache(maxsize=65536)
def _thai_words(run: str) -> tuple[tuple[int, int], ...]:
    from pythainlp.tokenize import word_tokenize  # its dictionary loads in about a second

    spans, at = [], 0
    for word in word_tokenize(run, engine="newmm", keep_whitespace=False):
        at = run.find(word, at)
        if at < 0:  # a segmenter that rewrote the text: the run as one word
            return ((0, len(run)),)
        spans.append((at, at + len(word)))
        at += len(word)
    return tuple(spans)


HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_converters = threading.local()  # one OpenCC converter per thread


def one_han_form(word: str) -> str:
    """``word`` with its Han characters written in one form, traditional ones as simplified
    (OpenCC's ``t2s`` tables, https://github.com/BYVoid/OpenCC): 中小企業 (traditional
    Chinese, and Japanese) and 中小企业 (simplified) are one word. Other text as it is."""
    return _simplified(word) if HAN.search(word) else word


@lru_cache(maxsize=65536)
def _simplified(word: str) -> str:
    converter = getattr(_converters, "t2s", None)
    if converter is None:
        converter = _converters.t2s = opencc.OpenCC("t2s")
    return converter.convert(word)
