"""Analysis throughput of presslens relative to bare spaCy on the same texts.

    python benchmarks/throughput.py [--articles 150] [--repeats 3] [--data ../shared/data]

Both sides use the same pinned model. A third run without the persuasion
component gives the share of analysis time that persuasion adds. The baseline is `nlp.pipe` of the bare
model; presslens is the whole path from raw text: page clean-up, language
detection, the spaCy model with the presslens components, and conversion to
`Document` records. Each side runs `--repeats` times, round-robin, and the best
run counts (these machines are noisy; the ratio is what to compare). Texts are
real news articles from the PTC training set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy
from rounds import best_times  # the sibling module: run as `python benchmarks/throughput.py`

REPO = Path(__file__).resolve().parents[1]


def load_texts(data: Path, n: int) -> list[str]:
    path = data / "ptc" / "train.jsonl"
    if not path.is_file():
        sys.exit(f"benchmark corpus not found: {path} (pass --data pointing at shared/data)")
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) == n:
                break
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = ap.parse_args()

    from presslens.ingest import article_from_text
    from presslens.pipeline import Pipeline

    texts = load_texts(args.data, args.articles)
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline()
    bare = spacy.load(pipeline.settings.spacy_model)
    batch = pipeline.settings.batch_size

    def run_bare() -> float:
        t = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=batch):
            pass
        return time.perf_counter() - t

    def run_presslens() -> float:
        t = time.perf_counter()
        articles = [article_from_text(text, source=f"ptc:{i}", settings=pipeline.settings)
                    for i, text in enumerate(texts)]
        for _ in pipeline.analyze_articles(articles):
            pass
        return time.perf_counter() - t

    def run_without_persuasion() -> float:
        with pipeline.nlp.select_pipes(disable=["presslens_persuasion"]):
            return run_presslens()

    run_bare(), run_presslens()  # warm-up: lazy tables, gazetteer, matchers, the CRF model
    best = best_times(
        {"bare": run_bare, "full": run_presslens, "no_persuasion": run_without_persuasion}, args.repeats
    )
    best_bare, best_pl, best_no_persuasion = best["bare"], best["full"], best["no_persuasion"]
    print(f"corpus: {len(texts)} PTC articles, {words:,} words; best of {args.repeats} runs each")
    model = pipeline.settings.spacy_model
    print(f"bare spaCy nlp.pipe ({model}): {best_bare:7.2f} s  {words / best_bare:9,.0f} words/s")
    print(f"presslens full analysis:            {best_pl:7.2f} s  {words / best_pl:9,.0f} words/s")
    print(f"ratio presslens / bare spaCy throughput: {best_bare / best_pl:.2f}")
    share = (best_pl - best_no_persuasion) / best_no_persuasion
    print(f"presslens without persuasion:       {best_no_persuasion:7.2f} s; persuasion adds {share:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
