"""The station API under /api/v1: what an enrolled console calls (see app.sync.protocol).

Handlers are plain `def`s: FastAPI runs them in its thread pool, and each holds one short
database transaction. The venue always comes from the station's token, never from the body.
"""

from __future__ import annotations

import base64
import random
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as OrmSession

from app.core.documents import canonical_state
from app.core.iin import IinError, validate_iin
from app.core.statuses import VenueCategory
from app.resources import load_json
from app.sync.protocol import (
    FEATURE_STATION_ROLES,
    FEATURES_HEADER,
    STATION_ROLE_HEADER,
    TOKEN_EXPIRES_HEADER,
    ApprovalAnswer,
    ApprovalRequest,
    BatchResult,
    EnrollRequest,
    EnrollResponse,
    GroupMode,
    Moment,
    OrdersPage,
    PepperAnswer,
    RedeemRequest,
    RedeemResponse,
    RefundBatch,
    StatusAnswer,
    TicketCode,
    TokenRotation,
    VenueConfig,
    VenueOut,
    VisitBatch,
)
from central import __version__, admin, approvals, metrics, ratelimit, records, roles, stations
from central.context import (
    ApiError,
    Context,
    CtxDep,
    StationAuth,
    StationCache,
    StationDep,
    bearer,
    route_key,
    settle,
    station_for,
    token_hash,
)
from central.db import Staff, Venue, utcnow
from central.openapi import errors
from central.status_source import IIN, PASSPORT, limited_lookup, lookup

router = APIRouter()
_TICKET_CODE: TypeAdapter[str] = TypeAdapter(TicketCode)
# Every status a station route can answer (each route a subset): the token's 401, a role's 403,
# the body guard's 413, validation's 422, the limiter's 429, an upstream's 503, the handlers' own.
ERRORS: dict[int | str, dict[str, Any]] = errors(400, 401, 403, 404, 409, 413, 422, 429, 503)


def client_address(request: Request) -> str:
    """The peer, or what a --trusted-proxy says the client is (cut short: it keys a bucket)."""
    return request.client.host[:64] if request.client else "unknown"


_MEMORY_LIMITER = ratelimit.MemoryLimiter()


def limit(ctx: Context, key: str, rate: float, burst: int) -> None:
    """Count a request; 429 with Retry-After (whole seconds, at least 1) when over the limit."""
    if ctx.engine.dialect.name == "sqlite":  # one process: see central.ratelimit
        decision = _MEMORY_LIMITER.hit(key, rate, burst)
    else:
        with ctx.engine.begin() as conn:
            decision = ratelimit.hit(conn, key, rate, burst)
            if random.random() < 0.001:
                ratelimit.forget_idle(conn)
    if not decision.allowed:
        raise _too_many(decision)


@router.get("/health")
def health() -> dict[str, str]:
    """Liveness: the process answers. The database is /ready's business (central.health)."""
    return {"status": "ok", "version": __version__}


@router.post("/enroll", responses=ERRORS, response_model_exclude_unset=True)
def enroll(body: EnrollRequest, request: Request, ctx: CtxDep) -> EnrollResponse:
    limit(
        ctx,
        f"enroll:{client_address(request)}",
        ctx.settings.enroll_rate,
        ctx.settings.enroll_burst,
    )
    with ctx.engine.begin() as conn:
        answer = admin.enroll(conn, ctx.keys, body.code, body.station_name, ctx.settings.token_days)
    if FEATURE_STATION_ROLES in request.headers.get(FEATURES_HEADER, ""):
        return answer
    # A console older than station roles refuses unknown fields: leave them out (unset).
    older = answer.model_dump(exclude={"role", "token_expires_at", "pin_pepper"})
    return EnrollResponse.model_validate(older)


@router.post("/token/rotate", responses=ERRORS)
def rotate_token(request: Request, ctx: CtxDep, station: StationDep) -> TokenRotation:
    """A new token; the one this call used works until the new one is first used."""
    token = bearer(request)
    with ctx.engine.begin() as conn:
        rotation = stations.rotate(conn, station, token, ctx.settings.token_days)
    # From now on this token is the one before a rotation: never answered from the cache (other
    # workers' caches forget it within token_cache_s, as they forget a revoked one).
    _STATIONS.forget(token_hash(token))
    return rotation


_STATIONS = StationCache()
_JSON = "application/json"


