"""Russian time expressions on the hand-annotated set of ``evaluation/russian_time/``.

    python evaluation/russian_time.py [--data ../shared/data] [--split dev|test|all] [--show]

The set: 16 factRuEval-2016 news texts (read from ``shared/data/ru``; only the
annotations live here), each with the document date it is valued against and
the evidence for that date (``documents.tsv``), and 127 time expressions with
TIMEX3 values (``timexes.tsv``; 75 dev, 52 test), split by document: dev for
development, test for reporting. Each text is analysed by presslens's Russian path with its
document date as the publication date.

Metrics: relaxed span F1 (a prediction and a gold expression overlap by a
character) and value F1 (they overlap and their values are equal); predictions
overlapping an IGNORE row (outside the scope, or a value that cannot be fixed)
count neither way.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, load_split, prf, split_parser

HERE = Path(__file__).resolve().parent / "russian_time"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


def _rows(name: str) -> list[list[str]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _find(text: str, surface: str, occurrence: int, doc_id: str) -> tuple[int, int]:
    matches = list(re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text))
    if occurrence >= len(matches):
        raise ValueError(f"{doc_id}: {surface!r} occurs {len(matches)} times, annotation wants #{occurrence}")
    return matches[occurrence].span()


def load(root: Path, split: str) -> list[tuple[str, str, dt.date, list[Gold]]]:
    """(id, text, document date, gold expressions) of every document of `split`."""
    texts: dict[str, str] = {}
    for name in ("factrueval-dev.jsonl", "factrueval-test.jsonl"):
        path = root / "ru" / name
        if not path.is_file():
            raise DataMissing(f"factRuEval-2016 texts not found at {path}")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                texts[rec["id"]] = rec["text"]
    gold: dict[str, list[Gold]] = {}
    for doc_id, surface, occurrence, kind, value in _rows("timexes.tsv"):
        start, end = _find(texts[doc_id], surface, int(occurrence), doc_id)
        gold.setdefault(doc_id, []).append(Gold(start, end, kind, value, surface))
    return [
        (doc_id, texts[doc_id], dt.date.fromisoformat(day), gold.get(doc_id, []))
        for doc_id, part, day, _evidence in _rows("documents.tsv")
        if split in ("all", part)
    ]


def main() -> int:
    ap = split_parser(__doc__, ("dev", "test", "all"), "dev")
    ap.add_argument("--show", action="store_true", help="print every miss, false expression and wrong value")
    args = ap.parse_args()
    docs = load_split(load, args)
    if docs is None:
        return 2

    from presslens.models import Article
    from presslens.pipeline import Pipeline

    pipeline = Pipeline()
    n_pred = n_gold = span_p = span_r = value_p = value_r = 0
    for doc_id, text, day, gold in docs:
        article = Article(id=doc_id, text=text, source=f"factrueval:{doc_id}", language="ru", published=day)
        pred = pipeline.analyze_article(article).timexes
        ignored = [g for g in gold if g.type == "IGNORE"]
        gold = [g for g in gold if g.type != "IGNORE"]
        pred = tuple(t for t in pred if not any(t.start < g.end and g.start < t.end for g in ignored))
        n_pred += len(pred)
        n_gold += len(gold)
        for t in pred:
            over = [g for g in gold if t.start < g.end and g.start < t.end]
            span_p += bool(over)
            value_p += any(g.value == t.value for g in over)
            if args.show and not any(g.value == t.value for g in over):
                expected = over[0].value if over else "none"
                print(f"  {doc_id}: {t.text!r} -> {t.value} (gold {expected})")
        for g in gold:
            over = [t for t in pred if t.start < g.end and g.start < t.end]
            span_r += bool(over)
            value_r += any(g.value == t.value for t in over)
            if args.show and not over:
                print(f"  {doc_id}: missed {g.text!r} ({g.value})")
    print(f"Russian time expressions ({args.split}): {len(docs)} documents, {n_gold} gold, {n_pred} found")
    for name, (tp_p, tp_r) in (("relaxed span", (span_p, span_r)), ("value", (value_p, value_r))):
        p, r, f = prf(tp_p, n_pred, tp_r, n_gold)
        print(f"  {name:13s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
