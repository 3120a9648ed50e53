"""One timeline per story: each event once, with every article that reports it.

Event coreference across documents is decided conservatively, after the
cross-document event coreference setting of ECB+ (Cybulska & Vossen, 2014):
two reports are one event when they have the same PLOVER type, nothing tells
them apart and something ties them together.

- *Apart*: two days (the raids of Monday and of Friday), two named actors (the
  court jailing vs the police arresting), two named targets, two places (raids
  in two cities); an undated report cannot tell of an event after its own
  publication. When both name the same target specifically (one resolved
  actor, or one multi-word name) the day and the actor may differ: outlets
  that date a raid on one market differently, or credit it to "police" and
  to "OMON", tell of one raid, and the difference is a contradiction
  (``stories.contradictions``).
- *Together*: the same target (one actor, one wording containing the other:
  "Russian ambassador" / "Russian Ambassador Mikhail Yevdokimov", or two
  counted groups: "nine people" / "at least 23 Azerbaijanis", how many being
  a contradiction), the same named actor, the same place, the same day, or
  near-identical evidence (a wire reprint). Another mode of the same type
  ("kill" / "assault", "raid" / "detain") joins only on a shared participant,
  place or exact count ("four suspects detained" / "all four gunmen arrested"),
  and a report tries clusters that count its group alike first, then those of
  its own mode. One article counting two groups exactly ("four arrested",
  "eleven detained in all") tells of two events.

An attack (``sites.OCCURRENCE_TYPES``) is known by its day and the site it hit: clusters of one
day whose targets or places name one site ("the hospital", "Al-Ahli Arab Hospital", "killed at
the Al Ahli Hospital"; what an article tells in the same words counts, so "opened fire at the
hall, killing 133" brings the hall to the killing) are one event, whatever mode each report has
and whoever each says did it: that is the dispute (a contradiction), not a second event.

A report's day is the day prefix of its date ("2024-03-22TNI" is 22 March).
One article giving two different dates for such an event means two events (a
second arrest), so an article's reports never merge across its own dates.

Only asserted, non-negated events go on the timeline: an intended visit or a
denied raid did not happen as far as the reports go.

Statements are timeline entries too (mode ``statement``): every claim whose speaker is a
named party, typed by the act it performs (``Claim.act``: ACCUSE, REJECT, REQUEST, ...; OTHER
for a plain statement, PLOVER having no category for it), its speaker the actor, dated by its
own clause. A statement whose act the article already codes as an event ("Kyiv denied ...")
is that event and is not listed twice. An attack a speaker accuses another party of, told in
the accusation's own clause ("the ministry said an Israeli strike hit the hospital"), is a report
of the accusation only: one side's charge is not one more outlet confirming who attacked.
Statements group across outlets by speaker, act and day (its own date; undated, the day it was
published or the one before): what one speaker says on two days is two entries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

from rapidfuzz import fuzz

from presslens.confidence import is_named, report_confidence
from presslens.extract.entities._gazetteer import resolve_place
from presslens.facts import fact_lexicon, mention_countries
from presslens.models import SPEECH_ACTS, Claim, Event, Mention, Place, TextSpan
from presslens.resources import word_class
from presslens.stories.actors import ActorIndex, fold_name
from presslens.stories.deaths import death_events
from presslens.stories.independence import Independence, independence
from presslens.stories.records import EventReport, Story, StoryInput, TimelineEvent
from presslens.stories.sites import OCCURRENCE_TYPES, Site, same_area, same_site, site_of
from presslens.stories.voices import voices

__all__ = ["SHOWN_CONFIDENCE", "party_key", "story_timeline"]

_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "this",
        "that",
        "who",
        "which",
        "one",
        "those",
        "these",
    ]
)
_COUNT = re.compile(
    r"^(?:at least |more than |over |nearly |almost |about |around |some |up to )?"
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|several)\b"
)
_OF_NAME = re.compile(r"\bof (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")
_DAY_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Runs of letters (no digits or underscores): the words of a name.
_WORDS = re.compile(r"[^\W\d_]+")
_REPRINT_SIMILARITY = 90.0
_COARSE = re.compile(r"^\d{4}(?:-\d{2})?$")
#: Words that may precede an exact count of a group ("all four gunmen", "the 11 detainees").
_EXACT_LEADS = frozenset({"all", "the", "another", "other", "those", "these"})
#: Statements whose content is an act of another party the speaker accuses it of or denies.
_DISPUTING_ACTS = frozenset({"ACCUSE", "REJECT"})
#: Below this confidence an event that only one article tells is left out of the timeline by default
#: (shown on request: `presslens timeline --all`, `?all=true`). Report confidence is 0.48 for an act
#: with neither a named actor nor its own date; on the held-out story set (evaluation/confidence.py)
#: such events are located in the gold timeline far less often than those above 0.5.
SHOWN_CONFIDENCE = 0.5
# outlets that name one target may date its event differently by this much and still tell of one
# event (the date is then a contradiction); further apart, it is another event of that target
_SAME_TARGET_SLACK_DAYS = 2
# an accusation or denial at one named party, retold undated by an outlet this many days after it
# was made (or after another outlet's undated telling), is still that statement
_RETOLD_DAYS = 3


def _name(mention: Mention | None) -> str | None:
    if mention is None:
        return None
    name = (mention.canonical or mention.text or "").strip()
    return None if not name or fold_name(name) in _PRONOUNS else name


def party_key(mention: Mention | None, actors: ActorIndex) -> str | None:
    """What identifies an event's participant across articles (None when unnamed or a pronoun)."""
    name = _name(mention)
    if name is None:
        return None
    if _COUNT.match((mention.text if mention else name).lower()):
        return "#group"  # "at least 23 Azerbaijanis": a counted group, whoever its members
    if key := _armed_forces(name) or _foreign_ministry(mention.text if mention else name):
        return key
    name = _acronym_core(name) or _named_group(name) or name
    if identity := actors.resolve(name):
        # "IDF", linked to "Israel Defense Forces" across articles, is the Israeli forces too
        for variant in (identity.name, *identity.variants):
            if key := _armed_forces(variant) or _foreign_ministry(variant):
                return key
        return "id:" + identity.key
    inner = _OF_NAME.search(mention.text if mention else name)  # "the killing of Rustam Mammadov"
    if inner and (key := actors.key_of(inner.group(1))):
        return "id:" + key
    return "t:" + fold_name(name)


