"""The technique classifier gives the same probability in every process, whatever its hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

# float32 weights of mixed magnitude: their rounded sum depends on the order they are added in.
_SCRIPT = """
import numpy as np
from presslens.extract.persuasion._techniques import TechniqueModel
rng = np.random.default_rng(7)
names = [f"feature-{i}" for i in range(200)]
weights = {n: np.asarray([rng.normal() * 10.0 ** rng.integers(-4, 0), 0.0], dtype=np.float32) for n in names}
model = TechniqueModel(("A", "B"), weights, np.zeros(2, dtype=np.float32))
print(repr(model.predict(names)))
"""


def _predict_with_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-c", _SCRIPT]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_prediction_does_not_depend_on_the_hash_seed():
    outputs = {_predict_with_seed(seed) for seed in ("1", "2", "3", "4", "5")}
    assert len(outputs) == 1, outputs
