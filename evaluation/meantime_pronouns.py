"""Pronoun resolution on MEANTIME (Minard et al., LREC 2016), English Wikinews section.

    python evaluation/meantime_pronouns.py [--data ../shared/data] [--show dev|report]

Gold: the entity mentions of ``temporal/meantime-en/meantime-en.jsonl`` whose
``syntactic_type`` is PRO and whose referent (``instance_id``) also has a named
mention (``NAM``) in the same article. Of those, the third-person personal,
possessive and reflexive pronouns and the relative pronouns are scored (the
forms `presslens.extract.reference` resolves); first- and second-person
pronouns ("I", "we", "you" inside quotations) and quantifiers ("others",
"many") are counted and listed as out of scope.

A pronoun is resolved correctly when ``referent_of`` returns a mention that is
a mention of the same referent: its span overlaps a gold mention (any
syntactic type) of that ``instance_id`` better than it overlaps a mention of
another referent, or its canonical name is one of that referent's named
mentions. No answer counts as wrong.

Split (fixed before any tuning): documents sorted by id; even positions are
the dev half (used for tuning), odd positions the report half. Runtime: about
half a minute (small model, paragraphs and entity stage).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir, entity_pipeline

#: Pronoun groups reported apart, as issue 11 asks.
PERSONAL = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
NONPERSONAL = frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "themselves"})
RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})


def _split(docs: list[dict]) -> dict[str, list[dict]]:
    ordered = sorted(docs, key=lambda d: d["id"])
    return {"dev": ordered[0::2], "report": ordered[1::2]}


def _gold_items(doc: dict) -> tuple[list[dict], list[dict]]:
    """(scored PRO mentions, out-of-scope PRO mentions) whose referent is named in the article."""
    named = {e["instance_id"] for e in doc["entities"] if e["syntactic_type"] == "NAM" and e["instance_id"]}
    scored, skipped = [], []
    for ent in doc["entities"]:
        if ent["syntactic_type"] != "PRO" or ent["instance_id"] not in named:
            continue
        form = ent["text"].lower()
        (scored if form in PERSONAL | NONPERSONAL | RELATIVE else skipped).append(ent)
    return scored, skipped


def _correct(doc: dict, gold: dict, ref) -> bool:
    if ref is None:
        return False
    names = {
        e["text"].lower()
        for e in doc["entities"]
        if e["instance_id"] == gold["instance_id"] and e["syntactic_type"] == "NAM"
    }
    if ref.canonical.lower() in names:
        return True
    best, best_overlap = None, 0.0
    for ent in doc["entities"]:
        inter = min(ent["end"], ref.end) - max(ent["start"], ref.start)
        if inter <= 0 or not ent["instance_id"]:
            continue
        overlap = inter / (max(ent["end"], ref.end) - min(ent["start"], ref.start))
        if overlap > best_overlap:
            best, best_overlap = ent, overlap
    return best is not None and best["instance_id"] == gold["instance_id"]


def meantime_pronoun_scores(data: str | Path | None = None, *, show: str | None = None) -> dict:
    """{half: {group: {"n", "correct", "accuracy"}}} plus the out-of-scope count per half."""
    from presslens.extract.reference import referent_of

    path = data_dir(data) / "temporal" / "meantime-en" / "meantime-en.jsonl"
    if not path.is_file():
        raise DataMissing(f"MEANTIME not found at {path}")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = entity_pipeline()
    result: dict = {}
    for half, part in _split(docs).items():
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        skipped = 0
        for doc, parsed in zip(part, nlp.pipe(d["text"] for d in part), strict=True):
            scored, out_of_scope = _gold_items(doc)
            skipped += len(out_of_scope)
            for gold in scored:
                span = parsed.char_span(gold["start"], gold["end"], alignment_mode="expand")
                ref = referent_of(parsed, span[0]) if span is not None else None
                ok = _correct(doc, gold, ref)
                form = gold["text"].lower()
                group = "he/she" if form in PERSONAL else "it/they" if form in NONPERSONAL else "relative"
                for name in (group, "all"):
                    counts[name][0] += 1
                    counts[name][1] += ok
                if show == half and not ok:
                    line_start = doc["text"].rfind("\n", 0, gold["start"]) + 1
                    print(
                        f"[{doc['id']}] {gold['text']!r} -> {ref.canonical if ref else None!r} | "
                        f"{doc['text'][line_start : gold['end'] + 40]!r}"
                    )
        result[half] = {
            name: {"n": n, "correct": c, "accuracy": round(c / n, 3) if n else 0.0}
            for name, (n, c) in sorted(counts.items())
        }
        result[half]["out_of_scope"] = skipped
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    ap.add_argument("--show", choices=("dev", "report"), help="print the errors of one half")
    args = ap.parse_args()
    res = meantime_pronoun_scores(args.data, show=args.show)
    print(f"{'half':7s} {'group':9s} {'n':>4s} {'correct':>8s} {'acc':>6s}")
    for half in ("dev", "report"):
        for group in ("he/she", "it/they", "relative", "all"):
            v = res[half].get(group)
            if v:
                print(f"{half:7s} {group:9s} {v['n']:4d} {v['correct']:8d} {v['accuracy']:6.3f}")
        print(f"{half:7s} (out of scope: {res[half]['out_of_scope']} first/second-person or quantifier PRO)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
