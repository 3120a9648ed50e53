"""An analyst's corrections of a timeline, applied again after every rebuild.

Grouping reports into events is a judgement; an analyst who knows better can
merge two events, split a report off into an event of its own, or hide an
event. A correction names reports (`ReportAnchor`: article, kind and evidence
offsets), never event ids, which change when the stories are rebuilt, so it
applies again after re-ingest, `reanalyze` and a rebuild from scratch. A
report matches an anchor when it comes from the same article, points at the
same kind of item, and its evidence overlaps the anchor's (reanalysis may
move a clause boundary, not the sentence). A correction whose reports are
gone (the article was forgotten or no longer yields the event) does nothing.
Corrections apply in the order they were made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from presslens.models import EventReport, ReportAnchor, TimelineCorrection, TimelineEvent

__all__ = ["anchor_of", "apply_corrections", "matches"]


def anchor_of(report: EventReport) -> ReportAnchor:
    """What pins `report` across rebuilds."""
    return ReportAnchor(article=report.article, kind=report.kind, start=report.evidence.start,
                        end=report.evidence.end)


def matches(report: EventReport, anchor: ReportAnchor) -> bool:
    """Whether `report` is the report `anchor` pins (same article and kind, overlapping evidence)."""
    return (report.article == anchor.article and report.kind == anchor.kind
            and report.evidence.start < max(anchor.end, anchor.start + 1)
            and anchor.start < max(report.evidence.end, report.evidence.start + 1))


def _holding(events: list[TimelineEvent], anchor: ReportAnchor) -> int | None:
    return next((k for k, e in enumerate(events) if any(matches(r, anchor) for r in e.reports)), None)


def apply_corrections(
    events: Sequence[TimelineEvent], corrections: Sequence[TimelineCorrection]
) -> list[TimelineEvent]:
    """`events` with every applicable correction applied, in order; the order of events is kept."""
    out = list(events)
    for correction in corrections:
        at = _holding(out, correction.anchor)
        if at is None:
            continue
        event = out[at]
        if correction.action == "hide":
            out[at] = event.model_copy(update={"hidden": True})
        elif correction.action == "merge" and correction.other is not None:
            other_at = _holding(out, correction.other)
            if other_at is None or other_at == at:
                continue
            other = out[other_at]
            out[at] = event.model_copy(update={
                "reports": event.reports + other.reports,
                "confidence": max(event.confidence, other.confidence),
                "hidden": event.hidden and other.hidden,
            })
            del out[other_at]
        elif correction.action == "split" and len(event.reports) > 1:
            moved = [r for r in event.reports if matches(r, correction.anchor)]
            kept = tuple(r for r in event.reports if not matches(r, correction.anchor))
            if not kept:
                continue
            first = moved[0]
            digest = hashlib.sha256(
                f"{event.id}|split|{first.article}|{first.kind}{first.index}".encode()).hexdigest()[:10]
            out[at] = event.model_copy(update={"reports": kept})
            out.insert(at + 1, event.model_copy(update={
                "id": "e-" + digest, "reports": tuple(moved), "actor": first.actor or event.actor,
                "target": first.target or event.target, "confidence": max(r.confidence for r in moved),
                "date": first.date[:10] if first.date and len(first.date) >= 10 else event.date,
            }))
    return out
