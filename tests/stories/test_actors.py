"""Cross-article actor identity: transliteration variants are one actor, namesakes are not."""

from __future__ import annotations

import pytest

from presslens.stories.actors import NameMention, actor_key, link_actors, names_match


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Huseyn Safarov", "Guseyn Safarov"),
        ("Husayn Safarov", "Huseyn Safarov"),
        ("Hüseyin Safarov", "Huseyn Safarov"),
        ("Kartavikh", "Kartavykh"),
        ("Major Alexei Zhuravlyov", "Aleksey Zhuravlev"),
        ("Elvin Quliyev", "Elvin Guliyev"),
        ("Rustam Mammadov", "Rustam Mamedov"),
        ("Kassym-Jomart Tokayev", "Kassym-Zhomart Tokaev"),
        ("Mikhail Yevdokimov", "Mikhail Evdokimov"),
        ("Oleksiy Reznikov", "Alexei Reznikov"),
        # across scripts: a Russian report's lemmatised names and an English report's
        ("Алексей Навальный", "Alexei Navalny"),
        ("Ильхам Мамедов", "Ilham Mammadov"),
        ("Мария Захарова", "Maria Zakharova"),
        ("Дмитрий Песков", "Dmitry Peskov"),
        ("Москва", "Moscow"),
        ("Россия", "Russia"),
    ],
)
def test_transliteration_variants_match(a: str, b: str) -> None:
    assert names_match(a, b) and actor_key(a) == actor_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Farid Mammadov", "Rustam Mammadov"),  # brothers share a surname, not an identity
        ("Mason", "Mesen"),  # same skeleton, too different in spelling
        ("Ivan Petrov", "Ivan Petrenko"),
        ("Foreign Ministry", "Interior Ministry"),
        ("Юлия Навальная", "Lyudmila Navalnaya"),  # across scripts too: one family, two people
    ],
)
def test_different_names_do_not_match(a: str, b: str) -> None:
    assert not names_match(a, b)


def test_lone_surname_joins_the_most_reported_full_name() -> None:
    mentions = [
        NameMention("Rustam Mammadov", "PERSON", "a1"),
        NameMention("Rustam Mamedov", "PERSON", "a2"),
        NameMention("Rustam Mamadov", "ORG", "a3"),  # tagger error: label does not split identities
        NameMention("Elnur Mammadov", "PERSON", "a3"),
        NameMention("Mamedov", "PERSON", "a4"),
    ]
    index = link_actors(mentions)
    rustam = index.resolve("Rustam Mamedov")
    assert rustam is not None and rustam.articles == 4
    assert index.key_of("Mamedov") == rustam.key
    assert index.key_of("Elnur Mammadov") != rustam.key
    assert set(rustam.variants) == {"Rustam Mammadov", "Rustam Mamedov", "Rustam Mamadov", "Mamedov"}


def test_a_pronoun_resolved_to_a_generic_group_makes_no_actor_but_a_name_does() -> None:
    import datetime as dt

    from presslens.models import Event, Mention, TextSpan
    from presslens.stories.layer import name_mentions
    from presslens.stories.records import StoryInput

    def event(actor: Mention) -> Event:
        return Event(type="ASSAULT", mode="assault", actor=actor, evidence=TextSpan(text="x", start=0, end=1))

    article = StoryInput("a", "A", dt.date(2026, 3, 1), "t", "text", events=(
        event(Mention(text="they", canonical="terrorists")),
        event(Mention(text="it", canonical="the FSB")),
    ))
    assert [m.name for m in name_mentions([article])] == ["the FSB"]


def test_a_group_named_with_and_without_its_nationality_word_is_one_actor() -> None:
    index = link_actors([
        NameMention("Palestinian Islamic Jihad", "ORG", "a"),
        NameMention("Islamic Jihad", "ORG", "b"),
        NameMention("Egyptian Democratic Front", "ORG", "a"),
        NameMention("Tunisian Democratic Front", "ORG", "b"),
        NameMention("Democratic Front", "ORG", "c"),
    ])
    assert index.key_of("Islamic Jihad") == index.key_of("Palestinian Islamic Jihad")
    # two nationalities claim the bare name: it could be either
    names = ("Egyptian Democratic Front", "Tunisian Democratic Front", "Democratic Front")
    assert len({index.key_of(n) for n in names}) == 3


def test_an_acronym_is_the_one_name_whose_initials_it_spells() -> None:
    index = link_actors([
        NameMention("Armenian Defence Forces", "ORG", "a"),
        NameMention("Armenian Defense Forces", "ORG", "b"),  # two spellings of one name
        NameMention("ADF", "ORG", "c"),
        NameMention("United Nations", "ORG", "a"),
        NameMention("Union of Nurses", "ORG", "b"),
        NameMention("UN", "ORG", "c"),
        NameMention("Ado", "PERSON", "c"),  # a name not in capitals spells nothing
        NameMention("Andrei Dmitriev Orlov", "PERSON", "a"),
    ])
    adf = index.key_of("ADF")
    assert adf == index.key_of("Armenian Defense Forces") == index.key_of("Armenian Defence Forces")
    assert index.key_of("UN") != index.key_of("United Nations")  # two names spell it: neither
    assert index.key_of("Ado") != index.key_of("Andrei Dmitriev Orlov")
