"""Deaths as timeline entries: "Navalny died", "Navalny's death", "the death of X", "his death".

A death is often the event a story is about (a death in custody, an assassination), yet PLOVER
codes acts between actors and has no category for it, so an article's events leave it out. The
timeline adds it as type OTHER, mode ``die``, the dead person its actor, from the phrasings of
``resources/timeline_deaths.tsv``: a name must be a person the article names; "his death"
stands for the dead the article names (`presslens.facts.deceased_subject`); "X died" told inside
a source's words is that source's statement and stays one, while "X's death" there takes the
death as known ("the cause of Navalny's death is unknown", officials said) and reports it. Each
report shows the clause that tells of the death, or, for a death named deep in a clause about
something else, the death's own phrase; reports of one death across outlets group like any other
event (the same person). The report is undated: the story layer has no time expressions, and a
clause's date is as often when the death was announced.
"""

from __future__ import annotations

import re
from functools import cache

from presslens.confidence import report_confidence
from presslens.facts import NAME_PATTERN, SENTENCE_OPENERS, deceased_subject
from presslens.models import Event, Mention, TextSpan
from presslens.resources import read_tsv
from presslens.stories.records import StoryInput
from presslens.stories.sentences import clause_around, sentences

__all__ = ["DEATH_MODE", "DEATH_TYPE", "death_events"]

DEATH_TYPE = "OTHER"
DEATH_MODE = "die"
_TITLES = frozenset({"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr."})
# A relative "where"/"when" right before the death: it describes a place or a time, not the death.
_PLACE_OF_DEATH = re.compile(r"\b(?:where|when)\s+(?:[\w’'-]+\s+){0,4}$")


#: A death named this many words or fewer into its clause is what the clause tells ("Navalny's death
#: in an Arctic prison has shocked..."); further in, the clause is about something else ("366 were
#: detained paying tribute to Navalny, after his death") and the report shows the death's own phrase.
_CLAUSE_OPENING_WORDS = 3
#: Words after a death noun that its phrase keeps ("his death on Friday at age 47").
_PHRASE_TAIL_WORDS = 6
#: Words a phrase does not end on: they open the next one.
_OPEN_ENDS = frozenset({"a", "an", "the", "in", "at", "on", "of", "to", "for", "from", "by", "with", "and"})
_PHRASE_TAIL = re.compile(rf"(?:[ \t]+[^\s,;:.!?]+){{0,{_PHRASE_TAIL_WORDS}}}")
_NON_SPACE = re.compile(r"\S+")


def _death_phrase(text: str, start: int, end: int, stop: int) -> tuple[int, int]:
    """The death's own phrase: the match and up to `_PHRASE_TAIL_WORDS` words after it, inside its clause."""
    tail = _PHRASE_TAIL.match(text, end, stop)  # always matches (zero words at least)
    words = list(_NON_SPACE.finditer(text, end, tail.end()))
    while words and words[-1].group().lower() in _OPEN_ENDS:
        words.pop()  # "at age 47 in": the phrase ends before a word that opens another
    return start, words[-1].end() if words else end


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """(kind, pattern, whether the phrasing takes the death as known: "X's death", not "X died")."""
    return tuple(
        (kind, re.compile(pattern.replace("{name}", f"(?P<name>{NAME_PATTERN})")), form == "noun")
        for kind, pattern, form in read_tsv("timeline_deaths.tsv")
    )


def _person(article: StoryInput, name: str) -> Mention | None:
    """The person of the article `name` stands for ("Mr Navalny" -> Alexei Navalny), or None."""
    words = [w for w in name.split() if w not in SENTENCE_OPENERS and w not in _TITLES]
    if not words:
        return None
    surname = words[-1].removesuffix("’s").removesuffix("'s")
    for entity in article.entities:
        if entity.label == "PERSON" and entity.text.split()[-1] == surname:
            return Mention.model_construct(text=" ".join(words), canonical=entity.canonical)
    return None


def death_events(article: StoryInput) -> list[Event]:
    """The deaths `article` tells of, one per clause, as undated events of the dead person."""
    text = article.text
    found: dict[tuple[int, int], Event] = {}
    spans = sentences(text)
    claims = article.claims
    for kind, pattern, known in _patterns():
        for match in pattern.finditer(text):
            if kind == "name":
                person = _person(article, match.group("name"))
            else:
                dead = deceased_subject(text, match.start())
                person = _person(article, dead) if dead else None
            if person is None:
                continue
            if not known and any(c.content.start <= match.start() < c.content.end for c in claims):
                continue  # "X died", in a source's words, is that source's statement, not a report of it
            if _PLACE_OF_DEATH.search(text, max(0, match.start() - 60), match.start()):
                continue  # "the colony where Navalny died" names a place by the death; it is no report
            at = match.start()
            sentence = next(((a, b) for a, b in spans if a <= at < b), (at, match.end()))
            begin, stop = clause_around(text, sentence, match.start(), match.end())
            if known and len(text[begin:match.start()].split()) > _CLAUSE_OPENING_WORDS:
                begin, stop = _death_phrase(text, match.start(), match.end(), stop)
            if (begin, stop) in found:
                continue
            found[(begin, stop)] = Event.model_construct(
                type=DEATH_TYPE,
                mode=DEATH_MODE,
                actor=person,
                target=None,
                place=None,
                date=None,
                date_bound=None,
                negated=False,
                hedged=False,
                modality="asserted",
                why=f"death: {pattern.pattern[:60]} (timeline_deaths.tsv)",
                evidence=TextSpan.model_construct(text=text[begin:stop], start=begin, end=stop),
                reported_by=None,
                confidence=report_confidence(named_actor=True, own_date=False, hedged=False),
            )
    return [found[key] for key in sorted(found)]
