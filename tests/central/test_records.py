"""Visits, refunds, ticket redemptions and order pulls: nothing lost, nothing stored twice."""

from __future__ import annotations

import base64
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import select

from app.core.pseudonym import pseudonym
from app.core.statuses import Status
from app.sync.protocol import MAX_BATCH, MAX_BODY_BYTES, BatchResult, OrdersPage
from app.sync.sealing import seal_iin
from central.db import TraceIdentity, Visit
from central.demo import DEMO_IINS
from tests.central.harness import Server, wait_until


def visit(**changes: Any) -> dict[str, Any]:
    event = {
        "id": str(uuid.uuid4()),
        "occurred_at": "2026-11-21T18:55:00+05:00",
        "direction": "entry",
        "method": "wedge",
        "status": "green",
        "status_source": "central",
        "status_age_s": 0,
        "verdict": "admit",
        "reason": "green",
        "person": "a" * 64,
        "door": "1",
    }
    return {**event, **changes}


def stored_visits(server: Server, ids: list[str]) -> list[Any]:
    with server.engine.connect() as conn:
        return conn.execute(
            select(Visit).where(Visit.client_id.in_([uuid.UUID(i) for i in ids]))
        ).all()


def pending(server: Server, ids: list[uuid.UUID]) -> list[Any]:
    """The visits among `ids` whose sealed IIN central.seal_check has not opened yet."""
    with server.engine.connect() as conn:
        return conn.execute(
            select(Visit.client_id)
            .join(TraceIdentity, TraceIdentity.visit_id == Visit.id)
            .where(Visit.client_id.in_(ids), TraceIdentity.check == "pending")
        ).all()


def test_a_visit_batch_sent_twice_is_stored_once(server: Server, station: dict[str, str]) -> None:
    events = [visit(), visit(offline=True, occurred_at="2026-11-20T09:01:02+06:00"), visit()]
    ids = [e["id"] for e in events]
    with server.client(station["token"]) as api:
        first = BatchResult.model_validate(api.post("/visits", json={"events": events}).json())
        second = BatchResult.model_validate(api.post("/visits", json={"events": events}).json())
    assert [str(i) for i in first.accepted] == ids and first.duplicates == []
    assert second.accepted == [] and [str(i) for i in second.duplicates] == ids
    rows = {str(r.client_id): r for r in stored_visits(server, ids)}
    assert len(rows) == 3
    offline = rows[ids[1]]
    assert offline.offline is True
    assert offline.occurred_at == datetime(2026, 11, 20, 3, 1, 2, tzinfo=UTC)


def test_concurrent_deliveries_of_one_batch_store_each_visit_once(
    server: Server, station: dict[str, str]
) -> None:
    events = [visit() for _ in range(50)]

    def push(_: int) -> BatchResult:
        with server.client(station["token"]) as api:
            return BatchResult.model_validate(api.post("/visits", json={"events": events}).json())

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(push, range(8)))
    accepted = [i for r in results for i in r.accepted]
    assert sorted(map(str, accepted)) == sorted(e["id"] for e in events)
    assert all(len(r.accepted) + len(r.duplicates) == 50 for r in results)
    assert len(stored_visits(server, [e["id"] for e in events])) == 50


def test_a_sealed_iin_is_checked_and_kept_sealed(server: Server, station: dict[str, str]) -> None:
    iin = DEMO_IINS[Status.GREEN][0]
    key = base64.b64decode(station["pseudonym_key"])
    good = visit(person=pseudonym(key, iin), sealed_iin=seal_iin(iin, station["server_public_key"]),
                 offline=True)  # fmt: skip
    wrong_person = visit(sealed_iin=seal_iin(iin, station["server_public_key"]))
    garbage = visit(sealed_iin=base64.b64encode(b"x" * 60).decode())
    with server.client(station["token"]) as api:
        result = api.post("/visits", json={"events": [good, wrong_person, garbage]}).json()
    assert len(result["accepted"]) == 3  # a visit is evidence: never refused for its seal
    ids = [uuid.UUID(e["id"]) for e in (good, wrong_person, garbage)]
    wait_until(lambda: not pending(server, ids), what="the background check of sealed IINs")
    with server.engine.connect() as conn:
        checks = dict(
            conn.execute(
                select(Visit.client_id, TraceIdentity.check)
                .join(TraceIdentity, TraceIdentity.visit_id == Visit.id)
                .where(
                    Visit.client_id.in_([uuid.UUID(e["id"]) for e in (good, wrong_person, garbage)])
                )
            ).all()
        )
        dump = "\n".join(map(str, conn.exec_driver_sql("SELECT * FROM trace_identities")))
    assert checks[uuid.UUID(good["id"])] == "ok"
    assert checks[uuid.UUID(wrong_person["id"])] == "mismatch"
    assert checks[uuid.UUID(garbage["id"])] == "unreadable"
    assert iin not in dump


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"events": []}, 422),
        ({"events": [visit() for _ in range(MAX_BATCH + 1)]}, 422),
        ({"events": [visit(occurred_at="2026-11-21T18:55:00")]}, 422),
        ({"events": [visit(direction="sideways")]}, 422),
        ({"events": [visit(person="not-hex")]}, 422),
        ({"events": [visit(unexpected=1)]}, 422),
    ],
)
def test_malformed_visit_batches_are_refused_with_a_reason(
    sqlite_server: Server, body: dict[str, Any], status: int
) -> None:
    token = sqlite_server.enroll()["token"]
    with sqlite_server.client(token) as api:
        reply = api.post("/visits", json=body)
    assert reply.status_code == status
    assert reply.json()["code"] == "invalid"
    assert reply.json()["message"]


