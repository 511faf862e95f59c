"""Refunds from the consoles: each one checked against this server's tickets, then stored once.

One batch is one transaction. Before any ticket is read, the batch takes the write lock on the
tickets it may change (PostgreSQL: `SELECT ... FOR UPDATE` in ticket id order, so two batches
never deadlock; SQLite: a no-op UPDATE of the orders, which starts the single writer's
transaction), so two consoles refunding the same ticket at the same moment cannot both pass the
check: the second reads the first's "refunded" and is refused.

- A refund id stored before is a duplicate (a retry after a lost answer), checked first, so a
  retry is never refused because its own tickets are refunded now.
- A refused event is answered in `BatchResult.rejected` and kept in `refund_rejections` (one row
  per refund id: the latest reason, the body as sent, how many times it came); it moves nothing.
  The same id sent again is checked again (a denial that arrived since may now prove it).
- An accepted one is stored in `refunds` and moves its tickets to refunded / exchanged.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.core.refunds import NOT_PROOF_REASONS, RefundRules, parse_rules
from app.core.statuses import Direction, Verdict
from app.resources import load_json
from app.sync.protocol import RefundEvent, RefundKind, Rejection, TicketState
from central.context import StationAuth
from central.db import EventSession, Order, Refund, RefundRejection, Ticket, Venue, Visit, utcnow
from central.refund_check import (
    DenialCheck,
    OrderFacts,
    Refusal,
    SessionFacts,
    TicketFacts,
    check_refund,
)

_STATE_AFTER = {RefundKind.REFUND: TicketState.REFUNDED, RefundKind.EXCHANGE: TicketState.EXCHANGED}
_OrderRow = tuple[int, str, str]  # order id, organizer, session external id


def _insert(conn: Connection, table: Any) -> Any:
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


def venue_rules(conn: Connection, venue_id: int) -> tuple[RefundRules, str]:
    """The venue's refund rules (the shipped defaults when it has none) and its time zone."""
    data, tz = conn.execute(
        select(Venue.refund_rules, Venue.time_zone).where(Venue.id == venue_id)
    ).one()
    return parse_rules(data or load_json("policies", "refund_rules.json")), tz


def store_refunds(
    conn: Connection, station: StationAuth, events: list[RefundEvent]
) -> tuple[list[uuid.UUID], list[uuid.UUID], list[Rejection]]:
    """(accepted, duplicates, rejected) in the batch's order; see the module's docstring."""
    unique: dict[uuid.UUID, RefundEvent] = {}
    for event in events:
        unique.setdefault(event.id, event)
    orders = _orders(conn, station.venue_id, {e.order_number for e in unique.values()})
    _lock(conn, [row[0] for row in orders.values()])
    stored = set(
        conn.execute(
            select(Refund.client_id).where(
                Refund.venue_id == station.venue_id, Refund.client_id.in_(list(unique))
            )
        ).scalars()
    )
    rules, tz = venue_rules(conn, station.venue_id)
    accepted: list[uuid.UUID] = []
    duplicates: list[uuid.UUID] = []
    rejected: list[Rejection] = []
    for event in unique.values():
        if event.id in stored:
            duplicates.append(event.id)
            continue
        row = orders.get(event.order_number)
        facts = _facts(conn, row, event.order_number, tz) if row else None
        refusal = check_refund(
            rules,
            facts,
            event,
            denial=_denial(conn, station.venue_id, event, facts),
            target=_target(conn, station.venue_id, event, row),
        )
        if refusal is not None:
            _keep_refusal(conn, station, event, refusal)
            rejected.append(Rejection(id=event.id, code=refusal.code, message=refusal.message))
        elif row is not None and _store(conn, station, event, row[0]):
            accepted.append(event.id)
        else:  # a twin delivery committed between our read and our insert
            duplicates.append(event.id)
    return accepted, duplicates, rejected


def _orders(conn: Connection, venue_id: int, numbers: set[str]) -> dict[str, _OrderRow]:
    rows = conn.execute(
        select(Order.number, Order.id, Order.organizer, EventSession.external_id)
        .join(EventSession, EventSession.id == Order.session_id)
        .where(Order.venue_id == venue_id, Order.number.in_(sorted(numbers)))
    )
    return {number: (order_id, org, session) for number, order_id, org, session in rows}


def _lock(conn: Connection, order_ids: list[int]) -> None:
    if not order_ids:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(
            select(Ticket.id)
            .where(Ticket.order_id.in_(order_ids))
            .order_by(Ticket.id)
            .with_for_update()
        ).all()
    else:  # pysqlite opens the transaction at the first write: from here on we are the writer
        conn.execute(
            update(Order).where(Order.id.in_(order_ids)).values(modified_at=Order.modified_at)
        )


