"""A ticket code at the door: valid for this session, not used, not refunded, admitted once.

Several doors admit to one hall, so "not used" is decided by the server when it can be reached:
the redemption is committed to the outbox first (nonce = the visit's id), then sent at once;
the server's answer ("redeemed" or "already used at 19:02 at door 2") is final. Without the
server, the door decides from the orders it pulled and admits a ticket it knows as valid; the
outbox tells the server later, and a clash (the same ticket admitted offline at two doors) comes
back as a conflict in the sync report. Either way the visit is recorded before the answer.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.core.statuses import Direction, InputMethod, StatusSource, Verdict
from app.core.tickets import ticket_window_open
from app.models.records import Outbox as OutboxRow
from app.models.records import OutboxKind
from app.models.tickets import CinemaSession, Order, Ticket
from app.services.context import StationContext
from app.services.door import CheckResult, add_visit
from app.sync import bounds
from app.sync import protocol as p
from app.sync.client import SyncError
from app.sync.outbox import enqueue_redemption

_LOCAL_REFUSALS = {
    p.TicketState.REFUNDED: ("refunded", "This ticket was refunded."),
    p.TicketState.EXCHANGED: ("refunded", "This ticket was exchanged for another session."),
}


def check_ticket(
    ctx: StationContext,
    code: str,
    *,
    direction: Direction,
    method: InputMethod,
    at: datetime,
    staff_id: uuid.UUID | None,
    session_id: str | None,
    layout: str,
) -> CheckResult:
    visit_id = uuid.uuid4()
    tz = ZoneInfo(ctx.venue().time_zone)
    known = _local_ticket(ctx, code)
    order_number = known[1] if known else None
    local_refusal = _local_refusal(known, session_id, tz, at) if known else None
    if direction is Direction.EXIT:
        return _finish(
            ctx,
            visit_id,
            code,
            order_number,
            Verdict.ADMIT,
            "exit",
            "Exit.",
            Direction.EXIT,
            at,
            method,
            staff_id,
            session_id,
            layout,
            online=False,
        )
    if local_refusal is not None:
        reason, message = local_refusal
        return _finish(
            ctx,
            visit_id,
            code,
            order_number,
            Verdict.DENY,
            reason,
            message,
            Direction.DENIED,
            at,
            method,
            staff_id,
            session_id,
            layout,
            online=False,
        )
    request = p.RedeemRequest(
        nonce=visit_id,
        door=bounds.door(ctx.door),
        at=bounds.moment(at),
        session_id=bounds.optional_text(session_id, bounds.SESSION),
    )
    with ctx.sessions.begin() as session:  # committed locally first
        enqueue_redemption(session, code, request, now=ctx.clock())
    answer: p.RedeemResponse | None = None
    if ctx.primary is not None:
        try:
            answer = ctx.primary.redeem(code, request)
        except SyncError:
            answer = None  # decide offline; the outbox delivers the redemption later
    if answer is not None:
        verdict = Verdict.ADMIT if answer.ok else Verdict.DENY
        return _finish(
            ctx,
            visit_id,
            code,
            order_number,
            verdict,
            answer.code,
            answer.message,
            direction if answer.ok else Direction.DENIED,
            at,
            method,
            staff_id,
            session_id,
            layout,
            online=True,
            answer=answer,
        )
    if known is None:
        return _finish(
            ctx,
            visit_id,
            code,
            None,
            Verdict.DENY,
            "unknown_ticket",
            "Unknown ticket, and the server cannot be asked now.",
            Direction.DENIED,
            at,
            method,
            staff_id,
            session_id,
            layout,
            online=False,
            settle=True,
        )
    return _finish(
        ctx,
        visit_id,
        code,
        order_number,
        Verdict.ADMIT,
        "redeemed_offline",
        "Valid ticket (checked offline).",
        direction,
        at,
        method,
        staff_id,
        session_id,
        layout,
        online=False,
        mark_used=True,
    )


Known = tuple[
    p.TicketState, str, str, datetime | None, str | None, datetime | None, datetime | None
]


def _local_ticket(ctx: StationContext, code: str) -> Known | None:
    with ctx.sessions() as session:
        row = session.execute(
            select(
                Ticket.state,
                Ticket.order_number,
                Order.session_id,
                Ticket.used_at,
                Ticket.used_door,
                CinemaSession.starts_at,
                CinemaSession.ends_at,
            )
            .join(Order, Order.number == Ticket.order_number)
            .outerjoin(CinemaSession, CinemaSession.id == Order.session_id)
            .where(Ticket.code == code)
        ).first()
    if row is None:
        return None
    return (p.TicketState(row[0]), row[1], row[2], row[3], row[4], row[5], row[6])


def _local_refusal(
    known: Known, session_id: str | None, tz: ZoneInfo, at: datetime
) -> tuple[str, str] | None:
    state, _, ticket_session, used_at, used_door, starts_at, ends_at = known
    if state in _LOCAL_REFUSALS:
        return _LOCAL_REFUSALS[state]
    if session_id is not None and ticket_session != session_id:
        return ("wrong_session", "This ticket is for another session.")
    # a door that names no session admits only to a show near now (app.core.tickets)
    if (
        session_id is None
        and starts_at is not None
        and not ticket_window_open(starts_at, ends_at, at)
    ):
        when = starts_at.astimezone(tz).strftime("%d.%m %H:%M")
        return ("wrong_session", f"This ticket is for another session ({when}).")
    if state is p.TicketState.USED:
        when = used_at.astimezone(tz).strftime("%H:%M") if used_at else "?"
        return ("already_used", f"Already used at {when} at door {used_door or '?'}.")
    return None


def _finish(
    ctx: StationContext,
    visit_id: uuid.UUID,
    code: str,
    order_number: str | None,
    verdict: Verdict,
    reason: str,
    message: str,
    direction: Direction,
    at: datetime,
    method: InputMethod,
    staff_id: uuid.UUID | None,
    session_id: str | None,
    layout: str,
    *,
    online: bool,
    answer: p.RedeemResponse | None = None,
    mark_used: bool = False,
    settle: bool = False,
) -> CheckResult:
    """Record the visit (and the ticket's new state) in one transaction, then answer."""
    event = bounds.visit_event(
        id=visit_id,
        occurred_at=at,
        direction=direction,
        method=method,
        status=None,
        status_source=None,
        status_age_s=None,
        verdict=verdict,
        reason=reason[:200],
        person=None,
        order_number=order_number,
        ticket_code=code,
        session_id=session_id,
        staff_id=staff_id,
        door=ctx.door,  # bounds cleans and cuts it
        offline=not online,
    )
    now = ctx.clock()
    with ctx.sessions.begin() as session:
        add_visit(session, ctx, event)
        ticket = session.get(Ticket, code)
        if ticket is not None and (mark_used or (answer is not None and answer.ok)):
            ticket.state = p.TicketState.USED
            ticket.used_at = answer.used_at if answer and answer.used_at else at
            ticket.used_door = answer.used_door if answer and answer.used_door else ctx.door
        if answer is not None or settle:
            outbox = session.scalars(
                select(OutboxRow).where(
                    OutboxRow.kind == OutboxKind.REDEMPTION, OutboxRow.entity_id == visit_id
                )
            ).first()
            if outbox is not None:  # the server has answered (or there is nothing to tell it)
                outbox.acknowledged_at = now
                outbox.last_error = None if answer and answer.ok else reason
    return CheckResult(
        kind="ticket",
        verdict=verdict,
        reason=reason,
        message=message,
        direction=direction,
        visit_id=visit_id,
        offline=not online,
        layout=layout,
        ticket_code=code,
        order_number=order_number,
        source=StatusSource.CENTRAL if online else StatusSource.NONE,
    )
