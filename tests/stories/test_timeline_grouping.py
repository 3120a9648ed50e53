"""Reports of one event across outlets: what joins them, what keeps two events apart."""

from __future__ import annotations

import datetime as dt

from presslens.models import Claim, Event, Mention, TextSpan
from presslens.stories.actors import NameMention, link_actors
from presslens.stories.records import Story, StoryInput
from presslens.stories.timeline import story_timeline


def _span(text: str) -> TextSpan:
    return TextSpan(text=text, start=0, end=len(text))


def _event(sentence: str, mode: str, *, actor=None, target=None, place=None, date=None,
           kind: str = "ASSAULT") -> Event:
    return Event(
        type=kind, mode=mode, actor=Mention(text=actor) if actor else None,
        target=Mention(text=target) if target else None, place=Mention(text=place) if place else None,
        date=date, evidence=_span(sentence),
    )


def _article(aid: str, events=(), claims=(), day: dt.date = dt.date(2026, 3, 23)) -> StoryInput:
    return StoryInput(aid, aid.upper(), day, "t", "text", events=tuple(events), claims=tuple(claims))


def _timeline(articles: list[StoryInput]):
    names = [NameMention(m.text, "ORG", a.article_id) for a in articles for e in a.events
             for m in (e.actor, e.target) if m is not None]
    names += [NameMention(c.speaker.text, "PERSON", a.article_id) for a in articles for c in a.claims]
    story = Story(id="s-1", title="t", articles=tuple(a.article_id for a in articles))
    return story_timeline(story, articles, link_actors(names))


def test_kill_and_attack_in_one_place_are_one_event_whatever_the_mode() -> None:
    articles = [
        _article("a", [_event("Gunmen attacked the concert hall on Friday.", "assault", actor="gunmen",
                              place="Krasnogorsk", date="2026-03-22TEV")]),
        _article("b", [_event("At least 133 people were killed on Friday.", "kill",
                              target="at least 133 people", place="Krasnogorsk", date="2026-03-22")]),
    ]
    (entry,) = _timeline(articles)
    assert entry.date == "2026-03-22" and entry.articles == ("a", "b")


def test_one_day_alone_does_not_join_two_modes() -> None:
    articles = [
        _article("a", [_event("Police raided the market.", "raid", kind="COERCE", target="market",
                              date="2026-03-12")]),
        _article("b", [_event("Nine people were detained.", "detain", kind="COERCE", target="nine people",
                              date="2026-03-12")]),
    ]
    assert len(_timeline(articles)) == 2


def test_two_days_or_two_places_are_two_events() -> None:
    def raid(place: str, day: str) -> Event:
        return _event("Police raided homes.", "raid", kind="COERCE", place=place, date=day)

    articles = [_article("a", [raid("Baku", "2026-03-20")]), _article("b", [raid("Ganja", "2026-03-20")]),
                _article("c", [raid("Baku", "2026-03-21")])]
    assert len(_timeline(articles)) == 3


def test_two_named_actors_are_two_events() -> None:
    articles = [
        _article("a", [_event("The court jailed the four men.", "jail", kind="COERCE", actor="Basmanny Court",
                              target="four men", date="2026-03-24")]),
        _article("b", [_event("The FSB arrested four men.", "arrest", kind="COERCE", actor="FSB",
                              target="four men", date="2026-03-24")]),
    ]
    assert len(_timeline(articles)) == 2


def test_an_undated_report_cannot_tell_of_a_later_event() -> None:
    articles = [
        _article("a", [_event("The army fired on protesters.", "assault", actor="army")],
                 day=dt.date(2026, 3, 10)),
        _article("b", [_event("The army fired on protesters.", "assault", actor="army", date="2026-03-20")],
                 day=dt.date(2026, 3, 21)),
    ]
    assert len(_timeline(articles)) == 2


def _said(speaker: str, sentence: str) -> Claim:
    return Claim(speaker=Mention(text=speaker), cue=TextSpan(text="said", start=0, end=4),
                 content=_span(sentence), evidence=_span(sentence))


