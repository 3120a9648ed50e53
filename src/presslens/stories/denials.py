"""Acts one source says did not happen and other outlets report: "at the time of the strike, the
Israeli army was not conducting air operations near the hospital" (the army's spokesman) against
"there were four Israeli air strikes targeting areas near the hospital" (Al Jazeera's analysis).

The timeline lists only what is asserted (``stories.timeline``), so a source's denial of an act is
not on it; here each denial is set against the timeline's events of its type, day and side.
Conservative, like the rest of the contradictions:

- the denial is a source's (an event told as negated inside a claim: "X said Y did not ..."),
  not the outlet's own narration ("police failed to arrest him" is no dispute);
- its doer is a party with a country ("the Israeli army", "Ukrainian forces") and the reports
  set against it name a doer of that country themselves: a report of the same blast that
  credits another party ("a failed rocket launch") does not say the denied act happened;
- the act is an attack (``sites.OCCURRENCE_TYPES``) on the timeline event's day: dated, that
  day; undated, published that day or the next ("was not conducting air operations at the time").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from presslens.facts import mention_countries, party_sides
from presslens.models import Event
from presslens.stories.records import EventReport, StoryInput, TimelineEvent
from presslens.stories.sites import OCCURRENCE_TYPES

__all__ = ["Denial", "denied_acts"]


@dataclass(frozen=True)
class Denial:
    """A source's denial of an act and the reports of it from other outlets."""

    what: str  # "heavy-weapons by Israeli army"
    article: StoryInput
    index: int  # the denied event's index in the article's events
    event: Event
    reports: tuple[EventReport, ...]


def _same_time(event: Event, article: StoryInput, day: str | None) -> bool:
    """The denied act is of the timeline event's day: by its own date, else by when it was told."""
    if day is None:
        return False
    if event.date:
        return event.date[:10] == day
    if article.published is None:
        return False
    told = article.published - dt.date.fromisoformat(day)
    return dt.timedelta(0) <= told <= dt.timedelta(days=1)


def _day(entry: TimelineEvent) -> str | None:
    date = entry.date or ""
    return date[:10] if len(date) >= 10 and date[4] == "-" else None


def denied_acts(articles: Sequence[StoryInput], timeline: Sequence[TimelineEvent]) -> Iterator[Denial]:
    """Each source's denial of an attack that other outlets' reports on the timeline say happened,
    once per stretch of text (a verb and its noun coded alike are one denial), with the reports of
    every timeline event it denies."""
    for article in articles:
        seen: set[tuple[int, int]] = set()
        for index, event in enumerate(article.events):
            if not event.negated or event.modality != "asserted" or event.type not in OCCURRENCE_TYPES:
                continue
            if event.reported_by is None:
                continue  # the outlet's narration ("the strike did not hit the school"), no source's word
            side = mention_countries(event.actor)
            span = (event.evidence.start, event.evidence.end)
            if not side or span in seen:
                continue
            seen.add(span)
            own = (article.outlet or article.article_id).casefold()
            reports = tuple(
                r for entry in timeline
                if entry.type == event.type and not entry.hidden and _same_time(event, article, _day(entry))
                for r in entry.reports
                if r.kind == "event" and (r.outlet or r.article).casefold() != own
                and r.actor and party_sides(r.actor)[0] & side
            )
            if reports:
                actor = event.actor.text if event.actor is not None else ""
                yield Denial(f"{event.mode or event.type.lower()} by {actor}", article, index, event, reports)
