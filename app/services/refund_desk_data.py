"""What the refund desk hands to the screen, and the door denials it reads as Ashyq proof.

The screen gets frozen plain data, never ORM rows (DESIGN.md habit 3). Quotes are
app.core.refunds.Quote as computed at `OrderDetails.quoted_at`; money is integer tiyn.

A door denial proves an Ashyq refusal only when the visitor's status refused them: the visit has
a status, its reason is not "the venue was full", it is for this order's own session, and it was
not recorded in the training week (test mode).

A refund the central server refused (central.refund_check) stays in the outbox with the reason
in `last_error` as "code: message"; `server_refusals` lists those of an order for the screen.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.refunds import NOT_PROOF_REASONS, SERVER_REFUSAL_CODES, Quote
from app.core.statuses import Direction, Verdict
from app.models.records import Outbox, OutboxKind
from app.models.refunds import Refund
from app.models.tickets import CinemaSession, Order, Ticket
from app.models.visits import VisitEvent
from app.services.shift import DeskError
from app.sync import protocol as p

TicketStateName = Literal["valid", "used", "printed", "refunded", "exchanged"]


class RefundRefused(DeskError):
    """The rules refuse some of the chosen tickets; `refusals` is (ticket, reason code, text)."""

    def __init__(self, refusals: tuple[tuple[str, str, str], ...], overridable: bool) -> None:
        text = "; ".join(f"{code}: {why}" for code, _, why in refusals)
        super().__init__("refused", f"Not allowed by the rules: {text}")
        self.refusals = refusals
        self.overridable = overridable


@dataclass(frozen=True)
class DenialProof:
    """A door denial of this console that proves the Ashyq refusal (no IIN, no pseudonym)."""

    visit_id: uuid.UUID
    occurred_at: datetime
    door: str
    status: str
    reason: str


@dataclass(frozen=True)
class TicketLine:
    code: str
    tariff: str
    price_tiyn: int
    state: TicketStateName
    refund: Quote
    exchange: Quote

    @property
    def open(self) -> bool:
        """Still the buyer's to refund, exchange or ask about."""
        return self.state not in ("refunded", "exchanged")


@dataclass(frozen=True)
class OrderDetails:
    number: str
    organizer: str
    organizer_name: str
    manual: bool  # refunds only through the contact centre
    session_id: str
    session_title: str
    hall: str
    starts_at: datetime
    tz: str
    quoted_at: datetime
    tickets: tuple[TicketLine, ...]
    denial: DenialProof | None
    server_refusals: tuple[ServerRefusal, ...] = ()  # refunds the central server refused


@dataclass(frozen=True)
class DenialRow:
    order_number: str
    session_id: str
    session_title: str
    starts_at: datetime | None
    denied_at: datetime
    door: str
    status: str
    refunded: bool  # every ticket of the order is already refunded or exchanged


@dataclass(frozen=True)
class SessionChoice:
    id: str
    title: str
    hall: str
    starts_at: datetime


@dataclass(frozen=True)
class Override:
    supervisor_pin: str
    reason: str


@dataclass(frozen=True)
class ResultLine:
    ticket_code: str
    price_tiyn: int
    fee_tiyn: int
    refund_tiyn: int


@dataclass(frozen=True)
class DeskResult:
    refund_id: uuid.UUID
    kind: str
    order_number: str
    occurred_at: datetime
    lines: tuple[ResultLine, ...]
    rule: str
    override: bool
    money_back_by: date | None
    receipt_id: int | None
    receipt_number: int | None
    new_session_id: str | None = None
    repeated: bool = False  # True when this id had been committed before: nothing new happened

    @property
    def price_tiyn(self) -> int:
        return sum(line.price_tiyn for line in self.lines)

    @property
    def fee_tiyn(self) -> int:
        return sum(line.fee_tiyn for line in self.lines)

    @property
    def returned_tiyn(self) -> int:
        return sum(line.refund_tiyn for line in self.lines)


@dataclass(frozen=True)
class ServerRefusal:
    """A refund of this order that the central server refused; it waits in the outbox."""

    refund_id: uuid.UUID
    kind: str
    tickets: tuple[str, ...]
    occurred_at: datetime
    code: str  # app.core.refunds.SERVER_REFUSAL_CODES, or "rejected" / "invalid" (invalid data)
    message: str  # the server's English sentence; the screen shows its own words for the code


