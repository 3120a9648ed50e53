"""Score the reference article(s) in shared/data/seed with shared/eval/score.py.

    python evaluation/seed.py [--data ../shared/data]

Each `*.txt` with a `*.gold.json` beside it is analysed with the publication
date from the gold's `meta.published` (as `--published` would give it) and
scored; per-part P/R/F1 and the macro `overall` are printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import data_dir, load_scorer


def seed_scores(data: str | Path | None = None) -> dict[str, dict]:
    """{document name: score.py result} for every gold-annotated seed article."""
    from presslens import Pipeline, analyze

    scorer = load_scorer()
    pipeline = Pipeline()
    results = {}
    for gold_path in sorted((data_dir(data) / "seed").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        published = (gold.get("meta") or {}).get("published")
        doc = analyze(text_path, published=published, pipeline=pipeline)
        results[text_path.stem] = scorer.score(gold, doc.to_dict())
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    args = ap.parse_args()
    for name, res in seed_scores(args.data).items():
        print(name)
        for part, v in res.items():
            if part == "overall":
                continue
            cells = " ".join(f"{k}={v[k]}" for k in ("p", "r", "f1", "pred", "gold") if k in v)
            print(f"  {part:15s} {cells}")
        print(f"  overall {res['overall']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
