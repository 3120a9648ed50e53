"""Contradictions across the outlets of a story, each side with its article and sentence.

Three sources of contradictions, all conservative (a contradiction shown to an
analyst that is not one costs more than one missed):

- **facts**: every claim, and every sentence outside the claims in the outlet's
  own voice, is reduced to slot facts by the same functions that find
  contradictions inside one article (`presslens.facts`: cause of death, people
  killed / wounded / detained / pleading guilty, who carried the act out), with
  the subject resolved to its cross-article identity so "Mamedov" and
  "Mammadov" are one subject. Facts are grouped by (attribute, subject) and
  split into *positions*, the most precise values first; a vague value that
  agrees with two positions takes none. Causes make two cards (manner of death,
  then the diagnosis within one manner), parties too (the side, then which
  group). A group with two or more positions is a contradiction when some
  disagreeing pair comes from different outlets — disagreement inside one
  outlet is the article's own contradiction, reported per article, and a party revising
  its own figure on a later day (500 dead on the night, 471 the next day, both from Gaza's
  health ministry) is an update, not a dispute. The outlet's-voice evidence is the clause
  that states the fact.
- **people**: ages, ranks, citizenships and birth years the outlets give one person.
- **events** of the de-duplicated timeline (``stories.timeline``): reports of
  one event that give different calendar dates (*when*; one side backed by two
  outlets or more), or name different bodies (*who acted*, over acts one party
  does: "police" vs "officers of the Federal Security Service"; "police" vs
  "Russian police officers" agree; descriptions such as "several gunmen" name
  no body).

Agreeing claims never produce a contradiction: positions only split on a
disagreement, and a wire reprint repeats its original's values.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache, partial
from typing import Literal

from presslens.extract.entities import entity_lexicon
from presslens.facts import (
    Fact,
    cause_category,
    claim_facts,
    count_interval,
    fact_lexicon,
    facts_disagree,
    parties_disagree,
    party_sides,
    person_ages,
    person_birth_years,
    person_citizenships,
    person_ranks,
)
from presslens.models import SPEECH_ACTS, TextSpan
from presslens.resources import read_tsv
from presslens.stories.actors import ActorIndex, fold_name
from presslens.stories.denials import denied_acts
from presslens.stories.records import (
    ContradictionPosition,
    ContradictionSource,
    Story,
    StoryContradiction,
    StoryInput,
    TimelineEvent,
)
from presslens.stories.sites import OCCURRENCE_TYPES
from presslens.stories.story_facts import SourcedFact, story_facts

__all__ = ["actors_agree", "story_contradictions"]

# role nouns that say nothing about *which* body acted ("police officers" = "police"), and the
# function words between them
_GENERIC_ROLES = frozenset(row[0] for row in read_tsv("story_roles.tsv")) | {"of", "the", "and"}


def _outlet(article: StoryInput) -> str:
    return (article.outlet or article.article_id).casefold()


def _claim_source(item: SourcedFact) -> ContradictionSource:
    return ContradictionSource(
        article=item.article.article_id,
        outlet=item.article.outlet,
        kind=item.kind,
        index=item.claim_index,
        speaker=_speaker(item),
        evidence=item.claim.evidence,
    )


def _digest(*parts: str) -> str:
    return "c-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:10]


def _contradiction(
    story: Story, topic: str, attribute: str, kind: str, sides: tuple[ContradictionPosition, ...]
) -> StoryContradiction:
    """One contradiction of `story`, its id stable over the values its sides give."""
    return StoryContradiction(
        id=_digest(story.id, topic, *sorted(s.value for s in sides)),
        story=story.id,
        topic=topic,
        attribute=attribute,
        kind=kind,
        sides=sides,
    )


def _width(item: SourcedFact) -> float:
    """How much a value leaves open: 0 for "471", 200 for "100-300", infinite for "at least 23"."""
    if item.fact.kind != "count":
        return 0.0
    interval = count_interval(item.fact.value)
    return interval[1] - interval[0] if interval else float("inf")


Disagree = Callable[[Fact, Fact], bool]
# Whether two sides' difference is no dispute (a party revising its own figure).
Settled = Callable[[list[SourcedFact], list[SourcedFact]], bool]


def _positions(items: list[SourcedFact], disagree: Disagree = facts_disagree) -> list[list[SourcedFact]]:
    """Sides of a dispute, the most precise values first.

    A fact joins the side all of whose facts it agrees with when it disputes every other side.
    A vaguer fact that agrees with two sides ("hundreds" with both "471" and "100-300"; "at least
    200" with both) takes no side — shown on one, it would stand against a value it does not
    dispute — unless one of them gives its own number ("at least 471" with "471"). A denial
    ("Israel was not behind it") sides only with denials of the same party, and is no side a
    statement of who did it has to choose.
    """
    positions: list[list[SourcedFact]] = []
    for item in sorted(items, key=_width):
        same = [p for p in positions if p[0].fact.denied == item.fact.denied]
        if item.fact.denied:  # denials of two parties are two positions ("not Israel", "not Hamas")
            same = [p for p in same if not disagree(_asserted(item.fact), _asserted(p[0].fact))]
        agreed = [p for p in same if any(not disagree(item.fact, o.fact) for o in p)]
        if not agreed:
            positions.append([item])
            continue
        homes = [p for p in agreed if all(not disagree(item.fact, o.fact) for o in p)]
        if len(agreed) > 1:
            number = item.fact.value.split()[-1]
            homes = [p for p in homes if any(o.fact.value == number for o in p)]
        if len(homes) == 1:
            homes[0].append(item)
    order = {id(item): n for n, item in enumerate(items)}
    for p in positions:
        p.sort(key=lambda item: order[id(item)])
    return sorted(positions, key=lambda p: order[id(p[0])])


def _asserted(fact: Fact) -> Fact:
    """A denial read as the statement it denies ("not Israel" as "Israel")."""
    return dataclasses.replace(fact, denied=False)


Card = tuple[str, list[list[SourcedFact]], Disagree]
# The manners of death a weapon can be the means of.
_MANNERS_OF_WEAPON = frozenset({"homicide", "suicide", "accident"})


def _cause_cards(items: list[SourcedFact]) -> list[Card]:
    """A cause dispute as a reader sees it: first the manner of death, then the diagnosis.

    Sides by category ("natural" vs "homicide" vs "undetermined") make one card; inside one
    category, different specific causes ("blood clot" vs "sudden death syndrome") make another,
    without the generic statements ("natural causes"), which agree with both of them and would
    otherwise sit on one side against a cause they do not dispute. A weapon is a means, not a
    manner: it sides with the one violent manner stated. Causes outside every category ("the same
    ailment") make no card: their words alone are too loose to set against each other.
    """
    by_category: dict[str, list[SourcedFact]] = {}
    for item in items:
        category = cause_category(item.fact.value)
        if category is not None:
            by_category.setdefault(category[0], []).append(item)
    cards: list[Card] = []
    manners = [c for c in by_category if c != "weapon"]
    if "weapon" in by_category and len([c for c in manners if c in _MANNERS_OF_WEAPON]) == 1:
        # a gunshot sides with the one violent manner stated ("suicide"); with two, with neither
        home = next(c for c in manners if c in _MANNERS_OF_WEAPON)
        by_category[home] = by_category[home] + by_category["weapon"]
    elif "weapon" in by_category and not any(c in _MANNERS_OF_WEAPON for c in manners):
        manners.append("weapon")
    if len(manners) >= 2:
        cards.append(("", [by_category[c] for c in sorted(manners)], facts_disagree))
    for category, members in sorted(by_category.items()):
        specific = [i for i in members if not (cause_category(i.fact.value) or ("", False))[1]]
        cards.append((f" ({category})", _positions(specific), facts_disagree))
    return cards


def _party_cards(items: list[SourcedFact], affiliation: dict[str, frozenset[str]]) -> list[Card]:
    """Who carried it out, as a reader sees it: first the side (Israel vs the Palestinian groups;
    a country's denial against those who name it), then, inside one side, which group ("Hamas"
    vs "Islamic Jihad") among the statements that name one. "A rocket from within Gaza" sides
    with both groups and so takes part in the first card only."""
    side: Disagree = partial(parties_disagree, affiliation=affiliation, level="side")
    group: Disagree = partial(parties_disagree, affiliation=affiliation, level="group")
    positions = _positions(items, side)
    cards: list[Card] = [("", positions, side)]
    for position in positions:
        named = [i for i in position if party_sides(i.fact.value)[1] and not i.fact.denied]
        cards.append((": which group", _positions(named, group), group))
    return cards


_KINDS: dict[str, Literal["count", "cause", "actor", "place", "extent"]] = {
    "count": "count", "cause": "cause", "party": "actor", "place": "place", "extent": "extent"
}


def _affiliations(articles: Sequence[StoryInput], values: Iterable[str]) -> dict[str, frozenset[str]]:
    """The country each group named in `values` (parties, speakers) is tied to somewhere in the
    story's articles: "Palestinian Islamic Jihad", "Gaza-based Hamas militants", "the Palestinian
    group Hamas" (a place word right before the name, or before "group"/"movement"; "Israel and
    Hamas" ties none)."""
    places = fact_lexicon().places
    phrases: dict[str, frozenset[str]] = {}  # each group's wording once, however many say it
    for value in values:
        names = party_sides(value)[1]
        if names:
            phrase = " ".join(w for w in re.findall(r"[\w’'-]+", value) if w.lower() in names)
            phrases[phrase] = names
    found: dict[str, set[str]] = {}
    for phrase, names in phrases.items():
        before = re.compile(
            r"\b([A-Z][\w’'-]*?)(?:-based)?\s+(?:(?:[a-z]+\s+)?(?:group|movement|organi[sz]ation|faction)\s+)?"
            + re.escape(phrase) + r"\b"
        )
        for article in articles:
            for match in before.finditer(article.text):
                code = places.get(match.group(1).lower())
                if code:
                    for name in names:
                        found.setdefault(name, set()).add(code)
    return {name: frozenset(codes) for name, codes in found.items()}


def _claim_contradictions(
    story: Story, facts: list[SourcedFact], articles: Sequence[StoryInput] = ()
) -> list[StoryContradiction]:
    groups: dict[tuple[str, str], list[SourcedFact]] = {}
    for item in facts:
        groups.setdefault((item.fact.attribute, (item.fact.subject or "").casefold()), []).append(item)
    found = []
    for (attribute, _), items in sorted(groups.items()):
        kind = _KINDS[items[0].fact.kind]
        if kind == "cause":
            cards = _cause_cards(items)
        elif kind == "actor":
            cards = _party_cards(items, _affiliations(articles, (i.fact.value for i in items)))
        else:
            cards = [("", _positions(items), facts_disagree)]
        settled: Settled | None = None
        if kind == "count":
            speakers = _affiliations(articles, filter(None, map(_speaker, items)))
            settled = partial(_revised, affiliation=speakers)
        for suffix, card_positions, disagree in cards:
            for positions in _disputes(card_positions, disagree, settled):
                if kind == "count" and attribute in fact_lexicon().rising and _rising(positions):
                    continue  # a toll that grows from one day's reports to the next is updated, not disputed
                subject = items[0].fact.subject
                if kind == "actor":
                    topic = _DOER_TOPIC + suffix
                elif kind == "place":
                    topic = _DESTINATION_TOPIC
                else:
                    where = f" in {subject}" if kind == "count" else f" of {subject}"
                    topic = attribute + (where if subject else "") + suffix
                sides = tuple(
                    ContradictionPosition(
                        value=Counter(_shown_value(i.fact) for i in p).most_common(1)[0][0],
                        sources=_unique(_claim_source(i) for i in p),
                    )
                    for p in positions
                )
                found.append(_contradiction(story, topic, attribute, kind, sides))
    return found


def _shown_value(fact: Fact) -> str:
    """A side's value as a reader sees it: a denial says so ("not Ukraine")."""
    return ("not " if fact.denied else "") + fact.value


def _rising(positions: list[list[SourcedFact]]) -> bool:
    """Counts that only grow with the day they were published: 133 dead on Saturday, 137 on Sunday,
    139 on Tuesday. Every lower count was published no later than every higher one, over two days
    or more; a count that falls later (500, then 471, then "100 to 300") is disputed."""
    spans = []
    for p in positions:
        intervals = [count_interval(i.fact.value) for i in p]
        days = [i.article.published for i in p]
        if any(v is None for v in intervals) or any(d is None for d in days):
            return False
        lows, highs = [v[0] for v in intervals if v], [v[1] for v in intervals if v]
        spans.append((min(lows), max(highs), min(days), max(days)))
    if len({d for s in spans for d in (s[2], s[3])}) < 2:
        return False
    return all(a[3] <= b[2] for a in spans for b in spans if a[1] < b[0])


def _speaker(item: SourcedFact) -> str | None:
    return (item.claim.speaker.canonical or item.claim.speaker.text) if item.kind == "claim" else None


def _party_of(speaker: str | None, affiliation: dict[str, frozenset[str]]) -> frozenset[str]:
    """The party a speaker stands for: its countries, a group's affiliated country ("Hamas" ->
    Palestine), else the group's own name; empty for "media outlets" or the outlet's voice."""
    if not speaker:
        return frozenset()
    countries, names = party_sides(speaker)
    tied = countries | frozenset(c for n in names for c in affiliation.get(n, ()))
    return tied or names


def _revised(p: list[SourcedFact], q: list[SourcedFact], affiliation: dict[str, frozenset[str]]) -> bool:
    """Two figures one party gave on different days: a revision, not a dispute (the Gaza health
    ministry's 500 on the night, its 471 the next day). Every speaker of the two sides that stands
    for a party stands for the same one, each side has such a speaker, and the sides were first
    published on different days; a figure in the outlet's voice or from "media outlets" follows
    the source it repeats. Two outlets giving one source's figure differently on one day still
    disagree."""
    parties = [[_party_of(_speaker(i), affiliation) for i in side] for side in (p, q)]
    if not all(any(side) for side in parties):
        return False
    common = frozenset.intersection(*(party for side in parties for party in side if party))
    days = [{i.article.published for i in side} for side in (p, q)]
    if not common or any(None in d for d in days):
        return False
    if _one_release(p, q):
        return False
    return min(days[0]) != min(days[1])


def _one_release(p: list[SourcedFact], q: list[SourcedFact]) -> bool:
    """The two sides relay one release of the party's figures: beside the figure they differ on, their
    words give another one alike ("366 detained in 39 cities" and "at least 366 arrested in 36
    cities": one count, its cities told differently). A revision changes the figure it revises."""
    def others(side: list[SourcedFact]) -> set[tuple[str, tuple[float, float]]]:
        found = set()
        for item in side:
            for fact in claim_facts(item.claim, item.article.text):
                interval = count_interval(fact.value) if fact.kind == "count" else None
                if fact.attribute != item.fact.attribute and interval is not None:
                    found.add((fact.attribute, (interval[0], interval[0])))  # "at least 366" gives 366
        return found
    return bool(others(p) & others(q))


def _disputed(p: list[SourcedFact], q: list[SourcedFact], disagree: Disagree) -> bool:
    """Some fact of one side disputes some fact of the other, told by another outlet."""
    return any(_outlet(a.article) != _outlet(b.article) and disagree(a.fact, b.fact) for a in p for b in q)


def _disputes(
    positions: list[list[SourcedFact]], disagree: Disagree, settled: Settled | None = None
) -> list[list[list[SourcedFact]]]:
    """The cards a set of positions makes: each a largest set of positions that all dispute one
    another across outlets (and that `settled` does not reconcile: a party's revised figure). A
    card sets every side against every other, so sides that agree
    never share one: "Islamic Jihad did it" and "Israel did not" both stand against "Israel did
    it", not against each other, and make two cards with it (maximal cliques, Bron & Kerbosch)."""
    n = len(positions)
    against = {i: {j for j in range(n) if j != i and _disputed(positions[i], positions[j], disagree)
                    and not (settled and settled(positions[i], positions[j]))}
               for i in range(n)}
    cliques: list[set[int]] = []

    def grow(chosen: set[int], open_: set[int], done: set[int]) -> None:
        if not open_ and not done:
            if len(chosen) >= 2:
                cliques.append(chosen)
            return
        for i in sorted(open_):
            grow(chosen | {i}, open_ & against[i], done & against[i])
            open_ = open_ - {i}
            done = done | {i}

    grow(set(), set(range(n)), set())
    return [[positions[i] for i in sorted(c)] for c in sorted(cliques, key=min)]


def _unique(sources: Iterable[ContradictionSource]) -> tuple[ContradictionSource, ...]:
    """Sources once each: two facts of one clause ("Mirzoyev, 32" read for two mentions of him)
    are one source."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for source in sources:
        key = (source.article, source.evidence.start, source.evidence.end)
        if key not in seen:
            seen.add(key)
            out.append(source)
    return tuple(out)


@lru_cache(maxsize=65536)
def _distinctive(name: str | None) -> frozenset[str]:
    lex = entity_lexicon()
    words = fold_name(name or "").split()
    return frozenset(w for w in words if w not in _GENERIC_ROLES and not lex.is_demonym(w))


def actors_agree(a: str | None, b: str | None) -> bool:
    """Whether two reports' actors can be the same body (an unnamed side agrees with anything)."""
    da, db = _distinctive(a), _distinctive(b)
    return not da or not db or bool(da & db)


# Head nouns of institutions ("police", "army", "ministry"): an actor a reader can hold against
# another outlet's even unnamed, unlike a description of people ("gunmen", "leaders").
_INSTITUTIONS = frozenset(row[0] for row in read_tsv("reference_descriptions.tsv") if row[1] == "org")


# Acts of two parties at once (meet, visit, talk): either can be written as the actor.
_MUTUAL = frozenset({"CONSULT"})
# A day given in full: "XXXX-WXX-3" (a Wednesday of an unknown week) or "XXXX-10-03" pins nothing.
_CALENDAR_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _named_actor(name: str | None, actors: ActorIndex) -> str | None:
    """A report's actor when it names a body: a name the story's articles recognise ("Hamas",
    "the FSB") or an institution ("police"); None for a description of people ("several
    gunmen") or of a thing ("the projectile"), which no other outlet's actor contradicts."""
    if not _distinctive(name):
        return None
    identity = actors.resolve(name)
    if identity is not None:
        return identity.name
    words = fold_name(name or "").split()
    return name if words and words[-1] in _INSTITUTIONS else None


_DOER_TOPIC = "who carried it out"
_DESTINATION_TOPIC = "where they were heading"


def _event_contradictions(
    story: Story, timeline: Sequence[TimelineEvent], actors: ActorIndex, skip_actor_of: Collection[str] = ()
) -> list[StoryContradiction]:
    """Reports of one timeline event that disagree on who acted or on the day.

    Both tests are stricter than the claim facts, because a disagreement between reports is as
    often the grouping's or the parser's error as the outlets': who acted is disputed only between
    bodies (named, or institutions such as "police") and over acts only one party does (not an
    accusation or a demand, which many can make), and a day only when one side is given by two
    outlets or more (one report's day against another's alone is more often a dating slip).
    """
    found = []
    for event in timeline:
        what = (
            f"{(event.mode or event.type.lower())} of {event.target}"
            if event.target
            else event.mode or event.type
        )
        for kind, value_of, same in (
            ("date", lambda r: r.date if r.date and _CALENDAR_DAY.match(r.date) else None,
             lambda x, y: x == y),
            ("actor", lambda r: _named_actor(r.actor, actors), actors_agree),
        ):
            if kind == "actor" and event.type in skip_actor_of:
                continue
            spoken = event.type in SPEECH_ACTS or event.mode == "statement"
            if kind == "actor" and (spoken or event.type in _MUTUAL):
                # many can accuse the same, a meeting is both sides', and a statement is its speaker's,
                # whether outlets credit the body or its spokesperson: no dispute over who
                continue
            positions: list[list] = []
            for report in event.reports:
                value = value_of(report)
                if value is None:
                    continue
                home = next((p for p in positions if all(same(value, v) for v, _ in p)), None)
                (home.append((value, report)) if home is not None else positions.append([(value, report)]))
            outlets = [{(r.outlet or r.article).casefold() for _, r in p} for p in positions]
            if len(positions) < 2 or len(set().union(*outlets)) < 2:
                continue
            if kind == "date" and max(len(o) for o in outlets) < 2:
                continue
            topic = f"{'date' if kind == 'date' else 'who acted'}: {what}"
            sides = tuple(
                ContradictionPosition(
                    value=Counter(v for v, _ in p).most_common(1)[0][0],
                    sources=_unique(
                        ContradictionSource(
                            article=r.article,
                            outlet=r.outlet,
                            kind=r.kind,
                            index=r.index,
                            evidence=r.evidence,
                        )
                        for _, r in p
                    ),
                )
                for p in positions
            )
            found.append(_contradiction(story, topic, "date" if kind == "date" else "actor", kind, sides))
    return found


def _identity_contradictions(
    story: Story, articles: Sequence[StoryInput], actors: ActorIndex
) -> list[StoryContradiction]:
    """Outlets giving one person different ages ("Mirzoyev, 32" vs "Mirzoyev, a 33-year-old"),
    ranks ("Brig. Gen. Daniel Hagari" vs "Rear Adm. Daniel Hagari"), citizenships or birth years."""
    by_person: dict[tuple[str, str], list[tuple[Fact, StoryInput]]] = {}
    for article in articles:
        names = [(e.text, e.canonical) for e in article.entities if e.label == "PERSON"]
        readers = (person_ages, person_ranks, person_citizenships, person_birth_years)
        for fact in (f for read in readers for f in read(article.text, names)):
            person = actors.display(fact.subject) or fact.subject or ""
            by_person.setdefault((fact.attribute, person), []).append((fact, article))
    found = []
    for (attribute, person), items in sorted(by_person.items()):
        values = {fact.value for fact, _ in items}
        outlets = {_outlet(a) for _, a in items}
        if len(values) < 2 or len(outlets) < 2:
            continue
        sides = tuple(
            ContradictionPosition(value=value, sources=_unique(
                ContradictionSource(article=a.article_id, outlet=a.outlet, kind="text", index=0,
                                    evidence=TextSpan(text=a.text[f.start:f.end], start=f.start, end=f.end))
                for f, a in items if f.value == value))
            for value in sorted(values, key=lambda v: (len(v), v))
        )
        found.append(_contradiction(story, f"{attribute} of {person}", attribute, "identity", sides))
    return found


def _denial_contradictions(
    story: Story, articles: Sequence[StoryInput], timeline: Sequence[TimelineEvent]
) -> list[StoryContradiction]:
    """An act a source denies against the outlets that report it (``stories.denials``)."""
    found = []
    for denial in denied_acts(articles, timeline):
        denied = ContradictionSource(
            article=denial.article.article_id, outlet=denial.article.outlet, kind="event", index=denial.index,
            speaker=denial.event.reported_by.text if denial.event.reported_by else None,
            evidence=denial.event.evidence,
        )
        reported = _unique(
            ContradictionSource(
                article=r.article, outlet=r.outlet, kind=r.kind, index=r.index, evidence=r.evidence
            )
            for r in denial.reports
        )
        sides = (ContradictionPosition(value="reported", sources=reported),
                 ContradictionPosition(value="denied", sources=(denied,)))
        topic = f"whether it happened: {denial.what}"
        found.append(_contradiction(story, topic, "occurred", "occurred", sides))
    return found


def story_contradictions(
    story: Story,
    articles: Sequence[StoryInput],
    actors: ActorIndex,
    timeline: Sequence[TimelineEvent] = (),
) -> list[StoryContradiction]:
    """Every cross-outlet contradiction of `story` (claims first, then people's ages and ranks,
    then events)."""
    claimed = _claim_contradictions(story, story_facts(articles, actors), articles)
    # who carried out the attack, once: the sources' own words on it are the card, not the parse of
    # each report's subject (the day's attack is one timeline event, whoever each outlet names)
    doer_disputed = any(c.topic.startswith(_DOER_TOPIC) for c in claimed)
    return (
        claimed
        + _identity_contradictions(story, articles, actors)
        + _event_contradictions(
            story, timeline, actors, skip_actor_of=OCCURRENCE_TYPES if doer_disputed else ()
        )
        + _denial_contradictions(story, articles, timeline)
    )
