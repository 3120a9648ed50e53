"""An analyst's timeline corrections (merge, split, hide) are kept across rebuilds and reanalysis."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.helpers.store import detention_and_protest, make_document
from typer.testing import CliRunner

from presslens.cli import app
from presslens.models import Event, TextSpan
from presslens.store import Store

runner = CliRunner()


def _json(*args: str) -> object:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def store(tmp_path):
    """Two outlets on one detention, plus a protest that a second event of the article reports."""
    path = tmp_path / "c.duckdb"
    docs = detention_and_protest()
    with Store.open(path) as st:
        st.ingest(docs)
    return path


def _timeline(path, *extra: str) -> list[dict]:
    (story,) = _json("stories", "--store", str(path))
    return _json("timeline", story["story"]["id"], "--store", str(path), *extra)  # type: ignore[return-value]


def _correct(path, *args: str) -> None:
    result = runner.invoke(app, ["correct", *args, "--store", str(path)])
    assert result.exit_code == 0, result.output


def test_hide_split_and_merge_survive_a_rebuild(store) -> None:
    events = _timeline(store)
    detain = next(e for e in events if e["type"] == "COERCE")
    protest = next(e for e in events if e["type"] == "PROTEST")
    assert len(detain["reports"]) == 2 and len(protest["reports"]) == 2

    _correct(store, "hide", protest["id"])
    assert all(e["type"] != "PROTEST" for e in _timeline(store))
    assert any(e["type"] == "PROTEST" and e["hidden"] for e in _timeline(store, "--all"))

    _correct(store, "split", detain["id"], "--report", "2")
    detentions = [e for e in _timeline(store) if e["type"] == "COERCE"]
    assert sorted(len(e["reports"]) for e in detentions) == [1, 1]

    _correct(store, "merge", detentions[0]["id"], detentions[1]["id"])
    with Store.open(store) as st:  # a rebuild from scratch applies the stored corrections again
        st.db.execute("DELETE FROM timeline_events")
        st.refresh_stories(rebuild=True)
    after = _timeline(store)
    assert [len(e["reports"]) for e in after if e["type"] == "COERCE"] == [2]
    assert all(e["type"] != "PROTEST" for e in after)


def test_a_bad_correction_is_one_clear_line(store) -> None:
    event = _timeline(store)[0]["id"]
    for args, message in [(["merge", event], "merge needs two"), (["hide", "e-nope"], "no timeline event"),
                          (["split", event, "--report", "9"], "split needs --report N")]:
        result = runner.invoke(app, ["correct", *args, "--store", str(store)])
        assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def test_a_low_confidence_event_one_article_tells_is_shown_only_on_request(tmp_path) -> None:
    path = tmp_path / "low.duckdb"
    text = "Police detained Rustam Mammadov in Saratov. Someone was hurt."
    docs = [make_document(text, url=f"https://{host}/{n}", outlet=host, published=dt.date(2026, 3, 13))
            for n, host in enumerate(["tass.com", "ria.ru"])]
    start = text.index("Someone")
    vague = Event(type="ASSAULT", mode="assault", confidence=0.3,
                  evidence=TextSpan(text=text[start:], start=start, end=len(text)))
    docs[0] = docs[0].model_copy(update={"events": (*docs[0].events, vague)})
    with Store.open(path) as st:
        st.ingest(docs)
    shown, everything = _timeline(path), _timeline(path, "--all")
    assert "ASSAULT" not in [e["type"] for e in shown] and "COERCE" in [e["type"] for e in shown]
    assert "ASSAULT" in [e["type"] for e in everything]


@pytest.mark.slow
@pytest.mark.model
def test_a_hide_and_a_split_survive_reanalysis(store) -> None:
    events = _timeline(store)
    protest = next(e for e in events if e["type"] == "PROTEST")
    detain = next(e for e in events if e["type"] == "COERCE")
    _correct(store, "hide", protest["id"])
    _correct(store, "split", detain["id"], "--report", "2")
    result = runner.invoke(app, ["reanalyze", "--store", str(store)])  # the NLP reads the texts anew
    assert result.exit_code == 0, result.output
    after = _timeline(store)
    assert all(e["type"] != "PROTEST" for e in after)
    assert sorted(len(e["reports"]) for e in after if e["type"] == "COERCE") == [1, 1]
