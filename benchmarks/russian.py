"""Russian analysis throughput relative to bare natasha on the same texts.

    python benchmarks/russian.py [--articles 120] [--repeats 3] [--data ../shared/data]

The baseline is natasha's own chain for named entities (segmentation,
morphology, NER) with its models loaded once; presslens is the whole path from
raw text: page clean-up, language detection, natasha with the syntax parse that
names are inflected by, the repairs, lemmatised names, places, and the
`Document` records. Each side runs `--repeats` times, round-robin, and the best
run counts (the ratio is what to compare). Texts are the factRuEval-2016 dev
set (Russian news and analysis).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rounds import best_times  # the sibling module: run as `python benchmarks/russian.py`

REPO = Path(__file__).resolve().parents[1]


def load_texts(data: Path, n: int) -> list[str]:
    path = data / "ru" / "factrueval-dev.jsonl"
    if not path.is_file():
        sys.exit(f"benchmark corpus not found: {path} (pass --data pointing at shared/data)")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()][:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = ap.parse_args()

    from natasha import Doc

    from presslens.ingest import article_from_text
    from presslens.pipeline import Pipeline
    from presslens.russian import russian_models

    texts = load_texts(args.data, args.articles)
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline()
    m = russian_models()

    def run_bare() -> float:
        t = time.perf_counter()
        for text in texts:
            doc = Doc(text)
            doc.segment(m.segmenter)
            doc.tag_morph(m.morph_tagger)
            doc.tag_ner(m.ner_tagger)
        return time.perf_counter() - t

    def run_presslens() -> float:
        t = time.perf_counter()
        articles = [article_from_text(text, source=f"ru:{i}", settings=pipeline.settings)
                    for i, text in enumerate(texts)]
        docs = list(pipeline.analyze_articles(articles))
        elapsed = time.perf_counter() - t
        languages = {d.language for d in docs}
        if languages != {"ru"}:
            sys.exit(f"expected every text detected as Russian, got {sorted(map(str, languages))}")
        return elapsed

    run_bare(), run_presslens()  # warm-up: models, gazetteer, lexicons
    best = best_times({"bare": run_bare, "full": run_presslens}, args.repeats)
    bare, full = best["bare"], best["full"]
    print(f"corpus: {len(texts)} factRuEval-2016 dev texts, {words:,} words; "
          f"best of {args.repeats} runs each")
    print(f"bare natasha (segment, morphology, NER): {bare:7.2f} s  {words / bare:9,.0f} words/s")
    print(f"presslens Russian analysis:              {full:7.2f} s  {words / full:9,.0f} words/s")
    print(f"ratio presslens / bare natasha throughput: {bare / full:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
