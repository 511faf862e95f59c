"""One ASGI layer that watches every request: its id, its metrics, its access-log line.

- The request id: 12 random URL-safe characters, made here (a client's or proxy's X-Request-ID is
  not taken: it could carry a person's number into the log), answered in `X-Request-ID` and set
  in `logconfig.request_id` for every log line written while the request runs.
- Metrics (central.metrics): by route template and status, never by path.
- The access line ("central.access": method, route template, status, duration) for the JSON log;
  the text log keeps uvicorn's own access line and drops this one (see logconfig).

Plain ASGI (no BaseHTTPMiddleware), outermost but for the proxy headers, so a refusal by an
inner layer (401 before the body, 413) is counted too.
"""

from __future__ import annotations

import functools
import logging
import secrets
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.logconfig import request_id
from central.metrics import LATENCY, RATE_LIMITED, REQUESTS, STREAM_CLIENTS

access = logging.getLogger("central.access")
UNMATCHED = "unmatched"
REQUEST_ID_HEADER = b"x-request-id"
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def route_of(scope: Scope) -> str:
    """The template of the route that answered (`/api/v1/status/{iin}`), never the typed path.

    A route included under a prefix may know only its own part (`/status/{iin}`, FastAPI 0.16x):
    the prefix is then the request path's leading segments, the literal ones the router matched
    before the route's (one segment per template segment: no route here takes a `:path`).
    """
    template = getattr(scope.get("route"), "path", None)
    if not isinstance(template, str):
        return UNMATCHED
    segments = scope.get("path", "").split("/")
    extra = len(segments) - len(template.split("/"))
    return "/".join(segments[: extra + 1]) + template if extra > 0 else template


@functools.lru_cache(maxsize=4096)  # routes x methods x statuses: a few hundred at most
def _children(method: str, route: str, status: int) -> tuple[Any, Any]:
    """The labelled counter and histogram (prometheus-client's .labels() takes a lock each time)."""
    labels = (method, route, str(status))
    return REQUESTS.labels(*labels), LATENCY.labels(*labels)


def new_request_id() -> str:
    return secrets.token_urlsafe(9)


class Observe:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        rid = new_request_id()
        token = request_id.set(rid)
        status = 500
        streaming = False

        async def watch(message: Message) -> None:
            nonlocal status, streaming
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", []))
                content_type = dict(headers).get(b"content-type", b"")
                streaming = content_type.startswith(b"text/event-stream")
                if streaming:
                    STREAM_CLIENTS.inc()
                message = {**message, "headers": [*headers, (REQUEST_ID_HEADER, rid.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            elapsed = time.perf_counter() - started
            method = scope["method"] if scope["method"] in _METHODS else "OTHER"
            route = route_of(scope)
            count, timing = _children(method, route, status)
            count.inc()
            if streaming:  # a stream's life is not a latency
                STREAM_CLIENTS.dec()
            else:
                timing.observe(elapsed)
            if status == 429:
                RATE_LIMITED.labels(route).inc()
            if access.isEnabledFor(logging.INFO):
                duration_ms = round(elapsed * 1000, 2)
                access.info(
                    "%s %s %d %.2f ms",
                    method,
                    route,
                    status,
                    duration_ms,
                    extra={"route": route, "status": status, "duration_ms": duration_ms},
                )
            request_id.reset(token)
