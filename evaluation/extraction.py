"""Body-extraction quality of presslens's HTML ingestion on the Scrapinghub benchmark.

Usage::

    python evaluation/extraction.py [--data ../shared/data/article-extraction] [--json]

Runs ``presslens.ingest.html.draft_from_html`` (the body an Article keeps) and,
in the same run for comparison, plain ``trafilatura.extract(html)`` with its
defaults over the benchmark's 181 pages, and prints precision / recall / F1
with the benchmark's own metric (re-implemented from its ``evaluate.py``,
https://github.com/scrapinghub/article-extraction-benchmark): per item, ``\\w+``
tokens form 4-token shingles; TP/FP/FN are counted over the shingle multisets;
precision and recall are averaged over items (items with no predicted shingles
are left out of precision, items with no true shingles out of recall), and F1
is the harmonic mean of the two averages.

``extraction_scores(data_dir)`` returns the same numbers as a dict, for an
evaluation gate.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import trafilatura

from presslens.ingest.html import draft_from_html

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing

logger = logging.getLogger(__name__)

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "article-extraction"
_TOKEN = re.compile(r"\w+", re.UNICODE)
_SHINGLE = 4


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    accuracy: float  # share of items whose token lists are identical
    seconds: float


@dataclass(frozen=True, slots=True)
class _Counts:
    tp: int
    fp: int
    fn: int
    exact: bool


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + _SHINGLE]) for i in range(max(1, len(tokens) - _SHINGLE + 1)) if tokens
    )


def _match(true: str, pred: str) -> _Counts:
    gold, guess = _shingles(true), _shingles(pred)
    tp = sum((gold & guess).values())
    return _Counts(
        tp=tp,
        fp=sum(guess.values()) - tp,
        fn=sum(gold.values()) - tp,
        exact=_TOKEN.findall(true or "") == _TOKEN.findall(pred or ""),
    )


def _precision(c: _Counts) -> float:
    return 1.0 if c.fp == c.fn == 0 else c.tp / (c.tp + c.fp)


def _recall(c: _Counts) -> float:
    return 1.0 if c.fp == c.fn == 0 else c.tp / (c.tp + c.fn)


def _score(counts: list[_Counts], seconds: float) -> Scores:
    precision = statistics.mean(_precision(c) for c in counts if c.tp + c.fp > 0)
    recall = statistics.mean(_recall(c) for c in counts if c.tp + c.fn > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(c.exact for c in counts) / len(counts)
    return Scores(round(precision, 4), round(recall, 4), round(f1, 4), round(accuracy, 4), round(seconds, 2))


def _items(data_dir: Path) -> list[tuple[str, str, str, str]]:
    """(item id, url, html, true body) for every benchmark item."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    items = []
    for item_id, record in sorted(truth.items()):
        html = gzip.decompress((data_dir / "html" / f"{item_id}.html.gz").read_bytes()).decode("utf-8")
        items.append((item_id, record.get("url", ""), html, record.get("articleBody", "")))
    return items


def _presslens(html: str, url: str) -> str:
    return draft_from_html(html, source=url, url=url).text


def _trafilatura_default(html: str, url: str) -> str:
    return trafilatura.extract(html) or ""


def _run(items: list[tuple[str, str, str, str]], extract: Callable[[str, str], str]) -> Scores:
    start = time.perf_counter()
    counts = [_match(body, extract(html, url)) for _, url, html, body in items]
    return _score(counts, time.perf_counter() - start)


def extraction_scores(data_dir: Path | str | None = DEFAULT_DATA) -> dict[str, Any]:
    """Benchmark scores of presslens's HTML ingestion and of trafilatura's defaults.

    `data_dir` is the article-extraction folder or the shared data folder
    holding it. Returns ``{"items": n, "presslens": {...},
    "trafilatura_default": {...}}`` where each score dict has precision,
    recall, f1, accuracy and seconds.
    """
    data_dir = Path(data_dir or DEFAULT_DATA)
    if (data_dir / "article-extraction").is_dir():
        data_dir = data_dir / "article-extraction"
    if not (data_dir / "ground-truth.json").is_file():
        raise DataMissing(f"{data_dir}: no ground-truth.json; pass --data pointing at article-extraction/")
    items = _items(data_dir)
    return {
        "items": len(items),
        "presslens": asdict(_run(items, _presslens)),
        "trafilatura_default": asdict(_run(items, _trafilatura_default)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the article-extraction folder")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    scores = extraction_scores(args.data)
    if args.json:
        print(json.dumps(scores, indent=1))
        return 0
    print(f"article-extraction benchmark, {scores['items']} items (shingle metric of the benchmark)")
    for name in ("presslens", "trafilatura_default"):
        s = scores[name]
        print(
            f"{name:<20} precision={s['precision']:.4f} recall={s['recall']:.4f} "
            f"F1={s['f1']:.4f} accuracy={s['accuracy']:.4f} ({s['seconds']:.1f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