def test_one_speakers_statements_on_different_days_are_different_entries() -> None:
    fled = _said("Vladimir Putin", "Putin said the attackers fled.")
    articles = [
        _article("a", claims=[fled], day=dt.date(2026, 3, 23)),
        _article("b", claims=[fled], day=dt.date(2026, 3, 23)),
        _article("c", claims=[_said("Vladimir Putin", "Putin said the West was behind it.")],
                 day=dt.date(2026, 3, 26)),
    ]
    timeline = _timeline(articles)
    assert sorted(len(e.reports) for e in timeline) == [1, 2]


def test_a_day_after_publication_is_no_date_of_what_happened() -> None:
    # "declared Sunday a day of mourning": the clause's day is what was announced, not the act
    articles = [_article("a", [_event("Putin declared Sunday a day of mourning.", "declare", kind="OTHER",
                                      actor="Vladimir Putin", date="2026-03-24")], day=dt.date(2026, 3, 23))]
    (entry,) = _timeline(articles)
    assert (entry.date, entry.date_source) == ("2026-03-23", "published")


def test_the_shown_actor_is_the_outlets_own_not_one_a_source_names_in_two_copies() -> None:
    said = Mention(text="Bortnikov")
    claimed = _event("The FSB chief said the US was behind the concert hall attack.", "assault",
                     actor="United States", target="Crocus City Hall", date="2026-03-22")
    claimed = claimed.model_copy(update={"reported_by": said})
    articles = [
        _article("a", [_event("Gunmen attacked Crocus City Hall.", "assault", actor="gunmen",
                              target="Crocus City Hall", date="2026-03-22")]),
        _article("b", [claimed]),
        _article("c", [claimed]),
    ]
    (entry,) = _timeline(articles)
    assert entry.actor == "gunmen"


def test_one_named_target_in_two_places_is_one_event_at_two_granularities() -> None:
    articles = [
        _article("a", [_event("Gunmen attacked Crocus City Hall in Krasnogorsk.", "assault", actor="gunmen",
                              target="Crocus City Hall", place="Krasnogorsk", date="2026-03-22")]),
        _article("b", [_event("Terrorists attacked Crocus City Hall in the Moscow Region.", "assault",
                              actor="terrorists", target="Crocus City Hall", place="Moscow Region",
                              date="2026-03-22")]),
    ]
    (entry,) = _timeline(articles)
    assert entry.articles == ("a", "b")


def test_one_attack_on_one_site_is_one_event_whoever_each_outlet_says_did_it() -> None:
    articles = [
        _article("a", [_event("An Israeli air strike hit Al-Ahli Arab Hospital.", "heavy-weapons",
                              actor="Israeli", target="Al-Ahli Arab Hospital", date="2026-03-17")]),
        _article("b", [_event("A failed Islamic Jihad rocket hit the hospital.", "heavy-weapons",
                              actor="Islamic Jihad", target="hospital", date="2026-03-17")]),
        _article("c", [_event("Hundreds were killed at the Al Ahli Hospital on Tuesday.", "kill",
                              actor="Islamic Jihad", target="hundreds", place="Al Ahli Hospital",
                              date="2026-03-17")]),
    ]
    (entry,) = _timeline(articles)
    assert entry.articles == ("a", "b", "c")
    assert entry.target == "Al-Ahli Arab Hospital"  # the site it hit, by name, not "hundreds"


def test_attacks_on_two_named_sites_or_a_week_apart_stay_apart() -> None:
    def strike(sentence: str, target: str, day: str) -> Event:
        return _event(sentence, "heavy-weapons", actor="Israeli", target=target, date=day)

    articles = [
        _article("a", [strike("A strike hit Nasser Hospital.", "Nasser Hospital", "2026-03-17")]),
        _article("b", [strike("A strike hit Al-Ahli Arab Hospital.", "Al-Ahli Arab Hospital", "2026-03-17")]),
        _article("c", [strike("A strike hit Al-Ahli Arab Hospital.", "Al-Ahli Arab Hospital", "2026-03-10")]),
    ]
    assert len(_timeline(articles)) == 3


def test_an_event_dated_only_by_its_year_keeps_the_year() -> None:
    siege = _event("the 2004 siege of the school", "occupy", target="school", date="2004")
    articles = [_article("a", [siege])]
    (entry,) = _timeline(articles)
    assert entry.date == "2004" and entry.date_source == "event"


