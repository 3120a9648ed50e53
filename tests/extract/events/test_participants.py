"""Participants are people, groups, states, places and things acted on: never a dateline, a time
or a happening; polysemous verbs take their type from what they act on."""

from __future__ import annotations

import pytest

from presslens.extract.events import event_mentions
from presslens.models import Event
from presslens.nlp.extensions import register_extensions

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse(nlp):
    register_extensions()
    return nlp


def _events(parse, text: str) -> list[Event]:
    return event_mentions(parse(text))


def test_a_dateline_is_where_the_report_was_filed_not_who_acted(parse):
    text = "KYIV (AP) — Fighters rampaged through the village, killing dozens of people."
    for event in _events(parse, text):
        assert event.actor is None or "KYIV" not in event.actor.text


def test_an_event_noun_does_not_act(parse):
    events = _events(parse, "The attack that killed four people shook the town.")
    kill = [e for e in events if e.mode == "kill"]
    assert kill and kill[0].actor is None
    assert kill[0].target is not None and kill[0].target.text == "four people"


def test_a_place_name_modifier_is_the_place_of_an_event_noun(parse):
    events = _events(parse, "Dozens died in the Kharkiv market attack on civilians.")
    attack = [e for e in events if e.type == "ASSAULT"]
    assert attack, events
    assert attack[0].actor is None or attack[0].actor.text != "Kharkiv"
    assert attack[0].place is not None and attack[0].place.text == "Kharkiv"


def test_a_nationality_modifier_is_the_actor_of_an_event_noun(parse):
    events = _events(parse, "Residents described the Israeli strike on the building.")
    strike = [e for e in events if e.type == "ASSAULT"]
    assert strike and strike[0].actor is not None and strike[0].actor.text == "Israeli"


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("The army struck the depot before dawn.", "ASSAULT"),
        ("Drones struck a power plant overnight.", "ASSAULT"),
        ("Police released the two journalists.", "RETREAT"),
        ("Ukraine cut off gas supplies to Moldova.", "SANCTION"),
        ("The opposition attacked the government's plan.", "ACCUSE"),
        ("Gunmen attacked a checkpoint.", "ASSAULT"),
        ("Police fired on protesters.", "ASSAULT"),
        ("Thousands demonstrated outside the embassy.", "PROTEST"),
        ("The rebels were armed by Iran.", "AID"),
        ("Iran executed two prisoners.", "ASSAULT"),
        ("The United States helped the refugees.", "AID"),
        ("Troops destroyed the village.", "COERCE"),
        ("The king welcomed the president.", "CONSULT"),
        ("Gunmen assassinated the governor.", "ASSAULT"),
        ("The ambassador whom Russia recalled arrived home.", "SANCTION"),
        ("Hamas asked Egypt to mediate.", "REQUEST"),
        ("Prosecutors pushed for 35 years in prison.", "REQUEST"),
        ("The rebels yielded to the army's demands.", "CONCEDE"),
        ("The US reduced aid to Egypt.", "SANCTION"),
        ("Russia called up 300,000 reservists.", "MOBILIZE"),
        ("The judge granted the network's request for a restraining order.", "CONCEDE"),
        ("The minister called on Israel to withdraw.", "REQUEST"),
        ("He said the police must release the editor.", "REQUEST"),
    ],
)
def test_polysemous_verbs_coded_by_what_they_act_on(parse, sentence, etype):
    assert etype in {e.type for e in _events(parse, sentence)}


@pytest.mark.parametrize(
    ("sentence", "not_type"),
    [
        ("The army struck the depot before dawn.", "PROTEST"),
        ("The group released a video of the blast.", "RETREAT"),
        ("The guards cut off his finger.", "SANCTION"),
        ("The president fired the minister.", "ASSAULT"),
        ("Later, the White House fired James Goldstein.", "ASSAULT"),
        ("He is demonstrating that he is not fit to sit on the bench.", "PROTEST"),
        ("The suspect was armed with a rifle.", "AID"),
        ("Police confronted a woman armed with a microphone.", "AID"),
        ("Officers executed the search warrant.", "ASSAULT"),
        ("The misrepresentation destroyed any remaining confidence.", "COERCE"),
        ("The judge has always welcomed criticism.", "CONSULT"),
        ("They attempted to assassinate the judge's character.", "ASSAULT"),
        ("This was demonstrated by the attorneys in court.", "PROTEST"),
        ("On September 6, an officer called the police dispatch.", "REQUEST"),
        ("The police found nothing in a search warrant they executed on the home.", "ASSAULT"),
        ("There will be many who do not recall.", "SANCTION"),
        ("A water conservation law helped fuel the rise in pollution.", "AID"),
        ("Data collected by the telescope supported the existence of the plumes.", "SUPPORT"),
        ("The delay allowed the rains to arrive.", "CONCEDE"),
        ("Benchmark notes rose in price to yield 1.786%.", "CONCEDE"),
        ("Norway's oil production beat forecasts.", "ASSAULT"),
        ("The plan aims to reduce the number of alarms.", "SANCTION"),
        ("So I called her up and asked her.", "MOBILIZE"),
        ("Officials spoke in a conference call with the media.", "REQUEST"),
        ("Mr. Acosta asked the President two questions.", "REQUEST"),
        ("Ellison first sought office in 1998.", "REQUEST"),
        ("The judge granted the network's request for a restraining order.", "AID"),
        ("He said the police should not have made that claim.", "REQUEST"),
        ("The company fired Acme Corp as its auditor.", "ASSAULT"),
        ("The opposition attacked the government's plan.", "ASSAULT"),
    ],
)
def test_polysemous_verbs_not_coded_as_the_other_sense(parse, sentence, not_type):
    assert not_type not in {e.type for e in _events(parse, sentence)}


