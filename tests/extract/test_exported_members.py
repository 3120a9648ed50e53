"""Each capability package exports its entry points in `__all__`, and only names it defines."""

from __future__ import annotations

import importlib
import types

import pytest

PACKAGES = [
    "presslens.extract.entities",
    "presslens.extract.temporal",
    "presslens.extract.events",
    "presslens.extract.claims",
    "presslens.extract.reference",
    "presslens.extract.persuasion",
    "presslens.facts",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_lists_exactly_the_public_names(name: str) -> None:
    package = importlib.import_module(name)
    for exported in package.__all__:
        assert getattr(package, exported) is not None, exported
    public = {
        attr
        for attr in vars(package)
        if not attr.startswith("_")
        and attr not in {"annotations", "importlib", "TYPE_CHECKING"}
        and not isinstance(getattr(package, attr), types.ModuleType)
    }
    assert public <= set(package.__all__)
