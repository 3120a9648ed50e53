"""The Russian path: natasha's entities with lemmatised names, places and the partial-analysis flag."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.extract.entities._gazetteer import resolve_place
from presslens.models import Article
from presslens.russian import RussianAnalyser


@pytest.fixture(scope="module")
def analyser() -> RussianAnalyser:
    return RussianAnalyser()


def _doc(analyser: RussianAnalyser, text: str):  # type: ignore[no-untyped-def]
    article = Article(id="r", text=text, source="test:ru", language="ru", published=dt.date(2025, 7, 1))
    return analyser.analyze([article])[0]


def test_names_are_lemmatised_so_every_case_form_is_one_entity(analyser: RussianAnalyser) -> None:
    text = "Суд арестовал Андрея Петрова. Адвокат Андрея Петрова обжаловал решение суда в Казани."
    doc = _doc(analyser, text)
    people = [e for e in doc.entities if e.label == "PERSON"]
    assert [e.text for e in people] == ["Андрея Петрова", "Андрея Петрова"]
    assert {e.canonical for e in people} == {"Андрей Петров"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Полиция задержала Ольгу Смирнову у здания суда.", "Ольга Смирнова"),  # tagger: masculine surname
        ("Адвокаты Юлии Навальной подали жалобу.", "Юлия Навальная"),  # declines like an adjective
        ("Редакция отправила письмо Анне Ахматовой.", "Анна Ахматова"),  # not the indeclinable Anne
        ("Суд вызвал Ильхама Мамедова на допрос.", "Ильхам Мамедов"),
    ],
)
def test_a_persons_name_is_put_in_the_nominative_with_one_gender(
    analyser: RussianAnalyser, text: str, name: str
) -> None:
    doc = _doc(analyser, text)
    assert [e.canonical for e in doc.entities if e.label == "PERSON"] == [name]


def test_a_surname_alone_takes_the_full_name_named_before(analyser: RussianAnalyser) -> None:
    doc = _doc(analyser, "Вчера полиция задержала Ольгу Смирнову. Позже Смирнова была отпущена.")
    later = [e for e in doc.entities if e.text == "Смирнова"]
    assert later and later[0].canonical == "Ольга Смирнова"
    assert later[0].why and "Ольга Смирнова" in later[0].why


def test_organisation_names_keep_their_genitive_complements(analyser: RussianAnalyser) -> None:
    doc = _doc(analyser, "Представитель Министерства иностранных дел Армении ответил журналистам.")
    orgs = [e for e in doc.entities if e.label == "ORG"]
    assert orgs and orgs[0].canonical.startswith("Министерство иностранных дел")


def test_states_and_cities_are_gpe_with_a_resolved_place(analyser: RussianAnalyser) -> None:
    doc = _doc(analyser, "Делегация из Казахстана прибыла в Новосибирск, а затем вылетела на Байкал.")
    by_text = {e.text: e for e in doc.entities}
    assert by_text["Казахстана"].label == "GPE" and by_text["Казахстана"].place.country == "KZ"
    assert by_text["Новосибирск"].label == "GPE" and by_text["Новосибирск"].place.feature == "city"
    assert by_text["Новосибирск"].place.country == "RU"
    # a lake is a place, not a state or a city
    assert by_text["Байкал"].label == "LOC"


def test_a_dateline_in_capitals_is_cased_as_usual_and_acronyms_are_kept(analyser: RussianAnalyser) -> None:
    doc = _doc(analyser, "КАЗАНЬ, 3 мая. Сотрудники ФСБ провели обыски в офисе компании.")
    by_text = {e.text: e for e in doc.entities}
    assert by_text["КАЗАНЬ"].canonical == "Казань"
    assert by_text["ФСБ"].canonical == "ФСБ"


def test_the_record_says_what_is_not_extracted_for_russian(analyser: RussianAnalyser) -> None:
    doc = _doc(analyser, "Глава МЧС Александр Куренков прибыл в Иркутск.")
    assert doc.language == "ru" and doc.entities
    assert [f.kind for f in doc.flags] == ["partial_analysis"]
    assert doc.flags[0].why.endswith("persuasion is not analysed for Russian yet")
    assert "not trained for Russian" in doc.persuasion_summary.detector
    assert doc.versions.model.startswith("ru_natasha")


def test_offsets_hold_for_every_entity(analyser: RussianAnalyser) -> None:
    text = "«Газпром» и «Роснефть» подписали соглашение в Санкт-Петербурге — сообщил Игорь Сечин."
    doc = _doc(analyser, text)
    assert doc.entities
    for e in doc.entities:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    "text",
    [
        "!!! ??? ... — «» „“ ",
        "а" * 5000,
        "Москва\x00\x07 Путин\u202e Киев \ufeff",
        "Привет " * 2000,
        "Мэр ЛОНДОНА и London mayor met in Київ.",
    ],
)
def test_hostile_text_never_crashes(analyser: RussianAnalyser, text: str) -> None:
    doc = _doc(analyser, text)
    for e in doc.entities:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("name", "code", "feature"),
    [("Россия", "RU", "country"), ("Соединённые Штаты", "US", "country"), ("Москва", "RU", "city"),
     ("Баку", "AZ", "city"), ("Киев", "UA", "city")],
)
def test_the_gazetteer_knows_russian_names(name: str, code: str, feature: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.country == code and place.feature == feature


def test_english_lookups_are_unchanged_by_the_russian_names() -> None:
    assert resolve_place("Moscow").country == "RU"
    assert resolve_place("Georgia", context_countries=("GE",)).country == "GE"
    assert resolve_place("Baikal") is None or resolve_place("Baikal").feature != "country"


def test_the_eu_is_an_organisation_whatever_the_tagger_says(analyser: RussianAnalyser) -> None:
    doc = _doc(analyser, "Евросоюз ввёл новые санкции против банков, заявили в Брюсселе.")
    eu = [e for e in doc.entities if e.canonical == "Евросоюз"]
    assert eu and eu[0].label == "ORG"


def test_a_legal_form_and_quotation_marks_are_not_part_of_a_companys_name(analyser: RussianAnalyser) -> None:
    text = "Акции ОАО «Газпром» подешевели после заявления компании."
    doc = _doc(analyser, text)
    orgs = [e for e in doc.entities if e.label == "ORG"]
    assert [e.text for e in orgs] == ["Газпром"]
    assert text[orgs[0].start : orgs[0].end] == "Газпром" and orgs[0].why


def test_a_common_noun_abbreviation_is_no_entity(analyser: RussianAnalyser) -> None:
    doc = _doc(analyser, "Об этом сообщили СМИ со ссылкой на источники в полиции.")
    assert all(e.text != "СМИ" for e in doc.entities)
