"""Who speaks for whom: a spokesperson's words are their body's statement.

Outlets credit one statement to the body ("the Israeli army said"), to its spokesperson by name
("Daniel Hagari said") or to both ("IDF Spokesman Rear Adm. Daniel Hagari stated"); a desk reads
them as one statement. The story's articles say who speaks for whom in so many words: the body's
name before the role noun and the person's name after it ("Russian Foreign Ministry Spokeswoman
Maria Zakharova"), or the person's name, then the role and the body ("Dmitry Peskov, the Kremlin
spokesman"). Role nouns: ``story_voices.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from presslens.facts import fact_lexicon
from presslens.models import Mention
from presslens.resources import read_tsv
from presslens.stories.records import StoryInput

__all__ = ["voices"]

_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
#: Titles between the role and the name: "Rear Adm.", "Brig. Gen.", "Lt. Col.".
_RANKS = r"(?:(?:[A-Z][a-z]{0,4}\.|Rear|Vice|Lieutenant|Brigadier|General|Colonel|Major|Admiral) )*"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    roles = "|".join(re.escape(row[0]) for row in read_tsv("story_voices.tsv"))
    body_first = re.compile(
        rf"(?P<body>[A-Z][\w.'’-]*(?: [\w.'’-]+){{0,3}}?) (?i:(?:chief |official |senior )?(?:{roles})) "
        rf"{_RANKS}(?P<name>{_NAME})"
    )
    name_first = re.compile(
        rf"(?P<name>{_NAME}), (?:the |a |an )?(?P<body>[A-Z][\w.'’-]*(?: [\w.'’-]+){{0,3}}?)(?:'s|’s)? "
        rf"(?i:(?:chief |official |senior )?(?:{roles}))\b"
    )
    return body_first, name_first


def voices(articles: Sequence[StoryInput], key: Callable[[Mention], str | None]) -> dict[str, str]:
    """Speaker key -> the key of the body they speak for, from every article of the story (`key`:
    how the timeline names a participant, ``timeline.party_key``). A person tied to two bodies
    speaks for neither."""
    found: dict[str, set[str]] = {}
    calendar = fact_lexicon().calendar
    for article in articles:
        for pattern in _patterns():
            for match in pattern.finditer(article.text):
                if any(w.lower() in calendar for w in match.group("name").split()):
                    continue  # "on Monday, the Kremlin spokesman ...": no one is called Monday
                person = key(Mention(text=match.group("name")))
                body = key(Mention(text=match.group("body")))
                if person and body and person != body:
                    found.setdefault(person, set()).add(body)
    return {person: bodies.pop() for person, bodies in found.items() if len(bodies) == 1}
