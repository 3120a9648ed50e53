"""The fact record and the name conventions every fact reader shares (no spaCy)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ABBREVIATION", "NAME_PATTERN", "POSSESSIVE", "SENTENCE_OPENERS", "Fact"]

#: The possessive ending of a name ("Navalny's death", "Ukraine’s foreign ministry").
POSSESSIVE = re.compile(r"['’]s$")
#: An abbreviation written with full stops ("U.S.", "U.K."): its last stop is part of it.
ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}")
#: A proper name: capitalised words ("Rustam Mammadov", "Nagorno-Karabakh").
NAME_PATTERN = r"(?:[A-Z][\w'’-]+ )*[A-Z][\w'’-]+"
#: Capitalised words that open a sentence and are never part of a name.
SENTENCE_OPENERS = frozenset(
    {"The", "A", "An", "In", "On", "But", "And", "While", "According", "So", "Yet", "Then", "Now", "Thus",
     "However", "Also", "Still"}
)


@dataclass(frozen=True)
class Fact:
    """One (subject, attribute, value) stated in a claim; offsets point into the article text."""

    subject: str | None
    attribute: str
    kind: str
    value: str
    start: int
    end: int
    qualifier: str = ""  # for counts: what was counted ("soldiers"); compared as part of the subject
    phrase_start: int | None = None  # where the words stating the fact start ("the cause of his death was")
    denied: bool = False  # for a party: the source says it did *not* do it
