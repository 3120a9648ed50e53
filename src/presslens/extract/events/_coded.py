"""The coded event record passed between the event coder's steps.

Kept apart from ``_coding`` (which builds these records) and ``_coref`` (which merges
them), so that neither of the two has to import the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from presslens.extract.events._lexicon import LexEntry
from presslens.models import Event

__all__ = ["CodedEvent"]


@dataclass(frozen=True)
class CodedEvent:
    """An Event with the token that triggered it (for evaluation: the main event is the
    trigger nearest the sentence root)."""

    event: Event
    trigger: Token
    entry: LexEntry | None = None
    kind: str = ""
    actor_token: Token | None = None
    target_token: Token | None = None

    @property
    def depth(self) -> int:
        """Edges between the trigger and its sentence root."""
        depth, tok = 0, self.trigger
        while tok.head.i != tok.i:
            tok, depth = tok.head, depth + 1
        return depth
