"""Russian articles take the natasha path inside the one analysis path; other languages stay flagged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens import pipeline as pipeline_module
from presslens.cli import app
from presslens.models import Article
from presslens.pipeline import Pipeline
from presslens.russian import RussianUnavailable

pytestmark = pytest.mark.model

_RU = "Полиция Екатеринбурга задержала двух граждан Азербайджана, сообщило МВД России."


def _article(i: int, text: str, language: str) -> Article:
    published = dt.date(2025, 7, 2)
    return Article(id=f"a{i}", text=text, source=f"test:{i}", language=language, published=published)


def test_a_mixed_batch_keeps_its_order_and_sends_each_language_its_own_way() -> None:
    docs = list(
        Pipeline().analyze_articles(
            [
                _article(0, "Police in Yekaterinburg detained two Azerbaijani citizens on Monday.", "en"),
                _article(1, _RU, "ru"),
                _article(2, "Die Polizei hat gestern in Berlin zwei Männer festgenommen.", "de"),
            ]
        )
    )
    assert [d.id for d in docs] == ["a0", "a1", "a2"]
    english, russian, german = docs
    assert any(e.canonical == "Yekaterinburg" for e in english.entities) and english.timexes
    assert {e.canonical for e in russian.entities} >= {"Екатеринбург", "Азербайджан", "МВД", "Россия"}
    assert [f.kind for f in russian.flags] == ["partial_analysis"]
    assert russian.versions.model.startswith("ru_natasha") and english.versions.model.startswith("en_")
    assert german.entities == () and [f.kind for f in german.flags] == ["language_not_supported"]


def test_without_natasha_russian_is_flagged_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise RussianUnavailable("natasha is not installed (No module named 'natasha')")

    monkeypatch.setattr(pipeline_module, "RussianAnalyser", missing)
    doc = Pipeline().analyze_article(_article(0, _RU, "ru"))
    assert doc.entities == () and [f.kind for f in doc.flags] == ["language_not_supported"]
    assert "natasha is not installed" in doc.flags[0].why


def test_analyze_notes_what_a_russian_record_leaves_out(tmp_path: Path) -> None:
    path = tmp_path / "tass.txt"
    path.write_text(_RU + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["language"] == "ru" and doc["entities"]
    assert "tass.txt" in result.stderr and "not analysed for Russian yet" in result.stderr


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Поліція затримала у Києві двох громадян Азербайджану, повідомило Міністерство внутрішніх справ "
         "України у вівторок.", "uk"),
        ("Міліцыя затрымала ў Мінску двух грамадзян Азербайджана, паведаміла Міністэрства ўнутраных спраў "
         "Беларусі ў аўторак.", "be"),
    ],
)
def test_ukrainian_and_belarusian_are_not_taken_for_russian(text: str, language: str) -> None:
    from presslens.ingest import article_from_text

    article = article_from_text(text, source="test")
    assert article.language == language
    doc = Pipeline().analyze_article(article)
    assert doc.entities == () and [f.kind for f in doc.flags] == ["language_not_supported"]
