#!/usr/bin/env python3
"""What a change does to events and claim speakers on articles nobody wrote rules for.

    python evaluation/event_diff.py --base REV [--data ../shared/data] [--split train] [--articles 120]

The story sets and the PLOVER sentences have gold, but they are few; a rule
that fixes one reading can break ten others that no gold covers. This script
analyses the same PTC articles with the code at git revision `REV` (checked
out into a temporary worktree) and with the working tree, and lists every
asserted event that disappeared, appeared or changed participants, and every
claim whose speaker resolved differently. The lists are for reading by hand:
a person marks each change right or wrong and reports the counts (the closing
notes do). Use articles you did not read while writing the change (PTC train
when the rules came from reading PTC dev).

Runtime: about two minutes per 100 articles and side.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir

REPO = Path(__file__).resolve().parents[1]

_DUMP = r"""
import itertools, json, sys
from presslens.models import Article
from presslens.pipeline import Pipeline

source, n, out = sys.argv[1], int(sys.argv[2]), open(sys.argv[3], "w", encoding="utf-8")
pipeline = Pipeline()
for line in itertools.islice(open(source, encoding="utf-8"), n):
    rec = json.loads(line)
    doc = pipeline.analyze_article(Article(id=str(rec["id"]), text=rec["text"], source="ptc",
                                           published="2019-01-15"))
    for e in doc.events:
        out.write(json.dumps({"a": rec["id"], "type": e.type, "asserted": e.modality == "asserted"
                              and not e.negated, "modality": e.modality, "actor": e.actor and e.actor.text,
                              "target": e.target and e.target.text, "evidence": e.evidence.text}) + "\n")
    for c in doc.claims:
        out.write(json.dumps({"a": rec["id"], "claim": c.content.text[:80], "speaker": c.speaker.text,
                              "canonical": c.speaker.canonical}) + "\n")
"""


def _dump(src: Path, source: Path, articles: int, out: Path) -> None:
    """Analyse `articles` records of `source` with the presslens package under `src`."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-c", _DUMP, str(source), str(articles), str(out)], env=env, check=True)


def _load(path: Path) -> tuple[dict[tuple, dict[str, Any]], dict[tuple, dict[str, Any]]]:
    events, claims = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if "claim" in rec:
            claims[(rec["a"], rec["claim"])] = rec
        else:
            events[(rec["a"], rec["evidence"], rec["type"])] = rec
    return events, claims


def _row(rec: dict[str, Any]) -> str:
    return f"{rec['type']:9} {rec['actor']!s:25.25} -> {rec['target']!s:25.25} | {rec['evidence'][:100]!r}"


def report(base: Path, head: Path) -> str:
    """The changes from the `base` dump to the `head` dump, as text for reading."""
    (b_events, b_claims), (h_events, h_claims) = _load(base), _load(head)
    b_asserted = {k: v for k, v in b_events.items() if v["asserted"]}
    h_asserted = {k: v for k, v in h_events.items() if v["asserted"]}
    gone = [k for k in b_asserted if k not in h_asserted]
    new = [k for k in h_asserted if k not in b_asserted]
    def roles(rec: dict[str, Any]) -> tuple:
        return rec["actor"], rec["target"]

    moved = [k for k in b_asserted if k in h_asserted and roles(b_asserted[k]) != roles(h_asserted[k])]
    speakers = [k for k in b_claims if k in h_claims and b_claims[k]["canonical"] != h_claims[k]["canonical"]]
    lines = [f"asserted events: base {len(b_asserted)}, head {len(h_asserted)}; "
             f"no longer asserted {len(gone)}, newly asserted {len(new)}, participants changed {len(moved)}; "
             f"claim speakers changed {len(speakers)}",
             "--- no longer asserted"]
    for k in gone:
        now = h_events.get(k)
        lines.append("  " + _row(b_asserted[k]) + (f"  [now {now['modality']}]" if now else ""))
    lines.append("--- newly asserted")
    lines += ["  " + _row(h_asserted[k]) for k in new]
    lines.append("--- participants changed")
    for k in moved:
        b, h = b_asserted[k], h_asserted[k]
        lines.append(f"  {b['type']:9} {b['actor']!s:20.20} -> {b['target']!s:20.20}  =>  "
                     f"{h['actor']!s:20.20} -> {h['target']!s:20.20} | {b['evidence'][:80]!r}")
    lines.append("--- claim speakers changed")
    for k in speakers:
        before, after = b_claims[k], h_claims[k]
        lines.append(f"  {before['speaker']!r}: {before['canonical']!r} => {after['canonical']!r} | {k[1]!r}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="git revision to compare the working tree with")
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--articles", type=int, default=120)
    args = ap.parse_args()
    try:
        source = data_dir(args.data) / "ptc" / f"{args.split}.jsonl"
    except DataMissing as err:
        print(err, file=sys.stderr)
        return 2
    if not source.is_file():
        print(f"{source} not found; pass --data pointing at shared/data", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        worktree = Path(tmp) / "base"
        git = ["git", "-C", str(REPO), "worktree"]
        subprocess.run([*git, "add", "--detach", "-q", str(worktree), args.base], check=True)
        try:
            _dump(worktree / "src", source, args.articles, Path(tmp) / "base.jsonl")
            _dump(REPO / "src", source, args.articles, Path(tmp) / "head.jsonl")
            print(report(Path(tmp) / "base.jsonl", Path(tmp) / "head.jsonl"))
        finally:
            subprocess.run([*git, "remove", "--force", str(worktree)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