def _without_article(name: str) -> list[str]:
    words = name.split()
    return words[1:] if words and words[0].lower() == "the" else words


def _acronym_core(name: str) -> str | None:
    """The acronym a description is built on: "the FSB security service" is the FSB, "the PIJ
    organization" the PIJ (one word in capitals, every other word a lower-case common noun)."""
    words = _without_article(name)
    caps = [w for w in words if 2 <= len(w) <= 6 and w.isupper() and w.isalpha()]
    rest = [w for w in words if w not in caps]
    return caps[0] if len(caps) == 1 and rest and all(w.islower() and w.isalpha() for w in rest) else None


#: Lower-case nouns after a group's name that do not change which group it is ("the Hamas group").
_GROUP_NOUNS = frozenset({"group", "movement", "organization", "organisation", "militia", "faction"})


def _named_group(name: str) -> str | None:
    """The name a description of a group is built on: "the Hamas group" is Hamas, "the Houthi
    movement" the Houthis' name; "the Wagner Group" (capitalised) is a name of its own."""
    words = _without_article(name)
    if len(words) < 2 or words[-1] not in _GROUP_NOUNS or not all(w[:1].isupper() for w in words[:-1]):
        return None
    return " ".join(words[:-1])


#: Words naming a country's armed forces after its name or demonym ("the Israeli army", "Israel
#: Defense Forces", "the Russian military").
_FORCES = (("defense", "forces"), ("defence", "forces"), ("armed", "forces"), ("army",), ("military",),
           ("forces",), ("troops",))


def _armed_forces(name: str) -> str | None:
    """One key for a country's armed forces however outlets name them: "the Israeli army", "the
    Israeli military" and "Israel Defense Forces" are one speaker and one actor ("forces:IL")."""
    words = [w for w in fold_name(name).split() if w != "the"]
    places = fact_lexicon().places
    for tail in _FORCES:
        if len(words) > len(tail) and tuple(words[-len(tail):]) == tail:
            country = {places.get(w) for w in words[: -len(tail)]}
            if len(country) == 1 and None not in country:
                return "forces:" + country.pop()
    return None


#: How a foreign ministry is named, folded (Latin) or as written (Russian: "МИД", "Министерство
#: иностранных дел").
_MINISTRY = (("foreign", "ministry"), ("ministry", "of", "foreign", "affairs"), ("foreign", "office"),
             ("mfa",), ("мид",), ("министерство", "иностранных", "дел"))


def _foreign_ministry(name: str) -> str | None:
    """One key for a country's foreign ministry in either script: "Azerbaijan's Foreign Ministry",
    "the Azerbaijani foreign ministry" and "МИД Азербайджана" are one actor ("mfa:AZ")."""
    raw = _WORDS.findall(name.lower())
    words = raw + fold_name(name).split()
    if not any(_has_run(words, run) for run in _MINISTRY):
        return None
    places = fact_lexicon().places
    countries = {code for w in raw for form in _case_forms(w) if (code := places.get(form))}
    return "mfa:" + countries.pop() if len(countries) == 1 else None


def _has_run(words: list[str], run: tuple[str, ...]) -> bool:
    return any(tuple(words[i : i + len(run)]) == run for i in range(len(words) - len(run) + 1))


def _case_forms(word: str) -> tuple[str, ...]:
    """`word` and, for a Russian noun in an oblique case, its likely nominatives ("азербайджана" ->
    "азербайджан", "россии" -> "россия", "украины" -> "украина")."""
    if not word or not "а" <= word[-1] <= "я":
        return (word,)
    stem = word[:-1]
    return word, stem, stem + "а", stem + "я", word[:-2]


def _place_key(place: Mention | None) -> str | None:
    name = _name(place)
    return fold_name(name) or None if name else None


def _display(mention: Mention | None, actors: ActorIndex) -> str | None:
    name = _name(mention)
    return actors.display(name) if name else None


#: The timeline type of a statement that does no more than inform (PLOVER has no category).
STATEMENT_TYPE = "OTHER"
STATEMENT_MODE = "statement"


