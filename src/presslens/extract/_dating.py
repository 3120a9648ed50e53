"""When a clause says something happened: the time expression on its clause or a clause above.

Shared by events (an act's date) and claims (a statement's date). News attaches a date to
the clause that states the act ("police detained him on Friday") or to the reporting clause
above it ("officials said on Saturday that police had detained him"): the report bounds the
act, and desks date it so. A time inside another clause further down belongs to that clause's
act. Datelines ("MOSCOW, March 22 (Reuters) -") say when and where a report was filed, never
when the act happened nor who acted, so their tokens are set apart too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy
from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span, Token

from presslens.extract._shared import doc_sentences
from presslens.models import Timex

__all__ = ["clause_date", "clause_head", "dateline_tokens", "event_date"]

#: Dash tokens that end a dateline ("CAIRO (AP) —").
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
#: A dateline is the first few tokens of a paragraph; a longer prefix is a sentence.
DATELINE_MAX_TOKENS = 12
_DATELINE_KEY = "presslens.dateline_tokens"
#: A calendar day (TIMEX3 value): what a reference time for undated clauses must be.
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def dateline_tokens(doc: Doc) -> frozenset[int]:
    """Indices of dateline tokens: a paragraph opening with a capitalised place and a dash.

    Computed once per Doc (kept in ``doc.user_data``): events and claims both ask.
    """
    cached = doc.user_data.get(_DATELINE_KEY)
    if cached is not None:
        return cached
    out: set[int] = set()
    # the whitespace tokens from one array read, not a Token object per token of the Doc
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist() if len(doc) else []
    starts = [0] + [i + 1 for i in spaces if "\n" in doc[i].text]
    for start in starts:
        if start >= len(doc):
            continue
        first = doc[start]
        if not (first.is_alpha and first.is_upper and len(first) >= 3):
            continue
        end = min(len(doc), start + DATELINE_MAX_TOKENS)
        dash = next((t.i for t in doc[start:end] if t.text in DATELINE_DASHES), None)
        if dash is not None:
            out.update(range(start, dash + 1))
    result = frozenset(out)
    doc.user_data[_DATELINE_KEY] = result
    return result


def clause_head(tok: Token) -> Token:
    """The verb (or the root) whose clause `tok` sits in.

    A copula or auxiliary heading its own clause is that clause's verb ("who have been at war
    since 2014": the time is the relative clause's, not the sentence's that holds it).
    """
    while tok.head.i != tok.i and not (
        tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"}
    ):
        tok = tok.head
    return tok


def clause_date(
    doc: Doc, anchor: Token, scope: Span, noun: Token | None = None, told: Sequence[tuple[int, int]] = ()
) -> str | None:
    """The value of the DATE/TIME timex nearest `anchor` in its clause chain within `scope`.

    The anchor's own clause first, then each clause above it; None when no clause on the way
    up carries a date (the caller then says only the publication date bounds it). An event
    noun (`anchor` itself, or `noun` of a light verb: "carried out the attack") keeps the
    time it carries itself. A time inside `told` (statements' contents) is what one tells, never
    when it was said: "announced a day of mourning for 24 March".
    """
    found = [(span, value) for span, value in _timex_spans(doc, scope)
             if not any(a <= span.start_char < b for a, b in told)]
    if not found:
        return None
    datelines = dateline_tokens(doc)
    attached: dict[int, str] = {}  # clause head token -> value of the first timex on it
    roots: list[tuple[Token, str]] = []
    for span, value in found:
        if span.start in datelines:
            continue
        roots.append((span.root, value))
        if span.root.dep_ != "poss":  # "Friday's attack": the day is the attack's, not its clause's
            attached.setdefault(clause_head(span.root).i, value)
    if not roots:
        return None
    for act in (anchor, noun):
        if act is not None and act.pos_ in {"NOUN", "PROPN"} and (own := _own_time(act, roots)) is not None:
            return own
    tok = anchor
    for _ in range(len(scope)):
        head = clause_head(tok)
        if head.i in attached:
            return attached[head.i]
        if head.head.i == head.i:
            return None
        if head.dep_ in _NOUN_CLAUSES and _event_noun(head.head):
            return None  # a clause telling what an act did has the act's time, not its sentence's
        tok = head.head
    return None


#: Clauses that modify a noun: a time inside one is the noun's ("the attack that killed 139 on Friday").
_NOUN_CLAUSES = frozenset({"relcl", "acl"})


def _timex_spans(doc: Doc, scope: Span) -> list[tuple[Span, str]]:
    """The DATE/TIME expressions inside `scope`, as token spans with their values."""
    timexes = doc._.timexes if Doc.has_extension("timexes") else None
    out = []
    for tx in timexes or ():
        if tx.type in {"DATE", "TIME"} and scope.start_char <= tx.start < scope.end_char:
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None:
                out.append((span, tx.value))
    return out


def _event_noun(tok: Token) -> bool:
    """A noun naming an act or an occurrence ("attack", "blast"), or a place an act is told of
    through one ("the venue" of "the attack on the venue")."""
    from presslens.extract.events._lexicon import event_lexicon  # the event package imports this module

    lex = event_lexicon()
    for _ in range(2):
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return False
        lemma = tok.lemma_.lower()
        if lemma in lex.nouns or lemma in lex.word_class("occurrence"):
            return True
        if tok.dep_ != "pobj":
            return False
        tok = tok.head.head
    return False


def _noun_time(doc: Doc, noun: Token, sent: Span) -> str | None:
    """The time `noun` (or a noun it hangs on by a preposition) carries itself, if any."""
    roots = [(span.root, value) for span, value in _timex_spans(doc, sent)]
    for _ in range(3):  # "the venue" -> "attack on the venue": the attack's time
        own = _own_time(noun, roots) if roots else None
        if own is not None or noun.dep_ != "pobj" or noun.head.head.pos_ not in {"NOUN", "PROPN"}:
            return own
        noun = noun.head.head
    return None


def _own_time(noun: Token, roots: list[tuple[Token, str]]) -> str | None:
    """The time a nominal event carries itself: "Friday's attack", "the raid on Monday", "the attack
    that killed 139 on Friday" -- before any date of the clause it sits in ("X said on Tuesday
    that Y was behind the attack ..." dates the statement, not the attack)."""
    for root, value in roots:
        tok = root
        for _ in range(6):
            if tok.i == noun.i:
                return value
            if tok.head.i == tok.i:
                break
            if tok.pos_ in {"VERB", "AUX"} and not (tok.dep_ in _NOUN_CLAUSES and tok.head.i == noun.i):
                break  # a clause of its own, unless it is the noun's relative/participial clause
            tok = tok.head
    return None


def event_date(
    doc: Doc, anchor: Token, sent: Span, noun: Token | None = None, told: Sequence[tuple[int, int]] = ()
) -> tuple[str | None, str | None]:
    """(value, where from): the clause chain first, then a day named elsewhere in the sentence.

    TimeML's anchoring order for news events: a clause's own time; else a calendar day named
    elsewhere in its sentence ("on Friday, police raided X and detained Y"); else, for a clause
    told in a past tense, the article's news day (`lede_day`: the day its lede's main clause
    names, when that is before publication — Monday's report of "a court on Sunday" tells the
    hearing's details undated). Any earlier date in a paragraph is *not* carried on: on the
    development story sets that dated follow-up acts by the attack's day (detentions the next
    day) as often as it was right, and so did the lede's first day taken from a relative clause
    or a possessive ("the attack that killed 139 on Friday"); the main clause's day took Crocus
    from 0.62 to 0.76 (al-Ahli unchanged). Otherwise the date is null with the publication bound.
    `told`: the character ranges of statements' contents, whose days are never a statement's.
    """
    value = clause_date(doc, anchor, sent, noun, told)
    if value is not None:
        return value, "clause"
    clause = clause_head(anchor)
    if clause.dep_ in _NOUN_CLAUSES and _event_noun(clause.head):
        # "Friday's attack on the venue that killed 137", "the attack that killed 130 appeared in
        # court on Sunday": a clause describing a noun has that noun's time, not its sentence's
        return _noun_time(doc, clause.head, sent), "clause"
    datelines = dateline_tokens(doc)
    for timex in _day_timexes(doc):
        if not sent.start_char <= timex.start < sent.end_char:
            continue
        if any(a <= timex.start < b for a, b in told):
            continue  # a statement's date is never the date of what it tells ("X died on Friday, she said")
        at = _token_at(doc, timex.start)
        if at in datelines or at < 0 or not _free_day(doc[at], anchor):
            continue
        return timex.value, "sentence"
    lede = lede_day(doc)
    if lede is not None and _told_in_past(anchor):
        return lede, "lede"
    return None, None


_LEDE_KEY = "presslens.lede_day"
#: How far into the text the lede's day may stand (a headline and a dateline come first).
LEDE_CHARS = 400


def lede_day(doc: Doc) -> str | None:
    """The news day of an article: the first calendar day its lede names, when that is before the
    publication day ("appeared before a Moscow court on Sunday" in Monday's paper)."""
    if _LEDE_KEY in doc.user_data:
        return doc.user_data[_LEDE_KEY]
    published = doc._.published if Doc.has_extension("published") else None
    value = None
    datelines = dateline_tokens(doc)
    lede = _lede(doc)
    for timex in _day_timexes(doc):
        if lede is None or timex.start >= lede.end_char:
            break
        if timex.start < lede.start_char:
            continue
        at = _token_at(doc, timex.start)
        if at in datelines or at < 0:
            continue
        tok = doc[at]
        if tok.dep_ == "poss" or clause_head(tok).dep_ != "ROOT":
            continue  # "Friday's attack", "the attack that killed 139 on Friday": background, not the news
        day = timex.value[:10]
        if published is not None and day < published.isoformat():
            value = day
        break
    doc.user_data[_LEDE_KEY] = value
    return value


def _lede(doc: Doc) -> Span | None:
    """The lede: the first sentence that ends as a sentence does (a headline line does not),
    within the first ``LEDE_CHARS`` characters. Only its own day is the news day: the next
    sentence is already background as often as not ("Police raided the market on March 12")."""
    for sent in doc_sentences(doc):
        if sent.start_char > LEDE_CHARS:
            return None
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is not None and last.text in {".", "!", "?", "”", '"', "’", "'"} and len(sent) >= 6:
            return sent
    return None


def _told_in_past(anchor: Token) -> bool:
    """The clause of `anchor` is told in a past tense ("said", "was charged", "had arrested")."""
    head = clause_head(anchor)
    if head.tag_ == "VBD":
        return True
    return head.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in head.children)


def _free_day(tok: Token, anchor: Token) -> bool:
    """A day that may date the sentence's other clauses: not a noun's own ("Friday's attack") nor
    the day of a clause describing a noun outside the act's own participants ("blamed Israel, 11
    days into a war with militants who attacked southern Israel on October 7"); the clause of a
    participant tells of the same episode ("police who raided the office on Friday arrested ...")."""
    if tok.dep_ == "poss":
        return False
    head = clause_head(tok)
    return head.dep_ not in _NOUN_CLAUSES or head.head.head.i == clause_head(anchor).i


def _day_timexes(doc: Doc) -> list[Timex]:
    timexes = doc._.timexes if Doc.has_extension("timexes") else None
    return [t for t in timexes or () if t.type in {"DATE", "TIME"} and _DAY.match(t.value or "")]


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else -1
