"""Analysts correct a timeline from the web: merge two events, split a report off, hide one.

The same corrections as ``presslens correct`` (``Store.correct_timeline``:
stored by the reports they name, applied again after re-ingest, reanalysis
and a rebuild), made through the server that owns the store
(``presslens serve --ingest``); they run in its one writer thread, in turn
with the articles being stored (``IngestWorker.write``). A read-only server
has no writer and says how to get one.

Two doors, one rule each:

    POST /api/corrections                 JSON {"action", "event", "other"?, "report"?}
    POST /stories/{id}/corrections        the story page's forms; answers 303 to the page

Both refuse requests another site's page made the browser send
(``guard.require_same_origin`` / ``guard.require_own_form``), and, when the
server is bound beyond localhost, requests without its token.
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import parse_qs, quote

import anyio.to_thread
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field, ValidationError

from presslens.errors import StoreError
from presslens.store import Store
from presslens.web.guard import require_own_form, require_same_origin
from presslens.web.ingest_worker import IngestWorker, QueueFull

__all__ = ["Correction", "router"]

router = APIRouter(tags=["corrections"])

#: a form holds a handful of short fields
_MAX_FORM_BYTES = 4096


class Correction(BaseModel):
    """One correction, as ``presslens correct ACTION EVENT [OTHER] [--report N]`` takes it."""

    action: Literal["merge", "split", "hide"]
    event: str = Field(min_length=1, max_length=200, description="timeline event id (or a unique prefix)")
    other: str | None = Field(None, max_length=200, description="merge: the event merged into `event`")
    report: int | None = Field(None, ge=1, le=100_000, description="split: which report (1 = first)")

    def said(self) -> str:
        return {
            "merge": f"merged {self.other} into {self.event}",
            "split": f"split report {self.report} off {self.event}",
            "hide": f"hid {self.event}",
        }[self.action]


def _writer(request: Request) -> IngestWorker:
    worker = request.app.state.ingest
    if worker is None:
        raise HTTPException(
            409, "this server only reads the store: start it with `presslens serve --ingest` to correct "
                 "timelines from the web, or stop it and use `presslens correct`",
        )
    return worker


async def _apply(request: Request, correction: Correction) -> str:
    worker = _writer(request)

    def change(store: Store) -> None:
        store.correct_timeline(
            correction.action, correction.event, correction.other, report=correction.report
        )

    try:
        await anyio.to_thread.run_sync(lambda: worker.write(change))
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None
    except QueueFull as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "10"}) from None
    return correction.said()


@router.post("/api/corrections", summary="Correct a timeline", dependencies=[Depends(require_same_origin)])
async def post_correction(request: Request, correction: Correction) -> dict[str, str]:
    """Merge, split or hide a timeline event (``presslens serve --ingest`` only: 409 otherwise);
    400 names what is wrong with the ids."""
    return {"done": await _apply(request, correction)}


@router.post("/stories/{story_id}/corrections", dependencies=[Depends(require_own_form)])
async def post_correction_form(request: Request, story_id: str) -> RedirectResponse:
    """The story page's correction forms; back to the page's timeline when done."""
    body = await request.body()
    if len(body) > _MAX_FORM_BYTES:
        raise HTTPException(413, "a correction form holds a few short fields")
    fields = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items() if v and v[0].strip()}
    try:
        correction = Correction.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
        raise HTTPException(422, f"not a correction: {problems}"[:1000]) from None
    await _apply(request, correction)
    return RedirectResponse(f"/stories/{quote(story_id, safe='')}#timeline", status_code=303)