def test_broken_json_and_oversized_bodies(sqlite_server: Server) -> None:
    token = sqlite_server.enroll()["token"]
    with sqlite_server.client(token) as api:
        broken = api.post(
            "/visits", content=b'{"events": [', headers={"Content-Type": "application/json"}
        )
        huge = api.post("/visits", content=b" " * (MAX_MAX := MAX_BODY_BYTES + 1),
                        headers={"Content-Type": "application/json"})  # fmt: skip

        def chunks() -> Any:
            for _ in range(MAX_MAX // 65536 + 1):
                yield b" " * 65536

        streamed = api.post(
            "/visits", content=chunks(), headers={"Content-Type": "application/json"}
        )
    assert broken.status_code == 422 and broken.json()["code"] == "invalid"
    assert huge.status_code == 413 and huge.json()["code"] == "too_large"
    assert streamed.status_code == 413


def redeem(api: httpx.Client, code: str, door: str, nonce: str | None = None,
           session: str | None = None, at: str | None = None) -> dict[str, Any]:  # fmt: skip
    # the test orders' shows start three hours from now: the door opens for them now
    moment = at or datetime.now(UTC).isoformat()
    body = {"nonce": nonce or str(uuid.uuid4()), "door": door, "at": moment, "session_id": session}
    reply = api.post(f"/tickets/{code}/redeem", json=body)
    assert reply.status_code == 200, reply.text
    result: dict[str, Any] = reply.json()
    return result


def test_a_ticket_admits_once_and_the_second_door_is_told_when_and_where(
    server: Server, station: dict[str, str]
) -> None:
    _number, session, (code,) = server.make_order(tickets=1)
    nonce = str(uuid.uuid4())
    with server.client(station["token"]) as door1, server.client(server.enroll()["token"]) as door2:
        first = redeem(door1, code, "1", nonce, session, at="2026-11-21T13:47:00Z")
        second = redeem(door2, code, "2", session=session)
        replay = redeem(door1, code, "1", nonce, session)
    assert first["ok"] is True and first["code"] == "redeemed"
    assert second["ok"] is False and second["code"] == "already_used"
    local = datetime(2026, 11, 21, 13, 47, tzinfo=UTC).astimezone(ZoneInfo("Asia/Almaty"))
    assert second["message"] == f"already used at {local:%H:%M} at door 1"
    assert second["used_door"] == "1"
    assert datetime.fromisoformat(second["used_at"]) == datetime(2026, 11, 21, 13, 47, tzinfo=UTC)
    assert replay["ok"] is True and replay["code"] == "redeemed" and replay["used_door"] == "1"


def test_doors_racing_for_one_ticket_admit_it_once(server: Server) -> None:
    _number, _session, (code,) = server.make_order(tickets=1)
    tokens = [server.enroll()["token"] for _ in range(4)]

    def try_door(i: int) -> dict[str, Any]:
        with server.client(tokens[i % 4]) as api:
            return redeem(api, code, str(i))

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(try_door, range(16)))
    winners = [a for a in answers if a["ok"]]
    assert len(winners) == 1
    assert {a["used_door"] for a in answers} == {winners[0]["used_door"]}


def test_wrong_session_unknown_and_refunded_tickets(
    server: Server, station: dict[str, str]
) -> None:
    number, session, codes = server.make_order(tickets=2)
    refund = refund_event(number, [codes[1]])
    with server.client(station["token"]) as api:
        wrong = redeem(api, codes[0], "1", session="ANOTHER-SESSION")
        unknown = redeem(api, "NOSUCHTICKET", "1")
        api.post("/refunds", json={"events": [refund]})
        refunded = redeem(api, codes[1], "1", session=session)
        still_fine = redeem(api, codes[0], "1", session=session)
    assert (wrong["ok"], wrong["code"]) == (False, "wrong_session")
    assert (unknown["ok"], unknown["code"]) == (False, "unknown_ticket")
    assert (refunded["ok"], refunded["code"]) == (False, "refunded")
    assert still_fine["ok"] is True


def refund_event(
    order: str, codes: list[str], kind: str = "refund", new_session: str | None = None
) -> dict[str, Any]:
    """A refund the rules allow for the harness's orders: Kinopark, 3 h before, fee 10 %."""
    back = 0 if kind == "exchange" else 180_000  # an exchange returns no money
    return {
        "id": str(uuid.uuid4()),
        "occurred_at": datetime.now(UTC).isoformat(),
        "kind": kind,
        "order_number": order,
        "lines": [
            {"ticket_code": c, "price_tiyn": 200_000, "fee_tiyn": 20_000, "refund_tiyn": back}
            for c in codes
        ],  # fmt: skip
        "new_session_id": new_session,
        "rule": "kinopark",
    }


