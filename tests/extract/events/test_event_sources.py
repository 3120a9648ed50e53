"""Events told inside a claim carry the claim's speaker as `reported_by`."""

from __future__ import annotations

from presslens.extract.events import events_with_reporters
from presslens.models import Claim, Event, Mention, TextSpan

TEXT = "Kyiv said Russian troops shelled Kharkiv. Russian troops also shelled Sumy, reportedly."


def _span(part: str) -> TextSpan:
    start = TEXT.index(part)
    return TextSpan(text=part, start=start, end=start + len(part))


def _event(part: str) -> Event:
    return Event(type="ASSAULT", mode="shell", evidence=_span(part))


def test_event_inside_claim_content_is_reported_by_the_speaker() -> None:
    claim = Claim(
        speaker=Mention(text="Kyiv", canonical="Government of Ukraine", start=0, end=4),
        cue=_span("said"),
        content=_span("Russian troops shelled Kharkiv"),
        hedged=True,
        evidence=_span("Kyiv said Russian troops shelled Kharkiv."),
    )
    inside, outside = events_with_reporters(
        [_event("Russian troops shelled Kharkiv"), _event("Russian troops also shelled Sumy")], [claim]
    )
    assert inside.reported_by == claim.speaker and inside.hedged
    assert outside.reported_by is None and not outside.hedged


def test_no_claims_leaves_events_alone() -> None:
    event = _event("Russian troops shelled Kharkiv")
    assert events_with_reporters([event], []) == [event]
