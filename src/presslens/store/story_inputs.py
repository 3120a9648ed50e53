"""Reading the current articles back as the story functions' input (records rebuilt from rows).

Rows are turned back into records with ``model_construct`` (no validation:
they were validated when stored), which keeps a refresh over 10,000 articles
in seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from presslens.models import Claim, Event, Mention, TextSpan
from presslens.store.database import Database
from presslens.stories.records import EntityRef, StoryInput

__all__ = ["story_inputs"]


def story_inputs(
    db: Database, article_ids: Sequence[str] | None = None, *, parties_only: bool = False
) -> list[StoryInput]:
    """The current version of every article (or of `article_ids`), as the story functions read it.

    With `parties_only`, only what linking actors and grouping stories read: the
    entities and the events' actors and targets resolved to a name, no claims. A refresh reads that
    of every article and the whole of the few articles whose stories it derives.
    """
    join = "JOIN article_versions v ON v.version_id = r.version_id AND v.is_current"
    only, params = "", []
    if article_ids is not None:
        only, params = "AND list_contains(?, v.article_id) ", [list(article_ids)]
    entities: dict[str, list[EntityRef]] = {}
    for article_id, text, label, canonical in db.fetch_all(
        f"SELECT r.article_id, r.text, r.label, r.canonical FROM entities r {join} {only}"
        "ORDER BY r.article_id, r.idx",
        params,
    ):
        entities.setdefault(article_id, []).append(EntityRef(text, label, canonical))
    events: dict[str, list[Event]] = {}
    claims: dict[str, list[Claim]] = {}
    if parties_only:
        # only the parties that name someone other than their words ("he" -> "Ivan Petrov"): the
        # ones linking actors reads (``stories.layer.name_mentions``); building the rest costs seconds
        named = "({0}_canonical IS NOT NULL AND {0}_canonical <> coalesce({0}_text, ''))"
        for article_id, kind, *parties in db.fetch_all(
            "SELECT r.article_id, r.type, r.actor_text, r.actor_canonical, r.target_text, r.target_canonical "
            f"FROM events r {join} {only}AND ({named.format('r.actor')} OR {named.format('r.target')}) "
            "ORDER BY r.article_id, r.idx",
            params,
        ):
            actor, target = _named(*parties[:2]), _named(*parties[2:])
            event = Event.model_construct(type=kind, actor=actor, target=target)
            events.setdefault(article_id, []).append(event)
    else:
        order = "ORDER BY r.article_id, r.idx"
        for r in db.fetch_dicts(f"SELECT r.* FROM events r {join} {only}{order}", params):
            events.setdefault(r["article_id"], []).append(_event(r))
        for r in db.fetch_dicts(f"SELECT r.* FROM claims r {join} {only}{order}", params):
            claims.setdefault(r["article_id"], []).append(_claim(r))
    return [
        StoryInput(
            article_id=a,
            outlet=outlet,
            published=published,
            title=title,
            text=text,
            entities=tuple(entities.get(a, ())),
            events=tuple(events.get(a, ())),
            claims=tuple(claims.get(a, ())),
            version=version,
        )
        for a, outlet, published, title, text, version in db.fetch_all(
            # a re-analysis keeps the version id and replaces the records: its time tells them apart
            "SELECT article_id, outlet, published, title, text, version_id || '@' || analysed_at "
            "FROM article_versions v WHERE is_current " + only + "ORDER BY article_id",
            params,
        )
    ]


def _named(text: str | None, canonical: str | None) -> Mention | None:
    return _mention(text, canonical) if canonical and canonical != text else None


def _mention(text: str | None, canonical: str | None) -> Mention | None:
    return (
        Mention.model_construct(text=text, canonical=canonical, start=None, end=None, inferred=False)
        if text
        else None
    )


def _span(text: str | None, start: int | None, end: int | None) -> TextSpan:
    return TextSpan.model_construct(text=text or "", start=start or 0, end=end or 0)


def _event(r: dict[str, Any]) -> Event:
    return Event.model_construct(
        type=r["type"],
        mode=r["mode"],
        actor=_mention(r["actor_text"], r["actor_canonical"]),
        target=_mention(r["target_text"], r["target_canonical"]),
        place=_mention(r["place_text"], r["place_canonical"]),
        date=r["date"],
        date_bound=r.get("date_bound"),
        confidence=r["confidence"] if r.get("confidence") is not None else 0.5,
        negated=r["negated"],
        hedged=r["hedged"],
        modality=r["modality"],
        why=r["why"] or "",
        evidence=_span(r["evidence_text"], r["evidence_start"], r["evidence_end"]),
        reported_by=_mention(r.get("reported_by_text"), r.get("reported_by_canonical")),
    )


def _claim(r: dict[str, Any]) -> Claim:
    return Claim.model_construct(
        speaker=_mention(r["speaker_text"], r["speaker_canonical"]) or _mention("?", None),
        cue=_span(r["cue_text"], None, None),
        content=_span(r["content_text"], r["content_start"], r["content_end"]),
        via=_mention(r["via_text"], r["via_canonical"]),
        hedged=r["hedged"],
        direct=r["direct"],
        why=r["why"] or "",
        evidence=_span(r["evidence_text"], r["evidence_start"], r["evidence_end"]),
        date=r.get("date"),
        date_bound=r.get("date_bound"),
        act=r.get("act"),
        act_target=_mention(r.get("act_target_text"), r.get("act_target_canonical")),
        about=_mention(r.get("about_text"), r.get("about_canonical")),
        negated=bool(r.get("negated")),
    )
