"""Russian events: PLOVER type and mode from the verb lexicon, participants and place from the parse."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.models import Article
from presslens.russian import RussianAnalyser

PUBLISHED = dt.date(2025, 7, 2)


@pytest.fixture(scope="module")
def analyser() -> RussianAnalyser:
    return RussianAnalyser()


def _events(analyser: RussianAnalyser, text: str):  # type: ignore[no-untyped-def]
    doc = analyser.analyze([Article(id="r", text=text, source="t", language="ru", published=PUBLISHED)])[0]
    for e in doc.events:
        for part in (e.actor, e.target, e.place):
            if part is not None:
                assert text[part.start : part.end] == part.text
    return doc.events


def test_an_act_with_its_actor_target_place_and_date(analyser: RussianAnalyser) -> None:
    (event,) = _events(analyser, "Вчера в Казани полиция задержала двух журналистов.")
    assert (event.type, event.mode) == ("COERCE", "detain")
    assert event.actor.text == "полиция" and event.target.text == "двух журналистов"
    assert event.place.canonical == "Казань" and event.date == "2025-07-01" and event.date_bound is None


def test_without_a_date_the_publication_day_only_bounds_it(analyser: RussianAnalyser) -> None:
    (event,) = _events(analyser, "Полиция задержала двух журналистов.")
    assert event.date is None and event.date_bound == "2025-07-02"


def test_a_passive_has_its_subject_as_target_and_its_instrumental_as_actor(analyser: RussianAnalyser) -> None:
    (event,) = _events(analyser, "Четверо подозреваемых задержаны сотрудниками ФСБ.")
    assert event.target.text == "Четверо подозреваемых"
    assert event.actor is not None and event.actor.canonical == "ФСБ"


def test_summoning_an_ambassador_names_him_as_the_target(analyser: RussianAnalyser) -> None:
    (event,) = _events(analyser, "МИД Армении вызвал российского посла Сергея Копыркина.")
    assert (event.type, event.mode) == ("CONSULT", "summon")
    assert event.target.canonical == "Сергей Копыркин"


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Израиль нанёс удар по Ирану.", "ASSAULT", "Иран"),  # the object names the act
        ("Евросоюз ввёл санкции против Белоруссии.", "SANCTION", "Белоруссия"),
        ("Следственный комитет возбудил дело в отношении Ивана Петрова.", "ACCUSE", "Иван Петров"),
    ],
)
def test_an_act_named_by_its_object_is_aimed_at_its_phrase(
    analyser: RussianAnalyser, text: str, kind: str, target: str
) -> None:
    (event,) = _events(analyser, text)
    assert event.type == kind and event.target is not None and event.target.canonical == target


def test_negation_is_kept(analyser: RussianAnalyser) -> None:
    (event,) = _events(analyser, "Суд не арестовал журналиста.")
    assert event.negated and event.type == "COERCE"


def test_a_participle_naming_people_is_no_act(analyser: RussianAnalyser) -> None:
    events = _events(analyser, "Задержанных избили в отделе полиции.")
    assert [e.mode for e in events] == ["beat"]


def test_a_verb_of_saying_is_a_claim_not_an_event(analyser: RussianAnalyser) -> None:
    assert _events(analyser, "Министр заявил, что переговоры продолжатся.") == ()


def test_a_date_in_another_clause_does_not_date_the_act(analyser: RussianAnalyser) -> None:
    events = _events(analyser, "Полиция задержала двоих мужчин, которые 12 марта напали на журналиста.")
    detained = next(e for e in events if e.mode == "detain")
    assert detained.date is None
    assert all(e.date == "2025-03-12" for e in events if e is not detained)


def test_an_act_told_in_a_dated_report_takes_the_reports_day_and_its_speaker(
    analyser: RussianAnalyser,
) -> None:
    (event,) = _events(analyser, "МВД 12 марта сообщило, что полиция задержала двух журналистов.")
    assert event.date == "2025-03-12"
    assert event.reported_by is not None and event.reported_by.text == "МВД"


@pytest.mark.parametrize(
    ("text", "modality", "negated", "actor"),
    [
        ("МИД намерен выслать трёх дипломатов.", "intended", False, "МИД"),
        ("Евросоюз не планирует ввести новые санкции.", "intended", True, "Евросоюз"),
        ("Власти введут новые санкции против компании.", "intended", False, "Власти"),
        ("Полиция задержала двух журналистов.", "asserted", False, "Полиция"),
    ],
)
def test_an_intention_is_coded_as_intended(analyser: RussianAnalyser, text, modality, negated, actor) -> None:
    (event,) = _events(analyser, text)
    assert (event.modality, event.negated) == (modality, negated)
    assert event.actor is not None and event.actor.text == actor


def test_an_infinitive_someone_calls_for_is_no_act(analyser: RussianAnalyser) -> None:
    """The call is a REQUEST; the arrest it calls for is no act, done or intended."""
    (event,) = _events(analyser, "Депутат призвал задержать журналистов.")
    assert event.type == "REQUEST"


def test_a_cycle_in_the_parse_does_not_hang_the_dating() -> None:
    """natasha's parser can leave two tokens heading each other (seen on factRuEval text)."""
    from types import SimpleNamespace

    from presslens.models import Timex
    from presslens.russian.events import _date
    from presslens.russian.tree import Tree

    a = SimpleNamespace(id="1_1", head_id="1_2", rel="obl", start=0, stop=5, feats={})
    b = SimpleNamespace(id="1_2", head_id="1_1", rel="acl", start=6, stop=11, feats={})
    later = Timex(text="12 марта", start=40, end=48, type="DATE", value="2025-03-12")
    assert _date(Tree([a, b]), a, [later]) is None


def test_a_coordinated_verb_shares_the_first_ones_subject(analyser: RussianAnalyser) -> None:
    events = _events(analyser, "МИД Азербайджана вызвал российского посла и выразил протест.")
    protest = next(e for e in events if e.type == "ACCUSE")
    assert protest.actor is not None and protest.actor.text == "МИД Азербайджана"
