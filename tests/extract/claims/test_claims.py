"""Attributed claims on small real-style sentences (model tests) and quote pairing (no model)."""

from __future__ import annotations

import pytest

from presslens.extract._quotes import quotation_spans
from presslens.extract.claims import attributed_claims
from presslens.nlp.extensions import register_extensions


@pytest.fixture(scope="module")
def claims_of(nlp):
    register_extensions()

    def run(text: str):
        return attributed_claims(nlp(text))

    return run


def _only(claims, cue: str):
    found = [c for c in claims if c.cue.text.lower() == cue]
    assert found, f"no claim with cue {cue!r} in {[c.cue.text for c in claims]}"
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content_part", "hedged", "direct"),
    [
        (
            "Ukrainian officials said that Russian drones struck a power station near Kharkiv overnight.",
            "said",
            "Ukrainian officials",
            "Russian drones struck",
            False,
            False,
        ),
        (
            "According to the Sudanese Doctors Network, the shelling "
            "killed at least 40 civilians in El Fasher.",
            "according to",
            "the Sudanese Doctors Network",
            "the shelling killed",
            False,
            False,
        ),
        (
            'The opposition leader told reporters: "We will not accept the results of this election."',
            "told",
            "The opposition leader",
            "We will not accept",
            False,
            True,
        ),
        (
            "Reports indicate that the militia could withdraw from the border town within days.",
            "indicate",
            "Reports",
            "the militia could withdraw",
            True,
            False,
        ),
        (
            "The embassy reportedly warned its citizens to leave the capital immediately.",
            "warned",
            "The embassy",
            "its citizens",
            True,
            False,
        ),
        (
            "Israeli military sources confirmed that two soldiers were wounded in the clash.",
            "confirmed",
            "Israeli military sources",
            "two soldiers were wounded",
            False,
            False,
        ),
    ],
)
def test_claim_table(claims_of, text, cue, speaker, content_part, hedged, direct):
    claim = _only(claims_of(text), cue)
    assert claim.speaker.text == speaker
    assert content_part in claim.content.text
    assert claim.hedged is hedged
    assert claim.direct is direct
    assert claim.evidence.text in text and claim.cue.text.lower() in claim.evidence.text.lower()
    assert text[claim.content.start : claim.content.end] == claim.content.text
    assert claim.why.startswith(f"cue '{claim.cue.text}'")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content_part"),
    [
        # a quotation before a titled source: the source phrase starts at "Ms."
        ('"Are we ready for this? Probably not," Ms. Alvarez said.', "said", "Ms. Alvarez", "Probably not"),
        # intention with a to-infinitive, whatever the verb's usual complement
        ("The senator vowed to block the nomination.", "vowed", "The senator", "to block the nomination"),
        ("The union urged its members to reject the offer.", "urged", "The union", "its members to reject"),
        # prepositional cue: the verb and its preposition, the object as content
        (
            "The governor called for an independent inquiry into the shooting.",
            "called for",
            "The governor",
            "an independent inquiry",
        ),
        # possessed noun cue
        (
            "The mayor's claim that crime had fallen was disputed by the police union.",
            "claim",
            "The mayor",
            "crime had fallen",
        ),
        ("Her plan to raise the minimum wage drew praise.", "plan", "Her", "to raise the minimum wage"),
        # belief verbs and predicate adjectives of belief
        ("Investigators think the fire was set deliberately.", "think", "Investigators", "the fire was set"),
        ("She was sure that the bill would pass.", "was sure", "She", "the bill would pass"),
        # evidential cues with a document source, clause or object content
        ("New data show that rents rose sharply last year.", "show", "New data", "rents rose"),
        ("Polls show a close race in the state.", "show", "Polls", "a close race"),
        # a closing ", X said" the parser coordinates with the main clause ("..., but ...")
        (
            "A blast at a Gaza hospital was not the result of an Israeli missile strike, but likely caused "
            "by a misfiring Palestinian rocket, the French military intelligence directorate said on Friday.",
            "said",
            "the French military intelligence directorate",
            "likely caused by a misfiring Palestinian rocket",
        ),
        # a clause the parser attaches as an adverbial clause of the cue
        (
            "The candidate said after the rally he would not accept the endorsement.",
            "said",
            "The candidate",
            "he would not accept",
        ),
    ],
)
def test_construction_table(claims_of, text, cue, speaker, content_part):
    claim = _only(claims_of(text), cue)
    assert claim.speaker.text == speaker
    assert content_part in claim.content.text
    assert text[claim.content.start : claim.content.end] == claim.content.text


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # a cue inside another claim's content belongs to that content
        ("The minister said he believes the talks will fail.", ["said"]),
        ("Analysts said the company plans to cut 500 jobs.", ["said"]),
        # the author's expectation or prescription, not the subject's belief
        ("Moscow may now realize that Baku is serious about retaliation.", []),
        ("The council must acknowledge that the budget is short.", []),
        # an extraposed 'it' is no source; generic 'you' neither
        ("It would not be surprising to think that the soldiers were Russian.", []),
        ("You might assume that the video was filmed in Russia.", []),
        # "continue" reports words only before a quotation or a that-clause, not beside a bare clause
        ("Medics started giving first aid, resuscitation attempts continued for over 30 minutes.", []),
    ],
)
def test_claims_not_made(claims_of, text, cues):
    assert [c.cue.text for c in claims_of(text)] == cues


