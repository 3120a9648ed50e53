"""One frozen Settings object instead of many flags.

Values come, later winning, from: the shipped defaults
(``resources/settings.toml``), a user file (``$PRESSLENS_CONFIG`` or
``~/.config/presslens/settings.toml``), then ``PRESSLENS_<NAME>`` environment
variables (``PRESSLENS_FETCH_TIMEOUT=5``). Unknown keys are an error rather than
silently ignored, so a typo in a config file is noticed.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from presslens.errors import SettingsError

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str
    batch_size: int
    max_text_chars: int
    fetch_timeout: float
    fetch_max_bytes: int
    fetch_user_agent: str
    supported_languages: tuple[str, ...]
    min_language_chars: int
    outlets_file: str
    duckdb_threads: int
    duckdb_memory_limit: str
    query_timeout: float
    query_max_bytes: int
    query_memory_mb: int
    serve_query: bool
    serve_token: str

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _coerce(name: str, value: Any, template: Any, origin: str) -> Any:
    """Convert a value from TOML or the environment to the type of the default."""
    try:
        if isinstance(template, tuple):
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            return tuple(value)
        if isinstance(template, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        return type(template)(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(
            f"{origin}: setting {name!r} = {value!r} is not a valid {type(template).__name__}"
        ) from exc


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc}") from exc


def load_settings(env: dict[str, str] | None = None, user_file: Path | None = None) -> Settings:
    """Build the Settings from shipped defaults, a user file and the environment."""
    env = dict(os.environ) if env is None else env
    shipped = resources.files("presslens.resources").joinpath("settings.toml")
    with shipped.open("rb") as fh:
        values: dict[str, Any] = tomllib.load(fh)
    names = {f.name for f in fields(Settings)}
    defaults = dict(values)
    values = {k: (tuple(v) if isinstance(v, list) else v) for k, v in values.items()}

    if user_file is None:
        configured = env.get("PRESSLENS_CONFIG")
        user_file = Path(configured) if configured else Path.home() / ".config/presslens/settings.toml"
        if not configured and not user_file.exists():
            user_file = None
    if user_file is not None:
        for key, value in _read_toml(user_file).items():
            if key not in names:
                raise SettingsError(
                    f"{user_file}: unknown setting {key!r}; known: {', '.join(sorted(names))}"
                )
            values[key] = _coerce(key, value, values[key], str(user_file))

    for key in names:
        env_key = f"PRESSLENS_{key.upper()}"
        if env_key in env:
            values[key] = _coerce(key, env[env_key], values[key], env_key)

    missing = names - set(defaults)
    if missing:  # a packaging error, not a user error
        raise SettingsError(f"shipped settings.toml lacks {sorted(missing)}")
    return Settings(**{k: values[k] for k in names})
