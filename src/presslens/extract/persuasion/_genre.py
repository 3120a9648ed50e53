"""A genre guess -- straight news, analysis or opinion -- with the evidence for it.

Persuasion density alone mixes up a colourful sports report and a dry column. What
tells a reader the genre is the outlet's own voice: whether it says "I" and "we",
addresses "you", asks questions, tells the reader what "should" be done, and how much
of the text it hands to attributed sources. The guess reads only the text, the claims'
spans and the persuasion spans (no parser), so it is the same from a live analysis and
from a stored Document (``evaluation/genre.py`` fits and measures it that way).

A linear score over a few such rates (``resources/genre_model.tsv``: weights, centring
and two cuts, fitted on the hand-labelled genre set and documented there) places an
article as straight news below the first cut, opinion above the second and analysis
between. The evidence is the cues that pushed it furthest towards its genre, in words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from presslens.extract._quotes import quotation_spans
from presslens.resources import read_tsv

__all__ = ["WORD", "GenreGuess", "genre_features", "guess_genre"]

#: a word, as the summary's density and the genre's rates count them: a run of letters/digits
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _words(*forms: str, any_case: bool = True) -> re.Pattern[str]:
    """Whole words; `any_case` allows a capital first letter only (so "US" is not "us")."""
    alternatives = [f"[{w[0].upper()}{w[0]}]{w[1:]}" if any_case else w for w in forms]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")(?![\w'’])")


# the outlet speaking as itself or to its reader
_CUES: dict[str, re.Pattern[str]] = {
    "first_singular": _words("I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "me", "Me",
                             "my", "My", "mine", "Mine", "myself", "Myself", any_case=False),
    "first_plural": _words("we", "our", "ours", "ourselves", "we're", "we’re", "we've", "we’ve"),
    "second_person": _words("you", "your", "yours", "yourself", "you're", "you’re"),
    "obligation": re.compile(r"\b(?:should|must|ought to|needs? to|has to|have to)\b", re.I),
    "question": re.compile(r"\?"),
    "exclamation": re.compile(r"!"),
    "figures": re.compile(r"\b\d[\d,.:]*\b"),  # counts, dates, scores, money: what reports are made of
}
_OWN = "in the outlet's voice"
# how each cue reads in the evidence: none, one, several
_SAYS: dict[str, tuple[str, str, str]] = {
    "first_singular": ("the writer never says 'I'", "the writer says 'I' once",
                       "the writer says 'I' {n} times"),
    "first_plural": ("the writer never says 'we'", "the writer says 'we' once",
                     "the writer says 'we' {n} times"),
    "second_person": ("the reader is never addressed as 'you'", "the reader is addressed as 'you' once",
                      "the reader is addressed as 'you' {n} times"),
    "obligation": (f"no 'should' or 'must' {_OWN}", f"one 'should' or 'must' {_OWN}",
                   f"{{n}} 'should's or 'must's {_OWN}"),
    "question": (f"no question {_OWN}", f"a question {_OWN}", f"{{n}} questions {_OWN}"),
    "exclamation": (f"no exclamation {_OWN}", f"an exclamation {_OWN}", f"{{n}} exclamations {_OWN}"),
    "figures": (f"no figures {_OWN}", f"one figure {_OWN}", f"{{n}} figures {_OWN}"),
}


@dataclass(frozen=True)
class GenreGuess:
    """The genre, its score (higher: more opinion) and the cues that decided it, in words."""

    genre: str
    score: float
    evidence: tuple[str, ...]


def genre_features(
    text: str, claim_ranges: Sequence[tuple[int, int]], outlet_density: float, words: int | None = None
) -> tuple[dict[str, float], dict[str, int]]:
    """(model inputs, raw counts) of an article.

    The cues are counted in the outlet's own voice only: outside the content of
    every claim and outside quotation marks, since a quoted "we must" is the
    speaker's. Rates are per 1,000 words of the whole text, log-scaled (one
    column is not allowed to dominate because one opinion piece says "I" 40 times);
    ``attributed`` is the share of words in sources' mouths. `words` is the text's
    word count when the caller has it already (the summary does).
    """
    outside = _outlet_voice(text, claim_ranges)
    words = max(1, len(WORD.findall(text)) if words is None else words)
    own_words = len(WORD.findall(outside))
    counts = {name: len(pattern.findall(outside)) for name, pattern in _CUES.items()}
    features = {name: math.log1p(1000.0 * n / words) for name, n in counts.items()}
    features["density"] = math.log1p(outlet_density)
    features["attributed"] = 1.0 - min(1.0, own_words / words)
    return features, counts


def _outlet_voice(text: str, claim_ranges: Sequence[tuple[int, int]]) -> str:
    """The parts of `text` outside claims' content and quotations, joined by spaces."""
    ranges = sorted([*claim_ranges, *((q.start, q.end) for q in quotation_spans(text))])
    parts, last = [], 0
    for lo, hi in ranges:
        if lo > last:
            parts.append(text[last:lo])
        last = max(last, hi)
    parts.append(text[last:])
    return " ".join(parts)


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, tuple[float, float, float]], float, float, float]:
    """({feature: (weight, centre, scale)}, bias, opinion cut, news cut) from genre_model.tsv."""
    weights: dict[str, tuple[float, float, float]] = {}
    bias = opinion_cut = news_cut = 0.0
    for row in read_tsv("genre_model.tsv"):
        if row[0] == "bias":
            bias = float(row[1])
        elif row[0] == "cut_analysis":
            news_cut = float(row[1])
        elif row[0] == "cut_opinion":
            opinion_cut = float(row[1])
        else:
            weights[row[0]] = (float(row[1]), float(row[2]), float(row[3]))
    return weights, bias, opinion_cut, news_cut


