"""A natasha sentence's dependency parse as a tree: children, subtrees, and the text spans they cover.

Shared by the claim and event readers; natasha's tokens carry ``id`` and
``head_id`` ("3_5", "3_2") once the sentence is parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from presslens.models import TextSpan

__all__ = ["EDGE_PUNCT", "Tree"]

#: Punctuation trimmed from the edges of a span ("— заявил он", "..., что").
EDGE_PUNCT = frozenset({",", ".", "—", "–", "-", ":", ";", "!", "?", "…"})


class Tree:
    """One parsed natasha sentence: tokens by id, children by head, subtrees and their spans."""

    def __init__(self, tokens: Sequence[Any]) -> None:
        self.tokens = list(tokens)
        self.index = {t.id: k for k, t in enumerate(self.tokens)}
        self.children: dict[str, list[Any]] = {}
        for t in self.tokens:
            self.children.setdefault(t.head_id, []).append(t)

    def kids(self, tok: Any, *rels: str) -> list[Any]:
        return [c for c in self.children.get(tok.id, []) if not rels or c.rel in rels]

    def head(self, tok: Any) -> Any | None:
        k = self.index.get(tok.head_id)
        return self.tokens[k] if k is not None else None

    def subtree(self, tok: Any) -> set[int]:
        out, todo = set(), [tok]
        while todo:
            t = todo.pop()
            k = self.index[t.id]
            if k not in out:
                out.add(k)
                todo.extend(self.children.get(t.id, []))
        return out

    def run(self, ks: Iterable[int]) -> tuple[int, int] | None:
        """The longest run of consecutive token indices in `ks`, edge punctuation trimmed: [a, b)."""
        ks = sorted(ks)
        best: tuple[int, int] | None = None
        a = 0
        for i in range(1, len(ks) + 1):
            if i == len(ks) or ks[i] != ks[i - 1] + 1:
                run = (ks[a], ks[i - 1] + 1)
                if best is None or run[1] - run[0] > best[1] - best[0]:
                    best = run
                a = i
        if best is None:
            return None
        lo, hi = best
        while lo < hi and self.tokens[lo].text in EDGE_PUNCT:
            lo += 1
        while hi > lo and self.tokens[hi - 1].text in EDGE_PUNCT:
            hi -= 1
        return (lo, hi) if hi > lo else None

    def span(self, run: tuple[int, int], text: str) -> TextSpan:
        start, end = self.tokens[run[0]].start, self.tokens[run[1] - 1].stop
        return TextSpan(text=text[start:end], start=start, end=end)
