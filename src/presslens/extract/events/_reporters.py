"""Who reports an event: events stated inside a claim's content carry its speaker.

"Yerevan said Azerbaijani forces had opened fire" is not the author asserting an
attack; it is Armenia's account of one. Readers of a conflict covered by both
sides need that distinction on every event, so an event whose trigger clause
lies inside an attributed claim's content gets the claim's speaker (and the
claim's hedging) — the convention of attribution-aware event coding (the
PLOVER/POLECAT "source of the report" distinction; Pareti's nesting of
attribution relations).
"""

from __future__ import annotations

from collections.abc import Sequence

from presslens.confidence import is_named, report_confidence
from presslens.models import Claim, Event

__all__ = ["events_with_reporters", "reporting_claim"]


def reporting_claim(offset: int, claims: Sequence[Claim]) -> Claim | None:
    """The innermost claim whose content holds character `offset` (where an event is told): whose
    account the event is. Shared with the Russian event reader, which gives its trigger's offset.
    A claim told as not made ("did not mention that X struck Y") is nobody's account of it."""
    holders = [c for c in claims if c.content.start <= offset < c.content.end and not c.negated]
    return min(holders, key=lambda c: c.content.end - c.content.start) if holders else None


def events_with_reporters(events: Sequence[Event], claims: Sequence[Claim]) -> list[Event]:
    """Events with `reported_by` set from the innermost claim whose content holds them."""
    out = []
    for event in events:
        claim = reporting_claim(event.evidence.start, claims)
        if claim is None:
            out.append(event)
            continue
        update = {"reported_by": claim.speaker, "hedged": event.hedged or claim.hedged}
        if claim.hedged and not event.hedged:  # "X reportedly said that Y struck Z"
            own_date = event.date is not None and "dated by its" not in event.why
            update["confidence"] = report_confidence(
                named_actor=is_named(event.actor), own_date=own_date, hedged=True
            )
        out.append(event.model_copy(update=update))
    return out
