"""Contradictions inside one article: slot facts from claims, compared by subject and value."""

from __future__ import annotations

import pytest

from presslens.facts import (
    claim_facts,
    contradictions_within,
    deceased_subject,
    facts_disagree,
    subjects_compatible,
)
from presslens.models import Claim, Mention, TextSpan


def _claim(text: str, speaker: str, content: str) -> Claim:
    start = text.index(content)
    span = TextSpan(text=content, start=start, end=start + len(content))
    s = text.index(speaker)
    return Claim(
        speaker=Mention(text=speaker, start=s, end=s + len(speaker)),
        cue=TextSpan(text=speaker, start=s, end=s + len(speaker)),
        content=span,
        evidence=span,
    )


def _pairs(text: str, parts: list[tuple[str, str]]):
    claims = [_claim(text, speaker, content) for speaker, content in parts]
    return contradictions_within(claims, text, "art-1")


@pytest.mark.parametrize(
    ("text", "parts", "expected"),
    [
        (  # different causes of death for the same man
            "The activist Omar Haddad died in custody. Prison officials "
            "said Omar Haddad died of a heart attack. "
            "His family said Haddad died from injuries sustained in beatings.",
            [
                ("Prison officials", "Omar Haddad died of a heart attack"),
                ("His family", "Haddad died from injuries sustained in beatings"),
            ],
            ["cause of death of Omar Haddad"],
        ),
        (  # cause stated without a subject: the victims the article named
            "Two miners, the Petrov brothers, were killed in the blast; "
            "the bodies of the Petrov brothers were "
            "returned. Inspectors cited the cause of death as carbon "
            "monoxide poisoning. According to medics, "
            "Ivan Petrov died from burns.",
            [
                ("Inspectors", "the cause of death as carbon monoxide poisoning"),
                ("medics", "Ivan Petrov died from burns"),
            ],
            ["cause of death of the Petrov brothers"],
        ),
        (  # different counts for the same strike
            "The army said 12 people were killed in Kherson. Local "
            "officials said 30 people were killed in Kherson.",
            [
                ("The army", "12 people were killed in Kherson"),
                ("Local officials", "30 people were killed in Kherson"),
            ],
            ["people killed in Kherson"],
        ),
        (  # agreeing claims: same head noun, one more specific
            "Doctors said he died of traumatic shock. Relatives said he "
            "died of traumatic and hemorrhagic shock.",
            [
                ("Doctors", "he died of traumatic shock"),
                ("Relatives", "he died of traumatic and hemorrhagic shock"),
            ],
            [],
        ),
        (  # compatible counts: "at least 12" vs 15
            "Police said at least 12 people were killed. Medics said 15 people were killed.",
            [("Police", "at least 12 people were killed"), ("Medics", "15 people were killed")],
            [],
        ),
        (  # different subjects: two different men
            "Officials said Ali Karimi died of a stroke. Witnesses "
            "said Reza Tehrani died from gunshot wounds.",
            [
                ("Officials", "Ali Karimi died of a stroke"),
                ("Witnesses", "Reza Tehrani died from gunshot wounds"),
            ],
            [],
        ),
        (  # different places
            "The ministry said 5 people were killed in Odesa. The "
            "governor said 9 people were killed in Kharkiv.",
            [
                ("The ministry", "5 people were killed in Odesa"),
                ("The governor", "9 people were killed in Kharkiv"),
            ],
            [],
        ),
        (  # the same speaker twice is not a contradiction
            "The army said 12 people were killed. Later the army said 20 people were killed.",
            [("The army", "12 people were killed"), ("the army", "20 people were killed")],
            [],
        ),
    ],
)
def test_contradictions_within(text, parts, expected):
    found = _pairs(text, parts)
    assert [c.topic for c in found] == expected
    for c in found:
        assert c.a.article == "art-1" and c.a.kind == "claim" and c.a.index < c.b.index


