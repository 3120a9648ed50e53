"""Package data: lexicons, gazetteer aliases, shipped settings, and how they are read.

Each data file opens with a ``#`` comment saying where its entries come from;
`read_tsv` skips those lines. Content vocabularies (cue words, lexicons,
number words) live here and are read through `read_tsv` (cached); only
closed-class grammar (prepositions, dependency labels) stays in code.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

__all__ = ["lexicon_version", "read_resource", "read_tsv", "word_class"]

_PACKAGE = __name__


def read_resource(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource, skipping blank lines and `#` comments."""
    rows = []
    for line in read_resource(name).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@cache
def word_class(name: str) -> frozenset[str]:
    """The lemmas of one word class of ``plover_classes.tsv`` (without its ``=LABEL`` rows), for the
    modules that load no event lexicon: claims, and the story layer, which imports no parser."""
    rows = read_tsv("plover_classes.tsv")
    return frozenset(row[1] for row in rows if row[0] == name and not row[1].startswith("="))


@cache
def lexicon_version() -> str:
    """A short hash over every shipped data file, recorded in each Document's versions."""
    digest = hashlib.sha256()
    root = resources.files(_PACKAGE)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith((".tsv", ".txt", ".toml", ".csv", ".yaml", ".jsonl")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:12]
