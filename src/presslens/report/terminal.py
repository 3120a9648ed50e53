"""Text from the open web on a terminal: shown as it is written, never obeyed.

A stored title or an article sentence can hold what a terminal acts on: Rich markup
(``[/b]`` raised MarkupError, ``[video]`` vanished), escape sequences (``ESC [2J`` clears
the screen, ``ESC ]8;;`` makes a link, ``ESC ]0;`` retitles the window), a carriage return
that overwrites the line, and bidi overrides (U+202E reverses the rest of a table row).
Everything printed from data goes through here: markup is never parsed (cells are
``rich.text.Text``), and control and bidi-control characters are shown as escapes
(``\\x1b``, ``\\u202e``), so a reader sees that they are there. Newline and tab stay.

JSON keeps the data exact: `json_safe` only writes the few characters a terminal would
act on inside a JSON string as ``\\uXXXX`` escapes, which parse back to the same text.
"""

from __future__ import annotations

import re

from rich.text import Text

__all__ = ["cell", "json_safe", "shown"]

# C0 controls but tab and newline, DEL and C1, directional marks, embeddings, overrides, isolates
_ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# what json.dumps(ensure_ascii=False) leaves raw of those: it escapes C0 itself
_JSON_ACTIVE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(value: str) -> str:
    """`value` with every control and bidi-control character written as an escape."""
    return _ACTIVE.sub(_escape, value)


def cell(value: object, style: str = "") -> Text:
    """A table cell or message of data: plain text (never markup), its active characters shown."""
    if isinstance(value, Text):
        return value
    return Text(shown("" if value is None else str(value)), style=style)


def json_safe(dumped: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with terminal-active characters escaped."""
    return _JSON_ACTIVE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