def test_claim_facts_is_pure_and_offsets_point_into_text():
    text = "Officials said Ali Karimi died of a stroke."
    facts = claim_facts(_claim(text, "Officials", "Ali Karimi died of a stroke"), text)
    assert len(facts) == 1
    fact = facts[0]
    assert (fact.subject, fact.attribute, fact.value) == ("Ali Karimi", "cause of death", "stroke")
    assert text[fact.start : fact.end] == "stroke"
    assert text[fact.phrase_start : fact.end] == "died of a stroke"


def test_a_count_is_of_the_place_right_after_it_not_of_a_part_named_after_a_comma():
    text = "OVD-Info said 366 people were detained in 36 cities, including 200 in St Petersburg."
    facts = claim_facts(_claim(text, "OVD-Info", text[len("OVD-Info said "):]), text)
    found = {f.attribute: (f.subject, f.value) for f in facts}
    assert found["people detained"] == (None, "366") and found["cities with detentions"] == (None, "36")


def test_subject_compatibility_person_and_group():
    assert subjects_compatible("Ivan Petrov", "Petrov brothers")
    assert not subjects_compatible("Ivan Petrov", "Omar Haddad")
    assert not subjects_compatible("Ivan Petrov", None)


def test_deceased_subject_prefers_last_named_before():
    text = "The deaths of the Novak family shocked the town. Later, experts spoke."
    assert deceased_subject(text, len(text)) == "Novak family"


def test_a_toll_that_names_no_place_meets_the_toll_of_the_place_most_reports_name() -> None:
    import datetime as dt

    from presslens.stories.actors import link_actors
    from presslens.stories.contradictions import story_contradictions
    from presslens.stories.records import Story, StoryInput

    said = [
        ("a", "AP", "Officials said 471 people were killed at Al-Ahli hospital."),
        ("b", "BBC", "The ministry said 471 people were killed at the Ahli hospital."),
        ("c", "CNN", "Analysts said about 100 people were killed."),
    ]
    articles = []
    for aid, outlet, text in said:
        content = text[text.index("said") + 5:]
        claim = _claim(text, text.split(" said")[0], content)
        articles.append(StoryInput(aid, outlet, dt.date(2026, 3, 24), "t", text, claims=(claim,)))
    story = Story(id="s", title="t", articles=("a", "b", "c"))
    (found,) = [c for c in story_contradictions(story, articles, link_actors([])) if c.kind == "count"]
    assert sorted(side.value for side in found.sides) == ["471", "about 100"]


@pytest.mark.parametrize(("tolls", "disputed"), [((133, 137, 139), False), ((500, 471, 300), True)])
def test_a_toll_that_grows_day_by_day_is_an_update_one_that_falls_is_disputed(tolls, disputed) -> None:
    import datetime as dt

    from presslens.stories.actors import link_actors
    from presslens.stories.contradictions import story_contradictions
    from presslens.stories.records import Story, StoryInput

    articles = []
    for day, (outlet, toll) in enumerate(zip(("AP", "BBC", "CNN"), tolls, strict=True)):
        text = f"Officials said {toll} people were killed."
        claim = _claim(text, "Officials", f"{toll} people were killed.")
        articles.append(StoryInput(outlet, outlet, dt.date(2026, 3, 22 + day), "t", text, claims=(claim,)))
    story = Story(id="s", title="t", articles=tuple(a.article_id for a in articles))
    counts = [c for c in story_contradictions(story, articles, link_actors([])) if c.kind == "count"]
    assert bool(counts) is disputed


