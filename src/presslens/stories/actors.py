"""Actor identity across articles, including transliteration variants.

Outlets on different sides romanise the same name differently: Azerbaijani
Latin "Quliyev", Russian-style "Guliyev" or "Kuliev"; "Huseyn", "Guseyn",
"Husayn"; "Kartavikh"/"Kartavykh"; "Aleksey"/"Alexei". No list of such names is
kept. Instead every name gets a *transliteration skeleton* in the spirit of
Daitch–Mokotoff Soundex (designed for Slavic and Yiddish surnames spelled in
many alphabets): digraphs that transliteration systems use for one sound are
collapsed (BGN/PCGN, ISO 9 and scientific romanisations differ mainly in
zh/j, kh/h/x, sh/š, ts/c, and y/i/e vowels), letters that systems render for
one source sound share a class (Russian has no /h/, so Turkic and Arabic h
becomes g; Azerbaijani q is Russian g; Cyrillic в is v, w or ff), vowels are
dropped except a leading one, and repeats are collapsed ("Mammadov" ≈
"Mamedov" ≈ "Mamadov").

Names in Cyrillic are first romanised the way English-language news writes
them (iuliia's "Wikipedia" schema: "Алексей Навальный" -> "Aleksey Navalny";
a maintained package, not a table of our own), and the states and cities the
gazetteer knows take its English name ("Москва" -> "Moscow"), so a Russian and
an English report of one story share their actors.

Two names are one actor when the skeletons of surname and given name agree
(or one side has only an initial or no given name) *and* the folded spellings
are similar by rapidfuzz (normalised Indel ratio ≥ 70), which stops skeleton
collisions between genuinely different names ("Mason" / "Mesen"). A lone
surname joins the most-reported full name with that surname skeleton,
mirroring the within-document rule of ``presslens.extract.entities``. Thresholds
were set on the transliteration pairs in ``tests/stories`` and the test
corpus; they are deliberately strict: merging two people is worse than
showing one person twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import iuliia
from rapidfuzz import fuzz

from presslens.extract.entities import entity_lexicon
from presslens.extract.entities._gazetteer import resolve_place
from presslens.facts import CYRILLIC
from presslens.stories.records import ActorIdentity

__all__ = [
    "ActorIndex",
    "NameMention",
    "RecordingIndex",
    "actor_key",
    "fold_name",
    "latin_name",
    "link_actors",
    "names_match",
    "skeleton",
]

_SPECIAL = str.maketrans(
    {"ə": "a", "ı": "i", "ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "þ": "th", "ŋ": "n"}
)
_APOSTROPHES = re.compile(r"['’ʼʻ`´]")
_DIGRAPHS = (
    ("shch", "s"),
    ("sch", "s"),
    ("tch", "c"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "h"),
    ("ch", "c"),
    ("sh", "s"),
    ("ts", "c"),
    ("tz", "c"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("cz", "c"),
    ("sz", "s"),
)
# one class per source sound (after Daitch–Mokotoff's code groups)
_CLASSES = str.maketrans({"g": "k", "h": "k", "q": "k", "x": "k", "v": "f", "w": "f", "z": "s", "d": "t"})
_VOWELS = frozenset("aeiouy")
_GROUPS = {
    "PERSON": "agent",
    "ORG": "agent",
    "NORP": "people",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
_MIN_SIMILARITY = 70.0
#: Two names this alike are spellings of one name ("Defense" / "Defence"), for acronyms.
_SPELLING_SIMILARITY = 90.0


@cache
def _org_words() -> frozenset[str]:
    return frozenset(w.lower() for w in entity_lexicon().org_cues)


_PLACES = frozenset({"country", "city"})


def latin_name(name: str) -> str:
    """`name` in Latin script: a Cyrillic state or city by the gazetteer's English name, any other
    Cyrillic name romanised as English-language news does; a Latin name as it is."""
    if not CYRILLIC.search(name):
        return name
    place = resolve_place(name)
    if place is not None and place.feature in _PLACES:
        return place.name
    return str(iuliia.WIKIPEDIA.translate(name))


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """Lower-case ASCII letters and spaces: diacritics and apostrophes gone, "the" and titles dropped;
    a Cyrillic name romanised first (``latin_name``)."""
    text = unicodedata.normalize("NFKD", latin_name(name).lower().translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    words = re.findall(r"[a-z0-9]+", text.replace("-", " "))
    if words and words[0] == "the":
        words = words[1:]
    if words and words[-1] == "s" and len(words) > 1:  # possessive left by tokenisation
        words = words[:-1]
    return " ".join(_strip_titles(words))


def _strip_titles(words: list[str]) -> list[str]:
    """ "Major Alexei Zhuravlyov" is Alexei Zhuravlyov; "Foreign Ministry" keeps its first word."""
    lex = entity_lexicon()
    org_words = _org_words()
    while len(words) > 2 and words[0] in lex.titles and words[1] not in org_words:
        words = words[1:]
    if (
        len(words) == 2
        and words[0] in lex.titles
        and words[1] not in org_words
        and words[1] not in lex.titles
    ):
        words = words[1:]
    return words


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The transliteration skeleton of one folded word ("guseyn" -> "ksn", "mammadov" -> "mtf")."""
    if not word:
        return ""
    w = ("h" + word[1:]) if word[0] == "x" else word  # Azerbaijani initial x = kh
    w = w.replace("x", "ks")
    for digraph, single in _DIGRAPHS:
        w = w.replace(digraph, single)
    lead = "a" if w[0] in _VOWELS else ""
    consonants = [c for c in w.translate(_CLASSES) if c not in _VOWELS]
    collapsed = [c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1]]
    return lead + "".join(collapsed)


