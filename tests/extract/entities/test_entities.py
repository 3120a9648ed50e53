"""Entity repairs and within-document linking on real sentences (needs the pinned model).

The sentences are our own, about several conflicts and countries, so the rules are
shown to be general rather than tuned to the seed article.
"""

from __future__ import annotations

import pytest

from presslens.extract.entities import linked_entities, repaired_entity_spans
from presslens.models import Entity

pytestmark = pytest.mark.model


def _entities(nlp, text: str) -> list[Entity]:
    doc = nlp(text)
    doc.ents = repaired_entity_spans(doc)
    return linked_entities(doc)


def _pairs(entities: list[Entity]) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in entities}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # demonyms are NORP, never PERSON/ORG/GPE
        (
            "Armenian officials said Azerbaijani troops fired on the village.",
            {("Armenian", "NORP"), ("Azerbaijani", "NORP")},
            {("Azerbaijani", "PERSON")},
        ),
        (
            "Tajik and Kyrgyz border guards exchanged fire.",
            {("Tajik", "NORP"), ("Kyrgyz", "NORP")},
            {("Tajik", "PERSON"), ("Kyrgyz", "GPE")},
        ),
        (
            "Uzbeks and Kazakhs celebrated Nowruz in Tashkent.",
            {("Uzbeks", "NORP"), ("Kazakhs", "NORP"), ("Tashkent", "GPE")},
            set(),
        ),
        # a capital the tagger calls PERSON is a place
        ("Official Yerevan rejected the accusations.", {("Yerevan", "GPE")}, {("Yerevan", "PERSON")}),
        # leading function words and a trailing possessive are trimmed
        (
            "Amid Baku's strong response, raids against migrants intensified.",
            {("Baku", "GPE")},
            {("Amid Baku's", "PERSON")},
        ),
        # a surname alone is the PERSON named in full earlier, whatever the tagger said
        (
            "Mikheil Saakashvili was jailed in 2021. Supporters of Saakashvili gathered outside the prison.",
            {("Saakashvili", "PERSON")},
            {("Saakashvili", "GPE")},
        ),
        # an organisation owned by "their" is a product (the car, not the carmaker)
        ("Police found the suspects in their Toyota.", {("Toyota", "PRODUCT")}, {("Toyota", "ORG")}),
        # lower-case PERSON spans are dropped
        ("Khalilov met diaspora members in Voronezh.", set(), {("diaspora members", "PERSON")}),
        # an untagged acronym after a nationality is a national body
        ("Masked Russian OMON officers stormed the building.", {("OMON", "ORG")}, set()),
        # a surname alone takes PERSON even when it is also a small town ("Sokolov", CZ)
        (
            "Police detained Pavel Orlov and Dmitry Sokolov. Sokolov remains in custody.",
            {("Pavel Orlov", "PERSON"), ("Sokolov", "PERSON")},
            {("Sokolov", "ORG"), ("Pavel Orlov", "ORG")},
        ),
        # settlement nouns make their names GPEs, also at a later mention
        (
            "Troops entered the city of Avdiivka and the Kherson region.",
            {("Avdiivka", "GPE"), ("Kherson", "GPE")},
            {("Avdiivka", "PERSON"), ("Kherson", "PERSON")},
        ),
    ],
)
def test_repairs(nlp, text: str, expected: set, absent: set) -> None:
    pairs = _pairs(_entities(nlp, text))
    assert expected <= pairs
    assert not absent & pairs


def test_media_cue_with_place_name_in_quotes_is_org(nlp) -> None:
    text = 'Police raided the office of "Sputnik Georgia" and detained two editors of "Sputnik Georgia".'
    pairs = _pairs(_entities(nlp, text))
    assert ("Sputnik Georgia", "ORG") in pairs
    assert ("Sputnik Georgia", "PERSON") not in pairs


