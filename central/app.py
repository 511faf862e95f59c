"""The FastAPI application: routers, the body-size guard, and errors in the protocol's shape."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, create_engine
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app.sync.protocol import API_PREFIX, MAX_BODY_BYTES
from central import __version__, api, health, metrics, partitions, stream, visitor_page
from central.background import Background
from central.checkin_feed import CheckinFeed
from central.context import Context
from central.db import make_engine, utcnow
from central.db_setup import migrate
from central.guards import CatchAll, SecurityHeaders, StationGate
from central.keys import check_against_database, load_or_create
from central.observe import Observe
from central.openapi import tidy
from central.seal_check import SealChecker
from central.settings import ServerSettings

log = logging.getLogger("central")
SETTINGS_ENV = "ASHYQ_CENTRAL_SETTINGS"  # how `serve --workers N` hands settings to workers


class BodyLimit:
    """Refuse bodies over MAX_BODY_BYTES with 413 before any handler parses them."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = scope["method"] in ("POST", "PUT", "PATCH")
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _too_large(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed and scope["method"] in ("POST", "PUT", "PATCH"):
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    response = JSONResponse(
        {"code": "too_large", "message": f"The body is larger than {MAX_BODY_BYTES} bytes."},
        status_code=413,
    )
    await response(scope, receive, send)


def _where(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def _upkeep(engine: Engine, settings: ServerSettings) -> None:
    now = utcnow()
    made = partitions.ensure_window(engine, now)
    if made:
        log.info("visit partitions made: %s", ", ".join(m.strftime("%Y-%m") for m in made))
    if settings.retention_months is not None:
        report = partitions.prune(engine, settings.retention_months, now)
        if report.months_dropped or report.visits_deleted:
            log.info(
                "retention: visits before %s removed (%s months dropped, %s rows deleted)",
                report.cutoff.isoformat(),
                len(report.months_dropped),
                report.visits_deleted or 0,
            )


def create_app(settings: ServerSettings) -> FastAPI:
    """One server process: migrates the database and checks its key file before serving."""
    # An opaque name for this process, sent as X-Ashyq-Worker: which of `--workers N` answered
    # (tests and operators tell the workers apart by it; it says nothing about the machine).
    worker = secrets.token_hex(4)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        migrate(engine)
        keys = load_or_create(settings.key_file)
        check_against_database(keys, engine)
        upstream = None
        if settings.upstream_url:
            headers = {}
            if settings.upstream_token:
                headers["Authorization"] = f"Bearer {settings.upstream_token}"
            upstream = httpx.Client(
                base_url=settings.upstream_url, headers=headers, timeout=settings.upstream_timeout_s
            )
        feed = None
        reads = engine  # SQLite: pysqlite begins no transaction for a SELECT anyway
        if engine.dialect.name == "postgresql":
            # The lookups' own pool: autocommit, and no ping before each use (a round trip per
            # lookup); a connection found dead is replaced and the lookup tried once more.
            reads = create_engine(
                settings.database_url, pool_size=10, max_overflow=20, isolation_level="AUTOCOMMIT"
            )
            feed = CheckinFeed(engine)
            feed.start(asyncio.get_running_loop())
            if not await run_in_threadpool(feed.wait_listening, 10.0):
                log.warning("check-in feed not listening yet; streams poll until it is")
        checker = SealChecker(engine, settings.key_file)
        seal_check = Background("seal-check", checker.step, settings.seal_check_poll_s)
        upkeep = Background("partitions", lambda: _upkeep(engine, settings), settings.upkeep_s)
        app.state.context = Context(
            settings=settings,
            engine=engine,
            keys=keys,
            upstream=upstream,
            feed=feed,
            reads=reads,
            seal_check=seal_check,
        )
        app.state.schema_heads = health.schema_heads()
        _upkeep(engine, settings)  # this month's partitions exist before the first request
        seal_check.start()
        upkeep.start()
        log.info("ashyq-central %s ready (%s, worker %s)", __version__, engine.dialect.name, worker)
        try:
            yield
        finally:
            checker.stop()
            upkeep.stop()
            seal_check.stop()
            checker.close()
            if feed is not None:
                await run_in_threadpool(feed.stop)
            if reads is not engine:
                reads.dispose()
            if upstream is not None:
                upstream.close()
            engine.dispose()
            metrics.process_exit()

    app = FastAPI(
        title="ashyq-central",
        version=__version__,
        description="The central API the Ashyq venue consoles sync with.",
        lifespan=lifespan,
        # no Swagger UI or ReDoc pages: they need scripts from a CDN, which this server's
        # Content-Security-Policy refuses; the document itself stays at /openapi.json
        docs_url=None,
        redoc_url=None,
    )
    app.include_router(api.router, prefix=API_PREFIX)
    # /health also at the root: load balancers and the demo launcher probe it there
    app.add_api_route("/health", api.health, methods=["GET"], include_in_schema=False)
    app.include_router(stream.router, prefix=API_PREFIX)
    app.include_router(health.router)  # /ready and /metrics, at the root like /health
    visitor_page.install(app)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = tidy(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if not (isinstance(detail, dict) and "code" in detail):
            code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "error")
            detail = {"code": code, "message": str(detail)}
        return JSONResponse(detail, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # The input itself is never echoed: it may hold a number that must not travel back.
        problems = [
            f"{_where(tuple(e.get('loc', ())))}: {e.get('msg', 'invalid')}"
            for e in exc.errors()[:5]
        ]
        return JSONResponse({"code": "invalid", "message": "; ".join(problems)}, status_code=422)

    # Outermost last: proxy headers (only from named peers), the request's id, metrics and
    # access line, security headers on every answer, the catch-all for an unexpected error, the
    # station token, then the body-size guard.
    app.add_middleware(BodyLimit)
    app.add_middleware(StationGate, prefix=API_PREFIX, open_paths=(f"{API_PREFIX}/enroll",))
    app.add_middleware(CatchAll)
    app.add_middleware(SecurityHeaders, worker=worker)
    app.add_middleware(Observe)
    if settings.trusted_proxies:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    return app


def create_app_from_env() -> FastAPI:
    """The app factory each worker of `serve --workers N` calls (settings as JSON in the env)."""
    return create_app(ServerSettings.from_json(os.environ[SETTINGS_ENV]))