def actor_key(name: str) -> str:
    """A key equal for transliteration variants of one name (used for blocking and as the id)."""
    return " ".join(skeleton(w) for w in fold_name(name).split())


def names_match(a: str, b: str) -> bool:
    """True when `a` and `b` are spellings of one name (see the module docstring)."""
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    wa, wb = fa.split(), fb.split()
    if skeleton(wa[-1]) != skeleton(wb[-1]) or len(wa) != len(wb):
        return False
    for x, y in zip(wa[:-1], wb[:-1], strict=True):
        if len(x) == 1 or len(y) == 1:  # an initial agrees with any given name of its class
            if skeleton(x)[:1] != skeleton(y)[:1]:
                return False
        elif skeleton(x) != skeleton(y):
            return False
    return fuzz.ratio(fa, fb) >= _MIN_SIMILARITY


@dataclass(frozen=True, slots=True)
class NameMention:
    """A name as one article gives it (entity canonical, event actor or target)."""

    name: str
    label: str | None
    article: str


@dataclass
class ActorIndex:
    """Resolves any spelling seen to its cross-article identity."""

    identities: dict[str, ActorIdentity] = field(default_factory=dict)
    _by_name: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str | None) -> ActorIdentity | None:
        if not name:
            return None
        key = self._by_name.get(fold_name(name))
        return self.identities.get(key) if key else None

    def key_of(self, name: str | None) -> str | None:
        identity = self.resolve(name)
        return identity.key if identity else None

    def display(self, name: str | None) -> str | None:
        identity = self.resolve(name)
        return identity.name if identity else name

    def names(self) -> dict[str, str]:
        """Folded spelling -> identity key (the store's ``actor_names`` table)."""
        return dict(self._by_name)

    def recording(self) -> RecordingIndex:
        """This index, noting every name looked up in it (see ``RecordingIndex``)."""
        return RecordingIndex(self.identities, self._by_name)


@dataclass
class RecordingIndex(ActorIndex):
    """An index that notes the names looked up in it: what a story's derivation depended on.

    A story's timeline, graph and contradictions read the cross-article identities
    only through ``resolve``; the names noted here, resolved again at the next
    refresh, tell whether new articles elsewhere changed anything this story shows.
    """

    looked_up: set[str] = field(default_factory=set)

    def resolve(self, name: str | None) -> ActorIdentity | None:
        if name:
            self.looked_up.add(name)
        return super().resolve(name)


def _group(label: str | None) -> str:
    return _GROUPS.get(label or "", "other")


