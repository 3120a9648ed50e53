"""Russian quotation attribution on the adaq sentences (``shared/data/ru/quotes-ru.jsonl``).

    python evaluation/quotes_ru.py [--data ../shared/data] [--split dev|test|all] [--show]

208 isolated sentences from UD SynTagRus, 100 with one annotated quotation
(source / cue / content). Split by sentence id before any tuning: ``dev`` is
the sentences whose id's CRC-32 is even, ``test`` the others (report those).

Matching, as ``evaluation/polnear.py`` does for English: a predicted claim and
the gold quotation of its sentence are aligned when their cues or contents
overlap by a character; per role (source, content), an aligned pair matches
when the two spans overlap by a character. P = matches / predicted claims,
R = matches / gold quotations having the role. Claims in sentences without a
gold quotation count against precision. The thesis's token-level figures
(``shared/data/ru/README.md``) are another metric and sit beside these.
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, load_split, prf, split_parser


def records(root: Path, split: str) -> list[dict[str, Any]]:
    path = root / "ru" / "quotes-ru.jsonl"
    if not path.is_file():
        raise DataMissing(f"Russian quotations not found at {path}")
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if split == "all":
        return recs
    parity = 0 if split == "dev" else 1
    return [r for r in recs if zlib.crc32(r["id"].encode("utf-8")) % 2 == parity]


def _overlaps(a: dict[str, int] | None, b: Any) -> bool:
    return a is not None and b is not None and a["start"] < b.end and b.start < a["end"]


def _aligned(gold: dict[str, Any], claim: Any) -> bool:
    return _overlaps(gold["cue"], claim.cue) or _overlaps(gold["content"], claim.content)


def main() -> int:
    ap = split_parser(__doc__, ("dev", "test", "all"), "dev")
    ap.add_argument("--show", action="store_true", help="print every sentence with a miss or a false claim")
    args = ap.parse_args()
    recs = load_split(records, args)
    if recs is None:
        return 2

    from presslens.models import Article
    from presslens.pipeline import Pipeline

    pipeline = Pipeline()
    articles = [Article(id=r["id"], text=r["text"], source=f"adaq:{r['id']}", language="ru") for r in recs]
    docs = list(pipeline.analyze_articles(articles))
    counts = {"pred": 0, "gold_source": 0, "gold_content": 0, "source": 0, "content": 0, "pred_source": 0}
    for rec, doc in zip(recs, docs, strict=True):
        gold = rec["quotes"][0] if rec["quotes"] else None
        counts["pred"] += len(doc.claims)
        counts["pred_source"] += len(doc.claims)
        if gold is not None:
            counts["gold_source"] += gold["source"] is not None
            counts["gold_content"] += 1
        aligned = next((c for c in doc.claims if gold and _aligned(gold, c)), None)
        ok_source = aligned is not None and _overlaps(gold["source"], aligned.speaker)
        ok_content = aligned is not None and _overlaps(gold["content"], aligned.content)
        counts["source"] += ok_source
        counts["content"] += ok_content
        wrong = len(doc.claims) > (gold is not None) or (gold is not None and not (ok_source and ok_content))
        if args.show and wrong:
            print(f"[{rec['id']}] {rec['text']}")
            if gold:
                src = gold["source"]["text"] if gold["source"] else None
                cue = gold["cue"]["text"] if gold["cue"] else None
                print(f"    gold: {src!r} | {cue!r} | {gold['content']['text']!r}")
            for c in doc.claims:
                print(f"    pred: {c.speaker.text!r} | {c.cue.text!r} | {c.content.text!r}  ({c.why})")
    print(f"Russian quotations ({args.split}): {len(recs)} sentences, {counts['gold_content']} quotations, "
          f"{counts['pred']} claims")
    for role, gold_n in (("source", counts["gold_source"]), ("content", counts["gold_content"])):
        p, r, f = prf(counts[role], counts["pred"], counts[role], gold_n)
        print(f"  {role:8s} overlap  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