@dataclass
class _Report:
    article: StoryInput
    index: int
    event: Event
    target_key: str | None
    actor_key: str | None
    kind: Literal["event", "claim", "text"] = "event"
    place_key: str | None = None
    voice: str | None = None  # the body the actor speaks for ("Daniel Hagari" -> the IDF), if any

    @property
    def speaker_key(self) -> str | None:
        """Whose word or act this is: the body a spokesperson speaks for, else the actor."""
        return self.voice or self.actor_key

    @cached_property  # read in every pairwise comparison of the clustering
    def date(self) -> str | None:
        """The day the report dates the event to ("2024-03-22TNI" is that day), else None.

        A day after the article's publication is not when a reported act happened or a statement
        was made (only asserted events reach the timeline): the clause's date belongs to something
        announced ("declared Sunday a day of mourning"), so the report counts as undated.
        """
        value = self.event.date or ""
        if not _DAY_PREFIX.match(value):
            return None
        published = self.article.published
        return None if published and value[:10] > published.isoformat() else value[:10]

    @cached_property  # read for every cluster a report is tried against
    def count(self) -> int | None:
        """How many its target is, when counted exactly ("four suspects")."""
        return _head_count(self.event.target)

    @cached_property
    def coarse_date(self) -> str | None:
        """A month or a year the report dates the event to ("2004", "2021-05"), not after publication."""
        value = self.event.date or ""
        if not _COARSE.match(value):
            return None
        published = self.article.published
        return None if published and value > published.isoformat()[: len(value)] else value

    @cached_property
    def day(self) -> str | None:
        """The day it happened or, undated, the day it was reported (what a statement is known by)."""
        if self.date:
            return self.date
        return self.article.published.isoformat() if self.article.published else None


@dataclass
class _Cluster:
    type: str
    mode: str | None
    reports: list[_Report] = field(default_factory=list)

    @property
    def statement(self) -> bool:
        return self.mode == STATEMENT_MODE

    def target_keys(self) -> set[str]:
        return {r.target_key for r in self.reports if r.target_key}

    def dates_of(self, article_id: str) -> set[str]:
        return {r.date for r in self.reports if r.article.article_id == article_id and r.date}

    def day(self) -> str | None:
        """The day most of its dated reports give."""
        return _most_common([r.date for r in self.reports])

    def places(self) -> list[str]:
        return [r.event.place.text for r in self.reports if r.event.place is not None]

    def sites(self) -> list[Site]:
        """What its reports say was hit, and where (a facility named as the place)."""
        found = []
        for r in self.reports:
            for event in _told_together(r):
                for site in (_site_named(event.target, target=True), _site_named(event.place, target=False)):
                    if site is not None:
                        found.append(site)
        return found


def _targets_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.startswith("t:") and b.startswith("t:"):
        ta, tb = a[2:], b[2:]
        return (ta in tb or tb in ta) and min(len(ta.split()), len(tb.split())) >= 2
    return False


def _named(key: str | None) -> bool:
    return bool(key) and key.startswith(("id:", "forces:", "mfa:"))  # type: ignore[union-attr]


def _conflicts(report: _Report, other: _Report) -> bool:
    """Two reports that cannot be one event: different days, places, or named participants.

    A day given by both must agree (two occurrences told apart by their dates:
    the raids of Monday and of Friday), an undated report cannot tell of an
    event after its own publication, and two named actors are two events (the
    court jailing vs the police arresting) -- unless both name the same target:
    the raid on one market dated a day apart by two outlets, or carried out by
    "police" in one and "OMON" in another, is one raid, and the difference a
    contradiction (up to two days apart; a week apart it is another event of
    that target). Two named targets that differ are two events, and so
    are two places (raids in two cities).
    """
    if _periods_differ(report, other):
        return True
    same_target = _same_target(report, other)
    slack = _SAME_TARGET_SLACK_DAYS if same_target else 0
    if report.date and other.date and _days_apart(report.date, other.date) > slack:
        return True
    for dated, undated in ((report, other), (other, report)):
        published = undated.article.published
        if dated.date and not undated.date and published and _days_apart(dated.date, published) > slack \
                and dated.date > published.isoformat():
            return True
    if not same_target and _named(report.actor_key) and _named(other.actor_key) \
            and report.actor_key != other.actor_key:
        return True
    actors = report.event.actor, other.event.actor
    if actors[0] and actors[1] and _court(actors[0]) != _court(actors[1]):
        return True  # a court remanding four is not the police arresting them, however each is named
    if (_named(report.target_key) and _named(other.target_key) and report.target_key != other.target_key
            and not _text_contains(report, other)
            and not (report.event.type in SPEECH_ACTS and _same_accused(report, other))):
        return True  # (a charge at "Israeli" and one at "the Israeli Air Force" are at one side)
    # two places are two events (raids in two cities) -- unless both name one target, which then
    # lies in both: "Crocus City Hall in Krasnogorsk" / "in the Moscow Region" is one hall
    places = report.place_key, other.place_key
    if same_target or not (places[0] and places[1]) or places[0] == places[1]:
        return False
    return _places_differ(report.event.place, other.event.place)


def _court(mention: Mention | None) -> bool:
    """A court or a judge (word class "court"): its acts are not those of the police."""
    if mention is None:
        return False
    return bool({w.lower() for w in _WORDS.findall(mention.text)} & word_class("court"))


def _periods_differ(report: _Report, other: _Report) -> bool:
    """One dates its event only to a month or a year that the other's date lies outside: a
    background figure ("15 percent of the rockets launched in May 2021 fell short") is not the
    strike of 17 October 2023 it is told beside."""
    for coarse, other_report in ((report, other), (other, report)):
        period = coarse.coarse_date
        when = other_report.date or other_report.coarse_date
        if period and when and not (when.startswith(period) or period.startswith(when)):
            return True
    return False


