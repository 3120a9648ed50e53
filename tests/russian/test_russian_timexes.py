"""Russian time expressions valued against the publication date (Wednesday 2 July 2025 here)."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.models import Article
from presslens.russian import RussianAnalyser

PUBLISHED = dt.date(2025, 7, 2)  # a Wednesday


@pytest.fixture(scope="module")
def analyser() -> RussianAnalyser:
    return RussianAnalyser()


def _timexes(analyser: RussianAnalyser, text: str, published: dt.date | None = PUBLISHED):  # type: ignore[no-untyped-def]
    doc = analyser.analyze([Article(id="r", text=text, source="t", language="ru", published=published)])[0]
    for t in doc.timexes:
        assert text[t.start : t.end] == t.text
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Вчера в Казани задержали двоих.", ("Вчера", "DATE", "2025-07-01")),
        ("Суд состоится завтра.", ("завтра", "DATE", "2025-07-03")),
        ("Вчера вечером начался пожар.", ("Вчера вечером", "TIME", "2025-07-01TEV")),
        ("В пятницу их отпустили.", ("пятницу", "DATE", "2025-06-27")),  # past tense: the last Friday
        ("В пятницу их отпустят.", ("пятницу", "DATE", "2025-07-04")),  # future: the next one
        ("Обыски прошли 1 июля.", ("1 июля", "DATE", "2025-07-01")),
        ("Обыски прошли с 1 июля.", ("1 июля", "DATE", "2025-07-01")),
        ("Приговор вынесли 12 декабря.", ("12 декабря", "DATE", "2024-12-12")),  # past: last December
        ("Он родился 5 мая 1990 года.", ("5 мая 1990 года", "DATE", "1990-05-05")),
        ("В ночь на 27 июня прошли обыски.", ("ночь на 27 июня", "DATE", "2025-06-27")),
        ("В марте 2022 года переговоры прервались.", ("марте 2022 года", "DATE", "2022-03")),
        ("В 2019 году завод закрыли.", ("2019 году", "DATE", "2019")),
        ("В прошлом году завод закрыли.", ("прошлом году", "DATE", "2024")),
        ("На следующей неделе пройдут переговоры.", ("следующей неделе", "DATE", "2025-W28")),
        ("Три дня назад пришло письмо.", ("Три дня назад", "DATE", "2025-06-29")),
        ("Суд продлил арест ещё на четыре месяца.", ("четыре месяца", "DURATION", "P4M")),
        ("Допрос длился 6 часов.", ("6 часов", "DURATION", "PT6H")),
        ("Его приговорили к 3,5 года колонии.", ("3,5 года", "DURATION", "P3.5Y")),
        ("Переговоры займут несколько лет.", ("несколько лет", "DURATION", "PXY")),
        ("Экипаж пробудет там в течение недели.", ("недели", "DURATION", "P1W")),
        ("Заявление распространили в понедельник, 30 июня.", ("понедельник, 30 июня", "DATE", "2025-06-30")),
        ("Встреча пройдёт в пятницу днём, 4 июля.", ("пятницу днём, 4 июля", "TIME", "2025-07-04TAF")),
        ("Митинг начался утром в понедельник.", ("утром в понедельник", "TIME", "2025-06-30TMO")),
        ("Посол приезжал в ноябре прошлого года.", ("ноябре прошлого года", "DATE", "2024-11")),
        ("Самолёт запланирован на сентябрь.", ("сентябрь", "DATE", "2025-09")),  # a participle: nearest
    ],
)
def test_expressions_and_their_values(
    analyser: RussianAnalyser, text: str, expected: tuple[str, str, str]
) -> None:
    assert _timexes(analyser, text) == [expected]


def test_a_year_written_after_coordinated_dates_is_theirs(analyser: RussianAnalyser) -> None:
    found = _timexes(analyser, "Туры пройдут 12 апреля (первый тур) и 26 апреля (второй тур) 2026 года.")
    assert [v for _, _, v in found] == ["2026-04-12", "2026-04-26", "2026"]


def test_the_present_tense_leaves_a_date_to_the_nearest_year(analyser: RussianAnalyser) -> None:
    found = _timexes(analyser, "Выборы 19 декабря мы считаем нечестными.", published=dt.date(2025, 5, 15))
    assert found == [("19 декабря", "DATE", "2024-12-19")]  # not December of the publication year


def test_a_year_coordinated_with_a_year_of_god_is_a_year(analyser: RussianAnalyser) -> None:
    found = _timexes(analyser, "Её отпускали в 1995 и 2002 году.")
    assert found == [("1995", "DATE", "1995"), ("2002 году", "DATE", "2002")]


def test_a_number_that_is_no_year_is_no_time(analyser: RussianAnalyser) -> None:
    assert _timexes(analyser, "На площади собрались 2000 человек, сообщила полиция.") == []


def test_without_a_publication_date_anchor_digits_are_masked(analyser: RussianAnalyser) -> None:
    found = _timexes(analyser, "Вчера суд арестовал его на два месяца.", published=None)
    assert found == [("Вчера", "DATE", "XXXX-XX-XX"), ("два месяца", "DURATION", "P2M")]