def _answer(
    request: Request, ctx: Context, kind: str, number: str, state: str | None = None
) -> Response:
    """The door's hot path: the token (remembered for token_cache_s), the station's rate limit
    and the registry, in as few round trips as the database allows, and the answer's JSON.

    PostgreSQL, registry: one statement in autocommit (the limit's upsert and the registry row
    together; see status_source.limited_lookup). SQLite: the limiter is in memory (one process)
    and the read is a plain autocommit SELECT, so lookups never queue behind SQLite's writer.
    """
    token, endpoint = bearer(request), route_key(request)
    try:
        return _answer_once(ctx, token, endpoint, kind, number, state)
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
        return _answer_once(ctx, token, endpoint, kind, number, state)  # a pooled one had died


def _answer_once(
    ctx: Context, token: str, endpoint: str, kind: str, number: str, state: str | None
) -> Response:
    digest = token_hash(token)
    reads = ctx.reads or ctx.engine
    station = _STATIONS.get(digest, ctx.settings.token_cache_s, endpoint)
    if station is None:
        with reads.connect() as conn:
            station = station_for(conn, token, endpoint)
        settle(ctx.engine, station)  # usually nothing; outside the lookup's transaction
        _STATIONS.put(digest, station)
    key = f"station:{station.station_id}"
    rate, burst = ctx.settings.station_rate, ctx.settings.station_burst
    if ctx.engine.dialect.name == "sqlite":  # one process: see central.ratelimit
        decision = _MEMORY_LIMITER.hit(key, rate, burst)
        if not decision.allowed:
            raise _too_many(decision)
        with reads.connect() if ctx.upstream is None else ctx.engine.begin() as conn:
            answer = lookup(ctx, conn, kind, number, state)
    elif ctx.upstream is None:
        with reads.connect() as conn:
            decision, found = limited_lookup(ctx, conn, key, rate, burst, kind, number, state)
        if found is None:
            raise _too_many(decision)
        answer = found
    else:
        with ctx.engine.begin() as conn:
            decision = ratelimit.hit(conn, key, rate, burst)
            if decision.allowed:
                answer = lookup(ctx, conn, kind, number, state)
        if not decision.allowed:
            raise _too_many(decision)
    return Response(answer.model_dump_json(), media_type=_JSON, headers=_station_headers(station))


def _station_headers(station: StationAuth) -> dict[str, str]:
    """What current_station tells every station route's caller (protocol)."""
    headers = {STATION_ROLE_HEADER: station.role.value}
    if station.expires_at is not None:
        headers[TOKEN_EXPIRES_HEADER] = station.expires_at.isoformat()
    return headers


def _authorized(request: Request, ctx: Context) -> None:
    with ctx.engine.connect() as conn:
        station_for(conn, bearer(request), route_key(request))


def _too_many(decision: ratelimit.Decision) -> ApiError:
    retry = max(1, int(decision.retry_after_s + 0.999))
    message = f"Too many requests; retry in {retry} s."
    return ApiError(429, "rate_limited", message, {"Retry-After": str(retry)})


@router.get("/status/passport/{number}", responses=ERRORS, response_model=StatusAnswer)
async def status_by_passport(
    number: str,
    request: Request,
    ctx: CtxDep,
    state: Annotated[str | None, Query(description=admin.STATE_HELP)] = None,
) -> Response:
    """A passport's status, keyed by issuing state and number; without `state` only entries
    imported without one match (consoles before 0.3)."""
    try:
        value = admin.normalize_passport(number)
    except admin.AdminError as exc:
        await run_in_threadpool(_authorized, request, ctx)  # strangers learn nothing
        raise ApiError(400, "bad_passport_number", str(exc)) from None
    issuing_state = None if state is None else canonical_state(state)
    if state is not None and issuing_state is None:
        await run_in_threadpool(_authorized, request, ctx)
        raise ApiError(400, "bad_issuing_state", admin.STATE_HELP)
    return await run_in_threadpool(_answer, request, ctx, PASSPORT, value, issuing_state)


@router.get("/status/{iin}", responses=ERRORS, response_model=StatusAnswer)
async def status_by_iin(iin: str, request: Request, ctx: CtxDep) -> Response:
    try:
        value = validate_iin(iin).value
    except IinError as exc:
        await run_in_threadpool(_authorized, request, ctx)
        raise ApiError(400, exc.code, exc.message) from None
    return await run_in_threadpool(_answer, request, ctx, IIN, value)