def test_refunds_are_idempotent_and_reach_the_next_orders_pull(
    server: Server, station: dict[str, str]
) -> None:
    number, _session, codes = server.make_order(tickets=3)
    _later, later_session, _ = server.make_order(tickets=1, starts_in=timedelta(hours=5))
    refund = refund_event(number, [codes[0]])
    exchange = refund_event(number, [codes[1]], kind="exchange", new_session=later_session)
    with server.client(station["token"]) as api:
        before = OrdersPage.model_validate(api.get("/orders").json())
        first = api.post("/refunds", json={"events": [refund, exchange]}).json()

        def again(_: int) -> dict[str, Any]:
            return api.post("/refunds", json={"events": [refund, exchange]}).json()

        with ThreadPoolExecutor(4) as pool:
            repeats = list(pool.map(again, range(4)))
        since = before.server_time.isoformat()
        after = OrdersPage.model_validate(
            api.get("/orders", params={"modified_since": since}).json()
        )
    assert len(first["accepted"]) == 2
    assert all(r["accepted"] == [] and len(r["duplicates"]) == 2 for r in repeats)
    changed = {o.number: o for o in after.orders}
    assert number in changed
    states = {t.code: t.state.value for t in changed[number].tickets}
    assert states == {codes[0]: "refunded", codes[1]: "exchanged", codes[2]: "valid"}


def test_orders_pull_is_incremental(server: Server, station: dict[str, str]) -> None:
    with server.client(station["token"]) as api:
        everything = OrdersPage.model_validate(api.get("/orders").json())
        numbers = {o.number for o in everything.orders}
        assert {"D-1001", "D-1003", "D-1004"} <= numbers
        group = next(o for o in everything.orders if o.number == "D-1001")
        assert len(group.tickets) == 3
        assert (
            next(o for o in everything.orders if o.number == "D-1003")
            .tickets[0]
            .printed_at_box_office
        )
        mark = everything.server_time
        nothing = api.get(
            "/orders", params={"modified_since": (mark + timedelta(seconds=1)).isoformat()}
        )
        number, session, (code,) = server.make_order(tickets=1)
        redeem(api, code, "3", session=session)
        later = OrdersPage.model_validate(
            api.get("/orders", params={"modified_since": mark.isoformat()}).json()
        )
        naive = api.get("/orders", params={"modified_since": "2026-01-01T00:00:00"})
    assert nothing.json()["orders"] == []
    assert [o.number for o in later.orders] == [number]
    assert later.orders[0].tickets[0].state.value == "used"
    assert later.orders[0].tickets[0].used_door == "3"
    assert naive.status_code == 422


def test_a_batch_answer_is_what_a_0_1_0_console_can_read(
    server: Server, station: dict[str, str]
) -> None:
    """Consoles of 0.1.0 refuse unknown fields: an answer with nothing refused has only theirs."""
    with server.client(station["token"]) as api:
        answer = api.post("/visits", json={"events": [visit()]}).json()
    assert set(answer) == {"accepted", "duplicates"}


def test_a_sealed_iin_left_pending_is_checked_by_a_later_pass(
    server: Server, station: dict[str, str]
) -> None:
    """A process stopped before its background check: the next pass (any process) does it."""
    iin = DEMO_IINS[Status.GREEN][0]
    key = base64.b64decode(station["pseudonym_key"])
    left = visit(person=pseudonym(key, iin))
    with server.client(station["token"]) as api:
        assert api.post("/visits", json={"events": [left]}).status_code == 200
    with server.engine.begin() as conn:  # what the stopped process had stored with its visit
        row = conn.execute(
            select(Visit.id, Visit.occurred_at).where(Visit.client_id == uuid.UUID(left["id"]))
        ).one()
        conn.execute(
            TraceIdentity.__table__.insert().values(
                visit_id=row.id, occurred_at=row.occurred_at, check="pending",
                sealed_iin=seal_iin(iin, station["server_public_key"]),
            )
        )  # fmt: skip
    later = visit(sealed_iin=base64.b64encode(b"y" * 60).decode())
    with server.client(station["token"]) as api:
        assert api.post("/visits", json={"events": [later]}).status_code == 200
    ids = [uuid.UUID(left["id"]), uuid.UUID(later["id"])]
    wait_until(lambda: not pending(server, ids), what="the pending sealed IINs checked")
    with server.engine.connect() as conn:
        checks = dict(
            conn.execute(
                select(Visit.client_id, TraceIdentity.check)
                .join(TraceIdentity, TraceIdentity.visit_id == Visit.id)
                .where(Visit.client_id.in_(ids))
            ).all()
        )
    assert checks == {ids[0]: "ok", ids[1]: "unreadable"}
