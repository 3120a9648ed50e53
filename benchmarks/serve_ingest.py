"""Pages while the server ingests: does `presslens serve --ingest` keep answering while it analyses?

    python benchmarks/serve_ingest.py [--articles 2000] [--post 120] [--clients 4] [--seconds 15]
                                      [--data ../shared/data]

Localhost only. The real server (uvicorn, one process, as ``presslens serve
--ingest`` runs it) owns a synthetic store of `--articles` (``benchmarks/
store.py``'s generator). Two phases:

1. **pages alone** for `--seconds`: `--clients` threads browse the article
   list, article pages, story pages and /api/stories;
2. **pages while ingesting**: the same clients browse while one more client
   posts `--post` real news articles (the PTC training texts) in jobs of 20
   to ``POST /api/articles`` and follows them until every job is done
   (analysed in the server's analysis process, stored, stories refreshed).

Printed: pages/s, p50 and p95 of each phase and their ratio, the articles
stored per second through the server (from the first post to the last job
done, the analysis process's start included) and the server's and its
analysis process's resident memory at the end.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

log = logging.getLogger("benchmarks.serve_ingest")
REPO = Path(__file__).resolve().parents[1]
SERVER = """
import sys, uvicorn
from presslens.web import create_app
uvicorn.run(create_app(None, sys.argv[1], ingest=True), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning", access_log=False)
"""
JOB = 20


def _texts(data: Path, n: int) -> list[str]:
    path = data / "ptc" / "train.jsonl"
    if not path.is_file():
        sys.exit(f"benchmark corpus not found: {path} (pass --data pointing at shared/data)")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(n), fh, strict=False)]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    """Every process started by `pid` (its analysis process, and multiprocessing's helpers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _ingest(base: str, texts: list[str], done: list[float], stop: threading.Event) -> None:
    """Post `texts` in jobs of JOB and follow every job to its end."""
    start = time.perf_counter()
    with httpx.Client(base_url=base, timeout=120) as client:
        jobs = []
        for k in range(0, len(texts), JOB):
            records = [{"text": t, "outlet": "PTC", "published": "2026-11-30"} for t in texts[k : k + JOB]]
            answer = client.post("/api/articles", json={"records": records})
            answer.raise_for_status()
            jobs.append(answer.json()["id"])
        stored = 0
        for job_id in jobs:
            while (job := client.get(f"/api/ingest/{job_id}").json())["status"] not in ("done", "failed"):
                time.sleep(0.2)
            if job["status"] == "failed":
                log.error("job %s failed: %s", job_id, job["problem"])
            stored += job["stored"]
    done.extend([time.perf_counter() - start, stored])
    stop.set()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles in the synthetic store")
    ap.add_argument("--post", type=int, default=120, help="real articles sent to the server")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=15.0, help="length of the pages-alone phase")
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling web.py and serve_load.py
    import serve_load

    import web

    texts = _texts(args.data, args.post)
    path = Path(tempfile.mkdtemp()) / "ingest.duckdb"
    web.build_store(path, args.articles)
    urls = web.page_urls(path)
    port = web._free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(path), str(port)])
    try:
        web._wait(base, server)
        serve_load._pages(base, urls, args.clients, 2.0)  # warm-up
        log.info("%d clients browsing a store of %d articles; server pid %d", args.clients, args.articles,
                 server.pid)
        alone = serve_load._pages(base, urls, args.clients, args.seconds)
        stop, done = threading.Event(), []
        poster = threading.Thread(target=_ingest, args=(base, texts, done, stop))
        start = time.perf_counter()
        poster.start()
        busy: list[float] = []
        while not stop.is_set():  # browse in slices until the last job is done
            busy.extend(serve_load._pages(base, urls, args.clients, 2.0))
        poster.join()
        busy_seconds = time.perf_counter() - start
        analysis = _children(server.pid)
        memory = ", ".join(f"{_rss_mb(p):.0f} MB" for p in analysis)
        server_mb = _rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    seconds, stored = done
    log.info("pages (%d kinds of URL):", len(urls))
    p95_alone = serve_load._report("alone", alone, args.seconds, web.percentile)
    p95_busy = serve_load._report("while ingesting", busy, busy_seconds, web.percentile)
    log.info("  p95 ratio %.2f", p95_busy / p95_alone)
    log.info("ingested through the server: %d of %d articles in %.1f s (%.2f articles/s, the analysis "
             "process's start included)", stored, len(texts), seconds, stored / seconds)
    log.info("resident memory at the end: server %.0f MB; analysis process %s", server_mb, memory or "-")
    return 0 if stored == len(texts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
