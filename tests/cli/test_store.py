"""The store commands print stored text as it is: square brackets in data are never Rich markup.

A title ``[/b]`` used to crash ``presslens stories`` (and make ``ingest``
print a traceback after storing the article); ``[video]`` and ``[sic]``
vanished from every table. The store here is built by hand (no model).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.helpers.store import disputed_detention, make_document
from typer.testing import CliRunner, Result

from presslens.cli import app
from presslens.store import Store

TITLE = "Raid [/b] in Saratov [video] [sic]"
runner = CliRunner()


def assert_no_traceback(result: Result) -> None:
    """The command ended by its own exit, not by an exception escaping it."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def bracket_store(tmp_path_factory):
    """Two outlets on one detention, disagreeing on who acted; brackets in titles, outlets, evidence."""
    path = tmp_path_factory.mktemp("brackets") / "b.duckdb"
    tass = dict(
        text="Police detained Rustam Mammadov in Saratov [video]. "
        "The ministry said nine people were detained.",
        url="https://tass.com/1",
        outlet="TASS [sic]",
        title=TITLE,
    )
    ria = dict(
        text="Police detained Rustam Mammadov in Saratov [/b]. "
        "The ministry said five people were detained.",
        url="https://ria.ru/2",
        outlet="RIA [video]",
        title="Saratov [sic] raid [/b]",
        published=dt.date(2026, 3, 14),
    )
    with Store.open(path) as st:
        st.ingest(disputed_detention(tass, ria))
        (summary,) = st.list_stories()
    return path, summary.story.id


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["stories"], [TITLE]),
        (["timeline", "{story}"], ["TASS [sic], RIA [video]", "Saratov [video]"]),
        (["contradictions"], ["TASS [sic]", "RIA [video]", "Saratov [/b]", "Saratov [video]"]),
        (["contradictions", "{story}"], ["who acted: detain of Rustam Mammadov", "Saratov [/b]"]),
        (["query", 'SELECT title AS "[b]title[/b]" FROM article_versions'], ["[b]title[/b]", TITLE]),
    ],
)
def test_tables_print_stored_text_verbatim(bracket_store, command, shown) -> None:
    path, story = bracket_store
    args = [arg.format(story=story) for arg in command]
    result = runner.invoke(app, [*args, "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    for text in shown:
        assert text in result.stdout


@pytest.mark.parametrize("command", [["stories"], ["timeline", "{story}"], ["contradictions"]])
def test_json_is_unchanged_by_the_table_fix(bracket_store, command) -> None:
    path, story = bracket_store
    args = [arg.format(story=story) for arg in command]
    result = runner.invoke(app, [*args, "--store", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "[/b]" in json.dumps(json.loads(result.stdout))


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["timeline", "nope[/b]"], "nope[/b]"),  # the store's "no story" message names the bad id
        (["stories"], "none[/b].duckdb"),  # a missing store, named by its path
    ],
)
def test_errors_name_the_input_verbatim(bracket_store, tmp_path, command, message) -> None:
    path, _ = bracket_store
    store = tmp_path / "none[/b].duckdb" if "none" in message else path
    result = runner.invoke(app, [*command, "--store", str(store)])
    assert result.exit_code == 1
    assert message in result.stderr and "presslens: error:" in result.stderr
    assert_no_traceback(result)


@pytest.mark.model
def test_ingest_of_a_bracketed_title_prints_it_and_no_traceback(tmp_path) -> None:
    source = tmp_path / "in.jsonl"
    record = {
        "title": TITLE,
        "outlet": "TASS [sic]",
        "published": "2026-03-13",
        "text": "Police in Saratov detained nine people on March 12, the Interior Ministry said. "
        "Rustam Mammadov died in custody, his lawyer said.",
    }
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    bad = tmp_path / "notes [video][sic].pdf"
    bad.write_bytes(b"%PDF-1.4 fake")
    result = runner.invoke(app, ["ingest", str(source), str(bad), "--store", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 1  # the .pdf failed; the article was stored
    assert_no_traceback(result)
    flat = " ".join(result.stdout.split())  # the table's title wraps at the table's width
    assert TITLE in result.stdout and "1 stored, 1 failed, 1 story" in flat  # not "1 stories"
    (error,) = [line for line in result.stderr.splitlines() if "error" in line]
    assert "notes [video][sic].pdf" in error


def test_forget_counts_agree_in_number(tmp_path) -> None:
    path = tmp_path / "f.duckdb"
    document = make_document("Police detained nine people in Saratov.", url="https://tass.com/9")
    with Store.open(path) as st:
        st.ingest([document])
    result = runner.invoke(app, ["forget", "https://tass.com/9", "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert ": 1 version, " in result.stdout and "(s)" not in result.stdout


def test_stories_rebuild_derives_the_same_stories_again(bracket_store) -> None:
    path, story = bracket_store
    before = runner.invoke(app, ["timeline", story, "--store", str(path), "--format", "json"])
    rebuilt = runner.invoke(app, ["stories", "--rebuild", "--store", str(path), "--format", "json"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "rebuilt 1 story from scratch" in rebuilt.stderr
    assert [s["story"]["id"] for s in json.loads(rebuilt.stdout)] == [story]
    after = runner.invoke(app, ["timeline", story, "--store", str(path), "--format", "json"])
    assert json.loads(after.stdout) == json.loads(before.stdout) != []