def link_actors(mentions: Iterable[NameMention]) -> ActorIndex:
    """Cluster every spelling into identities; deterministic for the same mentions."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)  # folded -> surface forms
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        folded = fold_name(m.name)
        if not folded or not any(c.isalpha() for c in folded):
            continue
        spellings[folded][m.name.strip()] += 1
        labels[folded][m.label or ""] += 1
        articles[folded].add(m.article)

    def group_of(folded: str) -> str:
        return _group(labels[folded].most_common(1)[0][0])

    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for folded in sorted(spellings):
        blocks[(group_of(folded), skeleton(folded.split()[-1]))].append(folded)

    parent: dict[str, str] = {f: f for f in spellings}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (group, _), members in blocks.items():
        full = [f for f in members if " " in f]
        for i, a in enumerate(full):
            for b in full[i + 1 :]:
                if find(a) != find(b) and names_match(a, b):
                    parent[max(find(a), find(b))] = min(find(a), find(b))
        _link_national_forms(full, parent, find)
        if group != "agent":
            continue
        for lone in (f for f in members if " " not in f):  # a lone surname: the most-reported full name
            roots = Counter(
                {find(f): 0 for f in full if f.split()[-1] == lone or names_match(f.split()[-1], lone)}
            )
            for f in full:
                if find(f) in roots:
                    roots[find(f)] += len(articles[f])
            if roots:
                best = sorted(roots.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                parent[find(lone)] = best

    _link_acronyms(spellings, parent, find)
    clusters: dict[str, list[str]] = defaultdict(list)
    for folded in sorted(spellings):
        clusters[find(folded)].append(folded)
    index = ActorIndex()
    for members in clusters.values():
        identity = _identity(members, spellings, labels, articles)
        if identity.key in index.identities:  # two clusters with one skeleton: keep them apart
            identity = identity.model_copy(update={"key": f"{identity.key}#{fold_name(identity.name)}"})
        index.identities[identity.key] = identity
        for folded in members:
            index._by_name[folded] = identity.key
    return index


#: Words an acronym leaves out ("Ministry of Foreign Affairs" -> MFA).
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in"})


def _link_acronyms(
    spellings: dict[str, Counter[str]], parent: dict[str, str], find: Callable[[str], str]
) -> None:
    """A name written in capitals is the one name of two words or more whose initials it spells:
    "IDF" is "Israel Defense Forces", "PIJ" "Palestinian Islamic Jihad" (across articles, most of
    which never spell it out). Only when one identity has those initials; "US" with "United
    States" and "Union of Students" links neither."""
    initials: dict[str, list[str]] = defaultdict(list)
    for folded in spellings:
        words = [w for w in folded.split() if w not in _ACRONYM_SKIPS]
        if len(words) >= 2:
            initials["".join(w[0] for w in words)].append(folded)
    for folded, surfaces in spellings.items():
        if " " in folded or not 2 <= len(folded) <= 6 or not any(s.isupper() for s in surfaces):
            continue
        names = initials.get(folded, [])
        # one identity, or spellings of one name ("Israel Defense Forces" / "Israel Defence Forces")
        if names and all(fuzz.ratio(names[0], n) >= _SPELLING_SIMILARITY for n in names):
            for name in names:
                a, b = find(folded), find(name)
                if a != b:
                    parent[max(a, b)] = min(a, b)


def _link_national_forms(names: list[str], parent: dict[str, str], find: Callable[[str], str]) -> None:
    """A group named with and without its nationality word is one group: "Palestinian Islamic
    Jihad" / "Islamic Jihad", "Lebanese Hezbollah movement" / "Hezbollah movement". Only names of
    two words or more after the demonym, and only when one nationality claims the bare name
    ("Egyptian Islamic Jihad" and "Palestinian Islamic Jihad" leave "Islamic Jihad" alone)."""
    present = set(names)
    lex = entity_lexicon()
    national: dict[str, list[tuple[str, str]]] = defaultdict(list)  # bare name -> (name, country)
    for name in names:
        first, _, rest = name.partition(" ")
        country = lex.demonym_country(first) if len(rest.split()) >= 2 and rest in present else None
        if country is not None:
            national[rest].append((name, country))
    for rest, forms in national.items():
        if len({country for _, country in forms}) == 1:
            for name, _ in forms:
                a, b = find(name), find(rest)
                if a != b:
                    parent[max(a, b)] = min(a, b)


def _identity(
    members: list[str],
    spellings: dict[str, Counter[str]],
    labels: dict[str, Counter[str]],
    articles: dict[str, set[str]],
) -> ActorIdentity:
    all_articles = set().union(*(articles[f] for f in members))
    # the spelling most articles use, longer (fuller) names first on ties
    best = sorted(members, key=lambda f: (-len(articles[f]), -len(f.split()), f))[0]
    surface = spellings[best].most_common(1)[0][0]
    label_counts: Counter[str] = sum((labels[f] for f in members), Counter())
    label = label_counts.most_common(1)[0][0] or None
    variants = sorted({s for f in members for s in spellings[f]})
    return ActorIdentity(
        key=actor_key(surface) or best,
        name=_display(surface),
        label=label,
        variants=tuple(variants),
        articles=len(all_articles),
    )


def _display(surface: str) -> str:
    words = surface.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    lex = entity_lexicon()
    org_words = _org_words()
    while len(words) > 2 and words[0].lower() in lex.titles and words[1].lower() not in org_words:
        words = words[1:]
    return " ".join(words)
