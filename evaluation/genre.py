#!/usr/bin/env python3
"""Does persuasion in the outlet's own voice tell opinion from straight news? (issue 16)

    python evaluation/genre.py [--data ../shared/data] [--show] [--fit resources/genre_model.tsv]

Reads the hand-labelled genre set ``evaluation/genre/labels.jsonl`` (straight news,
analysis, opinion; its README says how it was made), takes each article's text from the
shared data by its id (never copied here), analyses it with the full pipeline, and prints,
per genre, the mean and median density of persuasion spans per 1,000 words, first in the
outlet's own voice (what the summary scores) and then of all spans (what it scored before
spans had a voice), with the ROC AUC of each for opinion against straight news: the share
of (opinion, straight news) pairs in which the opinion piece scores higher, ties half; and
the outlet-voice AUC within each source, since the sources differ in genre mix.

Then the genre guess (``extract/persuasion/_genre``): the shipped model's confusion
table, which is in-sample since it was fitted on this very set, and the figures that
are not: leave-one-article-out (each article scored by a model fitted on the other
105, centring included) and across sources (fitted on one source, scored on the
other). ``--fit FILE`` refits on the whole set and writes the model there (needs
scikit-learn, the training extra): a logistic regression of opinion against
straight news on the cues' rates, analysis left between two cuts on its score.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir, prf

LABELS = Path(__file__).resolve().parent / "genre" / "labels.jsonl"
GENRES = ("straight_news", "analysis", "opinion")
C = 1.0  # inverse L2 strength of the genre regression (the sklearn default; not tuned)
CUTS = (0.5, 1.0, 1.5)  # symmetric cuts on the score tried for analysis; the best by CV macro-F1 ships


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
    ap.add_argument("--fit", type=Path, default=None, help="refit the genre model and write it to this TSV")
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

    from presslens.extract.persuasion import genre_features
    from presslens.ingest import article_from_text
    from presslens.pipeline import Pipeline

    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = texts(data)
    pipeline = Pipeline()
    own: dict[str, list[float]] = {g: [] for g in GENRES}
    every: dict[str, list[float]] = {g: [] for g in GENRES}
    by_source: dict[tuple[str, str], list[float]] = {}  # (source, genre) -> outlet-voice densities
    bands: dict[tuple[str, str], int] = {}  # (genre, band) -> articles
    rows: list[tuple[dict, dict[str, float], str]] = []  # (label record, genre features, shipped guess)
    for item in labels:
        text = corpus.get((item["source"], str(item["id"])))
        if not text:
            print(f"missing text for {item['source']}:{item['id']}", file=sys.stderr)
            continue
        doc = pipeline.analyze_article(article_from_text(text, published=dt.date(2019, 11, 20)))
        summary = doc.persuasion_summary
        words = max(1, len(doc.text.split()))
        own[item["genre"]].append(summary.per_1000_words)
        by_source.setdefault((item["source"], item["genre"]), []).append(own[item["genre"]][-1])
        key = (item["genre"], summary.band)
        bands[key] = bands.get(key, 0) + 1
        every[item["genre"]].append(1000.0 * len(doc.persuasion) / words)
        claims = [(c.content.start, c.content.end) for c in doc.claims]
        rows.append((item, genre_features(doc.text, claims, summary.per_1000_words)[0], summary.genre or ""))
        if args.show:
            print(f"{item['genre']:13} own {own[item['genre']][-1]:6.1f} all {every[item['genre']][-1]:6.1f} "
                  f"guess {summary.genre:13} {item['source']}:{str(item['id'])[:12]} {item.get('url') or ''}")
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
    print_confusion("genre guess, shipped model (in-sample: fitted on this set)",
                    [(item["genre"], guess) for item, _, guess in rows])
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("held-out genre figures and --fit need scikit-learn (pip install -e '.[train]')")
        return 0
    return held_out_genre(rows, args.fit)


def print_confusion(title: str, pairs: list[tuple[str, str]]) -> None:
    """A confusion table (rows: hand label; columns: guess) and its accuracy and macro-F1."""
    print(f"{title} (rows: label; columns: straight_news, analysis, opinion):")
    for genre in GENRES:
        print(f"  {genre:13} " + "  ".join(f"{sum(1 for g, p in pairs if g == genre and p == q):3}"
                                           for q in GENRES))
    accuracy = sum(1 for g, p in pairs if g == p) / max(1, len(pairs))
    print(f"  accuracy {accuracy:.3f}, macro-F1 {_macro_f1(pairs):.3f}")


def _fit(rows: list[tuple[dict, dict[str, float], str]]):  # type: ignore[no-untyped-def]
    """(names, centre, scale, model) of opinion vs straight news over `rows` (analysis left out)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted(rows[0][1])
    x = np.array([[f[n] for n in names] for _, f, _ in rows])
    centre, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    keep = [k for k, (item, _, _) in enumerate(rows) if item["genre"] != "analysis"]
    y = [rows[k][0]["genre"] == "opinion" for k in keep]
    model = LogisticRegression(C=C, max_iter=1000).fit((x[keep] - centre) / scale, y)
    return names, centre, scale, model


