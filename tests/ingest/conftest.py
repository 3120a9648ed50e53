"""Fixtures for the ingest tests: settings that ignore the user's environment."""

from __future__ import annotations

import pytest

from presslens.settings import Settings, load_settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    empty = tmp_path / "settings.toml"
    empty.write_text("", encoding="utf-8")
    return load_settings(env={}, user_file=empty)
