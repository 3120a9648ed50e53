"""Acceptance: a multi-outlet corpus written for this test, ingested through the CLI.

``data/corpus/saratov_raid.jsonl`` is a fictional but realistic event told by
eight outlets on different sides (Russian state agencies, Azerbaijani private
and state agencies, a US wire, a Turkish reprint of that wire, an exile
outlet): they disagree on the cause of death, the number detained, who raided
the market and when, and spell names differently (Mammadov / Mamedov /
Mamadov, Quliyev / Guliyev, Zhuravlev / Zhuravlyov). ``caspian_water.jsonl``
is an unrelated story in the same days. The seed article (2025) is added when
../shared is present and must form a story of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from presslens.cli.store import register
from presslens.store import Store

DATA = Path(__file__).parent / "data" / "corpus"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed" / "000_f6205e3d5c360c1b.txt"

pytestmark = pytest.mark.model


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """presslens (test)"""

    register(app)
    return app


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("acceptance") / "corpus.duckdb"
    runner = CliRunner()
    paths = [str(DATA / "saratov_raid.jsonl"), str(DATA / "caspian_water.jsonl")]
    if SEED.is_file():
        paths.append(str(SEED))
    result = runner.invoke(_app(), ["ingest", *paths, "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    return store


def _outlets_by_article(store: Path) -> dict[str, str]:
    with Store.open(store, read_only=True) as st:
        return {a.id: a.outlet or a.title for a in st.list_articles(limit=500).items}


def _json(args: list[str], store: Path):
    result = CliRunner().invoke(_app(), [*args, "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_stories_are_grouped(corpus_store) -> None:
    outlets = _outlets_by_article(corpus_store)
    groups = sorted(
        sorted(outlets[a] for a in s["story"]["articles"]) for s in _json(["stories"], corpus_store)
    )
    raid = [
        "APA",
        "AZERTAC",
        "Associated Press",
        "Hurriyet Daily News",
        "Meduza",
        "RIA Novosti",
        "Report.az",
        "TASS",
    ]
    assert raid in groups
    assert ["Gazeta.uz", "Kazinform", "Reuters"] in groups
    assert len(groups) == (3 if SEED.is_file() else 2)


def _raid_story(store: Path) -> dict:
    return next(s for s in _json(["stories"], store) if "TASS" in s["story"]["outlets"])["story"]


def test_timeline_merges_duplicate_reports(corpus_store) -> None:
    story = _raid_story(corpus_store)
    timeline = _json(["timeline", story["id"]], corpus_store)
    raid = [e for e in timeline if e["mode"] == "raid" and e["target"] == "Sennoy market"]
    assert len(raid) == 1  # one raid, however many outlets report it
    outlets = {r["outlet"] for r in raid[0]["reports"]}
    assert {"RIA Novosti", "Associated Press", "Hurriyet Daily News", "APA", "Meduza"} <= outlets
    summons = [e for e in timeline if e["mode"] == "summon"]
    assert len(summons) == 1 and {r["outlet"] for r in summons[0]["reports"]} >= {
        "AZERTAC",
        "Associated Press",
    }
    for event in timeline:  # every report traceable to an article and its sentence
        for report in event["reports"]:
            assert report["article"] and report["evidence"]["text"]


def _sides(contradiction: dict) -> list[set[str]]:
    return [{s["outlet"] for s in side["sources"]} for side in contradiction["sides"]]


def test_contradictions_list_both_sources(corpus_store) -> None:
    story = _raid_story(corpus_store)
    found = {c["topic"]: c for c in _json(["contradictions", story["id"]], corpus_store)}
    cause = found["cause of death of Rustam Mammadov"]
    values = {side["value"]: {s["outlet"] for s in side["sources"]} for side in cause["sides"]}
    assert len(values) == 2
    natural = next(v for k, v in values.items() if "heart failure" in k)
    violent = next(v for k, v in values.items() if "traumatic" in k)
    assert {"TASS", "RIA Novosti"} <= natural and {"APA", "Report.az", "AZERTAC"} <= violent
    (detained,) = [c for topic, c in found.items() if topic.startswith("people detained")]
    assert any("APA" in side for side in _sides(detained)) and any(
        "TASS" in side for side in _sides(detained)
    )
    assert any(topic.startswith("date: raid") for topic in found)
    assert any(topic.startswith("who acted: raid") for topic in found)
    with Store.open(corpus_store, read_only=True) as st:
        for c in st.contradictions(story["id"]):
            for side in c.sides:
                for source in side.sources:
                    text = st.get_article(source.article).document.text
                    assert text[source.evidence.start : source.evidence.end] == source.evidence.text


def test_no_contradiction_between_agreeing_claims(corpus_store) -> None:
    for c in _json(["contradictions"], corpus_store):
        sides = _sides(c)
        # agreeing outlets share a side; the wire and its reprint are never on opposite sides
        assert not (
            {"Associated Press", "Hurriyet Daily News"} <= sides[0] | sides[1]
            and any("Associated Press" in s and "Hurriyet Daily News" not in s for s in sides)
        )
        if c["topic"].startswith("cause of death"):
            for side in c["sides"]:
                values = {s["outlet"] for s in side["sources"]}
                assert not ({"TASS", "APA"} <= values)
    water = next(s for s in _json(["stories"], corpus_store) if "Reuters" in s["story"]["outlets"])
    assert water["contradictions"] == 0


def test_query_and_forget(corpus_store, tmp_path) -> None:
    rows = _json(
        ["query", "SELECT outlet, count(*) AS n FROM article_versions GROUP BY 1 ORDER BY 1"], corpus_store
    )
    assert {"outlet": "TASS", "n": 1} in rows
    result = CliRunner().invoke(
        _app(), ["query", "SELECT * FROM read_text('/etc/passwd')", "--store", str(corpus_store)]
    )
    assert result.exit_code == 1 and "Permission" in result.output
    table = CliRunner().invoke(_app(), ["contradictions", "--store", str(corpus_store)])
    assert table.exit_code == 0 and "cause of death" in table.output
