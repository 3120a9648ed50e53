"""The outlet register: lookup by host and name, user extension."""

from __future__ import annotations

import pytest

from presslens.errors import StoreError
from presslens.store.outlets import load_outlets


@pytest.mark.parametrize(
    ("outlet", "url", "name", "ownership"),
    [
        (None, "https://tass.com/politics/1", "TASS", "state"),
        (None, "https://www.reuters.com/world/x", "Reuters", "private"),
        (None, "https://english.news.am/news/1", "News.am", "private"),
        ("Associated Press", None, "Associated Press", "cooperative"),
        ("ap", None, "Associated Press", "cooperative"),
        ("BBC News", None, "BBC", "public"),
        # Russian-language outlets, by their Cyrillic names too: state, state-funded, in exile
        ("ТАСС", None, "TASS", "state"),
        ("Первый канал", None, "Channel One", "state"),
        (None, "https://www.svoboda.org/a/1.html", "Radio Svoboda", "state-funded"),
        ("Медуза", None, "Meduza", "private"),
        (None, "https://tvrain.tv/news/1", "TV Rain", "private"),
    ],
)
def test_lookup(outlet, url, name, ownership) -> None:
    info = load_outlets().lookup(outlet, url)
    assert info and info.name == name and info.ownership == ownership


def test_register_is_large_and_spans_countries() -> None:
    register = load_outlets()
    assert len(register) >= 60
    assert {"RU", "AZ", "UA", "AM", "IL", "IR", "US", "GB", "TR", "CN"} <= {o.country for o in register}


def test_unknown_outlet() -> None:
    assert load_outlets().lookup("The Daily Nowhere", "https://nowhere.invalid/x") is None


def test_user_file_extends_and_overrides(tmp_path) -> None:
    user = tmp_path / "outlets.tsv"
    user.write_text(
        "# mine\nnowhere.invalid\tDaily Nowhere\t\tXX\tprivate\ten\ttest\n"
        "tass.com\tTASS\t\tRU\tprivate\tru\tx\n",
        encoding="utf-8",
    )
    register = load_outlets(user)
    assert register.lookup(url="https://nowhere.invalid/a").name == "Daily Nowhere"
    assert register.lookup("TASS").ownership == "private"


def test_bad_user_file_names_the_line(tmp_path) -> None:
    user = tmp_path / "outlets.tsv"
    user.write_text("a.com\tA\t\tXX\towned-by-aliens\ten\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"outlets.tsv:1: ownership"):
        load_outlets(user)


def test_one_side_state_media() -> None:
    from presslens.store.outlets import load_outlets, one_side_state_media

    register = load_outlets()
    assert one_side_state_media([register.lookup("TASS"), register.lookup("RIA Novosti")]) == (
        "all state media of Russia")
    assert one_side_state_media([register.lookup("TASS"), register.lookup("Meduza")]) is None
    assert one_side_state_media([register.lookup("TASS"), None]) is None
