"""Fixtures for the batch tests: environment-free settings and a fixed `today`."""

from __future__ import annotations

import pytest

from presslens.settings import Settings, load_settings


@pytest.fixture
def settings(tmp_path_factory) -> Settings:
    """Shipped defaults only, with a small text limit so a 5 MB page is cut quickly."""
    empty = tmp_path_factory.mktemp("settings") / "settings.toml"
    empty.write_text("max_text_chars = 20000\n", encoding="utf-8")
    return load_settings(env={}, user_file=empty)
