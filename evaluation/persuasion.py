#!/usr/bin/env python3
"""Score presslens persuasion spans on PTC (SemEval-2020 Task 11) and the seed article.

    python evaluation/persuasion.py [--data ../shared/data] [--speed]

- SI on PTC dev (75 articles) with the task's official partial-overlap
  precision/recall (Da San Martino et al. 2020; `presslens.training.scoring`
  reimplements the organisers' task-SI_scorer, merging overlapping spans as
  its ``-m`` option does), for the shipped detector (CRF + lexicon), the CRF
  spans alone and the lexicon-only fallback. ``full`` is the task's operating
  point (``min_score=0.0``); ``reported`` is what `persuasion_spans` shows a
  reader by default (spans above the model's precision-calibrated cut).
- TC micro-F1 on the gold spans of the held-out 20% of train (the split of
  `presslens.training.persuasion.split_articles` with the model's seed). The
  shipped model was trained on the other 80% only, so this is out-of-sample.
  Dev has no technique labels.
- Seed article: `score_persuasion` of shared/eval/score.py.
- With ``--speed``: persuasion time over bare spaCy ``nlp.pipe`` time on 100 PTC
  articles (the issue allows at most +15%).

`persuasion_scores(data_dir)` returns the figures for the evaluation gate.
Nothing was tuned on dev: the decoding threshold is picked on the held-out split.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir, load_scorer
from presslens.extract import persuasion
from presslens.extract.persuasion import lexicon_hits
from presslens.training.persuasion import (
    build_parser,
    evaluate_techniques,
    parse_articles,
    read_ptc,
    split_articles,
)
from presslens.training.scoring import si_scores

SEED_HEADER_LINES, SEED_FOOTER_LINES = 4, 2


def _ptc(root: Path, name: str) -> list[dict[str, Any]]:
    path = root / "ptc" / name
    if not path.is_file():
        raise DataMissing(f"{path} not found; pass --data pointing at shared/data")
    return read_ptc(path)


def _offsets(spans: list) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def dev_si(root: Path, nlp: Any) -> dict[str, dict]:
    """SI on dev for the full detector, the CRF alone and the lexicon alone."""
    articles = parse_articles(_ptc(root, "dev.jsonl"), nlp)
    gold = {a.id: [(s, e) for s, e, _ in a.spans] for a in articles}
    full = {a.id: _offsets(persuasion.persuasion_spans(a.doc, min_score=0.0)) for a in articles}
    reported = {a.id: _offsets(persuasion.persuasion_spans(a.doc)) for a in articles}
    lexicon = {a.id: _offsets(persuasion.lexicon_only_spans(a.doc)) for a in articles}
    out = {"full": si_scores(full, gold).as_dict(), "reported": si_scores(reported, gold).as_dict(),
           "lexicon_only": si_scores(lexicon, gold).as_dict()}
    model = persuasion.shipped_model()
    if model is not None:
        crf = {}
        for a in articles:
            spans = model.tag(a.doc, lexicon_hits(a.doc))
            crf[a.id] = [(a.doc[s.start].idx, a.doc[s.end - 1].idx + len(a.doc[s.end - 1])) for s in spans]
        out["crf_only"] = si_scores(crf, gold).as_dict()
    return out


def heldout_tc(root: Path, nlp: Any) -> dict[str, Any]:
    """Technique micro-F1 of the shipped classifier on the held-out gold spans of train."""
    model = persuasion.shipped_model()
    if model is None:
        return {"micro_f1": 0.0, "note": "no trained model"}
    config = model.config
    seed, holdout = config["scores"]["seed"], config["scores"]["holdout"]
    records = _ptc(root, "train.jsonl")
    _, held_ids = split_articles([str(r["id"]) for r in records], seed, holdout)
    held = parse_articles([r for r in records if str(r["id"]) in held_ids], nlp)
    spans = sum(1 for a in held for s in a.spans if s[2])
    return {"micro_f1": round(evaluate_techniques(model.techniques, held), 4), "spans": spans,
            "articles": len(held), "trained_on": config.get("trained_on", "?")}


def seed_persuasion(root: Path, nlp: Any) -> dict[str, Any]:
    """score_persuasion on each seed article's body (page header and footer lines dropped)."""
    scorer = load_scorer()
    out = {}
    for gold_path in sorted((root / "seed").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        lines = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(
            encoding="utf-8").split("\n")
        text = "\n".join(lines[SEED_HEADER_LINES:-SEED_FOOTER_LINES])
        spans = persuasion.persuasion_spans(nlp(text))
        pred = {"persuasion": [s.model_dump() for s in spans]}
        result = scorer.score_persuasion(gold, pred)
        golds = [g["text"] for g in gold["persuasion"]]
        result["unmatched_pred"] = [
            s.text for s in spans if not any(scorer.overlaps(g, s.text) for g in golds)
        ]
        out[gold_path.name.split(".")[0]] = result
    return out


def speed(root: Path, nlp: Any, n: int = 100) -> dict[str, float]:
    """Persuasion time / bare spaCy pipe time on the first `n` PTC articles (train then dev)."""
    records = (_ptc(root, "train.jsonl") + _ptc(root, "dev.jsonl"))[:n]
    texts = [r["text"] for r in records]
    persuasion.persuasion_spans(nlp("Warm-up sentence."))  # model load is once per process
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=8))
    spacy_s = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        persuasion.persuasion_spans(doc)
    pers_s = time.perf_counter() - started
    tokens = sum(len(d) for d in docs)
    return {"articles": len(docs), "tokens": tokens, "spacy_s": round(spacy_s, 2),
            "persuasion_s": round(pers_s, 2), "ratio": round(pers_s / spacy_s, 4)}


def persuasion_scores(data: str | Path | None = None, *, with_speed: bool = False) -> dict[str, Any]:
    """Every figure of this script, nested for the evaluation gate."""
    root = data_dir(data)
    nlp = build_parser()
    scores: dict[str, Any] = {"detector": persuasion.detector_kind(), "dev_si": dev_si(root, nlp),
                              "heldout_tc": heldout_tc(root, nlp), "seed": seed_persuasion(root, nlp)}
    if with_speed:
        scores["speed"] = speed(root, nlp)
    return scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    ap.add_argument("--speed", action="store_true", help="also time persuasion against bare spaCy")
    args = ap.parse_args()
    scores = persuasion_scores(args.data, with_speed=args.speed)
    print(f"detector: {scores['detector']}")
    for name, s in scores["dev_si"].items():
        print(f"PTC dev SI {name:13s} P={s['p']:.3f} R={s['r']:.3f} F1={s['f1']:.3f} "
              f"(pred {s['pred']}, gold {s['gold']})")
    tc = scores["heldout_tc"]
    print(f"PTC held-out 20% TC micro-F1={tc['micro_f1']:.3f} ({tc.get('spans', 0)} gold spans)")
    for name, s in scores["seed"].items():
        print(f"seed {name} persuasion P={s['p']} R={s['r']} F1={s['f1']} "
              f"(pred {s['pred']}, gold {s['gold']})")
        for text in s["unmatched_pred"]:
            print(f"  not in gold: {text!r}")
    if "speed" in scores:
        sp = scores["speed"]
        print(f"speed: spaCy {sp['spacy_s']} s, persuasion {sp['persuasion_s']} s on {sp['articles']} "
              f"articles ({sp['tokens']} tokens): ratio {sp['ratio']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
