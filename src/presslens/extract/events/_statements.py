"""Statements as dated speech acts: what a claim does, and when it was made.

The statements that make news — an investigative committee's finding, a ministry's protest,
a denial, an accusation — belong on a story's timeline beside the material events, dated and
grouped across outlets. A claim says *who* and *what*; this step adds *when* (the time
expression on the cue's clause, or a clause above it, as for events; else only the
publication date bounds it) and *which act* the statement performs, in PLOVER's verbal
categories:

- the cue itself coded as an event ("denied", "accused", "urged", "warned") gives that type, and
  so does a cue verb the lexicon codes as a speech act when the parse left it no complement
  ("charged in a statement that ...");
- a statement that tells of a hostile act by a named party other than the speaker accuses that
  party ("the FSB said the attackers were heading for Ukraine's border" is not one; "the
  ministry said Israel struck the hospital" is); told as negated ("no indication that Ukraine
  was behind it") it accuses no one;
- a statement that names who carried out the act a story is about accuses that party
  ("the IDF said Islamic Jihad is responsible"; the party facts of `presslens.facts`);
- a statement that places the perpetrators with a party of another side accuses it ("the
  terrorists planned to flee to Ukraine", "had contacts on the Ukrainian side"; `_implicated`);
- a statement that calls an allegation false rejects it ("allegations of involvement are
  absurd", "baseless claims"; classes ``allegation`` and ``dismissal`` of plover_classes.tsv);
- a statement that denies a hostile act of the speaker's own side rejects the accusation ("the
  attack on the hospital was not from our forces", the IDF said; the Kremlin said Russian troops
  did not strike the market): the act negated, its doer or source the speaker, "we"/"our", or a
  party of the speaker's country; so does one denying that side had a part in it ("Kyiv had
  nothing to do with the attack", "it was not involved");
- anything else is a plain statement (`act` null), shown as such.

Every statement also says which party it is *about* (`about`): the subject of its content when
that is a named party or a happening ("a blast at a Gaza hospital was not ..." is about the
blast), else the first party the content names other than the speaker ("the White House said
there was no indication that Ukraine was behind the attack" is about Ukraine), else the subject's
noun phrase. It is a plain statement's target on the timeline and in the actor graph, as
PLOVER codes a statement's target as whom it concerns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc, Token

from presslens.extract._dating import event_date
from presslens.extract._shared import (
    PERSONAL_PRONOUNS,
    PLACE_PREPOSITIONS,
    PLURAL_PRONOUNS,
    SUBJECT_DEPS,
    EntityRef,
    doc_text,
    document_entities,
)
from presslens.extract.events._implicated import implicated_party
from presslens.extract.events._lexicon import HOSTILE, event_lexicon
from presslens.extract.events._roles import PARTY_LABELS
from presslens.facts import claim_facts, fact_lexicon, party_sides
from presslens.models import SPEECH_ACTS, Claim, Event, Mention

__all__ = ["statement_acts"]


#: How far after a speaker's dated claim an undated one of theirs is still the same telling: the
#: next paragraph or two of a wire story ("But on Saturday, X confirmed ... . His mother had been
#: given a notice, X said. The time of death was ..., X said.").
_SAME_TELLING_CHARS = 400


def statement_acts(doc: Doc, claims: Sequence[Claim], events: Sequence[Event]) -> list[Claim]:
    """`claims` with `date`/`date_bound` and `act`/`act_target` filled in.

    A claim dated by nothing of its own (or only by the lede's news day) right after a dated claim
    of the same speaker is of that day: wire copy names the day once and goes on "..., X said".
    On the Navalny story set the lede's day had dated such follow-ups a day early."""
    published = doc._.published if Doc.has_extension("published") else None
    parties = _parties(doc) if claims else []
    out = []
    sides: dict[tuple[str, str | None], frozenset[str]] = {}  # a speaker's countries, read once
    dated: dict[str, tuple[str, int]] = {}  # speaker -> (the day their last dated claim gives, where it ends)

    def countries(claim: Claim) -> frozenset[str]:
        key = (claim.speaker.text, claim.speaker.canonical)
        if key not in sides:
            sides[key] = _speaker_countries(claim, claims, doc)
        return sides[key]

    told = [(c.content.start, c.content.end) for c in claims]  # what statements tell, not when said
    for claim in claims:
        if claim.negated:  # "did not mention that ...": no statement, so no act and no date of one
            out.append(claim)
            continue
        cue = doc.char_span(claim.cue.start, claim.cue.end, alignment_mode="expand")
        # a content that holds this claim's own cue is no content of another (nested attribution:
        # "officials said the ministry announced on Friday that ...")
        others = [(a, b) for a, b in told if not a <= claim.cue.start < b]
        date, source = (None, None) if cue is None else event_date(doc, cue.root, cue.root.sent, told=others)
        speaker = claim.speaker.canonical or claim.speaker.text
        said = dated.get(speaker)
        if source in {None, "lede"} and said and claim.cue.start - said[1] <= _SAME_TELLING_CHARS:
            date = said[0]  # "X confirmed on Saturday that ... . His mother had been told, X said."
        elif date is not None and source in {"clause", "sentence"}:
            dated[speaker] = (date, claim.evidence.end)
        act, target = _act(claim, events, lambda c=claim: countries(c))
        if act is None:
            act, target = _blamed(claim, doc_text(doc), countries(claim))
        if act is None:
            act, target = _implicates(doc, claim, parties, countries(claim))
        if act is None:
            act, target = _calls_liar(doc, claim, parties, countries(claim))
        if act is None and cue is not None and not _coded_otherwise(claim, events):
            act = _cue_act(cue.root)
            target = _accused(claim, events) if act == "ACCUSE" else None
        if act is None and _calls_a_crime(doc, claim):
            act, target = "ACCUSE", None  # "said the attack was a war crime": whoever did it
        if act is None and (_dismisses_allegation(doc, claim)
                            or _denies_own_act(doc, claim, events, countries(claim))
                            or _denies_own_part(claim, doc_text(doc), countries(claim))):
            act = "REJECT"
        bound = published.isoformat() if date is None and published is not None else None
        about = _about(doc, claim, parties)
        update = {"date": date, "date_bound": bound, "act": act, "act_target": target, "about": about}
        out.append(claim.model_copy(update=update))
    return out


def _about(doc: Doc, claim: Claim, parties: Sequence[EntityRef]) -> Mention | None:
    """The party `claim` is about: the named party heading its content's subject, else the first
    party it names that is not the speaker, else the subject's noun phrase when it is a common
    noun ("a blast at a Gaza hospital was not ..."). None when the content names no one."""
    lo, hi = claim.content.start, claim.content.end
    own = {_name(claim.speaker), claim.speaker.text.casefold()}
    named = [e for e in parties if lo <= e.start and e.end <= hi and not _setting(doc, e)
             and (e.canonical or e.text).casefold() not in own and e.text.casefold() not in own]
    subject = _content_subject(doc, claim)
    if subject is not None:
        heading = next((e for e in named if e.start <= subject.idx < e.end), None)
        if heading is not None:
            return heading.mention()
    if named and not (subject is not None and _happening(subject)):
        return named[0].mention()
    if subject is not None and subject.pos_ == "NOUN":
        left, right = subject.left_edge, subject.right_edge
        if right.i - left.i < 12 and lo <= left.idx and right.idx + len(right) <= hi:
            while left.dep_ == "det" and left.i < subject.i:
                left = doc[left.i + 1]
            span = doc[left.i : right.i + 1]
            return Mention(text=span.text, start=span.start_char, end=span.end_char)
    return None


#: Dependencies of a place name that only modifies a noun: "the Moscow shooting", "Moscow's concert hall".
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss"})


def _setting(doc: Doc, entity: EntityRef) -> bool:
    """A country or city named as where something is or happened, not as a party to the statement:
    a modifier ("the Moscow shooting", "Moscow's Crocus City Hall"), the object of a preposition of
    place ("a venue in Moscow") or of a part of a place ("on the outskirts of Moscow"). "Russia
    said" or "blamed Ukraine" keep it a party."""
    if entity.label != "GPE":
        return False
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in _MODIFIER_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in \
            event_lexicon().word_class("area"):
        return True  # "on the outskirts of Moscow", "in the north of Gaza"
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


def _happening(noun: Token) -> bool:
    """A blast, an attack, an incident: a statement with it as subject is about it ("a blast at a
    Gaza hospital was not the result of an Israeli strike", said the DRM), not about a party it names."""
    if noun.pos_ != "NOUN":
        return False
    lex = event_lexicon()
    lemma = noun.lemma_.lower()
    return lemma in lex.word_class("occurrence") or lemma in lex.word_class("blast")


def _parties(doc: Doc) -> list[EntityRef]:
    """The article's named parties, less any inside a time expression ("0917 GMT")."""
    timexes = doc._.timexes if Doc.has_extension("timexes") else None
    times = [(t.start, t.end) for t in timexes or ()]
    return [e for e in document_entities(doc) if e.label in PARTY_LABELS
            and not any(s < e.end and e.start < t for s, t in times)]


def _content_subject(doc: Doc, claim: Claim) -> Token | None:
    """The subject of the content's main clause, when it is no pronoun."""
    span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if span is None:
        return None
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    for root in roots:
        subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and subj.pos_ in {"NOUN", "PROPN"} and subj.lower_ not in PERSONAL_PRONOUNS:
            return subj
    return None


def _act(
    claim: Claim, events: Sequence[Event], own_countries: Callable[[], frozenset[str]]
) -> tuple[str | None, Mention | None]:
    for event in events:  # the cue verb coded as an event: "denied", "accused", "urged"
        ev = event.evidence
        if event.type in SPEECH_ACTS and ev.start <= claim.cue.start < ev.end and not _inside(event, claim):
            return event.type, event.target
    for party in _told_doers(claim, events):
        if not _is_named(party):
            continue
        if _own_party(party.canonical or party.text, claim, own_countries()):
            continue  # an act of the speaker's own side ("whether it was an Israeli strike", said the IDF)
        return "ACCUSE", party
    return None, None


def _told_doers(claim: Claim, events: Sequence[Event]) -> Iterator[Mention]:
    """Who the hostile acts told in the claim's content were done by, the speaker left out, and
    no act told as negated ("no indication that Ukraine was behind it" accuses no one)."""
    speaker = _name(claim.speaker)
    for event in events:
        if (_inside(event, claim) and event.type in HOSTILE and event.actor is not None
                and not event.negated and _name(event.actor) != speaker):
            yield event.actor


def _appositions(doc: Doc, start: int, end: int) -> list[str]:
    """The descriptions in apposition to the name at `start`..`end`: "Mykhailo Podolyak, an adviser
    to Ukraine's president," (a relative clause or the sentence after "according to X," is none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [doc[c.left_edge.i : c.right_edge.i + 1].text for c in span.root.children if c.dep_ == "appos"]


def _speaker_countries(claim: Claim, claims: Sequence[Claim], doc: Doc) -> frozenset[str]:
    """The countries the speaker belongs to, from how the article names it anywhere: its other
    attributions, the title before its name ("Israeli military spokesman Daniel Hagari" makes
    a later "he said" by Hagari Israeli) and a description in apposition after it."""
    text = doc_text(doc)
    names = {claim.speaker.text, claim.speaker.canonical or ""}
    canonical = claim.speaker.canonical
    if canonical:
        names |= {c.speaker.text for c in claims if c.speaker.canonical == canonical}
        start = text.find(canonical)
        while start >= 0:  # the words before the name, within its clause, and an apposition after it
            names.add(_TITLE_STOP.split(text[max(0, start - _TITLE_CHARS) : start])[-1])
            names.update(_appositions(doc, start, start + len(canonical)))
            start = text.find(canonical, start + len(canonical))
    return frozenset().union(*(party_sides(name)[0] for name in names if name))


def _cue_act(cue: Token) -> str | None:
    """The speech act the cue verb itself performs ("charged that ...", "alleged that ...") when
    the event step did not code it: a parse that hangs the that-clause elsewhere ("charged in a
    statement that ...") leaves the verb without the complement its lexicon row asks for, but the
    claim is that complement. Only rows without argument constraints, and only speech acts."""
    if cue.pos_ != "VERB":
        return None
    entry = event_lexicon().verbs.get(cue.lemma_.lower())
    rows = entry.variants() if entry is not None else ()
    return next((row.type for row in rows
                 if row.type in SPEECH_ACTS and row.actor_rule is None and row.object_rule is None), None)


def _coded_otherwise(claim: Claim, events: Sequence[Event]) -> bool:
    """The cue verb is coded as an act that is no speech act ("the court charged four men": legal
    action, not an accusation), so the cue's lexicon cannot say what the statement does."""
    return any(e.type not in SPEECH_ACTS and e.evidence.start <= claim.cue.start < e.evidence.end
               and not _inside(e, claim) for e in events)


def _accused(claim: Claim, events: Sequence[Event]) -> Mention | None:
    """Who an accusing cue's content says did a hostile act, named or described ("charged that
    militants attacked the school"): not the speaker, not an act told as negated."""
    return next((party for party in _told_doers(claim, events)
                 if party.canonical or party.text.casefold() not in _PRONOUNS), None)


def _blamed(claim: Claim, text: str, own_countries: frozenset[str]) -> tuple[str | None, Mention | None]:
    """A statement that names who carried out the act the story is about accuses that party
    ("the IDF said Islamic Jihad is responsible", "Arab countries believe it was caused by an
    Israeli strike"): the party facts of `presslens.facts`, stated, not denied, and not the
    speaker's own side (a group claiming responsibility, or its news agency saying it did, accuses
    no one)."""
    for fact in claim_facts(claim, text):
        if fact.kind == "party" and not fact.denied and not _own_party(fact.value, claim, own_countries):
            if _assessed(text, claim.content.start, fact.start):
                return None, None  # "likely caused by a misfiring X rocket": a finding, no charge
            return "ACCUSE", Mention(text=fact.value, start=fact.start, end=fact.end)
    return None, None


def _assessed(text: str, start: int, at: int) -> bool:
    """The sentence of the content up to `at` says how likely it is ("likely caused by", "the most
    probable explanation is", "judges that"): intelligence services and governments give who did
    it as an assessment (PLOVER leaves such findings uncoded: OTHER), not as an accusation."""
    sentence = re.split(r"[.!?]\s", text[start:at])[-1].lower()
    return any(w in fact_lexicon().likelihood for w in re.findall(r"[a-z]+", sentence))


def _implicates(
    doc: Doc, claim: Claim, parties: Sequence[EntityRef], own_countries: frozenset[str]
) -> tuple[str | None, Mention | None]:
    """A statement placing the perpetrators with a party of another side accuses it ("the terrorists
    planned to flee to Ukraine", said the FSB; see `presslens.extract.events._implicated`)."""
    content = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if content is None:
        return None, None
    party = implicated_party(content, parties, lambda name: _own_party(name, claim, own_countries))
    return ("ACCUSE", party.mention()) if party is not None else (None, None)


def _calls_liar(
    doc: Doc, claim: Claim, parties: Sequence[EntityRef], own_countries: frozenset[str]
) -> tuple[str | None, Mention | None]:
    """A statement calling a party's words lies accuses it (CAMEO 112, PLOVER ACCUSE): "she did
    not know whether to believe the news due to the lies of Russia", "the Kremlin's disinformation".
    The liar is the possessor or of-phrase of a deceit noun (class ``deceit``), a named party that
    is not the speaker's own side."""
    content = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if content is None:
        return None, None
    deceit = event_lexicon().word_class("deceit")
    for tok in content:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in deceit:
            continue
        holders = [c for c in tok.children if c.dep_ == "poss"]
        holders += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
        for holder in holders:
            party = next((e for e in parties if e.start <= holder.idx < e.end), None)
            if party is not None and not _own_party(party.canonical or party.text, claim, own_countries):
                return "ACCUSE", party.mention()
    return None, None


def _own_party(value: str, claim: Claim, own_countries: frozenset[str]) -> bool:
    """`value` names the speaker or its side: the speaker itself, a country it belongs to, or the
    names its own name holds ("Islamic State" said by "the agency of Islamic State")."""
    if value.casefold() in {claim.speaker.text.casefold(), _name(claim.speaker)}:
        return True
    countries, names = party_sides(value)
    if own_countries & countries:
        return True
    speaker_names = party_sides(claim.speaker.text)[1] | party_sides(claim.speaker.canonical or "")[1]
    return bool(names) and not countries and names <= speaker_names


def _denies_own_part(claim: Claim, text: str, own_countries: frozenset[str]) -> bool:
    """The content denies that the speaker's own side did the act ("it was not responsible for the
    blast", said the army; "Kyiv had nothing to do with the attack", said Ukraine's ministry): the
    party facts of `presslens.facts`, denied, naming the speaker or a country it belongs to. A third
    party cleared ("no indication that Ukraine was behind it", said the White House) is no denial."""
    return any(fact.kind == "party" and fact.denied and _own_party(fact.value, claim, own_countries)
               for fact in claim_facts(claim, text))


def _calls_a_crime(doc: Doc, claim: Claim) -> bool:
    """The content's main clause calls an act a crime: "the attack was a 'war crime'", "the
    massacre at the hospital is a crime of genocide". The subject must be an act (an event noun
    the lexicon codes, or a happening) and the predicate noun an atrocity; "the law is a crime"
    or "he was a hero" accuse no one."""
    span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if span is None:
        return False
    lex = event_lexicon()
    atrocities, murders = lex.word_class("atrocity"), lex.word_class("murder_verb")
    for tok in span:
        if _murder_told(tok, murders):
            return True
        if tok.dep_ != "attr" or tok.lemma_.lower() not in atrocities or tok.head.lemma_ != "be":
            continue
        if any(c.dep_ == "neg" for c in tok.head.children):
            return False  # "it was not a crime"
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.lemma_.lower() in lex.nouns or _happening(subject)
                                    or subject.lemma_.lower() in atrocities or _a_death(subject)):
            return True
    return False


def _a_death(subject: Token) -> bool:
    """"His death was murder", "it was an assassination": the death the article tells of."""
    return subject.lower_ in {"it", "this"} or subject.lemma_.lower() == "death"


def _murder_told(tok: Token, verbs: frozenset[str]) -> bool:
    """"He was murdered", "Navalny was poisoned": a homicide told in the passive with no doer named."""
    if tok.lemma_.lower() not in verbs or tok.tag_ != "VBN":
        return False
    deps = {c.dep_ for c in tok.children}
    return {"auxpass", "nsubjpass"} <= deps and not deps & {"agent", "neg"}


def _dismisses_allegation(doc: Doc, claim: Claim) -> bool:
    """The content calls an allegation false or unacceptable: "allegations of involvement are
    absurd", "baseless claims", "we consider such statements unacceptable"."""
    lex = event_lexicon()
    allegations, dismissals = lex.word_class("allegation"), lex.word_class("dismissal")
    span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.lemma_.lower() not in dismissals:
            continue
        if tok.dep_ == "amod" and tok.head.lemma_.lower() in allegations:
            return True  # "baseless allegations"
        if tok.dep_ in {"acomp", "attr"}:
            subjects = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(c.lemma_.lower() in allegations for c in subjects):
                return True  # "the allegations are absurd"
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in allegations for c in tok.children):
            return True  # a small clause: "we consider such statements unacceptable"
    return False


