"""The evaluation gate: score the annotated data and fail below pinned floors.

    python evaluation/gate.py [--suite seed --suite timex ...] [--data ../shared/data]

Each suite returns nested figures; they are flattened to dotted names
(`seed.entities.f1`, `timex.te3.value_f1`) and compared with the floors in
`evaluation/floors.toml`. Exit status 1 when any figure is below its floor or
missing, 0 otherwise; a suite whose data is absent is reported as skipped.
Lowering a floor is a deliberate, explained commit (as in trafilatura's
tests/eval_gate.py).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.common import DataMissing

FLOORS = Path(__file__).with_name("floors.toml")

# suite name -> (module, function taking the data folder)
SUITES: dict[str, tuple[str, str]] = {
    "seed": ("evaluation.seed", "seed_scores"),
    "timex": ("evaluation.timex", "timex_scores"),
    "narrative_time": ("evaluation.narrative_time", "narrative_time_scores"),
    "conll": ("evaluation.conll", "conll_scores"),
    "extraction": ("evaluation.extraction", "extraction_scores"),
    "plover": ("evaluation.plover", "plover_scores"),
    "polnear": ("evaluation.polnear", "polnear_scores"),
    "persuasion": ("evaluation.persuasion", "persuasion_scores"),
}


def flatten(tree: Any, prefix: str = "") -> dict[str, float]:
    """Numeric leaves of nested dicts under dotted names."""
    out: dict[str, float] = {}
    if isinstance(tree, dict):
        for key, value in tree.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(tree, int | float) and not isinstance(tree, bool):
        out[prefix] = float(tree)
    return out


def _floors(path: Path) -> dict[str, float]:
    with path.open("rb") as fh:
        return flatten(tomllib.load(fh))


def run_gate(
    suites: list[str], data: str | None = None, floors_path: Path = FLOORS
) -> tuple[bool, list[str]]:
    """(passed, report lines) for the chosen suites."""
    floors = _floors(floors_path)
    lines, ok = [], True
    for suite in suites:
        module, func = SUITES[suite]
        scorer: Callable[[Any], Any] = getattr(importlib.import_module(module), func)
        started = time.perf_counter()
        try:
            figures = flatten(scorer(data), suite)
        except DataMissing as exc:
            lines.append(f"{suite}: skipped ({exc})")
            continue
        lines.append(f"{suite}: scored in {time.perf_counter() - started:.1f} s")
        for name, floor in sorted(floors.items()):
            if not name.startswith(suite + "."):
                continue
            value = figures.get(name)
            if value is None:
                ok = False
                lines.append(f"  FAIL {name}: missing (floor {floor:.3f})")
            elif value + 1e-9 < floor:
                ok = False
                lines.append(f"  FAIL {name} = {value:.3f} < floor {floor:.3f}")
            else:
                lines.append(f"  ok   {name} = {value:.3f} >= {floor:.3f}")
    return ok, lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", action="append", choices=sorted(SUITES), help="run only these (repeatable)")
    ap.add_argument("--data", help="the shared data folder (default ../shared/data)")
    args = ap.parse_args()
    ok, lines = run_gate(args.suite or list(SUITES), args.data)
    print("\n".join(lines))
    print("gate: PASS" if ok else "gate: FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
