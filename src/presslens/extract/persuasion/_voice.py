"""Whose voice a persuasion span is in: the outlet's own narration, or a source it quotes or reports.

"How the text steers" is about the outlet. A wire report that quotes the Foreign
Ministry's "brutal killing" or a forensic finding of "severe bodily injuries" repeats
what a source said; counted as the outlet's, it made plain AP and Reuters reports score
higher than an opinion piece. So each span is placed:

- inside the content of an attributed claim ("the ministry said Israel's *brutal* strike
  ...", or the quotation a claim attributes): the voice of that claim's speaker, linked to it;
- inside quotation marks no claim attributes: a source's voice, speaker unknown;
- anywhere else: the outlet's own narration.

A span counts as inside when its middle is: a span straddling the end of a quotation is
mostly one side of it. When claims nest ("X said Y told Z ..."), the innermost one holding
the span says whose words they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from presslens.extract._quotes import quotation_spans
from presslens.models import QUOTED_SOURCE, Claim, PersuasionSpan

__all__ = ["QUOTED", "with_voices"]

#: The `by_speaker` key of words in quotation marks that no claim attributes.
QUOTED = QUOTED_SOURCE


def with_voices(spans: Sequence[PersuasionSpan], claims: Sequence[Claim], text: str) -> list[PersuasionSpan]:
    """`spans` with `voice`, `speaker` and `claim` filled in (see the module docstring)."""
    if not spans:
        return []
    quotes = [q.inner for q in quotation_spans(text)]
    out = []
    for span in spans:
        middle = (span.start + span.end) // 2
        holder = _innermost(claims, middle)
        if holder is not None:
            claim = claims[holder]
            speaker = claim.speaker.canonical or claim.speaker.text
            out.append(span.model_copy(update={"voice": "source", "speaker": speaker, "claim": holder}))
        elif any(lo <= middle < hi for lo, hi in quotes):
            out.append(span.model_copy(update={"voice": "source", "speaker": None, "claim": None}))
        else:
            out.append(span.model_copy(update={"voice": "outlet", "speaker": None, "claim": None}))
    return out


def _innermost(claims: Sequence[Claim], at: int) -> int | None:
    """The index of the narrowest claim whose content holds `at`."""
    best: tuple[int, int] | None = None
    for i, claim in enumerate(claims):
        lo, hi = claim.content.start, claim.content.end
        if lo <= at < hi and (best is None or hi - lo < best[0]):
            best = (hi - lo, i)
    return best[1] if best else None