@pytest.mark.parametrize(
    ("sentence", "demand"),
    [
        ("The army insisted it had not fired at the hospital.", False),
        ("Clinton insists he does not owe Lewinsky an apology.", False),
        ("The minister insisted that Israel withdraw its troops.", True),
        ("Hamas insisted that Israel must release the prisoners.", True),
        ("Kyiv insisted on the return of all prisoners.", True),
    ],
)
def test_insisting_demands_only_what_must_be_done(parse, sentence, demand):
    assert ("REQUEST" in {e.type for e in _events(parse, sentence)}) == demand


@pytest.mark.parametrize(
    "sentence",
    ["At some point, the officer fired her weapon.", "Police fired at the crowd on multiple occasions."],
)
def test_a_moment_is_not_a_target(parse, sentence):
    for event in _events(parse, sentence):
        assert event.target is None or not {"point", "occasions"} & set(event.target.text.split())


def test_a_date_is_not_a_target(parse):
    for event in _events(parse, "The rebels attacked the garrison on the morning of June 27."):
        assert event.target is None or "June" not in event.target.text


def test_actor_and_target_are_not_the_same_party(parse):
    for event in _events(parse, "Smith accused Smith of lying, the report said."):
        if event.actor is not None and event.target is not None:
            assert event.actor.text != event.target.text


def test_a_fired_projectile_is_the_instrument_and_its_aim_the_target(parse):
    (event,) = [e for e in _events(parse, "Troops fired rockets at the village.") if e.type == "ASSAULT"]
    assert event.target is not None and event.target.text == "village"


def test_a_pronoun_participant_takes_its_referents_name(parse):
    events = _events(parse, "Maria Petrova met the envoy. She later accused the governor of lying.")
    (accuse,) = [e for e in events if e.type == "ACCUSE"]
    assert accuse.actor is not None and accuse.actor.text == "She"
    assert accuse.actor.canonical == "Maria Petrova" and accuse.actor.inferred


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("Soldiers detained a local journalist, Maria Ivanova.", "target", "Maria Ivanova"),
        ("A rival faction, the Wagner Group, attacked the convoy.", "actor", "Wagner Group"),
    ],
)
def test_a_description_named_in_apposition_is_the_party_named(parse, text, role, name):
    (event,) = _events(parse, text)
    mention = getattr(event, role)
    assert mention is not None and mention.canonical is not None and name in mention.canonical


def test_a_description_without_a_name_keeps_no_canonical(parse):
    (event,) = _events(parse, "Soldiers detained a local journalist on Monday.")
    assert event.target is not None and event.target.canonical is None


def test_a_relative_clause_after_a_name_is_about_the_name_not_a_noun_further_back(parse):
    events = _events(parse, "The army pinned the blame on Islamic Jihad, which dismissed the claims.")
    reject = next(e for e in events if e.type == "REJECT")
    assert reject.actor is not None and "Islamic Jihad" in reject.actor.text
    events = _events(parse, "Police detained the brothers, who had attacked the guards.")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.text == "brothers"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The United States warned the authorities about a possible attack.", "COOPERATE"),
        ("Iran warned Israel of a harsh response.", "THREATEN"),
        ("The general warned of a possible attack.", "THREATEN"),  # no one warned: no intelligence passed
    ],
)
def test_warning_someone_of_an_attack_passes_on_intelligence_but_a_warning_of_ones_response_threatens(
        parse, text, kind):
    assert [e.type for e in _events(parse, text)] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what two sides exchange decides the event
        ("The two armies exchanged fire across the border.", "ASSAULT"),
        ("The two governments traded accusations at the council.", "ACCUSE"),
        ("The two countries exchanged intelligence on the smugglers.", "COOPERATE"),
        # a charge by a court or prosecutor is legal action, by anyone else an accusation
        ("Prosecutors charged the four men with murder.", "COERCE"),
        ("The district court charged the suspects with terrorism.", "COERCE"),
        ("The opposition leader charged the government with corruption.", "ACCUSE"),
    ],
)
def test_who_acts_and_on_what_decides_a_polysemous_verb(parse, text, kind):
    assert kind in [e.type for e in _events(parse, text)]


