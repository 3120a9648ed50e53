"""Real-article corpora for end-to-end tests, built in tmp_path from ``../shared/data``.

The shared data is read-only and never copied into the repository: a test
that needs it loads it by relative path and is skipped, with the reason, when
it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"

# A record that is not valid JSON, and one article in a language presslens reports but does not analyse.
BROKEN_LINE = '{"id": "broken", "text": '
GERMAN_RECORD = {
    "id": "de-1",
    "text": (
        "Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland beschlossen. Der Außenminister "
        "sagte, man werde die Ukraine weiter unterstützen. Die Opposition kritisierte die Entscheidung "
        "scharf und verlangte eine Debatte im Bundestag."
    ),
    "published": "2019-03-05",
}


def ptc_dev_records(n: int) -> list[dict]:
    """The first `n` PTC dev articles (mixed lengths, 800–17,000 characters) as presslens records."""
    path = SHARED_DATA / "ptc" / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared evaluation data is not next to this checkout)")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(n), fh, strict=False)]
    return [
        {"id": f"ptc-{r['id']}", "text": r["text"], "published": f"2019-03-0{1 + i % 9}", "outlet": "PTC"}
        for i, r in enumerate(rows)
    ]


def mixed_corpus(path: Path, n: int = 40) -> Path:
    """`n` real articles as JSON Lines, with one broken line and one German record among them."""
    lines = [json.dumps(r, ensure_ascii=False) for r in ptc_dev_records(n)]
    lines.insert(min(11, len(lines)), BROKEN_LINE)
    lines.insert(min(22, len(lines)), json.dumps(GERMAN_RECORD, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
