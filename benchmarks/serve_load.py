"""Load on the web server: do slow and huge queries slow pages down or grow the server?

    python benchmarks/serve_load.py [--articles 2000] [--seconds 20] [--clients 8] [--store PATH]

Localhost only, and it stops by itself. The real server (uvicorn, one
process, as ``presslens serve --query`` runs it) serves a synthetic store
(``benchmarks/store.py``'s generator; reused when `--store` exists). Three
phases, each `--seconds` long:

1. **pages alone**: `--clients` threads, each with its own connection,
   browse the article list, article pages, story pages and /api/stories in
   a loop;
2. **pages with slow queries**: the same, while one more client sends
   ``SELECT count(*) FROM range(1e8) a, range(1e8) b`` back to back, each
   stopped at the server's time limit (``--query-timeout``);
3. **a huge result**: ``SELECT repeat('x', 10000000) FROM range(5000)``
   (50 GB if it were built) once, while the server's resident memory is
   sampled every 50 ms.

Printed: pages/s, p50 and p95 per phase and their ratio (issue 17: p95 with
slow queries ≤ 2 × without), how long ``/`` took while a slow query was
running, what each query got back, and the server's memory growth during
the huge query (issue 17: < 1 GB).
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

log = logging.getLogger("benchmarks.serve_load")
CROSS_JOIN = "SELECT count(*) FROM range(100000000) a, range(100000000) b"
HUGE = "SELECT repeat('x', 10000000) FROM range(5000)"
SERVER = """
import sys, uvicorn
from presslens.settings import load_settings
from presslens.web import create_app
settings = load_settings().replace(query_timeout=float(sys.argv[3]))
uvicorn.run(create_app(settings, sys.argv[1], query=True), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning", access_log=False)
"""


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _browse(base: str, urls: list[str], until: float, samples: list[float], seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as client:
        while time.monotonic() < until:
            start = time.perf_counter()
            client.get(rng.choice(urls)).raise_for_status()
            samples.append((time.perf_counter() - start) * 1000)


def _pages(base: str, urls: list[str], clients: int, seconds: float) -> list[float]:
    samples: list[float] = []  # list.append is atomic under the GIL
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=_browse, args=(base, urls, until, samples, k)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples


def _slow_queries(base: str, stop: threading.Event, answers: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=120) as client:
        while not stop.is_set():
            r = client.post("/api/query", json={"sql": CROSS_JOIN})
            answers.append(f"{r.status_code} {r.json().get('detail', '')[:70]}")


def _report(label: str, samples: list[float], seconds: float, percentile) -> float:
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    log.info("  %-28s %6.1f pages/s   p50 %7.1f ms   p95 %7.1f ms", label, len(samples) / seconds, p50, p95)
    return p95


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=20.0, help="length of each page phase")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--query-timeout", type=float, default=5.0, help="the server's query time limit")
    ap.add_argument("--store", type=Path, default=None, help="reused if it exists")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling web.py: store and server helpers
    import web
    path = args.store or Path(tempfile.mkdtemp()) / "load.duckdb"
    if not path.exists():
        web.build_store(path, args.articles)
    urls = web.page_urls(path)
    port = web._free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(path), str(port), str(args.query_timeout)])
    try:
        web._wait(base, server)
        _pages(base, urls, args.clients, 2.0)  # warm-up: caches, connections
        log.info("%d clients browsing for %.0f s per phase; server pid %d; query time limit %.0f s",
                 args.clients, args.seconds, server.pid, args.query_timeout)
        alone = _pages(base, urls, args.clients, args.seconds)

        stop, answers = threading.Event(), []
        slow = threading.Thread(target=_slow_queries, args=(base, stop, answers))
        slow.start()
        time.sleep(0.5)  # the first query is running
        start = time.perf_counter()
        httpx.get(base + "/", timeout=60).raise_for_status()
        front = (time.perf_counter() - start) * 1000
        busy = _pages(base, urls, args.clients, args.seconds)
        stop.set()
        slow.join()

        log.info("pages (%d kinds of URL):", len(urls))
        p95_alone = _report("alone", alone, args.seconds, web.percentile)
        p95_busy = _report("with slow queries running", busy, args.seconds, web.percentile)
        ratio = p95_busy / p95_alone
        log.info("  p95 ratio %.2f (target <= 2.0): %s", ratio, "ok" if ratio <= 2.0 else "OVER TARGET")
        log.info("  '/' while a slow query ran: %.1f ms", front)
        log.info("slow queries sent: %d; answers: %s", len(answers), "; ".join(sorted(set(answers))))

        base_rss, peak, done = _rss_mb(server.pid), 0.0, threading.Event()
        outcome: list[str] = []

        def huge() -> None:
            r = httpx.post(base + "/api/query", json={"sql": HUGE}, timeout=300)
            outcome.append(f"{r.status_code} {str(r.json().get('detail', ''))[:90]}")
            done.set()

        threading.Thread(target=huge).start()
        while not done.is_set():
            peak = max(peak, _rss_mb(server.pid))
            time.sleep(0.05)
        grown = peak - base_rss
        log.info("huge query: %s", outcome[0])
        log.info("  server memory %.0f MB before, peak %.0f MB: grew %.0f MB (target < 1024): %s",
                 base_rss, peak, grown, "ok" if grown < 1024 else "OVER TARGET")
        samples = statistics.mean(alone), statistics.mean(busy)
        log.info("mean page latency %.1f ms alone, %.1f ms with slow queries", *samples)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0 if ratio <= 2.0 and grown < 1024 else 1


if __name__ == "__main__":
    raise SystemExit(main())
