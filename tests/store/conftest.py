"""Store fixtures: a fresh DuckDB store in tmp_path."""

from __future__ import annotations

import pytest

from presslens.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "test.duckdb") as st:
        yield st