def _places_differ(a: Mention | None, b: Mention | None) -> bool:
    """Two places that cannot be one: two areas ("Baku" / "Ganja") or two sites ("Nasser Hospital"
    / "Al-Ahli Hospital"). A site and an area may be one place, the site lying in the area
    ("at the Al Ahli Arab Hospital" / "in Gaza City")."""
    site_a, site_b = _site_named(a, target=False), _site_named(b, target=False)
    if (site_a is None) != (site_b is None):
        return False
    if site_a is None:
        return not _within_country(a, b)
    return not same_site(site_a, site_b)


def _within_country(a: Mention | None, b: Mention | None) -> bool:
    """One place is a country and the other lies in it ("366 detained in Russia" / "in St.
    Petersburg"): the country's figure holds the city's, so the places do not tell two events apart."""
    if a is None or b is None:
        return False
    place_a, place_b = _resolved(a.text), _resolved(b.text)
    if place_a is None or place_b is None or place_a.country is None:
        return False
    countries = [p for p in (place_a, place_b) if p.feature == "country"]
    return len(countries) == 1 and place_a.country == place_b.country


@lru_cache(maxsize=4096)
def _resolved(name: str) -> Place | None:
    """`resolve_place`, once per name (place pairs are compared for every pair of reports)."""
    return resolve_place(name)


def _days_apart(a: str, b: str | dt.date) -> int:
    day_b = b if isinstance(b, dt.date) else dt.date.fromisoformat(b)
    return abs((dt.date.fromisoformat(a) - day_b).days)


def _same_target(report: _Report, other: _Report) -> bool:
    """Both name one target specifically: one resolved actor, or one name of two words or more."""
    a, b = report.target_key, other.target_key
    if not (a and b) or "#group" in (a, b):
        return False
    if _named(a) and a == b:
        return True
    return _text_contains(report, other) or (a.startswith("t:") and _targets_compatible(a, b)
                                             and min(len(a.split()), len(b.split())) >= 2)


def _supports(report: _Report, other: _Report) -> bool:
    """Positive evidence that two reports tell of one event: a shared participant, place or day."""
    if report.target_key and other.target_key and (
            _targets_compatible(report.target_key, other.target_key) or _text_contains(report, other)):
        return True
    if _same_party(report, other):
        return True
    if report.date and report.date == other.date:
        return True  # one type on one day in one story, nothing telling them apart
    return fuzz.ratio(report.event.evidence.text, other.event.evidence.text) >= _REPRINT_SIMILARITY


def _joins(report: _Report, cluster: _Cluster, actors: ActorIndex) -> bool:
    """Whether `report` is one more report of the cluster's event (see the module docstring)."""
    if cluster.type != report.event.type:
        return False
    stated = report.event.mode == STATEMENT_MODE
    if stated != cluster.statement and cluster.type not in SPEECH_ACTS:
        return False  # a speech act is one whether the verb says it ("blamed") or its content does
    own_dates = cluster.dates_of(report.article.article_id)
    if report.date and own_dates and report.date not in own_dates:
        return False  # the same article dates it differently: another occurrence
    own = report.article.article_id
    counted = {r.count for r in cluster.reports if r.article.article_id == own}
    if report.count is not None and counted - {None, report.count}:
        return False  # the same article counts another group: "four arrested", "eleven detained in all"
    if cluster.statement or stated:
        # a statement is known by its speaker and its day: the same speaker's act on another day
        # is another statement ("Putin said on Saturday ... on Monday he said")
        # (every report of the cluster must be of that day, or undated ones chain the days together)
        if all(_same_speaker(report, o) and _same_statement_day(report, o) for o in cluster.reports):
            return True
        # a charge at a named party retold undated a few days on (see `_retold_charge`)
        return any(_retold_charge(report, o) for o in cluster.reports) and all(
            _same_speaker(report, o) and _retold_within(report, o) for o in cluster.reports)
    if any(_conflicts(report, other) for other in cluster.reports):
        return False
    if report.event.mode != cluster.mode:
        # another mode of the type ("kill" / "assault", "raid" / "detain") joins only on a shared
        # participant or place: one day alone does not make a raid and the arrests after it one event
        return any(_same_target(report, other) or _same_party(report, other) or _same_count(report, other)
                   or _same_figure(report, other) for other in cluster.reports)
    return any(_supports(report, other) for other in cluster.reports)


def _same_speaker(report: _Report, other: _Report) -> bool:
    """One speaker: the same actor, or one body described alike by outlets that do not link it to a
    name ("the health ministry", "Gaza's health ministry", "the Hamas-run health ministry"), unless
    both name whose it is and the names differ (Gaza's and Israel's health ministries)."""
    if report.actor_key == other.actor_key:
        return True
    if report.speaker_key and report.speaker_key == other.speaker_key:
        return True  # the body and the spokesperson who speaks for it
    a, b = _description(report.event.actor), _description(other.event.actor)
    if a is None or b is None or a[0] != b[0]:
        return False
    return not (a[1] and b[1]) or bool(a[1] & b[1])


_DESCRIPTION_WORD = re.compile(r"^[a-z][a-z-]*$")


