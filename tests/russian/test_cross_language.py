"""A Russian and an English report of one event in one store: one story, their names one set of actors.

The two reports are written for this test (no network here to fetch real ones);
they test the plumbing across scripts, not quality.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app

pytestmark = pytest.mark.model

ENGLISH = (
    "Russian police detain Azerbaijani journalists in Moscow\n\n"
    "Russian police on Monday detained two Azerbaijani journalists in Moscow, the Interior Ministry "
    "spokeswoman Irina Volk said. Azerbaijan's Foreign Ministry summoned the Russian ambassador Mikhail "
    "Yevdokimov in Baku and protested. The journalists Ilham Mammadov and Farid Huseynov were questioned "
    "for hours, their lawyer said.\n"
)
RUSSIAN = (
    "В Москве задержаны азербайджанские журналисты\n\n"
    "Полиция в понедельник задержала в Москве двух азербайджанских журналистов, сообщила официальный "
    "представитель МВД России Ирина Волк. МИД Азербайджана вызвал российского посла Михаила Евдокимова "
    "и выразил протест. Журналистов Ильхама Мамедова и Фарида Гусейнова допрашивали несколько часов, "
    "сообщил их адвокат.\n"
)


def test_reports_in_two_scripts_are_one_story_with_one_actor_per_person(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    store = str(tmp_path / "desk.duckdb")
    runner = CliRunner()
    ingest = runner.invoke(
        app, ["ingest", str(tmp_path / "en.txt"), str(tmp_path / "ru.txt"), "--store", store,
              "--published", "2025-06-30"]
    )
    assert ingest.exit_code == 0, ingest.output
    listed = runner.invoke(app, ["stories", "--store", store, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.stdout)
    assert len(stories) == 1 and len(stories[0]["story"]["articles"]) == 2
    actors = set(stories[0]["story"]["actors"])
    for english, russian in (("Ilham Mammadov", "Ильхам Мамедов"), ("Irina Volk", "Ирина Волк"),
                             ("Mikhail Yevdokimov", "Михаил Евдокимов")):
        assert len(actors & {english, russian}) <= 1, actors  # never the same person twice
    assert actors & {"Ilham Mammadov", "Ильхам Мамедов"}
    # the arrest and the summoning, each told in both languages, are one timeline event each
    story_id = stories[0]["story"]["id"]
    timeline = runner.invoke(app, ["timeline", story_id, "--store", store, "--format", "json", "--all"])
    assert timeline.exit_code == 0, timeline.output
    rows = {(e["type"], e["mode"]): {r["article"] for r in e["reports"]} for e in json.loads(timeline.stdout)}
    assert len(rows[("COERCE", "detain")]) == 2 and len(rows[("CONSULT", "summon")]) == 2, rows


def test_counts_in_two_languages_are_compared_on_their_values(tmp_path: Path) -> None:
    """The English report counts five detained, the Russian one twelve ("12 человек"): one
    contradiction on the number detained, its sides in both languages."""
    english = ENGLISH.replace("detained two Azerbaijani journalists in Moscow",
                              "detained five people at a protest in Moscow")
    russian = RUSSIAN.replace("задержала в Москве двух азербайджанских журналистов",
                              "задержала на акции в Москве 12 человек")
    assert english != ENGLISH and russian != RUSSIAN
    (tmp_path / "en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(russian, encoding="utf-8")
    store = str(tmp_path / "desk.duckdb")
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", str(tmp_path / "en.txt"), str(tmp_path / "ru.txt"),
                                 "--store", store, "--published", "2025-06-30"])
    assert ingest.exit_code == 0, ingest.output
    listed = runner.invoke(app, ["contradictions", "--store", store, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    found = [c for c in json.loads(listed.stdout) if c["attribute"] == "people detained"]
    assert len(found) == 1, found
    assert sorted(side["value"] for side in found[0]["sides"]) == ["12", "five"]
