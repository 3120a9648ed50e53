"""Run one user query in a process of its own: the only way its memory can be capped.

DuckDB's ``memory_limit`` bounds its buffer manager, not the string heap of a
vector being built: ``SELECT repeat('x', 10000000) FROM range(5000)`` builds
2,048 ten-megabyte strings in one vector (20 GB) before any limit or
interrupt is checked, and the kernel kills the process that ran it: the web
server, with every page it was serving. Run here, under ``RLIMIT_AS``, the
same query fails at the first allocation over the cap with DuckDB's
``OutOfMemoryException``, and only this process is touched; the parent
(``presslens.store.user_query``) kills it at the time limit or when the
client goes away.

Run as a script (``python -I this_file``), importing only the standard
library, duckdb and pyarrow, so it starts in a few tenths of a second. The cap
is the address space those libraries take plus the query's allowance. The request comes
as one JSON object on stdin; the answer is one JSON object on stdout.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import json
import resource
import sys
from typing import Any

_FETCH = 64  # rows per Arrow batch: a cut at the byte limit costs at most this many rows' work


def plain(value: Any) -> Any:
    """A DuckDB value as JSON: dates ISO, decimals as numbers, blobs base64, the rest as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)


def size(value: Any) -> int:
    """Roughly the bytes `value` takes as JSON, without building the JSON (a cell may be huge)."""
    if isinstance(value, str):
        return len(value) + 2
    if isinstance(value, list):
        return sum(size(v) + 1 for v in value) + 2
    if isinstance(value, dict):
        return sum(len(k) + size(v) + 4 for k, v in value.items()) + 2
    return 8


def run(request: dict[str, Any]) -> dict[str, Any]:
    import duckdb

    config = dict(request["config"])
    config["memory_limit"] = f"{request['memory_bytes'] // 2 // 2**20}MB"
    config["threads"] = 1  # one core for the query, the rest for whoever serves pages
    max_rows, max_bytes = request["max_rows"], request["max_bytes"]
    try:
        con = duckdb.connect(request["path"], read_only=True, config=config)
        relation = con.sql(request["sql"], params=request["params"])
        columns = list(relation.columns)
        # streamed in small batches: DB-API fetches materialise the whole result first
        reader = relation.to_arrow_reader(_FETCH)
        rows: list[list[Any]] = []
        used, cut = 0, None
        for batch in reader:
            for row in zip(*(column.to_pylist() for column in batch.columns), strict=True):
                if len(rows) == max_rows:
                    cut = "rows"
                    break
                cells = [plain(v) for v in row]
                used += size(cells)
                if used > max_bytes:
                    cut = "bytes"
                    break
                rows.append(cells)
            if cut is not None:
                break
    except (duckdb.OutOfMemoryException, MemoryError):
        return {"error": "memory"}
    except OSError as exc:  # Arrow's allocation failures
        if "Out of Memory" in str(exc):
            return {"error": "memory"}
        return {"error": "query", "message": str(exc)}
    except duckdb.Error as exc:
        return {"error": "query", "message": str(exc)}
    return {"columns": columns, "rows": rows, "cut": cut}


def _mapped_bytes() -> int:
    """The process's address space now (Linux ``/proc/self/statm``; 0 where there is none)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def main() -> None:
    request = json.load(sys.stdin)
    # the libraries are mapped before the cap, which then bounds what the query itself takes:
    # capped first, mapping pyarrow's shared objects alone can fail under a small cap
    import duckdb  # noqa: F401
    import pyarrow  # noqa: F401

    cap = _mapped_bytes() + int(request["memory_bytes"])
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        answer = run(request)
    except MemoryError:
        answer = {"error": "memory"}
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    main()
