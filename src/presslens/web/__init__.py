"""The presslens web UI and JSON API over a store (``presslens serve``).

Needs the ``web`` extra (FastAPI, uvicorn). Build the app with
``create_app(settings, store_path)``; nothing here is global, so tests and
benchmarks build as many apps as they like.
"""

from __future__ import annotations

from presslens.web.app import create_app

__all__ = ["create_app"]
