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
    ],
)
def test_expressions_and_their_values(
    analyser: RussianAnalyser, text: str, expected: tuple[str, str, str]
) -> None:
    assert _timexes(analyser, text) == [expected]


def test_a_number_that_is_no_year_is_no_time(analyser: RussianAnalyser) -> None:
    assert _timexes(analyser, "На площади собрались 2000 человек, сообщила полиция.") == []


def test_without_a_publication_date_anchor_digits_are_masked(analyser: RussianAnalyser) -> None:
    found = _timexes(analyser, "Вчера суд арестовал его на два месяца.", published=None)
    assert found == [("Вчера", "DATE", "XXXX-XX-XX"), ("два месяца", "DURATION", "P2M")]