def test_a_background_figure_dated_to_another_month_is_not_the_days_event() -> None:
    articles = [
        _article("a", [_event("The strike on the hospital killed 300 people.", "kill", target="300 people",
                              place="Gaza", date="2026-03-17")]),
        _article("b", [_event("Rockets fired in May 2021 fell short in Gaza, killing 20.", "kill",
                              target="20 people", place="Gaza", date="2021-05"),
                       _event("The strike on the hospital killed 300.", "kill", target="300 people",
                              place="Gaza")]),
    ]
    entries = _timeline(articles)
    assert sorted(e.date for e in entries) == ["2021-05", "2026-03-17"]
    assert next(e for e in entries if e.date == "2026-03-17").articles == ("a", "b")


def test_a_site_and_the_city_around_it_may_be_one_place_two_sites_or_two_cities_not() -> None:
    def raid(aid: str, place: str) -> StoryInput:
        return _article(aid, [_event(f"Police raided offices at {place}.", "raid", kind="COERCE",
                                     actor="police", place=place, date="2026-03-12")])

    assert len(_timeline([raid("a", "Meydan TV Office"), raid("b", "Baku")])) == 1
    assert len(_timeline([raid("a", "Meydan TV Office"), raid("b", "Abzas Media Office")])) == 2
    assert len(_timeline([raid("a", "Ganja"), raid("b", "Baku")])) == 2


def test_an_undated_attack_told_soon_after_joins_the_days_attack_on_that_site() -> None:
    def article(aid: str, day: dt.date, why: str = "verb 'hit'") -> StoryInput:
        strike = _event("a strike that hit a Gaza hospital", "heavy-weapons", target="Gaza hospital")
        return _article(aid, [strike.model_copy(update={"why": why})], day=day)

    dated = _article("a", [_event("An air strike hit Al-Ahli Arab Hospital on Tuesday.", "heavy-weapons",
                                  actor="Israeli", target="Al-Ahli Arab Hospital", date="2026-03-17")],
                     day=dt.date(2026, 3, 18))
    assert len(_timeline([dated, article("b", dt.date(2026, 3, 18))])) == 1
    assert len(_timeline([dated, article("b", dt.date(2026, 3, 25))])) == 2  # a week on: another strike
    # a noun in passing ("involvement with the hospital attack") refers to it; it is no report to merge
    assert len(_timeline([dated, article("b", dt.date(2026, 3, 18), why="noun 'strike'")])) == 2


def test_an_accusation_the_verb_tells_and_one_its_content_tells_are_one_entry() -> None:
    blamed = _event("The army blamed Islamic Jihad.", "criticize", kind="ACCUSE", actor="the army",
                    target="Islamic Jihad")
    said = _said("the army", "The army said Islamic Jihad fired the rocket.").model_copy(
        update={"act": "ACCUSE", "act_target": Mention(text="Islamic Jihad")})
    articles = [_article("a", [blamed]), _article("b", claims=[said])]
    (entry,) = _timeline(articles)
    assert entry.articles == ("a", "b")
    other_day = _article("c", claims=[said], day=dt.date(2026, 3, 27))
    assert len(_timeline([*articles, other_day])) == 2  # what it says four days on is another statement


def test_a_countrys_army_is_one_speaker_however_outlets_name_it() -> None:
    def blamed(aid: str, speaker: str) -> StoryInput:
        said = _said(speaker, f"{speaker} said Islamic Jihad fired the rocket.").model_copy(
            update={"act": "ACCUSE", "act_target": Mention(text="Islamic Jihad")})
        return _article(aid, claims=[said])

    articles = [blamed("a", "the Israeli army"), blamed("b", "Israel Defense Forces"),
                blamed("c", "the Israeli military")]
    (entry,) = _timeline(articles)
    assert entry.articles == ("a", "b", "c")
    assert len(_timeline([blamed("a", "the Israeli army"), blamed("b", "the Russian army")])) == 2


