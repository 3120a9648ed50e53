"""Take the README's screenshots (docs/article-page.png, docs/story-page.png) with Debian's Chromium.

    python tests/web/screenshots.py [--out docs]

Ingests the stories test corpus (tests/stories/data/corpus) into a temporary
store with the real pipeline, serves it with the real app on a free localhost
port, and photographs the Report.az article (highlights and side panels) and
the Saratov raid story (contradictions side by side, then the timeline).
Not collected by pytest (no ``test_`` prefix).
"""

from __future__ import annotations

import argparse
import logging
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from presslens.service_store import ingest_paths, open_store
from presslens.web import create_app

CORPUS = Path(__file__).resolve().parents[1] / "stories" / "data" / "corpus"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
log = logging.getLogger("screenshots")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("docs"))
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    store_path = Path(tempfile.mkdtemp()) / "shots.duckdb"
    with open_store(store_path) as store:
        ingest_paths([CORPUS / "saratov_raid.jsonl", CORPUS / "caspian_water.jsonl"], store)
        article = next(a for a in store.list_articles().items if a.outlet == "Report.az")
        story = max(store.list_stories(), key=lambda s: s.contradictions).story.id
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store_path=store_path), port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.goto(f"{base}/articles/{article.id}")
            page.screenshot(path=args.out / "article-page.png")
            page.set_viewport_size({"width": 1280, "height": 1180})
            page.goto(f"{base}/stories/{story}")
            page.screenshot(path=args.out / "story-page.png")
            browser.close()
    finally:
        server.should_exit = True
    for name in ("article-page.png", "story-page.png"):
        log.info("%s: %d KB", args.out / name, (args.out / name).stat().st_size // 1024)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
