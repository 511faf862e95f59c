"""Probes for whoever runs the server: liveness, readiness and the Prometheus metrics.

- `/health` (and /api/v1/health): the process answers. No database: a liveness probe that fails
  when the database is down would have the supervisor restart a healthy process in a loop.
- `/ready`: this process can serve consoles now: the database answers and is at the schema head,
  the key file loaded is the one the database's consoles were given, the upstream status service
  (when configured) answers. 503 names each failing part; a balancer takes the process out of
  rotation until it is ready again.
- `/metrics`: see central.metrics (this machine, or the metrics token).
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from alembic.script import ScriptDirectory
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from app.sync.protocol import API_PREFIX
from central import metrics
from central.context import ApiError, Context, CtxDep
from central.db import ServerNote
from central.db_setup import alembic_config
from central.openapi import errors

router = APIRouter()
OK = "ok"
CHECK_TIMEOUT_S = 3.0  # a database or upstream that hangs is as unready as one that refuses


class Readiness(BaseModel):
    """Each part's state: "ok", "not configured", or what is wrong with it."""

    ready: bool
    checks: dict[str, str]


_READY_RESPONSES: dict[int | str, dict[str, Any]] = {
    503: {"model": Readiness, "description": "Not ready: the failing parts say why"}
}
_METRICS_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Prometheus text exposition format",
        "content": {"text/plain": {"schema": {"type": "string"}}},
    },
    **errors(403),
}


def schema_heads() -> frozenset[str]:
    """The revisions a database at head carries (the migrations this code ships)."""
    return frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def _database(ctx: Context, heads: frozenset[str]) -> dict[str, str]:
    try:
        with ctx.engine.connect() as conn:
            versions = frozenset(
                conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            )
            recorded = conn.execute(
                select(ServerNote.value).where(ServerNote.name == "public_key")
            ).scalar_one_or_none()
    except SQLAlchemyError as exc:
        return {"database": f"unreachable ({type(exc.orig or exc).__name__})"}
    schema = OK if versions == heads else f"at {','.join(sorted(versions)) or 'nothing'}, not head"
    if recorded is None:
        keys = "no key recorded in the database"
    elif recorded != ctx.keys.public_key_b64:
        keys = "the key file differs from the key the database's consoles were given"
    else:
        keys = OK
    return {"database": OK, "schema": schema, "keys": keys}


def _upstream(ctx: Context) -> str:
    if ctx.upstream is None:
        return "not configured"
    try:
        answer = ctx.upstream.get(f"{API_PREFIX}/health", timeout=CHECK_TIMEOUT_S)
    except httpx.HTTPError as exc:
        return f"unreachable ({type(exc).__name__})"
    return OK if answer.status_code == 200 else f"answered {answer.status_code}"


async def _timed(name: str, call: Any, *args: Any) -> Any:
    try:
        return await asyncio.wait_for(run_in_threadpool(call, *args), CHECK_TIMEOUT_S)
    except TimeoutError:
        return {name: f"no answer in {CHECK_TIMEOUT_S:g} s"}


@router.get("/ready", responses=_READY_RESPONSES, tags=["operations"])
async def ready(request: Request, ctx: CtxDep) -> Readiness:
    """200 when every part is ready; 503 with the same body naming the parts that are not."""
    heads: frozenset[str] = request.app.state.schema_heads
    database, upstream = await asyncio.gather(
        _timed("database", _database, ctx, heads), _timed("upstream", _upstream, ctx)
    )
    checks = {
        **database,
        "upstream": upstream if isinstance(upstream, str) else upstream["upstream"],
    }
    fine = all(value in (OK, "not configured") for value in checks.values())
    answer = Readiness(ready=fine, checks=checks)
    if not fine:
        return JSONResponse(answer.model_dump(), status_code=503)  # type: ignore[return-value]
    return answer


@router.get("/metrics", response_class=Response, responses=_METRICS_RESPONSES, tags=["operations"])
def prometheus_metrics(request: Request, ctx: CtxDep) -> Response:
    """Prometheus metrics: from this machine without a proxy in between, or with the metrics
    token (`Authorization: Bearer`, ASHYQ_CENTRAL_METRICS_TOKEN)."""
    if not metrics.may_read(request, ctx.settings.metrics_token):
        raise ApiError(
            403,
            "metrics_forbidden",
            "Metrics are served to this machine, or with the metrics token.",
        )
    return metrics.exposition()
