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
    │   └── AnalysisError          the pipeline failed on one article (reported, the rest go on)
    ├── SettingsError              a settings file or variable is invalid
    ├── TrainingDataError          a training file is not what the trainer reads (names the line)
    └── StoreError                 (reserved for the store)

Library code raises these; only the edges (CLI, web, batch) turn them into exit
codes, HTTP statuses or skipped-and-reported records. Every message names the
input (`source`), the problem, and where possible what would be valid, so the
CLI can print it as one line.
"""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "DecodeError",
    "EmptyInputError",
    "FetchError",
    "IngestError",
    "InputNotFoundError",
    "PipelineError",
    "PresslensError",
    "SettingsError",
    "StoreError",
    "TrainingDataError",
    "UnsupportedFormatError",
]


class PresslensError(Exception):
    """Base of every error presslens raises on purpose."""


class _SourcedError(PresslensError):
    """An error about one input or record: `source` names it, `problem` says what is wrong.

    ``str(err)`` is ``"<source>: <problem>"``. Picklable with both arguments,
    so batch worker processes can send it back.
    """

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (type(self), (self.source, self.problem))


class IngestError(_SourcedError):
    """An input could not be read into an Article.

    `source` is the file, URL or record (``file.jsonl:12``) at fault; `problem`
    says what is wrong with it.
    """


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


class AnalysisError(PipelineError, _SourcedError):
    """The pipeline raised on one article: that article is reported, its neighbours are analysed.

    `source` names the article (``file.jsonl:12``); `problem` is the exception.
    """


class SettingsError(PresslensError):
    pass


class StoreError(PresslensError):
    pass


class TrainingDataError(_SourcedError):
    """A training file cannot be trained on: not JSON Lines, or a record without the expected fields.

    `source` is the file; `problem` starts with the line at fault (``line 3: ...``),
    so the CLI prints ``presslens: error: train.jsonl: line 3: ...``.
    """
