"""PLOVER's target is the party an act is directed at, not the thing or act it names (PLOVER
manual 0.8, "Event data fields"); an actor named in the event's own sentence is that name."""

from __future__ import annotations

import pytest

from presslens.extract.events import event_mentions, plover_code
from presslens.models import Event
from presslens.nlp.extensions import register_extensions

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse(nlp):
    register_extensions()
    return nlp


def _event(parse, text: str, etype: str) -> Event:
    events = [e for e in event_mentions(parse(text)) if plover_code(e) == etype or e.type == etype]
    assert events, event_mentions(parse(text))
    return events[0]


def _text(mention) -> str | None:
    return mention.text if mention is not None else None


def test_the_subject_of_willing_acts_in_its_complement(parse):
    event = _event(parse, "Denmark is willing to send doctors to help Chad.", "AID")
    assert _text(event.actor) == "Denmark"


def test_a_possessed_group_is_the_theme_and_the_party_it_leaves_is_the_target(parse):
    event = _event(parse, "Chile withdrew its troops from Peru.", "RETREAT")
    assert _text(event.target) == "Peru"


def test_a_pronoun_with_its_antecedent_in_the_sentence_points_at_the_name(parse):
    text = "Ghana said on Monday it had released the sailors."
    event = _event(parse, text, "RETREAT")
    assert event.actor is not None and event.actor.inferred
    assert _text(event.actor) == "Ghana" and text[event.actor.start : event.actor.end] == "Ghana"


def test_the_subject_of_a_demand_clause_is_the_target_of_the_demand(parse):
    event = _event(parse, "The union repeated its demand that Canada lower its tariffs.", "REQUEST")
    assert _text(event.target) == "Canada"


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("Farmers staged a protest.", "PROTEST"),
        ("The guerrillas began a hunger strike.", "PROTEST"),
    ],
)
def test_an_act_named_by_the_object_is_not_the_target(parse, sentence, etype):
    assert _event(parse, sentence, etype).target is None


def test_a_named_site_before_an_attack_is_what_it_hit_not_who_attacked(parse):
    event = _event(parse, "After the Crocus City Hall attack, police arrested four men.", "ASSAULT")
    assert event.actor is None
    assert "Crocus City Hall" in _text(event.target)


def test_a_meeting_has_the_person_met_as_target_not_the_subject_again(parse):
    event = _event(parse, "Putin met the envoy in Moscow.", "CONSULT")
    assert event.target is not None and event.target.text == "envoy"
    assert event.target.canonical != "Putin"


@pytest.mark.parametrize(
    "sentence",
    ["The officers were met with gunfire.", "The proposal was met with fierce criticism from Moscow."],
)
def test_being_met_with_something_is_no_meeting(parse, sentence):
    assert "CONSULT" not in {e.type for e in event_mentions(parse(sentence))}


@pytest.mark.parametrize(
    "sentence",
    ["The 1918 flu killed 50 million people.", "Cholera killed 200 people in Haiti.",
     "A devastating epidemic could kill millions of people."],
)
def test_a_disease_kills_without_being_an_actor(parse, sentence):
    events = [e for e in event_mentions(parse(sentence)) if e.type == "ASSAULT"]
    assert events and all(e.actor is None for e in events)


@pytest.mark.parametrize(
    "sentence", ["Thousands of dock workers went on strike on Monday.", "Nurses in Leeds will go on strike."]
)
def test_going_on_strike_is_a_labour_protest_not_an_assault(parse, sentence):
    types = {e.type for e in event_mentions(parse(sentence))}
    assert "PROTEST" in types and "ASSAULT" not in types


def test_the_place_of_a_measure_is_its_target_when_no_party_is_named(parse):
    event = _event(parse, "The army imposed a curfew in Lagos.", "COERCE")
    assert _text(event.target) == "Lagos"


def test_a_visit_taken_by_a_verb_of_going_has_the_traveller_as_actor(parse):
    event = _event(parse, "The Indian prime minister arrived in Dhaka on a visit.", "CONSULT")
    assert event.actor is not None and "prime minister" in event.actor.text
    assert _text(event.target) == "Dhaka"


