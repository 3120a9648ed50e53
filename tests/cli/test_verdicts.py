"""An analyst's verdicts on contradictions (dismiss, confirm) are kept across rebuilds and re-ingest."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.helpers.store import make_document
from typer.testing import CliRunner

from presslens.cli import app
from presslens.models import Claim, Mention, TextSpan
from presslens.store import Store

runner = CliRunner()


def _json(*args: str) -> list[dict]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _documents():
    said = [("tass.com", "TASS", "Investigators said Rustam Mammadov died of heart failure."),
            ("apa.az", "APA", "Relatives said Rustam Mammadov died of traumatic shock.")]
    docs = []
    for n, (host, outlet, text) in enumerate(said):
        doc = make_document(text, url=f"https://{host}/{n}", outlet=outlet, published=dt.date(2026, 3, 13))
        content = text.index("Rustam")
        claim = Claim(speaker=Mention(text=text.split()[0], start=0, end=len(text.split()[0])),
                      cue=TextSpan(text="said", start=text.index("said"), end=text.index("said") + 4),
                      content=TextSpan(text=text[content:-1], start=content, end=len(text) - 1),
                      evidence=TextSpan(text=text, start=0, end=len(text)))
        docs.append(doc.model_copy(update={"claims": (claim,)}))
    return docs


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "v.duckdb"
    with Store.open(path) as st:
        st.ingest(_documents())
    return path


def _judge(path, *args: str):
    return runner.invoke(app, ["judge", *args, "--store", str(path)])


def test_a_dismissed_contradiction_is_listed_only_on_request_and_stays_dismissed(store) -> None:
    (found,) = _json("contradictions", "--store", str(store))
    assert found["attribute"] == "cause of death" and found["verdict"] is None

    result = _judge(store, "dismiss", found["id"][:6])
    assert result.exit_code == 0 and "dismissed" in result.output
    assert _json("contradictions", "--store", str(store)) == []
    (shown,) = _json("contradictions", "--store", str(store), "--all")
    assert shown["verdict"] == "dismissed"

    with Store.open(store) as st:  # a rebuild from scratch and the same articles ingested again
        st.refresh_stories()
        st.ingest(_documents())
    assert _json("contradictions", "--store", str(store)) == []

    assert _judge(store, "confirm", found["id"]).exit_code == 0
    (confirmed,) = _json("contradictions", "--store", str(store))
    assert confirmed["verdict"] == "confirmed"
    table = runner.invoke(app, ["contradictions", "--store", str(store)])
    assert "(confirmed)" in table.output

    assert _judge(store, "clear", found["id"]).exit_code == 0
    (cleared,) = _json("contradictions", "--store", str(store))
    assert cleared["verdict"] is None


def test_a_verdict_on_an_unknown_contradiction_is_one_clear_line(store) -> None:
    result = _judge(store, "dismiss", "c-nothing")
    assert result.exit_code != 0
    assert "no contradiction 'c-nothing'" in result.output and "Traceback" not in result.output


@pytest.mark.slow
@pytest.mark.model
def test_a_verdict_survives_reanalysis(store) -> None:
    (found,) = _json("contradictions", "--store", str(store))
    assert _judge(store, "confirm", found["id"]).exit_code == 0
    result = runner.invoke(app, ["reanalyze", "--store", str(store)])  # the NLP reads the texts anew
    assert result.exit_code == 0, result.output
    (after,) = _json("contradictions", "--store", str(store))
    assert after["topic"] == found["topic"] and after["verdict"] == "confirmed"
