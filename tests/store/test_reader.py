"""A reader of a store this process writes: committed states only, never a write, SQL on a copy."""

from __future__ import annotations

import pytest

from presslens.errors import StoreError


def _count(store) -> int:
    return store.db.fetch_one("SELECT count(*) FROM outlets")[0]


def _add_outlet(store, name: str) -> None:
    store.db.insert_rows("outlets", ["name"], [(name,)])


def test_reader_sees_committed_states_and_not_an_open_transaction(store) -> None:
    reader = store.reader()
    try:
        before = _count(reader)
        with store.db.transaction():
            _add_outlet(store, "Gazeta Pravda")
            assert _count(store) == before + 1
            assert _count(reader) == before  # the write is not committed: the reader does not wait for it
        assert _count(reader) == before + 1
    finally:
        reader.close()


def test_reader_refuses_to_write(store) -> None:
    reader = store.reader()
    try:
        with pytest.raises(StoreError, match="read-only"), reader.db.transaction():
            pass
    finally:
        reader.close()


def test_a_reader_is_made_of_a_writable_store_only(tmp_path, store) -> None:
    from presslens.store import Store

    store.close()
    with Store.open(tmp_path / "test.duckdb", read_only=True) as read_only, pytest.raises(StoreError):
        read_only.reader()


def test_user_sql_on_a_reader_runs_on_a_copy_of_the_last_commit(store) -> None:
    reader = store.reader()
    try:
        first = reader.query("SELECT count(*) AS n FROM outlets").rows[0][0]
        _add_outlet(store, "Kommersant Vlast")
        assert reader.query("SELECT count(*) AS n FROM outlets").rows[0][0] == first + 1
        copy = reader.query_snapshot.path()
        assert copy != store.db.path and copy.is_file()
        # the copy is read-only and external access is off, as for a read-only store
        with pytest.raises(StoreError):
            reader.query("COPY outlets TO '/tmp/presslens-leak.csv'")
        with pytest.raises(StoreError):
            reader.query(f"SELECT * FROM read_text('{store.db.path}')")
    finally:
        reader.close()
    assert not copy.parent.exists()  # the copy goes with the reader
