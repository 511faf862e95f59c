"""Server-sent events of visitors' check-ins for the door screens of one venue.

The stream re-checks its station's token every `stream_recheck_s` (ServerSettings): a station
revoked, expired, or rotated past the token the stream was opened with loses the stream then.

Works across server processes: on PostgreSQL a check-in made through any process wakes the
streams of every process at once (LISTEN/NOTIFY, central.checkin_feed), and the `checkins` table is
read then; a slow poll stays as a safety net. On SQLite (one process) the stream polls the table. Event ids are the table's sequence numbers, so a
reconnecting door sends `Last-Event-ID` and misses nothing. On PostgreSQL two transactions can
commit their sequence numbers out of order; the stream therefore re-reads a short window above
the last number it is sure of and skips what it already sent. A `Last-Event-ID` that is not
such a number (ASCII digits that fit a BIGINT) is ignored: the stream starts from now.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from sqlalchemy import func, select

from app.core.statuses import Status
from app.sync.protocol import CheckinOut
from central.context import ApiError, Context, CtxDep, StationDep, bearer, route_key, station_for
from central.db import Checkin, utcnow
from central.openapi import EVENT_STREAM, errors

router = APIRouter()
SETTLE = timedelta(seconds=5)  # a check-in older than this can no longer appear behind another
KEEPALIVE_S = 15.0


def _latest(ctx: Context, venue_id: int) -> int:
    with ctx.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.coalesce(func.max(Checkin.seq), 0)).where(Checkin.venue_id == venue_id)
            ).scalar_one()
        )


def _after(ctx: Context, venue_id: int, floor: int) -> list[tuple[int, CheckinOut, bool]]:
    """Check-ins above `floor`, each with whether it is old enough to be settled."""
    settled_before = utcnow() - SETTLE
    with ctx.engine.connect() as conn:
        rows = conn.execute(
            select(Checkin.seq, Checkin.id, Checkin.at, Checkin.status, Checkin.person)
            .where(Checkin.venue_id == venue_id, Checkin.seq > floor)
            .order_by(Checkin.seq)
            .limit(500)
        ).all()
    return [
        (seq, CheckinOut(id=cid, at=at, status=Status(status), person=person), at < settled_before)
        for seq, cid, at, status, person in rows
    ]


def _still_allowed(ctx: Context, token: str, endpoint: str) -> bool:
    """The stream's station as at this moment: not revoked, not expired, role still fits."""
    try:
        with ctx.engine.connect() as conn:
            station_for(conn, token, endpoint)
    except ApiError:
        return False
    return True


def poll_seconds(ctx: Context) -> float:
    """How often a stream reads the table without being told to (see ServerSettings)."""
    if ctx.settings.sse_poll_s is not None:
        return ctx.settings.sse_poll_s
    return 0.5 if ctx.feed is None else 5.0


async def _events(
    request: Request, ctx: Context, venue_id: int, last_id: int | None
) -> AsyncIterator[str]:
    floor = last_id if last_id is not None else await run_in_threadpool(_latest, ctx, venue_id)
    token, endpoint = bearer(request), route_key(request)
    poll, recheck = poll_seconds(ctx), ctx.settings.stream_recheck_s
    wake = ctx.feed.subscribe(venue_id) if ctx.feed is not None else None
    sent: set[int] = set()
    try:
        yield "retry: 2000\n\n"
        quiet_since = checked = time.monotonic()
        read_at = -poll
        while not await request.is_disconnected():
            if time.monotonic() - checked >= recheck:
                if not await run_in_threadpool(_still_allowed, ctx, token, endpoint):
                    return  # revoked, expired or no longer allowed: the reconnect hears why
                checked = time.monotonic()
            if wake is None or wake.is_set() or time.monotonic() - read_at >= poll:
                if wake is not None:
                    wake.clear()  # before the read: a commit during it wakes us again
                read_at = time.monotonic()
                rows = await run_in_threadpool(_after, ctx, venue_id, floor)
                prefix_settled = True
                for seq, checkin, settled in rows:
                    if seq not in sent:
                        sent.add(seq)
                        quiet_since = time.monotonic()
                        yield f"id: {seq}\nevent: checkin\ndata: {checkin.model_dump_json()}\n\n"
                    prefix_settled = prefix_settled and settled
                    if prefix_settled:
                        floor = seq  # nothing new can appear below a settled prefix any more
                sent = {seq for seq in sent if seq > floor}
            if time.monotonic() - quiet_since > KEEPALIVE_S:
                quiet_since = time.monotonic()
                yield ": keep-alive\n\n"
            await _pause(wake, poll, recheck, read_at, checked)
    finally:
        if wake is not None and ctx.feed is not None:
            ctx.feed.unsubscribe(venue_id, wake)


async def _pause(
    wake: asyncio.Event | None, poll: float, recheck: float, read_at: float, checked: float
) -> None:
    """Until a notification, the next poll, the next token re-check or a keep-alive is due."""
    now = time.monotonic()
    due = min(read_at + poll, checked + recheck, now + KEEPALIVE_S)
    timeout = max(0.01, due - now)
    if wake is None:
        await asyncio.sleep(timeout)
        return
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(wake.wait(), timeout)


_EVENT_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits that fit a BIGINT; '²'.isdigit() is True


def event_id(header: str | None) -> int | None:
    """The number in `Last-Event-ID`, or None (start from now) for anything that is not one."""
    value = (header or "").strip()
    return int(value) if _EVENT_ID.fullmatch(value) else None


class EventStreamResponse(StreamingResponse):
    media_type = "text/event-stream"


@router.get(
    "/checkins/stream",
    response_class=EventStreamResponse,
    responses={200: EVENT_STREAM, **errors(401, 403, 413)},
)
async def checkin_stream(
    request: Request,
    ctx: CtxDep,
    station: StationDep,
    last_event_id: Annotated[str | None, Header()] = None,
) -> EventStreamResponse:
    return EventStreamResponse(
        _events(request, ctx, station.venue_id, event_id(last_event_id)),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
