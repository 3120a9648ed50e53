"""A source's denial of an attack set against the outlets that report it."""

from __future__ import annotations

import datetime as dt

from presslens.models import Event, Mention, TextSpan
from presslens.stories.denials import denied_acts
from presslens.stories.records import EventReport, StoryInput, TimelineEvent

_DAY = dt.date(2026, 3, 14)


def _span(text: str) -> TextSpan:
    return TextSpan(text=text, start=0, end=len(text))


def _denial(actor: str, *, date: str | None = None, told_by: str | None = "the spokesman") -> Event:
    said = f"the {actor} army was not conducting air operations near the depot"
    return Event(type="ASSAULT", mode="heavy-weapons", actor=Mention(text=f"{actor} army"),
                 evidence=_span(said), negated=True, date=date,
                 reported_by=Mention(text=told_by) if told_by else None)


def _entry(actor: str | None, outlet: str = "AP", date: str = "2026-03-13") -> TimelineEvent:
    report = EventReport(article="b", outlet=outlet, index=0, actor=actor,
                         evidence=_span(f"four {actor} air strikes hit areas near the depot"))
    return TimelineEvent(id="e-1", story="s-1", date=date, type="ASSAULT", mode="heavy-weapons", actor=actor,
                         reports=(report,))


def _denials(event: Event, timeline: list[TimelineEvent], outlet: str = "AFP", day: dt.date = _DAY):
    article = StoryInput("a", outlet, day, "t", "text", events=(event,))
    return list(denied_acts([article], timeline))


def test_a_sources_denial_meets_the_reports_that_credit_the_act_to_its_side() -> None:
    (denial,) = _denials(_denial("Armenian"), [_entry("Armenian")])
    assert [r.outlet for r in denial.reports] == ["AP"]
    assert denial.what == "heavy-weapons by Armenian army"


def test_no_dispute_with_another_sides_act_an_unnamed_doer_or_the_outlets_own_words() -> None:
    assert _denials(_denial("Armenian"), [_entry("Azerbaijani")]) == []
    assert _denials(_denial("Armenian"), [_entry(None)]) == []
    assert _denials(_denial("Armenian", told_by=None), [_entry("Armenian")]) == []  # narration
    assert _denials(_denial("Armenian"), [_entry("Armenian", outlet="AFP")]) == []  # its own outlet


def test_the_denied_act_is_of_the_events_day() -> None:
    assert _denials(_denial("Armenian", date="2026-03-13"), [_entry("Armenian")])
    assert _denials(_denial("Armenian", date="2026-03-02"), [_entry("Armenian")]) == []
    # undated: told the day of the event or the next, not a week later
    assert _denials(_denial("Armenian"), [_entry("Armenian")], day=dt.date(2026, 3, 20)) == []
