#!/usr/bin/env python3
"""Score presslens time values on narrative passages anchored to their own reference time.

    python evaluation/narrative_time.py [--data ../shared/data] [--split dev|report|all] [--errors]

The gold set (`evaluation/narrative_time/gold.jsonl`, sources and method in its
README) holds background and history passages where an underspecified date
("21 February", "twelve days later", "that year") takes its year from the
narrative, not from the publication date; and news passages where it must not.
Each document is analysed through the real pipeline (`presslens.Pipeline`, the
Article's ``published`` = the gold ``dct``), and the predicted timexes inside the
annotated passage are scored as `evaluation/timex.py` scores TempEval-3: strict
span P/R/F1 (identical offsets), relaxed span P/R/F1 (overlap, one-to-one) and
value P/R/F1 (a relaxed span match with an equal TIMEX3 value). Passages from
``../shared/data`` are stored as path + offsets only; their text is read from
there and checked against the recorded SHA-256.

The gold was split by document into ``dev`` and ``report`` before any tuning;
develop on ``dev``, quote ``report``. `narrative_time_scores(data)` returns the
figures per split for an evaluation gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir
from evaluation.timex import _score

GOLD = Path(__file__).with_name("narrative_time") / "gold.jsonl"
SPLITS = ("dev", "report")

Gold = dict[str, Any]


def load_gold(path: Path = GOLD) -> list[Gold]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _shared_text(data: Path, source: dict[str, Any]) -> str:
    """The text of a passage kept in ../shared/data, checked against the recorded hash."""
    path = data / source["shared"]
    if not path.is_file():
        raise DataMissing(f"{path} not found; pass --data pointing at shared/data")
    if source.get("record") is None:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
    else:
        with path.open(encoding="utf-8") as fh:
            text = next((r["text"] for line in fh if (r := json.loads(line))["id"] == source["record"]), None)
        if text is None:
            raise DataMissing(f"record {source['record']!r} not found in {path}")
    if hashlib.sha256(text.encode()).hexdigest() != source["text_sha256"]:
        raise DataMissing(f"{path} ({source.get('record')}) differs from the annotated version (SHA-256)")
    return text


def _texts(gold: list[Gold], data: Path | str | None) -> list[str]:
    root = data_dir(data) if any("shared" in g["source"] for g in gold) else None
    return [g["text"] if "text" in g else _shared_text(root, g["source"]) for g in gold]  # type: ignore[arg-type]


def predictions(gold: list[Gold], texts: list[str], pipeline: Any = None) -> list[list[dict[str, Any]]]:
    """presslens timexes of each document inside its annotated passage."""
    from presslens import Pipeline
    from presslens.models import Article

    pipeline = pipeline or Pipeline()
    articles = [
        Article(id=g["id"], text=text, source=g["id"], language="en",
                published=dt.date.fromisoformat(g["dct"]) if g.get("dct") else None)
        for g, text in zip(gold, texts, strict=True)
    ]
    out = []
    for g, doc in zip(gold, pipeline.analyze_articles(articles), strict=True):
        lo, hi = (g["passage"]["start"], g["passage"]["end"]) if "passage" in g else (0, len(doc.text))
        out.append([t.model_dump() for t in doc.timexes if lo <= t.start and t.end <= hi])
    return out


def narrative_time_scores(
    data: Path | str | None = None, *, pipeline: Any = None
) -> dict[str, dict[str, float]]:
    """{"dev": {...}, "report": {...}, "all": {...}}: the `evaluation/timex.py` figures per split."""
    gold = load_gold()
    preds = predictions(gold, _texts(gold, data), pipeline)
    pairs = [(g["timexes"], p) for g, p in zip(gold, preds, strict=True)]
    scores = {split: _score(pair for g, pair in zip(gold, pairs, strict=True) if g["split"] == split)
              for split in SPLITS}
    scores["all"] = _score(pairs)
    return scores


def _errors(gold: list[Gold], texts: list[str], preds: list[list[dict[str, Any]]], split: str) -> None:
    """Print each gold timex missed or mis-valued and each spurious prediction."""
    for g, text, pred in zip(gold, texts, preds, strict=True):
        if split != "all" and g["split"] != split:
            continue
        used: set[int] = set()
        for t in g["timexes"]:
            hit = next((k for k, p in enumerate(pred)
                        if k not in used and p["start"] < t["end"] and t["start"] < p["end"]), None)
            surface = text[t["start"]:t["end"]]
            if hit is None:
                print(f"{g['id']:40} MISS  {surface!r} gold={t['value']}")
                continue
            used.add(hit)
            if pred[hit]["value"] != t["value"]:
                print(f"{g['id']:40} VALUE {surface!r} gold={t['value']} pred={pred[hit]['value']}")
        for k, p in enumerate(pred):
            if k not in used:
                print(f"{g['id']:40} EXTRA {p['text']!r} pred={p['value']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="shared/data (default: ../shared/data beside the repo)")
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list misses, wrong values and extras")
    args = parser.parse_args()
    gold = load_gold()
    texts = _texts(gold, args.data)
    preds = predictions(gold, texts)
    cols = ("strict_p", "strict_r", "strict_f1", "relaxed_f1", "type_acc", "value_p", "value_r", "value_f1")
    print(f"{'split':7} {'gold':>5} {'pred':>5} " + " ".join(f"{c:>10}" for c in cols))
    for split in ([*SPLITS, "all"] if args.split == "all" else [args.split]):
        s = _score((g["timexes"], p) for g, p in zip(gold, preds, strict=True)
                   if split == "all" or g["split"] == split)
        print(f"{split:7} {s['gold']:5d} {s['pred']:5d} " + " ".join(f"{s[c]:10.3f}" for c in cols))
    if args.errors:
        _errors(gold, texts, preds, args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
