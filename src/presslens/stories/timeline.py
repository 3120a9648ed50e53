"""One timeline per story: each event once, with every article that reports it.

Event coreference across documents is decided conservatively, after the
cross-document event coreference setting of ECB+ (Cybulska & Vossen, 2014):
two reports are one event when they have the same PLOVER type and mode and
the same *target* (the party acted upon is what news reports keep stable: the
arrested man, the raided market, the summoned ambassador), where targets are
the same when they resolve to one cross-article actor, when one wording
contains the other ("Russian ambassador" / "Russian Ambassador Mikhail
Yevdokimov"), or when both are counted groups ("nine people", "at least 23
Azerbaijanis" — how many is a contradiction, not a second event). Reports
without a target merge only with near-identical evidence (a wire reprint) or
the same named actor. One article giving two different dates for such an event
means two events (a second arrest), so an article's reports never merge
across its own dates; different articles giving different dates stay one
event, and the disagreement is listed by ``stories.contradictions``.

Only asserted, non-negated events go on the timeline: an intended visit or a
denied raid did not happen as far as the reports go.

Statements are timeline entries too (mode ``statement``): every claim whose speaker is a
named party, typed by the act it performs (``Claim.act``: ACCUSE, REJECT, REQUEST, ...; OTHER
for a plain statement, PLOVER having no category for it), its speaker the actor, dated by its
own clause. A statement whose act the article already codes as an event ("Kyiv denied ...")
is that event and is not listed twice. Statements group across outlets like events without a
target: the same speaker, the same act.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

from presslens.confidence import is_named, report_confidence
from presslens.models import Claim, Event, Mention
from presslens.stories.actors import ActorIndex, fold_name
from presslens.stories.records import EventReport, Story, StoryInput, TimelineEvent

__all__ = ["party_key", "story_timeline"]

_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "this",
        "that",
        "who",
        "which",
        "one",
        "those",
        "these",
    ]
)
_COUNT = re.compile(
    r"^(?:at least |more than |over |nearly |almost |about |around |some |up to )?"
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|several)\b"
)
_OF_NAME = re.compile(r"\bof (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_REPRINT_SIMILARITY = 90.0


def _name(mention: Mention | None) -> str | None:
    if mention is None:
        return None
    name = (mention.canonical or mention.text or "").strip()
    return None if not name or fold_name(name) in _PRONOUNS else name


def party_key(mention: Mention | None, actors: ActorIndex) -> str | None:
    """What identifies an event's participant across articles (None when unnamed or a pronoun)."""
    name = _name(mention)
    if name is None:
        return None
    if _COUNT.match((mention.text if mention else name).lower()):
        return "#group"  # "at least 23 Azerbaijanis": a counted group, whoever its members
    if key := actors.key_of(name):
        return "id:" + key
    inner = _OF_NAME.search(mention.text if mention else name)  # "the killing of Rustam Mammadov"
    if inner and (key := actors.key_of(inner.group(1))):
        return "id:" + key
    return "t:" + fold_name(name)


def _display(mention: Mention | None, actors: ActorIndex) -> str | None:
    name = _name(mention)
    return actors.display(name) if name else None


#: The timeline type of a statement that does no more than inform (PLOVER has no category).
STATEMENT_TYPE = "OTHER"
STATEMENT_MODE = "statement"


@dataclass
class _Report:
    article: StoryInput
    index: int
    event: Event
    target_key: str | None
    actor_key: str | None
    kind: Literal["event", "claim"] = "event"

    @property
    def date(self) -> str | None:
        return self.event.date if self.event.date and _FULL_DATE.match(self.event.date) else None


@dataclass
class _Cluster:
    type: str
    mode: str | None
    reports: list[_Report] = field(default_factory=list)

    def target_keys(self) -> set[str]:
        return {r.target_key for r in self.reports if r.target_key}

    def dates_of(self, article_id: str) -> set[str]:
        return {r.date for r in self.reports if r.article.article_id == article_id and r.date}


def _targets_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.startswith("t:") and b.startswith("t:"):
        ta, tb = a[2:], b[2:]
        return (ta in tb or tb in ta) and min(len(ta.split()), len(tb.split())) >= 2
    return False


def _joins(report: _Report, cluster: _Cluster, actors: ActorIndex) -> bool:
    if cluster.type != report.event.type or cluster.mode != report.event.mode:
        return False
    own_dates = cluster.dates_of(report.article.article_id)
    if report.date and own_dates and report.date not in own_dates:
        return False  # the same article dates it differently: another occurrence
    keys = cluster.target_keys()
    if report.target_key:
        return any(_targets_compatible(report.target_key, k) for k in keys) or any(
            _text_contains(report, other) for other in cluster.reports
        )
    if keys:
        return False
    return any(
        (report.actor_key and report.actor_key == other.actor_key)
        or fuzz.ratio(report.event.evidence.text, other.event.evidence.text) >= _REPRINT_SIMILARITY
        for other in cluster.reports
    )


