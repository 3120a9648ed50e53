"""Independent sources: copies of one text and stories of one agency count once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from presslens.stories.independence import credited_agency, independence, strip_via
from presslens.stories.records import StoryInput

STORIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "stories"

WIRE = """Police in the southern city detained nine people on Tuesday after a night of clashes near the
central market, the regional interior ministry said in a statement.

The ministry said officers had seized two hunting rifles and a quantity of fireworks, and that three
officers were treated in hospital for minor injuries. It gave no details about those detained.

Witnesses told reporters that the clashes began after a dispute between traders and a group of young
men, and that police used tear gas to disperse a crowd of several hundred people late in the evening.

The market has been the scene of repeated tensions since the city council voted in March to move the
stalls to a new site on the outskirts, a decision traders say will ruin their business.

The governor called for calm on Wednesday and said a commission would review the relocation plan
before the end of the month. Opposition deputies demanded that the council suspend the move."""


def _article(aid: str, text: str, outlet: str | None = None, day: int = 1) -> StoryInput:
    return StoryInput(aid, outlet, dt.date(2026, 3, day), "t", text)


def test_a_reprint_with_a_new_headline_a_trimmed_end_and_edits_is_a_copy() -> None:
    paragraphs = WIRE.split("\n\n")
    reprint = "Nine held after market clashes\n\n" + "\n\n".join(paragraphs[:-1])
    reprint = reprint.replace("detained", "arrested").replace("southern city", "southern town")
    other = ("The governor met traders on Thursday to discuss compensation for stalls moved out of the "
             "city centre, his office said, and promised a new covered market within two years.")
    articles = [_article("a", WIRE, "Wire", 1), _article("b", reprint, "Site", 2),
                _article("c", other, "Paper", 3)]
    found = independence(articles)
    assert found.copy_of == {"a": "a", "b": "a", "c": "c"}
    assert found.texts(["a", "b", "c"]) == 2 and found.origins(["a", "b", "c"]) == 2


def test_two_stories_credited_to_one_agency_are_one_origin() -> None:
    first = "MOSCOW (AP) — " + WIRE
    second = "BAKU (AP) — Azerbaijan summoned Russia's ambassador on Wednesday over the detentions."
    found = independence([_article("a", first), _article("b", second)])
    assert found.texts(["a", "b"]) == 2 and found.origins(["a", "b"]) == 1


@pytest.mark.parametrize(
    ("text", "outlet", "agency"),
    [
        ("BEIRUT, Oct 17 (Reuters) - Lebanon's army said ...", None, "Reuters"),
        ("The ministry said so.\n\n— AFP", None, "AFP"),
        ("By Jane Doe | Reuters\n\nThe ministry said so.", None, "Reuters"),
        ("The ministry said so.", "AFP (via Zawya)", "AFP"),
        ("The ministry said so.", "The Guardian (via exactnewz.com)", None),
        ("He was hit (AP photo) on Monday.", None, None),
        ("МОСКВА, 23 марта. /ТАСС/. Суд арестовал четверых обвиняемых.", None, "TASS"),
        ("МОСКВА, 23 мар — РИА Новости. Суд арестовал четверых.", None, "RIA Novosti"),
        ("The talks failed — AP. Officials said so.", None, None),
    ],
)
def test_credited_agency(text: str, outlet: str | None, agency: str | None) -> None:
    assert credited_agency(text, outlet) == agency


def test_strip_via() -> None:
    assert strip_via("Reuters (via The Straits Times)") == "Reuters"
    assert strip_via("Meduza") == "Meduza" and strip_via(None) is None


@pytest.mark.parametrize(("name", "texts", "origins"),
                         [("ahli-hospital-2023", 11, 10), ("crocus-2024", 11, 11), ("navalny-2024", 11, 10)])
def test_real_story_sets_with_via_credits_stripped(name: str, texts: int, origins: int) -> None:
    folder = STORIES / name / "articles"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found (the shared story sets are not beside the repo)")
    articles = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
        outlet = strip_via(record.get("outlet"))
        articles.append(StoryInput(record["id"], outlet, published, record.get("title"), record["text"]))
    found = independence(articles)
    ids = [a.article_id for a in articles]
    assert (found.texts(ids), found.origins(ids)) == (texts, origins)