#: How far before a name its title may start ("Israeli military spokesman Rear Adm."), and what
#: ends it (a clause or sentence boundary, or a verb-like "said").
_TITLE_CHARS = 60
_TITLE_STOP = re.compile(r"[.;:!?,“”\"()\n]|\b(?:said|says|told|and|by|to|of|with)\b")
_FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
_PRONOUNS = PERSONAL_PRONOUNS | PLURAL_PRONOUNS | _FIRST_PERSON | {"it", "its", "you"}


def _denies_own_act(doc: Doc, claim: Claim, events: Sequence[Event], own_countries: frozenset[str]) -> bool:
    """The content negates a hostile act told in it (or a crime it names), and who did it (or where
    it came from) is the speaker's own side: "the attack was not from our forces", "Russian troops
    did not strike" said by the Kremlin, "Ukraine has never resorted to terrorist methods" said by
    a Ukrainian official. A third party cleared ("no sign Ukraine was behind it") is not a denial."""
    hostile = [e for e in events if _inside(e, claim) and e.type in HOSTILE]
    span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if span is None:
        return False
    own = {_name(claim.speaker)} | {claim.speaker.text.casefold()}
    lex = event_lexicon()
    uncertain = lex.word_class("epistemic")
    crimes = lex.word_class("atrocity") | {"terrorist"}
    for neg in (t for t in span if t.dep_ == "neg"):
        clause = neg.head
        if clause.lemma_.lower() in uncertain:
            continue  # "I don't know whether it was our strike": uncertainty, not a denial
        lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        # the act denied: a hostile event told in the clause, or a crime named in it ("has never
        # resorted to terrorist methods", "our forces did not commit war crimes")
        if not any(lo <= e.evidence.start < hi for e in hostile) and not any(
                t.lemma_.lower() in crimes for t in clause.subtree):
            continue
        for party in _doers(clause):
            words = {t.lower_ for t in party.subtree}
            phrase = doc[party.left_edge.i : party.right_edge.i + 1].text
            if words & _FIRST_PERSON or phrase.casefold() in own:
                return True
            if own_countries and party_sides(phrase)[0] & own_countries:
                return True
        for event in hostile:  # the negated act's resolved doer: "it had not attacked" -> the speaker
            inside = lo <= event.evidence.start < hi
            if inside and event.negated and event.actor is not None and _name(event.actor) in own:
                return True
    return False


def _doers(clause: Token) -> list[Token]:
    """Who a clause says did its act: its subject, its agent, and what it came "from"."""
    doers = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for prep in (c for c in clause.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "from"}):
        doers += [c for c in prep.children if c.dep_ == "pobj"]
    return doers


def _inside(event: Event, claim: Claim) -> bool:
    return claim.content.start <= event.evidence.start < claim.content.end


def _name(mention: Mention) -> str:
    return (mention.canonical or mention.text).casefold()


def _is_named(mention: Mention) -> bool:
    """A party a reader can identify: linked to an entity, or written as a proper name."""
    return bool(mention.canonical) or mention.text[:1].isupper()