@pytest.mark.model
def test_source_chain_citing(claims_of):
    claims = claims_of(
        "State television, citing the Defence Ministry, reported that "
        "three missiles were intercepted over Tehran."
    )
    claim = _only(claims, "reported")
    assert claim.speaker.text == "State television"
    assert claim.via is not None and "Defence Ministry" in claim.via.text


@pytest.mark.model
def test_pronoun_speaker_resolves_to_person(claims_of):
    text = "Prime Minister Nikol Pashinyan met the envoy on Monday. He said the border talks would continue."
    claim = _only(claims_of(text), "said")
    assert claim.speaker.text == "He"
    assert claim.speaker.canonical == "Nikol Pashinyan"


@pytest.mark.model
def test_a_named_persons_relation_resolves_to_the_name_given_that_title_later(claims_of):
    text = ("Petr Novak's spokeswoman said he was detained on Friday. The lawyer called the court, "
            "according to Novak spokeswoman Jana Dvorakova.")
    claim = _only(claims_of(text), "said")
    assert claim.speaker.canonical == "Jana Dvorakova"
    text = "Petr Novak was detained. Petr Novak's lawyer said the charges were false."
    lawyer = _only(claims_of(text), "said")
    assert lawyer.speaker.canonical == "lawyer of Petr Novak"


@pytest.mark.model
def test_a_title_opening_an_excerpt_is_the_speaker_named_next(claims_of):
    text = ("The talks had failed, the spokesman said on Monday. Asked about the next round, "
            "Ivan Petrov said: \"We have nothing to add.\"")
    assert _only(claims_of(text), "said").speaker.canonical == "Ivan Petrov"
    # a person named before the title, or a next person who does not speak, leaves it unresolved
    text = ("Ivan Petrov arrived in Minsk. The talks had failed, the spokesman said on Monday. "
            "Maria Kovacs said she would stay.")
    assert _only(claims_of(text), "said").speaker.canonical != "Maria Kovacs"
    text = "The talks had failed, the spokesman said on Monday. Critics blamed Ivan Petrov for it."
    assert _only(claims_of(text), "said").speaker.canonical is None


