"""What the cross-outlet story work costs at ingest: copy detection, grouping, corrections.

    python benchmarks/stories.py [--data ../shared/data] [--repeats 3]

Articles: PTC train and dev (446 real articles) plus the real story sets under
``stories/``. They are analysed once (the NLP, timed for reference); then the
same Documents are ingested into a fresh store several times, round-robin,
with the independence step (MinHash copy detection and origins) on and off
(replaced by a step that finds no copy), and the best run of each counts.
The figure to read is the ratio of whole ingest times (analysis + store write +
cross-article refresh) with and without it, measured in the same run; the
issue's budget is 1.15.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_articles(data: Path) -> list[dict]:
    records = []
    for name in ("train.jsonl", "dev.jsonl"):
        path = data / "ptc" / name
        if not path.is_file():
            sys.exit(f"benchmark corpus not found: {path} (pass --data pointing at shared/data)")
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                row = json.loads(line)
                records.append({"id": f"ptc-{name}-{n}", "text": row["text"], "outlet": None,
                                "published": None})
    for path in sorted((data / "stories").glob("*/articles/*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        records.append({"id": row["id"], "text": row["text"], "outlet": row.get("outlet"),
                        "published": row.get("published"), "title": row.get("title")})
    return records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

    from presslens.models import Article
    from presslens.pipeline import Pipeline
    from presslens.store import Store
    from presslens.stories import independence as independence_module
    from presslens.stories import layer

    records = load_articles(args.data)
    articles = [
        Article(id=r["id"], text=r["text"], source=r["id"], outlet=r["outlet"], title=r.get("title"),
                published=dt.date.fromisoformat(r["published"]) if r["published"] else None, language="en")
        for r in records
    ]
    pipeline = Pipeline()
    started = time.perf_counter()
    documents = list(pipeline.analyze_articles(articles))
    analysis = time.perf_counter() - started

    real = layer.independence

    def no_copies(members):  # the same shape, nothing found: every article its own text and origin
        ids = {a.article_id: a.article_id for a in members}
        return independence_module.Independence(ids, {k: "text:" + k for k in ids})

    def ingest(step) -> float:
        layer.independence = step
        try:
            with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.duckdb") as store:
                t = time.perf_counter()
                store.ingest(documents)
                return time.perf_counter() - t
        finally:
            layer.independence = real

    times: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(args.repeats):
        times["with"].append(ingest(real))
        times["without"].append(ingest(no_copies))
    with_, without = min(times["with"]), min(times["without"])
    print(f"articles: {len(documents)} (PTC train+dev and the story sets); best of {args.repeats} runs")
    print(f"analysis (NLP, once):                 {analysis:8.2f} s")
    print(f"store ingest + refresh, with copies:  {with_:8.2f} s")
    print(f"store ingest + refresh, without:      {without:8.2f} s")
    ratio = (analysis + with_) / (analysis + without)
    print(f"whole ingest ratio with / without:    {ratio:8.3f}  (budget 1.15)")
    print(f"store step alone, with / without:     {with_ / without:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