def _facts(conn: Connection, row: _OrderRow, number: str, tz: str) -> OrderFacts:
    """Read anew for every event: an earlier event of the same batch may have changed a ticket."""
    order_id, organizer, session_id = row
    starts_at = conn.execute(
        select(EventSession.starts_at)
        .join(Order, Order.session_id == EventSession.id)
        .where(Order.id == order_id)
    ).scalar_one()
    tickets = {
        t.code: TicketFacts(t.code, t.price_tiyn, t.tariff, t.printed_at_box_office, t.state)
        for t in conn.execute(
            select(
                Ticket.code,
                Ticket.price_tiyn,
                Ticket.tariff,
                Ticket.printed_at_box_office,
                Ticket.state,
            ).where(Ticket.order_id == order_id)
        )
    }
    return OrderFacts(number, organizer, session_id, starts_at, tz, tickets)


def _denial(
    conn: Connection, venue_id: int, event: RefundEvent, facts: OrderFacts | None
) -> DenialCheck:
    """Whether the door visit named as Ashyq proof is one, as RefundDesk's denial_for decides."""
    if event.ashyq_denial_id is None:
        return "none"
    visit = conn.execute(
        select(
            Visit.verdict,
            Visit.direction,
            Visit.status,
            Visit.reason,
            Visit.test_mode,
            Visit.order_number,
            Visit.session_id,
        )
        .where(Visit.venue_id == venue_id, Visit.client_id == event.ashyq_denial_id)
        .order_by(Visit.id)  # the first stored, should a console ever reuse an id (db.Visit)
        .limit(1)
    ).first()
    if visit is None:
        return "unknown"
    proof = (
        visit.verdict == Verdict.DENY.value
        and visit.direction == Direction.DENIED.value
        and visit.status is not None
        and visit.reason not in NOT_PROOF_REASONS
        and not visit.test_mode
        and visit.order_number == event.order_number
        and facts is not None
        and visit.session_id == facts.session_id
    )
    return "proof" if proof else "not_proof"


def _target(
    conn: Connection, venue_id: int, event: RefundEvent, row: _OrderRow | None
) -> SessionFacts | None:
    if event.kind is not RefundKind.EXCHANGE or event.new_session_id is None or row is None:
        return None
    found = conn.execute(
        select(EventSession.id, EventSession.starts_at).where(
            EventSession.venue_id == venue_id, EventSession.external_id == event.new_session_id
        )
    ).one_or_none()
    if found is None:
        return None
    same = conn.execute(
        select(func.count())
        .select_from(Order)
        .where(Order.session_id == found.id, Order.organizer == row[1])
    ).scalar_one()
    return SessionFacts(event.new_session_id, found.starts_at, same > 0)


def _store(conn: Connection, station: StationAuth, event: RefundEvent, order_id: int) -> bool:
    """Insert the refund and move its tickets; False when the id was stored meanwhile."""
    now = utcnow()
    stmt = (
        _insert(conn, Refund.__table__)
        .values(
            venue_id=station.venue_id,
            client_id=event.id,
            station_id=station.station_id,
            occurred_at=event.occurred_at,
            received_at=now,
            kind=event.kind.value,
            order_number=event.order_number,
            known_order=True,
            body=event.model_dump(mode="json"),
        )
        .on_conflict_do_nothing(index_elements=["venue_id", "client_id"])
        .returning(Refund.__table__.c.id)
    )
    if conn.execute(stmt).scalar_one_or_none() is None:
        return False
    new_state = _STATE_AFTER.get(event.kind)
    if new_state is not None:
        codes = [line.ticket_code for line in event.lines]
        moved = conn.execute(
            update(Ticket)
            .where(
                Ticket.order_id == order_id,
                Ticket.code.in_(codes),
                Ticket.state == TicketState.VALID.value,
            )
            .values(state=new_state.value)
        ).rowcount
        if moved != len(codes):  # cannot happen under the lock; never store a half refund
            raise RuntimeError(f"refund {event.id}: {moved} of {len(codes)} tickets moved")
        conn.execute(update(Order).where(Order.id == order_id).values(modified_at=now))
    return True


def _keep_refusal(
    conn: Connection, station: StationAuth, event: RefundEvent, refusal: Refusal
) -> None:
    now = utcnow()
    table = RefundRejection.__table__
    values = {
        "venue_id": station.venue_id,
        "client_id": event.id,
        "station_id": station.station_id,
        "occurred_at": event.occurred_at,
        "first_refused_at": now,
        "refused_at": now,
        "attempts": 1,
        "kind": event.kind.value,
        "order_number": event.order_number,
        "code": refusal.code,
        "message": refusal.message[:500],
        "body": event.model_dump(mode="json"),
    }
    again = {k: values[k] for k in ("station_id", "refused_at", "code", "message", "body")}
    conn.execute(
        _insert(conn, table)
        .values(**values)
        .on_conflict_do_update(
            index_elements=["venue_id", "client_id"],
            set_={**again, "attempts": table.c.attempts + 1},
        )
    )
