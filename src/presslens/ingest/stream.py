"""Inputs named on a command line, streamed as keyed items: what every command reads.

`presslens analyze`, `ingest`, `batch` (both engines) and the Python API all
read their inputs through ``iter_items``, so they see the same articles under
the same keys: ``(input, record)`` — the input as expanded from the command
line (a file, or an http(s) URL) and the item's index within it, counting bad
records too. The order is deterministic (inputs in the given order, directory
and glob matches sorted), which is what lets a resumed batch, a Spark run and
``presslens analyze`` be compared record for record, and what the analysis
groups (``presslens.analysis``) are cut by.

Each file is read by ``sources.read_file`` (JSON Lines through the one
streaming reader, ``records.iter_jsonl_drafts``; WARC, feeds and Parquet record
by record). A problem with a whole input (missing, binary, unsupported, a
failed fetch) is one error item; a bad record is one error item; nothing
raises out of ``iter_items``.
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

from presslens.errors import EmptyInputError, IngestError, InputNotFoundError
from presslens.ingest.fetch import is_url
from presslens.ingest.files import iter_directory, supported_list
from presslens.ingest.sources import read_file, read_source, record_stream_format
from presslens.models import Article
from presslens.settings import Settings

__all__ = ["InputFile", "InputItem", "expand_inputs", "iter_items"]

logger = logging.getLogger(__name__)

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file or URL to read (or a named input that failed to expand, with its error)."""

    path: str
    size: int = 0
    error: IngestError | None = None


@dataclass(frozen=True, slots=True)
class InputItem:
    """One item of the input stream: an article or the error that took its place.

    `whole_input` marks an error about the input itself (a missing file), not
    one of its records. `position` is the number of input bytes consumed so far
    over all inputs, for a progress ETA.
    """

    input: str
    record: int
    article: Article | None
    error: IngestError | None
    position: int = 0
    whole_input: bool = False


def _file(path: Path) -> InputFile:
    return InputFile(str(path), path.stat().st_size)


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[InputFile]:
    """Files named, found under directories (recursively, supported extensions), matched by globs, or URLs."""
    files: list[InputFile] = []
    for raw in inputs:
        name = os.fspath(raw)
        path = Path(name)
        if is_url(name):
            files.append(InputFile(name))
        elif path.is_dir():
            found = [_file(p) for p in iter_directory(path)]
            files.extend(found)
            if not found:
                problem = f"the directory has no files with a supported extension ({supported_list()})"
                files.append(InputFile(name, error=EmptyInputError(name, problem)))
        elif path.is_file():
            files.append(_file(path))
        elif _GLOB_CHARS & set(name):
            matches = [Path(m) for m in sorted(glob.glob(name, recursive=True)) if Path(m).is_file()]
            files.extend(_file(p) for p in matches)
            if not matches:
                files.append(InputFile(name, error=InputNotFoundError(name, "the pattern matches no file")))
        else:
            problem = "file not found; expected an existing file, a directory, a glob or an http(s) URL"
            files.append(InputFile(name, error=InputNotFoundError(name, problem)))
    return files


def iter_items(
    files: Iterable[InputFile],
    *,
    settings: Settings,
    today: dt.date | None = None,
    fields: Mapping[str, str] | None = None,
    published: dt.date | None = None,
) -> Iterator[InputItem]:
    """Every item of every input, keyed (input, record), in a deterministic order; never raises.

    `published` overrides every article's date; `today` anchors dates printed
    without a year (default: today); `fields` maps record fields to a table's
    columns.
    """
    done_bytes = 0
    options = {"published": published, "settings": settings, "today": today, "fields": fields}
    for entry in files:
        if entry.error is not None:
            yield InputItem(entry.path, 0, None, entry.error, done_bytes, whole_input=True)
            continue
        record = 0
        try:
            with ExitStack() as stack:
                fh: BinaryIO | None = None
                if is_url(entry.path):
                    stream = read_source(entry.path, **options)
                else:
                    path = Path(entry.path)
                    if record_stream_format(path) not in (None, "feed"):
                        fh = stack.enter_context(path.open("rb"))
                    stream = read_file(path, opened=fh, **options)
                for item in stream:
                    here = done_bytes + (fh.tell() if fh is not None and not fh.closed else 0)
                    if isinstance(item, IngestError):
                        yield InputItem(entry.path, record, None, item, here)
                    else:
                        yield InputItem(entry.path, record, item, None, here)
                    record += 1
        except OSError as exc:
            err = InputNotFoundError(entry.path, f"cannot read: {exc.strerror or exc}")
            yield InputItem(entry.path, record, None, err, done_bytes, whole_input=True)
        except IngestError as exc:
            logger.info("skipped input: %s", exc)
            yield InputItem(entry.path, record, None, exc, done_bytes, whole_input=True)
        except Exception as exc:  # a reader bug costs the rest of one input, not the run
            logger.warning("reading %s stopped at record %d: %r", entry.path, record, exc)
            problem = f"reading stopped at record {record}: {type(exc).__name__}: {exc}"
            yield InputItem(entry.path, record, None, IngestError(entry.path, problem), done_bytes, True)
        done_bytes += entry.size
