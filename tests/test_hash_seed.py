"""The same article gives the same record in every process, whatever its hash seed.

Each local batch worker and each Spark executor is a process with its own
string-hash seed (Spark pins it to 0, local workers draw one at random), so
anything that follows a set's order into the output makes the engines, or two
runs of one engine, disagree. This runs the analysis in processes with
different seeds over the bundled sample and real sentences where a verb's
lemma and its written form each name a lexicon row ("impose sanctions": the
rows "impose sanction" and "impose sanctions").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.model]

REPO = Path(__file__).resolve().parents[1]

_SCRIPT = """
import json, sys
from presslens.ingest import article_from_text
from presslens.pipeline import Pipeline
texts = json.loads(sys.stdin.read())
pipeline = Pipeline()
articles = [article_from_text(t, source=f"t{i}") for i, t in enumerate(texts)]
for doc in pipeline.analyze_articles(articles):
    data = doc.model_dump(mode="json", exclude={"versions", "analyzed_at"})
    print(json.dumps(data, sort_keys=True))
"""

_SENTENCES = [
    "The U.S. can impose sanctions on Iran if talks fail, the State Department said on Monday.",
    "Additional sanctions were imposed on Russia after the raids, officials in Brussels said.",
    "Police in Baku arrested five men on Friday and accused them of smuggling weapons.",
]


def _records(seed: str, texts: list[str]) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        input=json.dumps(texts),
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()


def test_records_do_not_depend_on_the_hash_seed() -> None:
    texts = [(REPO / "examples" / "sample_article.txt").read_text(encoding="utf-8"), *_SENTENCES]
    first, second = _records("0", texts), _records("1", texts)
    assert len(first) == len(texts)
    assert first == second
