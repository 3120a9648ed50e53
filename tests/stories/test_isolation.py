"""The store, story and fact layers never import spaCy; library code never imports typer."""

from __future__ import annotations

import subprocess
import sys


def test_store_and_stories_import_without_spacy_or_typer() -> None:
    code = (
        "import sys; import presslens.store, presslens.stories, presslens.facts, presslens.service_store; "
        "bad = [m for m in ('spacy', 'typer') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
