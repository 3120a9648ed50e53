"""The one error tree of presslens.

::

    PresslensError                 anything presslens raises on purpose
    ├── IngestError                an input could not be turned into an Article
    │   ├── InputNotFoundError     no such file
    │   ├── UnsupportedFormatError the format is not one presslens reads
    │   ├── DecodeError            binary, or not decodable text
    │   ├── EmptyInputError        nothing left to analyse
    │   └── FetchError             a URL could not be fetched
    ├── PipelineError              the NLP pipeline could not be built or run
    ├── SettingsError              a settings file or variable is invalid
    └── StoreError                 (reserved for the store)

Library code raises these; only the edges (CLI, web, batch) turn them into exit
codes, HTTP statuses or skipped-and-reported records. Every message names the
input (`source`), the problem, and where possible what would be valid, so the
CLI can print it as one line.
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "EmptyInputError",
    "FetchError",
    "IngestError",
    "InputNotFoundError",
    "PipelineError",
    "PresslensError",
    "SettingsError",
    "StoreError",
    "UnsupportedFormatError",
]


class PresslensError(Exception):
    """Base of every error presslens raises on purpose."""


class IngestError(PresslensError):
    """An input could not be read into an Article.

    `source` is the file, URL or record (``file.jsonl:12``) at fault; `problem`
    says what is wrong with it. ``str(err)`` is ``"<source>: <problem>"``.
    """

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class InputNotFoundError(IngestError):
    pass


class UnsupportedFormatError(IngestError):
    pass


class DecodeError(IngestError):
    pass


class EmptyInputError(IngestError):
    pass


class FetchError(IngestError):
    pass


class PipelineError(PresslensError):
    pass


class SettingsError(PresslensError):
    pass


class StoreError(PresslensError):
    pass