@pytest.mark.parametrize(("second_day", "revised"), [(23, True), (22, False)])
def test_a_party_revising_its_own_toll_is_an_update_another_partys_figure_disputes_both(
    second_day, revised
) -> None:
    import datetime as dt

    from presslens.stories.actors import link_actors
    from presslens.stories.contradictions import story_contradictions
    from presslens.stories.records import Story, StoryInput

    said = [  # (outlet, day, speaker, toll)
        ("AP", 22, "The Palestinian health ministry", "500 people were killed."),
        ("BBC", second_day, "Hamas", "471 people were killed."),
        ("CNN", 23, "US intelligence", "100 to 300 people were killed."),
    ]
    articles = []
    for outlet, day, speaker, content in said:
        text = f"The Palestinian group Hamas runs Gaza. {speaker} said {content}"
        claim = _claim(text, f"{speaker} said", content)
        claim = claim.model_copy(update={"speaker": Mention(text=speaker, start=claim.speaker.start,
                                                             end=claim.speaker.start + len(speaker))})
        articles.append(StoryInput(outlet, outlet, dt.date(2026, 3, day), "t", text, claims=(claim,)))
    story = Story(id="s", title="t", articles=tuple(a.article_id for a in articles))
    cards = [sorted(side.value for side in c.sides)
             for c in story_contradictions(story, articles, link_actors([])) if c.kind == "count"]
    if revised:  # 500 then 471 from one side: each stands against the US figure, not each other
        assert sorted(cards) == [["100 to 300", "471"], ["100 to 300", "500"]]
    else:  # two figures of one side on one day disagree
        assert cards == [["100 to 300", "471", "500"]]


@pytest.mark.parametrize(("people", "disputed"), [(("366", "at least 366"), True), (("401", "366"), False)])
def test_one_release_of_a_partys_figures_told_two_ways_is_disputed_a_new_release_is_a_revision(
    people, disputed
) -> None:
    import datetime as dt

    from presslens.stories.actors import link_actors
    from presslens.stories.contradictions import story_contradictions
    from presslens.stories.records import Story, StoryInput

    said = [("AP", 18, f"{people[0]} people were detained in 39 cities, including 200 in St Petersburg."),
            ("WP", 19, f"{people[1]} people were detained in 36 cities, including 200 in St Petersburg.")]
    articles = []
    for outlet, day, content in said:
        text = f"OVD-Info said {content}"
        claim = _claim(text, "OVD-Info", content)
        articles.append(StoryInput(outlet, outlet, dt.date(2024, 2, day), "t", text, claims=(claim,)))
    story = Story(id="s", title="t", articles=("AP", "WP"))
    found = story_contradictions(story, articles, link_actors([]))
    cities = [sorted(s.value for s in c.sides) for c in found if c.attribute == "cities with detentions"]
    assert cities == ([["36", "39"]] if disputed else [])


def test_an_outlets_own_toll_counts_against_a_sources_and_an_age_is_no_count() -> None:
    import datetime as dt

    from presslens.models import Event
    from presslens.stories.actors import link_actors
    from presslens.stories.contradictions import story_contradictions
    from presslens.stories.records import Story, StoryInput

    own = "At least 40 people were killed when rebels shelled the town. Ivan Orlov, 20, was wounded."
    events = tuple(
        Event(type="ASSAULT", mode="kill", evidence=TextSpan(text=part, start=own.index(part),
                                                            end=own.index(part) + len(part)))
        for part in ("At least 40 people were killed when rebels shelled the town",
                     "Ivan Orlov, 20, was wounded"))
    said = "The ministry said 12 people were killed."
    articles = [
        StoryInput("a", "AP", dt.date(2026, 3, 22), "t", own, events=events),
        StoryInput("b", "TASS", dt.date(2026, 3, 22), "t", said,
                   claims=(_claim(said, "The ministry", "12 people were killed."),)),
    ]
    story = Story(id="s", title="t", articles=("a", "b"))
    (found,) = [c for c in story_contradictions(story, articles, link_actors([])) if c.kind == "count"]
    assert found.attribute == "people killed"
    own_side = next(side for side in found.sides if side.value == "at least 40")
    assert [(s.kind, s.speaker) for s in own_side.sources] == [("event", None)]


