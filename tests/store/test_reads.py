"""The read API (for the CLI and web UI) and the read-only SQL handle."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.helpers.store import make_document

from presslens.errors import StoreError
from presslens.store import ArticleFilter, QueryLimits, Store


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "r.duckdb"
    with Store.open(path) as st:
        st.ingest(
            [
                make_document(url="https://tass.com/1"),
                make_document(
                    "Police detained Rustam Mamedov in Saratov. More.",
                    url="https://ria.ru/2",
                    outlet="RIA Novosti",
                    published=dt.date(2026, 3, 14),
                    name="Rustam Mamedov",
                ),
                make_document(
                    "The presidents signed a water deal. It was agreed.",
                    url="https://reuters.com/3",
                    outlet="Reuters",
                    title="Water deal",
                ),
            ]
        )
    return path


def test_list_filter_and_search(filled) -> None:
    with Store.open(filled, read_only=True) as st:
        assert st.list_articles().total == 3
        assert [a.outlet for a in st.list_articles(ArticleFilter(search="WATER")).items] == ["Reuters"]
        assert st.list_articles(ArticleFilter(outlet="tass")).total == 1
        assert st.list_articles(ArticleFilter(event_type="coerce")).total == 2
        assert st.list_articles(ArticleFilter(actor="Rustam Mammadov")).total == 2  # transliteration variant
        assert st.list_articles(ArticleFilter(published_from=dt.date(2026, 3, 14))).total == 1
        page = st.list_articles(limit=1, offset=1)
        assert page.total == 3 and len(page.items) == 1
        tass = st.list_articles(ArticleFilter(outlet="TASS")).items[0]
        assert tass.outlet_info and tass.outlet_info.ownership == "state" and tass.outlet_info.country == "RU"


def test_article_and_story_reads(filled) -> None:
    with Store.open(filled, read_only=True) as st:
        summary = st.list_articles(ArticleFilter(outlet="TASS")).items[0]
        article = st.get_article(summary.id)
        assert article.document.events[0].type == "COERCE" and article.story
        view = st.get_story(article.story)
        assert {a.outlet for a in view.articles} == {"TASS", "RIA Novosti"}
        assert view.timeline and len(view.timeline[0].reports) == 2
        assert view.graph.story == article.story
        assert {s.story.id for s in st.list_stories()} >= {article.story}
        with pytest.raises(StoreError, match="no story"):
            st.get_story("nope")


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_csv('/etc/passwd')",
        "DELETE FROM articles",
        "COPY articles TO '/tmp/x.csv'",
        "ATTACH '/tmp/other.duckdb' AS other",
        "SET enable_external_access = true",
        "SELECT 1; SELECT 2",
    ],
)
def test_user_sql_is_read_only_without_file_access(filled, sql) -> None:
    with Store.open(filled, read_only=True) as st, pytest.raises(StoreError):
        st.query(sql)


def test_user_sql_reads_and_is_bounded(filled) -> None:
    with Store.open(filled, read_only=True) as st:
        result = st.query("SELECT outlet FROM article_versions WHERE outlet = ?", ["TASS"])
        assert result.rows == (("TASS",),)
        assert st.query("SELECT * FROM range(10)", limits=QueryLimits(max_rows=3)).cut == "rows"


def test_user_sql_refused_on_a_writable_handle(filled) -> None:
    with Store.open(filled) as st, pytest.raises(StoreError, match="read-only"):
        st.query("SELECT 1")


def test_missing_store_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="presslens ingest"):
        Store.open(tmp_path / "none.duckdb", read_only=True)


def test_search_in_either_script_finds_both(tmp_path) -> None:
    """The actors link "Рустам Мамедов" with "Rustam Mammadov"; a search by one finds the other,
    including the declined form of a Russian text ("Рустама Мамедова")."""
    path = tmp_path / "two-scripts.duckdb"
    with Store.open(path) as st:
        st.ingest([
            make_document(url="https://reuters.com/1", outlet="Reuters"),
            make_document("Полиция задержала Рустама Мамедова в Саратове. Ещё.", url="https://tass.ru/2",
                          title="Задержание в Саратове", name="Рустама Мамедова"),
            make_document("The presidents signed a water deal. It was agreed.", url="https://ft.com/3",
                          outlet="FT", title="Water deal", name="Nobody"),
        ])
    with Store.open(path, read_only=True) as st:
        def found(query: str) -> set[str]:
            return {a.outlet for a in st.list_articles(ArticleFilter(search=query)).items}

        assert found("Mammadov") == {"Reuters", "TASS"}
        assert found("Мамедов") == {"Reuters", "TASS"}
        assert found("Саратов") == {"TASS", "Reuters"}  # a place romanised: "Saratov"
        assert found("water") == {"FT"}
        assert found("%") == set() and found("_") == set()  # LIKE wildcards are plain text
