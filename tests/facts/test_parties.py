"""Who carried out the act a story is about: party facts and when two of them disagree."""

from __future__ import annotations

import pytest
from tests.helpers.facts import stated

from presslens.facts import Fact, claim_facts, facts_disagree, parties_disagree, party_sides
from presslens.models import Claim, Mention, TextSpan


def _parties(text: str, speaker: str = "the ministry", own_voice: bool = False) -> list[Fact]:
    return stated(text, "party", speaker, own_voice)


@pytest.mark.parametrize(
    ("text", "value", "denied"),
    [
        ("the United States, Britain and Ukraine were behind the concert hall attack",
         "the United States, Britain and Ukraine", False),
        ("there was no indication that Ukraine was behind the attack", "Ukraine", True),
        ("hundreds were killed in an Israeli air raid on a hospital", "Israeli", False),
        ("the hospital was hit by a failed rocket launched by the Islamic Jihad group", "Islamic Jihad",
         False),
        ("the blast was caused by a missile that was launched from within Gaza", "Gaza", False),
        ("Israel probably did not bomb the hospital", "Israel", True),
        ("the army blamed Islamic Jihad which, in turn, dismissed the claims", "Islamic Jihad", True),
        ("Al Jazeera disputed the army's claim that it was a failed rocket launched by the Islamic Jihad",
         "Islamic Jihad", True),
        ("Kyiv had nothing to do with the attack", "Kyiv", True),
        ("Serbia was not involved in the shelling", "Serbia", True),
        ("the Kremlin has had no role in the poisoning", "the Kremlin", True),
        ("Hezbollah wasn't responsible for the blast", "Hezbollah", True),
        ("the blast was likely caused by a misfiring Palestinian rocket", "Palestinian", False),
        ("nothing says it was a strike, but the most likely (scenario) is a Lebanese rocket", "Lebanese",
         False),
        ("The most probable explanation is a Russian missile", "Russian", False),
        ("allegations of Georgian involvement are “absurd”", "Georgian", True),
        ("claims of Serbian complicity were false", "Serbian", True),
        ("the gunmen had contacts on Georgian soil", "Georgian", False),
        ("the attackers had links to the Moldovan special services", "Moldovan", False),
        ("The great responsible [person] is Lukashenko himself", "Lukashenko", False),
    ],
)
def test_statements_of_who_did_it(text: str, value: str, denied: bool) -> None:
    (fact,) = _parties(text)
    assert (fact.attribute, fact.value, fact.denied) == ("responsibility", value, denied)


def test_a_party_told_in_what_the_speaker_rejects_is_denied() -> None:
    """The content of "denied that ..." is what the speaker says did not happen."""
    text = "that a failed rocket launched by the Islamic Jihad hit the hospital"
    span = TextSpan(text=text, start=0, end=len(text))
    for act, denied in (("REJECT", True), (None, False)):
        claim = Claim(speaker=Mention(text="Hamas"), cue=TextSpan(text="denied", start=0, end=6),
                      content=span, evidence=span, act=act)
        assert [(f.value, f.denied) for f in claim_facts(claim, text)] == [("Islamic Jihad", denied)]


def test_a_pronoun_is_the_source_that_speaks_and_no_one_in_the_outlets_voice() -> None:
    (fact,) = _parties("it was responsible for the attack", speaker="Islamic State")
    assert fact.value == "Islamic State"
    assert _parties("it was responsible for the attack", own_voice=True) == []


def test_a_pronoun_denying_a_part_is_the_source_that_speaks() -> None:
    (fact,) = _parties("we had nothing to do with the attack", speaker="the Interior Ministry")
    assert (fact.value, fact.denied) == ("the Interior Ministry", True)


def test_a_possessive_name_stands_for_its_country() -> None:
    assert party_sides("Ukraine’s foreign ministry")[0] == party_sides("Ukraine")[0] != frozenset()


def test_a_weapon_names_who_is_to_blame_only_tied_to_the_harm_or_called_a_misfire() -> None:
    assert [f.value for f in _parties("a school was hit by a Russian missile on Monday")] == ["Russian"]
    assert [f.value for f in _parties("a failed Hamas rocket launch killed hundreds")] == ["Hamas"]
    assert _parties("a Russian missile struck Kyiv while a Ukrainian drone hit Belgorod") == []


def test_responsibility_for_something_that_is_no_act_of_harm_is_no_party() -> None:
    assert _parties("So, Rome is responsible for the situation of the Church in Spain") == []
    assert [f.value for f in _parties("Hamas was responsible for the deadly attack")] == ["Hamas"]


