"""Analysts correct a story from the web: timeline events merged, split or hidden; contradictions
dismissed or confirmed.

The same corrections as ``presslens correct`` and ``presslens judge``
(``Store.correct_timeline``, ``Store.judge_contradiction``: stored by what
they name, applied again after re-ingest, reanalysis and a rebuild), made
through the server that owns the store (``presslens serve --ingest``); they
run in its one writer thread, in turn with the articles being stored
(``IngestWorker.write``). A read-only server has no writer and says how to
get one.

Two doors each, one rule per door:

    POST /api/corrections                 JSON {"action", "event", "other"?, "report"?}
    POST /stories/{id}/corrections        the story page's forms; answers 303 to the page
    POST /api/verdicts                    JSON {"verdict", "contradiction"}
    POST /stories/{id}/verdicts           the story page's forms

Both refuse requests another site's page made the browser send
(``guard.require_same_origin`` / ``guard.require_own_form``), and, when the
server is bound beyond localhost, requests without its token.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeVar
from urllib.parse import parse_qs, quote

import anyio.to_thread
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field, ValidationError

from presslens.errors import StoreError
from presslens.store import Store
from presslens.stories.verdicts import JUDGEMENTS
from presslens.web.deps import bounded_body, validation_problems
from presslens.web.guard import require_own_form, require_same_origin
from presslens.web.ingest_worker import IngestWorker, QueueFull

__all__ = ["Correction", "Verdict", "router"]

router = APIRouter(tags=["corrections"])
M = TypeVar("M", bound=BaseModel)

#: a form holds a handful of short fields
_MAX_FORM_BYTES = 4096
_TOO_BIG = "a correction form holds a few short fields"


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


class Verdict(BaseModel):
    """One verdict, as ``presslens judge VERDICT CONTRADICTION`` takes it."""

    verdict: Literal["dismiss", "confirm", "clear"]
    contradiction: str = Field(min_length=1, max_length=200, description="contradiction id (or a prefix)")

    def said(self) -> str:
        done = {"dismiss": "dismissed", "confirm": "confirmed", "clear": "cleared the verdict on"}
        return f"{done[self.verdict]} {self.contradiction}"


def _writer(request: Request) -> IngestWorker:
    worker = request.app.state.ingest
    if worker is None:
        raise HTTPException(
            409, "this server only reads the store: start it with `presslens serve --ingest` to correct "
                 "stories from the web, or stop it and use `presslens correct` / `presslens judge`",
        )
    return worker


async def _write(request: Request, change: Callable[[Store], object]) -> None:
    """`change` made by the server's writer; the store's complaint (a bad id) a 400."""
    worker = _writer(request)
    try:
        await anyio.to_thread.run_sync(lambda: worker.write(change))
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None
    except QueueFull as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "10"}) from None


def _correct(correction: Correction) -> Callable[[Store], object]:
    return lambda store: store.correct_timeline(
        correction.action, correction.event, correction.other, report=correction.report
    )


def _judge(verdict: Verdict) -> Callable[[Store], object]:
    stored = JUDGEMENTS[verdict.verdict]
    return lambda store: store.judge_contradiction(stored, verdict.contradiction)


async def _form(request: Request, model: type[M]) -> M:
    """The posted form as `model`; 413 past a few fields, 422 naming what is wrong."""
    body = await bounded_body(request, _MAX_FORM_BYTES, _TOO_BIG)
    fields = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items() if v and v[0].strip()}
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        raise HTTPException(422, f"not a correction: {validation_problems(exc, 5)}"[:1000]) from None


def _back(story_id: str, anchor: str) -> RedirectResponse:
    return RedirectResponse(f"/stories/{quote(story_id, safe='')}#{anchor}", status_code=303)


@router.post("/api/corrections", summary="Correct a timeline", dependencies=[Depends(require_same_origin)])
async def post_correction(request: Request, correction: Correction) -> dict[str, str]:
    """Merge, split or hide a timeline event (``presslens serve --ingest`` only: 409 otherwise);
    400 names what is wrong with the ids."""
    await _write(request, _correct(correction))
    return {"done": correction.said()}


@router.post("/stories/{story_id}/corrections", dependencies=[Depends(require_own_form)])
async def post_correction_form(request: Request, story_id: str) -> RedirectResponse:
    """The story page's correction forms; back to the page's timeline when done."""
    await _write(request, _correct(await _form(request, Correction)))
    return _back(story_id, "timeline")


@router.post("/api/verdicts", summary="Judge a contradiction", dependencies=[Depends(require_same_origin)])
async def post_verdict(request: Request, verdict: Verdict) -> dict[str, str]:
    """Dismiss or confirm a contradiction, or clear the verdict (``serve --ingest`` only)."""
    await _write(request, _judge(verdict))
    return {"done": verdict.said()}


@router.post("/stories/{story_id}/verdicts", dependencies=[Depends(require_own_form)])
async def post_verdict_form(request: Request, story_id: str) -> RedirectResponse:
    """The story page's verdict buttons; back to the page's contradictions when done."""
    await _write(request, _judge(await _form(request, Verdict)))
    return _back(story_id, "contradictions")
