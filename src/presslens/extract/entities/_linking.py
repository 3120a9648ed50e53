"""Within-document linking: the canonical identity of each name mention.

Three kinds of alias are resolved, each by a rule that says in `why` what it did:

- people: a lone surname or given name links to the full name the document gives
  ("Shikhlinsky" -> "Shahin Shikhlinsky"); titles are not part of a name (OntoNotes
  guidelines). When two full names share the surname (father and son), the one not
  introduced as somebody's relative ("his son, Mutvala Shikhlinsky") wins, else the
  most recent full name before the mention; with neither, the surname is left alone
  and `why` says it is ambiguous. A surname the document never expands may link to a
  current world leader (``entity_leaders.tsv``).
- organisations: government offices are keyed by country + office from
  ``entity_org_synonyms.tsv`` ("Interior Ministry" = "Ministry of Internal Affairs");
  the longest form in the document is canonical, and a mention without a country
  ("the Interior Ministry") links to the latest office of that kind before it.
- acronyms: an acronym the document defines in parentheses after a name ("the Federal
  Security Service (FSB)") links, wherever it occurs, to that name (the definition pattern of
  Schwartz & Hearst 2003, without requiring the letters to match: "(DRM)" after a French name
  given in English).
- metonymy (Markert & Nissim, SemEval-2007 task 8, "place-for-people"): a seat of
  government ("the Kremlin") or a capital used as an actor ("Official Baku", "Baku
  dismissed", "Baku's response") stands for "Government of <country>" (``metonyms.tsv``,
  shared with the event coder, then GeoNames' capitals). A capital as
  a location ("in Baku") stays a place. In a hyphenated modifier the participle
  decides: "Kremlin-backed", "Washington-led" are actors, "Moscow-based",
  "Beijing-born" are locations (``entity_link_cues.tsv``, kinds backer / located).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span

from presslens.extract._shared import SPATIAL_PREPOSITIONS, SUBJECT_DEPS, span_text
from presslens.extract.entities._additions import hyphen_modifier
from presslens.extract.entities._gazetteer import Gazetteer, gazetteer
from presslens.extract.entities._lexicon import EntityLexicon, entity_lexicon, fold

__all__ = ["Link", "document_countries", "link_mentions", "name_text"]

# A place in one of these slots acts ("Baku dismissed", "was accused by Moscow").
_ACTOR_DEPS = SUBJECT_DEPS | {"agent"}
_POSSESSIVE_SUFFIXES = ("'s", "’s")


@dataclass(frozen=True)
class Link:
    """The canonical name of one mention and the rule that chose it (None: its own text)."""

    canonical: str
    why: str | None = None


def name_text(span: Span) -> str:
    """The mention without a leading "the" or a trailing possessive, whitespace collapsed."""
    text = " ".join(span_text(span).split())
    if text[:4].lower() == "the ":
        text = text[4:]
    for suffix in _POSSESSIVE_SUFFIXES:
        text = text.removesuffix(suffix)
    return text


def document_countries(spans: list[Span]) -> tuple[str, ...]:
    """ISO codes of the countries the document names, most mentioned first (place context)."""
    gaz = gazetteer()
    lex = entity_lexicon()
    counts: Counter[str] = Counter()
    for span in spans:
        text = name_text(span)
        code = gaz.country_code(text) if span.label_ in {"GPE", "LOC"} else None
        if span.label_ == "NORP":
            code = lex.demonym_country(text) or None
        if code:
            counts[code] += 1
    return tuple(code for code, _ in counts.most_common())


def _strip_titles(words: list[str], lex: EntityLexicon) -> list[str]:
    while len(words) > 1 and fold(words[0]) in lex.titles:
        words = words[1:]
    return words


def _introduced_as_relative(span: Span, lex: EntityLexicon) -> bool:
    """ "His son, Mutvala Shikhlinsky": a kinship noun right before the name (apposition)."""
    doc = span.doc
    window = [t for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    return any(t.lower_ in lex.kin_nouns for t in window[-2:])


def _surname_keys(word: str, lex: EntityLexicon) -> set[str]:
    """ "al-Burhan" is found as "al-Burhan" and "Burhan" (a particle is often dropped)."""
    keys = {fold(word)}
    head, _, rest = fold(word).partition("-")
    if rest and head in lex.particles:
        keys.add(rest)
    return keys


def _person_links(spans: list[Span], lex: EntityLexicon) -> dict[int, Link]:
    full: list[tuple[Span, list[str]]] = []
    for span in spans:
        words = _strip_titles(name_text(span).split(), lex)
        if span.label_ == "PERSON" and len(words) >= 2:
            full.append((span, words))
    relatives = {" ".join(w) for s, w in full if _introduced_as_relative(s, lex)}
    relatives -= {" ".join(w) for s, w in full if not _introduced_as_relative(s, lex)}
    links: dict[int, Link] = {}
    for i, span in enumerate(spans):
        if span.label_ != "PERSON":
            continue
        words = _strip_titles(name_text(span).split(), lex)
        name = " ".join(words)
        titled = len(words) < len(name_text(span).split())
        if len(words) >= 2:
            links[i] = Link(name, "title removed" if titled else None)
            continue
        key = fold(name)
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and {after.lower_, after.lemma_.lower()} & (lex.kin_nouns | lex.family_nouns):
            links[i] = Link(name, f"family name ({name} {after.text}), not one person")
            continue
        by_surname = [(s, " ".join(w)) for s, w in full if key in _surname_keys(w[-1], lex)]
        by_given = [(s, " ".join(w)) for s, w in full if fold(w[0]) == key]
        matches = by_surname or by_given
        role = "surname" if by_surname else "given name"
        names = list(dict.fromkeys(n for _, n in matches))
        if len(names) == 1:
            links[i] = Link(names[0], f"{role} of {names[0]!r} in the document")
        elif len(names) > 1:
            principal = [n for n in names if n not in relatives]
            before = [n for s, n in matches if s.start < span.start]
            if len(principal) == 1:
                links[i] = Link(
                    principal[0], f"{role} shared by {names}; the others are introduced as relatives"
                )
            elif before:
                links[i] = Link(before[-1], f"{role} shared by {names}; most recent full name before it")
            else:
                links[i] = Link(name, f"ambiguous {role}: shared by {names}")
        elif key in lex.leaders:
            links[i] = Link(lex.leaders[key], "world-leaders list (no other full name in the document)")
        elif titled:
            links[i] = Link(name, "title removed")
    return links


def _office(text: str, lex: EntityLexicon, gaz: Gazetteer) -> tuple[str | None, str] | None:
    """(country code or None, office key) for a government office name, else None."""
    words = text.split()
    for n in (3, 2, 1):  # "... of Ukraine": the country after the office
        if (
            len(words) > n + 2
            and fold(words[-n - 1]) == "of"
            and (code := gaz.country_code(" ".join(words[-n:])))
        ):
            office = lex.org_synonyms.get(fold(" ".join(words[: -n - 1])))
            if office:
                return code, office
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        for suffix in _POSSESSIVE_SUFFIXES:
            head = head.removesuffix(suffix)
        code = lex.demonym_country(head) or gaz.country_code(head)
        if code and len(words) > n:
            office = lex.org_synonyms.get(fold(" ".join(words[n:])))
            return (code, office) if office else None
    office = lex.org_synonyms.get(fold(text))
    if office:
        return None, office
    return (None, "*") if fold(text) in {"ministry", "the ministry"} else None


def _org_links(spans: list[Span], lex: EntityLexicon, gaz: Gazetteer) -> dict[int, Link]:
    offices: dict[int, tuple[str | None, str]] = {}
    for i, span in enumerate(spans):
        if span.label_ == "ORG" and (office := _office(name_text(span), lex, gaz)):
            offices[i] = office
    best: dict[tuple[str | None, str], str] = {}
    for i, key in offices.items():
        text = name_text(spans[i])
        if key[0] is not None and len(text) > len(best.get(key, "")):
            best[key] = text
    links: dict[int, Link] = {}
    for i, (code, office) in offices.items():
        text = name_text(spans[i])
        if code is not None:
            if best[(code, office)] != text:
                links[i] = Link(best[(code, office)], "same office (ministry synonym table)")
            continue
        prior = [j for j, (c, o) in offices.items() if j < i and c is not None and office in {o, "*"}]
        if prior:
            target = best[offices[prior[-1]]]
            links[i] = Link(target, "office named without a country: latest such office before it")
    return links


def _acronym_links(spans: list[Span], named: dict[int, Link]) -> dict[int, Link]:
    """Every mention of an acronym defined as "Name (ACR)" -> that name (or the name's own link)."""
    defined: dict[str, str] = {}
    for i, span in enumerate(spans):
        doc, end = span.doc, span.end
        if span.label_ != "ORG" or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        acronym = doc[end + 1].text
        if 2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha() and acronym != name_text(span):
            defined.setdefault(acronym, named[i].canonical if i in named else name_text(span))
    return {
        i: Link(defined[name_text(span)], "acronym defined in parentheses after the name")
        for i, span in enumerate(spans)
        if name_text(span) in defined
    }


def _is_actor(span: Span, lex: EntityLexicon) -> bool:
    """A place used as an actor: "Official Baku", subject of a verb, object of a verb of
    accusation or pressure ("accused Washington"), possessor of a stance noun."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ == "official":
        return True
    if prev is not None and prev.lower_ in SPATIAL_PREPOSITIONS:
        return False
    root = span.root
    if root.dep_ in _ACTOR_DEPS and root.head.pos_ in {"VERB", "AUX"}:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() in lex.actor_verbs:
        return True  # "accused Washington of financing them"
    return root.dep_ == "poss" and root.head.lower_ in lex.actor_nouns


def _metonymy_links(spans: list[Span], lex: EntityLexicon, gaz: Gazetteer) -> dict[int, Link]:
    links: dict[int, Link] = {}
    for i, span in enumerate(spans):
        if span.label_ not in {"GPE", "ORG", "FAC", "LOC"}:
            continue
        text = name_text(span)
        seat = lex.seats.get(fold(text))
        capital = gaz.capital_country(text) if span.label_ in {"GPE", "ORG"} else None
        if not (seat or capital):
            continue
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        located = prev is not None and prev.lower_ in SPATIAL_PREPOSITIONS
        modifier = hyphen_modifier(doc, span.end, lex)
        if modifier == "located":  # "a Moscow-based channel": where it is, not who acts
            continue
        if modifier == "backer":
            why = f"metonymy: {text!r} in '{doc[span.start : span.end + 2].text}' stands for the government"
        elif (seat and span.label_ in {"ORG", "FAC"} and not located) or _is_actor(span, lex):
            why = f"metonymy: {text!r} stands for the government"
        else:
            continue
        country = seat or gaz.country_names.get(capital, capital)
        links[i] = Link(f"Government of {country}", why)
    return links


def link_mentions(spans: list[Span]) -> list[Link]:
    """One `Link` per span (in order): the canonical name and why it differs from the text."""
    lex, gaz = entity_lexicon(), gazetteer()
    links = {**_person_links(spans, lex), **_org_links(spans, lex, gaz), **_metonymy_links(spans, lex, gaz)}
    links |= _acronym_links(spans, links)
    out: list[Link] = []
    for i, span in enumerate(spans):
        if i in links:
            out.append(links[i])
        elif span.label_ in {"GPE", "LOC"} and (code := gaz.country_code(name_text(span))):
            name = gaz.country_names.get(code, name_text(span))
            out.append(Link(name, None if name == name_text(span) else "country alias in gazetteer"))
        else:
            out.append(Link(name_text(span)))
    return out