def _description(mention: Mention | None) -> tuple[str, frozenset[str]] | None:
    """(the common-noun core, the names that qualify it) of a speaker written as a description.

    "Gaza's health ministry" -> ("health ministry", {"gaza"}); None for a proper name ("the Foreign
    Ministry", "Hamas") or a bare pronoun, which only an actor key identifies.
    """
    if mention is None or not mention.text:
        return None
    words = mention.text.replace("’", "'").split()
    after: list[str] = []  # "the health ministry in Gaza": the place after the description
    for k in range(len(words) - 2, 0, -1):
        if words[k] in {"in", "of"} and all(w[:1].isupper() for w in words[k + 1:]):
            words, after = words[:k], words[k + 1:]
            break
    if not words or not _DESCRIPTION_WORD.match(words[-1]) or words[-1] in _PRONOUNS:
        return None
    core: list[str] = []
    for word in reversed(words):
        if not _DESCRIPTION_WORD.match(word) or word in {"the", "a", "an"}:
            break
        core.insert(0, word)
    qualifiers = [w.removesuffix("'s").split("-")[0] for w in words[: len(words) - len(core)] + after]
    names = frozenset(fold_name(w) for w in qualifiers if w[:1].isupper()) - {""}
    if len(core) < 2:
        return None  # "officials", "authorities": too general to be one body across outlets
    return " ".join(core), names


def _same_statement_day(report: _Report, other: _Report) -> bool:
    """Two statements of one day: the same date, or an undated one published that day or the next
    (an outlet reports a statement the day after another did)."""
    if report.date and other.date:
        return report.date == other.date
    if report.day is None or other.day is None:
        return report.day == other.day
    return _days_apart(report.day, other.day) <= 1


def _retold_charge(report: _Report, other: _Report) -> bool:
    """One accusation, denial or demand retold by a later outlet without its date ("the Israeli army
    has blamed Islamic Jihad", two days on): the same act at the same named party, at most one of
    the two dated, and the undated one published within `_RETOLD_DAYS` after the other's day. A
    plain statement is too general to be known this way, and two dates are two statements."""
    if report.event.type == STATEMENT_TYPE or report.event.type != other.event.type:
        return False
    if not _same_accused(report, other):
        return False
    return not (report.date and other.date) and _retold_within(report, other)


def _same_accused(report: _Report, other: _Report) -> bool:
    """The same named party, or two namings of one state's side ("Israeli" and "the Israeli Air
    Force" are both Israel, as whom a charge is levelled at)."""
    if _named(report.target_key) and report.target_key == other.target_key:
        return True
    a, b = mention_countries(report.event.target), mention_countries(other.event.target)
    return len(a) == 1 and a == b  # one state each, the same


def _retold_within(report: _Report, other: _Report) -> bool:
    """The same day when both are dated; else the undated one published at most `_RETOLD_DAYS`
    after the other's day (or, both undated, within that many days of each other)."""
    if report.date and other.date:
        return report.date == other.date
    if report.day is None or other.day is None:
        return False
    dated, undated = (report, other) if report.date else (other, report)
    later = (dt.date.fromisoformat(undated.day) - dt.date.fromisoformat(dated.day)).days
    return 0 <= later <= _RETOLD_DAYS if dated.date else abs(later) <= _RETOLD_DAYS


def _same_party(report: _Report, other: _Report) -> bool:
    """The same named actor, or the same place."""
    return (_named(report.speaker_key) and report.speaker_key == other.speaker_key) or bool(
        report.place_key and report.place_key == other.place_key)


def _text_contains(report: _Report, other: _Report) -> bool:
    """ "Russian ambassador" is contained in "Russian Ambassador Mikhail Yevdokimov"."""
    if not (report.event.target and other.event.target):
        return False
    a, b = fold_name(report.event.target.text), fold_name(other.event.target.text)
    return bool(a and b) and (a in b or b in a) and min(len(a.split()), len(b.split())) >= 2


def _reports(articles: Sequence[StoryInput], actors: ActorIndex) -> list[_Report]:
    reports = []
    speaks_for = voices(articles, lambda mention: party_key(mention, actors))
    for article in sorted(articles, key=lambda a: (a.published or dt.date.max, a.article_id)):
        disputes = [_Dispute(c.evidence, c.content, party_key(c.act_target, actors), c.act == "REJECT")
                    for c in article.claims if c.act in _DISPUTING_ACTS]
        for index, event in enumerate(article.events):
            if event.negated or event.modality != "asserted":
                continue
            told = _told_by_another(event, disputes, actors)
            if told == "told":
                continue
            if told == "blamed":  # the act is given; who did it is the accusation's to say
                event = event.model_copy(update={"actor": None})
            actor = party_key(event.actor, actors)
            reports.append(
                _Report(
                    article, index, event, party_key(event.target, actors), actor,
                    place_key=_place_key(event.place), voice=speaks_for.get(actor or ""),
                )
            )
        for index, claim in enumerate(article.claims):
            statement = _statement(claim, article)
            speaker = party_key(statement.actor, actors) if statement is not None else None
            if statement is None or speaker is None or speaker == "#group":
                continue  # an unnamed or unresolved speaker ("he", "officials") makes no entry
            target = party_key(statement.target, actors)
            reports.append(_Report(article, index, statement, target, speaker, kind="claim",
                                   voice=speaks_for.get(speaker)))
        for index, death in enumerate(death_events(article)):
            reports.append(_Report(article, index, death, None, party_key(death.actor, actors), kind="text"))
    return reports


@dataclass(frozen=True)
class _Dispute:
    """An accusation or a denial of an article: where it is, what it says, whom it accuses."""

    evidence: TextSpan
    content: TextSpan
    accused: str | None
    denial: bool


