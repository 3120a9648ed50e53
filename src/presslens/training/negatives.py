"""Hard negatives for the persuasion span tagger: straight-news sentences that hold no technique.

PTC is propaganda-heavy and has few sentences of plain reporting, so the tagger it
trains marks the factual vocabulary of violence, sport, science and politics that
straight news is made of ("the deadly blast", "massive protests", "a failed rocket
launch", "the reeling Predators have lost five straight") and quoted statements.
``persuasion_negatives.jsonl`` lists such sentences, found where the tagger fired on
straight news and then checked by hand (see the model card for how they were chosen).
Only references are stored -- source, article id, character range and a short SHA-1
of the sentence -- and the texts are read from the shared data at training time,
never copied into the project:

- ``article-extraction``: ``<data>/article-extraction/ground-truth.json``, ``articleBody``
  of the page keyed by ``id`` (straight-news pages that are not in the genre set);
- ``stories/<set>``: ``<data>/stories/<set>/articles/*.json``, the article whose ``id`` it is.

A changed text (the SHA-1 differs) is an error naming the line: a negative that no
longer points at the checked sentence would teach the wrong thing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.errors import TrainingDataError
from presslens.ingest.records import json_problem

__all__ = ["NEGATIVES", "NegativeText", "read_negatives"]

#: the hand-checked list that ships with presslens
NEGATIVES = Path(__file__).with_name("persuasion_negatives.jsonl")

_FIELDS = ("source", "id", "start", "end", "sha1")


@dataclass(frozen=True)
class NegativeText:
    """One article's text and the character ranges of its checked sentences."""

    key: str
    text: str
    ranges: tuple[tuple[int, int], ...]


def sentence_sha1(sentence: str) -> str:
    """The short hash a negative keeps of its sentence (12 hex digits of SHA-1)."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def read_negatives(path: Path, data_root: Path) -> list[NegativeText]:
    """The negatives of `path` with their texts from `data_root`, grouped by article.

    Raises `TrainingDataError` (file and line) for a malformed record, an unknown
    source, a missing text, or a sentence whose hash no longer matches.
    """
    source = str(path)
    texts: dict[str, dict[str, str]] = {}
    by_article: dict[str, list[tuple[int, int]]] = {}
    article_text: dict[str, str] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = _record(line, source, lineno)
        kind, key = str(record["source"]), str(record["id"])
        if kind not in texts:
            texts[kind] = _texts_of(kind, data_root, source, lineno)
        text = texts[kind].get(key)
        if text is None:
            raise TrainingDataError(source, f"line {lineno}: no article {key!r} in {kind}")
        start, end = int(record["start"]), int(record["end"])
        if not 0 <= start < end <= len(text) or sentence_sha1(text[start:end]) != record["sha1"]:
            raise TrainingDataError(source, f"line {lineno}: the text of {kind}:{key} at {start}-{end} "
                                    "is not the sentence that was checked (sha1 differs)")
        name = f"{kind}:{key}"
        article_text[name] = text
        by_article.setdefault(name, []).append((start, end))
    return [NegativeText(name, article_text[name], tuple(sorted(r))) for name, r in by_article.items()]


def _record(line: str, source: str, lineno: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise TrainingDataError(source, f"line {lineno}: not valid JSON ({json_problem(exc)})") from None
    if not isinstance(record, dict) or any(f not in record for f in _FIELDS):
        raise TrainingDataError(source, f"line {lineno}: expected an object with {', '.join(_FIELDS)}")
    if any(not isinstance(record[f], int) or isinstance(record[f], bool) for f in ("start", "end")):
        raise TrainingDataError(source, f"line {lineno}: 'start' and 'end' must be integers")
    return record


def _texts_of(kind: str, data_root: Path, source: str, lineno: int) -> dict[str, str]:
    """id -> text for one source of negatives (see the module docstring)."""
    if kind == "article-extraction":
        truth = data_root / "article-extraction" / "ground-truth.json"
        if not truth.is_file():
            raise TrainingDataError(source, f"line {lineno}: {truth} not found")
        pages = json.loads(truth.read_text(encoding="utf-8"))
        return {key: page.get("articleBody") or "" for key, page in pages.items()}
    if kind.startswith("stories/"):
        folder = data_root / kind / "articles"
        if not folder.is_dir():
            raise TrainingDataError(source, f"line {lineno}: {folder} not found")
        out = {}
        for file in sorted(folder.glob("*.json")):
            article = json.loads(file.read_text(encoding="utf-8"))
            out[str(article["id"])] = article["text"]
        return out
    raise TrainingDataError(source, f"line {lineno}: unknown source {kind!r} "
                            "(expected 'article-extraction' or 'stories/<set>')")
