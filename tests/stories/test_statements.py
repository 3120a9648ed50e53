"""Statements on the timeline: a named speaker's claim is a dated entry, typed by its act,
grouped across outlets, and never listed twice when the article codes it as an event."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.models import Claim, Event, Mention, TextSpan
from presslens.stories.actors import NameMention, link_actors
from presslens.stories.records import Story, StoryInput
from presslens.stories.timeline import story_timeline


def _span(text: str) -> TextSpan:
    return TextSpan(text=text, start=0, end=len(text))


def _claim(speaker: str | None, sentence: str, *, act=None, target=None, date=None, canonical=None) -> Claim:
    return Claim(
        speaker=Mention(text=speaker or "he", canonical=canonical),
        cue=TextSpan(text="said", start=0, end=4),
        content=_span(sentence),
        evidence=_span(sentence),
        act=act,
        act_target=Mention(text=target, canonical=target) if target else None,
        date=date,
    )


def _article(aid: str, outlet: str, claims=(), events=(), day: dt.date = dt.date(2026, 3, 14),
             text: str | None = None) -> StoryInput:
    """An article; each outlet's text is its own unless `text` makes two copies of one wire story."""
    body = text or f"the {outlet} report {aid}"
    return StoryInput(aid, outlet, day, "t", body, events=tuple(events), claims=tuple(claims))


def _timeline(articles: list[StoryInput]):
    names = [
        NameMention(name.canonical or name.text, "ORG", a.article_id)
        for a in articles
        for c in a.claims
        for name in (c.speaker, c.act_target) if name is not None
    ]
    story = Story(id="s-1", title="t", articles=tuple(a.article_id for a in articles))
    return story_timeline(story, articles, link_actors(names))


def test_a_named_speakers_accusation_is_one_dated_entry_across_outlets() -> None:
    said = "The ministry said the rebels shelled the village on Tuesday."
    claim = _claim("Defence Ministry", said, act="ACCUSE", target="rebels", date="2026-03-10")
    articles = [_article("a", "TASS", [claim]), _article("b", "AP", [claim])]
    (entry,) = _timeline(articles)
    assert (entry.type, entry.mode, entry.actor) == ("ACCUSE", "statement", "Defence Ministry")
    assert entry.date == "2026-03-10" and entry.articles == ("a", "b")
    assert {r.kind for r in entry.reports} == {"claim"}


def test_a_plain_statement_is_other_and_an_unnamed_speaker_makes_no_entry() -> None:
    articles = [
        _article("a", "TASS", [_claim("Governor Ivanov", "Ivanov said the roads were open.")]),
        _article("b", "AP", [_claim(None, "He said the roads were open.")]),
    ]
    timeline = _timeline(articles)
    assert [(e.type, e.actor) for e in timeline] == [("OTHER", "Governor Ivanov")]


def test_a_statement_the_article_codes_as_an_event_is_listed_once() -> None:
    sentence = "Kyiv denied that its forces struck the market."
    event = Event(
        type="REJECT", mode="reject", actor=Mention(text="Kyiv"), target=None, evidence=_span(sentence)
    )
    articles = [_article("a", "AP", [_claim("Kyiv", sentence, act="REJECT")], [event])]
    timeline = _timeline(articles)
    assert [(e.type, e.mode) for e in timeline] == [("REJECT", "reject")]


def test_one_body_described_alike_by_outlets_is_one_speaker_but_two_places_bodies_are_two() -> None:
    said = "An air strike hit the hospital, the ministry said."
    articles = [
        _article("a", "AJ", [_claim("Gaza's health ministry", said, act="ACCUSE", target="Israel")]),
        _article("b", "AFP", [_claim("the health ministry", said, act="ACCUSE", target="Israel")]),
        _article("c", "BBC", [_claim("the health ministry in Gaza", said, act="ACCUSE", target="Israel")]),
        _article("d", "ToI", [_claim("Israel's health ministry", said, act="ACCUSE", target="Israel")]),
    ]
    entries = sorted(_timeline(articles), key=lambda e: len(e.reports))
    assert [e.articles for e in entries] == [("d",), ("a", "b", "c")]


def _told(sentence: str, actor: str, speaker: str, why: str = "verb 'strike' → ASSAULT/assault") -> Event:
    return Event(type="ASSAULT", mode="assault", actor=Mention(text=actor), target=Mention(text="hospital"),
                 evidence=_span(sentence), reported_by=Mention(text=speaker), why=why)