def _told_by_another(
    event: Event, disputes: list[_Dispute], actors: ActorIndex
) -> Literal["told", "blamed"] | None:
    """How an accusation holds an attack it tells of: "told" when the attack is the accusation's
    own words ("the ministry said an Israeli strike hit the hospital", "Kyiv says Moscow staged
    it", "blamed an Israeli air strike"): the sentence reports the accusation, which is the
    timeline entry, not the attack itself, which would otherwise count each side's charge as one
    more outlet confirming who did it. "blamed" when the attack is given and only its doer is the
    accusation's ("X was behind the attack that killed 139"): a report of the attack, whose actor
    the accusation names. An act the speaker tells of itself ("the FSB said it detained four"), an
    arrest or a sanction a source relates ("police detained 366, according to OVD-Info"), an attack
    by a party the statement does not accuse, and an attack event noun with no named actor are
    None: the act's reports. An attack a denial names with no one to blame ("the attack on the
    hospital was not from our forces", the army said) is the denial's: "told". An attack with its
    doer that is all an accusation's content ("the ministry blamed an Israeli air strike", coded
    as the ministry's own act of blaming, so told by no one) is the accusation's too, and so is
    one in the words of an accusation that names no one the store could resolve ("condemned the
    attack, which they believe was caused by an Israeli strike").
    """
    if event.type not in OCCURRENCE_TYPES:
        return None
    actor = party_key(event.actor, actors)
    if event.reported_by is None:
        inside = any(d.content.start <= event.evidence.start and event.evidence.end <= d.content.end
                     and d.accused is not None and d.accused == actor for d in disputes)
        return "told" if inside and actor is not None and _within(event.actor, event.evidence) else None
    speaker = party_key(event.reported_by, actors)
    if speaker is None or speaker == "#group" or actor == "#group" or actor == speaker:
        return None
    verb = event.why.startswith("verb")  # "blamed X for the attack that killed 139": taken as given
    ev = event.evidence
    own_words = event.actor is not None and _within(event.actor, ev)
    for dispute in disputes:
        span = dispute.evidence
        if not (span.start <= ev.start and ev.end <= span.end):
            continue
        if (verb and actor is None) or (dispute.denial and actor is None):
            return "told"
        if actor is not None and (dispute.accused == actor or (dispute.accused is None and own_words)):
            return "told" if verb or own_words else "blamed"
    return None


def _within(mention: Mention, span: TextSpan) -> bool:
    """Whether `mention` is part of `span`: by offsets, or, for a mention the store kept without
    them, by its words ("an Israeli air strike had hit the hospital" holds "Israeli")."""
    if mention.start is not None:
        return span.start <= mention.start < span.end
    return bool(mention.text) and re.search(rf"(?<!\w){re.escape(mention.text)}(?!\w)", span.text) is not None


def _statement(claim: Claim, article: StoryInput) -> Event | None:
    """The claim as a dated speech act, or None when an event of the article already is it or when
    the claim is told as not made ("did not mention that ...")."""
    if claim.negated:
        return None
    act = claim.act or STATEMENT_TYPE
    cue = _cue_start(claim)
    # the claim's own words, its cue and its content: a sentence may hold another party's act of the
    # same type ("Putin says the suspects fled to Ukraine - Kyiv says allegations of its involvement ...")
    lo = min(claim.content.start, cue if cue is not None else claim.content.start)
    hi = max(claim.content.end, cue + len(claim.cue.text) if cue is not None else claim.content.end)
    for event in article.events:
        if event.type == act and event.evidence.start < hi and lo < event.evidence.end:
            return None
        if claim.act is None and (_tells_own_act(claim, event) or _cue_is_act(claim, event)):
            return None  # "the Brigades said it targeted Haifa", "the court charged four men": the act
    return Event.model_construct(
        type=act,
        mode=STATEMENT_MODE,
        actor=claim.speaker,
        target=claim.act_target or (claim.about if claim.act is None else None),
        place=None,
        date=claim.date,
        date_bound=claim.date_bound,
        negated=False,
        hedged=claim.hedged,
        modality="asserted",
        why=f"statement: {claim.why}" if claim.why else "statement",
        evidence=claim.evidence,
        reported_by=None,
        confidence=report_confidence(
            named_actor=is_named(claim.speaker), own_date=claim.date is not None, hedged=claim.hedged
        ),
    )


def _cue_is_act(claim: Claim, event: Event) -> bool:
    """The claim's cue verb is itself coded as the event ("the court charged four men")."""
    content, ev = claim.content, event.evidence
    cue = _cue_start(claim)
    return cue is not None and ev.start <= cue < ev.end and not content.start <= ev.start < content.end


def _cue_start(claim: Claim) -> int | None:
    """Where the cue is in the article: the store keeps only the cue's words, so they are found in
    the claim's evidence (before its content when they occur twice)."""
    if claim.cue.end > claim.cue.start:
        return claim.cue.start
    found = claim.evidence.text.find(claim.cue.text) if claim.cue.text else -1
    return claim.evidence.start + found if found >= 0 else None


def _tells_own_act(claim: Claim, event: Event) -> bool:
    """A plain statement that tells of an act of the speaker's own, asserted in its content."""
    content = claim.content
    if event.negated or event.modality != "asserted" or event.actor is None:
        return False
    if not content.start <= event.evidence.start < content.end:
        return False
    speaker, actor = _name(claim.speaker), _name(event.actor)
    return bool(speaker and actor) and fold_name(speaker) == fold_name(actor)


