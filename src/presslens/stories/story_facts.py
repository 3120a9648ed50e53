"""The facts a story's articles state, each with its source (``story_facts``).

Three sources, in this order, each fact once: the articles' claims (a source's words),
the outlet's own statements of events (`_narration`), and every other sentence in the
outlet's own voice (`_narrated_text`, the clause that states the fact as its evidence). A
fact's subject is resolved to its cross-article identity ("Mamedov" and "Mammadov" are one
person); a toll that names no place is of the place most of the story's tolls name, and a
cause of death that names no one is of the person most of them name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from presslens.facts import Fact, claim_facts, deceased_subject
from presslens.models import Claim, Mention, TextSpan
from presslens.stories.actors import ActorIndex, fold_name, skeleton
from presslens.stories.records import StoryInput
from presslens.stories.sentences import clause_around, sentences

__all__ = ["SourcedFact", "story_facts"]


@dataclasses.dataclass(frozen=True)
class SourcedFact:
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
        out.append((index, _in_own_voice(article, ev)))
    return out


def _in_own_voice(article: StoryInput, span: TextSpan) -> Claim:
    """`span` as a claim whose speaker is the outlet itself."""
    voice = Mention.model_construct(text=article.outlet or article.article_id, canonical=None)
    return Claim.model_construct(speaker=voice, cue=span, content=span, evidence=span)


def _narrated_text(article: StoryInput) -> list[Claim]:
    """Every sentence of the article, as a claim in the outlet's own voice (speaker: the outlet).

    A fact stated outside any claim and any event ("a European official put the toll at 50 or
    less"; "it soon emerged that his death was 'not of criminal nature'") is still stated by the
    outlet. What lies inside a claim's content is that source's, and is dropped by the caller.
    """
    text = article.text
    return [
        _in_own_voice(article, TextSpan.model_construct(text=text[start:end], start=start, end=end))
        for start, end in sentences(text)
    ]


def _clause_of(sentence: Claim, fact: Fact, article: StoryInput) -> Claim:
    """The sentence-claim cut to the clause that states `fact` ("a European official put the toll at
    50 or less"), so that the evidence shows the outlet's words for this fact and not its neighbours'."""
    phrase = fact.start if fact.phrase_start is None else fact.phrase_start
    text = article.text
    begin, stop = clause_around(text, (sentence.content.start, sentence.content.end), phrase, fact.end)
    return _in_own_voice(article, TextSpan.model_construct(text=text[begin:stop], start=begin, end=stop))


def story_facts(articles: Sequence[StoryInput], actors: ActorIndex) -> list[SourcedFact]:
    """Every fact the articles state, with its source: claims, the outlet's events, its other
    sentences; each fact once (the first source that states that stretch of text)."""
    found = []
    for article in sorted(articles, key=lambda a: (a.published or dt.date.max, a.article_id)):
        said = [(index, claim, "claim") for index, claim in enumerate(article.claims)]
        told = [(index, claim, "event") for index, claim in _narration(article)]
        written = [(0, claim, "text") for claim in _narrated_text(article)]
        contents = [(c.content.start, c.content.end) for c in article.claims]
        taken: set[tuple[str, int, int]] = set()
        for index, claim, kind in said + told + written:
            # the article's dead stand in for a subject the words leave unnamed ("he died of ...")
            default = deceased_subject(article.text, claim.content.start)
            facts = claim_facts(claim, article.text, default_subject=default)
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
                source = _clause_of(claim, fact, article) if kind == "text" else claim
                found.append(
                    SourcedFact(dataclasses.replace(fact, subject=subject), article, index, source, kind))
    return _one_place(_one_deceased(found))


def _place_tokens(place: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[\s\-–’']+", place.casefold()) if len(w) > 2)


def _one_place(found: list[SourcedFact]) -> list[SourcedFact]:
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


def _one_deceased(found: list[SourcedFact]) -> list[SourcedFact]:
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
