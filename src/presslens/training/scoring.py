"""The official metrics of SemEval-2020 Task 11, as its scorers compute them.

Task SI (span identification; Da San Martino et al. 2020, section 4): spans are
sets of character offsets; overlapping gold spans of an article are merged
first (the scorer's ``check_annotation_spans(gold, True)``), and so are
overlapping predicted spans (its ``--merge-user-annotations`` option). Then

    P = sum over predicted s, gold t of |s & t| / |s|   /  #predicted
    R = sum over predicted s, gold t of |s & t| / |t|   /  #gold

and F1 is their harmonic mean. Since merged spans do not overlap each other,
the inner sums equal the character share of s covered by gold (for P) and of t
covered by predictions (for R): partial credit for partial overlap.

Task TC (technique classification) is micro-F1 over the given gold spans, which
equals accuracy when every gold span gets exactly one label.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["SpanScores", "merge_overlapping", "si_scores", "tc_micro_f1"]

Offsets = tuple[int, int]


@dataclass(frozen=True)
class SpanScores:
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "pred": self.predicted, "gold": self.gold}


def merge_overlapping(spans: Iterable[Offsets]) -> list[Offsets]:
    """Union of overlapping [start, end) spans (spans that share a character)."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _overlap(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def si_scores(
    predicted: Mapping[str, Sequence[Offsets]], gold: Mapping[str, Sequence[Offsets]]
) -> SpanScores:
    """Task SI precision/recall/F1 over articles (keys: article ids)."""
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for article in set(predicted) | set(gold):
        preds = merge_overlapping(predicted.get(article, ()))
        golds = merge_overlapping(gold.get(article, ()))
        n_pred += len(preds)
        n_gold += len(golds)
        for s in preds:
            for t in golds:
                inter = _overlap(s, t)
                if inter:
                    p_num += inter / (s[1] - s[0])
                    r_num += inter / (t[1] - t[0])
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p > 0 and r > 0 else 0.0
    return SpanScores(p, r, f1, n_pred, n_gold)


def tc_micro_f1(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """Micro-F1 of technique labels on the gold spans (one prediction per span)."""
    if not gold:
        return 0.0
    return sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(gold)