def test_a_fact_in_the_outlets_words_outside_claims_and_events_counts_with_its_clause() -> None:
    import datetime as dt

    from presslens.stories.actors import link_actors
    from presslens.stories.contradictions import story_contradictions
    from presslens.stories.records import Story, StoryInput

    own = ("Analysts believe 100-300 people died, US media reported Thursday, and a European official "
           "put the toll at 50 or less, countering earlier figures.")
    said = "Officials said 471 people were killed."
    quoted = "Analysts believe 100-300 people died"
    articles = [
        StoryInput("a", "AP", dt.date(2026, 3, 22), "t", own,
                   claims=(_claim(own, "US media", quoted),)),
        StoryInput("b", "TASS", dt.date(2026, 3, 22), "t", said,
                   claims=(_claim(said, "Officials", "471 people were killed."),)),
    ]
    story = Story(id="s", title="t", articles=("a", "b"))
    (found,) = [c for c in story_contradictions(story, articles, link_actors([])) if c.kind == "count"]
    own_side = next(side for side in found.sides if side.value == "50 or less")
    (source,) = own_side.sources
    assert (source.kind, source.speaker) == ("text", None)
    assert source.evidence.text == "a European official put the toll at 50 or less"


@pytest.mark.parametrize(
    ("a", "b", "disagree"),
    [
        ("Police detained 11 people on Friday.", "Police detained four suspects.", False),  # a part of them
        ("Seven other people were detained.", "Eleven people were detained.", False),  # some more of them
        ("Police detained 11 people.", "Officers detained 23 people.", True),
        ("12 soldiers were killed.", "About 40 people were killed.", True),  # a toll counts everyone
        ("All four pleaded guilty.", "Officials said two of the suspects admitted their guilt.", True),
    ],
)
def test_counts_of_part_of_a_group_meet_only_counts_of_that_part(a: str, b: str, disagree: bool) -> None:
    (fa,) = claim_facts(_claim(a, a.split()[0], a), a)
    (fb,) = claim_facts(_claim(b, b.split()[0], b), b)
    assert facts_disagree(fa, fb) is disagree


def _story_cards(said: list[tuple[str, str, str]]) -> list:
    import datetime as dt

    from presslens.stories.actors import link_actors
    from presslens.stories.contradictions import story_contradictions
    from presslens.stories.records import Story, StoryInput

    articles = []
    for aid, outlet, text in said:
        speaker = text.split(" said")[0]
        articles.append(StoryInput(aid, outlet, dt.date(2026, 3, 22), "t", text,
                                   claims=(_claim(text, speaker, text[len(speaker) + 6:]),)))
    story = Story(id="s", title="t", articles=tuple(a.article_id for a in articles))
    return story_contradictions(story, articles, link_actors([]))


def test_a_vague_count_that_agrees_with_two_sides_takes_neither() -> None:
    (card,) = _story_cards([
        ("a", "AP", "Officials said 471 people were killed."),
        ("b", "BBC", "Analysts said 100-300 people were killed."),
        ("c", "CNN", "Doctors said hundreds of people were killed."),
        ("d", "RT", "Medics said at least 471 people were killed."),
    ])
    values = [sorted({s.article for s in side.sources}) for side in card.sides]
    assert values == [["a", "d"], ["b"]]  # "at least 471" sides with 471; "hundreds" with no one


def test_manner_of_death_and_diagnosis_are_two_cards_without_generic_causes_on_the_second() -> None:
    cards = {c.topic: c for c in _story_cards([
        ("a", "AP", "Doctors said Ivan Orlov died of a blood clot."),
        ("b", "BBC", "Officials said Ivan Orlov died of sudden death syndrome."),
        ("c", "CNN", "A report said Ivan Orlov died of natural causes."),
        ("d", "RT", "His family said Ivan Orlov was murdered."),
    ])}
    manner = cards["cause of death of Ivan Orlov"]
    assert sorted(len(side.sources) for side in manner.sides) == [1, 3]  # homicide vs natural
    diagnosis = cards["cause of death of Ivan Orlov (natural)"]
    assert {side.value for side in diagnosis.sides} == {"blood clot", "sudden death syndrome"}


