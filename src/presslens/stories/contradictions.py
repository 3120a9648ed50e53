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
  outlet is the article's own contradiction, reported per article. The
  outlet's-voice evidence is the clause that states the fact.
- **people**: ages and ranks the outlets give one person.
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
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Literal

from presslens.extract.entities import entity_lexicon
from presslens.facts import (
    Fact,
    cause_category,
    claim_facts,
    count_interval,
    deceased_subject,
    fact_lexicon,
    facts_disagree,
    parties_disagree,
    party_sides,
    person_ages,
    person_ranks,
)
from presslens.models import SPEECH_ACTS, Claim, Mention, TextSpan
from presslens.resources import read_tsv
from presslens.stories.actors import ActorIndex, fold_name, skeleton
from presslens.stories.records import (
    ContradictionPosition,
    ContradictionSource,
    Story,
    StoryContradiction,
    StoryInput,
    TimelineEvent,
)
from presslens.stories.sentences import clause_around, sentences

__all__ = ["actors_agree", "story_contradictions"]

# role nouns that say nothing about *which* body acted ("police officers" = "police"), and the
# function words between them
_GENERIC_ROLES = frozenset(row[0] for row in read_tsv("story_roles.tsv")) | {"of", "the", "and"}


@dataclasses.dataclass(frozen=True)
class _SourcedFact:
    fact: Fact
    article: StoryInput
    claim_index: int  # the index of the claim, or of the event for the outlet's own narration
    claim: Claim
    kind: Literal["claim", "event", "text"] = "claim"


def _resolve_subject(
    subject: str | None, article: StoryInput, actors: ActorIndex, deceased: str | None = None
) -> str | None:
    """The subject's cross-article name.

    A lone surname that the article also gives to a victim it names ("the
    killing of Rustam Mammadov") is that victim, even when the article's own
    linking chose a namesake mentioned closer by (a minister called Elnur
    Mammadov): a cause of death is about someone who died. Otherwise the
    article's entity linking decides, then the cross-article identities; a
    capitalised word that neither knows ("Prison officials told ...") names no
    one, and the article's dead stand in for it.
    """
    if not subject:
        return None
    if (
        deceased
        and " " not in subject.strip()
        and skeleton(fold_name(deceased).split()[-1:][0]) == skeleton(fold_name(subject))
    ):
        return actors.display(deceased)
    canonical = next((e.canonical for e in article.entities if e.text == subject), None)
    if canonical is None and actors.resolve(subject) is None:
        # a capitalised word that names no one the articles know ("Prison officials told ..."):
        # the subject is the article's dead, as when no name precedes the cause at all
        return actors.display(deceased) if deceased else None
    return actors.display(canonical or subject) or actors.display(subject)


def _narration(article: StoryInput) -> list[tuple[int, Claim]]:
    """The outlet's own statements of events, as claims in its own voice (speaker: the outlet).

    "At least 115 people have been killed after attackers stormed ..." states a toll without a
    source; it counts against what a source says elsewhere. A clause inside a claim's content, or
    an event told in a source's words, is that source's and is read with the claim.
    """
    contents = [c.content for c in article.claims]
    seen: set[tuple[int, int]] = set()
    out = []
    for index, event in enumerate(article.events):
        ev = event.evidence
        if event.reported_by is not None or (ev.start, ev.end) in seen or any(
                c.start <= ev.start < c.end for c in contents):
            continue
        seen.add((ev.start, ev.end))
        voice = Mention.model_construct(text=article.outlet or article.article_id, canonical=None)
        out.append((index, Claim.model_construct(speaker=voice, cue=ev, content=ev, evidence=ev)))
    return out


def _narrated_text(article: StoryInput) -> list[Claim]:
    """Every sentence of the article, as a claim in the outlet's own voice (speaker: the outlet).

    A fact stated outside any claim and any event ("a European official put the toll at 50 or
    less"; "it soon emerged that his death was 'not of criminal nature'") is still stated by the
    outlet. What lies inside a claim's content is that source's, and is dropped by the caller.
    """
    voice = Mention.model_construct(text=article.outlet or article.article_id, canonical=None)
    text = article.text
    out = []
    for start, end in sentences(text):
        span = TextSpan.model_construct(text=text[start:end], start=start, end=end)
        out.append(Claim.model_construct(speaker=voice, cue=span, content=span, evidence=span))
    return out


