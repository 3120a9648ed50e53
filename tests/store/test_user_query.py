"""A user's SQL in its own process: stopped at its time limit, memory cap or size limit, or on request."""

from __future__ import annotations

import time

import pytest

from presslens.errors import StoreError
from presslens.store import QueryLimits, Store
from presslens.store.user_query import QueryCancelled

CROSS_JOIN = "SELECT count(*) FROM range(100000000) a, range(100000000) b"


@pytest.fixture
def empty(tmp_path):
    path = tmp_path / "q.duckdb"
    Store.open(path).close()
    with Store.open(path, read_only=True) as st:
        yield st


def test_values_come_back_as_json_values(empty) -> None:
    result = empty.query(
        "SELECT 1 AS n, 1 AS n, DATE '2024-01-02' AS d, 1.5::DECIMAL(4,2) AS x, 'ab'::BLOB AS b, "
        "[1, 2] AS l, ? AS p",
        ["ok"],
    )
    assert result.columns == ("n", "n", "d", "x", "b", "l", "p")
    assert result.rows == ((1, 1, "2024-01-02", 1.5, "YWI=", [1, 2], "ok"),)
    assert result.cut is None and not result.truncated


def test_a_long_query_stops_at_its_time_limit(empty) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError, match="time limit of 1 s"):
        empty.query(CROSS_JOIN, limits=QueryLimits(seconds=1))
    assert time.monotonic() - started < 20  # stopped, not run to its end (hours)


def test_a_query_past_its_memory_cap_fails_cleanly(empty) -> None:
    with pytest.raises(StoreError, match="needs more memory than the 512 MB"):
        empty.query("SELECT repeat('x', 10000000) FROM range(5000)", limits=QueryLimits(memory_mb=512))


def test_rows_stop_at_the_byte_limit(empty) -> None:
    result = empty.query("SELECT repeat('x', 1000) FROM range(1000)", limits=QueryLimits(max_bytes=10_000))
    assert result.cut == "bytes" and 5 <= len(result.rows) < 11


def test_a_cancelled_query_stops(empty) -> None:
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(QueryCancelled):
        empty.query(CROSS_JOIN, cancelled=cancelled)
