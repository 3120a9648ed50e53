"""Pronoun speakers of PolNeAR: does "she said" resolve to the right person?

    python evaluation/polnear_pronouns.py [--data ../shared/data] [--split dev|test|both] [--show]

Gold: ``evaluation/polnear_pronouns/{dev,test}.jsonl``, the hand-annotated
referents of pronoun sources (gold attributions whose source span is a
third-person pronoun) in ``quotes-polnear/{split}.jsonl``; see the README
beside them for how they were made. Each record gives the pronoun's offsets,
the referent's names and the offsets of their mentions in the article, or,
when the referent has no name ("a Coca-Cola spokesman"), the offsets of the
phrase that introduces it.

A resolution is correct when ``referent_of`` on the pronoun's token returns a
mention overlapping one of the gold mentions, or a canonical name that is one
of the referent's unambiguous names; for an unnamed referent, when it returns
nothing or a mention overlapping the introducing phrase. Tune on dev only.
Runtime: about half a minute per split.
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

GOLD = Path(__file__).resolve().parent / "polnear_pronouns"
GROUPS = {"he": "he/she", "his": "he/she", "him": "he/she", "she": "he/she", "her": "he/she"}


def _overlaps(start: int, end: int, spans: list[list[int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _correct(gold: dict, ref) -> bool:
    referent = gold["referent"]
    if not referent["names"]:
        described = referent["description"]
        return ref is None or (described is not None and _overlaps(ref.start, ref.end, [described]))
    if ref is None:
        return False
    unambiguous = {n.lower() for n in referent["names"]} - {n.lower() for n in referent["ambiguous_names"]}
    if ref.canonical.lower() in unambiguous:
        return True
    spans = referent["mentions"] + ([referent["description"]] if referent["description"] else [])
    return _overlaps(ref.start, ref.end, spans)


def polnear_pronoun_scores(
    data: str | Path | None = None, *, split: str = "test", show: bool = False
) -> dict:
    """{"n", "correct", "accuracy", "by_group": {...}} for one split."""
    from presslens.extract.reference import referent_of

    path = data_dir(data) / "quotes-polnear" / f"{split}.jsonl"
    gold_path = GOLD / f"{split}.jsonl"
    if not path.is_file() or not gold_path.is_file():
        raise DataMissing(f"PolNeAR split or its pronoun gold not found ({path}, {gold_path})")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {g["id"] for g in gold}
    articles = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record["id"] in wanted:
                articles[record["id"]] = record["text"]
    nlp = entity_pipeline()
    ids = sorted(articles)
    docs = dict(zip(ids, nlp.pipe(articles[i] for i in ids), strict=True))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in gold:
        doc = docs[item["id"]]
        span = doc.char_span(item["pronoun"]["start"], item["pronoun"]["end"], alignment_mode="expand")
        ref = referent_of(doc, span[0]) if span is not None else None
        ok = _correct(item, ref)
        group = GROUPS.get(item["pronoun"]["form"], "it/they")
        for name in (group, "all"):
            counts[name][0] += 1
            counts[name][1] += ok
        if show and not ok:
            start = item["pronoun"]["start"]
            context = doc.text[max(0, start - 160) : start + 40].replace("\n", " ")
            names = item["referent"]["names"] or ["<unnamed>"]
            print(
                f"[{item['id'][:30]} {start}] gold {names[0]!r} got {ref.canonical if ref else None!r}"
                f"\n    {ref.why if ref else ''}\n    ...{context}"
            )
    by_group = {
        k: {"n": n, "correct": c, "accuracy": round(c / n, 3)} for k, (n, c) in sorted(counts.items())
    }
    return {"split": split, **by_group.pop("all"), "by_group": by_group}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    ap.add_argument("--split", choices=("dev", "test", "both"), default="both")
    ap.add_argument("--show", action="store_true", help="print each error with its context")
    args = ap.parse_args()
    for split in ("dev", "test") if args.split == "both" else (args.split,):
        res = polnear_pronoun_scores(args.data, split=split, show=args.show)
        groups = ", ".join(
            f"{k} {v['correct']}/{v['n']} = {v['accuracy']:.3f}" for k, v in res["by_group"].items()
        )
        total = f"{res['correct']}/{res['n']} = {res['accuracy']:.3f}"
        print(f"PolNeAR {split} pronoun speakers: {total} ({groups})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
