"""Events through the whole pipeline: headings, datelines and dates as an article has them."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.models import Article, Document
from presslens.pipeline import Pipeline

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2024, 3, 25)  # a Monday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _analyse(pipeline: Pipeline, text: str) -> Document:
    article = Article(id="t", text=text, source="test", language="en", published=PUBLISHED)
    return next(iter(pipeline.analyze_articles([article])))


def test_a_subheading_is_not_a_report(pipeline):
    doc = _analyse(pipeline, "Police detained dozens of people.\n\nCity protests\n\nThe mayor met the envoy.")
    assert not any(e.evidence.text.startswith("City protests") for e in doc.events)
    assert any(e.type == "COERCE" for e in doc.events)


def test_a_dateline_city_does_not_act(pipeline):
    doc = _analyse(pipeline, "LVIV (AP) — Gunmen attacked a checkpoint, killing two guards.")
    actors = [e.actor.text for e in doc.events if e.actor is not None]
    assert actors and not any("LVIV" in a for a in actors)


def test_the_reporting_clause_dates_the_reported_act(pipeline):
    doc = _analyse(pipeline, "Officials said on Saturday that police had arrested two suspects.")
    arrest = next(e for e in doc.events if e.mode == "arrest")
    assert arrest.date == "2024-03-23" and arrest.date_bound is None


def test_an_undated_act_keeps_a_null_date_and_the_publication_bound(pipeline):
    doc = _analyse(pipeline, "Police arrested two suspects near the border.")
    arrest = next(e for e in doc.events if e.mode == "arrest")
    assert arrest.date is None and arrest.date_bound == "2024-03-25"


def _claim_with(doc: Document, word: str):
    return next(c for c in doc.claims if word in c.evidence.text)


def test_a_statement_telling_of_another_partys_attack_accuses_it(pipeline):
    doc = _analyse(pipeline, "The ministry said on Tuesday that Russian troops shelled the village.")
    claim = _claim_with(doc, "shelled")
    assert claim.act == "ACCUSE" and claim.act_target is not None
    assert "Russian troops" in claim.act_target.text and claim.date == "2024-03-19"


def test_a_denial_cue_makes_the_statement_a_rejection(pipeline):
    doc = _analyse(pipeline, "Ukraine's defence ministry denied that its forces had struck the market.")
    claim = _claim_with(doc, "denied")
    assert claim.act == "REJECT"


def test_calling_an_allegation_absurd_rejects_it(pipeline):
    doc = _analyse(pipeline, "The ministry said the allegations of involvement were absurd.")
    assert _claim_with(doc, "absurd").act == "REJECT"


def test_calling_statements_unacceptable_rejects_them(pipeline):
    doc = _analyse(pipeline, "\"We consider such statements totally unacceptable,\" the spokesman said.")
    assert _claim_with(doc, "unacceptable").act == "REJECT"
    doc = _analyse(pipeline, "The ministry said the statement was accurate.")
    assert _claim_with(doc, "accurate").act is None


@pytest.mark.parametrize(
    ("text", "word", "act"),
    [
        ("“The attack on the hospital was not from our forces,” the army said.", "forces", "REJECT"),
        ("The Kremlin said Russian troops did not strike the market.", "market", "REJECT"),
        ("Ukraine's military said it had not attacked the town.", "town", "REJECT"),
        # a part in it denied: the speaker, "it", or a name of the speaker's country
        ("Georgia's foreign ministry said Tbilisi had nothing to do with the bombing.", "nothing", "REJECT"),
        ("The navy said it was not involved in the sinking of the ferry.", "involved", "REJECT"),
        ("A Serbian official said Serbia was not responsible for the riots.", "responsible", "REJECT"),
        ("Greece said Turkey was not involved in the fire.", "involved", None),
        # another party's act denied is no denial by the speaker
        ("The ministry said Israel did not strike the hospital.", "hospital", None),
        ("The Kremlin said Ukrainian troops did not strike the market.", "market", None),
        # a crime named and denied of the speaker's side, the side told by an apposition
        ("Ivan Petrenko, an adviser to Ukraine's president, said Ukraine has never resorted to "
         "terrorist methods.", "terrorist", "REJECT"),
    ],
)
def test_denying_an_act_of_ones_own_side_rejects_the_accusation(pipeline, text, word, act):
    assert _claim_with(_analyse(pipeline, text), word).act == act


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Officials in Kyiv said Russia has never stopped its terrorist attacks.", "terrorist"),
        # the sentence after "according to X," is no apposition of X: the DRM is not Israeli
        ("According to the DRM, the crater was too small to have been caused by an Israeli missile. "
         "The DRM said it was not an Israeli missile strike.", "strike"),
    ],
)
def test_a_crime_denied_of_another_side_is_no_rejection(pipeline, text, word):
    assert _claim_with(_analyse(pipeline, text), word).act != "REJECT"


def test_no_indication_that_a_party_attacked_accuses_no_one(pipeline):
    doc = _analyse(pipeline, "The embassy said there was no indication that Belarus was behind the attack.")
    assert _claim_with(doc, "indication").act is None
    assert all(e.negated for e in doc.events if e.type == "ASSAULT")


def test_a_groups_own_agency_saying_the_group_did_it_accuses_no_one(pipeline):
    doc = _analyse(pipeline, "Hezbollah was behind the bombing, according to its Al-Manar TV station. "
                             "The Kenyan police said the PIJ organization was responsible for the blast.")
    assert _claim_with(doc, "bombing").act is None
    blame = _claim_with(doc, "organization")
    assert blame.act == "ACCUSE" and blame.act_target is not None and "PIJ" in blame.act_target.text


def test_naming_who_carried_out_the_attack_accuses_that_party_but_claiming_it_does_not(pipeline):
    doc = _analyse(pipeline, "The army said Islamic Jihad was responsible for the blast. "
                             "The Islamic State said it was responsible for the attack.")
    blame = _claim_with(doc, "Jihad")
    assert blame.act == "ACCUSE" and blame.act_target is not None and blame.act_target.text == "Islamic Jihad"
    assert _claim_with(doc, "Islamic State").act is None


def test_a_plain_statement_has_no_act_and_keeps_the_publication_bound(pipeline):
    doc = _analyse(pipeline, "The mayor said the roads into the city were open again.")
    claim = _claim_with(doc, "roads")
    assert claim.act is None and claim.date is None and claim.date_bound == "2024-03-25"


def test_a_hedged_report_is_less_solid_than_a_plain_one(pipeline):
    plain = _analyse(pipeline, "Russian troops shelled the village on Sunday.")
    hedged = _analyse(pipeline, "Russian troops reportedly shelled the village on Sunday.")
    (a,), (b,) = ([e for e in d.events if e.type == "ASSAULT"] for d in (plain, hedged))
    assert b.hedged and b.confidence < a.confidence


@pytest.mark.parametrize(
    ("text", "word", "about"),
    [
        ("The embassy said there was no indication that Belarus was behind the blast.", "indication",
         "Belarus"),
        ("The governor said the new bridge over the river would open in May.", "bridge",
         "new bridge over the river"),
        # a happening as the subject: the statement is about it, not about a party it names
        ("The agency said the explosion at the Kherson market was an accident.", "explosion",
         "explosion at the Kherson market"),
    ],
)
def test_a_plain_statement_says_what_party_it_is_about(pipeline, text, word, about):
    claim = _claim_with(_analyse(pipeline, text), word)
    assert claim.act is None and claim.about is not None and claim.about.text == about


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the suspects in the Moscow shooting had planned to flee to Belarus.",
        "Officials said 40 people died when gunmen attacked a concert hall in Moscow.",
        "Officials said 40 people died when gunmen attacked a concert hall on the outskirts of Moscow.",
    ],
)
def test_a_city_named_as_where_it_happened_is_not_what_a_statement_is_about(pipeline, text):
    about = _claim_with(_analyse(pipeline, text), "people" if "died" in text else "suspects").about
    assert about is None or about.text != "Moscow"


def test_a_statement_is_never_about_its_own_speaker(pipeline):
    doc = _analyse(pipeline, "Poland said Poland would close the border crossing on Friday.")
    claim = _claim_with(doc, "border")
    assert claim.about is None or claim.about.text != "Poland"


def test_an_act_denied_as_the_origin_of_harm_is_negated(pipeline):
    doc = _analyse(pipeline, "The fire was not the result of an Iranian drone strike, the navy said.")
    assert [e.negated for e in doc.events if e.type == "ASSAULT"] == [True]


def test_the_focus_of_a_cleft_is_who_acted(pipeline):
    doc = _analyse(pipeline, "The minister said it was rebel fighters that attacked the convoy.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None and "rebel fighters" in attack.actor.text


def test_a_brigade_named_in_the_plural_is_an_organisation_that_says_what_it_did(pipeline):
    doc = _analyse(pipeline, "Hezbollah's Radwan Brigades said it shelled the northern town of Metula.")
    shell = next(e for e in doc.events if e.type == "ASSAULT")
    assert shell.actor is not None and "Radwan Brigades" in (shell.actor.canonical or shell.actor.text)
    assert _claim_with(doc, "shelled").act is None  # a group telling its own act accuses no one


def test_an_acronym_defined_in_parentheses_is_the_same_organisation(pipeline):
    doc = _analyse(pipeline, "The Islamic Revolutionary Guard Corps (IRGC) fired missiles. "
                             "The IRGC said the strikes hit bases.")
    acronyms = [e for e in doc.entities if e.text == "IRGC"]
    assert acronyms and all(e.canonical == "Islamic Revolutionary Guard Corps" for e in acronyms)


def test_a_name_after_a_description_and_a_comma_is_who_speaks(pipeline):
    doc = _analyse(pipeline, "One adviser, Oleksiy Danilov said on Friday that the bridge was closed.")
    assert _claim_with(doc, "bridge").speaker.canonical == "Oleksiy Danilov"


def test_an_undated_past_act_takes_the_news_day_of_the_lede(pipeline):
    doc = _analyse(pipeline, "Four men appeared before a district court on Sunday, facing charges.\n\n"
                             "The judge ordered the men to be held in custody.")
    order = next(e for e in doc.events if "custody" in e.evidence.text or e.mode == "order")
    assert order.date == "2024-03-24" and "lede" in order.why


@pytest.mark.parametrize(
    "lede",
    [
        # a relative clause's day
        "The gunmen who attacked the hall on Friday planned to flee, officials said.",
        "Friday's attack on the hall was the deadliest in decades.",  # a possessive day
        "Police said on Monday that the gunmen planned to flee.",  # the news day is the publication day
    ],
)
def test_a_background_day_in_the_lede_dates_nothing_else(pipeline, lede):
    doc = _analyse(pipeline, lede + "\n\nPolice arrested two suspects near the border.")
    arrest = next(e for e in doc.events if e.mode == "arrest")
    assert arrest.date is None and arrest.date_bound == "2024-03-25"


def test_a_statement_is_not_dated_by_the_day_it_tells_of(pipeline):
    doc = _analyse(pipeline, "The lawyer said the men were detained on Friday. "
                             "Officials said on Saturday that the road was open.")
    assert _claim_with(doc, "detained").date is None
    assert _claim_with(doc, "road").date == "2024-03-23"


def test_an_undated_statement_right_after_the_speakers_dated_one_is_of_that_day(pipeline):
    doc = _analyse(pipeline, "Navalny died on Friday in an Arctic prison.\n\n"
                             "On Saturday, his spokeswoman Kira Yarmysh confirmed that he was dead. "
                             "His mother had been given a notice of the death, Yarmysh said.\n\n"
                             "Police said the roads were open.")
    assert _claim_with(doc, "notice").date == "2024-03-23"
    assert _claim_with(doc, "roads").date != "2024-03-23"  # another speaker: the Saturday is not theirs


@pytest.mark.parametrize(
    ("text", "accuses"),
    [
        ("Novak died in custody on Friday. His spokeswoman said he was murdered.", True),
        ("Novak died in custody on Friday. His team says it was state-sponsored murder.", True),
        ("Novak died on Friday. Officials said he was killed in a crash.", False),
        ("Novak died on Friday. His lawyer said he was not poisoned.", False),
    ],
)
def test_calling_a_death_a_murder_accuses_someone(pipeline, text, accuses):
    claim = next(c for c in _analyse(pipeline, text).claims if "Friday" not in c.content.text)
    assert (claim.act == "ACCUSE") is accuses


def test_a_statement_is_not_dated_by_what_another_statement_of_its_sentence_tells(pipeline):
    doc = _analyse(pipeline, "The president calls the attack a barbaric act and announces a day of "
                             "national mourning for 24 March.")
    assert _claim_with(doc, "barbaric").date is None and _claim_with(doc, "mourning").date is None


def test_a_month_in_a_date_is_no_protest_march(pipeline):
    doc = _analyse(pipeline, "He vowed to punish those behind the attack and declared March 24 a day of "
                             "nationwide mourning. Protesters staged a march through the city.")
    assert [e.evidence.text for e in doc.events if e.type == "PROTEST"] == [
        "Protesters staged a march through the city"]


@pytest.mark.parametrize(
    ("text", "word", "act", "target"),
    [
        ("His widow said she could not believe the news because of the lies of Russia.", "lies",
         "ACCUSE", "Russia"),
        ("The minister said the Kremlin's disinformation had to stop.", "disinformation", "ACCUSE",
         "Kremlin"),
        # a lie nobody is said to tell, or the speaker's own side's, accuses no one
        ("He said that was a lie.", "lie", None, None),
        ("The Russian envoy said Russia's lies were exposed by the West.", "lies", None, None),
    ],
)
def test_calling_a_partys_words_lies_accuses_it(pipeline, text, word, act, target):
    claim = _claim_with(_analyse(pipeline, text), word)
    assert (claim.act, claim.act_target.text if claim.act_target else None) == (act, target)


def test_a_time_zone_is_not_what_a_statement_is_about(pipeline):
    doc = _analyse(pipeline, "The notice gave the time of death as 2:17 pm local time (0917 GMT), "
                             "the lawyer said.")
    about = _claim_with(doc, "notice").about
    assert about is None or "GMT" not in about.text


def test_what_an_attack_did_has_the_attacks_time_not_its_sentences(pipeline):
    doc = _analyse(pipeline, "Three men accused of staging the market bombing that killed 40 people "
                             "appeared in court on Sunday.\n\n"
                             "Crowds mourned on Sunday for Friday's bombing of the market "
                             "that killed 40 people.")
    kills = [e for e in doc.events if e.mode == "kill"]
    assert len(kills) == 2 and kills[0].date is None and kills[1].date == "2024-03-22"


@pytest.mark.parametrize(
    "text",
    [
        "It was the bloodiest attack by any group since the war began.",  # a class compared with
        "It is not acceptable to bomb a school, the minister said.",  # judged in the abstract
        "Why is it so much easier to bomb a school than a base?",  # under the adjective
    ],
)
def test_comparisons_and_judgements_report_no_event(pipeline, text):
    assert not [e for e in _analyse(pipeline, text).events if e.type == "ASSAULT"]


def test_a_party_that_is_willing_to_act_is_not_judged_in_the_abstract(pipeline):
    doc = _analyse(pipeline, "Syria says it is willing to withdraw its troops from Lebanon.")
    assert [e.modality for e in doc.events if e.type == "RETREAT"] == ["intended"]


def test_a_party_ready_to_act_still_intends_it(pipeline):
    doc = _analyse(pipeline, "It was the bloodiest attack in years. "
                             "Israel is ready to strike Iran, the minister said.")
    assert [e.modality for e in doc.events if e.type == "ASSAULT"] == ["intended"]


def test_a_cue_that_accuses_accuses_even_when_the_parse_hangs_its_clause_elsewhere(pipeline):
    doc = _analyse(pipeline, "The premier charged in a statement that militants had attacked the school.")
    claim = _claim_with(doc, "militants")
    assert claim.act == "ACCUSE" and claim.act_target is not None and claim.act_target.text == "militants"
    doc = _analyse(pipeline, "The premier said in a statement that militants had attacked the school.")
    assert _claim_with(doc, "militants").act is None


@pytest.mark.parametrize(
    ("text", "culprit"),
    [
        ("“The main culprit is Lukashenko himself,” the envoy said.", "Lukashenko"),
        ("The foreign minister said the Kremlin was to blame for the poisoning.", "the Kremlin"),
    ],
)
def test_naming_the_culprit_after_the_copula_or_to_blame_accuses_that_party(pipeline, text, culprit):
    claim = _claim_with(_analyse(pipeline, text), culprit.split()[-1])
    assert claim.act == "ACCUSE" and claim.act_target is not None and claim.act_target.text == culprit


def test_a_culprit_that_is_no_named_party_accuses_no_one(pipeline):
    assert _claim_with(_analyse(pipeline, "The official said the real culprit was the weather."),
                       "weather").act is None


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("The ministry said the shelling of the market was a war crime.", "ACCUSE"),
        ("The group said the massacre at the school is a crime of genocide.", "ACCUSE"),
        ("The senator said the new law is a crime against taxpayers.", None),  # no act is called one
        ("The minister said the raid was not a crime.", None),
    ],
)
def test_calling_an_act_a_crime_accuses_whoever_did_it(pipeline, text, act):
    assert _claim_with(_analyse(pipeline, text), "crime").act == act


def test_who_did_it_given_as_an_assessment_accuses_no_one(pipeline):
    # an intelligence finding of likelihood is coded as no act; the same words said outright accuse
    assessed = "The depot fire was likely caused by a misfiring Armenian rocket, the intelligence agency said"
    assert _claim_with(_analyse(pipeline, assessed), "rocket").act is None
    charged = "The depot fire was caused by a misfiring Armenian rocket, the defence ministry said"
    assert _claim_with(_analyse(pipeline, charged), "rocket").act == "ACCUSE"



@pytest.mark.parametrize(
    ("text", "word", "act"),
    [
        ("The Ukrainian military said Russian troops struck the depot.", "depot", "ACCUSE"),
        # an act of the speaker's own side told by it accuses no one
        ("The Russian defence ministry said Russian troops struck the depot.", "depot", None),
        # not knowing whether one's own side did it is no denial either
        ("Israeli military spokesman Daniel Hagari spoke to reporters. "
         "“I don't know whether it was an Israeli air strike,” he said.", "whether", None),
    ],
)
def test_what_a_statement_does_with_an_act_of_its_own_side(pipeline, text, word, act):
    assert _claim_with(_analyse(pipeline, text), word).act == act


def test_a_cue_coded_as_legal_action_makes_no_accusation(pipeline):
    doc = _analyse(pipeline, "The district court formally charged Ivan Petrov and two other men with fraud.")
    assert all(c.act != "ACCUSE" for c in doc.claims)
    assert any(e.type == "COERCE" for e in doc.events)


def test_a_habit_told_in_the_present_is_no_dated_act(pipeline):
    text = "Police arrested two men on Monday.\n\nThe group fires rockets from residential areas."
    doc = _analyse(pipeline, text)
    assert not any("fires rockets" in e.evidence.text for e in doc.events)
    assert any(e.mode == "arrest" for e in doc.events)


def test_a_present_tense_report_with_its_time_is_still_an_act(pipeline):
    text = "Police arrested two men on Monday.\n\nTroops shell the village on Tuesday, officials say."
    doc = _analyse(pipeline, text)
    assert any("shell" in e.evidence.text for e in doc.events if e.type == "ASSAULT")


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("The minister did not mention that the rebels shelled the village.", "shelled", True),
        ("The army never said that Greek troops had crossed the border.", "crossed", True),
        # a subject that names no speaker: no one is told as saying it
        ("Neither Hamas nor Israel has claimed the rebel group fired the rocket.", "fired", True),
        ("No official said that the rebels shelled the village.", "shelled", True),
        ("None of the witnesses said the police fired first.", "fired", True),
        # what is denied inside the content is a statement all the same
        ("The ministry said Russian troops did not shell the village.", "shell", False),
    ],
)
def test_a_claim_told_as_not_made_states_nothing(pipeline, text, word, negated):
    claim = _claim_with(_analyse(pipeline, text), word)
    assert claim.negated is negated
    if negated:
        assert claim.act is None and claim.act_target is None


@pytest.mark.parametrize(
    ("text", "word", "act", "target"),
    [
        ("The security service said the gunmen planned to flee to Georgia.", "flee", "ACCUSE", "Georgia"),
        ("The president said the suspects were trying to escape towards Georgia.", "escape", "ACCUSE",
         "Georgia"),
        ("The agency said the attackers had contacts on the Georgian side.", "contacts", "ACCUSE",
         "Georgian"),
        ("The ministry said Georgia had armed the gunmen.", "armed", "ACCUSE", "Georgia"),
        ("The president said the Georgian side had prepared a gap in the fence for the attackers to cross.",
         "gap", "ACCUSE", "Georgian"),
        # a claiming verb is no reported allegation; "planned" hung on the crime the perpetrators are of
        ("Officials claimed that the gunmen planned to flee to Georgia.", "flee", "ACCUSE", "Georgia"),
        ("The minister claimed that the suspected perpetrators of the Tbilisi bombing allegedly planned to "
         "flee to Armenia, without providing evidence.", "flee", "ACCUSE", "Armenia"),
        # not implicated: a negated escape, fugitives who are no perpetrators, a border, a dismissed
        # version, help to others than the perpetrators
        ("The ministry said Georgia had armed the army.", "armed", None, None),
        # "they": the perpetrators when they are the last plural subject, not when refugees are
        ("Gunmen opened fire at the hall, according to the police. \"They tried to escape towards "
         "Georgia,\" the president claimed.", "escape", "ACCUSE", "Georgia"),
        ("The police said the refugees were tired. They tried to escape to Georgia, officials said.",
         "escape", None, None),
        ("The ministry said Georgia had not armed the gunmen.", "armed", None, None),
        ("The police said the gunmen could not travel to Georgia.", "travel", None, None),
        ("The minister said thousands of refugees fled to Georgia.", "refugees", None, None),
        ("The agency said the gunmen drove to the Georgian-Armenian border.", "border", None, None),
        ("The version that the gunmen fled to Georgia does not stand, the spokesman said.", "version",
         None, None),
    ],
)
def test_placing_the_perpetrators_with_a_party_implicates_it(pipeline, text, word, act, target):
    claim = _claim_with(_analyse(pipeline, text), word)
    assert claim.act == act
    assert (claim.act_target.text if act is not None and claim.act_target else None) == target


def test_the_speakers_own_side_is_not_implicated(pipeline):
    text = "Georgian President Irakli Beridze said the gunmen had tried to flee to Georgia."
    doc = _analyse(pipeline, text)
    assert _claim_with(doc, "flee").act is None
