"""The public surface of presslens.ingest."""

from __future__ import annotations

import inspect

import presslens.ingest as ingest


def test_all_matches_public_functions() -> None:
    assert sorted(ingest.__all__) == [
        "InputFile",
        "InputItem",
        "article_from_text",
        "expand_inputs",
        "iter_items",
        "read_source",
        "read_sources",
    ]
    assert all(hasattr(ingest, name) for name in ingest.__all__)


def test_signatures_are_keyword_only_after_source() -> None:
    for func, first in (
        (ingest.read_source, "source"),
        (ingest.article_from_text, "text"),
        (ingest.read_sources, "sources"),
    ):
        params = list(inspect.signature(func).parameters.values())
        assert params[0].name == first
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[1:])
        assert {"published", "settings", "today"} <= {p.name for p in params}