def test_a_victim_of_an_act_is_not_its_actor(parse):
    events = [
        e for e in event_mentions(parse("Two men died in an attack on the village.")) if e.type == "ASSAULT"
    ]
    assert all(e.actor is None for e in events)


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("The rebels took to the streets and turned down the offer.", "REJECT"),
        ("Police cracked down on the opposition.", "COERCE"),
        ("The ministry froze the group's assets.", "SANCTION"),
        ("Moscow pulled its forces out of the region.", "RETREAT"),
        ("Militants besieged the garrison.", "ASSAULT"),
        ("A siege of the town by the rebels began in May.", "ASSAULT"),
    ],
)
def test_further_cameo_category_verbs(parse, sentence, etype):
    assert any(plover_code(e) == etype for e in event_mentions(parse(sentence)))


@pytest.mark.parametrize(
    ("sentence", "etype", "target"),
    [
        # the party inside an act named by the object
        ("Chile rejected calls by Peru to reopen the border.", "REJECT", "Peru"),
        ("Norway began a mediation mission between Chad and Sudan.", "CONSULT", "Chad"),
        # the party beyond an act or a shipment
        ("Sanctions were imposed on Iran.", "SANCTION", "Iran"),
        ("Japan supplied tents and blankets to the Haitian government.", "AID", "Haitian government"),
        ("The agency cut food supplies to a Cambodian refugee camp.", "SANCTION", "Cambodian refugee camp"),
        ("The army lifted the state of emergency in the province of Aceh.", "CONCEDE", "Aceh"),
    ],
)
def test_the_party_inside_or_beyond_an_act_or_a_shipment_is_the_target(parse, sentence, etype, target):
    event = _event(parse, sentence, etype)
    assert event.target is not None and target in event.target.text


def test_a_promise_to_do_harm_is_a_threat(parse):
    events = event_mentions(parse("The rebels vowed to attack the capital."))
    assert [plover_code(e) for e in events] == ["THREATEN"]


def test_readiness_to_act_is_stated_by_the_subject_of_the_sentence(parse):
    event = _event(parse, "Iran expressed readiness to negotiate with the agency.", "AGREE")
    assert _text(event.actor) == "Iran"


def test_a_negated_cooperative_act_is_a_rejection(parse):
    event = _event(parse, "The government did not allow observers into the region.", "REJECT")
    assert event.negated and event.type == "CONCEDE"


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("France deployed peacekeepers to Mali.", "AID"),
        ("The union filed a lawsuit against the ministry.", "ACCUSE"),
        ("The militia committed a massacre in the village.", "ASSAULT"),
    ],
)
def test_codebook_phrases(parse, sentence, etype):
    assert plover_code(_event(parse, sentence, etype)) == etype


def test_an_act_as_subject_stands_for_the_actor_it_names(parse):
    events = event_mentions(parse("Israeli strikes killed 20 people in the camp."))
    kill = [e for e in events if e.mode == "kill"]
    assert kill and _text(kill[0].actor) == "Israeli"


def test_a_stative_passive_is_held_by_its_subject(parse):
    event = _event(parse, "Israel is opposed to French mediation in the talks.", "REJECT")
    assert _text(event.actor) == "Israel" and _text(event.target) == "French"


def test_a_condemnation_of_an_act_targets_its_doer(parse):
    event = _event(parse, "Egypt condemned Israel's strike on Gaza.", "ACCUSE")
    assert _text(event.target) == "Israel"


def test_a_reminder_that_someone_must_act_is_a_demand(parse):
    text = "The president issued a stern reminder to Chile that it must cooperate with the inspectors."
    event = _event(parse, text, "REQUEST")
    assert _text(event.actor) == "president" and _text(event.target) == "Chile"


def test_a_relative_clause_after_the_place_of_an_act_tells_of_the_act(parse):
    text = "Crowds gathered after the attack on the theatre that killed twelve people."
    kills = [e for e in event_mentions(parse(text)) if e.mode == "kill"]
    assert kills and all(_text(e.actor) is None for e in kills)


def test_a_launched_rocket_is_the_weapon_and_its_launcher_the_actor(parse):
    event = _event(parse, "The blast was caused by a rocket launched by the rebels.", "ASSAULT")
    assert _text(event.actor) == "rebels" and event.target is None


def test_a_site_modifying_an_attack_noun_is_its_target_but_a_weapon_is_not(parse):
    site = _event(parse, "The school attack in Kano shocked the nation.", "ASSAULT")
    assert _text(site.target) == "school"
    weapons = [e for e in event_mentions(parse("The drone attack in Kano shocked the nation."))
               if e.type == "ASSAULT"]
    assert all(_text(e.target) != "drone" for e in weapons)


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Chile rejected a Peruvian request to extradite the banker.", "Peruvian"),
        ("Kenya turned down an offer from Uganda to mediate.", "Uganda"),
        ("Norway rejected a U.S. demand for lower fishing quotas.", "U.S."),
    ],
)
def test_who_made_a_request_or_offer_is_the_target_of_its_rejection(parse, sentence, target):
    assert _text(_event(parse, sentence, "REJECT").target) == target


