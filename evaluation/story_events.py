"""Located-event arguments of the real story sets, without the scorer's tie-break.

    python ../shared/eval/run_stories.py --keep DIR      # ingest and keep each set's timeline
    python evaluation/story_events.py DIR [--show]

``shared/eval/stories.py`` scores each gold event against the timeline row holding most of its
located reports, and breaks ties by the iteration order of a Python set of row indices. A
statement and the event it tells often hold one report each, so a change that only renumbers
rows moves type / actor / target / date by several events either way. This script gives the same
figures averaged over every tied row (a gold event tied between a right and a wrong row counts
one half), which moves only when what the rows say moves: compare versions with it, and report
the scorer's own figures beside it. ``--show`` lists each gold event with the row chosen by the
scorer (the same tie-break) and marks the wrong arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DEFAULT_DATA, REPO, DataMissing, load_scorer

STORIES_SCORER = REPO.parent / "shared" / "eval" / "stories.py"
ARGUMENTS = ("type", "actor", "target", "date")


def _right(scorer: ModuleType, gold: dict[str, Any], row: dict[str, Any]) -> dict[str, bool]:
    date = row.get("date")
    date = date.get("value") if isinstance(date, dict) else date
    return {
        "type": row.get("type") in ({gold.get("type")} | set(gold.get("alt_types", []))),
        "actor": scorer.role_right(gold.get("actor"), row.get("actor")),
        "target": scorer.role_right(gold.get("target"), row.get("target")),
        "date": str(date) == str(gold.get("date")) if gold.get("date") else not date,
    }


def score_set(scorer: ModuleType, gold: list[dict], pred: list[dict], show: bool = False) -> dict[str, float]:
    """Tie-averaged accuracy of each argument over the located gold events (``events``: how many)."""
    totals = dict.fromkeys(ARGUMENTS, 0.0)
    located = 0
    for event in gold:
        votes: dict[int, int] = {}
        for report in event.get("reports", []):
            rows = {i for i, row in enumerate(pred) for told in row.get("reports", [])
                    if str(told.get("article")) == str(report["article"])
                    and scorer.overlaps(report["evidence"], scorer.ev_text(told))}
            for i in rows:
                votes[i] = votes.get(i, 0) + 1
        if not votes:
            if show:
                print(f"  {event['id']:>4} not located: {event.get('type')} {event.get('actor')} -> "
                      f"{event.get('target')}")
            continue
        located += 1
        top = max(votes.values())
        tied = [pred[i] for i, n in votes.items() if n == top]
        for row in tied:
            for name, ok in _right(scorer, event, row).items():
                totals[name] += ok / len(tied)
        if show:
            row = pred[max(votes, key=votes.get)]
            marks = "".join("." if ok else "x" for ok in _right(scorer, event, row).values())
            print(f"  {event['id']:>4} {marks} gold {event.get('type')} {event.get('actor')} -> "
                  f"{event.get('target')} @{event.get('date')}\n"
                  f"       {' ' * len(marks)} row  {row.get('type')}/{row.get('mode')} {row.get('actor')} -> "
                  f"{row.get('target')} @{row.get('date')}  ({len(tied)} tied)")
    n = max(1, located)
    return {name: round(totals[name] / n, 3) for name in ARGUMENTS} | {"events": located}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kept", help="the --keep folder of run_stories.py")
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    ap.add_argument("--show", action="store_true", help="list every gold event and the row it took")
    args = ap.parse_args()
    try:
        scorer = load_scorer(STORIES_SCORER)
        stories = Path(args.data or DEFAULT_DATA) / "stories"
        if not stories.is_dir():
            raise DataMissing(f"story sets not found at {stories}")
    except DataMissing as exc:
        print(f"story_events: {exc}", file=sys.stderr)
        return 2
    kept = Path(args.kept)
    for story in sorted(p for p in stories.iterdir() if (p / "timeline.json").is_file()):
        timeline = kept / story.name / "timeline.json"
        if not timeline.is_file():
            print(f"{story.name}: no timeline under {kept} (run run_stories.py --keep {kept})")
            continue
        if args.show:
            print(story.name)
        gold = json.loads((story / "timeline.json").read_text(encoding="utf-8"))
        pred = json.loads(timeline.read_text(encoding="utf-8"))
        pred = pred.get("events", pred) if isinstance(pred, dict) else pred
        figures = score_set(scorer, gold, pred, show=args.show)
        print(f"{story.name}: " + " ".join(f"{k}={v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