def _clause_of(sentence: Claim, fact: Fact, text: str) -> Claim:
    """The sentence-claim cut to the clause that states `fact` ("a European official put the toll at
    50 or less"), so that the evidence shows the outlet's words for this fact and not its neighbours'."""
    phrase = fact.start if fact.phrase_start is None else fact.phrase_start
    begin, stop = clause_around(text, (sentence.content.start, sentence.content.end), phrase, fact.end)
    span = TextSpan.model_construct(text=text[begin:stop], start=begin, end=stop)
    return Claim.model_construct(speaker=sentence.speaker, cue=span, content=span, evidence=span)


def _facts(articles: Sequence[StoryInput], actors: ActorIndex) -> list[_SourcedFact]:
    found = []
    for article in sorted(articles, key=lambda a: (a.published or dt.date.max, a.article_id)):
        said = [(index, claim, "claim") for index, claim in enumerate(article.claims)]
        told = [(index, claim, "event") for index, claim in _narration(article)]
        written = [(0, claim, "text") for claim in _narrated_text(article)]
        contents = [(c.content.start, c.content.end) for c in article.claims]
        taken: set[tuple[str, int, int]] = set()
        for index, claim, kind in said + told + written:
            facts = claim_facts(claim, article.text)
            default = None
            if any(f.subject is None and f.kind != "count" for f in facts):
                default = deceased_subject(article.text, claim.content.start)
                facts = claim_facts(claim, article.text, default_subject=default)
            elif facts:
                default = deceased_subject(article.text, claim.content.start)
            if kind == "text":  # a source's words are the source's, not the outlet's
                facts = [f for f in facts if not any(s <= f.start < e for s, e in contents)]
            facts = [f for f in facts if (f.attribute, f.start, f.end) not in taken]  # one fact, one source
            taken.update((f.attribute, f.start, f.end) for f in facts)
            for fact in facts:
                subject = (
                    fact.subject
                    if fact.kind == "count"
                    else _resolve_subject(fact.subject, article, actors, default)
                )
                source = _clause_of(claim, fact, article.text) if kind == "text" else claim
                found.append(
                    _SourcedFact(dataclasses.replace(fact, subject=subject), article, index, source, kind))
    return _one_place(_one_deceased(found))


