"""Slot facts stated by a claim, and when two facts disagree.

A contradiction is two sources giving different values for the same attribute
of the same thing. Claims are reduced to (subject, attribute, value) facts by
the attribute patterns of ``claim_slots.tsv`` (slot types after TAC KBP slot
filling's per:cause_of_death and the casualty counts of the ACLED/UCDP
codebooks). Everything here works on plain text and records, so the same
functions compare claims inside one article and across articles.

Value comparison is deliberately conservative (a missed contradiction is
cheaper than a false one shown to an analyst):

- causes are first sorted into manner-of-death categories (``fact_causes.tsv``:
  natural, accident, suicide, homicide, weapon, undetermined): two categories
  disagree ("natural causes" vs "murder", "not yet established" vs "heart
  failure"), a generic cause agrees with any cause of its category ("natural
  causes" ~ "a blood clot"); otherwise causes agree when they share the head
  noun and one's modifiers contain the other's ("traumatic shock" ~ "traumatic
  and hemorrhagic shock"), and disagree otherwise ("blood clot" vs "sudden
  death syndrome");
- counts are intervals ("at least 12" = [12, inf), "about 40" = [36, 44],
  "dozens" = [24, 99]) and disagree only when the intervals are disjoint.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presslens.facts._fact import ABBREVIATION, NAME_PATTERN, POSSESSIVE, SENTENCE_OPENERS, Fact
from presslens.facts._lexicon import CYRILLIC, SlotPattern, cause_category, fact_lexicon, slot_patterns
from presslens.facts._parties import parties_disagree, places_disagree
from presslens.models import Claim

__all__ = ["claim_facts", "damage_level", "facts_disagree", "subjects_compatible"]

_NAME_RE = re.compile(NAME_PATTERN)
# the place a count is of: "killed in X", "37 dead in the village of X"; not across a comma, where
# a place is a part of the count ("366 detained in 36 cities, including 200 in St Petersburg")
_PLACE = re.compile(r"[^.;,]{0,40}?\b(?:in|near|at|outside) (?:the )?(" + NAME_PATTERN + ")")
_CLAUSE_BREAK = re.compile(r"(?:[;,—–]|\bwhile\b|\bwhereas\b|\band\b|\bbut\b)", re.IGNORECASE)
_CAUSE_CUT = re.compile(
    r"\s+(?:caused|due|resulting|while|after|following|before|when|in|on|at|according|which|that|who|"
    r"as|during|because)\b.*$",
    re.IGNORECASE,
)
# Function words left out of a cause's modifiers (the lexicon adds its intensifiers).
_CAUSE_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "his", "her", "their", "its"})
# A subject is never a possessive or "It" ("His brother said ..."); the victims' patterns of
# ``_contradictions`` keep them ("His brothers, who were killed") and use SENTENCE_OPENERS alone.
_NOT_NAMES = SENTENCE_OPENERS | {"His", "Her", "Their", "It"}
# A pronoun a few words before a cause ("he died of", "his death was"): the subject is the
# article's dead, not the last name before it.
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|they|his|her|their)(?:\s+[\w-]+){0,4}[\s\"“']*$", re.IGNORECASE)
# A weapon is the means of a death; suicide, homicide and accident are its manner.
_MEANS_AND_MANNERS = frozenset({"weapon", "homicide", "suicide", "accident"})
# Auxiliaries between a count and its participle ("12 people were killed").
_AUXILIARIES = ("were", "was", "have", "had", "been", "были", "было", "был")
# A word in any script (a count's noun may be Russian: "137 человек").
_WORD = re.compile(r"[^\W\d_]+")
# Kinds whose value is a name, read as the countries it holds: who did it, where they were heading.
_NAMED_KINDS = frozenset({"party", "place"})
# Kinds whose subject is the site or act the story is about, whatever the words around it name.
_STORY_KINDS = _NAMED_KINDS | {"extent"}
# Pronouns that stand for a party; in a source's words, the source itself.
_PRONOUN_PARTIES = frozenset({"it", "they", "we"})


def _subject_before(window: str) -> str | None:
    """The last proper name of the clause that ends where the fact starts."""
    clause = _CLAUSE_BREAK.split(window)[-1]
    names = [m.group(0) for m in _NAME_RE.finditer(clause)]
    calendar = fact_lexicon().calendar  # "told his mother Saturday that ...": no one is called Saturday
    names = [" ".join(w for w in n.split() if w not in _NOT_NAMES and w.lower() not in calendar)
             for n in names]
    names = [n for n in names if n]
    return POSSESSIVE.sub("", names[-1]) if names else None


def _clean_value(kind: str, raw: str) -> str:
    value = raw.strip().strip("\"“”'").strip()
    if kind in _NAMED_KINDS:  # a name keeps its capitals: they tell it from the words around it
        value = value.strip(", ")
        return value if ABBREVIATION.fullmatch(value.split()[-1] if value else "") else value.strip(". ")
    if kind == "cause":  # a value that opens with a cut word ("on February 16") names no cause
        value = _CAUSE_CUT.sub("", " " + value).strip()
    return value.lower()


@lru_cache(maxsize=256)
def _slot_matches(content: str) -> tuple[tuple[SlotPattern, re.Match[str]], ...]:
    """Every match of every slot pattern in a claim's content, in pattern order.

    Cached by the content: one article's claims are read for facts by the
    event stage (told acts) and again by its contradictions, and scanning with
    every pattern is most of the cost.
    """
    russian = CYRILLIC.search(content) is not None
    return tuple(
        (pattern, match)
        for pattern in slot_patterns()
        if russian or not pattern.cyrillic
        for match in pattern.regex.finditer(content)
    )


def claim_facts(claim: Claim, text: str, *, default_subject: str | None = None) -> list[Fact]:
    """The slot facts the claim's content states (pure: reads only `claim` and `text`).

    For a cause the subject is the proper name just before the match in the
    same clause ("X Y died of ..."), else `default_subject` (for example the
    victims the article names; see `deceased_subject`). For a
    count it is the place named after the match ("... killed in X"), so counts
    for different places never pair.
    """
    if claim.negated:  # "did not mention that ...": the speaker states none of it
        return []
    content = text[claim.content.start : claim.content.end]
    facts: list[Fact] = []
    seen: set[tuple[str, int, int]] = set()
    for pattern, match in _slot_matches(content):
        start, end = match.span("value")
        if any(a == pattern.attribute and s < end and start < e for a, s, e in seen):
            continue  # two patterns on one stretch ("has not yet been established"): one fact
        seen.add((pattern.attribute, start, end))
        value = _clean_value(pattern.kind, match.group("value"))
        if not value or value.split()[0] in fact_lexicon().reporting:
            continue  # "the cause of death reported by state media" names no cause
        qualifier = ""
        denied = match.groupdict().get("denied") is not None
        if pattern.kind == "party" and value.lower() in _PRONOUN_PARTIES:
            if claim.cue == claim.content:  # the outlet's own sentence: "it" is no one known
                continue
            value = claim.speaker.text  # "IS said it was responsible": the speaker
        rejected = claim.act == "REJECT" or _disputed(content, match.start())
        if pattern.kind in _NAMED_KINDS and not denied and rejected:
            # "disputed the army's claim that ... a rocket launched by X", "denied that X fired": not X
            denied = True
        elif pattern.kind in _STORY_KINDS and not denied and _doubted(content, match.start()):
            continue  # "whether it was an Israeli air strike": no one is named as having done it
        if pattern.kind == "extent" and damage_level(value) is None:
            continue  # "structural damage": how much is not said
        if pattern.kind in _STORY_KINDS:
            subject = None  # the act the story is about
        elif pattern.kind == "count":
            qualifier = _counted_noun(content[end : match.end()] or _next_word(content, match.end()))
            place = _PLACE.match(content, match.end())
            subject = place.group(1) if place else None
        elif _PRONOUN_BEFORE.search(content[:start]):
            subject = default_subject  # "a report handed to Ms X stated he died of ...": not X
        else:
            # the name before the value, inside the match too ("the cause of X's death was")
            subject = _subject_before(content[:start]) or default_subject
        offset = claim.content.start
        facts.append(
            Fact(subject, pattern.attribute, pattern.kind, value, offset + start, offset + end, qualifier,
                 offset + match.start(), denied)
        )
    return facts


# A claim that is disputed, and the clause it opens: "has disputed the Israeli army claim that".
_DISPUTED_CLAIM = re.compile(
    r"\b(?:disputed|disputes|dismissed|dismisses|rejected|rejects|denied|denies)\b[^.;:!?]{0,80}?"
    r"\b(?:claims?|allegations?|accusations?|suggestions?|assertions?|version) that\b[^.;:!?]*$",
    re.IGNORECASE,
)


def _disputed(content: str, at: int) -> bool:
    """Whether `at` lies in the that-clause of a claim its sentence disputes."""
    return bool(_DISPUTED_CLAIM.search(content[max(0, at - 250) : at]))


def _doubted(content: str, at: int) -> bool:
    """A doubt or denial word among the ten words before `at` ("whether it was", "nothing
    allows us to say that it is", "too small to have been caused by")."""
    before = _CLAUSE_BREAK.split(content[max(0, at - 100) : at].lower())[-1]  # "not X, but Y": Y stands
    words = re.findall(r"[a-z’']+", before)[-10:]
    return any(w in fact_lexicon().doubt or w.endswith(("n't", "n’t")) for w in words)


#: Where a contrasting clause begins: a doubt before it does not reach past it.
_CLAUSE_BREAK = re.compile(r"[;:]|,?\s+but\s+|,\s+(?:while|whereas|instead)\s+")


def _counted_noun(between: str) -> str:
    """What a count counts ("soldiers" in "12 soldiers were killed"), or "".

    A count of some more of them ("seven other people were detained") counts part of a group,
    not the group: it is marked "other ..." and meets only counts of others.
    """
    lex = fact_lexicon()
    words = [w for w in _WORD.findall(between.lower()) if w not in _AUXILIARIES and w not in lex.reported]
    if "of" in words:  # "two of the suspects": how many of a group did it, counted like "all four"
        return ""
    noun = words[-1] if words else ""
    return "other " + noun if any(w in lex.partial for w in words) else noun


# Words after a count that are not what it counts ("detained 12 on Sunday", "задержаны 11 в Москве").
_NOT_COUNTED = frozenset({"in", "on", "at", "by", "and", "or", "for", "of", "after", "from", "the", "a", "an",
                          "to", "with", "as", "since", "during", "over", "near", "while", "including",
                          "в", "во", "на", "по", "и", "из", "под", "после", "с", "со", "у"})


def _next_word(content: str, at: int) -> str:
    """The word right after a count that ends its match ("detained four suspects")."""
    found = re.match(r"\s+([^\W\d_]+)", content[at : at + 40].lower())
    return found.group(1) if found and found.group(1) not in _NOT_COUNTED else ""


def _name_tokens(subject: str) -> set[str]:
    return {w.strip("'’s").lower() for w in subject.split() if w[:1].isupper() and w not in _NOT_NAMES}


def subjects_compatible(a: str | None, b: str | None) -> bool:
    """Same subject, or a person and the group sharing their name ("Ziyoddin X" ~ "the X brothers").

    Two unresolved subjects are compatible (within one article they are the
    article's topic); an unresolved and a named subject are not.
    """
    if a is None or b is None:
        return a is None and b is None
    na, nb = a.lower().removeprefix("the "), b.lower().removeprefix("the ")
    return na == nb or bool(_name_tokens(a) & _name_tokens(b))


_RANGE = re.compile(r"^(?:between )?(\d[\d,]*)\s?(?:-to-|-|–|to|and)\s?(\d[\d,]*)$")
_OR_LESS = re.compile(r"^(\d[\d,]*) or (?:less|fewer)$")
_DIGIT_GROUPS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)")