def test_a_party_left_open_is_not_stated() -> None:
    assert _parties("I don't know whether it was an Israeli air strike") == []
    assert _parties("the crater was too small to have been caused by an Israeli missile") == []


def test_party_sides_reads_countries_and_names() -> None:
    assert party_sides("a failed Palestinian Islamic Jihad (PIJ)") == (
        frozenset({"PS"}), frozenset({"islamic", "jihad", "pij"}))
    assert party_sides("the Kremlin") == (frozenset({"RU"}), frozenset())


def _fact(value: str, denied: bool = False) -> Fact:
    return Fact(None, "responsibility", "party", value, 0, 1, denied=denied)


PALESTINE = {"islamic": frozenset({"PS"}), "jihad": frozenset({"PS"}), "hamas": frozenset({"PS"})}


@pytest.mark.parametrize(
    ("a", "b", "level", "disagree"),
    [
        ("Israeli", "Islamic Jihad", "side", True),
        ("Gaza", "Palestinian", "side", False),
        ("Palestinian", "Islamic Jihad", "side", False),  # generic vs specific
        ("Hamas", "Islamic Jihad", "side", False),  # one side ...
        ("Hamas", "Islamic Jihad", "group", True),  # ... two groups
        ("Palestinian", "Islamic Jihad", "group", False),
        ("Islamic State", "the United States, Britain and Ukraine", "side", True),
        ("ISIS-K", "Islamic State in Khorasan Province", "group", False),  # an acronym may be the name
    ],
)
def test_parties_disagree_by_side_then_by_group(a: str, b: str, level: str, disagree: bool) -> None:
    assert parties_disagree(_fact(a), _fact(b), PALESTINE, level=level) is disagree


def test_a_denial_disagrees_only_with_naming_the_same_party() -> None:
    assert parties_disagree(_fact("Ukraine", denied=True), _fact("the United States, Britain and Ukraine"))
    assert not parties_disagree(_fact("Ukraine", denied=True), _fact("Islamic State"))
    assert not parties_disagree(_fact("Ukraine", denied=True), _fact("Israel", denied=True))


def test_not_one_party_but_another_denies_the_first_and_states_the_second() -> None:
    facts = _parties(
        "the explosion was not the result of a Syrian air strike, but likely caused by a Kurdish rocket"
    )
    assert {(f.value, f.denied) for f in facts} == {("Syrian", True), ("Kurdish", False)}


def _places(text: str) -> list[Fact]:
    return stated(text, "place")


@pytest.mark.parametrize(
    ("text", "value", "denied"),
    [
        ("the gunmen planned to flee to Georgia", "Georgia", False),
        ("they tried to escape and were moving towards Armenia", "Armenia", False),
        ("the suspects were trying to make off heading towards the Georgian border", "Georgian", False),
        ("the men who managed to escape after the attack intended to enter Turkey", "Turkey", False),
        ("the attackers attempted to hide in Azerbaijan", "Azerbaijan", False),
        ("the Georgian side had prepared ‘a gap’ in the fence for them", "Georgian", False),
        ("a window to cross the border was prepared on the Armenian side", "Armenian", False),
        ("the version that the gunmen were fleeing toward Georgia does not withstand any criticism",
         "Georgia", True),
    ],
)
def test_statements_of_where_they_were_heading(text: str, value: str, denied: bool) -> None:
    assert [(f.value, f.denied) for f in _places(text)][:1] == [(value, denied)]


def test_going_somewhere_without_fleeing_is_no_destination() -> None:
    assert _places("the minister travelled to Georgia for talks") == []
    assert _places("thousands went to Armenia on holiday") == []


def test_destinations_disagree_by_country() -> None:
    (ukraine,), (belarus,), (border,) = (_places(t) for t in (
        "they planned to flee to Ukraine", "they intended to escape into Belarus",
        "they fled towards the Ukrainian border"))
    (not_ukraine,) = _places("the version that they fled to Ukraine does not hold water")
    (city,) = _places("they fled to Bryansk")
    assert facts_disagree(ukraine, belarus) and not facts_disagree(ukraine, border)
    assert facts_disagree(not_ukraine, border) and not facts_disagree(not_ukraine, belarus)
    assert not facts_disagree(city, ukraine)  # a place no country is known for lies on the way to any


def test_hiding_something_or_a_dotted_name_is_read_right() -> None:
    assert _places("Senator Hid Efforts to Aid Iran’s Windfall") == []
    (us,) = _places("he fled to the U.S. embassy and was sheltered")
    assert us.value == "U.S." and party_sides(us.value)[0] == {"US"}