def guess_genre(
    text: str,
    claim_ranges: Sequence[tuple[int, int]],
    outlet_density: float,
    outlet_spans: int,
    words: int | None = None,
) -> GenreGuess:
    """Straight news, analysis or opinion, with the (at most three) cues that decided it."""
    features, counts = genre_features(text, claim_ranges, outlet_density, words)
    weights, bias, opinion_cut, news_cut = _model()
    contributions = {
        name: weight * (features[name] - centre) / scale for name, (weight, centre, scale) in weights.items()
    }
    score = bias + sum(contributions.values())
    genre = "opinion" if score >= opinion_cut else "straight_news" if score < news_cut else "analysis"
    toward = 1.0 if genre == "opinion" else -1.0 if genre == "straight_news" else 0.0

    def pull(name: str) -> float:  # how far a cue pushed towards the genre (analysis: either way)
        return toward * contributions[name] if toward else abs(contributions[name])

    ranked = sorted(contributions, key=lambda n: (-pull(n), n))
    evidence = []
    for name in ranked[:3]:
        if toward and toward * contributions[name] <= 0:
            break
        few = features[name] < weights[name][1]  # below what the genre set's articles have
        evidence.append(_describe(name, counts, features, outlet_density, outlet_spans, few))
    return GenreGuess(genre, round(score, 3), tuple(evidence))


def _describe(
    name: str, counts: dict[str, int], features: dict[str, float], density: float, spans: int, few: bool
) -> str:
    """One cue in words; "only" where an article has less of it than usual and that is the point."""
    only = "only " if few else ""
    if name == "density":
        if not spans:
            return "no persuasive spans in the outlet's voice"
        noun = "span" if spans == 1 else "spans"
        return f"{only}{spans} persuasive {noun} in the outlet's voice ({density:.1f} per 1,000 words)"
    if name == "attributed":
        share = features["attributed"]
        if share < 0.005:
            return "none of the words are sources' (attributed or quoted)"
        return f"{only}{share:.0%} of the words are sources' (attributed or quoted)"
    n = counts[name]
    return (only if n else "") + _SAYS[name][min(n, 2)].format(n=n)