def _text_contains(report: _Report, other: _Report) -> bool:
    """ "Russian ambassador" is contained in "Russian Ambassador Mikhail Yevdokimov"."""
    if not (report.event.target and other.event.target):
        return False
    a, b = fold_name(report.event.target.text), fold_name(other.event.target.text)
    return bool(a and b) and (a in b or b in a) and min(len(a.split()), len(b.split())) >= 2


def _reports(articles: Sequence[StoryInput], actors: ActorIndex) -> list[_Report]:
    reports = []
    for article in sorted(articles, key=lambda a: (a.published or dt.date.max, a.article_id)):
        for index, event in enumerate(article.events):
            if event.negated or event.modality != "asserted":
                continue
            reports.append(
                _Report(
                    article, index, event, party_key(event.target, actors), party_key(event.actor, actors)
                )
            )
        for index, claim in enumerate(article.claims):
            statement = _statement(claim, article)
            speaker = party_key(statement.actor, actors) if statement is not None else None
            if statement is None or speaker is None or speaker == "#group":
                continue  # an unnamed or unresolved speaker ("he", "officials") makes no entry
            target = party_key(statement.target, actors)
            reports.append(_Report(article, index, statement, target, speaker, kind="claim"))
    return reports


def _statement(claim: Claim, article: StoryInput) -> Event | None:
    """The claim as a dated speech act, or None when an event of the article already is it."""
    act = claim.act or STATEMENT_TYPE
    ev = claim.evidence
    for event in article.events:
        if event.type == act and event.evidence.start < ev.end and ev.start < event.evidence.end:
            return None
    return Event.model_construct(
        type=act,
        mode=STATEMENT_MODE,
        actor=claim.speaker,
        target=claim.act_target,
        place=None,
        date=claim.date,
        date_bound=claim.date_bound,
        negated=False,
        hedged=claim.hedged,
        modality="asserted",
        why=f"statement: {claim.why}" if claim.why else "statement",
        evidence=claim.evidence,
        reported_by=None,
        confidence=report_confidence(
            named_actor=is_named(claim.speaker), own_date=claim.date is not None, hedged=claim.hedged
        ),
    )


def story_timeline(story: Story, articles: Sequence[StoryInput], actors: ActorIndex) -> list[TimelineEvent]:
    """The de-duplicated events of `story`, in date order, each with all its reports."""
    clusters: list[_Cluster] = []
    for report in _reports(articles, actors):
        home = next((c for c in clusters if _joins(report, c, actors)), None)
        if home is None:
            home = _Cluster(report.event.type, report.event.mode)
            clusters.append(home)
        home.reports.append(report)
    events = [_timeline_event(story.id, c, actors) for c in clusters]
    return sorted(events, key=lambda e: (e.date or "9999", -e.confidence, e.type, e.id))


def _most_common(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    return Counter(present).most_common(1)[0][0] if present else None


def _timeline_event(story_id: str, cluster: _Cluster, actors: ActorIndex) -> TimelineEvent:
    dates = Counter(r.date for r in cluster.reports if r.date)
    if dates:
        date, date_source = sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0], "event"
    else:
        published = [r.article.published for r in cluster.reports if r.article.published]
        date, date_source = (min(published).isoformat(), "published") if published else (None, None)
    targets = [_display(r.event.target, actors) for r in cluster.reports]
    named = [
        t for r, t in zip(cluster.reports, targets, strict=True) if r.target_key and r.target_key[:3] == "id:"
    ]
    first = cluster.reports[0]
    digest = hashlib.sha256(
        f"{story_id}|{cluster.type}|{cluster.mode}|{first.article.article_id}|{first.kind}{first.index}".encode()
    ).hexdigest()[:10]
    return TimelineEvent(
        id="e-" + digest,
        story=story_id,
        date=date,
        date_source=date_source,
        type=cluster.type,
        mode=cluster.mode,
        actor=_most_common([_display(r.event.actor, actors) for r in cluster.reports]),
        target=_most_common(named) or _most_common(targets),
        place=_most_common([_name(r.event.place) for r in cluster.reports]),
        confidence=max(r.event.confidence for r in cluster.reports),
        reports=tuple(
            EventReport(
                article=r.article.article_id,
                outlet=r.article.outlet,
                index=r.index,
                actor=_display(r.event.actor, actors),
                target=_display(r.event.target, actors),
                date=r.event.date,
                evidence=r.event.evidence,
                kind=r.kind,
                confidence=r.event.confidence,
            )
            for r in cluster.reports
        ),
    )
