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
