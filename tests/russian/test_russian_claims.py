"""Russian attributed claims read from natasha's parse: speaker, cue, content, via, hedges, pronouns."""

from __future__ import annotations

import pytest

from presslens.models import Article
from presslens.russian import RussianAnalyser


@pytest.fixture(scope="module")
def analyser() -> RussianAnalyser:
    return RussianAnalyser()


def _claims(analyser: RussianAnalyser, text: str):  # type: ignore[no-untyped-def]
    doc = analyser.analyze([Article(id="r", text=text, source="test:ru", language="ru")])[0]
    for c in doc.claims:  # offsets hold for every part
        for part in (c.cue, c.content, c.evidence):
            assert text[part.start : part.end] == part.text
        assert c.speaker.start is not None and text[c.speaker.start : c.speaker.end] == c.speaker.text
    return doc.claims


def test_a_verb_of_saying_with_a_chto_clause(analyser: RussianAnalyser) -> None:
    text = "Официальный представитель МИД Ирина Петрова заявила, что посол будет вызван."
    (claim,) = _claims(analyser, text)
    assert claim.speaker.canonical == "Ирина Петрова" and claim.cue.text == "заявила"
    assert claim.content.text == "что посол будет вызван" and not claim.direct


def test_a_quotation_before_the_verb_inserted_after_it(analyser: RussianAnalyser) -> None:
    (claim,) = _claims(analyser, "«Мы не получали никаких нот», — сказал журналистам министр Олег Соколов.")
    assert claim.speaker.canonical == "Олег Соколов"
    assert claim.content.text == "«Мы не получали никаких нот»" and claim.direct


def test_as_reports_an_agency_the_clause_is_the_agencys(analyser: RussianAnalyser) -> None:
    (claim,) = _claims(analyser, "Как сообщает Интерфакс, в Казани задержаны трое подозреваемых.")
    assert claim.speaker.text == "Интерфакс"
    assert claim.content.text == "в Казани задержаны трое подозреваемых"


def test_po_slovam_names_the_source_of_its_clause(analyser: RussianAnalyser) -> None:
    (claim,) = _claims(analyser, "По словам губернатора, пострадавших среди мирных жителей нет.")
    assert claim.speaker.text == "губернатора" and claim.cue.text == "По словам"
    assert "пострадавших" in claim.content.text


def test_unconfirmed_reports_are_a_hedged_unnamed_source(analyser: RussianAnalyser) -> None:
    (claim,) = _claims(analyser, "По неподтверждённым данным, колонна якобы повернула назад.")
    assert claim.hedged


def test_citing_names_the_source_and_the_relay(analyser: RussianAnalyser) -> None:
    (claim,) = _claims(analyser, "Агентство сообщило со ссылкой на прокуратуру, что дело закрыто.")
    assert claim.speaker.text == "прокуратуру" and claim.via is not None and claim.via.text == "Агентство"
    assert claim.content.text == "что дело закрыто"


def test_a_pronoun_speaker_is_the_nearest_earlier_name_of_its_gender(analyser: RussianAnalyser) -> None:
    text = (
        "Анна Кузнецова встретилась с Игорем Беловым. Она заявила, что переговоры продолжатся. "
        "Он сказал, что не согласен."
    )
    first, second = _claims(analyser, text)
    assert first.speaker.text == "Она" and first.speaker.canonical == "Анна Кузнецова"
    assert second.speaker.text == "Он" and second.speaker.canonical == "Игорь Белов"


def test_a_quotation_inside_a_quotation_is_its_speakers_claim_only(analyser: RussianAnalyser) -> None:
    text = "«Министр сказал послу, что улики серьёзны», — сообщил представитель ведомства Павел Орлов."
    (claim,) = _claims(analyser, text)
    assert claim.speaker.canonical == "Павел Орлов"


@pytest.mark.parametrize(
    "text",
    [
        "Мы говорили о погоде и о море.",  # a verb of saying with no content
        "Сообщение было удалено модератором.",  # a cue noun outside "по ..."
        "Сказал, что придёт.",  # no one says it
    ],
)
def test_no_claim_without_a_source_and_a_content(analyser: RussianAnalyser, text: str) -> None:
    assert _claims(analyser, text) == ()


def test_a_ministry_speaker_keeps_its_country(analyser: RussianAnalyser) -> None:
    (claim,) = _claims(analyser, "По данным МИД Армении, посол был вызван в министерство.")
    assert claim.speaker.canonical == "МИД Армении"


def test_a_verb_of_saying_after_the_comma_attributes_the_clause_before_it(analyser: RussianAnalyser) -> None:
    """The parser makes "сообщила" a second root; the clause before it is what she said."""
    (claim,) = _claims(analyser, "Полиция задержала 12 человек, сообщила Ирина Волк.")
    assert claim.speaker.canonical == "Ирина Волк" and claim.content.text == "Полиция задержала 12 человек"


def test_a_headline_without_a_full_stop_is_its_own_sentence(analyser: RussianAnalyser) -> None:
    text = "В Казани задержаны трое\n\nПолиция задержала трёх подозреваемых, сообщил Олег Соколов."
    (claim,) = _claims(analyser, text)
    assert claim.content.text == "Полиция задержала трёх подозреваемых"