def test_who_did_it_is_a_card_of_sides_and_a_card_of_groups_within_one_side() -> None:
    cards = {c.topic: c for c in _story_cards([
        ("a", "AP", "Doctors said hundreds were killed in an Israeli air raid on the hospital."),
        ("b", "JNS", "The army said a failed Hamas rocket launch hit the hospital"
                     " run by the Palestinian group Hamas."),
        ("c", "TASS", "The army said a failed Palestinian Islamic Jihad rocket launch hit the hospital."),
        ("d", "BBC", "Officials said the missile was launched from within Gaza."),
    ])}
    sides = cards["who carried it out"]
    assert sorted(sorted(s.article for s in side.sources) for side in sides.sides) == [["a"], ["b", "c", "d"]]
    groups = cards["who carried it out: which group"]
    assert sorted(side.value for side in groups.sides) == ["Hamas", "Palestinian Islamic Jihad"]


def test_sides_that_agree_never_share_a_card() -> None:
    cards = [c for c in _story_cards([
        ("a", "AP", "Doctors said hundreds were killed in an Israeli air raid on the hospital."),
        ("b", "JNS", "The army said a failed Islamic Jihad rocket launch hit the hospital."),
        ("c", "CNN", "US officials said Israel was not behind the blast at the hospital."),
    ]) if c.topic == "who carried it out"]
    # "Islamic Jihad did it" and "Israel did not" each stand against "Israel did it", not each other
    assert sorted(sorted(s.article for side in c.sides for s in side.sources) for c in cards) == [
        ["a", "b"], ["a", "c"]]


def test_a_clause_read_twice_is_one_source() -> None:
    (card,) = [c for c in _story_cards([
        ("a", "AP", "Officials said 471 people were killed, and 471 people were killed there."),
        ("b", "BBC", "Analysts said 100-300 people were killed."),
    ]) if c.kind == "count"]
    for side in card.sides:
        spans = [(s.article, s.evidence.start, s.evidence.end) for s in side.sources]
        assert len(spans) == len(set(spans))


def test_a_claim_told_as_not_made_states_no_facts():
    text = "Officials did not say that Ali Karimi died of a stroke."
    claim = _claim(text, "Officials", "Ali Karimi died of a stroke")
    assert claim_facts(claim, text)
    assert claim_facts(claim.model_copy(update={"negated": True}), text) == []


def test_where_the_attackers_were_heading_is_a_card_by_country() -> None:
    cards = [c for c in _story_cards([
        ("a", "RT", "The security service said the gunmen planned to flee to Georgia."),
        ("b", "BBC", "The president said the gunmen were trying to escape towards the Georgian border."),
        ("c", "AP", "The Armenian leader said the gunmen who fled after the attack meant to enter Armenia."),
    ]) if c.topic == "where they were heading"]
    (card,) = cards
    assert card.kind == "place"
    assert sorted(sorted(s.article for s in side.sources) for side in card.sides) == [["a", "b"], ["c"]]


def test_how_badly_the_site_was_hit_is_a_card_of_heavy_against_the_rest() -> None:
    (card,) = [c for c in _story_cards([
        ("a", "AJ", "Witnesses said there was widespread damage at the school."),
        ("b", "AFP", "A US document said there was only light structural damage at the school."),
        ("c", "CNN", "Analysts said the school buildings appeared to be intact."),
    ]) if c.topic == "damage"]
    assert card.kind == "extent"
    assert sorted(sorted(s.article for s in side.sources) for side in card.sides) == [["a"], ["b", "c"]]


def test_a_nationality_opening_a_description_is_not_the_dead():
    text = "The body of Russian opposition leader Aleksei Navalny was handed over. His death shocked many."
    assert deceased_subject(text, text.index("His death")) == "Aleksei Navalny"
    text = "The deaths of Russian soldiers in Ukraine were not reported. His death was."
    assert deceased_subject(text, text.index("His death")) is None  # no name the description leads to
