"""The 21 APEC member economies, named as APEC writes them, and the other ways the
record writes them ("China", "Korea", "Vietnam", "Taiwan", "the U.S.").

Source of the names: APEC's member economies list (https://www.apec.org/about-us/about-apec/member-economies).
"""

from __future__ import annotations

import re
import unicodedata

# APEC's name -> other spellings found in statements, news and document-sharing copies
ECONOMIES: dict[str, tuple[str, ...]] = {
    "Australia": (),
    "Brunei Darussalam": ("Brunei",),
    "Canada": (),
    "Chile": ("Republic of Chile",),
    "People's Republic of China": ("China", "PRC", "P.R. China", "PR China"),
    "Hong Kong, China": ("Hong Kong", "Hong Kong SAR", "Hong Kong, SAR"),
    "Indonesia": ("Republic of Indonesia",),
    "Japan": (),
    "Republic of Korea": ("Korea", "South Korea", "ROK"),
    "Malaysia": (),
    "Mexico": ("United Mexican States",),
    "New Zealand": ("NZ", "Aotearoa New Zealand"),
    "Papua New Guinea": ("PNG",),
    "Peru": ("Perú", "Republic of Peru"),
    "The Philippines": ("Philippines", "Republic of the Philippines"),
    "Russia": ("Russian Federation",),
    "Singapore": ("Republic of Singapore",),
    "Chinese Taipei": ("Taiwan",),
    "Thailand": ("Kingdom of Thailand",),
    "United States": ("United States of America", "USA", "U.S.A.", "U.S.", "US"),
    "Viet Nam": ("Vietnam", "Socialist Republic of Viet Nam"),
}

# APEC's name -> the adjective of the economy and its people, where it is not one of the
# names above ("American" small businesses are those of the United States). Source: the
# usual English adjectives of the economies' names.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "Australia": ("Australian",), "Brunei Darussalam": ("Bruneian",), "Canada": ("Canadian",),
    "Chile": ("Chilean",), "People's Republic of China": ("Chinese",),
    "Indonesia": ("Indonesian",), "Japan": ("Japanese",), "Republic of Korea": ("Korean",),
    "Malaysia": ("Malaysian",), "Mexico": ("Mexican",),
    "Papua New Guinea": ("Papua New Guinean",), "Peru": ("Peruvian",),
    "The Philippines": ("Filipino",), "Russia": ("Russian",), "Singapore": ("Singaporean",),
    "Chinese Taipei": ("Taiwanese",), "Thailand": ("Thai",), "United States": ("American",),
    "Viet Nam": ("Vietnamese",),
}  # fmt: skip