def test_a_place_name_on_an_attack_is_still_where_not_who(parse):
    events = event_mentions(parse("Dozens died in the Kharkiv market attack."))
    events = [e for e in events if e.type == "ASSAULT"]
    assert events and (events[0].actor is None or events[0].actor.text != "Kharkiv")


def test_the_party_a_called_for_measure_is_against_is_the_target(parse):
    event = _event(parse, "The bishop called for sanctions against Zimbabwe.", "ACCUSE")
    assert _text(event.target) == "Zimbabwe"


def test_an_office_of_a_named_state_is_a_party_to_offer_talks_to(parse):
    event = _event(parse, "Georgia offered to negotiate with the president of Armenia.", "AGREE")
    assert _text(event.target) == "president of Armenia"


@pytest.mark.parametrize(
    ("sentence", "etype", "target"),
    [
        # the parser labels this "to" dative: its object is who receives, never the word "to"
        ("France is providing intelligence to Chad.", "AID", "Chad"),
        ("Norway provided weapons and other military equipment to Estonia last year.", "AID", "Estonia"),
        # the noun of a verb+noun pattern addressed to a party
        ("Ghana issued an ultimatum to Togo on Monday.", "THREATEN", "Togo"),
    ],
)
def test_who_an_act_or_its_named_thing_is_addressed_to_is_the_target(parse, sentence, etype, target):
    assert _text(_event(parse, sentence, etype).target) == target


def test_the_possessor_of_a_pattern_noun_is_the_actors_own_not_a_target(parse):
    event = _event(parse, "Kenya closed its borders on Monday.", "SANCTION")
    assert _text(event.target) != "its"


@pytest.mark.parametrize(
    ("sentence", "etype", "target"),
    [
        ("Students rallied in Dhaka on Friday to demand the resignation of the prime minister.",
         "PROTEST", "prime minister"),
        ("Soldiers opened fire to disperse the protesters.", "ASSAULT", "protesters"),
    ],
)
def test_an_act_without_a_target_is_aimed_where_its_purpose_is(parse, sentence, etype, target):
    assert _text(_event(parse, sentence, etype).target) == target


def test_a_protest_with_no_demand_keeps_its_place(parse):
    assert _text(_event(parse, "Students rallied in Dhaka on Friday.", "PROTEST").target) == "Dhaka"


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Dockers marched in protest at the closure of the port by the navy.", "navy"),
        ("Crowds marched through Minsk in defiance of the police.", "police"),
        ("Farmers protested against the government's refusal to cut fuel taxes.", "government"),
    ],
)
def test_a_protest_is_aimed_at_who_did_what_it_protests(parse, sentence, target):
    events = [e for e in event_mentions(parse(sentence)) if e.type in ("PROTEST", "ACCUSE")]
    assert events and _text(events[0].target) == target


def test_in_protest_of_is_the_stance_of_the_act_not_a_protest_of_its_own(parse):
    text = ("Miners are continuing a hunger strike in protest of the Polish government's refusal"
            " to reopen the pit.")
    protests = [e for e in event_mentions(parse(text)) if e.type == "PROTEST"]
    assert [_text(e.actor) for e in protests] == ["Miners"]
    assert _text(protests[0].target) == "Polish government"


def test_a_body_is_no_act_and_its_possessed_refusal_has_no_target_in_itself(parse):
    refusal = _event(parse, "The Russian government's refusal to extradite him angered Kyiv.", "REJECT")
    assert _text(refusal.actor) == "Russian government"
    assert _text(refusal.target) not in ("Russian", "Russian government")
    protest = _event(parse, "Protesters rallied against the commission.", "PROTEST")
    assert _text(protest.target) == "commission"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The two foreign ministers met in Geneva on Monday.", None),
        ("The two delegations held talks in Vienna.", None),
        ("The king arrived in Amman on a state visit.", "Amman"),
        ("The army imposed a curfew in Kirkuk.", "Kirkuk"),
    ],
)
def test_a_meeting_place_is_the_venue_but_a_visited_or_policed_place_is_the_target(parse, text, target):
    event = _event(parse, text, "CONSULT" if "curfew" not in text else "COERCE")
    assert _text(event.target) == target