def story_timeline(
    story: Story, articles: Sequence[StoryInput], actors: ActorIndex, sources: Independence | None = None
) -> list[TimelineEvent]:
    """The de-duplicated events of `story`, in date order, each with all its reports.

    `sources` (default: computed from `articles`) says which reports are copies of one text
    and which share an origin, so each event can say how many independent sources it has.
    """
    sources = sources or independence(articles)
    clusters: list[_Cluster] = []
    for report in _reports(articles, actors):
        # a cluster that counts the report's group alike first ("four suspects detained" joins the
        # arrest of "four assailants", not the detention of "eleven people"), then one of the
        # report's own mode: "raid" joins the raid before the arrests
        home = next((c for c in clusters if _reprinted_in(report, c, sources)), None)
        if home is None:
            ordered = sorted(clusters, key=lambda c: (_other_count(report, c), c.mode != report.event.mode))
            home = next((c for c in ordered if _joins(report, c, actors)), None)
        if home is None:
            home = _Cluster(report.event.type, report.event.mode)
            clusters.append(home)
        home.reports.append(report)
    clusters = _merge_occurrences(clusters)
    events = [_timeline_event(story.id, c, actors, sources) for c in clusters]
    return sorted(events, key=lambda e: (e.date or "9999", -e.confidence, e.type, e.id))


def _reprinted_in(report: _Report, cluster: _Cluster, sources: Independence) -> bool:
    """The cluster holds this very report in another copy of the same wire text: one event, whatever
    each site's dating made of it (a reprint whose lede names Friday dates "X said" by it, the
    other copy leaves it undated; both are one statement), unless the copies read its participants
    apart (one site's page gives the speaker another antecedent)."""
    article = report.article.article_id
    text = sources.text_of(article)
    return (cluster.type, cluster.mode) == (report.event.type, report.event.mode) and any(
        other.article.article_id != article
        and sources.text_of(other.article.article_id) == text
        and fuzz.ratio(report.event.evidence.text, other.event.evidence.text) >= _REPRINT_SIMILARITY
        and (_same_speaker(report, other) if cluster.statement else not _conflicts(report, other))
        for other in cluster.reports)


def _head_count(mention: Mention | None) -> int | None:
    """How many a counted group is exactly ("four suspects", "all 11 detainees" -> 4, 11); None when
    the participant is not counted, or only vaguely ("dozens of people", "more than 300 people":
    compatible with any count near it)."""
    if mention is None:
        return None
    numbers = fact_lexicon().numbers
    for word in mention.text.replace(",", "").split()[:3]:
        low = word.lower()
        if low.isdecimal():
            return int(low)
        if low in numbers:
            return numbers[low]
        if low not in _EXACT_LEADS:
            return None
    return None


def _same_count(report: _Report, other: _Report) -> bool:
    """Two groups counted alike exactly ("four suspects" / "all four gunmen"): one group of people
    for an arrest told as "detained" by one outlet and "arrested" by another (not enough to make
    two named actors' acts one event: the court jailing four is not the police arresting four)."""
    return report.count is not None and report.count == other.count


#: A figure this large given for two groups ("366 people" / "at least 366 people") is one group's.
_TELLING_FIGURE = 20


def _same_figure(report: _Report, other: _Report) -> bool:
    """Both targets give one telling figure, exactly or as a bound ("Police detained 366 people" /
    "at least 366 people have been arrested"): outlets counting the same people."""
    a, b = _figure(report.event.target), _figure(other.event.target)
    return a is not None and a == b and a >= _TELLING_FIGURE


def _figure(mention: Mention | None) -> int | None:
    """The number a counted group gives, exact or bounded ("at least 366 people" -> 366)."""
    if mention is None or not _COUNT.match(mention.text.lower()):
        return None
    digits = re.search(r"\d[\d,]*", mention.text)
    return int(digits.group().replace(",", "")) if digits else None


def _other_count(report: _Report, cluster: _Cluster) -> bool:
    """The report counts its target and the cluster counts its own, but never the same number."""
    if report.count is None:
        return False
    theirs = {r.count for r in cluster.reports} - {None}
    return bool(theirs) and report.count not in theirs


def _site(report: _Report) -> bool:
    """The report's target is a site (a named or described place it hit), not people or an area."""
    return report.target_key != "#group" and _site_named(report.event.target, target=True) is not None


def _site_named(mention: Mention | None, *, target: bool) -> Site | None:
    """The site a target or a place names; None for a count ("at least 115 people") or, as a
    target, a group of people ("hundreds of Palestinians"), which are who was hit, not where."""
    if mention is None or any(ch.isdecimal() for ch in mention.text) or (target and _people(mention)):
        return None
    return site_of(mention.text)


def _told_together(report: _Report) -> list[Event]:
    """The report's event and the events of its type its article tells in the same words ("opened
    fire at the hall, killing 133": the killing is the shooting's, and hit the hall)."""
    ev = report.event.evidence
    return [report.event] + [
        e for e in report.article.events
        if e is not report.event and e.type == report.event.type and e.evidence.start < ev.end
        and ev.start < e.evidence.end
    ]


def _people(mention: Mention) -> bool:
    """A group of people ("hundreds of Palestinians", "concertgoers"), which is no site."""
    return bool(_COUNT.match(mention.text.lower()))