def test_an_attack_told_inside_an_accusation_is_the_accusation_not_one_more_report_of_the_attack() -> None:
    said = "The health ministry said an Israeli air strike had hit the hospital."
    accusation = _claim("Health Ministry", said, act="ACCUSE", target="Israel")
    own = _claim("Army", "The army said it struck the depot.")
    articles = [
        _article("a", "AFP", [accusation], [_told(said, "Israel", "Health Ministry")]),
        _article("b", "AP", [own], [_told("The army said it struck the depot.", "Army", "Army")]),
    ]
    timeline = _timeline(articles)
    attacks = [e for e in timeline if e.type == "ASSAULT"]
    assert [e.articles for e in attacks] == [("b",)]  # the army telling of its own strike stays its report
    assert [e.articles for e in timeline if e.type == "ACCUSE"] == [("a",)]


def test_an_attack_named_inside_an_accusation_as_given_stays_a_report_of_the_attack() -> None:
    said = "The FSB said Ukraine was behind the attack on the hall."
    accusation = _claim("FSB", said, act="ACCUSE", target="Ukraine")
    told = _told(said, "Ukraine", "FSB", why="noun 'attack' → ASSAULT/assault")
    start = said.index("behind")  # the noun's evidence, as the event step gives it: no doer in it
    told = told.model_copy(update={"evidence": TextSpan(text=said[start:-1], start=start, end=len(said) - 1)})
    timeline = _timeline([_article("a", "TASS", [accusation], [told])])
    assert sorted(e.type for e in timeline) == ["ACCUSE", "ASSAULT"]
    attack = next(e for e in timeline if e.type == "ASSAULT")
    assert attack.actor is None  # who did it is the accusation's to say, not one more confirmation


def test_an_attack_noun_naming_the_accused_as_its_doer_is_the_accusation() -> None:
    said = "The ministry blamed an Israeli air strike for the deaths at the hospital."
    accusation = _claim("Ministry", said, act="ACCUSE", target="Israeli")
    start = said.index("Israeli")
    strike = Event(type="ASSAULT", mode="assault", actor=Mention(text="Israeli", start=start, end=start + 7),
                   target=Mention(text="hospital"), evidence=TextSpan(text=said[start:], start=start,
                                                                      end=len(said)),
                   reported_by=Mention(text="Ministry"), why="noun 'strike' → ASSAULT/assault")
    timeline = _timeline([_article("a", "AFP", [accusation], [strike])])
    assert [e.type for e in timeline] == ["ACCUSE"]


@pytest.mark.parametrize("offsets", [True, False])
def test_an_attack_that_is_all_an_accusing_acts_content_is_the_accusation(offsets: bool) -> None:
    # "blamed" coded as the ministry's own act, so the strike it blames is told by no one; the store
    # keeps mentions without offsets, so the doer is found in the strike's words
    said = "The ministry blamed an Israeli air strike."
    start = said.index("an Israeli")
    content = TextSpan(text=said[start:-1], start=start, end=len(said) - 1)
    accusation = Claim(speaker=Mention(text="Ministry"), cue=TextSpan(text="blamed", start=13, end=19),
                       content=content, evidence=_span(said), act="ACCUSE",
                       act_target=Mention(text="Israeli", canonical="Israeli"))
    at = start + 3
    actor = Mention(text="Israeli", start=at, end=at + 7) if offsets else Mention(text="Israeli")
    strike = Event(type="ASSAULT", mode="assault", actor=actor, target=None, evidence=content,
                   why="noun 'air strike' → ASSAULT/assault")
    assert [e.type for e in _timeline([_article("a", "AFP", [accusation], [strike])])] == ["ACCUSE"]
    # the same strike told by the outlet outside any accusation stays a report of the attack
    plain = Claim(speaker=Mention(text="Ministry"), cue=TextSpan(text="said", start=0, end=4),
                  content=_span("the roads were open"), evidence=_span("the roads were open"))
    types = sorted(e.type for e in _timeline([_article("a", "AFP", [plain], [strike])]))
    assert types == ["ASSAULT", "OTHER"]


def test_an_attack_in_an_accusations_words_that_names_no_resolved_party_is_the_accusation() -> None:
    said = "Arab countries condemned the attack, which they believe was caused by an Israeli strike."
    accusation = _claim("Arab countries", said, act="ACCUSE")
    start = said.index("Israeli")
    strike = Event(type="ASSAULT", mode="assault", actor=Mention(text="Israeli"), target=None,
                   evidence=TextSpan(text=said[start - 3 : -1], start=start - 3, end=len(said) - 1),
                   reported_by=Mention(text="Arab countries"), why="noun 'strike' → ASSAULT/assault")
    assert [e.type for e in _timeline([_article("a", "AFP", [accusation], [strike])])] == ["ACCUSE"]


