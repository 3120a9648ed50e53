"""The persuasion model's hard negatives: references into the shared data, checked by hash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.errors import TrainingDataError
from presslens.training.negatives import NEGATIVES, read_negatives, sentence_sha1

TEXT = "Three people were killed in the blast, police said. The deadly blast hit a car park."


def _story_set(root: Path) -> Path:
    folder = root / "stories" / "blast-set" / "articles"
    folder.mkdir(parents=True)
    (folder / "01.json").write_text(json.dumps({"id": "blast-01", "text": TEXT}), encoding="utf-8")
    return root


def _line(lo: int, hi: int, **over: object) -> str:
    record = {"source": "stories/blast-set", "id": "blast-01", "start": lo, "end": hi,
              "sha1": sentence_sha1(TEXT[lo:hi]), "why": "test"}
    return json.dumps({**record, **over})


def test_negatives_are_read_back_by_article_with_their_ranges(tmp_path: Path) -> None:
    root = _story_set(tmp_path / "data")
    second = TEXT.index("The deadly")
    listing = tmp_path / "negatives.jsonl"
    listing.write_text(_line(second, len(TEXT)) + "\n\n" + _line(0, second - 1) + "\n", encoding="utf-8")
    [article] = read_negatives(listing, root)
    assert article.key == "stories/blast-set:blast-01"
    assert article.ranges == ((0, second - 1), (second, len(TEXT)))
    assert article.text[slice(*article.ranges[1])] == "The deadly blast hit a car park."


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (_line(0, 10, sha1="000000000000"), "not the sentence that was checked"),
        (_line(0, 10, id="blast-99"), "no article 'blast-99'"),
        (_line(0, 10, source="elsewhere"), "unknown source 'elsewhere'"),
        (_line(0, 10, start="0"), "must be integers"),
        ('{"source": "stories/blast-set"}', "expected an object with"),
        ("{not json", "not valid JSON"),
    ],
)
def test_a_bad_negative_names_the_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    root = _story_set(tmp_path / "data")
    listing = tmp_path / "negatives.jsonl"
    listing.write_text(_line(0, 10) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(TrainingDataError) as err:
        read_negatives(listing, root)
    assert str(err.value).startswith(f"{listing}: line 2: ")
    assert problem in str(err.value)


def test_the_shipped_negatives_point_at_the_sentences_that_were_checked(shared_data: Path) -> None:
    negatives = read_negatives(NEGATIVES, shared_data)  # raises if any text moved
    assert sum(len(n.ranges) for n in negatives) >= 150
    assert all(not n.key.startswith("ptc") for n in negatives)  # never PTC: its spans are the positives
    genre_set = Path(__file__).resolve().parents[2] / "evaluation" / "genre" / "labels.jsonl"
    genre_ids = {json.loads(x)["id"] for x in genre_set.read_text(encoding="utf-8").splitlines() if x.strip()}
    assert not {n.key.split(":", 1)[1] for n in negatives} & genre_ids  # measured pages stay unseen


def test_the_data_folder_is_found_from_a_bare_train_file_name(tmp_path: Path, monkeypatch) -> None:
    from presslens.training.persuasion import ptc_folder

    (tmp_path / "ptc").mkdir()
    (tmp_path / "ptc" / "train.jsonl").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "ptc")
    assert ptc_folder(Path("train.jsonl")).parent == tmp_path.resolve()  # not "." of "."
    assert ptc_folder(tmp_path / "ptc") == (tmp_path / "ptc").resolve()
