"""Russian NER on factRuEval-2016: bare natasha and presslens's Russian path, in the same run.

    python evaluation/factrueval.py [--data ../shared/data] [--split dev|test] [--errors N]

Metric: exact-span F1 per label (PER / ORG / LOC) against the reduced,
non-overlapping ``entities_naeval`` gold of ``shared/data/ru`` (its README: the
gold natasha/naeval scores against). A prediction is right when its start, end
and label equal a gold span's. presslens labels map back as PERSON -> PER,
ORG -> ORG, GPE and LOC -> LOC. Develop on ``dev``; ``test`` is for reporting.
The published figures in ``shared/data/ru/README.md`` use other metrics (the
official Track 1 scorer's token sets with partial credit; naeval's per-token
F1), so they are put beside these, not compared one to one.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, load_split, prf, split_parser

LABELS = ("PER", "ORG", "LOC")
_FROM_PRESSLENS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}

Span = tuple[int, int, str]


def records(root: Path, split: str) -> list[dict[str, Any]]:
    path = root / "ru" / f"factrueval-{split}.jsonl"
    if not path.is_file():
        raise DataMissing(f"factRuEval-2016 {split} not found at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def bare_natasha(text: str) -> set[Span]:
    """natasha's own NER spans, nothing else."""
    from natasha import Doc

    from presslens.russian import russian_models

    m = russian_models()
    doc = Doc(text)
    doc.segment(m.segmenter)
    doc.tag_ner(m.ner_tagger)
    return {(s.start, s.stop, s.type) for s in doc.spans if s.type in LABELS}


def presslens_spans(recs: list[dict[str, Any]]) -> list[set[Span]]:
    """The entities of presslens's analysis path for each record (language given as Russian)."""
    from presslens.models import Article
    from presslens.pipeline import Pipeline

    pipeline = Pipeline()
    articles = [
        Article(id=r["id"], text=r["text"], source=f"factrueval:{r['id']}", language="ru",
                published=dt.date(2016, 1, 1))
        for r in recs
    ]
    return [
        {(e.start, e.end, _FROM_PRESSLENS[e.label]) for e in d.entities if e.label in _FROM_PRESSLENS}
        for d in pipeline.analyze_articles(articles)
    ]


def score(gold: list[set[Span]], pred: list[set[Span]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for label in (*LABELS, "overall"):
        keep = (lambda s: True) if label == "overall" else (lambda s, lab=label: s[2] == lab)
        pairs = zip(gold, pred, strict=True)
        tp = sum(len({s for s in g if keep(s)} & {s for s in p if keep(s)}) for g, p in pairs)
        n_pred = sum(1 for p in pred for s in p if keep(s))
        n_gold = sum(1 for g in gold for s in g if keep(s))
        prec, rec, f1 = prf(tp, n_pred, tp, n_gold)
        out[label] = {"p": round(prec, 3), "r": round(rec, 3), "f1": round(f1, 3), "gold": n_gold}
    return out


def main() -> int:
    ap = split_parser(__doc__, ("dev", "test"), "dev")
    ap.add_argument("--errors", type=int, default=0, help="print this many presslens errors")
    args = ap.parse_args()
    recs = load_split(records, args)
    if recs is None:
        return 2
    gold = [{(e["start"], e["end"], e["label"]) for e in r["entities_naeval"]} for r in recs]
    bare = [bare_natasha(r["text"]) for r in recs]
    ours = presslens_spans(recs)
    print(f"factRuEval-2016 {args.split}: {len(recs)} documents, exact-span F1 vs entities_naeval")
    for name, pred in (("bare natasha", bare), ("presslens", ours)):
        s = score(gold, pred)
        print(f"  {name:13s} " + "  ".join(f"{k} {v['f1']:.3f}" for k, v in s.items()))
    if args.errors:
        errors: Counter[str] = Counter()
        for r, g, p in zip(recs, gold, ours, strict=True):
            for a, b, lab in sorted(p - g)[: args.errors]:
                errors[f"false {lab}: {r['text'][a:b]}"] += 1
            for a, b, lab in sorted(g - p)[: args.errors]:
                errors[f"missed {lab}: {r['text'][a:b]}"] += 1
        for text, n in errors.most_common(args.errors):
            print(f"  {n:3d}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
