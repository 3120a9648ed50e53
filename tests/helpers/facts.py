"""Facts a one-sentence claim states, for the tests of ``presslens.facts``."""

from __future__ import annotations

from presslens.facts import Fact, claim_facts
from presslens.models import Claim, Mention, TextSpan


def stated(text: str, kind: str, speaker: str = "the ministry", own_voice: bool = False) -> list[Fact]:
    """The facts of `kind` that `text`, said by `speaker` (or in the outlet's own voice), states."""
    span = TextSpan(text=text, start=0, end=len(text))
    cue = span if own_voice else TextSpan(text="said", start=0, end=4)
    claim = Claim(speaker=Mention(text=speaker), cue=cue, content=span, evidence=span)
    return [f for f in claim_facts(claim, text) if f.kind == kind]
