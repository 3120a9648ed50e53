"""The reference lexicons, read once from ``resources/reference_*.tsv``.

Agreement needs to know a person's sex and what a description's head noun can
stand for; both are content vocabularies, so they are data (each file's header
says where it comes from) and this module only loads them. Two lists are
shared with other stages: the reporting verbs of ``claim_cues.tsv`` (the
claim extractor's, and its verbs of evidence) and the cardinals of
``timex_numbers.tsv``. Nothing here imports spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from presslens.resources import read_tsv

__all__ = ["Description", "ReferenceLexicon", "reference_lexicon"]

#: Shortest surname whose ending is trusted to mark sex ("Lavrov", not "Pov").
MIN_SURNAME_FOR_ENDING = 5
#: A given name is firm evidence of sex when at least this many US babies had it; a rarer
#: one ("Ilham": 153 births, most of them girls, yet an Azerbaijani man's name; "Nikol",
#: Armenian, likewise) only makes the other sex less likely. Set by reading which names fall
#: on each side of it.
FIRM_BIRTHS = 1000
#: ... and when at least this share of them were of one sex ("Chris": 86% boys, a preference).
FIRM_SHARE = 90


@dataclass(frozen=True)
class Description:
    """What a definite description's head noun can refer to (``reference_descriptions.tsv``)."""

    head: str
    kind: str  # "org" | "place" | "person" | "people"
    gender: str | None  # "m" | "f" | None
    plural: bool
    cues: tuple[str, ...]  # name words (org), ("title",) for a person's title, () for any


@dataclass(frozen=True)
class ReferenceLexicon:
    given_names: dict[str, tuple[str, bool]]  # lower-case given name -> ("m" | "f", firm)
    person_words: dict[str, str | None]  # title / role noun -> "m" | "f" | None (a person, sex unknown)
    title_forms: dict[str, str]  # abbreviation -> the word it stands for ("gov." -> "governor")
    surname_endings: tuple[tuple[str, str], ...]  # (ending, sex), longest first
    descriptions: dict[str, Description]
    cardinals: dict[str, int]  # "two" -> 2 ("the two men"), from timex_numbers.tsv
    speech_verbs: frozenset[str]  # reporting verbs ("say", "tell"), from claim_cues.tsv
    evidence_verbs: frozenset[str]  # subject is evidence ("show", "indicate"), from claim_cues.tsv
    people_nouns: frozenset[str] = frozenset()  # heads that name people or bodies of people: they speak

    def sex_of_name(self, name: str) -> tuple[str, str, bool] | None:
        """("m"|"f", reason, firm) from a personal name's first word or its surname's ending."""
        words = [w.strip(".,") for w in name.replace("’", "'").split()]
        words = [w for w in words if w and w.lower() not in self.person_words]
        if not words:
            return None
        if len(words) > 1:  # a lone word is a surname in news style ("Warren said")
            given = self.given_names.get(words[0].lower())
            if given is not None:
                return given[0], f"given name '{words[0]}'", given[1]
        return self.surname_sex(words[-1])

    def surname_sex(self, surname: str) -> tuple[str, str, bool] | None:
        """("m"|"f", reason, firm=False) when a surname's ending marks its bearer's sex ("Zakharova")."""
        last = surname.lower()
        if len(last) >= MIN_SURNAME_FOR_ENDING and last.isalpha():
            for ending, sex in self.surname_endings:
                if last.endswith(ending):
                    return sex, f"surname ending '-{ending}'", False
        return None


@cache
def reference_lexicon() -> ReferenceLexicon:
    """The lexicons, loaded on first use."""
    descriptions = {}
    for head, kind, gender, number, cues in read_tsv("reference_descriptions.tsv"):
        descriptions[head] = Description(
            head=head,
            kind=kind,
            gender=None if gender == "-" else gender,
            plural=number == "pl",
            cues=() if cues == "*" else tuple(c.strip() for c in cues.split(",")),
        )
    endings = sorted(
        ((ending, sex) for ending, sex in read_tsv("reference_surname_endings.tsv")),
        key=lambda row: -len(row[0]),
    )
    person_rows = read_tsv("reference_person_words.tsv")
    return ReferenceLexicon(
        given_names={
            name: (sex, int(births) >= FIRM_BIRTHS and int(share) >= FIRM_SHARE)
            for name, sex, births, share in read_tsv("reference_given_names.tsv")
        },
        person_words={row[0]: None if row[1] == "-" else row[1] for row in person_rows},
        title_forms={row[0]: row[2] for row in person_rows if len(row) > 2 and row[2]},
        surname_endings=tuple(endings),
        descriptions=descriptions,
        speech_verbs=frozenset(row[0] for row in read_tsv("claim_cues.tsv") if row[1] == "verb"),
        evidence_verbs=frozenset(row[0] for row in read_tsv("claim_cues.tsv") if row[1] == "evidential"),
        people_nouns=_people_nouns(person_rows, descriptions),
        cardinals={
            word: int(value)
            for kind, word, value in read_tsv("timex_numbers.tsv")
            if kind == "cardinal" and value.isdecimal()
        },
    )


def _people_nouns(person_rows: list[list[str]], descriptions: dict[str, Description]) -> frozenset[str]:
    """Heads of descriptions that can be a speaker: the people-noun list, the titles, the person,
    people and organisation descriptions, and the event lexicon's "agent" class (who acts)."""
    words = {row[0] for row in read_tsv("reference_people_nouns.tsv")}
    words |= {row[0].rstrip(".") for row in person_rows}
    words |= {head for head, d in descriptions.items() if d.kind in ("person", "people", "org")}
    words |= {row[1] for row in read_tsv("plover_classes.tsv") if row[0] == "agent" and row[1][:1] != "="}
    return frozenset(words)
