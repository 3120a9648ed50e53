#!/usr/bin/env python3
"""Does persuasion in the outlet's own voice tell opinion from straight news? (issue 16)

    python evaluation/genre.py [--data ../shared/data] [--show]

Reads the hand-labelled genre set ``evaluation/genre/labels.jsonl`` (straight news,
analysis, opinion; its README says how it was made), takes each article's text from the
shared data by its id (never copied here), analyses it with the full pipeline, and prints,
per genre, the mean and median density of persuasion spans per 1,000 words, first in the
outlet's own voice (what the summary scores) and then of all spans (what it scored before
spans had a voice), with the ROC AUC of each for opinion against straight news: the share
of (opinion, straight news) pairs in which the opinion piece scores higher, ties half; and
the outlet-voice AUC within each source, since the sources differ in genre mix.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir

LABELS = Path(__file__).resolve().parent / "genre" / "labels.jsonl"
GENRES = ("straight_news", "analysis", "opinion")


def texts(data: Path) -> dict[tuple[str, str], str]:
    """(source, id) -> article text, for the two sources the genre set draws from."""
    out: dict[tuple[str, str], str] = {}
    truth = json.loads((data / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for key, page in truth.items():
        out[("article-extraction", key)] = page.get("articleBody") or ""
    for line in (data / "ptc" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out[("ptc-dev", str(record["id"]))] = record["text"]
    return out


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """P(a positive scores above a negative), ties counting half (the Mann-Whitney statistic)."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None)
    ap.add_argument("--show", action="store_true", help="one line per article")
    args = ap.parse_args()
    try:
        data = data_dir(args.data)
    except DataMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    if not LABELS.is_file():
        print(f"{LABELS}: no genre set", file=sys.stderr)
        return 2
    import datetime as dt

    from presslens.ingest import article_from_text
    from presslens.pipeline import Pipeline

    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = texts(data)
    pipeline = Pipeline()
    own: dict[str, list[float]] = {g: [] for g in GENRES}
    every: dict[str, list[float]] = {g: [] for g in GENRES}
    by_source: dict[tuple[str, str], list[float]] = {}  # (source, genre) -> outlet-voice densities
    bands: dict[tuple[str, str], int] = {}  # (genre, band) -> articles
    for item in labels:
        text = corpus.get((item["source"], str(item["id"])))
        if not text:
            print(f"missing text for {item['source']}:{item['id']}", file=sys.stderr)
            continue
        doc = pipeline.analyze_article(article_from_text(text, published=dt.date(2019, 11, 20)))
        words = max(1, len(doc.text.split()))
        own[item["genre"]].append(doc.persuasion_summary.per_1000_words)
        by_source.setdefault((item["source"], item["genre"]), []).append(own[item["genre"]][-1])
        key = (item["genre"], doc.persuasion_summary.band)
        bands[key] = bands.get(key, 0) + 1
        every[item["genre"]].append(1000.0 * len(doc.persuasion) / words)
        if args.show:
            print(f"{item['genre']:13} own {own[item['genre']][-1]:6.1f} all {every[item['genre']][-1]:6.1f} "
                  f"{item['source']}:{str(item['id'])[:12]} {item.get('url') or ''}")
    for name, values in (("outlet's voice", own), ("all spans", every)):
        print(f"density per 1,000 words, {name}:")
        for genre in GENRES:
            v = values[genre]
            if v:
                mean, median = statistics.mean(v), statistics.median(v)
                print(f"  {genre:13} n={len(v):3}  mean {mean:5.1f}  median {median:5.1f}")
        auc = roc_auc(values["opinion"], values["straight_news"])
        print(f"  ROC AUC opinion vs straight news: {auc:.3f}")
    print("band (rows: genre; columns: low, medium, high):")
    for genre in GENRES:
        counts = (bands.get((genre, b), 0) for b in ("low", "medium", "high"))
        print(f"  {genre:13} " + "  ".join(f"{n:3}" for n in counts))
    for source in sorted({s for s, _ in by_source}):  # the sources differ in genre mix and furniture
        auc = roc_auc(by_source.get((source, "opinion"), []), by_source.get((source, "straight_news"), []))
        print(f"outlet's voice, {source} only: ROC AUC opinion vs straight news {auc:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
