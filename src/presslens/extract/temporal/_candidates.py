"""Where time expressions may be: token runs around calendar words, and their context.

Recognition is split in two, as in HeidelTime: cheap, generous *candidate
runs* here (a spaCy ``Matcher`` over the calendar lexicon plus the model's
DATE/TIME entities, grown over connecting words such as "the", "of", numbers
and modifiers), then the normaliser decides which stretches inside a run are
time expressions (``presslens.extract.temporal._expressions``). Two context checks the text
alone cannot make live here too: the tense of the governing verb (HeidelTime
uses it to place "July 1" or "Monday" before or after the anchor) and whether
a bare number, month or unit word is really temporal ("2,000 troops",
"May I", "days of protest").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from presslens.extract._shared import doc_tokens, sentence_of
from presslens.extract.temporal._calendar import Tense
from presslens.extract.temporal._lexicon import timex_lexicon
from presslens.resources import read_tsv

__all__ = ["Run", "governing_tense", "is_past_perfect", "is_plausible", "timex_runs", "year_range"]

_LEX = timex_lexicon()
_DEICTIC = _LEX.deictic
# Words a run may grow over (timex_connectors.tsv), plus number words.
_CONNECT = frozenset(row[0] for row in read_tsv("timex_connectors.tsv")) | frozenset(_LEX.cardinals) \
    | frozenset(_LEX.ordinals)
_ABBREVIATIONS = frozenset(w for w in list(_LEX.months) + list(_LEX.weekdays) if len(w) <= 4) - {
    "may", "june", "july"}
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "august"})
_AFTER_BARE_UNIT = frozenset({"for", "over", "in", "within", "after", "throughout"})
_BEFORE_FALL = frozenset({"this", "last", "next", "early", "late", "mid", "past", "coming"})
_NOT_YEAR_ENTS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})
_MAX_RUN = 14
# one-word START/END modifiers ("early", "later"): "in" joins them to a unit or part of day
_PART_WORDS = frozenset(p for p, mod in _LEX.modifiers if " " not in p and mod in ("START", "END"))
# words around the head of an expression: determiners and mod prefixes ("some 2000", "early May")
_NOT_HEAD = frozenset({"the", "'s", "'", "-"} | {w for prefix, _ in _LEX.modifiers for w in prefix.split()})


_RANGE_TOKEN = re.compile(r"^((?:1\d|20)\d\d)[–—-]((?:1\d|20)\d\d|\d\d)$")
_YEAR_TOKEN = re.compile(r"^(?:1\d|20)\d\d$")
_SECOND_YEAR = re.compile(r"^(?:(?:1\d|20)\d\d|\d\d)$")
_DASHES = frozenset({"-", "–", "—"})


@dataclass(frozen=True)
class YearRange:
    """Two years written as a range ("1914–17", "1939 - 1945"): char offsets and TIMEX3 years."""

    end: int  # the token after the range
    first: tuple[int, int, str]
    second: tuple[int, int, str]


@dataclass(frozen=True)
class Run:
    """A token range [start, end) that may hold one or more time expressions."""

    start: int
    end: int


@lru_cache(maxsize=1)
def _seed_words() -> frozenset[str]:
    """Lower-cased words that anchor a time expression by themselves (months, units, "today")."""
    return frozenset(
        set(_LEX.months) | {m + "." for m in _LEX.months} | set(_LEX.weekdays) | set(_LEX.seasons)
        | set(_LEX.parts_of_day) | _LEX.unit_words | set(_DEICTIC)
        | {w for expr in _LEX.fixed for w in expr.split()} | set(_LEX.eras) | {e + "." for e in _LEX.eras}
        - set(_CONNECT)
    )


# token shapes that anchor a time expression: a year or a range of years in one token (1914–17),
# a clock time, a decade (1990s, 90s), numeric dates; and lower-cased "mid-2011", "3pm", "'90s"
_SHAPE_TEXT = re.compile(
    r"(?:1\d|20)\d\d(?:[–—-](?:(?:1\d|20)\d\d|\d\d))?|\d{1,2}:\d\d(?::\d\d)?|(?:\d\d)?\d0'?s"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d\d-\d\d")
_SHAPE_LOWER = re.compile(r"mid-(?:1\d|20)\d\d|\d{1,2}(?:[:.]\d\d)?(?:am|pm)|'\d\ds?")
# a clock time whose am/pm is a token of its own ("7.15 p.m.", "6 pm"): the number is the seed
_CLOCK_NUMBER = re.compile(r"\d{1,2}(?:[:.]\d\d)?")
_AM_PM = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m"})


def _seeds(doc: Doc) -> list[tuple[int, int]]:
    """Single-token anchors: a set lookup per token, the shape patterns only where a digit or
    quote can start one (a spaCy Matcher with regex predicates cost ten times as much here)."""
    words = _seed_words()
    found = []
    tokens = doc_tokens(doc)
    for i, token in enumerate(tokens):
        lower = token.lower_
        digit = lower[:1].isdigit()  # every shape but a quoted year or "mid-" starts with one
        shaped = (digit or lower[:1] == "'" or lower.startswith("mid-")) and bool(
            _SHAPE_TEXT.fullmatch(token.text) or _SHAPE_LOWER.fullmatch(lower))
        if not shaped and digit and _CLOCK_NUMBER.fullmatch(lower) and i + 1 < len(tokens):
            shaped = tokens[i + 1].lower_ in _AM_PM
        if lower in words or shaped:
            found.append((i, i + 1))
    return found


def _connects(token: Token) -> bool:
    if token.is_space:
        return False
    if token.lower_ == "in":  # "earlier in the day", "early in the morning", never a bare "in"
        return token.i > 0 and token.doc[token.i - 1].lower_ in _PART_WORDS
    return token.lower_ in _CONNECT or token.like_num or bool(re.fullmatch(r"\d+(st|nd|rd|th)", token.lower_))


def timex_runs(doc: Doc) -> list[Run]:
    """Token ranges around calendar words and model DATE/TIME entities, in text order."""
    seeds = _seeds(doc)
    seeds += [(ent.start, ent.end) for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    runs: list[list[int]] = []
    tokens = doc_tokens(doc)
    for start, end in sorted(seeds):
        sent = sentence_of(doc, start)
        while start > sent.start and end - start < _MAX_RUN and _connects(tokens[start - 1]):
            start -= 1
        while end < sent.end and end - start < _MAX_RUN and (_connects(tokens[end]) or _is_seed(tokens[end])):
            end += 1
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    return [Run(s, e) for s, e in runs]


def year_range(doc: Doc, i: int) -> YearRange | None:
    """The year range starting at token `i`, as two years (TimeML tags each end; HeidelTime date_r12b).

    "1914–17" -> 1914 and 1917, "1939–1945" -> 1939 and 1945; a two-digit end
    takes the first year's century ("1998–02" -> 2002). Not a range of years
    when it counts something ("1200-1300 troops") or the end is not later.
    """
    token = doc[i]
    if m := _RANGE_TOKEN.match(token.text):
        first, second, end = m.group(1), m.group(2), i + 1
        spans = ((token.idx, token.idx + len(first)), (token.idx + len(token.text) - len(second),
                                                          token.idx + len(token.text)))
    elif (_YEAR_TOKEN.match(token.text) and i + 2 < len(doc) and doc[i + 1].text in _DASHES
          and _SECOND_YEAR.match(doc[i + 2].text)):
        first, second, end = token.text, doc[i + 2].text, i + 3
        spans = ((token.idx, token.idx + len(first)), (doc[i + 2].idx, doc[i + 2].idx + len(second)))
    else:
        return None
    start_year = int(first)
    end_year = int(second) if len(second) == 4 else start_year - start_year % 100 + int(second)
    if len(second) == 2 and end_year <= start_year:
        end_year += 100
    if not start_year < end_year <= start_year + 100:
        return None
    nxt = doc[end] if end < len(doc) else None
    prev = doc[i - 1] if i > 0 else None
    counts = nxt is not None and (nxt.tag_ == "NNS" or nxt.text == "%")
    if counts or (prev is not None and prev.is_currency):
        return None  # "1200-1300 troops", "$1990-2000"
    return YearRange(end, (*spans[0], f"{start_year:04d}"), (*spans[1], f"{end_year:04d}"))


def _is_seed(token: Token) -> bool:
    lower = token.lower_.rstrip(".")
    return lower in _LEX.months or lower in _LEX.weekdays or lower in _LEX.unit_words or lower in _DEICTIC \
        or lower in _LEX.parts_of_day or bool(re.fullmatch(r"(1\d|20)\d\d|\d{1,2}:\d\d", token.text))


def _governing_verb(span: Span) -> Token | None:
    """The verb the expression depends on: the nearest above it (four steps), else the sentence's."""
    token = span.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            break
        if token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        token = span.sent.root
        if token.pos_ not in ("VERB", "AUX"):
            return None
    return token


