"""Whether a refund a console reports may stand: the server's own tickets against the desk's rules.

Pure (no database, no clock): `central.refund_store` gathers the facts in the batch's transaction
and calls `check_refund`. The rules are the console's (app.core.refunds) with the venue's data,
applied at the event's `occurred_at`, so a refund the desk computed honestly always passes.

What is checked, in this order; the first failure is the answer (a stable code and an English
sentence; the console shows its own words for the code):

- the order is this venue's (`unknown_order`): a console only knows orders this server sent it,
  so an unknown one is a forged or corrupted event; refusing loses nothing, since the refusal is
  kept here for audit and the console keeps the event set aside with the reason;
- every line names a ticket of that order once (`unknown_ticket`, `duplicate_line`);
- no ticket was refunded or exchanged before, under any other refund id (`already_refunded`);
- no ticket was used at the door (`ticket_used`), except for a contact-centre request, which moves
  no money; a supervisor override never pays back a used ticket: DOMAIN.md lifts the deadline for
  a visitor *refused* at the door, and a used ticket is one whose holder got in;
- each line's price is the server's price of that ticket (`price_mismatch`), and the amounts add
  up (`amount_mismatch`): refund = fee + money back = price; exchange = no money back and a fee
  of at most the price (the rest is credited to the new ticket); request = no fee, no money;
- a door denial named as Ashyq proof is a denial this server holds for the same order and session
  that refused the visitor for their status (`denial_unknown`, `denial_not_proof`);
- an exchange goes to another, later session of the same organizer (`bad_session`);
- the rules allow it: the quote's own refusal code (`deadline_passed`, `started`, `printed`,
  `no_refund`, `exchange_not_allowed`), `manual` for money at a contact-centre-only organizer,
  `not_manual` for a request at an organizer who refunds at the desk;
- the fee is the rules' fee for that moment (`fee_mismatch`).

A supervisor override (`override: true`) lifts only the rules' refusal of the standard refund;
the fee must then be what app.core.refunds.override_fee_tiyn gives (what the desk computes),
and everything else above still holds: amounts, prices, a single refund, no used ticket, no money
at a contact-centre-only organizer.

A contact-centre request moves no ticket, so the same ticket may be asked about again under a
new id. The moment is the console's `occurred_at`: a console whose clock runs behind could
pass a deadline the real time had missed; the refund row keeps both moments for audit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from app.core.refunds import (
    SERVER_REFUSAL_CODES,
    Quote,
    RefundRules,
    Tariff,
    UnknownOrganizerError,
    override_fee_tiyn,
    quote,
)
from app.sync.protocol import RefundEvent, RefundKind, TicketState

DenialCheck = Literal["none", "proof", "unknown", "not_proof"]

CODES = SERVER_REFUSAL_CODES  # every code check_refund can answer (app.core.refunds)


@dataclass(frozen=True)
class TicketFacts:
    code: str
    price_tiyn: int
    tariff: str
    printed: bool
    state: str  # a TicketState value


@dataclass(frozen=True)
class OrderFacts:
    number: str
    organizer: str
    session_id: str  # the session's external id, as consoles and doors name it
    starts_at: datetime
    tz: str  # the venue's IANA zone
    tickets: Mapping[str, TicketFacts]


@dataclass(frozen=True)
class SessionFacts:
    """The session an exchange goes to, as this server knows it."""

    id: str
    starts_at: datetime
    same_organizer: bool  # at least one order of the original organizer is for this session


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str


def _tiyn(tiyn: int) -> str:
    return f"{tiyn} tiyn"


def check_refund(
    rules: RefundRules,
    order: OrderFacts | None,
    event: RefundEvent,
    *,
    denial: DenialCheck = "none",
    target: SessionFacts | None = None,
) -> Refusal | None:
    """None when the event may stand; otherwise the first reason it may not."""
    if order is None:
        return Refusal("unknown_order", f"Order {event.order_number} is not known for this venue.")
    return (
        _structure(order, event)
        or _denial(denial)
        or _session(order, event, target)
        or _rules(rules, order, event, denial == "proof")
    )


def _structure(order: OrderFacts, event: RefundEvent) -> Refusal | None:
    seen: set[str] = set()
    for line in event.lines:
        code = line.ticket_code
        ticket = order.tickets.get(code)
        if ticket is None:
            return Refusal("unknown_ticket", f"Ticket {code} is not in order {order.number}.")
        if code in seen:
            return Refusal("duplicate_line", f"Ticket {code} appears twice in this refund.")
        seen.add(code)
        if ticket.state in (TicketState.REFUNDED, TicketState.EXCHANGED):
            return Refusal(
                "already_refunded", f"Ticket {code} was already {ticket.state} by another refund."
            )
        if ticket.state == TicketState.USED and event.kind is not RefundKind.CONTACT_REQUEST:
            return Refusal(
                "ticket_used", f"Ticket {code} was used at the door; it is not refunded."
            )
        if line.price_tiyn != ticket.price_tiyn:
            return Refusal(
                "price_mismatch",
                f"Ticket {code} costs {_tiyn(ticket.price_tiyn)}, "
                f"the refund says {_tiyn(line.price_tiyn)}.",
            )
        wrong = _amounts(event.kind, line.price_tiyn, line.fee_tiyn, line.refund_tiyn)
        if wrong:
            return Refusal("amount_mismatch", f"Ticket {code}: {wrong}")
    return None


def _amounts(kind: RefundKind, price: int, fee: int, back: int) -> str | None:
    if kind is RefundKind.REFUND and fee + back != price:
        return f"fee {_tiyn(fee)} + refund {_tiyn(back)} is not the price {_tiyn(price)}."
    if kind is RefundKind.EXCHANGE and (back != 0 or fee > price):
        return (
            f"an exchange returns no money and keeps at most the price; got fee {_tiyn(fee)}, "
            f"refund {_tiyn(back)}, price {_tiyn(price)}."
        )
    if kind is RefundKind.CONTACT_REQUEST and (fee or back):
        return "a contact-centre request moves no money."
    return None


def _denial(denial: DenialCheck) -> Refusal | None:
    if denial == "unknown":
        return Refusal(
            "denial_unknown", "The door denial given as proof has not reached the server."
        )
    if denial == "not_proof":
        return Refusal(
            "denial_not_proof",
            "The door visit given as proof did not refuse this order's visitor for their status.",
        )
    return None


def _session(order: OrderFacts, event: RefundEvent, target: SessionFacts | None) -> Refusal | None:
    if event.kind is not RefundKind.EXCHANGE:
        if event.new_session_id is not None:
            return Refusal("bad_session", "Only an exchange names a new session.")
        return None
    if target is None or target.id == order.session_id or not target.same_organizer:
        return Refusal("bad_session", "An exchange goes to another session of the same organizer.")
    if target.starts_at <= event.occurred_at:
        return Refusal("bad_session", "The session exchanged to had already started.")
    return None


def _rules(
    rules: RefundRules, order: OrderFacts, event: RefundEvent, denied: bool
) -> Refusal | None:
    for line in event.lines:
        ticket, code = order.tickets[line.ticket_code], line.ticket_code
        try:
            q = _quote(rules, order, ticket, event, denied)
        except UnknownOrganizerError:
            text = f"The venue's refund rules do not list organizer {order.organizer!r}."
            return Refusal("unknown_organizer", text)
        if event.kind is RefundKind.CONTACT_REQUEST:
            if not q.manual:
                why = f" ({q.reason_text})" if q.reason_text else ""
                return Refusal(
                    "not_manual", f"Ticket {code}: this organizer refunds at the desk{why}."
                )
            continue
        if q.manual:
            return Refusal("manual", f"Ticket {code}: {q.reason_text}")
        if q.refundable:
            expected = q.fee_tiyn
        elif event.override:
            lifted = _quote(rules, order, ticket, event, True)
            expected = override_fee_tiyn(rules, lifted, ticket.price_tiyn)
        else:
            return Refusal(q.reason, f"Ticket {code}: {q.reason_text}")
        if line.fee_tiyn != expected:
            return Refusal(
                "fee_mismatch",
                f"Ticket {code}: fee {_tiyn(line.fee_tiyn)}, the rules give {_tiyn(expected)}"
                f" ({q.rule_text}).",
            )
    return None


def _quote(
    rules: RefundRules, order: OrderFacts, ticket: TicketFacts, event: RefundEvent, denied: bool
) -> Quote:
    return quote(
        rules,
        organizer=order.organizer,
        price_tiyn=ticket.price_tiyn,
        start=order.starts_at,
        at=event.occurred_at,
        tz=order.tz,
        printed=ticket.printed,
        ashyq_denied=denied,
        exchange=event.kind is RefundKind.EXCHANGE,
        tariff=_tariff(ticket.tariff),
    )


def _tariff(value: str) -> Tariff:
    return "child" if value == "child" else "student" if value == "student" else "adult"
