"""The candidate record of the entity repairs, and the spans the tagger missed.

``_repair`` relabels and trims the tagger's spans; this module adds the names it
left out, each only where a lexicon or the words around the name are precise:

- a demonym, a country, a large capital ("Kyiv accused Moscow"), including a capital
  used as a hyphenated modifier ("Kyiv-backed forces", where the tagger sees an
  adjective);
- an acronym after a nationality ("Russian OMON");
- a surname the document has already shown to be a PERSON ("Orlov, a correspondent");
- a name governed by a settlement noun ("the village of Khurcha", "the Donetsk
  region"): OntoNotes v14 tags such names GPE;
- a quoted name holding an outlet or institution word ('"Radio Armenia"').
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from presslens.extract._shared import QUOTATION_MARKS, doc_tokens, sentence_of, tokens_text
from presslens.extract.entities._gazetteer import Gazetteer
from presslens.extract.entities._lexicon import EntityLexicon, fold

__all__ = [
    "CAPITAL_ADD_MIN_POP",
    "POSSESSIVE_MARKERS",
    "QUOTES",
    "RepairedSpan",
    "added_spans",
    "hyphen_modifier",
    "mostly_upper",
    "quoted_org_names",
    "settlement_noun",
    "span_text",
]

# Untagged capitals are added as GPE only above this size ("Kyiv accused Moscow").
CAPITAL_ADD_MIN_POP = 500_000
# Quotation marks around a name, a straight single quote included ("'Radio Armenia'").
QUOTES = QUOTATION_MARKS | {"'"}
# Tokens that end a possessor: a name ends before them ("Baku's", "the Kurds'").
POSSESSIVE_MARKERS = frozenset({"'s", "’s", "'", "’"})
_HYPHENS = frozenset({"-", "‐", "–"})
# A name after "the village of" runs for at most this many capitalised tokens.
_MAX_SETTLEMENT_NAME = 3


@dataclass
class RepairedSpan:
    """A candidate entity in token offsets, with the rules that changed it."""

    start: int
    end: int
    label: str
    why: list[str] = field(default_factory=list)

    def change(self, label: str, reason: str) -> None:
        if label != self.label:
            self.why.append(f"{reason}: {self.label}->{label}")
            self.label = label


def span_text(doc: Doc, cand: RepairedSpan) -> str:
    """The candidate's text in `doc` (no Span built)."""
    return tokens_text(doc, cand.start, cand.end)


def mostly_upper(tok: Token) -> bool:
    """Is the token's sentence a headline in capitals (where the lexicons misfire)?"""
    sent = sentence_of(tok.doc, tok.i)
    alpha = [t for t in doc_tokens(tok.doc)[sent.start : sent.end] if t.is_alpha]
    return bool(alpha) and sum(t.is_upper for t in alpha) >= 0.6 * len(alpha)


def hyphen_modifier(doc: Doc, end: int, lex: EntityLexicon) -> str | None:
    """"backer" for "Kremlin-backed", "located" for "Moscow-based", else None.

    ``end`` is the token after the name; the hyphen must be written without spaces.
    A place before a participle of support or command is an actor (place-for-people,
    Markert & Nissim, SemEval-2007 task 8); before "-based", "-born" it is a location.
    """
    if end + 1 >= len(doc) or end == 0:
        return None
    hyphen, word = doc[end], doc[end + 1]
    if hyphen.text not in _HYPHENS or doc[end - 1].whitespace_ or hyphen.whitespace_:
        return None
    if word.lower_ in lex.backer_suffixes:
        return "backer"
    if word.lower_ in lex.located_suffixes:
        return "located"
    return None


def settlement_noun(doc: Doc, start: int, end: int, lex: EntityLexicon) -> str | None:
    """The settlement noun governing the name ``doc[start:end]`` ("village of X", "X region").

    Lower case only: "City of London" and "Kurdistan Region" are names themselves. A
    name followed by a possessive owns the next noun ("districts of Patasse's people").
    """
    if end < len(doc) and doc[end].lower_ in POSSESSIVE_MARKERS:
        return None
    if start >= 2 and doc[start - 1].lower_ == "of":
        noun = doc[start - 2]
        if noun.is_lower and noun.lower_ in lex.settlement_nouns:
            return f"{noun.text} of"
    if end < len(doc) and doc[end].is_lower and doc[end].lower_ in lex.settlement_nouns:
        return doc[end].text
    return None


def quoted_org_names(doc: Doc, lex: EntityLexicon) -> list[RepairedSpan]:
    """Capitalised names in quotes holding an outlet or institution word ('"Radio Armenia"').

    News text quotes the names of outlets and bodies; the tagger often leaves them out
    or splits them ("Georgia" GPE inside "Sputnik Georgia"). Up to six tokens, all
    capitalised, at least one a cue from ``entity_org_cues.tsv``.
    """
    out: list[RepairedSpan] = []
    cues = lex.org_cues | lex.media_cues
    tokens = doc_tokens(doc)
    texts = [t.text for t in tokens]
    i = 0
    while i < len(tokens):
        if texts[i] in QUOTES:
            j = i + 1
            while (
                j < len(tokens)
                and j - i <= 7
                and texts[j] not in QUOTES
                and (tokens[j].is_title or tokens[j].is_upper)
            ):
                j += 1
            if (
                j < len(tokens)
                and texts[j] in QUOTES
                and j > i + 1
                and set(texts[i + 1 : j]) & cues
            ):
                out.append(RepairedSpan(i + 1, j, "ORG", ["added: quoted name with an organisation cue"]))
                i = j
        i += 1
    return out


