"""The command line, driven through typer's CliRunner with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.models import document_json_schema

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample_article.txt"
ARTICLE = (
    "Police in Tbilisi detained two Russian journalists on Tuesday, the Georgian Interior Ministry said. "
    "The Russian Foreign Ministry demanded their release.\n"
)

runner = CliRunner()


def test_schema_command_prints_the_contract() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(json.dumps(document_json_schema()))


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("presslens ")


@pytest.mark.model
def test_analyze_one_file_writes_one_document_object() -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--published", "2025-03-14"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    jsonschema.validate(doc, document_json_schema())
    assert doc["published"] == "2025-03-14"
    assert doc["title"].startswith("Georgian police detain")
    assert doc["entities"] and doc["timexes"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "not found"),
        ("empty.txt", b"   \n\n", "empty"),
        ("binary.txt", b"\x00\x01\x02\x89PNG\x00" * 20, "binary"),
        ("latin1.txt", "Café in Zürich, said police.".encode("latin-1"), "UTF-8"),
        ("report.pdf", b"%PDF-1.4 fake", "format"),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_the_rest_is_written(
    tmp_path: Path, name: str, content: bytes | None, problem: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", str(bad), str(good), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1, result.stderr
    assert name in errors[0] and problem.lower() in errors[0].lower()
    assert "Traceback" not in result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(d["source"]).name for d in docs] == ["good.txt"]


def test_bad_published_date_is_a_usage_error() -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--published", "yesterday"])
    assert result.exit_code == 2
    assert "--published" in result.output


@pytest.mark.model
def test_text_and_html_reports(tmp_path: Path) -> None:
    text = runner.invoke(app, ["analyze", str(SAMPLE), "--published", "2025-03-14", "--format", "text"])
    assert text.exit_code == 0, text.output
    assert "Entities" in text.stdout and "Time expressions" in text.stdout
    out = tmp_path / "report.html"
    html = runner.invoke(app, ["analyze", str(SAMPLE), "--format", "html", "-o", str(out)])
    assert html.exit_code == 0, html.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<mark" in page


@pytest.mark.model
def test_several_inputs_give_a_json_array(tmp_path: Path) -> None:
    paths = []
    for i in range(2):
        p = tmp_path / f"a{i}.txt"
        p.write_text(ARTICLE.replace("Tuesday", ["Monday", "Friday"][i]), encoding="utf-8")
        paths.append(str(p))
    result = runner.invoke(app, ["analyze", *paths])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert [Path(d["source"]).name for d in docs] == ["a0.txt", "a1.txt"]


@pytest.mark.model
def test_analyze_fetches_a_url_from_a_local_server(httpserver) -> None:
    page = (
        "<html><head><title>Envoy summoned</title></head><body><article><h1>Envoy summoned</h1>"
        "<p>The Armenian Foreign Ministry summoned the Russian ambassador in Yerevan on Monday, "
        "officials said, after a dispute over border guards.</p>"
        "<p>Officials in Moscow declined to comment on the meeting, which lasted two hours.</p>"
        "</article></body></html>"
    )
    httpserver.expect_request("/news/envoy").respond_with_data(page, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/news/envoy")
    result = runner.invoke(app, ["analyze", url, "--published", "2025-06-02"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["url"] == url and doc["title"] == "Envoy summoned"
    assert "Yerevan" in {e["text"] for e in doc["entities"]}


@pytest.mark.model
def test_unreachable_url_is_one_line_error() -> None:
    result = runner.invoke(app, ["analyze", "http://127.0.0.1:9/nothing"])
    assert result.exit_code == 1
    assert "127.0.0.1:9" in result.stderr and "Traceback" not in result.output


@pytest.mark.model
def test_non_english_input_is_reported_not_mangled(tmp_path: Path) -> None:
    path = tmp_path / "nachricht.txt"
    path.write_text(
        "Die Polizei hat am Dienstag in Berlin zwei Journalisten festgenommen, "
        "teilte das Innenministerium mit. "
        "Die Festnahme sorgte für scharfe Kritik der Opposition.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["language"] == "de" and doc["entities"] == []
    assert [f["kind"] for f in doc["flags"]] == ["language_not_supported"]
    assert "nachricht.txt" in result.stderr and "'de'" in result.stderr


@pytest.mark.model
def test_a_body_cut_short_is_said_on_stderr_by_analyze_and_ingest(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PRESSLENS_MAX_TEXT_CHARS", "300")
    path = tmp_path / "long.txt"
    path.write_text("Police detained two men in Baku, the ministry said.\n\n" * 40, encoding="utf-8")
    analysed = runner.invoke(app, ["analyze", str(path)])
    assert analysed.exit_code == 0, analysed.output
    assert "long.txt" in analysed.stderr and "max_text_chars = 300" in analysed.stderr
    ingested = runner.invoke(app, ["ingest", str(path), "--store", str(tmp_path / "s.duckdb")])
    assert ingested.exit_code == 0, ingested.output
    assert "presslens: note:" in ingested.stderr and "max_text_chars = 300" in ingested.stderr


@pytest.mark.model
def test_record_errors_keep_their_brackets(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": ARTICLE}, {"title": "no body"}]), encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "list.json[1]" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_train_needs_existing_data(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", "persuasion", "--data", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 1
    assert "absent.jsonl" in result.stderr and "not found" in result.stderr


PTC_LINE = json.dumps({"id": "1", "text": ARTICLE, "spans": [{"start": 0, "end": 6, "technique": None}]})


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("id,text\n1,Police in Tbilisi detained two journalists.\n", 1, "not valid JSON"),
        (f"{PTC_LINE}\n\n" + json.dumps({"id": "2", "body": ARTICLE}) + "\n", 3, "no 'text' field"),
        (f"{PTC_LINE}\n[1, 2]\n", 2, "a JSON list, not an object"),
        (json.dumps({"id": "3", "text": "short", "spans": [{"start": 2, "end": 90}]}) + "\n", 1, "spans[0]"),
        ("\n\n", None, "no articles"),
    ],
)
def test_train_on_a_malformed_file_is_one_line_naming_the_file_and_line(
    tmp_path: Path, monkeypatch, content: str, line: int | None, problem: str
) -> None:
    from presslens.training import persuasion

    def no_parsing(*args, **kwargs):
        raise AssertionError("the file is checked before spaCy is loaded")

    monkeypatch.setattr(persuasion, "build_parser", no_parsing)
    monkeypatch.delenv("PRESSLENS_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "bad.jsonl"
    data.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["train", "persuasion", "--data", str(data)])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 1, result.stderr  # the one line, nothing about training before it
    where = f"{data}: line {line}: " if line else f"{data}: "
    assert errors[0].startswith(f"presslens: error: {where}"), errors[0]
    assert problem in errors[0] and "internal error" not in errors[0]
    assert "Traceback" not in result.output
    assert not (tmp_path / "persuasion-model").exists()


def test_train_writes_into_the_current_directory_by_default(tmp_path: Path, monkeypatch) -> None:
    from presslens.extract.persuasion import MODEL_DIR
    from presslens.training import persuasion

    calls = []
    monkeypatch.setattr(
        persuasion, "train_persuasion_model",
        lambda data, out, **kw: calls.append((out, kw["negatives"])) or {"seed": 13},
    )
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "train.jsonl"
    data.write_text(PTC_LINE + "\n", encoding="utf-8")
    result = runner.invoke(app, ["train", "persuasion", "--data", str(data), "--no-negatives"])
    assert result.exit_code == 0, result.output
    assert calls == [(Path("persuasion-model"), None)]
    assert Path(calls[0][0]).resolve() != Path(MODEL_DIR).resolve()
    assert f"model written to {(tmp_path / 'persuasion-model').resolve()}" in result.stderr
    assert "copy the files there" in result.stderr and str(MODEL_DIR) in result.stderr


def test_train_without_the_negatives_texts_says_which_file_in_one_line(tmp_path: Path, monkeypatch) -> None:
    from presslens.training import persuasion
    from presslens.training.negatives import NEGATIVES

    def no_training(*args: object, **kw: object) -> None:
        raise AssertionError("the negatives are checked before training")

    monkeypatch.setattr(persuasion, "train_persuasion_model", no_training)
    monkeypatch.delenv("PRESSLENS_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ptc").mkdir()
    data = tmp_path / "ptc" / "train.jsonl"
    data.write_text(PTC_LINE + "\n", encoding="utf-8")
    result = runner.invoke(app, ["train", "persuasion", "--data", str(data)])
    assert result.exit_code == 1
    [error] = result.stderr.splitlines()
    assert error.startswith(f"presslens: error: {NEGATIVES}: line 1: ") and "not found" in error, error
