"""Batch inputs: files, directories and globs, streamed as keyed items.

Both engines read inputs through here, so they see the same items under the
same keys: ``(input, record)`` — the file as expanded from the command line
and the item's index within it, counting bad records too. The order is
deterministic (inputs in the given order, directory and glob matches sorted),
which is what makes a resumed run and a Spark run comparable record for
record with an uninterrupted local run.

Per file, the reader is chosen by extension: WARC, feeds and Parquet through
``ingest.warc``/``feeds``/``tables``; JSON Lines through the streaming
``tables.iter_jsonl_table`` (field mapping applies, memory stays constant);
everything else through ``ingest.read_source``. A problem with a whole file
(missing, binary, unsupported) is one error item; a bad record is one error
item; nothing raises out of ``iter_items``.
"""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from presslens.batch.reporting import ErrorRow, error_row
from presslens.errors import IngestError, InputNotFoundError
from presslens.ingest import read_source
from presslens.ingest.build import finish_drafts
from presslens.ingest.files import STREAM_EXTENSIONS, SUPPORTED_EXTENSIONS, read_bytes, stream_format_for_path
from presslens.models import Article
from presslens.settings import Settings

__all__ = ["InputFile", "InputItem", "expand_inputs", "iter_items"]

logger = logging.getLogger(__name__)

_GLOB_CHARS = frozenset("*?[")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read (or a named input that failed to expand, with its error)."""

    path: str
    size: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class InputItem:
    """One item of the input stream: an article or the error that took its place.

    `position` is the number of input bytes consumed so far over all inputs,
    for the progress ETA.
    """

    input: str
    record: int
    article: Article | None
    error: ErrorRow | None
    position: int


def _wanted(path: Path) -> bool:
    name = path.name.lower()
    return path.suffix.lower() in SUPPORTED_EXTENSIONS or any(name.endswith(s) for s in STREAM_EXTENSIONS)


def _file(path: Path) -> InputFile:
    return InputFile(str(path), path.stat().st_size)


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[InputFile]:
    """Files named, found under directories (recursively, supported extensions) or matched by globs."""
    files: list[InputFile] = []
    for raw in inputs:
        name = os.fspath(raw)
        path = Path(name)
        if path.is_dir():
            found = [
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and _wanted(p)
            ]
            files.extend(_file(p) for p in found)
            if not found:
                files.append(InputFile(name, error="the directory has no files with a supported extension"))
        elif path.is_file():
            files.append(_file(path))
        elif _GLOB_CHARS & set(name):
            matches = [Path(m) for m in sorted(glob.glob(name, recursive=True)) if Path(m).is_file()]
            files.extend(_file(p) for p in matches)
            if not matches:
                files.append(InputFile(name, error="the pattern matches no file"))
        else:
            files.append(InputFile(name, error="file not found; expected a file, a directory or a glob"))
    return files


def _records(
    path: Path,
    fh: BinaryIO | None,
    *,
    fields: Mapping[str, str],
    published: dt.date | None,
    settings: Settings,
    today: dt.date,
) -> Iterator[Article | IngestError]:
    """The articles and record errors of one file; whole-file problems raise IngestError."""
    from presslens.ingest import feeds, tables, warc

    name = str(path)
    fmt = stream_format_for_path(path)
    finish = {"published": published, "settings": settings, "today": today}
    if fmt == "warc" and fh is not None:
        records = warc.iter_warc_drafts(fh, source=name, max_bytes=settings.fetch_max_bytes)
        return finish_drafts(records, **finish)
    if fmt == "parquet" and fh is not None:
        return finish_drafts(tables.iter_parquet_table(fh, source=name, fields=fields), **finish)
    if fmt == "feed":
        return finish_drafts(feeds.iter_feed_drafts(read_bytes(path), source=name), **finish)
    if path.suffix.lower() in _JSONL_SUFFIXES and fh is not None:
        return finish_drafts(tables.iter_jsonl_table(fh, source=name, fields=fields), **finish)
    return read_source(path, published=published, settings=settings, today=today)


def _opens_stream(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".parquet", *_JSONL_SUFFIXES))


def iter_items(
    files: Iterable[InputFile],
    *,
    settings: Settings,
    today: dt.date,
    fields: Mapping[str, str] | None = None,
    published: dt.date | None = None,
) -> Iterator[InputItem]:
    """Every item of every file, keyed (input, record), in a deterministic order; never raises."""
    done_bytes = 0
    for entry in files:
        if entry.error is not None:
            row = ErrorRow(file=entry.path, record=None, where=entry.path, reason=entry.error)
            yield InputItem(entry.path, 0, None, row, done_bytes)
            continue
        path = Path(entry.path)
        record = 0
        with ExitStack() as stack:
            fh: BinaryIO | None = None
            try:
                if _opens_stream(path):
                    fh = stack.enter_context(path.open("rb"))
                stream = _records(
                    path, fh, fields=fields or {}, published=published, settings=settings, today=today
                )
                for item in stream:
                    here = done_bytes + (fh.tell() if fh is not None and not fh.closed else 0)
                    if isinstance(item, IngestError):
                        yield InputItem(entry.path, record, None, error_row(entry.path, record, item), here)
                    else:
                        yield InputItem(entry.path, record, item, None, here)
                    record += 1
            except OSError as exc:
                err = InputNotFoundError(entry.path, f"cannot read: {exc.strerror or exc}")
                yield InputItem(entry.path, record, None, error_row(entry.path, None, err), done_bytes)
            except IngestError as exc:
                logger.info("skipped file: %s", exc)
                yield InputItem(entry.path, record, None, error_row(entry.path, None, exc), done_bytes)
            except Exception as exc:  # the batch edge: a reader bug costs the rest of one file, not the run
                logger.warning("reading %s stopped at record %d: %r", entry.path, record, exc)
                err = IngestError(
                    entry.path, f"reading stopped at record {record}: {type(exc).__name__}: {exc}"
                )
                yield InputItem(entry.path, record, None, error_row(entry.path, None, err), done_bytes)
        done_bytes += entry.size
