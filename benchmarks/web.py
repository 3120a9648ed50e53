"""Web latency: p50/p95 of the article and story pages on a synthetic store of 10,000 articles.

    python benchmarks/web.py [--articles 10000] [--requests 200] [--store /tmp/bench.duckdb]

The store is built with ``benchmarks/store.py``'s generator (1,000 stories of
10 articles, ~37 records each; reused when `--store` already exists). The
real server (uvicorn, one process, as ``presslens serve`` runs it) listens on
a free localhost port in a child process, and an httpx client requests full
HTML pages over varied ids in a bounded loop after a short warm-up; each
sample is one complete request (connect reused, body read). Target: p95 <
150 ms (issue 7).
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from presslens.store import Store

log = logging.getLogger("benchmarks.web")
TARGET_MS = 150.0
SERVER = """
import sys, uvicorn
from presslens.web import create_app
uvicorn.run(create_app(store_path=sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning", access_log=False)
"""


def _store_benchmark():
    spec = importlib.util.spec_from_file_location("bench_store", Path(__file__).with_name("store.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_store(path: Path, articles: int) -> None:
    """The synthetic store of ``benchmarks/store.py`` (no NLP), with stories refreshed."""
    bench = _store_benchmark()
    rng = random.Random(7)
    start = time.perf_counter()
    documents = [bench.synthetic_document(i, rng) for i in range(articles)]
    with Store.open(path) as store:
        store.ingest(documents, batch_size=500, refresh_stories=False)
        stories = store.refresh_stories()
    log.info("built %s: %d articles, %d stories in %.1f s", path, articles, stories,
             time.perf_counter() - start)


def page_urls(path: Path) -> list[str]:
    """The pages a reader opens on the store at `path`: lists, 100 articles, 100 story pages."""
    with Store.open(path, read_only=True) as store:
        ids = [a.id for a in store.list_articles(limit=300).items]
        stories = [s.story.id for s in store.list_stories()][:300]
    return (["/", "/?q=Town1", "/api/stories"] + [f"/articles/{i}" for i in ids[:100]]
            + [f"/stories/{s}" for s in stories[:100]])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(base: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with status {proc.returncode}")
        try:
            httpx.get(base + "/static/favicon.svg", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"the server did not answer within {timeout:.0f} s")


def percentile(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1] if len(samples) > 1 else samples[0]


def measure(client: httpx.Client, urls: list[str], warmup: int = 10) -> list[float]:
    for url in urls[:warmup]:
        client.get(url).raise_for_status()
    samples = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        response.raise_for_status()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200, help="requests per page kind")
    ap.add_argument("--store", type=Path, default=None, help="reused if it exists")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    path = args.store or Path(tempfile.mkdtemp()) / "bench.duckdb"
    if not path.exists():
        build_store(path, args.articles)
    with Store.open(path, read_only=True) as store:
        total = store.list_articles(limit=1).total
        ids = [a.id for a in store.list_articles(limit=500).items]
        ids += [a.id for a in store.list_articles(limit=500, offset=total // 2).items]
        stories = [s.story.id for s in store.list_stories()]
    rng = random.Random(11)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(path), str(port)])
    try:
        _wait(base, proc)
        with httpx.Client(base_url=base, timeout=30) as client:
            kinds = {
                "article page": [f"/articles/{rng.choice(ids)}" for _ in range(args.requests)],
                "story page": [f"/stories/{rng.choice(stories)}" for _ in range(args.requests)],
                "article list (page of 50)": [f"/?offset={rng.randrange(0, total, 50)}"
                                              for _ in range(args.requests)],
                "article list, search": [f"/?q=Town{rng.randrange(1000)}" for _ in range(args.requests)],
            }
            log.info("web latency over %d requests each (%d articles, %d stories), real HTTP on localhost:",
                     args.requests, total, len(stories))
            failed = False
            for label, urls in kinds.items():
                samples = measure(client, urls)
                p50, p95 = percentile(samples, 50), percentile(samples, 95)
                gated = label in ("article page", "story page")
                verdict = ("ok" if p95 < TARGET_MS else "OVER TARGET") if gated else ""
                failed |= gated and p95 >= TARGET_MS
                log.info("  %-26s p50 %6.1f ms   p95 %6.1f ms   %s", label, p50, p95, verdict)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