def test_a_plain_statement_telling_of_the_speakers_own_act_is_that_act() -> None:
    said = "The brigades said they fired rockets at the port."
    told = Event(type="ASSAULT", mode="assault", actor=Mention(text="they", canonical="Qassam Brigades"),
                 target=Mention(text="port"), evidence=_span(said),
                 reported_by=Mention(text="Qassam Brigades"))
    plain = _claim("Qassam Brigades", said)
    timeline = _timeline([_article("a", "AP", [plain], [told])])
    assert [(e.type, e.mode) for e in timeline] == [("ASSAULT", "assault")]


def test_a_plain_statement_whose_cue_is_coded_as_an_act_is_that_act() -> None:
    said = "The court charged four men with terrorism."
    charge = Event(type="COERCE", mode="arrest", actor=Mention(text="court"), target=Mention(text="four men"),
                   evidence=_span(said))
    for cue in (TextSpan(text="charged", start=10, end=17), TextSpan(text="charged", start=0, end=0)):
        # the store keeps the cue's words only (offsets 0): they are found in the evidence
        claim = Claim(speaker=Mention(text="Basmanny Court"), cue=cue,
                      content=TextSpan(text="four men", start=18, end=26), evidence=_span(said))
        timeline = _timeline([_article("a", "AP", [claim], [charge])])
        assert [(e.type, e.mode) for e in timeline] == [("COERCE", "arrest")]
    elsewhere = Event(type="COERCE", mode="arrest", actor=Mention(text="police"), target=Mention(text="two"),
                      evidence=TextSpan(text="Police arrested two.", start=0, end=20))
    later = TextSpan(text=said, start=200, end=200 + len(said))
    claim = Claim(speaker=Mention(text="Basmanny Court"), cue=TextSpan(text="charged", start=0, end=0),
                  content=TextSpan(text="four men", start=218, end=226), evidence=later)
    timeline = _timeline([_article("a", "AP", [claim], [elsewhere])])
    assert sorted(e.type for e in timeline) == ["COERCE", "OTHER"]  # another act: the statement stays


def test_an_attack_a_denial_names_without_a_culprit_is_the_denials_report() -> None:
    said = "“The attack on the hospital was not from our forces,” the army said."
    denial = _claim("Army", said, act="REJECT")
    attack = Event(type="ASSAULT", mode="assault", target=Mention(text="hospital"), evidence=_span(said),
                   reported_by=Mention(text="Army"), why="noun 'attack' → ASSAULT/assault")
    timeline = _timeline([_article("a", "AP", [denial], [attack])])
    assert [e.type for e in timeline] == ["REJECT"]


def test_a_claim_told_as_not_made_is_no_entry() -> None:
    said = "The minister did not mention that the rebels shelled the village."
    claim = _claim("Defence Minister", said).model_copy(update={"negated": True})
    assert _timeline([_article("a", "TASS", [claim]), _article("b", "AP", [claim])]) == []


@pytest.mark.parametrize(("act", "days_later", "entries"), [("ACCUSE", 2, 1), ("ACCUSE", 6, 2), (None, 2, 2)])
def test_a_charge_retold_undated_days_later_is_the_same_statement(act, days_later, entries) -> None:
    said = "The army blamed the Kurdish Workers Party for the bombing."
    first = _claim("Defence Ministry", said, act=act, target="Kurdish Workers Party" if act else None,
                   date="2026-03-10")
    retold = _claim("Defence Ministry", said, act=act, target="Kurdish Workers Party" if act else None)
    later = dt.date(2026, 3, 10) + dt.timedelta(days=days_later)
    articles = [_article("a", "AP", [first], day=dt.date(2026, 3, 10)),
                _article("b", "AFP", [retold], day=later)]
    assert len(_timeline(articles)) == entries


def test_a_spokespersons_statement_is_the_bodys_own() -> None:
    by_name = _claim("Aram Petrosyan", "Petrosyan said the rebels shelled the depot.", act="ACCUSE",
                     target="rebels")
    by_body = _claim("Defence Ministry", "The ministry said the rebels shelled the depot.", act="ACCUSE",
                     target="rebels")
    introduced = "“We have proof,” said Defence Ministry spokesman Aram Petrosyan."
    articles = [
        StoryInput("a", "AP", dt.date(2026, 3, 14), "t", introduced, claims=(by_name,)),
        StoryInput("b", "AFP", dt.date(2026, 3, 14), "t", "text", claims=(by_body,)),
    ]
    (entry,) = _timeline(articles)
    assert entry.articles == ("a", "b")
    # without the article saying whom he speaks for, a person's statement is his own
    articles[0] = StoryInput("a", "AP", dt.date(2026, 3, 14), "t", "text", claims=(by_name,))
    assert len(_timeline(articles)) == 2


