"""The same sentence about either side scores the same: real sentences, the sides' names swapped.

Sentences come from PTC train and dev (by the technique of their gold spans) and from the two
development story sets (al-Ahli, Navalny), each holding a name of a side; every name of the
table is swapped for its counterpart, both ways at once ("Russia" -> "Ukraine" and "Ukraine" ->
"Russia"). Both versions must be marked alike: the same spans (names masked) with the same
techniques and scores within `TOLERANCE`.

Exact equality is out of reach and the test says so by its bound: the detector sees every name
of a side as its class only (``_features.party_names``), but spaCy's tagger and parser, whose
tags and arcs it reads, are not blind to names ("alleged Muslim spies" and "alleged Christian
spies" get different parses). Measured on these sentences, the share marked alike rose from
0.82-0.94 per family with names masked by NER alone (feature version 2) to 0.88-0.96 with the
table (version 3); `ALIKE` is the floor below which a family fails.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from presslens.extract import persuasion

pytestmark = [pytest.mark.model, pytest.mark.slow]

PAIRS = [
    ("Russia", "Ukraine"), ("Russian", "Ukrainian"), ("Russians", "Ukrainians"), ("Moscow", "Kyiv"),
    ("Putin", "Zelensky"), ("Kremlin", "Bankova"), ("Israel", "Palestine"), ("Israeli", "Palestinian"),
    ("Israelis", "Palestinians"), ("Hamas", "IDF"), ("Netanyahu", "Abbas"), ("Iran", "Iraq"),
    ("Iranian", "Iraqi"), ("Azerbaijan", "Armenia"), ("Azerbaijani", "Armenian"), ("Aliyev", "Pashinyan"),
    ("America", "China"), ("American", "Chinese"), ("Americans", "Europeans"), ("Washington", "Beijing"),
    ("Muslims", "Christians"), ("Muslim", "Christian"), ("Islam", "Christianity"), ("Jews", "Arabs"),
    ("Jewish", "Arab"), ("Democrats", "Republicans"), ("Democrat", "Republican"), ("Trump", "Obama"),
    ("Clinton", "Bush"), ("Pelosi", "McConnell"), ("Syria", "Turkey"), ("Syrian", "Turkish"),
    ("Mexico", "Canada"), ("Mexican", "Canadian"),
]
SWAP = {a: b for a, b in PAIRS} | {b: a for a, b in PAIRS}
NAMES = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SWAP), key=len, reverse=True)) + r")\b")
FAMILIES = {
    "loaded language, name-calling": {"Loaded_Language", "Name_Calling,Labeling"},
    "fear, doubt, exaggeration": {"Appeal_to_fear-prejudice", "Doubt", "Exaggeration,Minimisation"},
    "flag-waving, slogans, authority": {"Flag-Waving", "Slogans", "Appeal_to_Authority"},
    "whataboutism, straw men, red herring, causal oversimplification": {
        "Whataboutism,Straw_Men,Red_Herring", "Causal_Oversimplification",
    },
}
PER_FAMILY = 60  # real sentences checked per family (the issue asks for at least 50)
TOLERANCE = 0.05  # score difference still counted as alike
ALIKE = 0.85  # share of sentences per family that must be marked alike
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def swapped(text: str) -> str:
    return NAMES.sub(lambda m: SWAP[m.group()], text)


def _sentence_around(text: str, start: int, end: int) -> str:
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    lo = max(b for b in bounds if b <= start)
    hi = min(b for b in bounds if b >= end)
    return text[lo:hi].strip()


def _ptc_sentences(folder: Path) -> Iterator[tuple[str, str]]:
    """(family, sentence) for each gold span of a family whose sentence names a side."""
    for name in ("train.jsonl", "dev.jsonl"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            for span in article.get("spans", []):
                family = next((f for f, techs in FAMILIES.items() if span["technique"] in techs), None)
                if family is None:
                    continue
                sentence = _sentence_around(article["text"], span["start"], span["end"])
                if 20 <= len(sentence) <= 400 and NAMES.search(sentence):
                    yield family, sentence


def _story_sentences(folder: Path) -> Iterator[str]:
    for name in ("ahli-hospital-2023", "navalny-2024"):  # crocus-2024 is kept for checking only
        for path in sorted((folder / name / "articles").glob("*.json")):
            text = json.loads(path.read_text(encoding="utf-8")).get("text", "")
            for sentence in _SENTENCE_END.split(text):
                if 20 <= len(sentence) <= 400 and NAMES.search(sentence):
                    yield sentence.strip()


def _marks(nlp, text: str) -> list[tuple[str, str, float]]:
    """What the detector marks, the names masked so the two versions can be compared."""
    return sorted(
        (NAMES.sub("@", text[s.start : s.end]), s.technique, round(s.score, 3))
        for s in persuasion.persuasion_spans(nlp(text))
    )


@pytest.fixture(scope="module")
def sentences(shared_data) -> dict[str, list[str]]:
    """Up to PER_FAMILY distinct sentences per family (PTC by gold, then the story sets by detection)."""
    rng = random.Random(16)
    pools: dict[str, list[str]] = {f: [] for f in FAMILIES}
    for family, sentence in _ptc_sentences(shared_data / "ptc"):
        if sentence not in pools[family]:
            pools[family].append(sentence)
    chosen = {f: rng.sample(pool, min(PER_FAMILY, len(pool))) for f, pool in pools.items()}
    chosen["story sets (any technique)"] = list(dict.fromkeys(_story_sentences(shared_data / "stories")))[:80]
    return chosen


def test_enough_real_sentences_per_family(sentences) -> None:
    for family in FAMILIES:
        assert len(sentences[family]) >= 50, f"{family}: only {len(sentences[family])} sentences"


def _alike(a: list[tuple[str, str, float]], b: list[tuple[str, str, float]]) -> bool:
    if [(text, technique) for text, technique, _ in a] != [(text, technique) for text, technique, _ in b]:
        return False
    return all(abs(x[2] - y[2]) <= TOLERANCE for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("family", [*FAMILIES, "story sets (any technique)"])
def test_either_side_is_marked_the_same(nlp, sentences, family) -> None:
    checked = sentences[family]
    differing = [s for s in checked if not _alike(_marks(nlp, s), _marks(nlp, swapped(s)))]
    share = 1 - len(differing) / len(checked)
    assert share >= ALIKE, f"{family}: {len(differing)} of {len(checked)} differ, e.g. {differing[:2]}"


def test_a_name_of_a_side_is_seen_as_its_class_whatever_ner_says(nlp) -> None:
    from presslens.extract.persuasion._features import mask_of

    assert mask_of("Islam", "ORG") == mask_of("Christianity", "") == "NORP"
    assert mask_of("Trump", "ORG") == mask_of("Obama", "PERSON") == "PERSON"
    assert mask_of("US", "GPE") == "GPE" and mask_of("us", "") is None  # case matters: the pronoun
    assert mask_of("Mueller", "PERSON") == "PERSON" and mask_of("brutal", "") is None
