"""Romanisation written inline after Chinese characters, as some copies of Chinese news
print it: "亞太經(jīng)合組織" for "亞太經合組織", each annotated character followed by its
pinyin in parentheses. The rules that read names in the text ("第28次亞太經合組織中小企業
部長會議") read it without them; what is quoted from the page keeps the page's own text.
"""

from __future__ import annotations

import re

# a pinyin syllable (lower case, at most six letters: "zhuang"; tone marks, or a tone
# number) in ASCII or full-width parentheses right after a Han character; a gloss in
# capitals ("(APEC)", "(China)") is not one
ANNOTATION = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（]"
    r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\u0300-\u0304\u030c]{1,7}[1-5]?[)）]"
)


def without_romanisation(text: str) -> tuple[str, list[int] | None]:
    """(``text`` without inline romanisation, the offset in ``text`` of each character of it
    and of its end: ``len(plain) + 1`` offsets), or (``text``, None) when it has none."""
    if not ANNOTATION.search(text):
        return text, None
    kept: list[int] = []
    position = 0
    for m in ANNOTATION.finditer(text):
        kept.extend(range(position, m.start()))
        position = m.end()
    kept.extend(range(position, len(text) + 1))
    return "".join(text[i] for i in kept[:-1]), kept
