"""Who speaks for whom, read from the story's articles."""

from __future__ import annotations

import datetime as dt

from presslens.models import Mention
from presslens.stories.records import StoryInput
from presslens.stories.voices import voices


def _key(mention: Mention) -> str:
    return mention.text.lower().removeprefix("the ")


def _voices(*texts: str) -> dict[str, str]:
    articles = [StoryInput(str(i), "AP", dt.date(2026, 3, 14), "t", text) for i, text in enumerate(texts)]
    return voices(articles, _key)


def test_the_body_before_the_role_or_after_the_name_is_whom_the_person_speaks_for() -> None:
    assert _voices("“No,” stated ADF Spokesman Rear Adm. Aram Petrosyan.") == {"aram petrosyan": "adf"}
    assert _voices("Ivan Orlov, the Kremlin spokesman, declined to comment.") == {"ivan orlov": "kremlin"}
    assert _voices("Georgian Foreign Ministry spokeswoman Nino Beridze said so.") == {
        "nino beridze": "georgian foreign ministry"}


def test_a_person_tied_to_two_bodies_or_a_weekday_speaks_for_none() -> None:
    assert _voices("ADF Spokesman Aram Petrosyan said.", "Army spokesman Aram Petrosyan said.") == {}
    assert _voices("On Monday, the Kremlin spokesman said nothing.") == {}
