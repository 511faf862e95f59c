"""ASGI layers in front of every route: security headers, the station token before the body,
and the last word on an unexpected error.

Each is plain ASGI (no BaseHTTPMiddleware), so streaming answers pass through untouched.
"""

from __future__ import annotations

import logging

from fastapi.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.context import ApiError, Context, bearer, station_for

log = logging.getLogger("central")

# What a page of this server may do in a browser: nothing, unless it says otherwise itself (the
# visitor page sends its own policy allowing its one style block and one script by their hashes).
DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
_ALWAYS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders:
    """nosniff, no referrer and no framing on every answer; a deny-all CSP unless one is set;
    which worker process answered (an opaque name), for `serve --workers N`."""

    def __init__(self, app: ASGIApp, worker: str = "") -> None:
        self.app = app
        self.always = _ALWAYS + (((b"x-ashyq-worker", worker.encode()),) if worker else ())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in self.always if n not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", DEFAULT_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class CatchAll:
    """An unexpected error: the log keeps the traceback, the client gets a 500 with code
    "internal" and nothing of the error itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                body = {"code": "internal", "message": "The server failed; its log has the cause."}
                await JSONResponse(body, status_code=500)(scope, receive, send)


class StationGate:
    """A station route with a body: the token is checked before a byte of the body is read, so a
    stranger gets 401, never a parse of what they sent (422) or a 413. Enrollment is open."""

    def __init__(self, app: ASGIApp, prefix: str, open_paths: tuple[str, ...]) -> None:
        self.app = app
        self.prefix = prefix.rstrip("/") + "/"
        self.open_paths = open_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] not in ("GET", "HEAD", "OPTIONS")
            and scope["path"].startswith(self.prefix)
            and scope["path"].rstrip("/") not in self.open_paths
        ):
            request = Request(scope)
            try:
                await run_in_threadpool(_check, scope["app"].state.context, request)
            except ApiError as exc:
                answer = JSONResponse(exc.detail, status_code=exc.status_code, headers=exc.headers)
                await answer(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _check(ctx: Context, request: Request) -> None:
    token = bearer(request)
    with ctx.engine.connect() as conn:
        station_for(conn, token)