@pytest.mark.model
def test_a_quotation_relayed_by_an_agency_is_the_inner_speakers_with_its_words_as_evidence(claims_of):
    text = ("\"There is no information yet. We consider such statements unacceptable. They are "
            "unacceptable,\" the spokesman said, TASS reported.")
    (claim,) = claims_of(text)
    assert claim.speaker.text == "the spokesman"
    assert claim.content.text.startswith("There is no information yet")
    assert "We consider such statements unacceptable" in claim.evidence.text


@pytest.mark.model
def test_relation_speaker_resolves_to_named_relative(claims_of):
    text = (
        "Her lawyer, Maria Kovacs, filed an appeal. According to her lawyer, the journalist was held "
        "without charge for two weeks."
    )
    claim = _only(claims_of(text), "according to")
    assert claim.speaker.text == "her lawyer"
    assert claim.speaker.canonical == "Maria Kovacs"


@pytest.mark.model
def test_quote_before_cue_is_direct(claims_of):
    claim = _only(claims_of("“The ceasefire is holding,” the spokesman said."), "said")
    assert claim.direct
    assert "ceasefire is holding" in claim.content.text


@pytest.mark.model
def test_unbalanced_quotes_never_raise(claims_of):
    text = (
        'The minister said "the army will respond to any provocation, and added that talks were over.\n'
        "Witnesses said the convoy was hit twice."
    )
    claims = claims_of(text)
    assert any(c.cue.text == "said" and "convoy" in c.content.text for c in claims)


@pytest.mark.model
def test_author_inference_is_not_a_claim(claims_of):
    assert claims_of("This indicates that the prisoners were moved before the inspection.") == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('He said "yes" and "no".', [(8, 13), (18, 22)]),
        ("“Open quote never closed.\nNext line", [(0, 25)]),
        ("stray” mark", []),
        ("“One.” “Two.”", [(0, 6), (7, 13)]),
    ],
)
def test_quotation_spans(text, spans):
    assert [(q.start, q.end) for q in quotation_spans(text)] == spans


def test_a_quotation_left_open_at_a_line_end_closes_at_the_next_lines_first_closing_mark():
    text = ("Paul contends that.\n\u201cI am perplexed.\n"
            "I think it goes against his plans,\u201d he said.\nHe left.")
    first, continued = quotation_spans(text)
    assert not first.closed and continued.closed and not continued.opened
    start, end = continued.inner
    assert text[start:end] == "I think it goes against his plans,"


@pytest.mark.model
def test_a_pronoun_speaker_skips_a_name_inside_a_quotation_continued_from_the_last_line(claims_of):
    text = ("Paul said the nominations contradict the campaign.\n\u201cI am perplexed by them.\n"
            "I think it goes against what President Trump campaigned on,\u201d he said.")
    claim = next(c for c in claims_of(text) if "goes against" in c.content.text)
    assert claim.speaker.canonical is None or "Trump" not in claim.speaker.canonical


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("One official, Anton Sirko, said on Friday that the talks had stalled.", "Anton Sirko"),
        ("The spokesman for the ministry, Ivan Petrov, said the road was closed.", "Ivan Petrov"),
    ],
)
def test_a_described_source_is_named_by_its_appositive(claims_of, sentence, name):
    claims = claims_of(sentence)
    assert claims and claims[0].speaker.canonical == name


@pytest.mark.model
def test_figures_by_a_party_are_that_partys_and_a_dash_ends_the_source(claims_of):
    updates = _only(claims_of("According to the latest figures from the Kenyan police, nine people died."),
                    "according to")
    assert updates.speaker.text == "the Kenyan police"
    aside = _only(claims_of("Nine people died, according to parts of a report seen by Reuters -- far fewer "
                            "than the 40 deaths the rebels described."), "according to")
    assert aside.speaker.text.startswith("parts of a report") and "fewer" not in aside.speaker.text


@pytest.mark.model
def test_a_verb_that_takes_only_a_clause_has_no_relativised_object_content(claims_of):
    claims = claims_of("It tightened his grip on the country he has ruled since 2000.")
    assert not [c for c in claims if c.cue.text == "ruled"]
