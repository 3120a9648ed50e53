"""Repair and linking logic on hand-built Docs: no model needed, only spaCy's English vocab."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from presslens.extract.entities import entity_lexicon, linked_entities, repaired_entity_spans
from presslens.extract.entities._repair import WHY_KEY


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _doc(vocab, words: list[str], ents: list[str], pos: list[str] | None = None) -> Doc:
    return Doc(vocab, words=words, ents=ents, pos=pos)


def _repaired(doc: Doc) -> list[tuple[str, str]]:
    doc.ents = repaired_entity_spans(doc)
    return [(s.text, s.label_) for s in doc.ents]


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["Georgian", "police", "came"], ["B-PERSON", "O", "O"], ("Georgian", "NORP")),
        (["Ukrainians", "protested"], ["B-ORG", "O"], ("Ukrainians", "NORP")),
        (["Central", "Asian", "states"], ["B-PERSON", "I-PERSON", "O"], ("Central Asian", "NORP")),
        (["Armenia", "protested"], ["B-NORP", "O"], ("Armenia", "GPE")),
        (["Moldova", "won"], ["B-PERSON", "O"], ("Moldova", "GPE")),
        (["Tbilisi", "answered"], ["B-PERSON", "O"], ("Tbilisi", "GPE")),
        (["the", "Kremlin", "said"], ["B-ORG", "I-ORG", "O"], ("Kremlin", "ORG")),
        (["Ministry", "Spokesman", "said"], ["B-PERSON", "I-PERSON", "O"], ("Ministry Spokesman", "ORG")),
        (
            ["Ukraine", "'s", "Criminal", "Code"],
            ["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART"],
            ("Ukraine 's Criminal Code", "LAW"),
        ),
    ],
)
def test_span_rules(vocab, words: list[str], ents: list[str], expected: tuple[str, str]) -> None:
    assert expected in _repaired(_doc(vocab, words, ents))


def test_media_cue_needs_quotes_or_a_place(vocab) -> None:
    quoted = _doc(vocab, ['"', "Kyiv", "Post", '"', "reported"], ["O", "B-PERSON", "I-PERSON", "O", "O"])
    assert ("Kyiv Post", "ORG") in _repaired(quoted)
    surname = _doc(vocab, ["Emily", "Post", "wrote"], ["B-PERSON", "I-PERSON", "O"])
    assert ("Emily Post", "PERSON") in _repaired(surname)


def test_lower_case_person_is_dropped(vocab) -> None:
    doc = _doc(vocab, ["diaspora", "members", "met"], ["B-PERSON", "I-PERSON", "O"])
    assert _repaired(doc) == []


def test_leading_function_word_and_possessive_are_trimmed(vocab) -> None:
    doc = _doc(
        vocab,
        ["Amid", "Baku", "'s", "response"],
        ["B-PERSON", "I-PERSON", "I-PERSON", "O"],
        pos=["ADP", "PROPN", "PART", "NOUN"],
    )
    assert _repaired(doc) == [("Baku", "GPE")]
    assert "trimmed" in doc.user_data[WHY_KEY][(5, 9)]


def test_surname_takes_person_label_everywhere(vocab) -> None:
    words = ["Levan", "Khabeishvili", "was", "arrested", ".", "Khabeishvili", "denied", "it"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "O", "O"]
    assert ("Khabeishvili", "PERSON") in _repaired(_doc(vocab, words, ents))


def test_name_part_guard_keeps_given_names(vocab) -> None:
    # "Jordan" is a country, but here it is the given name of a person named in full.
    words = ["Jordan", "Bardella", "spoke", ".", "Jordan", "smiled"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O"]
    assert ("Jordan", "PERSON") in _repaired(_doc(vocab, words, ents))


def test_non_name_spans_pass_through(vocab) -> None:
    doc = _doc(vocab, ["seven", "people", "on", "Monday"], ["B-CARDINAL", "O", "O", "B-DATE"])
    assert _repaired(doc) == [("seven", "CARDINAL"), ("Monday", "DATE")]


def _linked(vocab, words: list[str], ents: list[str]) -> dict[str, list[str]]:
    doc = _doc(vocab, words, ents)
    doc.ents = repaired_entity_spans(doc)
    out: dict[str, list[str]] = {}
    for entity in linked_entities(doc):
        out.setdefault(entity.text, []).append(entity.canonical)
    return out


def test_father_and_son_sharing_a_surname(vocab) -> None:
    words = [
        "Shahin",
        "Shikhlinsky",
        "was",
        "held",
        ".",
        "His",
        "son",
        ",",
        "Mutvala",
        "Shikhlinsky",
        ",",
        "too",
        ".",
        "Shikhlinsky",
        "was",
        "freed",
    ]
    ents = [
        "B-PERSON",
        "I-PERSON",
        "O",
        "O",
        "O",
        "O",
        "O",
        "O",
        "B-PERSON",
        "I-PERSON",
        "O",
        "O",
        "O",
        "B-PERSON",
        "O",
        "O",
    ]
    assert _linked(vocab, words, ents)["Shikhlinsky"] == ["Shahin Shikhlinsky"]


def test_ambiguous_surname_is_left_alone(vocab) -> None:
    words = ["Gela", "Khasaia", "and", "Levan", "Khasaia", "met", ".", "Khasaia", "left"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O"]
    # the most recent full name before the lone surname wins
    assert _linked(vocab, words, ents)["Khasaia"] == ["Levan Khasaia"]
    words = ["Khasaia", "spoke", ".", "Gela", "Khasaia", "and", "Levan", "Khasaia", "met"]
    ents = ["B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]
    assert _linked(vocab, words, ents)["Khasaia"] == ["Khasaia"]


def test_family_name_is_not_one_person(vocab) -> None:
    words = ["Ziyoddin", "Safarov", "died", ".", "The", "Safarov", "brothers", "were", "buried"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O"]
    assert _linked(vocab, words, ents)["Safarov"] == ["Safarov"]


def test_title_and_leader_list(vocab) -> None:
    words = ["President", "Erdogan", "spoke", "with", "Aliyev"]
    ents = ["O", "B-PERSON", "O", "O", "B-PERSON"]
    linked = _linked(vocab, words, ents)
    assert linked["Erdogan"] == ["Recep Tayyip Erdogan"] and linked["Aliyev"] == ["Ilham Aliyev"]


def test_leader_list_yields_to_the_document(vocab) -> None:
    words = ["Heydar", "Aliyev", "founded", "it", ".", "Aliyev", "died", "in", "2003"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "B-DATE"]
    assert _linked(vocab, words, ents)["Aliyev"] == ["Heydar Aliyev"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (["Georgian", "Ministry", "of", "Foreign", "Affairs"], ["Georgian", "Foreign", "Ministry"]),
        (["Russian", "Ministry", "of", "Defence"], ["Russian", "Defense", "Ministry"]),
        (["Armenian", "Ministry", "of", "Internal", "Affairs"], ["Interior", "Ministry"]),
    ],
)
def test_ministry_synonyms(vocab, first: list[str], second: list[str]) -> None:
    words = [*first, "said", ".", *second, "added"]
    ents = (
        ["B-ORG"] + ["I-ORG"] * (len(first) - 1) + ["O", "O", "B-ORG"] + ["I-ORG"] * (len(second) - 1) + ["O"]
    )
    linked = _linked(vocab, words, ents)
    assert linked[" ".join(second)] == [" ".join(first)]


def test_lexicons_load_with_headers_skipped() -> None:
    lex = entity_lexicon()
    assert lex.demonym_country("Azerbaijanis") == "AZ"
    assert lex.demonym_country("post-Soviet") == ""
    assert "Sputnik" in lex.media_cues and "Ministry" in lex.org_cues and "Code" in lex.law_cues
    assert lex.seats["kremlin"] == "Russia"
    assert lex.org_synonyms["ministry of internal affairs"] == lex.org_synonyms["interior ministry"]


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        # a name coordinated with a PERSON of the same shape is a PERSON
        (
            ["as", "Ivan", "Petrenko", "and", "Oleg", "Marchuk", "."],
            ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"],
            ("Ivan Petrenko", "PERSON"),
        ),
        # ... but not an organisation in apposition after "the"
        (
            ["the", "United", "Nations", ",", "Karel", "Kovanda", ","],
            ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"],
            ("United Nations", "ORG"),
        ),
        # a name governed by a settlement noun is a GPE; a demonym is not
        (["the", "village", "of", "Tsnori", "."], ["O", "O", "O", "B-PERSON", "O"], ("Tsnori", "GPE")),
        (["the", "Lankaran", "district", "."], ["O", "B-ORG", "O", "O"], ("Lankaran", "GPE")),
        (["a", "Turkish", "city", "."], ["O", "B-NORP", "O", "O"], ("Turkish", "NORP")),
        # ... unless the name owns the next noun
        (
            ["districts", "of", "Patasse", "'s", "people"],
            ["O", "O", "B-PERSON", "O", "O"],
            ("Patasse", "PERSON"),
        ),
        # an alias of a PERSON is the same PERSON
        (
            ["Ali", "Osman", ",", "known", "as", "Kinglo", ","],
            ["B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O"],
            ("Kinglo", "PERSON"),
        ),
        # a type noun in apposition
        (
            ["Voice", "Lab", ",", "a", "rights", "group", "based", "in"],
            ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"],
            ("Voice Lab", "ORG"),
        ),
        (["broadcaster", "Imedi", "reported"], ["O", "B-PERSON", "O"], ("Imedi", "ORG")),
        # a place and a group word in one span are split
        (["a", "Texas", "Republican", "said"], ["O", "B-NORP", "I-NORP", "O"], ("Texas", "GPE")),
    ],
)
def test_context_rules(vocab, words: list[str], ents: list[str], expected: tuple[str, str]) -> None:
    assert expected in _repaired(_doc(vocab, words, ents))


def test_surname_with_particle_links_to_the_full_name(vocab) -> None:
    words = ["Omar", "al", "-", "Bashir", "spoke", ".", "Bashir", "left"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-ORG", "O"]
    spaces = [True, False, False, True, False, True, True, False]
    doc = Doc(vocab, words=words, spaces=spaces, ents=ents)
    doc.ents = repaired_entity_spans(doc)
    linked = {(e.text, e.label): e.canonical for e in linked_entities(doc)}
    assert linked[("Bashir", "PERSON")] == "Omar al-Bashir"


@pytest.mark.parametrize(
    ("words", "canonical"),
    [
        (["Tehran", "-", "backed", "militias", "fired"], "Government of Iran"),
        (["a", "Tehran", "-", "based", "analyst", "said"], "Tehran"),
    ],
)
def test_hyphenated_place_modifier(vocab, words: list[str], canonical: str) -> None:
    i = words.index("Tehran")
    spaces = [w not in {"Tehran", "-"} for w in words]
    doc = Doc(vocab, words=words, spaces=spaces, ents=["B-GPE" if j == i else "O" for j in range(len(words))])
    doc.ents = repaired_entity_spans(doc)
    assert next(e for e in linked_entities(doc) if e.text == "Tehran").canonical == canonical


def test_untagged_region_with_a_compass_word_is_added(vocab) -> None:
    doc = Doc(
        vocab,
        words=["fighting", "across", "North", "Darfur", "."],
        tags=["NN", "IN", "NNP", "NNP", "."],
        pos=["NOUN", "ADP", "PROPN", "PROPN", "PUNCT"],
    )
    assert ("North Darfur", "GPE") in _repaired(doc)


@pytest.mark.parametrize(
    ("words", "label"),
    [
        (["Alexey", "Navalny", "died"], "PERSON"),  # a given name and a surname the model did not know
        (["Yulia", "Navalnaya", "came"], "PERSON"),
        (["Morgan", "Stanley", "said"], "ORG"),  # both words given names: a firm named after people
        (["Dallas", "Cowboys", "won"], "ORG"),  # a city in it
        (["West", "Indies", "won"], "ORG"),  # a compass word
        (["Salomon", "Brothers", "said"], "ORG"),  # a group noun
        (["Alexey", "Navalny", "Foundation"], "ORG"),  # three words: not this rule's
    ],
)
def test_an_org_of_a_given_name_and_a_surname_is_a_person(vocab, words: list[str], label: str) -> None:
    ents = ["B-ORG", "I-ORG", "I-ORG" if words[-1] == "Foundation" else "O"]
    doc = _doc(vocab, words, ents)
    assert _repaired(doc)[0][1] == label
