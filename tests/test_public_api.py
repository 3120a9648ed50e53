"""The public surface: `__all__` lists exactly the public names (as httpx checks)."""

from __future__ import annotations

import types

import presslens


def test_all_matches_public_names() -> None:
    public = {
        name
        for name in dir(presslens)
        if not name.startswith("_")
        and name != "annotations"  # the `from __future__` feature object
        and not isinstance(getattr(presslens, name), types.ModuleType)
    }
    assert set(presslens.__all__) - {"__version__"} == public | set(presslens._LAZY)


def test_every_exported_name_resolves() -> None:
    for name in presslens.__all__:
        assert getattr(presslens, name) is not None
