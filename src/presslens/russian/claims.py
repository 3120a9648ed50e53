"""Russian attributed claims: who says what, read from natasha's dependency parse.

Three constructions carry nearly all attribution in Russian news, each read
from the parse, with the cue words in ``resources/russian_claim_cues.tsv``:

- a verb of saying: its subject is the source and its content is its
  что-clause ("заявила, что Москва ответит"), the quotation it introduces
  ("сказал: «...»"), or the sentence it is inserted in ("«...», — заявил
  Подоляк"; "Как сообщает ТАСС, ..."; the parser attaches such a verb to the
  sentence as ``parataxis``);
- "по словам X", "по данным X" (a cue noun in the dative after "по"): X is the
  source of the clause the phrase is attached to;
- "со ссылкой на X": X is the source the speaker relays.

A claim's speaker takes the canonical name of the entity its words name (the
person, else the organisation or state: "советник президента Украины Михаил
Подоляк" -> "Михаил Подоляк"). Content in quotation marks is ``direct``; a
hedge word in it ("якобы") or the cue ("по неподтверждённым данным") makes it
``hedged``. A verb of saying with no content and no subject makes no claim.
A speaker "он" / "она" is the nearest person named before it whose name has
that gender (the dictionary knows given names and surnames by gender).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from presslens.models import Claim, Entity, Mention, TextSpan
from presslens.resources import read_tsv
from presslens.russian.mentions import party_mention
from presslens.russian.names import name_gender
from presslens.russian.tree import EDGE_PUNCT, Tree

__all__ = ["ClaimCues", "claim_cues", "is_cue_sentence", "russian_claims"]

_QUOTE_OPENERS = frozenset("«„\"“")
_SUBJECTS = ("nsubj", "nsubj:pass")
_PRONOUN_GENDERS = {"он": "masc", "она": "femn"}


@dataclass(frozen=True)
class ClaimCues:
    verbs: frozenset[str]
    according: frozenset[str]
    citing: frozenset[str]
    impersonal: frozenset[str]
    hedges: frozenset[str]
    surface: frozenset[str]  # every inflected form of every cue word, for choosing sentences to parse


@cache
def claim_cues(vocab: Any) -> ClaimCues:
    """The cue lexicon, with every form of each cue word (from pymorphy2's dictionary), read once."""
    rows = read_tsv("russian_claim_cues.tsv")

    def kind(name: str) -> frozenset[str]:
        return frozenset(row[1] for row in rows if row[0] == name)

    verbs, according, citing, hedges = kind("verb"), kind("according"), kind("citing"), kind("hedge")
    impersonal = kind("impersonal")
    forms: set[str] = set()
    for lemma in verbs | according | citing | impersonal | hedges:
        forms.add(lemma)
        for parse in vocab.parse(lemma)[:1]:
            forms.update(form.word for form in parse.lexeme)
    return ClaimCues(verbs, according, citing, impersonal, hedges, frozenset(forms))


def is_cue_sentence(sent: Any, cues: ClaimCues) -> bool:
    """Does the sentence hold a cue word or a quotation (so it needs the parse)?"""
    return any(t.text.lower() in cues.surface or t.text in _QUOTE_OPENERS for t in sent.tokens)


def _content_of_verb(tree: Tree, verb: Any, cues: ClaimCues) -> set[int] | None:
    """The verb's что-clause, the quotation it introduces, or the sentence it is inserted in;
    else a quotation next to the verb's clause ("«...», — с поклоном сказал швейцар")."""
    for clause in tree.kids(verb, "ccomp"):
        return tree.subtree(clause)
    at = tree.index[verb.id]
    # a clause inserted in the verb's sentence, after it first; not another verb of saying, which
    # attributes the sentence ("«Министр сказал ...», — сообщил X"), not says it
    inserted = sorted(
        (c for c in tree.kids(verb, "parataxis") if c.text.lower() not in cues.surface),
        key=lambda c: tree.index[c.id] < at,
    )
    if inserted:
        return tree.subtree(inserted[0])
    head = tree.head(verb)
    if verb.rel == "parataxis" and head is not None:
        content = tree.subtree(head) - tree.subtree(verb)
        if content:
            return content
    if verb.rel == "root":
        # "Полиция задержала 12 человек, сообщила Ирина Волк": the parser often makes the verb of
        # saying after the comma a second root; what it attributes is the root clause before it
        at = tree.index[verb.id]
        before = [t for t in tree.tokens[:at] if t.rel == "root" and t.text.lower() not in cues.surface]
        if before:
            content = tree.subtree(before[-1]) - tree.subtree(verb)
            if content:
                return content
    return _adjacent_quotation(tree, verb)


def _quotations(tree: Tree) -> list[tuple[int, int]]:
    """Token runs [a, b) from an opening quotation mark to its closing mark, marks included."""
    runs, opened = [], None
    for k, tok in enumerate(tree.tokens):
        mark = tok.text
        if mark in ("«", "„", "“") and opened is None:
            opened = k
        elif mark in ("»", "“", "”") and opened is not None:
            runs.append((opened, k + 1))
            opened = None
        elif mark == '"':
            if opened is None:
                opened = k
            else:
                runs.append((opened, k + 1))
                opened = None
    return runs


def _adjacent_quotation(tree: Tree, verb: Any) -> set[int] | None:
    """A quotation that closes just before the verb's clause (", — [a few words] сказал") or opens
    just after the verb and its subject ("сказал он: «..."): only punctuation and at most
    three words between."""
    at = tree.index[verb.id]
    subject: set[int] = set()
    for s in tree.kids(verb, *_SUBJECTS):
        subject |= tree.subtree(s)
    for a, b in _quotations(tree):
        between = range(b, at) if b <= at else range(at + 1, a) if a > at else None
        if between is None:
            continue
        words = [k for k in between if tree.tokens[k].text not in EDGE_PUNCT and k not in subject]
        if len(words) <= 3 and any(tree.tokens[k].text in EDGE_PUNCT for k in between):
            return set(range(a, b))
    return None


def _claim(
    tree: Tree, text: str, sent: Any, entities: Sequence[Entity], cues: ClaimCues,
    source: set[int], cue: tuple[int, int], content: set[int], why: str, hedged: bool = False,
    via: Mention | None = None,
) -> Claim | None:
    speaker, content_run = party_mention(tree, source, text, entities), tree.run(content)
    if speaker is None or content_run is None:
        return None
    content_span = tree.span(content_run, text)
    hedged = hedged or any(
        tree.tokens[k].text.lower() in cues.hedges for k in range(content_run[0], content_run[1])
    )
    return Claim(
        speaker=speaker,
        cue=tree.span(cue, text),
        content=content_span,
        via=via,
        hedged=hedged,
        direct=content_span.text[:1] in _QUOTE_OPENERS,
        why=why,
        evidence=TextSpan(text=text[sent.start : sent.stop], start=sent.start, end=sent.stop),
    )


def _verb_source(tree: Tree, verb: Any, lemma: str, cues: ClaimCues) -> tuple[set[int], str] | None:
    """Who says it: the verb's subject; for an impersonal verb ("говорится в заявлении МИД") its
    "в"-phrase; for a participle ("Финна, говорившего: ...") the noun it qualifies."""
    subjects = tree.kids(verb, *_SUBJECTS)
    if subjects:
        return tree.subtree(subjects[0]), f"verb of saying '{lemma}'"
    if lemma in cues.impersonal:
        for phrase in tree.kids(verb, "obl"):
            if any(c.text.lower() in ("в", "во") for c in tree.kids(phrase, "case")):
                return tree.subtree(phrase), f"impersonal verb of saying '{lemma}' and its source"
    head = tree.head(verb)
    if verb.rel == "acl" and head is not None and head.pos in ("NOUN", "PROPN"):
        return tree.subtree(head) - tree.subtree(verb), f"participle of saying '{lemma}' on its source"
    return None


def _sentence_claims(
    sent: Any, text: str, entities: Sequence[Entity], vocab: Any, cues: ClaimCues
) -> list[Claim]:
    if not sent.tokens or sent.tokens[0].head_id is None:
        return []  # not parsed: no cue in it
    tree = Tree(sent.tokens)
    claims = []
    for k, tok in enumerate(tree.tokens):
        if tok.text.lower() not in cues.surface:
            continue
        if tok.lemma is None:  # the time reader lemmatises every token first
            tok.lemmatize(vocab)
        lemma = tok.lemma
        claim = None
        if lemma in cues.verbs | cues.impersonal and tok.pos == "VERB":
            source = _verb_source(tree, tok, lemma, cues)
            content = _content_of_verb(tree, tok, cues)
            if source and content:
                claim = _claim(tree, text, sent, entities, cues, source[0], (k, k + 1), content, source[1])
        elif lemma in cues.according:
            claim = _according(tree, text, sent, entities, cues, tok, k)
        elif lemma in cues.citing:
            claim = _citing(tree, text, sent, entities, cues, tok, vocab)
        if claim is not None:
            claims.append(claim)
    return claims


def _according(
    tree: Tree, text: str, sent: Any, entities: Sequence[Entity], cues: ClaimCues, tok: Any, k: int
) -> Claim | None:
    """"по словам X, ...": X is the source of the clause the phrase is attached to."""
    preposition = [c for c in tree.kids(tok, "case") if c.text.lower() == "по"]
    head, sources = tree.head(tok), tree.kids(tok, "nmod")
    if not preposition or head is None:
        return None
    # "по неподтверждённым данным": no one named; the reports themselves are the (unnamed) source
    source = tree.subtree(sources[0]) if sources else tree.subtree(tok) - {tree.index[preposition[0].id]}
    cue_end = min(source) if min(source) > k else k + 1
    unconfirmed = any(c.text.lower().startswith("неподтвержд") for c in tree.kids(tok, "amod"))
    return _claim(tree, text, sent, entities, cues, source, (tree.index[preposition[0].id], cue_end),
                  tree.subtree(head) - tree.subtree(tok), f"'по {tok.text.lower()}' names the source",
                  hedged=unconfirmed)


def _citing(
    tree: Tree, text: str, sent: Any, entities: Sequence[Entity], cues: ClaimCues, tok: Any, vocab: Any
) -> Claim | None:
    """"X сообщил, что ..., со ссылкой на Y": Y is the source, relayed by X (``via``)."""
    preposition = [c for c in tree.kids(tok, "case") if c.text.lower() in ("со", "с")]
    verb = tree.head(tok)
    cited = [c for c in tree.kids(tok) if any(g.text.lower() == "на" for g in tree.kids(c, "case"))]
    if not preposition or verb is None or not cited:
        return None
    content = _content_of_verb(tree, verb, cues)
    relays = tree.kids(verb, *_SUBJECTS)
    if not content:
        return None
    via = party_mention(tree, tree.subtree(relays[0]), text, entities) if relays else None
    cue = (tree.index[preposition[0].id], tree.index[tok.id] + 1)
    return _claim(tree, text, sent, entities, cues, tree.subtree(cited[0]), cue, content,
                  "'со ссылкой на' names the source", via=via)


def _outermost(claims: list[Claim]) -> list[Claim]:
    """Claims whose cue is not inside another claim's content (a quotation quoting someone is one
    claim of its speaker: "«Пауэлл сказал Арафату, что ...», — сообщил Баучер")."""
    def inside(c: Claim, o: Claim) -> bool:
        return o is not c and o.content.start <= c.cue.start and c.cue.end <= o.content.end

    # two claims each inside the other's content are a misparse: keep both rather than lose both
    return [c for c in claims if not any(inside(c, o) and not inside(o, c) for o in claims)]


def _resolved_pronoun(claim: Claim, entities: Sequence[Entity], vocab: Any) -> Claim:
    """"он сказал": the nearest person named before the claim whose name has the pronoun's gender."""
    gender = _PRONOUN_GENDERS.get(claim.speaker.text.lower())
    if gender is None:
        return claim
    earlier = [e for e in entities if e.label == "PERSON" and e.end <= claim.speaker.start]
    for person in reversed(earlier):
        if name_gender(vocab, person.canonical) == gender:
            speaker = claim.speaker.model_copy(update={"canonical": person.canonical})
            why = f"{claim.why}; '{claim.speaker.text}' is {person.canonical}, the last {gender} name before"
            return claim.model_copy(update={"speaker": speaker, "why": why})
    return claim


def russian_claims(doc: Any, text: str, entities: Sequence[Entity], vocab: Any) -> list[Claim]:
    """The claims of a natasha Doc whose cue sentences are parsed (``is_cue_sentence``); a speaker
    "он" / "она" is the nearest person named before with a name of that gender."""
    cues = claim_cues(vocab)
    claims: list[Claim] = []
    seen: dict[tuple[int, int], int] = {}
    for sent in doc.sents:
        for claim in _outermost(_sentence_claims(sent, text, entities, vocab, cues)):
            key = (claim.content.start, claim.content.end)
            claim = _resolved_pronoun(claim, entities, vocab)
            if key not in seen:  # one content, one claim (the first cue that reads it) ...
                seen[key] = len(claims)
                claims.append(claim)
            elif claim.via is not None:  # ... unless a later one names whom the first speaker relays
                claims[seen[key]] = claim
    return claims
