"""Check labels.jsonl against the shared data and print genre counts.

Run from the repository root:  python evaluation/genre/check.py
"""

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "shared" / "data"  # /work/shared/data
GENRES = {"straight_news", "analysis", "opinion"}


def main() -> int:
    gt = json.loads((DATA / "article-extraction" / "ground-truth.json").read_text())
    dev = {json.loads(x)["id"] for x in (DATA / "ptc" / "dev.jsonl").open()}
    train = {json.loads(x)["id"] for x in (DATA / "ptc" / "train.jsonl").open()}
    rows = [json.loads(x) for x in (HERE / "labels.jsonl").open() if x.strip()]
    errors = []
    seen = set()
    for n, r in enumerate(rows, 1):
        src, rid = r.get("source"), r.get("id")
        if set(r) != {"source", "id", "url", "genre", "why"}:
            errors.append(f"line {n}: unexpected keys {sorted(r)}")
        if r.get("genre") not in GENRES:
            errors.append(f"line {n}: bad genre {r.get('genre')!r}")
        if (src, rid) in seen:
            errors.append(f"line {n}: duplicate {src} {rid}")
        seen.add((src, rid))
        if src == "article-extraction":
            if rid not in gt:
                errors.append(f"line {n}: {rid} not in ground-truth.json")
            elif r.get("url") != gt[rid]["url"]:
                errors.append(f"line {n}: url differs from ground truth")
        elif src == "ptc-dev":
            if rid not in dev:
                errors.append(f"line {n}: {rid} not in ptc/dev.jsonl")
            if rid in train:
                errors.append(f"line {n}: {rid} is a PTC train id")
        else:
            errors.append(f"line {n}: bad source {src!r}")
    # the persuasion model's hard negatives must come from other pages (issue 16)
    negatives = HERE.parents[1] / "src" / "presslens" / "training" / "persuasion_negatives.jsonl"
    negative_ids = set()
    if negatives.is_file():
        negative_ids = {json.loads(x)["id"] for x in negatives.open() if x.strip()}
    for n, r in enumerate(rows, 1):
        if r.get("id") in negative_ids:
            errors.append(f"line {n}: {r['id']} is also a source of the persuasion model's negatives")
    for e in errors:
        print("ERROR", e)
    by = Counter((r["source"], r["genre"]) for r in rows)
    print(f"{len(rows)} labels")
    for src in ("article-extraction", "ptc-dev"):
        cells = ", ".join(f"{g} {by[src, g]}" for g in sorted(GENRES))
        print(f"  {src}: {sum(by[src, g] for g in GENRES)} ({cells})")
    total = Counter(r["genre"] for r in rows)
    print("  total:", ", ".join(f"{g} {total[g]}" for g in sorted(GENRES)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