def _score(fitted, features: dict[str, float]) -> float:  # type: ignore[no-untyped-def]
    names, centre, scale, model = fitted
    z = [(features[n] - c) / s for n, c, s in zip(names, centre, scale, strict=True)]
    return float(model.intercept_[0] + sum(w * v for w, v in zip(model.coef_[0], z, strict=True)))


def _genre_of(score: float, cut: float) -> str:
    return "opinion" if score >= cut else "straight_news" if score < -cut else "analysis"


def held_out_genre(rows: list[tuple[dict, dict[str, float], str]], out: Path | None) -> int:
    """Leave-one-out and cross-source figures of the genre regression; with `out`, refit and write it."""
    loo = [_score(_fit(rows[:k] + rows[k + 1:]), rows[k][1]) for k in range(len(rows))]
    opinion = [s for s, (item, _, _) in zip(loo, rows, strict=True) if item["genre"] == "opinion"]
    news = [s for s, (item, _, _) in zip(loo, rows, strict=True) if item["genre"] == "straight_news"]
    print(f"genre score, leave-one-out: ROC AUC opinion vs straight news {roc_auc(opinion, news):.3f}")
    best, best_f1 = CUTS[0], -1.0
    for cut in CUTS:
        pairs = [(item["genre"], _genre_of(s, cut)) for s, (item, _, _) in zip(loo, rows, strict=True)]
        print_confusion(f"genre guess, leave-one-out, cuts at +-{cut}", pairs)
        f1 = _macro_f1(pairs)
        if f1 > best_f1:
            best, best_f1 = cut, f1
    sources = sorted({item["source"] for item, _, _ in rows})
    for held in sources:
        fitted = _fit([r for r in rows if r[0]["source"] != held])
        test = [r for r in rows if r[0]["source"] == held]
        scores = [_score(fitted, f) for _, f, _ in test]
        op = [s for s, (item, _, _) in zip(scores, test, strict=True) if item["genre"] == "opinion"]
        nw = [s for s, (item, _, _) in zip(scores, test, strict=True) if item["genre"] == "straight_news"]
        print(f"genre score fitted without {held}, scored on it: ROC AUC {roc_auc(op, nw):.3f}")
        guesses = [_genre_of(s, best) for s in scores]
        print_confusion(f"  on {held}, cuts at +-{best}",
                        [(item["genre"], g) for g, (item, _, _) in zip(guesses, test, strict=True)])
    if out is not None:
        write_model(_fit(rows), best, out, len(rows))
        print(f"wrote {out} (cuts at +-{best}, chosen by leave-one-out macro-F1)")
    return 0


def _macro_f1(pairs: list[tuple[str, str]]) -> float:
    f1s = []
    for genre in GENRES:
        tp = sum(1 for g, p in pairs if g == p == genre)
        guessed, gold = sum(1 for _, p in pairs if p == genre), sum(1 for g, _ in pairs if g == genre)
        f1s.append(prf(tp, guessed, tp, gold)[2])
    return statistics.mean(f1s)


def write_model(fitted, cut: float, out: Path, n: int) -> None:  # type: ignore[no-untyped-def]
    names, centre, scale, model = fitted
    lines = [
        "# The genre guess (presslens.extract.persuasion._genre): a logistic regression of opinion (1)",
        "# against straight news (0) on rates of the outlet's own voice, fitted by",
        "# `python evaluation/genre.py --fit` on the hand-labelled genre set",
        f"# (evaluation/genre/, {n} articles; analysis pieces left out of the fit), C={C}.",
        "# Score >= cut_opinion: opinion; < cut_analysis: straight news; between: analysis.",
        "# Held-out figures (leave-one-out, across sources): evaluation/genre.py and the README.",
        "# Columns: feature <TAB> weight <TAB> centre <TAB> scale (centred and scaled, then weighted)",
        f"bias\t{model.intercept_[0]:.4f}",
        f"cut_analysis\t{-cut}",
        f"cut_opinion\t{cut}",
    ]
    for name, w, c, s in zip(names, model.coef_[0], centre, scale, strict=True):
        lines.append(f"{name}\t{w:.4f}\t{c:.4f}\t{s:.4f}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
