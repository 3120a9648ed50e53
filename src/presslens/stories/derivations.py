"""Which stories a refresh must derive again, and which it keeps as the store holds them.

Why: deriving a story (copy groups, timeline, facts, contradictions) is the
cost of the cross-article layer — about 0.2 s a story, minutes on a store of
months — while a new article touches one story or two. A story's derived rows
are a function of its id, its articles' analyses, the analysts' corrections,
presslens itself, and what the names it looked up resolve to across the
store. ``Derivation`` records all of that; when none of it changed, deriving
again would give the same rows, so they are kept. The record is exact, not a
heuristic: a name that now resolves to another identity (a new article made
"Petrov" the "Ivan Petrov" of another story) makes the story derive again, and
a rebuild from scratch gives the same rows as any order of incremental
refreshes (``tests/store/test_incremental_stories.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from presslens import __version__
from presslens.stories.actors import ActorIndex
from presslens.stories.records import StoryInput, TimelineCorrection

__all__ = ["Derivation", "code_digest", "inputs_digest", "resolution_digest", "still_holds"]


@dataclass(frozen=True, slots=True)
class Derivation:
    """What one story's derived rows were computed from (the store's ``story_derivations`` row)."""

    inputs: str  # digest of the story id, its articles' analyses, the corrections and presslens
    names: tuple[str, ...]  # every name the derivation looked up in the actor index
    resolved: str  # digest of what those names resolved to
    texts: int | None  # the story's independent texts and origins (its copy groups), kept with it
    origins: int | None


@cache
def code_digest() -> str:
    """presslens's version and the bytes of its installed package (code and data files).

    A development checkout keeps its version number while its rules change; a
    digest of the files makes any change of code or lexicon derive every story again.
    """
    package = Path(__file__).resolve().parents[1]
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


def inputs_digest(
    story_id: str, members: Sequence[StoryInput], corrections: Sequence[TimelineCorrection]
) -> str | None:
    """The digest of what a story derives from, besides the actor index; None when an article
    carries no stored version (then nothing says its analysis is the one derived before)."""
    if any(m.version is None for m in members):
        return None
    ids = {m.article_id for m in members}
    # a correction names reports by their articles: one naming none of the story's has nothing to
    # apply to, so correcting one story's timeline does not derive every other story again
    relevant = [c for c in corrections if c.anchor.article in ids or (c.other and c.other.article in ids)]
    return _digest(
        [
            code_digest(),
            story_id,
            *sorted(f"{m.article_id}={m.version}" for m in members),
            *(repr(c) for c in relevant),
        ]
    )


def resolution_digest(names: Iterable[str], actors: ActorIndex) -> str:
    """What each of `names` resolves to in `actors` (its identity's key, name and label)."""
    parts = []
    for name in sorted(set(names)):
        identity = actors.resolve(name)
        parts.append(f"{name}\0{identity.key}\0{identity.name}\0{identity.label}" if identity else name)
    return _digest(parts)


def still_holds(known: Derivation | None, inputs: str | None, actors: ActorIndex) -> bool:
    """Whether `known` was derived from these inputs and its names still resolve as they did."""
    return (
        known is not None
        and inputs is not None
        and known.inputs == inputs
        and known.resolved == resolution_digest(known.names, actors)
    )