def is_past_perfect(span: Span) -> bool:
    """Whether the governing verb is a past perfect ("had annexed"): a step back in a narrative."""
    token = _governing_verb(span)
    return token is not None and token.tag_ == "VBN" and any(
        c.lower_ in ("had", "'d") for c in token.children if c.dep_ in ("aux", "auxpass"))


def _is_name(words: list[Token], nxt: Token | None) -> bool:
    """Capitalised number and unit words inside a sentence, before a capitalised noun: a proper name."""
    inside = [t for t in words if not t.is_sent_start and t.is_alpha]
    if not inside or not all(t.is_title for t in inside):
        return False
    while nxt is not None and nxt.text in ("'", "’", "'s", "’s", "-"):
        nxt = nxt.doc[nxt.i + 1] if nxt.i + 1 < len(nxt.doc) else None
    return nxt is not None and nxt.is_title


def governing_tense(span: Span) -> Tense | None:
    """PAST / PRESENT / FUTURE of the verb the expression depends on, if any.

    Walks up from the span's root to the nearest verb (at most four steps, as
    HeidelTime looks at the sentence's verbs) and reads its tag and auxiliaries:
    "will"/"shall"/"going to" -> FUTURE, VBD or "has/have + VBN" -> PAST.
    A date after "since" lies in the past whatever the verb ("has been trying
    since December").
    """
    if span.start > 0 and span.doc[span.start - 1].lower_ == "since":
        return "PAST"
    token = _governing_verb(span)
    if token is None:
        return None
    aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")] + [token]
    lowers = {a.lower_ for a in aux}
    if lowers & {"will", "'ll", "shall", "wo"} or ("going" in lowers and token.tag_ == "VB"):
        return "FUTURE"
    if any(a.tag_ == "VBD" for a in aux) or (lowers & {"has", "have", "had", "'ve"} and token.tag_ == "VBN"):
        return "PAST"
    if any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "PRESENT"
    # a main verb tagged as a participle, without auxiliary, is a simple past: "Andrea developed on
    # June 5" (also when parsed as a modifier that has its own subject)
    has_subject = any(c.dep_ == "nsubj" for c in token.children)
    if token.tag_ == "VBN" and len(aux) == 1 and (
            token.dep_ in ("ROOT", "conj") or (token.dep_ == "acl" and has_subject)):
        return "PAST"
    return None


