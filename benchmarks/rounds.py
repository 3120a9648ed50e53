"""Best-of-rounds timing for the throughput benchmarks (`throughput.py`, `russian.py`).

Each run is timed `repeats` times round-robin, so a burst of load elsewhere on
the machine hits every side alike, and the best time of each counts: these
machines are noisy, and the ratio between sides measured in the same rounds is
what to compare.
"""

from __future__ import annotations

from collections.abc import Callable


def best_times(runs: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """The best of `repeats` round-robin calls of each run (each returns its own elapsed time)."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            times[name].append(run())
    return {name: min(found) for name, found in times.items()}
