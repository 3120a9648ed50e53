"""Ingest rules: no-op re-ingest, edits kept as versions, atomic writes, forget, re-analysis, export."""

from __future__ import annotations

import pytest
from tests.helpers.store import VERSIONS, make_document

from presslens.errors import StoreError
from presslens.models import Versions
from presslens.store import Store
from presslens.store.database import Database
from presslens.store.migrations import SCHEMA_VERSION, schema_version


def _count(store: Store, table: str) -> int:
    return store.db.fetch_one(f"SELECT count(*) FROM {table}")[0]


def test_new_store_is_migrated(store: Store) -> None:
    assert schema_version(store.db) == SCHEMA_VERSION


def test_a_store_newer_than_presslens_is_refused(tmp_path) -> None:
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    db = Database.open(path)
    db.execute(
        "INSERT INTO schema_migrations (version, description) VALUES (?, ?)", [SCHEMA_VERSION + 1, "x"]
    )
    db.close()
    with pytest.raises(StoreError, match="newer than this presslens"):
        Store.open(path)


def test_reingesting_an_unchanged_article_is_a_no_op(store: Store) -> None:
    doc = make_document()
    assert [r.status for r in store.ingest([doc])] == ["added"]
    before = {t: _count(store, t) for t in ("article_versions", "entities", "events", "claims")}
    assert [r.status for r in store.ingest([doc])] == ["unchanged"]
    assert {t: _count(store, t) for t in before} == before


def test_an_edit_keeps_the_earlier_version_and_switches_current(store: Store) -> None:
    first = make_document()
    edited = make_document(first.text.replace("nine", "eleven"))
    (added,) = store.ingest([first])
    (updated,) = store.ingest([edited])
    assert updated.status == "updated" and updated.article_id == added.article_id
    assert updated.version_id != added.version_id
    article = store.get_article(added.article_id)
    assert "eleven" in article.document.text
    assert [v.is_current for v in article.history] == [False, True]
    old = store.get_article(added.article_id, version_id=added.version_id)
    assert "nine" in old.document.text and not old.is_current
    assert store.db.fetch_one("SELECT count(DISTINCT version_id) FROM claims")[0] == 2  # old records kept
    assert store.list_articles().total == 1
    assert [r.status for r in store.ingest([first])] == ["restored"]
    assert "nine" in store.get_article(added.article_id).document.text


def test_wire_reprints_with_the_same_text_stay_two_articles(store: Store) -> None:
    a = make_document(url="https://apnews.com/x", outlet="Associated Press")
    b = make_document(url="https://hurriyetdailynews.com/y", outlet="Hurriyet Daily News")
    assert a.id == b.id  # content-derived Document ids collide
    results = store.ingest([a, b])
    assert [r.status for r in results] == ["added", "added"]
    assert results[0].article_id != results[1].article_id


def test_new_versions_reanalyse_in_place(store: Store) -> None:
    (first,) = store.ingest([make_document()])
    newer = Versions(presslens="0.2.0", model=VERSIONS.model, lexicons=VERSIONS.lexicons)
    assert [s.version_id for s in store.stale_versions(newer)] == [first.version_id]
    (again,) = store.ingest([make_document(versions=newer)])
    assert again.status == "reanalysed" and again.version_id == first.version_id
    assert store.stale_versions(newer) == []
    assert store.db.fetch_all("SELECT DISTINCT presslens_version FROM events") == [("0.2.0",)]
    assert _count(store, "article_versions") == 1


def test_stored_article_round_trips_for_reanalysis(store: Store) -> None:
    doc = make_document()
    (result,) = store.ingest([doc])
    article = store.stored_article(result.version_id)
    assert (article.id, article.text, article.url, article.published) == (
        doc.id,
        doc.text,
        doc.url,
        doc.published,
    )


def test_an_event_told_in_a_sources_words_keeps_who_reported_it_in_the_store(store: Store) -> None:
    from presslens.models import Mention

    doc = make_document()
    by = Mention(text="the ministry", canonical="Ministry")
    said = doc.events[0].model_copy(update={"reported_by": by})
    store.ingest([doc.model_copy(update={"events": (said,)})])
    (article,) = store.story_inputs()
    assert article.events[0].reported_by == Mention(text="the ministry", canonical="Ministry")


def test_a_claim_told_as_not_made_stays_so_in_the_store(store: Store) -> None:
    doc = make_document()
    unsaid = doc.claims[0].model_copy(update={"negated": True})
    store.ingest([doc.model_copy(update={"claims": (unsaid, *doc.claims[1:])})])
    (article,) = store.story_inputs()
    assert article.claims[0].negated and not any(c.negated for c in article.claims[1:])


@pytest.mark.parametrize("failure", [StoreError("disk full"), KeyboardInterrupt()])
def test_an_interrupted_ingest_leaves_no_half_written_article(store: Store, monkeypatch, failure) -> None:
    real = Database.insert_rows

    def failing(self, table, columns, rows):
        if table == "events":
            raise failure
        return real(self, table, columns, rows)

    monkeypatch.setattr(Database, "insert_rows", failing)
    with pytest.raises(type(failure)):
        store.ingest([make_document()])
    for table in ("articles", "article_versions", "entities", "events", "claims"):
        assert _count(store, table) == 0, table


def test_one_bad_article_in_a_batch_costs_only_itself(store: Store, monkeypatch) -> None:
    good, bad = make_document(), make_document("Another text.", url="https://example.org/bad")
    real = Database.insert_rows

    def failing(self, table, columns, rows):
        if table == "claims" and any(r[1] == "Another text."[:0] or "Another" in str(r) for r in rows):
            raise StoreError("bad row")
        return real(self, table, columns, rows)

    monkeypatch.setattr(Database, "insert_rows", failing)
    with pytest.raises(StoreError):
        store.ingest([good, bad])
    assert _count(store, "articles") == 1


def test_forget_deletes_the_article_and_everything_derived(store: Store) -> None:
    first = make_document()
    (kept,) = store.ingest(
        [make_document("Police detained Rustam Mammadov. Other text.", url="https://e.org/b")]
    )
    (gone,) = store.ingest([first])
    store.ingest([make_document(first.text + " Update.")])
    result = store.forget(gone.article_id)
    assert result.versions == 2 and result.records > 0
    for table in ("article_versions", "entities", "events", "claims", "story_articles", "timeline_sources"):
        assert (
            store.db.fetch_one(f"SELECT count(*) FROM {table} WHERE article_id = ?", [gone.article_id])[0]
            == 0
        )
    assert store.get_article(kept.article_id)
    with pytest.raises(StoreError, match="no article"):
        store.forget(gone.article_id)


def test_export_writes_parquet_per_table(store: Store, tmp_path) -> None:
    import pyarrow.parquet as pq

    store.ingest([make_document()])
    written = store.export_parquet(tmp_path / "out")
    assert written["articles"] == 1 and written["events"] == 1
    assert pq.read_table(tmp_path / "out" / "entities.parquet").num_rows == 1