def _national_acronym(doc: Doc, tok: Token, lex: EntityLexicon, gaz: Gazetteer) -> bool:
    """An all-caps acronym right after a demonym or country ("Russian OMON", "Ukraine's SBU")
    names a national body; acronyms elsewhere ("SMS", "GDP") are too often common nouns."""
    if not (tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 6 and tok.tag_ == "NNP"):
        return False
    if gaz.country_code(tok.text) or tok.i == 0:
        return False
    prev = doc[tok.i - 1]
    if prev.tag_ == "POS" and tok.i > 1:
        prev = doc[tok.i - 2]
    return lex.is_demonym(prev.text) or bool(gaz.country_code(prev.text))


def _settlement_name(doc: Doc, i: int, taken: set[int], lex: EntityLexicon) -> RepairedSpan | None:
    """An untagged proper name governed by a settlement noun, starting at token ``i``."""
    tokens = doc_tokens(doc)
    end = i
    while (
        end < len(tokens)
        and end - i < _MAX_SETTLEMENT_NAME
        and end not in taken
        and tokens[end].is_title
        and tokens[end].is_alpha
        and tokens[end].tag_ in {"NNP", "NNPS"}
    ):
        end += 1
    if end == i or lex.is_demonym(doc[i:end].text) or tokens[i].is_stop:
        return None
    noun = settlement_noun(doc, i, end, lex)
    if noun is None:
        return None
    return RepairedSpan(i, end, "GPE", [f"added: name governed by {noun!r}"])


def _region_name(span: Span, gaz: Gazetteer, lex: EntityLexicon) -> bool:
    """A sub-national region of the gazetteer, with an optional compass word ("North Darfur")."""
    if gaz.territory_country(span.text):
        return True
    return (
        len(span) > 1 and span[0].lower_ in lex.compass_words and bool(gaz.territory_country(span[1:].text))
    )


def _capital_candidate(doc: Doc, i: int, n: int, gaz: Gazetteer, lex: EntityLexicon) -> bool:
    """An untagged large capital; an adjective tag is allowed before "-backed"/"-based"."""
    last = doc_tokens(doc)[i + n - 1]
    tagged_name = last.tag_ == "NNP" or (last.is_title and hyphen_modifier(doc, i + n, lex) is not None)
    if not tagged_name:
        return False
    text = tokens_text(doc, i, i + n)
    return bool(gaz.capital_country(text)) and gaz.city_population(text) >= CAPITAL_ADD_MIN_POP


def added_spans(
    doc: Doc, cands: list[RepairedSpan], evidence: dict[str, str], lex: EntityLexicon, gaz: Gazetteer
) -> list[RepairedSpan]:
    """Spans the tagger missed where a lexicon or the context is precise (see the module doc)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    added: list[RepairedSpan] = []
    upper_sentence: dict[int, bool] = {}  # sentence start -> mostly_upper, asked once per sentence
    tokens = doc_tokens(doc)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i in taken or not tok.text[:1].isupper():
            i += 1
            continue
        sent_start = sentence_of(doc, i).start
        if sent_start not in upper_sentence:
            upper_sentence[sent_start] = mostly_upper(tok)
        if upper_sentence[sent_start]:
            i += 1
            continue
        hit = _settlement_name(doc, i, taken, lex)
        for n in (3, 2, 1):
            if hit or i + n > len(doc) or any(j in taken for j in range(i, i + n)):
                continue
            nxt = tokens[i + n] if i + n < len(tokens) else None
            prv = tokens[i - 1] if i > 0 else None
            if (nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title) or (
                prv is not None and prv.is_title and prv.pos_ == "PROPN" and not prv.is_sent_start
            ):
                continue  # part of a longer name ("Chad Smith", "Georgia Tech", "Radio Armenia")
            last = tokens[i + n - 1]
            text = tokens_text(doc, i, i + n)
            if lex.is_demonym(text) and last.tag_ in {"JJ", "NNP", "NNPS"}:
                hit = RepairedSpan(i, i + n, "NORP", ["added: demonym lexicon"])
            elif last.tag_ in {"NNP", "NNPS"} and gaz.country_code(text) and len(text) > 3:
                hit = RepairedSpan(i, i + n, "GPE", ["added: country name in gazetteer"])
            elif last.tag_ in {"NNP", "NNPS"} and _region_name(doc[i : i + n], gaz, lex):
                hit = RepairedSpan(i, i + n, "GPE", ["added: region of a country in gazetteer"])
            elif _capital_candidate(doc, i, n, gaz, lex):
                hit = RepairedSpan(i, i + n, "GPE", ["added: capital city in gazetteer"])
            elif n == 1 and _national_acronym(doc, tok, lex, gaz):
                hit = RepairedSpan(i, i + n, "ORG", ['added: acronym after a nationality ("Russian OMON")'])
            elif n == 1 and tok.tag_ == "NNP" and fold(text) in evidence and len(text) > 2:
                hit = RepairedSpan(i, i + n, "PERSON", [f"added: {evidence[fold(text)]}"])
        if hit:
            added.append(hit)
            i = hit.end
        else:
            i += 1
    return added