# "rejected" (this outbox) and "invalid" (the server's ErrorBody code) are a 422 answer: the
# server found the event's data invalid.
REFUSED_BY_SERVER = frozenset(SERVER_REFUSAL_CODES) | {"rejected", "invalid"}
_LOCAL_PROBLEMS = ("unreadable payload",)  # the outbox's own "rejected", not the server's


def _reason(row: Outbox) -> tuple[str, str] | None:
    """(code, message) of a server refusal kept on an outbox row, else None.

    The outbox keeps the reason of an event it set aside in columns of its own; a row refused
    before those columns existed still carries it in `last_error` as "code: message".
    """
    if row.set_aside_code:
        code, message = row.set_aside_code, row.set_aside_message or ""
    else:
        code, _, message = (row.last_error or "").partition(": ")
    code, message = code.strip(), message.strip()
    if code not in REFUSED_BY_SERVER or message.startswith(_LOCAL_PROBLEMS):
        return None
    return code, message


def server_refusals(session: Session, number: str) -> tuple[ServerRefusal, ...]:
    """The order's refunds whose outbox row is unacknowledged and carries a server refusal.

    A refusal that later went through (a manager retried it) is acknowledged: no longer listed.
    """
    rows = session.execute(
        select(Refund, Outbox)
        .join(Outbox, (Outbox.entity_id == Refund.id) & (Outbox.kind == OutboxKind.REFUND))
        .where(Refund.order_number == number, Outbox.acknowledged_at.is_(None))
        .order_by(Refund.occurred_at)
    ).all()
    out = []
    for refund, row in rows:
        reason = _reason(row)
        if reason is not None:
            tickets = tuple(line.ticket_code for line in refund.lines)
            out.append(
                ServerRefusal(refund.id, str(refund.kind), tickets, refund.occurred_at, *reason)
            )
    return tuple(out)


def state_of(ticket: Ticket) -> TicketStateName:
    if ticket.state is p.TicketState.VALID and ticket.printed_at_box_office:
        return "printed"
    return str(ticket.state)  # type: ignore[return-value]


def denials_between(session: Session, start: datetime, end: datetime) -> list[DenialRow]:
    """The latest proof per (order, session) in [start, end), newest first."""
    latest = (
        _proof_filter(select(VisitEvent.order_number, VisitEvent.session_id,
                             func.max(VisitEvent.occurred_at).label("at")))
        .join(Order, (Order.number == VisitEvent.order_number)
              & (Order.session_id == VisitEvent.session_id))
        .where(VisitEvent.occurred_at >= start,
               VisitEvent.occurred_at < end)
        .group_by(VisitEvent.order_number, VisitEvent.session_id)
        .subquery()
    )  # fmt: skip
    rows = session.execute(
        select(VisitEvent, CinemaSession.title, CinemaSession.starts_at)
        .join(latest, (latest.c.order_number == VisitEvent.order_number)
              & (latest.c.session_id == VisitEvent.session_id)
              & (latest.c.at == VisitEvent.occurred_at))
        .outerjoin(CinemaSession, CinemaSession.id == VisitEvent.session_id)
        .order_by(VisitEvent.occurred_at.desc())
    ).all()  # fmt: skip
    open_orders = set(
        session.scalars(
            select(Ticket.order_number).where(
                Ticket.order_number.in_([r[0].order_number for r in rows]),
                Ticket.state.in_([p.TicketState.VALID, p.TicketState.USED]),
            )
        )
    )
    seen: set[tuple[str, str]] = set()
    out = []
    for visit, title, starts in rows:
        key = (str(visit.order_number), str(visit.session_id))
        if key in seen:
            continue
        seen.add(key)
        out.append(DenialRow(key[0], key[1], title or "", starts, visit.occurred_at,
                             visit.door or "", str(visit.status),
                             key[0] not in open_orders))  # fmt: skip
    return out


def _proof_filter(query: Any) -> Any:
    return query.where(
        VisitEvent.verdict == Verdict.DENY,
        VisitEvent.direction == Direction.DENIED,
        VisitEvent.status.is_not(None),
        VisitEvent.reason.not_in(NOT_PROOF_REASONS),
        VisitEvent.test_mode.is_(False),
        VisitEvent.order_number.is_not(None),
    )


def denial_for(session: Session, order: Order) -> DenialProof | None:
    row = session.scalars(
        _proof_filter(select(VisitEvent))
        .where(VisitEvent.order_number == order.number,
               VisitEvent.session_id == order.session_id)
        .order_by(VisitEvent.occurred_at.desc())
        .limit(1)
    ).first()  # fmt: skip
    if row is None:
        return None
    return DenialProof(row.id, row.occurred_at, row.door or "", str(row.status), row.reason)