def _place_tokens(place: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[\s\-–’']+", place.casefold()) if len(w) > 2)


def _one_place(found: list[_SourcedFact]) -> list[_SourcedFact]:
    """Count places that share a word of three letters or more are one place across outlets, and a
    count that names no place is of the place most of the story's counts name.

    Outlets spell a place differently ("Al-Ahli al-Arabi Hospital", "the Ahli Arab hospital",
    "Al-Ahli"); a count in one and a count in another are about the same place when their names
    share a distinctive word. Each group takes its most frequent spelling.
    """
    places = Counter(f.fact.subject for f in found if f.fact.kind == "count" and f.fact.subject)
    spelling: dict[str, str] = {}
    for place, _ in places.most_common():
        tokens = _place_tokens(place)
        home = next((p for p in spelling.values() if _place_tokens(p) & tokens), None)
        spelling[place] = home or place
    found = [dataclasses.replace(f, fact=dataclasses.replace(f.fact, subject=spelling[f.fact.subject]))
             if f.fact.kind == "count" and f.fact.subject else f for f in found]
    # a count that names no place, in a story whose counts of that kind mostly name one place, is of it:
    # "471 people were killed" and "471 people were killed at Al-Ahli hospital" are one toll
    named: dict[str, Counter[str]] = {}
    for f in found:
        if f.fact.kind == "count" and f.fact.subject:
            named.setdefault(f.fact.attribute, Counter())[f.fact.subject] += 1
    only = {}
    for attribute, places in named.items():
        (top, n), total = places.most_common(1)[0], sum(places.values())
        if 2 * n > total:  # most of the story's counts of that kind name this one place
            only[attribute] = top
    return [dataclasses.replace(f, fact=dataclasses.replace(f.fact, subject=only[f.fact.attribute]))
            if f.fact.kind == "count" and not f.fact.subject and f.fact.attribute in only else f
            for f in found]


def _one_deceased(found: list[_SourcedFact]) -> list[_SourcedFact]:
    """A cause of death that names no one, in a story whose named causes are mostly one person's, is his.

    An article may only say "he died of natural causes" after naming him in a way the victim
    patterns do not catch ("his body"); across the story the dead man is not in doubt.
    """
    named = Counter(f.fact.subject for f in found if f.fact.kind == "cause" and f.fact.subject)
    if not named or named.most_common(1)[0][1] * 2 <= sum(named.values()):
        return found  # no one person holds most of the story's named causes
    person = named.most_common(1)[0][0]
    return [dataclasses.replace(f, fact=dataclasses.replace(f.fact, subject=person))
            if f.fact.kind == "cause" and not f.fact.subject else f for f in found]


def _outlet(article: StoryInput) -> str:
    return (article.outlet or article.article_id).casefold()


def _claim_source(item: _SourcedFact) -> ContradictionSource:
    return ContradictionSource(
        article=item.article.article_id,
        outlet=item.article.outlet,
        kind=item.kind,
        index=item.claim_index,
        speaker=(item.claim.speaker.canonical or item.claim.speaker.text) if item.kind == "claim" else None,
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


def _width(item: _SourcedFact) -> float:
    """How much a value leaves open: 0 for "471", 200 for "100-300", infinite for "at least 23"."""
    if item.fact.kind != "count":
        return 0.0
    interval = count_interval(item.fact.value)
    return interval[1] - interval[0] if interval else float("inf")


Disagree = Callable[[Fact, Fact], bool]


def _positions(items: list[_SourcedFact], disagree: Disagree = facts_disagree) -> list[list[_SourcedFact]]:
    """Sides of a dispute, the most precise values first.

    A fact joins the side all of whose facts it agrees with when it disputes every other side.
    A vaguer fact that agrees with two sides ("hundreds" with both "471" and "100-300"; "at least
    200" with both) takes no side — shown on one, it would stand against a value it does not
    dispute — unless one of them gives its own number ("at least 471" with "471"). A denial
    ("Israel was not behind it") sides only with denials of the same party, and is no side a
    statement of who did it has to choose.
    """
    positions: list[list[_SourcedFact]] = []
    for item in sorted(items, key=_width):
        same = [p for p in positions if p[0].fact.denied == item.fact.denied]
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


Card = tuple[str, list[list[_SourcedFact]], Disagree]


def _cause_cards(items: list[_SourcedFact]) -> list[Card]:
    """A cause dispute as a reader sees it: first the manner of death, then the diagnosis.

    Sides by category ("natural" vs "homicide" vs "undetermined") make one card; inside one
    category, different specific causes ("blood clot" vs "sudden death syndrome") make another,
    without the generic statements ("natural causes"), which agree with both of them and would
    otherwise sit on one side against a cause they do not dispute. Causes outside every category
    are compared with each other only.
    """
    by_category: dict[str | None, list[_SourcedFact]] = {}
    for item in items:
        category = cause_category(item.fact.value)
        by_category.setdefault(category[0] if category else None, []).append(item)
    cards = []
    named = [c for c in by_category if c is not None]
    if len(named) >= 2:
        cards.append(("", [by_category[c] for c in sorted(named)], facts_disagree))
    for category, members in sorted(by_category.items(), key=lambda kv: kv[0] or ""):
        specific = [i for i in members if not (cause_category(i.fact.value) or ("", False))[1]]
        cards.append((f" ({category})" if category else "", _positions(specific), facts_disagree))
    return cards


def _party_cards(items: list[_SourcedFact], affiliation: dict[str, frozenset[str]]) -> list[Card]:
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


_KINDS: dict[str, Literal["count", "cause", "actor"]] = {"count": "count", "cause": "cause", "party": "actor"}


def _affiliations(articles: Sequence[StoryInput], items: list[_SourcedFact]) -> dict[str, frozenset[str]]:
    """The country each group named as a party is tied to somewhere in the story's articles:
    "Palestinian Islamic Jihad", "Gaza-based Hamas militants", "the Palestinian group Hamas" (a
    place word right before the name, or before "group"/"movement"; "Israel and Hamas" ties none)."""
    places = fact_lexicon().places
    found: dict[str, set[str]] = {}
    for item in items:
        names = party_sides(item.fact.value)[1]
        if not names:
            continue
        phrase = " ".join(w for w in re.findall(r"[\w’'-]+", item.fact.value) if w.lower() in names)
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
    story: Story, facts: list[_SourcedFact], articles: Sequence[StoryInput] = ()
) -> list[StoryContradiction]:
    groups: dict[tuple[str, str], list[_SourcedFact]] = {}
    for item in facts:
        groups.setdefault((item.fact.attribute, (item.fact.subject or "").casefold()), []).append(item)
    found = []
    for (attribute, _), items in sorted(groups.items()):
        kind = _KINDS[items[0].fact.kind]
        if kind == "cause":
            cards = _cause_cards(items)
        elif kind == "actor":
            cards = _party_cards(items, _affiliations(articles, items))
        else:
            cards = [("", _positions(items), facts_disagree)]
        for suffix, positions, disagree in cards:
            if len(positions) < 2 or not _disagree_across_outlets(positions, disagree):
                continue
            if kind == "count" and attribute in fact_lexicon().rising and _rising(positions):
                continue  # a toll that grows from one day's reports to the next is updated, not disputed
            subject = items[0].fact.subject
            topic = attribute + (
                f" in {subject}" if kind == "count" and subject else f" of {subject}" if subject else ""
            ) + suffix
            if kind == "actor":
                topic = "who carried it out" + suffix
            sides = tuple(
                ContradictionPosition(
                    value=Counter(_shown_value(i.fact) for i in p).most_common(1)[0][0],
                    sources=tuple(_claim_source(i) for i in p),
                )
                for p in positions
            )
            found.append(_contradiction(story, topic, attribute, kind, sides))
    return found


def _shown_value(fact: Fact) -> str:
    """A side's value as a reader sees it: a denial says so ("not Ukraine")."""
    return ("not " if fact.denied else "") + fact.value


def _rising(positions: list[list[_SourcedFact]]) -> bool:
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


def _disagree_across_outlets(
    positions: list[list[_SourcedFact]], disagree: Disagree = facts_disagree
) -> bool:
    for i, p in enumerate(positions):
        for q in positions[i + 1 :]:
            for a in p:
                for b in q:
                    if _outlet(a.article) != _outlet(b.article) and disagree(a.fact, b.fact):
                        return True
    return False


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


def _event_contradictions(
    story: Story, timeline: Sequence[TimelineEvent], actors: ActorIndex
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
            ("date", lambda r: r.date if r.date and len(r.date) == 10 else None, lambda x, y: x == y),
            ("actor", lambda r: _named_actor(r.actor, actors), actors_agree),
        ):
            if kind == "actor" and event.type in SPEECH_ACTS:
                continue  # many can accuse or demand the same: two speakers are no dispute over who
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
                    sources=tuple(
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
    """Outlets giving one person different ages ("Mirzoyev, 32" vs "Mirzoyev, a 33-year-old") or
    ranks ("Brig. Gen. Daniel Hagari" vs "Rear Adm. Daniel Hagari")."""
    by_person: dict[tuple[str, str], list[tuple[Fact, StoryInput]]] = {}
    for article in articles:
        names = [(e.text, e.canonical) for e in article.entities if e.label == "PERSON"]
        for fact in person_ages(article.text, names) + person_ranks(article.text, names):
            person = actors.display(fact.subject) or fact.subject or ""
            by_person.setdefault((fact.attribute, person), []).append((fact, article))
    found = []
    for (attribute, person), items in sorted(by_person.items()):
        values = {fact.value for fact, _ in items}
        outlets = {_outlet(a) for _, a in items}
        if len(values) < 2 or len(outlets) < 2:
            continue
        sides = tuple(
            ContradictionPosition(value=value, sources=tuple(
                ContradictionSource(article=a.article_id, outlet=a.outlet, kind="text", index=0,
                                    evidence=TextSpan(text=a.text[f.start:f.end], start=f.start, end=f.end))
                for f, a in items if f.value == value))
            for value in sorted(values, key=lambda v: (len(v), v))
        )
        found.append(_contradiction(story, f"{attribute} of {person}", attribute, "identity", sides))
    return found


def story_contradictions(
    story: Story,
    articles: Sequence[StoryInput],
    actors: ActorIndex,
    timeline: Sequence[TimelineEvent] = (),
) -> list[StoryContradiction]:
    """Every cross-outlet contradiction of `story` (claims first, then people's ages and ranks,
    then events)."""
    return (
        _claim_contradictions(story, _facts(articles, actors), articles)
        + _identity_contradictions(story, articles, actors)
        + _event_contradictions(story, timeline, actors)
    )
