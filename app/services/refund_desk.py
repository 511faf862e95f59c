"""The box office's refund desk: find an order, quote every ticket, refund, exchange or request.

Why it is built this way:

- One desk action is one event with one client id (DESIGN.md habit 5). The screen makes the id
  when the cashier opens the confirmation; `refund`/`exchange`/`contact_request` called again with
  that id (a double click, a retry after a crash or a timeout) return the first result and move
  no money twice. The refund row, its lines, the tickets' new states, the outbox row and the
  receipt with its gap-free number are committed in ONE transaction, before anything is printed.
- Quotes come from app.core.refunds with the venue's rules; the desk only feeds it facts: the
  ticket's price, tariff and printed flag, the session start, the moment, and whether this console
  recorded an Ashyq denial for this order and session (the proof that lifts the deadline).
- A denial is proof only when the visitor's status refused them (the visit has a status and the
  reason is not "the venue was full"), for this order's session, outside test mode.
- A refused refund can be overridden by a supervisor's PIN with a reason (audited twice: the
  approval under the supervisor, the refund under the cashier). The override pays what an Ashyq
  denial would pay (operator fee); where even that refuses (a ticket printed at the box office),
  it pays the price less the operator fee. Used, refunded or exchanged tickets cannot be overridden.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.refunds import Quote, RefundRules, override_fee_tiyn, parse_rules, quote
from app.core.workdays import money_back_by
from app.documents.texts import Language
from app.models.receipts import Receipt
from app.models.records import AuditLog
from app.models.refunds import Refund, RefundLine
from app.models.tickets import CinemaSession, Order, Ticket
from app.models.venue import Venue
from app.services.auth import AuthService
from app.services.fiscal import enqueue_cheque
from app.services.receipts import issue_receipt
from app.services.refund_desk_data import (
    DenialProof,
    DenialRow,
    DeskResult,
    OrderDetails,
    Override,
    RefundRefused,
    ResultLine,
    ServerRefusal,
    SessionChoice,
    TicketLine,
    denial_for,
    denials_between,
    server_refusals,
    state_of,
)
from app.services.shift import DeskError, open_shift_id
from app.sync import bounds
from app.sync import protocol as p
from app.sync.outbox import enqueue_refund

PROOFS_FOLDER = "proofs"


def utcnow() -> datetime:
    return datetime.now(UTC)


__all__ = [
    "DenialProof",
    "DenialRow",
    "DeskError",
    "DeskResult",
    "OrderDetails",
    "Override",
    "RefundDesk",
    "RefundRefused",
    "ServerRefusal",
    "SessionChoice",
    "TicketLine",
]


@dataclass
class RefundDesk:
    sessions: sessionmaker[Session]  # write sessions
    venue_code: str
    auth: AuthService
    data_dir: Path
    station_id: uuid.UUID | None = None
    clock: Callable[[], datetime] = utcnow
    lang: Language = "ru"  # receipts' language unless an action says otherwise
    fiscal_register: str = "none"  # the station's setting: "webkassa" queues return cheques

    # --- looking up -------------------------------------------------------------------------

    def find(self, text: str) -> OrderDetails:
        """An order by its number or by the code of one of its tickets (a scan)."""
        key = text.strip().upper()
        with self.sessions() as session:
            number = session.scalar(select(Order.number).where(Order.number == key))
            if number is None:
                number = session.scalar(select(Ticket.order_number).where(Ticket.code == key))
        if number is None:
            raise DeskError("order_not_found", f"No order or ticket {key!r} on this console.")
        return self.order(number)

    def order(self, number: str) -> OrderDetails:
        with self.sessions() as session:
            order, show, venue_tz, rules = self._load(session, number)
            at = self.clock()
            denial = denial_for(session, order)
            lines = tuple(
                TicketLine(
                    code=t.code, tariff=str(t.tariff), price_tiyn=t.price_tiyn, state=state_of(t),
                    refund=self._quote(rules, order, show, t, at, venue_tz, denial, False),
                    exchange=self._quote(rules, order, show, t, at, venue_tz, denial, True),
                )
                for t in order.tickets
            )  # fmt: skip
            org = rules.organizer(order.organizer)
            return OrderDetails(
                number=order.number, organizer=org.slug, organizer_name=org.names[self.lang],
                manual=org.policy == "manual", session_id=show.id, session_title=show.title,
                hall=show.hall or "", starts_at=show.starts_at, tz=venue_tz, quoted_at=at,
                tickets=lines, denial=denial,
                server_refusals=server_refusals(session, order.number),
            )  # fmt: skip

    def todays_denials(self) -> list[DenialRow]:
        """Orders refused at the door today (venue time): the list the cashier picks proofs from."""
        with self.sessions() as session:
            tz = ZoneInfo(_venue(session, self.venue_code).time_zone)
            start = datetime.combine(self.clock().astimezone(tz).date(), time(0), tzinfo=tz)
            return denials_between(session, start, start + timedelta(days=1))

    def exchange_sessions(self, number: str) -> list[SessionChoice]:
        """Later sessions of the same organizer (the offer allows exchanges only within it)."""
        with self.sessions() as session:
            order = session.get(Order, number)
            if order is None:
                raise DeskError("order_not_found", f"No order {number!r}.")
            ids = select(Order.session_id).where(Order.organizer == order.organizer)
            rows = session.scalars(
                select(CinemaSession)
                .where(CinemaSession.id.in_(ids), CinemaSession.id != order.session_id,
                       CinemaSession.starts_at > self.clock())
                .order_by(CinemaSession.starts_at)
            )  # fmt: skip
            return [SessionChoice(s.id, s.title, s.hall or "", s.starts_at) for s in rows]

    def attach_proof(self, number: str, source: Path) -> str:
        """Copy the visitor's own proof into the data folder; the relative path goes on the refund."""
        if not source.is_file():
            raise DeskError("proof_missing", f"No file {source.name!r}.")
        folder = self.data_dir / PROOFS_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{number}-{uuid.uuid4().hex[:12]}{source.suffix.lower()[:10]}"
        shutil.copyfile(source, folder / name)
        return f"{PROOFS_FOLDER}/{name}"

    def result(self, refund_id: uuid.UUID) -> DeskResult | None:
        with self.sessions() as session:
            row = session.get(Refund, refund_id)
            if row is None:
                return None
            tz = _venue(session, self.venue_code).time_zone
            receipt = session.scalars(select(Receipt).where(Receipt.refund_id == refund_id)).first()
            lines = tuple(ResultLine(x.ticket_code, x.price_tiyn, x.fee_tiyn, x.refund_tiyn)
                          for x in row.lines)  # fmt: skip
            back = None
            if row.kind is p.RefundKind.REFUND and sum(x.refund_tiyn for x in lines) > 0:
                days = self._rules(session).money_back_working_days
                back = money_back_by(row.occurred_at, tz, days)
            return DeskResult(
                refund_id=row.id, kind=str(row.kind), order_number=row.order_number,
                occurred_at=row.occurred_at, lines=lines, rule=row.rule, override=row.override,
                money_back_by=back, receipt_id=receipt.id if receipt else None,
                receipt_number=receipt.number if receipt else None,
                new_session_id=row.new_session_id,
            )  # fmt: skip

    # --- acting -----------------------------------------------------------------------------

    def refund(
        self, number: str, ticket_codes: Iterable[str], *, staff_id: uuid.UUID,
        refund_id: uuid.UUID, override: Override | None = None, proof_path: str | None = None,
        lang: Language | None = None,
    ) -> DeskResult:  # fmt: skip
        return self._act(p.RefundKind.REFUND, number, ticket_codes, staff_id=staff_id,
                         refund_id=refund_id, override=override, proof_path=proof_path,
                         lang=lang)  # fmt: skip

    def exchange(
        self, number: str, ticket_codes: Iterable[str], new_session_id: str, *,
        staff_id: uuid.UUID, refund_id: uuid.UUID, override: Override | None = None,
        proof_path: str | None = None, lang: Language | None = None,
    ) -> DeskResult:  # fmt: skip
        return self._act(p.RefundKind.EXCHANGE, number, ticket_codes, staff_id=staff_id,
                         refund_id=refund_id, override=override, proof_path=proof_path,
                         lang=lang, new_session_id=new_session_id)  # fmt: skip

    def contact_request(
        self, number: str, ticket_codes: Iterable[str], *, staff_id: uuid.UUID,
        refund_id: uuid.UUID, proof_path: str | None = None, lang: Language | None = None,
    ) -> DeskResult:  # fmt: skip
        """For organizers who refund only through their contact centre: no money moves here."""
        return self._act(p.RefundKind.CONTACT_REQUEST, number, ticket_codes, staff_id=staff_id,
                         refund_id=refund_id, override=None, proof_path=proof_path,
                         lang=lang)  # fmt: skip

    def _act(
        self, kind: p.RefundKind, number: str, ticket_codes: Iterable[str], *,
        staff_id: uuid.UUID, refund_id: uuid.UUID, override: Override | None,
        proof_path: str | None, lang: Language | None, new_session_id: str | None = None,
    ) -> DeskResult:  # fmt: skip
        done = self._repeat(refund_id, number)
        if done is not None:
            return done
        codes = list(dict.fromkeys(c.strip().upper() for c in ticket_codes if c.strip()))
        if not codes:
            raise DeskError("no_tickets", "Choose at least one ticket.")
        supervisor = None
        if override is not None:
            if len(override.reason.strip()) < 3:
                raise DeskError("reason_required", "An override needs the reason in words.")
            supervisor = self.auth.approve(
                override.supervisor_pin, action="refund_override",
                details={"refund": str(refund_id), "order": number, "tickets": codes,
                         "kind": str(kind), "reason": override.reason.strip()[:200]},
            )  # fmt: skip
        with self.sessions.begin() as session:
            if session.get(Refund, refund_id) is not None:  # a twin call won the race
                committed = False
            else:
                self._commit(session, kind, number, codes, staff_id=staff_id,
                             refund_id=refund_id, override=override,
                             supervisor_id=supervisor.id if supervisor else None,
                             proof_path=proof_path, lang=lang or self.lang,
                             new_session_id=new_session_id)  # fmt: skip
                committed = True
        result = self.result(refund_id)
        assert result is not None
        return result if committed else replace(result, repeated=True)

    def _repeat(self, refund_id: uuid.UUID, number: str) -> DeskResult | None:
        done = self.result(refund_id)
        if done is None:
            return None
        if done.order_number != number:
            raise DeskError("id_reused", "This confirmation belongs to another order.")
        return replace(done, repeated=True)

    def _commit(
        self, session: Session, kind: p.RefundKind, number: str, codes: list[str], *,
        staff_id: uuid.UUID, refund_id: uuid.UUID, override: Override | None,
        supervisor_id: uuid.UUID | None, proof_path: str | None, lang: Language,
        new_session_id: str | None,
    ) -> None:  # fmt: skip
        shift_id = open_shift_id(session, self.venue_code, self.station_id)
        if shift_id is None:
            raise DeskError("no_shift", "Open a cash shift before refunding.")
        order, show, tz, rules = self._load(session, number)
        if kind is p.RefundKind.EXCHANGE:
            self._check_target(session, order, new_session_id)
        at = self.clock()
        denial = denial_for(session, order)
        tickets = {t.code: t for t in order.tickets}
        lines: list[tuple[Ticket, int, int, str]] = []
        refusals: list[tuple[str, str, str]] = []
        overridable = True
        for code in codes:
            ticket = tickets.get(code)
            if ticket is None:
                raise DeskError("not_in_order", f"Ticket {code} is not in order {number}.")
            line, refusal, can_override = self._line(
                kind, rules, order, show, ticket, at, tz, denial, override is not None
            )
            if refusal is not None:
                refusals.append((code, *refusal))
                overridable = overridable and can_override
            else:
                assert line is not None
                lines.append((ticket, *line))
        if refusals:
            raise RefundRefused(tuple(refusals), overridable)
        rule_texts = list(dict.fromkeys(text for *_, text in lines))
        event = p.RefundEvent(
            id=refund_id, occurred_at=bounds.moment(at), kind=kind, order_number=number,
            lines=[p.RefundLine(ticket_code=t.code, price_tiyn=t.price_tiyn, fee_tiyn=fee,
                                refund_tiyn=back) for t, fee, back, _ in lines],
            **bounds.refund_texts(rule="; ".join(rule_texts), new_session_id=new_session_id,
                                  reason=override.reason.strip() if override else ""),
            override=override is not None,
            ashyq_denial_id=denial.visit_id if denial else None, staff_id=staff_id,
        )  # fmt: skip
        row = Refund(
            id=refund_id, kind=kind, order_number=number, new_session_id=new_session_id,
            rule=event.rule, reason=event.reason, override=event.override,
            supervisor_id=supervisor_id, ashyq_denial_id=event.ashyq_denial_id,
            staff_id=staff_id, occurred_at=at, proof_path=proof_path,
            lines=[RefundLine(ticket_code=x.ticket_code, price_tiyn=x.price_tiyn,
                              fee_tiyn=x.fee_tiyn, refund_tiyn=x.refund_tiyn)
                   for x in event.lines],
        )  # fmt: skip
        session.add(row)
        new_state = {p.RefundKind.REFUND: p.TicketState.REFUNDED,
                     p.RefundKind.EXCHANGE: p.TicketState.EXCHANGED}.get(kind)  # fmt: skip
        for ticket, *_ in lines:
            if new_state is not None:
                ticket.state = new_state
        enqueue_refund(session, event, now=at)
        session.flush()
        receipt = issue_receipt(
            session,
            row,
            venue_code=self.venue_code,
            shift_id=shift_id,
            lang=lang,
            rules_days=rules.money_back_working_days,
        )
        enqueue_cheque(session, receipt, row, register=self.fiscal_register, now=at)
        details: dict[str, Any] = {
            "refund": str(refund_id),
            "order": number,
            "kind": str(kind),
            "returned_tiyn": sum(x.refund_tiyn for x in event.lines),
        }
        if override is not None:
            details |= {"override": True, "supervisor": str(supervisor_id),
                        "reason": event.reason}  # fmt: skip
        session.add(AuditLog(at=at, staff_id=staff_id, action=f"desk_{kind}", details=details))

    def _line(
        self, kind: p.RefundKind, rules: RefundRules, order: Order, show: CinemaSession,
        ticket: Ticket, at: datetime, tz: str, denial: DenialProof | None, overriding: bool,
    ) -> tuple[tuple[int, int, str] | None, tuple[str, str] | None, bool]:  # fmt: skip
        """(fee, money back, rule text) or a refusal (code, text) and whether it is overridable."""
        state = state_of(ticket)
        if state in ("refunded", "exchanged"):
            return None, ("already_" + state, f"The ticket was already {state}."), False
        exchange = kind is p.RefundKind.EXCHANGE
        q = self._quote(rules, order, show, ticket, at, tz, denial, exchange)
        if kind is p.RefundKind.CONTACT_REQUEST:
            if not q.manual:
                text = "This organizer refunds at the desk: use Refund, not a request."
                return None, ("not_manual", text), False
            return (0, 0, q.rule_text), None, False
        if q.manual:
            return None, ("manual", q.reason_text), False
        if state == "used":
            return None, ("used", "The ticket was already used at the door."), False
        if q.refundable:
            return (q.fee_tiyn, 0 if exchange else q.refund_tiyn, q.rule_text), None, False
        if not overriding:
            return None, (q.reason, q.reason_text), True
        lifted = self._quote(rules, order, show, ticket, at, tz, denial, exchange, force=True)
        fee = override_fee_tiyn(rules, lifted, ticket.price_tiyn)
        text = f"Supervisor override of: {q.reason_text}"
        return (fee, 0 if exchange else ticket.price_tiyn - fee, text), None, False

    def _quote(
        self, rules: RefundRules, order: Order, show: CinemaSession, ticket: Ticket,
        at: datetime, tz: str, denial: DenialProof | None, exchange: bool, force: bool = False,
    ) -> Quote:  # fmt: skip
        return quote(
            rules, organizer=order.organizer, price_tiyn=ticket.price_tiyn, start=show.starts_at,
            at=at, tz=tz, printed=ticket.printed_at_box_office,
            ashyq_denied=force or denial is not None, exchange=exchange,
            tariff=str(ticket.tariff),  # type: ignore[arg-type]
        )  # fmt: skip

    def _check_target(self, session: Session, order: Order, new_session_id: str | None) -> None:
        target = session.get(CinemaSession, new_session_id) if new_session_id else None
        same = session.scalar(
            select(func.count()).select_from(Order).where(
                Order.organizer == order.organizer, Order.session_id == new_session_id)
        )  # fmt: skip
        if target is None or not same or new_session_id == order.session_id:
            raise DeskError("bad_session", "Exchange only to another session of the organizer.")
        if target.starts_at <= self.clock():
            raise DeskError("bad_session", "That session has already started.")

    def _load(self, session: Session, number: str) -> tuple[Order, CinemaSession, str, RefundRules]:
        order = session.get(Order, number)
        if order is None:
            raise DeskError("order_not_found", f"No order {number!r} on this console.")
        show = session.get(CinemaSession, order.session_id)
        if show is None:
            raise DeskError("session_missing", "The order's session is not on this console yet.")
        venue = _venue(session, self.venue_code)
        return order, show, venue.time_zone, self._rules(session)

    def _rules(self, session: Session) -> RefundRules:
        venue = _venue(session, self.venue_code)
        if venue.refund_rules:
            return parse_rules(venue.refund_rules)
        from app.resources import load_json

        return parse_rules(load_json("policies", "refund_rules.json"))


def _venue(session: Session, code: str) -> Venue:
    venue = session.get(Venue, code)
    if venue is None:
        raise DeskError("no_venue", "No venue configuration yet: sync once online.")
    return venue