def count_interval(value: str) -> tuple[float, float] | None:
    """The interval a count value stands for: "471", "at least 23", "100-300", "100-to-300",
    "50 or less", "dozens"."""
    if m := _RANGE.match(value):
        low, high = float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))
        return (low, high) if low <= high else None
    if m := _OR_LESS.match(value):
        return 0.0, float(m.group(1).replace(",", ""))
    lex = fact_lexicon()
    for word, interval in lex.vague.items():
        if word in value:
            return interval
    bound = (1.0, 1.0)
    for phrase, factors in lex.bounds.items():
        if value.startswith(phrase + " "):
            bound, value = factors, value[len(phrase) + 1 :]
            break
    number = _DIGIT_GROUPS.sub("", value.replace(",", "")).strip()  # "1 500": one number
    n = float(number) if number.isdecimal() else lex.numbers.get(number)
    if n is None:
        return None
    return n * bound[0], n * bound[1]


def damage_level(value: str) -> int | None:
    """How badly a damage value says a site was hit (0 none, 1 light, 2 heavy): its first level
    word, so "no significant damage" is none and "only light structural damage" light. Only heavy
    against the rest disagrees: "no observable damage" to one building fits "light damage" nearby."""
    levels = fact_lexicon().damage_levels
    return next((levels[w] for w in value.split() if w in levels), None)