# An empty `rejected` is left out: consoles of 0.1.0 refuse fields they do not know.
@router.post("/visits", responses=ERRORS, response_model_exclude_defaults=True)
def post_visits(batch: VisitBatch, ctx: CtxDep, station: StationDep) -> BatchResult:
    with ctx.engine.begin() as conn:
        accepted, duplicates, sealed = records.store_visits(conn, station, list(batch.events))
    metrics.count_batch("visits", len(accepted), len(duplicates))
    if sealed and ctx.seal_check is not None:
        ctx.seal_check.wake()
    return BatchResult(accepted=accepted, duplicates=duplicates)


# An empty `rejected` is left out: consoles of 0.1.0 refuse fields they do not know.
@router.post("/refunds", responses=ERRORS, response_model_exclude_defaults=True)
def post_refunds(batch: RefundBatch, ctx: CtxDep, station: StationDep) -> BatchResult:
    with ctx.engine.begin() as conn:
        accepted, duplicates, rejected = records.store_refunds(conn, station, list(batch.events))
    metrics.count_batch("refunds", len(accepted), len(duplicates), len(rejected))
    return BatchResult(accepted=accepted, duplicates=duplicates, rejected=rejected)


@router.get("/orders", responses=ERRORS)
def get_orders(
    ctx: CtxDep,
    station: StationDep,
    modified_since: Annotated[Moment | None, Query()] = None,
) -> OrdersPage:
    server_time = utcnow()  # taken before the read: a commit racing the read shows up next time
    with ctx.engine.connect() as conn:
        orders = records.orders_since(conn, station.venue_id, modified_since)
    return OrdersPage(orders=orders, server_time=server_time)


@router.post("/tickets/{code}/redeem", responses=ERRORS)
def redeem_ticket(
    code: str, body: RedeemRequest, ctx: CtxDep, station: StationDep
) -> RedeemResponse:
    try:
        _TICKET_CODE.validate_python(code)
    except ValidationError:
        raise ApiError(
            422, "invalid", "A ticket code has 6-32 capital letters and digits."
        ) from None
    with ctx.engine.begin() as conn:
        return records.redeem(conn, station, code, body)


@router.get("/config", responses=ERRORS)
def get_config(request: Request, ctx: CtxDep, station: StationDep) -> VenueConfig:
    with OrmSession(ctx.engine) as db:
        venue = db.get_one(Venue, station.venue_id)
        staff = roles.staff_for_role(
            station.role,
            db.scalars(
                select(Staff).where(Staff.venue_id == station.venue_id).order_by(Staff.name)
            ).all(),
        )
        pepper = approvals.station_pepper(db.connection(), station.station_id)
    base = ctx.settings.public_url or str(request.base_url)
    return VenueConfig(
        venue=VenueOut(
            code=venue.code,
            name=venue.name,
            bin=venue.bin,
            address=venue.address,
            time_zone=venue.time_zone,
            category=VenueCategory(venue.category),
            capacity=venue.capacity,
            test_mode_until=venue.test_mode_until,
            group_mode=GroupMode(venue.group_mode),
            allow_stale_status=venue.allow_stale_status,
        ),
        admission_policy=venue.admission_policy or _default_policy("admission.json"),
        refund_rules=venue.refund_rules or _default_policy("refund_rules.json"),
        staff=[approvals.staff_out(s, pepper) for s in staff],
        server_public_key=ctx.keys.public_key_b64,
        checkin_url=f"{base.rstrip('/')}/v/{venue.code}",
    )


@router.post("/approvals", responses=ERRORS)
def post_approval(body: ApprovalRequest, ctx: CtxDep, station: StationDep) -> ApprovalAnswer:
    """A supervisor's PIN checked here, against hashes no station receives; always audited."""
    with ctx.engine.begin() as conn:
        result = approvals.approve(conn, station, body)
    if isinstance(result, ApiError):
        raise result  # after the commit: the refusal stays in the audit table
    return result


@router.post("/pin-pepper", responses=ERRORS)
def post_pin_pepper(ctx: CtxDep, station: StationDep) -> PepperAnswer:
    """Once per station, for stations enrolled before peppers: see approvals.issue_pepper."""
    with ctx.engine.begin() as conn:
        pepper = approvals.issue_pepper(conn, station.station_id)
    if pepper is None:
        raise ApiError(409, "pepper_already_issued", "This station already has its PIN pepper.")
    return PepperAnswer(pin_pepper=base64.b64encode(pepper).decode("ascii"))


def _default_policy(name: str) -> dict[str, Any]:
    """The shipped defaults (resources/policies), read when asked so an edit needs no restart."""
    try:
        data = load_json("policies", name)
    except FileNotFoundError:
        return {}
    return data if isinstance(data, dict) else {"rules": data}
