"""What consoles send and fetch: visits, refunds, ticket redemptions and the orders they pull.

Every write is idempotent by a database constraint, so a retried or concurrent delivery of the
same event stores one row (DESIGN.md habit 5): refunds are unique on (venue, client id), visits
on (venue, client id, occurred_at) (central.db.Visit says why that is enough), both inserted with
ON CONFLICT DO NOTHING; a ticket is redeemed by one conditional UPDATE
that only a still-valid ticket passes. Refunds are also checked against the server's tickets and
the refund rules first (central.refund_store, central.refund_check).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.core.tickets import ticket_window_open
from app.sync.protocol import (
    OrderOut,
    RedeemRequest,
    RedeemResponse,
    SessionOut,
    TicketOut,
    TicketState,
    VisitEvent,
)
from central import partitions, pg_bulk
from central.context import StationAuth
from central.db import EventSession, Order, Ticket, TraceIdentity, Venue, Visit, utcnow
from central.refund_store import store_refunds
from central.seal_check import PENDING

__all__ = ["orders_since", "redeem", "store_refunds", "store_visits"]


def _insert(conn: Connection, table: Any) -> Any:
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


# --- visits ---------------------------------------------------------------------------------


def store_visits(
    conn: Connection, station: StationAuth, events: list[VisitEvent]
) -> tuple[list[uuid.UUID], list[uuid.UUID], int]:
    """Store new events, skip known ones: (accepted, duplicates) in the batch's order, and how
    many sealed IINs were stored for central.seal_check to open."""
    unique: dict[uuid.UUID, VisitEvent] = {}
    for event in events:
        unique.setdefault(event.id, event)
    months = {partitions.month_of(e.occurred_at) for e in unique.values()}
    if missing := partitions.missing_months(conn, months):
        partitions.ensure_months(conn.engine, missing)
    received = utcnow()
    rows = [_visit_row(station, event, received) for event in unique.values()]
    table = Visit.__table__
    # One cached statement run "executemany"-style: SQLAlchemy batches it into multi-row
    # INSERTs itself. Building `.values(rows)` instead compiles 10,000 bind parameters anew for
    # every batch, which cost most of the request's time.
    if conn.dialect.name == "postgresql":
        inserted = pg_bulk.insert_visits(conn, rows)
    else:
        stmt = (
            _insert(conn, table)
            .on_conflict_do_nothing(index_elements=["venue_id", "client_id", "occurred_at"])
            .returning(table.c.id, table.c.client_id)
        )
        inserted = {client_id: row_id for row_id, client_id in conn.execute(stmt, rows)}
    sealed = [
        {
            "visit_id": inserted[event.id],
            "occurred_at": event.occurred_at,
            "sealed_iin": event.sealed_iin,
            "check": PENDING,
        }
        for event in unique.values()
        if event.id in inserted and event.sealed_iin
    ]
    if sealed and conn.dialect.name == "postgresql":
        pg_bulk.insert_traces(conn, sealed)
    elif sealed:
        conn.execute(TraceIdentity.__table__.insert(), sealed)
    accepted = [eid for eid in unique if eid in inserted]
    duplicates = [eid for eid in unique if eid not in inserted]
    return accepted, duplicates, len(sealed)


def _visit_row(station: StationAuth, event: VisitEvent, received: datetime) -> dict[str, Any]:
    return {
        "venue_id": station.venue_id,
        "client_id": event.id,
        "station_id": station.station_id,
        "occurred_at": event.occurred_at,
        "received_at": received,
        "direction": event.direction.value,
        "method": event.method.value,
        "status": event.status.value if event.status else None,
        "status_source": event.status_source,
        "status_age_s": event.status_age_s,
        "verdict": event.verdict.value,
        "reason": event.reason,
        "person": event.person,
        "order_number": event.order_number,
        "ticket_code": event.ticket_code,
        "session_id": event.session_id,
        "staff_id": event.staff_id,
        "door": event.door,
        "test_mode": event.test_mode,
        "offline": event.offline,
    }


# --- refunds: checked and stored by central.refund_store -------------------------------------


# --- tickets --------------------------------------------------------------------------------


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def redeem(
    conn: Connection, station: StationAuth, code: str, request: RedeemRequest
) -> RedeemResponse:
    """Admit a ticket once. The single conditional UPDATE is what makes two doors race-safe."""
    row = conn.execute(
        select(
            Ticket.id,
            Ticket.order_id,
            Ticket.state,
            EventSession.external_id,
            Venue.time_zone,
            EventSession.starts_at,
            EventSession.ends_at,
        )
        .join(Order, Order.id == Ticket.order_id)
        .join(EventSession, EventSession.id == Order.session_id)
        .join(Venue, Venue.id == Ticket.venue_id)
        .where(Ticket.venue_id == station.venue_id, Ticket.code == code)
    ).one_or_none()
    if row is None:
        return _answer(False, "unknown_ticket", code, "Unknown ticket: not sold for this venue.")
    ticket_id, order_id, state, session_ext, tz, starts_at, ends_at = row
    if state in (TicketState.REFUNDED.value, TicketState.EXCHANGED.value):
        word = "refunded" if state == TicketState.REFUNDED.value else "exchanged"
        return _answer(False, "refunded", code, f"This ticket was {word}; it does not admit.")
    if request.session_id is not None and request.session_id != session_ext:
        return _answer(False, "wrong_session", code, "This ticket is for another session.")
    if request.session_id is None and not ticket_window_open(
        _aware(starts_at), _aware(ends_at) if ends_at else None, request.at
    ):  # a door that names no session still admits only to a show near now (app.core.tickets)
        return _answer(False, "wrong_session", code, "This ticket is for another session.")
    done = conn.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.state == TicketState.VALID.value)
        .values(
            state=TicketState.USED.value,
            used_at=request.at,
            used_door=request.door,
            redeem_nonce=request.nonce,
        )
    )
    if done.rowcount == 1:
        conn.execute(update(Order).where(Order.id == order_id).values(modified_at=utcnow()))
        return RedeemResponse(
            ok=True,
            code="redeemed",
            ticket_code=code,
            used_at=request.at,
            used_door=request.door,
            message="Ticket admitted.",
        )
    used_at, used_door, nonce = conn.execute(
        select(Ticket.used_at, Ticket.used_door, Ticket.redeem_nonce).where(Ticket.id == ticket_id)
    ).one()
    if nonce == request.nonce:  # the same request again: the same answer
        return RedeemResponse(
            ok=True,
            code="redeemed",
            ticket_code=code,
            used_at=used_at,
            used_door=used_door,
            message="Ticket admitted.",
        )
    local = used_at.astimezone(ZoneInfo(tz)) if used_at else None
    when = local.strftime("%H:%M") if local else "--:--"
    return RedeemResponse(
        ok=False,
        code="already_used",
        ticket_code=code,
        used_at=used_at,
        used_door=used_door,
        message=f"already used at {when} at door {used_door}",
    )


def _answer(ok: bool, code: str, ticket: str, message: str) -> RedeemResponse:
    return RedeemResponse(ok=ok, code=code, ticket_code=ticket, message=message)


# --- orders ---------------------------------------------------------------------------------


def orders_since(conn: Connection, venue_id: int, since: datetime | None) -> list[OrderOut]:
    """The venue's orders modified at or after `since` (inclusive: a repeat is harmless)."""
    query = (
        select(
            Order.id,
            Order.number,
            Order.organizer,
            Order.modified_at,
            EventSession.external_id,
            EventSession.title,
            EventSession.hall,
            EventSession.starts_at,
            EventSession.ends_at,
        )
        .join(EventSession, EventSession.id == Order.session_id)
        .where(Order.venue_id == venue_id)
        .order_by(Order.modified_at, Order.id)
    )
    if since is not None:
        query = query.where(Order.modified_at >= since)
    orders = conn.execute(query).all()
    tickets: dict[int, list[TicketOut]] = {}
    if orders:
        rows = conn.execute(
            select(
                Ticket.order_id,
                Ticket.code,
                Ticket.tariff,
                Ticket.price_tiyn,
                Ticket.state,
                Ticket.printed_at_box_office,
                Ticket.used_at,
                Ticket.used_door,
            )
            .where(Ticket.order_id.in_([o.id for o in orders]))
            .order_by(Ticket.id)
        )
        for t in rows:
            tickets.setdefault(t.order_id, []).append(
                TicketOut(
                    code=t.code,
                    tariff=t.tariff,
                    price_tiyn=t.price_tiyn,
                    state=t.state,
                    printed_at_box_office=t.printed_at_box_office,
                    used_at=t.used_at,
                    used_door=t.used_door,
                )
            )
    return [
        OrderOut(
            number=o.number,
            organizer=o.organizer,
            session=SessionOut(
                id=o.external_id,
                title=o.title,
                hall=o.hall,
                starts_at=o.starts_at,
                ends_at=o.ends_at,
            ),
            tickets=tickets.get(o.id, []),
            modified_at=o.modified_at,
        )
        for o in orders
    ]
