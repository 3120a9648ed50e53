"""Time expressions and temporal-inconsistency flags, table-driven.

The anchor is 2025-07-02 (a Wednesday), the publication date of the project's
reference article. Normaliser tests need no model; sentence tests use the
session `nlp` fixture (the pinned model, loaded once).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from presslens.extract.temporal import temporal_inconsistencies, time_expressions
from presslens.extract.temporal._calendar import month_year, weekday_date
from presslens.extract.temporal._normalize import timex_value

ANCHOR = dt.date(2025, 7, 2)


@pytest.mark.parametrize(
    ("text", "tense", "kind", "value"),
    [
        ("yesterday", None, "DATE", "2025-07-01"),
        ("June 1", "PAST", "DATE", "2025-06-01"),
        ("July 1", None, "DATE", "2025-07-01"),
        ("last December", "PAST", "DATE", "2024-12"),
        ("another four months", None, "DURATION", "P4M"),
        ("three days", None, "DURATION", "P3D"),
        ("last year's", None, "DATE", "2024"),
        ("two years ago", "PAST", "DATE", "2023"),
        ("this week", None, "DATE", "2025-W27"),
        ("Monday", "PAST", "DATE", "2025-06-30"),
        ("Monday", "FUTURE", "DATE", "2025-07-07"),
        ("the 1990s", None, "DATE", "199"),
        ("now", None, "DATE", "PRESENT_REF"),
        ("currently", None, "DATE", "PRESENT_REF"),
        ("recent years", None, "DATE", "PAST_REF"),
        ("weekly", None, "SET", "P1W"),
        ("every month", None, "SET", "P1M"),
        ("the third quarter", None, "DATE", "2025-Q3"),
        ("2013", None, "DATE", "2013"),
        ("March 2013", None, "DATE", "2013-03"),
        ("3 p.m.", None, "TIME", "2025-07-02T15:00"),
        ("tonight", None, "TIME", "2025-07-02TNI"),
        ("later that night", None, "TIME", "2025-07-02TNI"),
        ("the past few days", None, "DURATION", "PXD"),
        ("almost seven years", None, "DURATION", "P7Y"),
        ("two and a half years", None, "DURATION", "P2.5Y"),
        ("four-week", None, "DURATION", "P4W"),
        ("a decade", None, "DURATION", "P10Y"),
        ("the 20th century", None, "DATE", "19"),
        ("Friday afternoon", "PAST", "TIME", "2025-06-27TAF"),
        ("18:00 UTC", None, "TIME", "2025-07-02T18:00Z"),
        ("this weekend", None, "DATE", "2025-W27-WE"),
        ("mid-2011", None, "DATE", "2011"),
        ("Monday, July 1, 2025", None, "DATE", "2025-07-01"),
    ],
)
def test_timex_value(text: str, tense: str | None, kind: str, value: str) -> None:
    found = timex_value(text, ANCHOR, tense)
    assert found is not None, text
    assert (found.type, found.value) == (kind, value)


@pytest.mark.parametrize("text", ["we", "second", "a second", "the day", "two criminal groups"])
def test_not_a_timex(text: str) -> None:
    assert timex_value(text, ANCHOR) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("July 1", "XXXX-07-01"), ("yesterday", "XXXX-XX-XX"), ("last December", "XXXX-12"),
     ("Monday", "XXXX-WXX-1"), ("the third quarter", "XXXX-Q3")],
)
def test_no_anchor_gives_placeholders(text: str, value: str) -> None:
    found = timex_value(text, None)
    assert found is not None
    assert (found.value, found.anchored) == (value, False)


def test_durations_need_no_anchor() -> None:
    found = timex_value("three days", None)
    assert found is not None and found.value == "P3D" and found.anchored


@pytest.mark.parametrize(
    ("anchor", "month", "day", "tense", "year"),
    [
        (dt.date(2025, 1, 5), 12, 28, "PAST", 2024),  # HeidelTime: past tense, date after anchor
        (dt.date(2025, 12, 28), 1, 3, "FUTURE", 2026),
        (dt.date(2025, 7, 2), 7, 20, "PAST", 2025),  # within a month: anchor year whatever the tense
        (dt.date(2013, 3, 22), 8, None, "PAST", 2012),
        (dt.date(2025, 7, 2), 6, 1, None, 2025),
    ],
)
def test_month_year(anchor: dt.date, month: int, day: int | None, tense: str | None, year: int) -> None:
    assert month_year(anchor, month, day, tense) == year  # type: ignore[arg-type]


def test_weekday_on_the_anchor_day_is_that_day() -> None:
    assert weekday_date(ANCHOR, 3, "PAST") == ANCHOR


def _tx(nlp, text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    found = time_expressions(doc, anchor)
    assert all(doc.text[t.start:t.end] == t.text for t in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    return [(t.text, t.type, t.value) for t in found]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Unaware of the events that occurred yesterday, June 1, they left.",
         [("yesterday", "DATE", "2025-07-01"), ("June 1", "DATE", "2025-06-01")]),
        ("On July 1, several more citizens were detained.", [("July 1", "DATE", "2025-07-01")]),
        ("The two countries have been in a sharp conflict for three days.",
         [("three days", "DURATION", "P3D")]),
        ("They will remain in custody for another four months.",
         [("another four months", "DURATION", "P4M")]),
        ("It was worse than during the plane crash last December.", [("last December", "DATE", "2024-12")]),
        ("He was less active than during last year's crisis.", [("last year", "DATE", "2024")]),
        ("The talks collapsed two years ago.", [("two years ago", "DATE", "2023")]),
        ("Ministers met this week in Baku.", [("this week", "DATE", "2025-W27")]),
        ("The minister resigned on Monday.", [("Monday", "DATE", "2025-06-30")]),
        ("The minister will resign on Monday.", [("Monday", "DATE", "2025-07-07")]),
        ("Prices rose sharply in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("The ministry is currently reviewing the case.", [("currently", "DATE", "PRESENT_REF")]),
        ("Tensions have grown in recent years.", [("recent years", "DATE", "PAST_REF")]),
        ("The paper is published weekly.", [("weekly", "SET", "P1W")]),
        ("Inspectors visit every month.", [("every month", "SET", "P1M")]),
        ("Profits fell in the third quarter.", [("the third quarter", "DATE", "2025-Q3")]),
        ("The law was passed in March 2013.", [("March 2013", "DATE", "2013-03")]),
        ("The law was passed in 2013.", [("2013", "DATE", "2013")]),
        ("The vote is at 3 p.m. and the result is expected tonight.",
         [("3 p.m.", "TIME", "2025-07-02T15:00"), ("tonight", "TIME", "2025-07-02TNI")]),
        ("He was released on July 1 and returned home later that night.",
         [("July 1", "DATE", "2025-07-01"), ("later that night", "TIME", "2025-07-01TNI")]),
    ],
)
def test_time_expressions(nlp, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert _tx(nlp, sentence) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "They are suspected of being involved in two criminal groups.",
        "The Interior Ministry has detained seven individuals.",
        "We may go there.",
        "May I ask a question?",
        "A second forensic examination contradicted the conclusions.",
        "Some 2000 people gathered in the square.",
    ],
)
def test_no_time_expression(nlp, sentence: str) -> None:
    assert _tx(nlp, sentence) == []


@pytest.mark.model
def test_without_anchor(nlp) -> None:
    assert _tx(nlp, "On July 1, police detained him; he was released yesterday.", None) == [
        ("July 1", "DATE", "XXXX-07-01"), ("yesterday", "DATE", "XXXX-XX-XX")]


def _flags(nlp, text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str]]:
    doc = nlp(text)
    flags = temporal_inconsistencies(doc, time_expressions(doc, anchor), anchor)
    return [(f.evidence.text, f.why) for f in flags if f.evidence is not None]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "evidence", "why_part"),
    [
        ("Unaware of the events that occurred yesterday, June 1, they left.", "yesterday, June 1",
         "'yesterday' from 2025-07-02 is 2025-07-01, but the text names June 1"),
        ("The summit opened on Monday, July 1, 2025, in Baku.", "Monday, July 1, 2025", "is a Tuesday"),
        ("Police arrested him on July 10, 2025, in Baku.", "July 10, 2025", "after the publication date"),
    ],
)
def test_inconsistency_flagged(nlp, sentence: str, evidence: str, why_part: str) -> None:
    flags = _flags(nlp, sentence)
    assert len(flags) == 1
    assert flags[0][0] == evidence
    assert why_part in flags[0][1]


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Unaware of the events that occurred yesterday, July 1, they left.",
        "The summit opened on Tuesday, July 1, 2025, in Baku.",
        "Police will question him on July 10, 2025, in Baku.",
        "Police arrested him on June 10, 2025, in Baku.",
        "Meetings were held on June 1, June 5 and June 9.",
    ],
)
def test_no_inconsistency(nlp, sentence: str) -> None:
    assert _flags(nlp, sentence) == []


@pytest.mark.model
def test_no_flags_without_anchor(nlp) -> None:
    assert _flags(nlp, "Unaware of the events that occurred yesterday, June 1, they left.", None) == []


# -- narrative time: a passage told from a date of its own (``_reference``) -------------------

@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past-tense paragraph framed by a historical date gives its year to bare months
        ("In 1940, the army crossed the border. On 21 February the city fell.",
         [("1940", "DATE", "1940"), ("21 February", "DATE", "1940-02-21")]),
        # "N days later" counts from the date just named, not from the publication date
        ("The ship sank on 3 March 1916. Twelve days later the crew reached land.",
         [("3 March 1916", "DATE", "1916-03-03"), ("Twelve days later", "DATE", "1916-03-15")]),
        # "the following year" after a historical year
        ("The treaty was signed in 1921. The following year the war resumed.",
         [("1921", "DATE", "1921"), ("The following year", "DATE", "1922")]),
    ],
)
def test_narrative_reference_time(nlp, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _tx(nlp, text) == expected


@pytest.mark.model
def test_news_voice_keeps_the_publication_date(nlp) -> None:
    # a new paragraph that names a date of the last month is back in the news, after a background one
    found = _tx(nlp, "The group was founded in 2001.\n\nOn June 27, police detained its leader.")
    assert found == [("2001", "DATE", "2001"), ("June 27", "DATE", "2025-06-27")]


@pytest.mark.model
def test_comparison_year_frames_nothing(nlp) -> None:
    found = _tx(nlp, "It was the worst flood since 1968. In March, the river rose again.")
    assert ("March", "DATE", "2025-03") in found


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The war of 1914–18 changed Europe.",
         [("1914", "DATE", "1914"), ("18", "DATE", "1918")]),
        ("Caesar was killed in 44 BC.", [("44 BC", "DATE", "BC0044")]),
    ],
)
def test_year_ranges_and_eras(nlp, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert _tx(nlp, sentence) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    ["In May 300 people died in the floods.", "The Hundred Years' War ended long ago.",
     "They sent 1200-1300 troops."],
)
def test_counts_and_names_are_no_years(nlp, sentence: str) -> None:
    values = [v for _, _, v in _tx(nlp, sentence)]
    assert "0300" not in values and "P100Y" not in values and "1200" not in values


@pytest.mark.model
def test_a_clock_time_takes_the_date_named_after_it(nlp) -> None:
    found = _tx(nlp, "The death was announced at 2:19 pm Moscow time on June 16. At 3 p.m. they left.")
    assert found[0] == ("2:19 pm", "TIME", "2025-06-16T14:19")
    assert found[-1] == ("3 p.m.", "TIME", "2025-06-16T15:00")  # the past narration stays at that day


@pytest.mark.model
def test_a_clock_time_in_a_past_narration_takes_the_date_named_after_it_not_the_narrations(nlp) -> None:
    found = _tx(nlp, "On Saturday his spokeswoman confirmed he was dead. The time of death was "
                     "2:17 pm local time (0917 GMT) on June 16, she said.")
    values = {text: value for text, _, value in found}
    assert values["2:17 pm"] == "2025-06-16T14:17" and values["0917 GMT"] == "2025-06-16T09:17Z"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At 6.59pm, a rocket was fired from the town.", ("6.59pm", "TIME", "2025-07-02T18:59")),
        ("At 6:59pm, a rocket was fired from the town.", ("6:59pm", "TIME", "2025-07-02T18:59")),
        ("Police arrived at 7.15 p.m. and left.", ("7.15 p.m.", "TIME", "2025-07-02T19:15")),
    ],
)
def test_clock_times_written_as_one_word_or_with_a_dot(
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    """The small model tags "6.59pm" CARDINAL, so the shape alone must seed it, and a dot between
    hour and minutes is a clock time when am/pm follows (a decimal never takes one)."""
    assert _tx(nlp, sentence) == [expected]


@pytest.mark.model
def test_a_decimal_is_no_clock_time(nlp) -> None:
    assert all(kind != "TIME" for _, kind, _ in _tx(nlp, "Prices rose 6.59 percent and 7.15 points."))


@pytest.mark.model
def test_a_clock_time_without_a_day_takes_the_day_the_narration_is_at(nlp) -> None:
    """HeidelTime's reference time for times of day: a range's day dates both its ends, and a past
    narration stays at the day it named until it names another."""
    found = _tx(nlp, "Four strikes hit the area between 6.45pm and 7pm on Monday. "
                     "They were carried out at 6.54pm and 6.58pm. The council meets at 3 p.m.")
    values = [v for _, _, v in found]
    assert values[:4] == ["2025-06-30T18:45", "2025-06-30T19:00", "2025-06-30T18:54", "2025-06-30T18:58"]
    assert values[-1] == "2025-07-02T15:00"  # the present tense is the news day