def test_a_group_counted_alike_is_one_event_and_one_article_counting_two_groups_tells_of_two() -> None:
    day = "2026-03-23"
    articles = [
        _article("a", [
            _event("Four gunmen were arrested.", "arrest", kind="COERCE", target="Four gunmen", date=day),
            _event("Eleven people were detained in all.", "detain", kind="COERCE", target="Eleven people",
                   date=day),
        ]),
        _article("b", [_event("Security services detained four suspects.", "detain", kind="COERCE",
                              actor="Security services", target="four suspects", date=day)]),
    ]
    rows = {e.target: e.articles for e in _timeline(articles)}
    assert rows["Four gunmen"] == ("a", "b")
    assert rows["Eleven people"] == ("a",)


def test_a_vague_count_is_no_exact_group() -> None:
    day = "2026-03-23"
    articles = [
        _article("a", [_event("Police detained 366 people.", "detain", kind="COERCE", actor="police",
                              target="366 people", date=day)]),
        _article("b", [_event("More than 300 people were detained.", "detain", kind="COERCE",
                              target="More than 300 people", date=day)]),
    ]
    (row,) = _timeline(articles)
    assert row.articles == ("a", "b")


def test_a_digit_like_symbol_is_no_count() -> None:
    """'³' passes str.isdigit but is no number int() reads: a page's stray superscript must not
    crash the timeline (it did, through an ingest of hostile text)."""
    day = "2026-03-23"
    articles = [
        _article("a", [_event("Police detained ³ people.", "detain", kind="COERCE", actor="police",
                              target="³ people", date=day)]),
        _article("b", [_event("Police detained ٣ people.", "detain", kind="COERCE", actor="police",
                              target="٣ people", date=day)]),
    ]
    rows = _timeline(articles)
    assert sum(len(r.articles) for r in rows) == 2


def test_a_countrys_foreign_ministry_is_one_actor_in_either_script() -> None:
    day = "2026-03-23"

    def protest(aid: str, actor: str) -> StoryInput:
        said = _event(f"{actor} protested.", "criticize", kind="ACCUSE", actor=actor, date=day)
        return _article(aid, [said])

    (row,) = _timeline([protest("a", "Azerbaijan's Foreign Ministry"), protest("b", "МИД Азербайджана"),
                        protest("c", "the Azerbaijani foreign ministry")])
    assert row.articles == ("a", "b", "c")
    assert len(_timeline([protest("a", "Azerbaijan's Foreign Ministry"), protest("b", "МИД России")])) == 2


def test_one_figure_in_a_country_and_a_city_of_it_is_one_event_two_cities_are_not() -> None:
    # "Police detained 366 people in Russia" / "at least 366 people have been arrested" in St Petersburg
    articles = [
        _article("a", [_event("Police detained 366 people.", "detain", kind="COERCE", actor="police",
                              target="366 people", place="Russia", date="2026-03-22")]),
        _article("b", [_event("At least 366 people have been arrested.", "arrest", kind="COERCE",
                              target="at least 366 people", place="St. Petersburg")]),
    ]
    (row,) = _timeline(articles)
    assert row.articles == ("a", "b")

    def raid(aid: str, place: str) -> StoryInput:
        return _article(aid, [_event("At least 40 people were detained.", "detain", kind="COERCE",
                                     target="at least 40 people", place=place, date="2026-03-22")])

    assert len(_timeline([raid("a", "Moscow"), raid("b", "St. Petersburg")])) == 2


def test_a_small_figure_given_twice_does_not_join_two_modes() -> None:
    day = "2026-03-22"
    articles = [
        _article("a", [_event("Police raided two homes.", "raid", kind="COERCE", target="two homes",
                              date=day)]),
        _article("b", [_event("At least 2 people were detained.", "detain", kind="COERCE",
                              target="at least 2 people", date=day)]),
    ]
    assert len(_timeline(articles)) == 2


def test_a_court_and_the_police_acting_on_one_group_are_two_events() -> None:
    day = "2026-03-24"
    articles = [
        _article("a", [_event("Security services arrested four suspects.", "arrest", kind="COERCE",
                              actor="Security services", target="four suspects", date=day)]),
        _article("b", [_event("The district court detained four suspects.", "detain", kind="COERCE",
                              actor="district court", target="four suspects", date=day)]),
    ]
    assert len(_timeline(articles)) == 2