# APEC's name -> its names in the other languages of the record's pages, by ISO 639 code
# (Chinese in simplified characters: traditional ones and Japanese kanji meet them when
# analysed; a name spelt as an English one once accents are folded, "Perú", is left out;
# no Thai, whose words take PyThaiNLP's dictionary to read: indexer/text/concepts.toml).
# Source: each economy's usual name in those languages.
NAMES_ELSEWHERE: dict[str, dict[str, tuple[str, ...]]] = {
    "Australia": {"zh": ("澳大利亚",), "ja": ("オーストラリア",), "ko": ("호주",)},
    "Brunei Darussalam": {"zh": ("文莱",)},
    "Canada": {"zh": ("加拿大",), "ja": ("カナダ",), "ko": ("캐나다",)},
    "Chile": {"zh": ("智利",), "ja": ("チリ",), "ko": ("칠레",)},
    "People's Republic of China": {"zh": ("中国",), "ko": ("중국",)},
    "Hong Kong, China": {"zh": ("香港",), "ko": ("홍콩",)},
    "Indonesia": {"zh": ("印度尼西亚", "印尼"), "ja": ("インドネシア",), "ko": ("인도네시아",)},
    "Japan": {"ja": ("日本",), "ko": ("일본",), "es": ("japón",)},
    "Republic of Korea": {"ko": ("한국", "대한민국"), "zh": ("韩国",), "es": ("corea",)},
    "Malaysia": {"zh": ("马来西亚",), "ja": ("マレーシア",), "ko": ("말레이시아",)},
    "Mexico": {"zh": ("墨西哥",), "ja": ("メキシコ",), "ko": ("멕시코",)},
    "New Zealand": {
        "zh": ("新西兰",), "ja": ("ニュージーランド",), "ko": ("뉴질랜드",),
        "es": ("nueva zelanda",), "id": ("selandia baru",),
    },
    "Papua New Guinea": {
        "zh": ("巴布亚新几内亚",), "es": ("papúa nueva guinea",), "id": ("papua nugini",),
    },
    "Peru": {"zh": ("秘鲁",), "ja": ("ペルー",), "ko": ("페루",)},
    "The Philippines": {
        "zh": ("菲律宾",), "ja": ("フィリピン",), "ko": ("필리핀",), "es": ("filipinas",),
        "fil": ("pilipinas",),
    },
    "Russia": {
        "ru": ("россия",), "zh": ("俄罗斯",), "ja": ("ロシア",), "ko": ("러시아",),
        "es": ("rusia",),
    },
    "Singapore": {
        "zh": ("新加坡",), "ja": ("シンガポール",), "ko": ("싱가포르",), "ms": ("singapura",),
    },
    "Chinese Taipei": {"zh": ("中华台北", "台湾"), "ko": ("대만",)},
    "Thailand": {"zh": ("泰国",), "ko": ("태국",), "es": ("tailandia",)},
    "United States": {
        "zh": ("美国",), "ja": ("米国", "アメリカ"), "ko": ("미국",), "es": ("estados unidos",),
    },
    "Viet Nam": {"zh": ("越南",), "ja": ("ベトナム",), "ko": ("베트남",)},
}  # fmt: skip


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).replace("’", "'")
    text = re.sub(r"^the\s+", "", text.strip(" .,"), flags=re.I)
    return " ".join(text.casefold().split())


# ISO 3166 codes of the economies, as GeoNames files their places (indexer.record.places)
ISO_CODES = {
    "Australia": "AU", "Brunei Darussalam": "BN", "Canada": "CA", "Chile": "CL",
    "People's Republic of China": "CN", "Hong Kong, China": "HK", "Indonesia": "ID",
    "Japan": "JP", "Republic of Korea": "KR", "Malaysia": "MY", "Mexico": "MX",
    "New Zealand": "NZ", "Papua New Guinea": "PG", "Peru": "PE", "The Philippines": "PH",
    "Russia": "RU", "Singapore": "SG", "Chinese Taipei": "TW", "Thailand": "TH",
    "United States": "US", "Viet Nam": "VN",
}  # fmt: skip

_BY_NAME = {_key(alias): name for name, aliases in ECONOMIES.items() for alias in (name, *aliases)}


def economy_name(text: str | None) -> str | None:
    """APEC's name for the economy ``text`` names ("Vietnam" -> "Viet Nam", "the People's
    Republic of China" -> "People's Republic of China"); None when it names none."""
    return _BY_NAME.get(_key(text)) if text else None


def split_place(place: str | None) -> tuple[str | None, str | None]:
    """(city, economy) of a place as documents write it: "Nanjing, People's Republic of
    China" -> ("Nanjing", "People's Republic of China"); "Brunei Darussalam" -> (None,
    "Brunei Darussalam"); "Big Sky, Montana" -> ("Big Sky", None). A padded or cut economy
    ("Nanjing, People's Republic") keeps its city and loses the economy."""
    if not place:
        return None, None
    city, _, rest = place.partition(",")
    city = city.strip() or None
    if city and city.casefold() == "hong kong":  # a city and an economy at once
        return "Hong Kong", "Hong Kong, China"
    whole = economy_name(place)
    if whole:
        return None, whole
    return city, economy_name(rest) if rest else None