def test_one_charge_at_a_state_and_at_its_air_force_is_one_entry_at_another_party_two() -> None:
    at_state = _claim("Rebel Command", "The command accused an Armenian air strike.", act="ACCUSE",
                      target="Armenian")
    at_force = _claim("Rebel Command", "The command blamed the Armenian Air Force.", act="ACCUSE",
                      target="Armenian Air Force")
    at_other = _claim("Rebel Command", "The command blamed the Azerbaijani Air Force.", act="ACCUSE",
                      target="Azerbaijani Air Force")
    later = dt.date(2026, 3, 16)
    one = _timeline([_article("a", "AP", [at_state]), _article("b", "AFP", [at_force], day=later)])
    assert len([e for e in one if e.type == "ACCUSE"]) == 1
    two = _timeline([_article("a", "AP", [at_state]), _article("b", "AFP", [at_other], day=later)])
    assert len([e for e in two if e.type == "ACCUSE"]) == 2


def test_a_description_built_on_an_acronym_is_that_body() -> None:
    from presslens.stories.timeline import party_key

    index = link_actors([NameMention("FSB", "ORG", "a"), NameMention("Ivan Petrov", "PERSON", "a")])
    assert party_key(Mention(text="the FSB security service"), index) == party_key(Mention(text="FSB"), index)
    # a name beside the acronym is no description of it
    assert party_key(Mention(text="FSB Director Ivan Petrov"), index) != party_key(Mention(text="FSB"), index)


def test_a_group_described_by_its_name_is_that_group() -> None:
    from presslens.stories.timeline import party_key

    index = link_actors([NameMention("Hamas", "ORG", "a"), NameMention("Wagner Group", "ORG", "a")])
    assert party_key(Mention(text="The Hamas group"), index) == party_key(Mention(text="Hamas"), index)
    wagner = party_key(Mention(text="Wagner Group"), index)
    assert party_key(Mention(text="the Wagner Group"), index) == wagner


_WIRE = ("Alexei Navalny died on Friday at the Arctic prison where he was serving a three-decade term. "
         "His wife, speaking in Munich a few hours after the announcement, said she did not know whether "
         "to believe the news. On Saturday his spokeswoman confirmed that he was dead.")


def test_two_copies_of_one_wire_text_are_one_statement_however_each_site_dated_it() -> None:
    said = "she did not know whether to believe the news"
    articles = [_article("a", "TRT", [_claim("Yulia", said)], day=dt.date(2024, 2, 18), text=_WIRE),
                _article("b", "The Star", [_claim("Yulia", said, date="2024-02-16")],
                         day=dt.date(2024, 2, 18), text=_WIRE.replace("Friday", "Friday, Feb. 16,"))]
    (entry,) = _timeline(articles)
    assert (entry.articles, entry.date) == (("a", "b"), "2024-02-16")


def test_the_same_words_in_two_outlets_own_texts_on_different_days_stay_two_statements() -> None:
    said = "she did not know whether to believe the news"
    articles = [_article("a", "TRT", [_claim("Yulia", said)], day=dt.date(2024, 2, 18)),
                _article("b", "The Star", [_claim("Yulia", said, date="2024-02-16")],
                         day=dt.date(2024, 2, 18))]
    assert len(_timeline(articles)) == 2


def test_another_partys_act_in_the_statements_sentence_does_not_stand_for_the_statement() -> None:
    sentence = ("Putin says the suspects tried to flee to Ukraine - Kyiv says allegations of its role "
                "are absurd")
    said = sentence.index("the suspects")
    claim = _claim("Vladimir Putin", sentence, act="ACCUSE", target="Ukraine").model_copy(update={
        "content": TextSpan(text="the suspects tried to flee to Ukraine", start=said, end=said + 37)})
    start = sentence.index("allegations")
    allegation = Event(type="ACCUSE", mode="allege", actor=None, target=Mention(text="Ukraine"),
                       evidence=TextSpan(text="allegations of its role", start=start, end=start + 23))
    entries = _timeline([_article("a", "BBC", [claim], [allegation])])
    assert ("ACCUSE", "statement", "Vladimir Putin") in [(e.type, e.mode, e.actor) for e in entries]