def is_plausible(span: Span, value_type: str) -> bool:
    """Context checks for words that are temporal only sometimes.

    A bare year must not count something ("2,000 troops", "$2013"); a bare
    month must be a capitalised proper noun ("May I" is a modal); abbreviated
    month/weekday names need a number beside them ("Sun" is a newspaper); a
    bare plural unit needs a temporal preposition before it ("for years", not
    "days of protest"); a season word must be a noun ("prices fall").
    """
    words = [t for t in span if t.lower_ not in _NOT_HEAD]
    if not words or any(t.lower_ in _AMBIGUOUS_MONTHS and not t.is_title for t in words):
        return False
    first, prev = words[0], span.doc[span.start - 1] if span.start > 0 else None
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.text == "-" and value_type != "DURATION":
        return False  # "now-cancelled", "2008-built" (a year range is read by year_range first)
    if value_type == "DURATION" and any(t.is_title for t in words) and _is_name(words, nxt):
        return False  # "the Hundred Years' War", "the Six-Day War": a name, not a duration
    last = words[-1]
    if re.fullmatch(r"[1-9]\d\d", last.text) and (
            (last.dep_ == "nummod" and last.head.lower_.rstrip(".") not in _LEX.months)
            or (nxt is not None and nxt.tag_ in ("NNS", "NN"))):
        return False  # "In May 300 people died": a count, not the year 300
    if words[-1].lower_ in ("quarter", "quarters", "half") and nxt is not None and nxt.lower_ == "of" \
            and value_type == "DURATION":
        return False  # "about a quarter of its dealers" is a fraction
    if any(t.lower_ == "fall" for t in words) and not (
            any(t.lower_ in _BEFORE_FALL for t in words) or re.search(r"\d{4}", span.text)):
        return False  # "a large fall" in prices is no season
    if len(words) == 1:
        lower = first.lower_.rstrip(".")
        if re.fullmatch(r"\d{4}", first.text):
            if first.ent_type_ in _NOT_YEAR_ENTS or (prev is not None and prev.text in ("$", "#", "€", "£")):
                return False
            if nxt is not None and (nxt.text == "%" or (nxt.tag_ == "NNS" and first.dep_ == "nummod")):
                return False  # "2000 people" counts; "the 2008 election" is a year
            return first.ent_type_ == "DATE" or 1900 <= int(first.text) <= 2099
        if lower in _LEX.months:
            return first.is_title and first.pos_ == "PROPN" and lower not in _ABBREVIATIONS \
                and first.ent_type_ != "PERSON" and not (  # "August Petermann", "May Day"
                    first.dep_ == "compound" and first.head.i == first.i + 1 and first.head.pos_ == "PROPN"
                    and (prev is None or prev.pos_ not in ("ADP", "SCONJ")))
        if lower in _ABBREVIATIONS:
            return False
        if lower in _LEX.weekdays and prev is not None and prev.is_title and prev.head is first \
                and prev.dep_ in ("compound", "amod"):
            return False  # "Black Monday", "Good Friday" name an event, not this week's day
        if lower in _LEX.seasons:
            return first.pos_ in ("NOUN", "PROPN") and not (first.is_title and first.i > first.sent.start
                                                           and prev is not None and prev.pos_ == "PROPN")
        if lower in _LEX.unit_words and lower.endswith("s"):
            return prev is not None and prev.lower_ in _AFTER_BARE_UNIT
    return True