def test_the_subject_of_a_causative_passive_was_acted_on_not_the_actor(parse):
    events = _events(parse, "Dozens of activists had their passports confiscated by the police.")
    seized = [e for e in events if e.type == "COERCE"]
    assert seized, events
    assert seized[0].actor is not None and seized[0].actor.text == "police"
    assert seized[0].target is not None and "passports" in seized[0].target.text


def test_a_body_part_cut_off_is_no_supply_cut_off(parse):
    events = _events(parse, "One of the suspects had his ear cut off during interrogation.")
    assert not any(e.type == "SANCTION" for e in events), events
    assert not any(e.actor is not None and "ear" in e.actor.text for e in events), events


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("The blast killed 20 people at the market.", None),
        ("A rocket hit the hospital on Tuesday.", None),
        ("A Hamas rocket hit the school.", "Hamas"),
        ("An Israeli missile hit the clinic.", "Israeli"),
    ],
)
def test_a_happening_or_a_weapon_is_no_actor_but_the_party_it_names_is(parse, sentence, actor):
    hits = [e for e in _events(parse, sentence) if e.type == "ASSAULT"]
    assert hits, sentence
    assert (hits[0].actor.text if hits[0].actor is not None else None) == actor


def test_a_verb_coordinated_with_failed_still_happened(parse):
    text = "The launch failed and the rocket hit the hospital."
    hits = [e for e in _events(parse, text) if e.type == "ASSAULT"]
    assert hits and not hits[0].negated
    failed = [e for e in _events(parse, "Police failed to arrest the suspects.") if e.type == "COERCE"]
    assert failed and failed[0].negated


@pytest.mark.parametrize(
    "text",
    ["The army denied carrying out air strikes near the school.",
     "The ministry denies that its troops shelled the market."],
)
def test_an_act_a_party_denies_is_told_as_not_done(parse, text):
    hits = [e for e in _events(parse, text) if e.type == "ASSAULT"]
    assert hits and all(e.negated for e in hits)
    assert any(e.type == "REJECT" and not e.negated for e in _events(parse, text))  # the denial happened


def test_a_request_denied_is_refused_and_negates_nothing_under_it(parse):
    text = ("Their appeals were denied for lack of changed conditions in the country they are being "
            "deported to that would give them another claim.")
    deported = [e for e in _events(parse, text) if e.type == "COERCE"]
    assert deported and not any(e.negated for e in deported)


def test_a_that_clause_parsed_as_a_relative_clause_keeps_its_own_subject(parse):
    # "that" taken for the subject of a relative clause on "briefing", which has its own subject
    text = ("Spokesman Ivan Petrov told a press briefing that at the time of the strike, the Georgian army "
            "was not conducting air operations near the school.")
    (operations,) = [e for e in _events(parse, text) if e.type == "ASSAULT"]
    assert operations.actor is not None and operations.actor.text == "Georgian army"
    assert operations.negated and "briefing" not in operations.evidence.text


def test_co_agents_of_a_passive_are_no_target_of_each_other(parse):
    text = "Many rockets launched by Hamas and Islamic Jihad fell short inside Gaza."
    for event in _events(parse, text):
        assert event.target is None or "Jihad" not in event.target.text, event


def test_a_day_named_as_possessive_dates_the_act_and_is_no_participant(parse):
    events = _events(parse, "Twelve people were arrested over Tuesday's bombing, which killed nine people.")
    bombing = [e for e in events if e.type == "ASSAULT" and e.mode != "kill"]
    assert bombing, events
    assert all(e.actor is None or "Tuesday" not in e.actor.text for e in events)
    assert all(e.target is None or "Tuesday" not in e.target.text for e in events)


def test_a_participle_telling_what_an_attack_did_is_reported(parse):
    text = "Police named suspects in the attack, which saw gunmen set the hall ablaze, killing 40 people."
    kills = [e for e in _events(parse, text) if e.mode == "kill"]
    assert kills and kills[0].modality == "asserted" and not kills[0].negated
    assert kills[0].target is not None and "40 people" in kills[0].target.text


def test_who_is_called_on_to_act_is_the_actor_of_the_act(parse):
    events = event_mentions(parse("The militant group called on its supporters to attack the army."))
    (attack,) = [e for e in events if "'attack'" in e.why]
    assert attack.actor is not None and attack.actor.text == "its supporters"


def test_by_the_hands_of_names_the_agent(parse):
    (attack,) = event_mentions(parse("The attack was carried out by the hands of the special services."))
    assert attack.actor is not None and attack.actor.text == "special services"

