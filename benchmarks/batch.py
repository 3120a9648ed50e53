"""Batch throughput: full analysis vs bare spaCy, worker scaling, memory, Spark vs local, growth.

    python benchmarks/batch.py [--articles 300] [--spark-articles 1000] [--base 40] [--skip-spark]
                               [--only 1|2|3|4|5] [--cluster-env pl-env.tar.gz]

Prints figures (this is not a test; keep it out of .ci/run):

1. full presslens analysis vs bare spaCy ``nlp.pipe`` on the same texts, same
   process, same run (ratio of throughputs; target ≥ 0.7);
2. the local engine on 1 and 2 workers over the same corpus (words/s, scaling
   ratio; target ≥ 1.7) and the peak RSS of a worker (target ≤ 600 MB);
3. Spark ``local[2]`` vs the local engine (2 workers) over ``--spark-articles``
   articles, and whether their Parquet outputs match record for record;
4. how time grows with corpus size: 1×, 4×, 16× ``--base`` articles;
5. a standalone Spark cluster started here (a master and one 2-core worker on
   127.0.0.1) running a packed environment (built with the README's recipe, or
   ``--cluster-env``) over the ``--spark-articles`` corpus: time including the
   environment's shipping, and whether the records match the local engine's.

The corpus is real news: PTC training articles and PolNeAR articles from
``../shared/data``, repeated under new ids when more are needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.helpers: the readers and the cluster the tests use

from tests.helpers.batch_output import parquet_records  # noqa: E402

TODAY = dt.date.today()  # one `today` for every run, so a run across midnight still compares


def load_texts(data: Path) -> list[dict]:
    files = [data / "ptc" / "train.jsonl", *sorted((data / "quotes-polnear").glob("*.jsonl"))]
    records = []
    for path in files:
        if not path.is_file():
            sys.exit(f"benchmark corpus not found: {path} (pass --data pointing at shared/data)")
        with path.open(encoding="utf-8") as fh:
            records.extend({"id": r["id"], "text": r["text"]} for r in map(json.loads, fh) if r.get("text"))
    return records


def corpus(records: list[dict], n: int) -> list[dict]:
    """`n` articles, repeating the source texts under new ids."""
    out = []
    for i in range(n):
        r = records[i % len(records)]
        out.append({"id": f"r{i // len(records)}-{r['id']}", "text": r["text"]})
    return out


def write_corpus(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def words_of(rows: list[dict]) -> int:
    return sum(len(r["text"].split()) for r in rows)


def full_vs_bare(rows: list[dict]) -> None:
    import spacy

    from presslens.ingest import article_from_text
    from presslens.pipeline import Pipeline

    texts = [r["text"] for r in rows]
    pipeline = Pipeline()
    bare = spacy.load(pipeline.settings.spacy_model)
    size = pipeline.settings.batch_size
    list(bare.pipe(texts[:10])), list(pipeline.analyze_articles([article_from_text(t) for t in texts[:10]]))
    t = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=size):
        pass
    bare_s = time.perf_counter() - t
    t = time.perf_counter()
    articles = [article_from_text(text, source=f"bench:{i}") for i, text in enumerate(texts)]
    for _ in pipeline.analyze_articles(articles):
        pass
    full_s = time.perf_counter() - t
    words = words_of(rows)
    print(f"[1] {len(rows)} articles, {words:,} words")
    print(f"    bare spaCy nlp.pipe: {bare_s:7.1f} s {words / bare_s:8,.0f} words/s")
    print(f"    presslens full:      {full_s:7.1f} s {words / full_s:8,.0f} words/s")
    print(f"    ratio full / bare throughput: {bare_s / full_s:.2f}  (target >= 0.7)")


def batch(inputs: list[Path], out: Path, **kwargs):  # type: ignore[no-untyped-def]
    from presslens.batch import run_batch

    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    summary = run_batch(inputs, out, today=TODAY, **kwargs)
    return summary, time.perf_counter() - t


def scaling(source: Path, words: int, tmp: Path) -> None:
    one, one_s = batch([source], tmp / "w1", workers=1)
    two, two_s = batch([source], tmp / "w2", workers=2)
    print(f"[2] local engine, {one.records} articles, {words:,} words (wall time incl. worker start)")
    for label, summary, seconds in (("1 worker: ", one, one_s), ("2 workers:", two, two_s)):
        rss = summary.peak_rss_mb_per_worker
        print(f"    {label} {seconds:7.1f} s {words / seconds:8,.0f} words/s  peak RSS {rss} MB")
    print(f"    scaling 2 / 1 workers: {one_s / two_s:.2f}  (target >= 1.7; peak RSS target <= 600 MB)")


def spark_vs_local(source: Path, n: int, words: int, tmp: Path) -> None:
    import pyarrow.parquet as pq

    local, local_s = batch([source], tmp / "local", workers=2, fmt="parquet")
    spark, spark_s = batch([source], tmp / "spark", engine="spark", master="local[2]")
    a, b = parquet_records(tmp / "local"), parquet_records(tmp / "spark")
    same_schema = (
        pq.read_schema(next((tmp / "local" / "documents").glob("*.parquet")))
        .remove_metadata()
        .equals(pq.read_schema(next((tmp / "spark" / "documents").glob("*.parquet"))).remove_metadata())
    )
    print(f"[3] {n} articles, {words:,} words")
    print(f"    local 2 workers: {local_s:7.1f} s {words / local_s:8,.0f} words/s  written {local.written}")
    print(f"    spark local[2]:  {spark_s:7.1f} s {words / spark_s:8,.0f} words/s  written {spark.written}")
    print(
        f"    spark / local time: {spark_s / local_s:.2f}; same schema: {same_schema}; "
        f"records equal: {a == b} ({len(a)} vs {len(b)})"
    )


def cluster(source: Path, n: int, words: int, tmp: Path, archive: Path | None) -> None:
    from tests.helpers.spark_cluster import SPARK_LOOPBACK_ENV, pack_environment, standalone_cluster

    os.environ.update(SPARK_LOOPBACK_ENV)
    t = time.perf_counter()
    archive = archive or pack_environment(tmp)
    pack_s = time.perf_counter() - t
    if not (tmp / "local").is_dir():
        batch([source], tmp / "local", workers=2, fmt="parquet")
    with standalone_cluster(tmp / "cluster") as (url, _):
        summary, seconds = batch(
            [source], tmp / "cluster-out", engine="spark", master=url, python_env=archive
        )
    pythons = sorted({e["python"] for e in summary.executors})
    same = parquet_records(tmp / "cluster-out") == parquet_records(tmp / "local")
    print(f"[5] standalone cluster, 1 worker x 2 cores, {n} articles, {words:,} words")
    print(f"    packing the environment: {pack_s:6.1f} s ({archive.stat().st_size / 1e6:,.0f} MB)")
    print(f"    cluster run: {seconds:7.1f} s {words / seconds:8,.0f} words/s  written {summary.written}")
    print(f"    executors ran: {pythons}; records equal to local: {same}")


def growth(records: list[dict], base: int, tmp: Path) -> None:
    print(f"[4] growth, local engine 2 workers, base {base} articles")
    first = None
    for factor in (1, 4, 16):
        rows = corpus(records, base * factor)
        source = write_corpus(tmp / f"grow{factor}.jsonl", rows)
        summary, seconds = batch([source], tmp / f"g{factor}", workers=2)
        first = first or seconds
        print(
            f"    {factor:2d}x {len(rows):5d} articles {words_of(rows):9,} words: {seconds:7.1f} s "
            f"({seconds / first:5.2f}x the 1x time)  peak RSS {summary.peak_rss_mb_per_worker} MB"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--spark-articles", type=int, default=1000)
    ap.add_argument("--base", type=int, default=40)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--skip-spark", action="store_true")
    ap.add_argument("--only", choices=["1", "2", "3", "4", "5"], default=None)
    ap.add_argument("--cluster-env", type=Path, help="a packed environment for [5] (else built here)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    records = load_texts(args.data)
    tmp = Path(tempfile.mkdtemp(prefix="presslens-bench-"))
    try:
        rows = corpus(records, args.articles)
        source = write_corpus(tmp / "corpus.jsonl", rows)
        if args.only in (None, "1"):
            full_vs_bare(rows)
        if args.only in (None, "2"):
            scaling(source, words_of(rows), tmp)
        if args.only in (None, "3") and not args.skip_spark:
            big = corpus(records, args.spark_articles)
            spark_vs_local(write_corpus(tmp / "big.jsonl", big), len(big), words_of(big), tmp)
        if args.only in (None, "4"):
            growth(records, args.base, tmp)
        if args.only in (None, "5") and not args.skip_spark:
            big = corpus(records, args.spark_articles)
            source = write_corpus(tmp / "big.jsonl", big)
            cluster(source, len(big), words_of(big), tmp, args.cluster_env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
