"""The per-article persuasion summary: counts by technique, density, the densest paragraphs.

It reads only the spans and the text (no spaCy objects) and names the detector that
ran; the technique names in the sentence come from ``persuasion_techniques.tsv``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from presslens.extract.persuasion._detector import detector_kind
from presslens.extract.persuasion._genre import WORD, GenreGuess, guess_genre
from presslens.models import PersuasionSpan, PersuasionSummary, TextSpan
from presslens.resources import read_tsv

__all__ = ["density_band", "persuasion_summary"]



def persuasion_summary(
    spans: Sequence[PersuasionSpan],
    text: str,
    sentences: Sequence[tuple[int, int]] = (),
    claim_ranges: Sequence[tuple[int, int]] | None = None,
) -> PersuasionSummary:
    """Counts by technique, spans per 1,000 words, the densest paragraphs and a plain sentence.

    Only the outlet's own voice is counted and scored (``_voice``): a source's
    loaded words are the source's, summarised per speaker. Density rather than
    a raw count lets a short wire story and a long opinion piece be compared;
    words are counted as runs of letters/digits. Paragraphs are the body's
    lines; the densest are those with the most of the outlet's spans per word
    (at most two, and only paragraphs holding at least two spans). The dominant
    techniques are the fewest (at most three) that make up half of the outlet's
    spans; the steering sentences (of `sentences`, character bounds) are the three
    whose outlet spans score highest together: what a reader should look at first.
    With the claims' content ranges, the genre is guessed from the outlet's voice
    (``_genre``); without them it is not assessed.
    """
    own = [s for s in spans if s.voice == "outlet"]
    counts = Counter(s.technique for s in own)
    sourced = Counter(s.whose_words for s in spans if s.voice == "source")
    words = len(WORD.findall(text))
    density = 1000.0 * len(own) / words if words else 0.0
    densest = _densest_paragraphs(own, text)
    by_technique = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    by_speaker = dict(sorted(sourced.items(), key=lambda kv: (-kv[1], kv[0])))
    band = density_band(density)
    guess = guess_genre(text, claim_ranges, density, len(own), words) if claim_ranges is not None else None
    return PersuasionSummary(
        by_technique=by_technique,
        per_1000_words=round(density, 2),
        band=band,
        by_speaker=by_speaker,
        dominant=_dominant(by_technique),
        steering=_steering(own, text, sentences),
        densest_paragraphs=densest,
        genre=guess.genre if guess else None,
        genre_evidence=guess.evidence if guess else (),
        text=_summary_text(by_technique, density, densest, band)
        + _sources_text(by_speaker)
        + _genre_text(guess),
        detector=detector_kind(),
    )


def _dominant(by_technique: dict[str, int]) -> tuple[str, ...]:
    """The most frequent techniques, in order, until they make up half of the spans (at most three)."""
    total, covered, out = sum(by_technique.values()), 0, []
    for technique, n in by_technique.items():  # already most frequent first
        if len(out) == 3 or (out and 2 * covered >= total):
            break
        out.append(technique)
        covered += n
    return tuple(out)


def _steering(
    spans: Sequence[PersuasionSpan], text: str, sentences: Sequence[tuple[int, int]]
) -> tuple[TextSpan, ...]:
    """The three sentences whose spans score most in sum (ties: the earlier), in text order."""
    weight: dict[tuple[int, int], float] = {}
    starts = [lo for lo, _ in sentences]
    for span in spans:
        k = bisect_right(starts, span.start) - 1
        if k >= 0 and span.start < sentences[k][1]:
            weight[sentences[k]] = weight.get(sentences[k], 0.0) + span.score
    top = sorted(weight, key=lambda s: (-weight[s], s[0]))[:3]
    return tuple(TextSpan(text=text[lo:hi].strip(), start=lo, end=hi) for lo, hi in sorted(top))


def _densest_paragraphs(spans: Sequence[PersuasionSpan], text: str) -> tuple[int, ...]:
    starts, number = [], 0
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            number += 1
            starts.append((offset, offset + len(line), number, max(1, len(WORD.findall(line)))))
        offset += len(line) + 1
    hits: Counter[int] = Counter()
    for span in spans:
        for lo, hi, n, _ in starts:
            if lo <= span.start < hi:
                hits[n] += 1
                break
    words = {n: w for _, _, n, w in starts}
    ranked = sorted((n for n, k in hits.items() if k >= 2), key=lambda n: (-hits[n] / words[n], n))
    return tuple(sorted(ranked[:2]))


def _sources_text(by_speaker: dict[str, int]) -> str:
    """ " In sources' words: the Foreign Ministry 3, a quotation 1." (empty when none)."""
    if not by_speaker:
        return ""
    return " In sources' words: " + ", ".join(f"{who} {n}" for who, n in by_speaker.items()) + "."


def _genre_text(guess: GenreGuess | None) -> str:
    """ " Reads as opinion: the writer says 'I' 6 times; ...." (empty when not assessed)."""
    if guess is None:
        return ""
    why = f": {'; '.join(guess.evidence)}" if guess.evidence else ""
    return f" Reads as {guess.genre.replace('_', ' ')}{why}."


@lru_cache(maxsize=1)
def _bands() -> tuple[tuple[float, str], ...]:
    """(lowest density, band) from persuasion_bands.tsv, highest first."""
    return tuple(sorted(((float(low), band) for band, low in read_tsv("persuasion_bands.tsv")), reverse=True))


def density_band(density: float) -> Literal["low", "medium", "high"]:
    """The band a density in the outlet's voice falls in (thresholds and their calibration: the TSV)."""
    return next(band for low, band in _bands() if density >= low)  # type: ignore[return-value]


def _summary_text(
    by_technique: dict[str, int], density: float, densest: tuple[int, ...], band: str = "low"
) -> str:
    if not by_technique:
        return "No persuasion techniques in the outlet's own voice."
    names = {row[0]: (row[1], row[2]) for row in read_tsv("persuasion_techniques.tsv")}
    parts = []
    for technique, n in by_technique.items():
        singular, plural = names.get(technique, (technique, technique))
        parts.append(f"{n} {singular if n == 1 else plural}")
    total = sum(by_technique.values())
    where = ""
    if densest:
        label = "paragraphs" if len(densest) > 1 else "paragraph"
        where = f"; densest in {label} " + " and ".join(map(str, densest))
    noun = "span" if total == 1 else "spans"
    return (
        f"{total} persuasive {noun} in the outlet's own voice ({density:.1f} per 1,000 words, {band}): "
        f"{', '.join(parts)}{where}."
    )
