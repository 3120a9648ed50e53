"""An analyst's verdicts on contradictions (dismissed, confirmed), applied again after every rebuild.

A contradiction's id holds its story's id, which may change when the stories are rebuilt, so a
verdict is kept by what the contradiction says instead: its attribute, its topic (which names
the subject: "cause of death of Navalny") and the values its sides give. The same dispute found
again after re-ingest, ``reanalyze`` or a rebuild carries the verdict; a new value from a new
article makes it another dispute, which the analyst has not judged yet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from presslens.models import StoryContradiction

__all__ = ["JUDGEMENTS", "VERDICTS", "apply_verdicts", "verdict_key"]

VERDICTS = ("dismissed", "confirmed")
#: what an analyst asks (``presslens judge``, the story page) -> what ``Store.judge_contradiction`` stores
JUDGEMENTS = {"dismiss": "dismissed", "confirm": "confirmed", "clear": "clear"}


def verdict_key(contradiction: StoryContradiction) -> str:
    """What pins a verdict to a contradiction across rebuilds."""
    values = sorted(side.value for side in contradiction.sides)
    text = "|".join([contradiction.attribute, contradiction.topic, *values])
    return "v-" + hashlib.sha256(text.encode()).hexdigest()[:16]


def apply_verdicts(
    contradictions: Sequence[StoryContradiction], verdicts: Mapping[str, str], *, dismissed: bool = False
) -> list[StoryContradiction]:
    """`contradictions` with their verdicts; the dismissed ones left out unless `dismissed`."""
    out = []
    for c in contradictions:
        verdict = verdicts.get(verdict_key(c))
        if verdict == "dismissed" and not dismissed:
            continue
        out.append(c.model_copy(update={"verdict": verdict}) if verdict else c)
    return out