def _cause_parts(value: str) -> tuple[str, frozenset[str]]:
    stop = _CAUSE_FUNCTION_WORDS | fact_lexicon().intensifiers
    words = [w for w in re.findall(r"[a-z]+", value) if w not in stop]
    return (words[-1], frozenset(words[:-1])) if words else ("", frozenset())


def facts_disagree(a: Fact, b: Fact) -> bool:
    """True when `a` and `b` give incompatible values for the same attribute of a compatible subject."""
    if a.attribute != b.attribute or not subjects_compatible(a.subject, b.subject):
        return False
    if a.kind == "party":
        return parties_disagree(a, b)
    if a.kind == "place":
        return places_disagree(a, b)
    if a.kind == "extent":
        la, lb = damage_level(a.value), damage_level(b.value)
        heavy = fact_lexicon().damage_levels["widespread"]
        return la is not None and lb is not None and (la == heavy) != (lb == heavy)
    if a.kind == "count":
        qa, qb = a.qualifier, b.qualifier
        lex = fact_lexicon()
        generic = lex.generic_counted | {""}
        if qa != qb and qa not in generic and qb not in generic:
            return False
        # a toll counts everyone ("people" covers "soldiers"); other counts may count a part of
        # a group ("four suspects" among "11 people detained"): they pair only on what they count
        if a.attribute not in lex.rising and qa != qb and not (qa in generic and qb in generic):
            return False
        ia, ib = count_interval(a.value), count_interval(b.value)
        return ia is not None and ib is not None and (ia[1] < ib[0] or ib[1] < ia[0])
    if a.value == b.value or a.value in b.value or b.value in a.value:
        return False
    ca, cb = cause_category(a.value), cause_category(b.value)
    if ca and cb:
        if {ca[0], cb[0]} <= _MEANS_AND_MANNERS and "weapon" in (ca[0], cb[0]):
            return False  # a gunshot is how, not whether: it fits a suicide, a homicide or an accident
        if ca[0] != cb[0]:
            return True  # natural vs homicide, undetermined vs a stated cause
        if ca[1] or cb[1]:
            return False  # "natural causes" covers "a blood clot"
    (head_a, mods_a), (head_b, mods_b) = _cause_parts(a.value), _cause_parts(b.value)
    if not head_a or not head_b:
        return False
    return head_a != head_b or not (mods_a <= mods_b or mods_b <= mods_a)
