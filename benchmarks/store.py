"""Store throughput and read latency on a synthetic store of 10,000 articles.

    python benchmarks/store.py [--articles 10000] [--reads 200] [--store /tmp/bench.duckdb]

Ingest is measured without NLP: Documents are generated up front (1,000
synthetic stories of 10 articles, each article with ~20 entities, 6 events,
6 claims, 4 time expressions), then written with ``Store.ingest`` in batches;
records/s counts every row written (version rows and record rows). The
cross-article refresh (actors, stories, timelines, graph, contradictions) is
timed separately, then the incremental one: one new article, then 1,000 more
(half continuing the 50 latest stories, half 50 new ones) into the full store,
against the same 1,000 into an empty store; a rebuild from scratch; and
whether the incremental store groups the articles as one store given them
all at once does. Reads are the calls the web UI makes: the article list
(plain, searched, filtered by actor), one article with all its records, and
one story page (timeline, graph, contradictions); each runs `--reads` times
over varied ids and the p50/p95 are printed in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import statistics
import tempfile
import time
from pathlib import Path

from presslens.models import Claim, Document, Entity, Event, Mention, TextSpan, Timex, Versions
from presslens.store import ArticleFilter, Store

VERSIONS = Versions(presslens="0.1.0", model="en_core_web_sm-3.8.0", lexicons="bench")
SURNAMES = [
    "Mammadov",
    "Petrov",
    "Aliyev",
    "Ivanov",
    "Hasanov",
    "Smirnov",
    "Guliyev",
    "Orlov",
    "Safarov",
    "Volkov",
]
GIVEN = ["Rustam", "Ivan", "Elvin", "Oleg", "Farid", "Anna", "Leyla", "Sergei", "Aydin", "Maria"]
OUTLETS = ["TASS", "RIA Novosti", "APA", "Report.az", "Associated Press", "Reuters", "Meduza", "AZERTAC"]


def synthetic_document(i: int, rng: random.Random, story: int | None = None) -> Document:
    story = i // 10 if story is None else story
    people = [f"{GIVEN[(story + k) % 10]} {SURNAMES[(story * 7 + k) % 10]}{story}" for k in range(3)]
    place = f"Town{story}"
    sentences = [
        f"Police detained {people[0]} in {place} on March {1 + story % 28}.",
        f"The ministry said {rng.randint(3, 30)} people were detained.",
        f"Officials said {people[1]} died of heart failure.",
        f"{people[2]} said the raid was unlawful and demanded an inquiry.",
    ] * 5
    text = " ".join(sentences)
    entities, events, claims, timexes = [], [], [], []
    offset = 0
    for n, sentence in enumerate(sentences):
        span = TextSpan(text=sentence, start=offset, end=offset + len(sentence))
        for name in (*people, place):
            at = sentence.find(name)
            if at >= 0:
                label = "GPE" if name == place else "PERSON"
                entities.append(
                    Entity(
                        text=name, label=label, start=offset + at, end=offset + at + len(name), canonical=name
                    )
                )
        if n % 4 == 0 and len(events) < 6:
            events.append(
                Event(
                    type="COERCE",
                    mode="detain",
                    actor=Mention(text="Police"),
                    target=Mention(text=people[0], canonical=people[0]),
                    date=f"2026-03-{1 + story % 28:02d}",
                    evidence=span,
                )
            )
            timexes.append(Timex(text="March", start=offset, end=offset + 5, type="DATE", value="2026-03"))
        if n % 4 in (1, 2) and len(claims) < 6:
            claims.append(Claim(speaker=Mention(text="The ministry"), cue=span, content=span, evidence=span))
        offset += len(sentence) + 1
    return Document(
        id=hashlib.sha256(text.encode()).hexdigest()[:16] + f"{i:05d}",
        text=text,
        title=f"Detentions in {place} ({i})",
        url=f"https://example.org/{OUTLETS[i % 8].lower().replace(' ', '-')}/{i}",
        outlet=OUTLETS[i % 8],
        published=dt.date(2026, 1, 1) + dt.timedelta(days=story // 10),
        versions=VERSIONS,
        entities=tuple(entities),
        events=tuple(events),
        claims=tuple(claims),
        timexes=tuple(timexes),
    )


def percentile(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100)[int(q) - 1] if len(samples) > 1 else samples[0]


def timed(label: str, calls: int, fn) -> None:
    samples = []
    for k in range(calls):
        start = time.perf_counter()
        fn(k)
        samples.append((time.perf_counter() - start) * 1000)
    print(f"  {label:<34} p50 {percentile(samples, 50):7.1f} ms   p95 {percentile(samples, 95):7.1f} ms")


def _groups(store: Store) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for story_id, article_id in store.db.fetch_all("SELECT story_id, article_id FROM story_articles"):
        members.setdefault(story_id, set()).add(article_id)
    return {frozenset(m) for m in members.values()}


def _ingest_timed(store: Store, documents: list[Document]) -> float:
    start = time.perf_counter()
    store.ingest(documents)  # stores, then refreshes the stories
    return time.perf_counter() - start


def incremental(store: Store, documents: list[Document], rng: random.Random, folder: Path) -> None:
    """Adding to a full store: one article, then 1,000; the same 1,000 into an empty store; a rebuild."""
    n = len(documents)
    last = n // 10 - 1
    one = synthetic_document(n, rng, story=last)
    batch = [synthetic_document(n + 1 + k, rng, story=last - 49 + k // 10) for k in range(1000)]
    seconds = _ingest_timed(store, [one])
    print(f"incremental: 1 article into {n:,} (store + stories, no NLP): {seconds:.2f} s")
    into_full = _ingest_timed(store, batch)
    empty = folder / "empty.duckdb"
    empty.unlink(missing_ok=True)
    with Store.open(empty) as fresh:
        into_empty = _ingest_timed(fresh, batch)
    print(f"incremental: 1,000 articles into {n + 1:,}: {into_full:.1f} s; into an empty store: "
          f"{into_empty:.1f} s; ratio {into_full / into_empty:.2f}")
    grouped = _groups(store)
    start = time.perf_counter()
    store.refresh_stories(rebuild=True)
    print(f"rebuild of every story from scratch: {time.perf_counter() - start:.1f} s; "
          f"same stories as incremental: {_groups(store) == grouped}")
    once = folder / "once.duckdb"
    once.unlink(missing_ok=True)
    with Store.open(once) as all_at_once:
        all_at_once.ingest([*documents, one, *batch], batch_size=500)
        print(f"one store given all {n + 1001:,} at once groups them as the incremental one: "
              f"{_groups(all_at_once) == grouped}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--reads", type=int, default=200)
    ap.add_argument("--store", type=Path, default=None)
    args = ap.parse_args()
    rng = random.Random(7)
    path = args.store or Path(tempfile.mkdtemp()) / "bench.duckdb"
    path.unlink(missing_ok=True)

    start = time.perf_counter()
    documents = [synthetic_document(i, rng) for i in range(args.articles)]
    print(f"generated {len(documents)} documents in {time.perf_counter() - start:.1f} s")
    records = sum(
        1 + len(d.entities) + len(d.events) + len(d.claims) + len(d.timexes) + len(d.flags) for d in documents
    )
    with Store.open(path) as store:
        start = time.perf_counter()
        store.ingest(documents, batch_size=500, refresh_stories=False)
        elapsed = time.perf_counter() - start
        print(
            f"ingest: {len(documents)} articles, {records} records in {elapsed:.1f} s = "
            f"{records / elapsed:,.0f} records/s ({len(documents) / elapsed:,.0f} articles/s)"
        )
        start = time.perf_counter()
        again = store.ingest(documents[:1000], refresh_stories=False)
        assert all(r.status == "unchanged" for r in again)
        print(f"re-ingest of 1,000 unchanged articles (no-op): {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        n = store.refresh_stories()
        print(f"cross-article refresh: {n} stories in {time.perf_counter() - start:.1f} s")
        incremental(store, documents, rng, path.parent)

    with Store.open(path, read_only=True) as store:
        ids = [a.id for a in store.list_articles(limit=500).items]
        stories = [s.story.id for s in store.list_stories()]
        print(f"reads over {args.reads} calls ({len(stories)} stories):")
        timed(
            "article list (page of 50)",
            args.reads,
            lambda k: store.list_articles(limit=50, offset=(k * 50) % 5000),
        )
        timed(
            "article list, search",
            args.reads,
            lambda k: store.list_articles(ArticleFilter(search=f"Town{k}")),
        )
        timed(
            "article list, actor filter",
            args.reads,
            lambda k: store.list_articles(
                ArticleFilter(actor=f"{GIVEN[k % 10]} {SURNAMES[(k * 7) % 10]}{k}")
            ),
        )
        timed("article (all records)", args.reads, lambda k: store.get_article(ids[k % len(ids)]))
        timed(
            "story page (timeline+graph+contra.)",
            args.reads,
            lambda k: store.get_story(stories[k % len(stories)]),
        )
        timed("story list", max(10, args.reads // 10), lambda k: store.list_stories())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
