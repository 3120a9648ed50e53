"""Reading files: which format a path holds, and turning its bytes into text.

Formats are chosen by extension (``SUPPORTED_EXTENSIONS``); a file without one,
or with an extension presslens does not know, is sniffed: ``<html``/
``<!doctype`` opens HTML, ``{``/``[`` opens JSON, other text is a text dump.
Archives, feeds and tables (``STREAM_EXTENSIONS``: ``.warc``, ``.warc.gz``,
``.rss``, ``.atom``, ``.xml`` holding a feed, ``.parquet``) are read record by
record from an open file rather than decoded whole; ``stream_format_for_path``
names their format so callers can route them to ``warc``, ``feeds`` or
``tables``. Known document/image/archive extensions (``.pdf``, ``.docx``, ``.png`` …) are
refused up front with the list of what is supported, instead of being read as
garbage text.

Text and JSON must be UTF-8 (a BOM is allowed and dropped), strictly: a wrong
guess at an encoding would silently corrupt names, which every later stage
depends on. HTML may declare another charset (``<meta charset>``), which is
honoured. Binary content (a NUL byte, or mostly control characters) is refused
with the byte offset where it starts.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from presslens.errors import DecodeError, EmptyInputError, InputNotFoundError, UnsupportedFormatError

__all__ = [
    "STREAM_EXTENSIONS",
    "SUPPORTED_EXTENSIONS",
    "decode_html",
    "decode_text",
    "format_for_path",
    "iter_directory",
    "read_bytes",
    "sniff_format",
    "stream_format_for_path",
    "supported_list",
]

logger = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# Record streams (read incrementally): compound suffixes first.
STREAM_EXTENSIONS: dict[str, str] = {
    ".warc.gz": "warc",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".parquet": "parquet",
}
# Formats people try that presslens does not read; refused without looking inside.
_REFUSED_EXTENSIONS = frozenset(
    {
        ".pdf",
        ".doc",
        ".docx",
        ".odt",
        ".rtf",
        ".epub",
        ".xls",
        ".xlsx",
        ".ppt",
        ".pptx",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".svg",
        ".bmp",
        ".tif",
        ".tiff",
        ".mp3",
        ".mp4",
        ".wav",
        ".avi",
        ".mov",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".7z",
        ".rar",
        ".tar",
        ".exe",
        ".bin",
        ".so",
        ".dll",
    }
)
_CONTROL_SHARE = 0.1  # more control characters than this in the first 8 KB: binary, not text
_SNIFF_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def supported_list() -> str:
    """The supported extensions, for error messages."""
    return ", ".join(sorted({*SUPPORTED_EXTENSIONS, *STREAM_EXTENSIONS}))


def format_for_path(path: Path) -> str | None:
    """The format implied by `path`'s extension; None when it must be sniffed.

    Raises UnsupportedFormatError for extensions of formats presslens does not read.
    """
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_EXTENSIONS:
        return SUPPORTED_EXTENSIONS[suffix]
    if suffix in _REFUSED_EXTENSIONS:
        raise UnsupportedFormatError(
            str(path), f"{suffix} is not a supported format; supported: {supported_list()}, or an http(s) URL"
        )
    return None


def stream_format_for_path(path: Path) -> str | None:
    """ "warc", "feed" or "parquet" for a record-stream file (see ``STREAM_EXTENSIONS``), else None.

    An ``.xml`` file counts as a feed only when its opening bytes show ``<rss``,
    ``<feed`` or ``<rdf:RDF``; other XML raises UnsupportedFormatError.
    """
    name = path.name.lower()
    fmt = next((f for suffix, f in STREAM_EXTENSIONS.items() if name.endswith(suffix)), None)
    if fmt == "feed" and name.endswith(".xml"):
        from presslens.ingest.feeds import looks_like_feed

        with path.open("rb") as fh:
            if not looks_like_feed(fh.read(2048)):
                raise UnsupportedFormatError(
                    str(path), "XML that is not an RSS/Atom feed; supported XML: RSS 2.0, RSS 1.0, Atom"
                )
    return fmt


def read_bytes(path: Path) -> bytes:
    """The file's bytes; InputNotFoundError when it does not exist or is not a file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputNotFoundError(str(path), "file not found") from None
    except IsADirectoryError:
        raise InputNotFoundError(str(path), "is a directory where a file was expected") from None
    except PermissionError:
        raise InputNotFoundError(str(path), "permission denied; the file must be readable") from None


def _check_not_binary(data: bytes, source: str, *, unknown_format: bool) -> None:
    nul = data.find(b"\x00")
    head = data[:_SNIFF_BYTES]
    controls = [i for i, b in enumerate(head) if b < 32 and b not in (9, 10, 12, 13)]
    if nul < 0 and (not head or len(controls) / len(head) <= _CONTROL_SHARE):
        return
    offset = nul if nul >= 0 else controls[0]
    if unknown_format:
        raise UnsupportedFormatError(
            source,
            f"binary content (byte offset {offset}) in a file of unknown format; "
            f"supported: {supported_list()}",
        )
    raise DecodeError(source, f"binary content at byte offset {offset}; expected UTF-8 text")


def decode_text(data: bytes, source: str, *, unknown_format: bool = False, charset: str | None = None) -> str:
    """UTF-8 text (BOM dropped) from `data`; DecodeError with the byte offset, EmptyInputError if blank.

    `charset` is an encoding a server declared for the body; files have none.
    """
    _check_not_binary(data, source, unknown_format=unknown_format)
    encoding = "utf-8-sig" if charset is None or codecs.lookup(charset).name == "utf-8" else charset
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if encoding == "utf-8-sig" and data.startswith(codecs.BOM_UTF8) else 0)
        raise DecodeError(
            source,
            f"not valid {encoding.removesuffix('-sig').upper()} at byte offset {offset} ({exc.reason}); "
            "save the file as UTF-8",
        ) from None
    if not text.strip():
        raise EmptyInputError(source, "the input is empty or only whitespace; expected article text")
    return text


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag within its first bytes, if a known codec."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        logger.debug("unknown declared charset %r", name)
        return None


def decode_html(data: bytes, source: str, *, charset: str | None = None) -> str:
    """HTML text, decoded with the BOM, the given (HTTP) charset, the ``<meta>`` charset, else UTF-8."""
    _check_not_binary(data, source, unknown_format=False)
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = charset or declared_charset(data) or "utf-8"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        offset = getattr(exc, "start", 0)
        raise DecodeError(
            source,
            f"not valid {encoding} at byte offset {offset}; declare the page's charset or save it as UTF-8",
        ) from None
    if not text.strip():
        raise EmptyInputError(source, "the input is empty or only whitespace; expected an HTML page")
    return text


def sniff_format(text: str) -> str:
    """ "html", "json" or "text" from how decoded content opens."""
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype", "<html")) or (head.startswith("<") and "<html" in head):
        return "html"
    if head.startswith(("{", "[")):
        return "json"
    return "text"


def iter_directory(path: Path) -> Iterator[Path]:
    """Files under `path` with a supported extension, recursively, sorted; hidden ones skipped."""
    for candidate in sorted(path.rglob("*")):
        hidden = any(part.startswith(".") for part in candidate.relative_to(path).parts)
        name = candidate.name.lower()
        readable = candidate.suffix.lower() in SUPPORTED_EXTENSIONS or any(
            name.endswith(suffix) and suffix != ".xml" for suffix in STREAM_EXTENSIONS
        )
        if candidate.is_file() and not hidden and readable:
            yield candidate
