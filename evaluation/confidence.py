"""Does an event's confidence say what is solid? Located-gold rate by confidence band.

    python evaluation/confidence.py [--data ../shared/data] [--split dev|test|all]

For each real story set (``stories/*``: articles with a gold timeline), every asserted,
non-negated event presslens finds is *located* when its evidence overlaps a gold timeline
report of the same article (the scorer's ``overlaps``). A useful confidence ranks located
events above the rest: the script prints the located rate at confidence >= 0.55 and below.
The weights (``resources/event_confidence.tsv``) were fitted on the dev split (al-Ahli and
Crocus); report the test split (Navalny). The gold timelines list what a careful reader puts
on a story's timeline, not every event: rates are lower bounds of precision.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import data_dir, load_scorer

SPLITS = {"dev": ("ahli-hospital-2023", "crocus-2024"), "test": ("navalny-2024",)}
THRESHOLD = 0.55


def located_by_band(root: Path, names: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    from presslens.service import analyze_sources

    overlaps = load_scorer().overlaps
    bands = {"high": [0, 0], "low": [0, 0]}
    for name in names:
        story = root / "stories" / name
        gold = json.loads((story / "timeline.json").read_text(encoding="utf-8"))
        reports: dict[str, list[str]] = {}
        for event in gold:
            for report in event["reports"]:
                reports.setdefault(report["article"], []).append(report["evidence"])
        for doc in analyze_sources(sorted(str(p) for p in (story / "articles").glob("*.json"))):
            if isinstance(doc, Exception):
                print(f"  skipped: {doc}", file=sys.stderr)
                continue
            for event in doc.events:
                if event.negated or event.modality != "asserted":
                    continue
                band = bands["high" if event.confidence >= THRESHOLD else "low"]
                band[0] += any(overlaps(g, event.evidence.text) for g in reports.get(doc.id, []))
                band[1] += 1
    return {k: (v[0], v[1]) for k, v in bands.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="test")
    args = ap.parse_args()
    names = SPLITS["dev"] + SPLITS["test"] if args.split == "all" else SPLITS[args.split]
    result = located_by_band(data_dir(args.data), names)
    for band, (hit, n) in result.items():
        rate = hit / n if n else 0.0
        sign = ">=" if band == "high" else "<"
        print(f"confidence {sign} {THRESHOLD}: {hit}/{n} located ({rate:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
