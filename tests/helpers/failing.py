"""Make the pipeline raise on chosen articles, in this process or in worker processes.

A batch worker (a spawned process, a Spark Python worker) does not see a
monkeypatch made in the test process. ``worker_env`` gives the environment
that makes any Python process started with it patch itself at start-up: a
``sitecustomize`` module on PYTHONPATH that calls ``install`` when
``PRESSLENS_TEST_FAIL_ON`` is set.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.helpers.corpora import REPO

MARKER_VARIABLE = "PRESSLENS_TEST_FAIL_ON"

_SITECUSTOMIZE = """\
import os
if os.environ.get("PRESSLENS_TEST_FAIL_ON"):
    from tests.helpers.failing import install
    install(os.environ["PRESSLENS_TEST_FAIL_ON"])
"""


def failing_call(marker: str, original):  # type: ignore[no-untyped-def]
    """The event component's __call__, raising on a Doc whose text contains `marker`."""

    def call(self, doc):  # type: ignore[no-untyped-def]
        if marker in doc.text:
            raise RuntimeError(f"injected failure on an article containing {marker!r}")
        return original(self, doc)

    return call


def install(marker: str) -> None:
    """Patch the event component for the rest of this process."""
    from presslens.nlp.components import EventComponent

    EventComponent.__call__ = failing_call(marker, EventComponent.__call__)  # type: ignore[method-assign]


def worker_env(tmp: Path, marker: str) -> dict[str, str]:
    """Environment variables that make every new Python process fail on `marker` articles."""
    site = tmp / "failing-site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(site), str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {"PYTHONPATH": path, MARKER_VARIABLE: marker}
