"""Tickets at two doors, refunds, config and orders pulled, visitors' check-ins streamed."""

from __future__ import annotations

import threading
import uuid

import httpx
from sqlalchemy import func, select

from app.core.pseudonym import pseudonym
from app.core.statuses import Status, Verdict
from app.models.records import Outbox
from app.models.refunds import Refund, RefundLine
from app.models.tickets import Order, Ticket
from app.models.venue import Staff
from app.services.door import check
from app.services.sync_service import sync_once
from app.sync import protocol as p
from app.sync.client import SyncError
from app.sync.outbox import enqueue_refund
from central.demo import DEMO_IINS
from tests import timing
from tests.e2e.conftest import CentralProcess, server_rows, wait_until


def second_code(server: CentralProcess) -> str:
    return server.admin("issue-code", "--venue", "DEMO", "--role", "door").strip().splitlines()[-1]


def test_config_and_orders_are_pulled_incrementally(central: CentralProcess, make_station) -> None:
    station = make_station(central)
    with station.ctx.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Staff)) == 4
        numbers = set(s.scalars(select(Order.number)))
        assert {"D-1001", "D-1002", "D-1004"} <= numbers
        used = s.get(Ticket, "DEMOU1")
        assert used is not None and used.state is p.TicketState.USED
        group = s.get(Order, "D-1001")
        assert group is not None and [t.code for t in group.tickets] == [
            "DEMOG1",
            "DEMOG2",
            "DEMOG3",
        ]
    report = sync_once(station.ctx)
    assert report.config_pulled and report.pulled_orders == 0  # nothing changed since


def test_a_ticket_admits_once_across_two_doors(central: CentralProcess, make_station) -> None:
    door1 = make_station(central, name="door 1")
    door2 = make_station(central, name="door 2", code=second_code(central), profile="door2")
    first = check(door1.ctx, "DEMOS1")
    assert (first.kind, first.verdict, first.reason) == ("ticket", Verdict.ADMIT, "redeemed")
    second = check(door2.ctx, "demos1")  # Caps Lock off: same ticket
    assert (second.verdict, second.reason) == (Verdict.DENY, "already_used")
    assert "door 1" in second.message
    again = check(door1.ctx, "DEMOS1")  # door 1 now knows it locally too
    assert again.reason == "already_used"
    rows = server_rows(central, "SELECT used_door FROM tickets WHERE code = 'DEMOS1'")
    assert rows == [("door 1",)]
    for door in (door1, door2):  # every scan, admitted or not, reaches the server's log
        assert sync_once(door.ctx).pending == 0
    assert server_rows(central, "SELECT count(*) FROM visits WHERE ticket_code = 'DEMOS1'") == [
        (3,)
    ]


def test_a_ticket_admitted_offline_at_two_doors_comes_back_as_a_conflict(
    central: CentralProcess, make_station
) -> None:
    door1 = make_station(central, name="door 1")
    door2 = make_station(central, name="door 2", code=second_code(central), profile="door2")
    central.kill()
    assert check(door1.ctx, "DEMOG1").reason == "redeemed_offline"
    assert check(door2.ctx, "DEMOG1").reason == "redeemed_offline"
    central.start()
    one = sync_once(door1.ctx)
    two = sync_once(door2.ctx)
    assert (one.redeemed, one.conflicts) == (1, ())
    assert two.redeemed == 0 and len(two.conflicts) == 1 and "DEMOG1" in two.conflicts[0]
    assert one.pending == two.pending == 0


def test_refunds_are_pushed_idempotently(central: CentralProcess, make_station) -> None:
    station = make_station(central)
    now = station.clock()
    event = p.RefundEvent(
        id=uuid.uuid4(), occurred_at=now, kind=p.RefundKind.REFUND, order_number="D-1006",
        lines=[p.RefundLine(ticket_code="DEMOT1", price_tiyn=250_000, fee_tiyn=25_000,
                            refund_tiyn=225_000)],
        rule="kinopark: more than 1 h before the start, 10 %",  # tomorrow's show
    )  # fmt: skip
    with station.ctx.sessions.begin() as s:  # as the refund desk writes it: row + outbox, one tx
        s.add(Refund(id=event.id, kind=event.kind, order_number=event.order_number,
                     rule=event.rule, occurred_at=now))  # fmt: skip
        s.flush()
        s.add(RefundLine(refund_id=event.id, ticket_code="DEMOT1", price_tiyn=250_000,
                         fee_tiyn=25_000, refund_tiyn=225_000))  # fmt: skip
        enqueue_refund(s, event, now=now)
    first = sync_once(station.ctx)
    assert (first.pushed, first.pending, first.errors) == (1, 0, ())
    assert station.ctx.primary is not None
    replay = station.ctx.primary.post_refunds([event])
    assert replay.accepted == [] and replay.duplicates == [event.id]
    assert server_rows(central, "SELECT count(*) FROM refunds") == [(1,)]
    with station.ctx.sessions() as s:
        refund = s.get(Refund, event.id)
        assert refund is not None and refund.synced_at is not None
        assert s.scalar(select(func.count()).where(Outbox.acknowledged_at.is_(None))) == 0


def test_visitor_checkins_are_streamed_to_the_door(central: CentralProcess, make_station) -> None:
    station = make_station(central)
    client = station.ctx.primary
    assert client is not None
    blue, green = DEMO_IINS[Status.BLUE][0], DEMO_IINS[Status.GREEN][1]

    def visitor_checks_in(iin: str) -> None:
        page = httpx.post(f"{central.url}/v/DEMO", data={"iin": iin, "lang": "en"}, timeout=5)
        assert page.status_code == 200

    visitor_checks_in(blue)  # before the door connects: replayed from event id 0
    seen: list[p.CheckinOut] = []
    failures: list[SyncError] = []

    def listen() -> None:
        try:
            for checkin in client.checkins(last_event_id="0", read_timeout=30):
                seen.append(checkin)
                if len(seen) == 2:
                    return
        except SyncError as exc:
            failures.append(exc)

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    wait_until(lambda: bool(seen or failures), what="the replayed check-in")
    visitor_checks_in(green)  # while the door listens: pushed live
    listener.join(timeout=timing.seconds(20))
    assert not failures
    assert [(c.status, c.person) for c in seen] == [
        (Status.BLUE, pseudonym(station.ctx.pseudonym_key, blue)),
        (Status.GREEN, pseudonym(station.ctx.pseudonym_key, green)),
    ]