def test_repair_records_why(nlp) -> None:
    entity = next(
        e for e in _entities(nlp, "Official Yerevan rejected the accusations.") if e.text == "Yerevan"
    )
    assert entity.why and "PERSON->GPE" in entity.why


def test_untouched_entities_have_no_why(nlp) -> None:
    entity = next(
        e
        for e in _entities(nlp, "Georgian police detained two journalists in Tbilisi.")
        if e.text == "Tbilisi"
    )
    assert entity.why is None and entity.canonical == "Tbilisi"


def test_non_name_spans_are_kept(nlp) -> None:
    doc = nlp("Azerbaijani police detained seven people on July 1 in Baku.")
    labels = {(s.text, s.label_) for s in repaired_entity_spans(doc)}
    assert {("seven", "CARDINAL"), ("July 1", "DATE")} <= labels


def test_offsets_point_into_the_text(nlp) -> None:
    text = "Amid Baku's strong response, Official Tbilisi stayed silent about Azerbaijani claims."
    for entity in _entities(nlp, text):
        assert text[entity.start : entity.end] == entity.text


@pytest.mark.parametrize(
    ("text", "mention", "canonical"),
    [
        (
            "Nikol Pashinyan met the delegation. Later, Pashinyan told reporters that talks would continue.",
            "Pashinyan",
            "Nikol Pashinyan",
        ),
        (
            "The Ukrainian Interior Ministry said the suspects were detained. "
            "The Ukrainian Ministry of Internal Affairs later released their names.",
            "Ukrainian Interior Ministry",
            "Ukrainian Ministry of Internal Affairs",
        ),
        (
            "Kyiv accused Moscow of shelling, the Ukrainian Defence Ministry said. "
            "The Ministry of Defence of Ukraine later added details.",
            "Ukrainian Defence Ministry",
            "Ministry of Defence of Ukraine",
        ),
        ("Official Yerevan rejected the accusations.", "Yerevan", "Government of Armenia"),
        (
            "Official Kyiv did not comment, but the Kremlin denied any involvement.",
            "Kremlin",
            "Government of Russia",
        ),
        ("Zelensky said the Russian Defense Ministry was lying.", "Zelensky", "Volodymyr Zelensky"),
        ("Moscow-backed separatists shelled the town.", "Moscow", "Government of Russia"),
        ("Kyiv-backed forces advanced on Friday.", "Kyiv", "Government of Ukraine"),
        ("The Washington-led coalition struck targets.", "Washington", "Government of United States"),
        ("The minister accused Baku of sabotage.", "Baku", "Government of Azerbaijan"),
    ],
)
def test_canonical_links(nlp, text: str, mention: str, canonical: str) -> None:
    entity = next(e for e in _entities(nlp, text) if e.text == mention)
    assert entity.canonical == canonical
    assert entity.why


def test_capital_as_location_is_not_a_government(nlp) -> None:
    entity = next(
        e
        for e in _entities(nlp, "Three journalists were detained in Yerevan on Monday.")
        if e.text == "Yerevan"
    )
    assert entity.canonical == "Yerevan"
    assert entity.place is not None and entity.place.country == "AM" and entity.place.feature == "city"


def test_places_are_resolved_with_document_context(nlp) -> None:
    entities = _entities(nlp, "Georgian police detained two Armenian journalists in Tbilisi, Georgia.")
    places = {e.text: e.place for e in entities if e.place}
    assert places["Tbilisi"].country == "GE" and places["Tbilisi"].lat is not None
    assert places["Georgia"].feature == "country"
    assert all(e.place is None for e in entities if e.label == "NORP")


@pytest.mark.parametrize(
    "text",
    [
        "Orlov, a correspondent for a Moscow-based channel, was freed.",
        "The Beijing-born artist was detained.",
    ],
)
def test_place_in_a_located_modifier_is_not_an_actor(nlp, text: str) -> None:
    place = next(e for e in _entities(nlp, text) if e.label == "GPE")
    assert not place.canonical.startswith("Government of")
