"""Contradictions inside one article: two sources, one attribute, different values.

Claims are reduced to slot facts (`claim_facts`); a contradiction is a pair of
facts from claims of *different* speakers with the same attribute, compatible
subjects and disagreeing values (``facts_disagree``). One pair of claims yields
at most one contradiction per attribute. The same functions compare claims
across articles (``stories``), with the article id on each side.

Which death a cause refers to when a claim names no one ("experts cited the
cause of death as heart failure") is decided by salience: the victims the
article last named before the claim ("the deaths of X", "X, who were killed"),
else the first it names after it (`deceased_subject`; the phrasings are in
``fact_victims.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from presslens.extract.entities._lexicon import entity_lexicon
from presslens.facts._fact import NAME_PATTERN, SENTENCE_OPENERS, Fact
from presslens.facts._lexicon import victim_patterns
from presslens.facts._slots import claim_facts, facts_disagree
from presslens.models import Claim, Contradiction, ContradictionSide

__all__ = ["contradictions_within", "deceased_subject"]

#: Lower-case words of a description, then the name it describes ("... opposition leader Aleksei
#: Navalny"); a preposition or a conjunction ends the description ("Russian soldiers in Ukraine").
_LINKING_WORDS = "in|on|at|of|from|to|by|for|with|and|or|but|after|before|near|during|who|which|that|as"
_DESCRIBED_NAME = re.compile(rf"(?: (?!(?:{_LINKING_WORDS})\b)[a-z][\w’'-]*){{1,3}} (?P<name>{NAME_PATTERN})")


@lru_cache(maxsize=16)
def named_victims(text: str) -> tuple[tuple[int, str], ...]:
    """Every place `text` names victims ("the deaths of X", "X, who were killed"): (offset, name).

    Cached per text: every claim of an article asks about the same text, inside
    one article and across a story, and the scan over the whole text with every
    victim pattern is the expensive part.
    """
    found: list[tuple[int, str]] = []
    lex = entity_lexicon()
    for pattern in victim_patterns(NAME_PATTERN):
        for match in pattern.finditer(text):
            words = [w for w in match.group("name").split() if w not in SENTENCE_OPENERS]
            if words and all(lex.is_demonym(w) for w in words):
                # "the body of Russian opposition leader Aleksei Navalny": the nationality opens a
                # description; the victim is the name the description leads to, if any
                described = _DESCRIBED_NAME.match(text, match.end("name"))
                if described is None:
                    continue
                found.append((described.start("name"), described.group("name")))
            elif words:
                found.append((match.start("name"), " ".join(words)))
    return tuple(found)


def deceased_subject(text: str, position: int) -> str | None:
    """The victims the article names last before `position` (else first after it), or None."""
    found = named_victims(text)
    before = [f for f in found if f[0] < position]
    if before:
        return max(before)[1]
    return min(found)[1] if found else None


def _speaker_key(claim: Claim) -> str:
    return (claim.speaker.canonical or claim.speaker.text).lower().removeprefix("the ")


def _topic(a: Fact, b: Fact) -> str:
    if a.kind == "count":
        where = a.subject or b.subject
        return a.attribute + (f" in {where}" if where else "")
    subjects = [s for s in (a.subject, b.subject) if s]
    # the group ("the X brothers") names the topic better than one of its members
    subject = max(subjects, key=lambda s: (" " in s and s.split()[-1].islower(), len(s)), default=None)
    return f"{a.attribute} of {'the ' + subject if subject and subject.split()[-1].islower() else subject}"


def contradictions_within(claims: Sequence[Claim], text: str, article_id: str) -> list[Contradiction]:
    """Pairs of claims in one article whose facts disagree (indices into `claims`)."""
    facts = [claim_facts(c, text, default_subject=deceased_subject(text, c.content.start)) for c in claims]
    found: list[Contradiction] = []
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if not facts[i] or not facts[j] or _speaker_key(claims[i]) == _speaker_key(claims[j]):
                continue
            done: set[str] = set()
            for fa in facts[i]:
                for fb in facts[j]:
                    if fa.attribute in done or not facts_disagree(fa, fb):
                        continue
                    done.add(fa.attribute)
                    found.append(
                        Contradiction(
                            topic=_topic(fa, fb),
                            a=ContradictionSide(
                                kind="claim", index=i, article=article_id, evidence=claims[i].evidence
                            ),
                            b=ContradictionSide(
                                kind="claim", index=j, article=article_id, evidence=claims[j].evidence
                            ),
                        )
                    )
    return found