def _merge_occurrences(clusters: list[_Cluster]) -> list[_Cluster]:
    """Clusters of an occurrence type merged when they share their day and their site."""
    out: list[_Cluster] = []
    sites: dict[int, list[Site]] = {}  # each cluster's sites, read once (they scan its articles' events)

    def sites_of(cluster: _Cluster) -> list[Site]:
        if id(cluster) not in sites:
            sites[id(cluster)] = cluster.sites()
        return sites[id(cluster)]

    for cluster in clusters:
        home = next((o for o in out if _one_occurrence(o, cluster, sites_of)), None)
        if home is None:
            out.append(cluster)
        else:
            home.reports.extend(cluster.reports)
            sites[id(home)] = sites_of(home) + sites_of(cluster)
    return out


def _one_occurrence(a: _Cluster, b: _Cluster, sites_of: Callable[[_Cluster], list[Site]]) -> bool:
    if a.type != b.type or a.type not in OCCURRENCE_TYPES or a.statement or b.statement:
        return False
    if not _same_day(a, b) or not same_area(a.places(), b.places()):
        return False
    return any(same_site(x, y) for x in sites_of(a) for y in sites_of(b))


def _same_day(a: _Cluster, b: _Cluster) -> bool:
    """One day, or an undated cluster whose articles came out on that day or shortly after: "a
    strike that hit a Gaza hospital", told undated the next morning, is the strike of the night
    before at that site, not another one."""
    day_a, day_b = a.day(), b.day()
    if day_a is not None and day_b is not None:
        return day_a == day_b
    dated, undated = (a, b) if day_a is not None else (b, a)
    day = dated.day()
    if day is None:
        return False
    if not any(r.event.why.startswith("verb") for r in undated.reports):
        return False  # "involvement with the hospital attack": a reference in passing, not a report
    published = [r.article.published for r in undated.reports]
    return all(p is not None and 0 <= (p - dt.date.fromisoformat(day)).days <= _SAME_TARGET_SLACK_DAYS
               for p in published)


def _most_common(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    return Counter(present).most_common(1)[0][0] if present else None


#: How much a participant named inside a source's words counts against the outlet's own narration:
#: "Bortnikov said the United States was behind the attack" does not make the US the attacker.
_ATTRIBUTED_WEIGHT = 0.5


def _best_named(
    reports: Sequence[_Report], values: list[str | None], sources: Independence
) -> str | None:
    """The participant most of the independent reports give, the outlet's own voice counting most.

    A copy of one wire text counts once, whatever the number of sites that carried it; a
    participant told only inside an attributed claim weighs half of one the outlet states itself.
    Ties go to the earliest report.
    """
    weight: dict[str, float] = {}
    seen: set[tuple[str, str]] = set()
    for report, value in zip(reports, values, strict=True):
        if not value:
            continue
        article = report.article.article_id
        text = sources.text_of(article)
        if (text, value) in seen:
            continue
        seen.add((text, value))
        voice = _ATTRIBUTED_WEIGHT if report.event.reported_by is not None else 1.0
        weight[value] = weight.get(value, 0.0) + voice
    return max(weight, key=lambda v: weight[v]) if weight else None


def _timeline_event(
    story_id: str, cluster: _Cluster, actors: ActorIndex, sources: Independence
) -> TimelineEvent:
    dates = Counter(r.date for r in cluster.reports if r.date) or Counter(
        r.coarse_date for r in cluster.reports if r.coarse_date)  # "the 2004 Beslan siege": 2004
    if dates:
        date, date_source = sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0], "event"
    else:
        published = [r.article.published for r in cluster.reports if r.article.published]
        date, date_source = (min(published).isoformat(), "published") if published else (None, None)
    targets = [_display(r.event.target, actors) for r in cluster.reports]
    named = [t if _named(r.target_key) else None for r, t in zip(cluster.reports, targets, strict=True)]
    if cluster.type in OCCURRENCE_TYPES:  # an attack is shown by the site it hit, not its victims
        sites = [t if _site(r) else None for r, t in zip(cluster.reports, targets, strict=True)]
        named = [t if t and (site := site_of(t)) and site.proper else None for t in sites]
        named = named if any(named) else sites
    first = cluster.reports[0]
    digest = hashlib.sha256(
        f"{story_id}|{cluster.type}|{cluster.mode}|{first.article.article_id}|{first.kind}{first.index}".encode()
    ).hexdigest()[:10]
    return TimelineEvent(
        id="e-" + digest,
        story=story_id,
        date=date,
        date_source=date_source,
        type=cluster.type,
        mode=cluster.mode,
        actor=_best_named(cluster.reports, [_display(r.event.actor, actors) for r in cluster.reports],
                          sources),
        target=_best_named(cluster.reports, named, sources) or _best_named(cluster.reports, targets, sources),
        place=_most_common([_name(r.event.place) for r in cluster.reports]),
        confidence=max(r.event.confidence for r in cluster.reports),
        reports=tuple(
            EventReport(
                article=r.article.article_id,
                outlet=r.article.outlet,
                index=r.index,
                actor=_display(r.event.actor, actors),
                target=_display(r.event.target, actors),
                date=r.event.date,
                evidence=r.event.evidence,
                kind=r.kind,
                confidence=r.event.confidence,
                copy_of=sources.copy_of.get(r.article.article_id),
                origin=sources.origin_of.get(r.article.article_id),
            )
            for r in cluster.reports
        ),
    )
