"""The server checks every refund against its tickets and the rules (issue 9 "Trust").

Harness orders are Kinopark, 200,000 tiyn a ticket, 3 h before the start unless a test says
otherwise: the rules give a 10 % fee, so an honest refund line is 200,000 = 20,000 + 180,000.
"""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from app.sync.protocol import BatchResult
from central.db import Refund, RefundRejection, Ticket
from tests.central.harness import Server
from tests.central.test_records import redeem, visit


def line(code: str, price: int = 200_000, fee: int = 20_000, back: int = 180_000) -> dict[str, Any]:
    return {"ticket_code": code, "price_tiyn": price, "fee_tiyn": fee, "refund_tiyn": back}


def event(order: str, *lines: dict[str, Any], kind: str = "refund", **extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "occurred_at": datetime.now(UTC).isoformat(),
        "kind": kind,
        "order_number": order,
        "lines": list(lines),
        "rule": "test",
        **extra,
    }


def post(api: httpx.Client, *events: dict[str, Any]) -> BatchResult:
    reply = api.post("/refunds", json={"events": list(events)})
    assert reply.status_code == 200, reply.text
    return BatchResult.model_validate(reply.json())


def refused(result: BatchResult) -> dict[str, str]:
    return {str(r.id): r.code for r in result.rejected}


def stored(server: Server, order: str) -> list[str]:
    with server.engine.connect() as conn:
        rows = conn.execute(select(Refund.client_id).where(Refund.order_number == order))
        return sorted(str(r) for r in rows.scalars())


def ticket_state(server: Server, code: str) -> str:
    with server.engine.connect() as conn:
        return str(conn.execute(select(Ticket.state).where(Ticket.code == code)).scalar_one())


def rejection(server: Server, refund_id: str) -> Any:
    with server.engine.connect() as conn:
        return conn.execute(
            select(RefundRejection).where(RefundRejection.client_id == uuid.UUID(refund_id))
        ).one()


def test_a_refund_by_the_rules_is_accepted(server: Server, station: dict[str, str]) -> None:
    number, _session, (code,) = server.make_order()
    ok = event(number, line(code))
    with server.client(station["token"]) as api:
        result = post(api, ok)
    assert [str(i) for i in result.accepted] == [ok["id"]] and result.rejected == []
    assert stored(server, number) == [ok["id"]]
    assert ticket_state(server, code) == "refunded"


def test_the_same_ticket_under_two_refund_ids_is_refunded_once(
    server: Server, station: dict[str, str]
) -> None:
    number, _session, (code,) = server.make_order()
    first, second = event(number, line(code)), event(number, line(code))
    other_console = server.enroll(name="box office 2")
    with server.client(station["token"]) as api:
        one = post(api, first)
        retry = post(api, first)  # the same id again: still a duplicate, not a refusal
    with server.client(other_console["token"]) as api:
        two = post(api, second)
        again = post(api, second)  # a refused id is checked again, and refused again
    assert [str(i) for i in one.accepted] == [first["id"]]
    assert [str(i) for i in retry.duplicates] == [first["id"]] and retry.rejected == []
    assert refused(two) == {second["id"]: "already_refunded"} and two.accepted == []
    assert "already refunded" in two.rejected[0].message
    assert refused(again) == {second["id"]: "already_refunded"}
    assert stored(server, number) == [first["id"]]
    kept = rejection(server, second["id"])
    assert (kept.code, kept.attempts, kept.order_number) == ("already_refunded", 2, number)
    assert kept.body["lines"][0]["ticket_code"] == code


def test_two_ids_for_one_ticket_in_one_batch(server: Server, station: dict[str, str]) -> None:
    number, _session, (code,) = server.make_order()
    first, second = event(number, line(code)), event(number, line(code))
    with server.client(station["token"]) as api:
        result = post(api, first, second)
    assert [str(i) for i in result.accepted] == [first["id"]]
    assert refused(result) == {second["id"]: "already_refunded"}
    assert stored(server, number) == [first["id"]]


def test_consoles_racing_to_refund_one_ticket_refund_it_once(server: Server) -> None:
    number, _session, (code,) = server.make_order()
    tokens = [server.enroll(name=f"box {i}")["token"] for i in range(4)]

    def try_desk(i: int) -> BatchResult:
        with server.client(tokens[i % 4]) as api:
            return post(api, event(number, line(code)))

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(try_desk, range(8)))
    assert sum(len(r.accepted) for r in results) == 1
    assert sum(len(r.rejected) for r in results) == 7
    assert {r.rejected[0].code for r in results if r.rejected} == {"already_refunded"}
    assert len(stored(server, number)) == 1


def test_a_used_ticket_is_not_refunded_even_with_an_override(
    server: Server, station: dict[str, str]
) -> None:
    number, session, (code,) = server.make_order()
    plain = event(number, line(code))
    overridden = event(number, line(code, fee=25_000, back=175_000), override=True,
                       reason="supervisor says so")  # fmt: skip
    with server.client(station["token"]) as api:
        assert redeem(api, code, "1", session=session)["ok"]
        result = post(api, plain, overridden)
    assert refused(result) == {plain["id"]: "ticket_used", overridden["id"]: "ticket_used"}
    assert stored(server, number) == [] and ticket_state(server, code) == "used"


def test_amounts_that_do_not_match_the_price_are_refused(
    server: Server, station: dict[str, str]
) -> None:
    number, _session, codes = server.make_order(tickets=2, price_tiyn=100)
    too_much = event(number, line(codes[0], price=100, fee=10, back=150))
    short = event(number, line(codes[0], price=100, fee=10, back=80))
    wrong_price = event(number, line(codes[0], price=1_000, fee=100, back=900))
    honest = event(number, line(codes[1], price=100, fee=10, back=90))
    with server.client(station["token"]) as api:
        result = post(api, too_much, short, wrong_price, honest)
        huge = api.post("/refunds", json={"events": [
            event(number, line(codes[0], price=100, fee=10, back=10**18))]})  # fmt: skip
    assert refused(result) == {
        too_much["id"]: "amount_mismatch",
        short["id"]: "amount_mismatch",
        wrong_price["id"]: "price_mismatch",
    }
    assert [str(i) for i in result.accepted] == [honest["id"]]
    # 10^18 tiyn: refused by the protocol's bounds (422) or by the check, never stored
    assert huge.status_code in (200, 422), huge.text
    if huge.status_code == 200:
        assert [r.code for r in BatchResult.model_validate(huge.json()).rejected] == [
            "amount_mismatch"
        ]
    assert stored(server, number) == [honest["id"]]
    assert ticket_state(server, codes[0]) == "valid"


def test_a_fee_the_rules_do_not_give_is_refused(server: Server, station: dict[str, str]) -> None:
    number, _session, (code,) = server.make_order()
    no_fee = event(number, line(code, fee=0, back=200_000))
    late_number, _s, (late_code,) = server.make_order(starts_in=timedelta(minutes=1))
    late = event(late_number, line(late_code))
    with server.client(station["token"]) as api:
        result = post(api, no_fee, late)
    assert refused(result) == {no_fee["id"]: "fee_mismatch", late["id"]: "deadline_passed"}
    assert "20000 tiyn" in result.rejected[0].message
    assert stored(server, number) == [] and ticket_state(server, code) == "valid"


def test_an_override_pays_the_operator_fee_and_nothing_else(
    server: Server, station: dict[str, str]
) -> None:
    number, _session, codes = server.make_order(tickets=2, starts_in=timedelta(minutes=1))
    whole = event(number, line(codes[0], fee=0, back=200_000), override=True, reason="manager")
    uneven = event(number, line(codes[0], fee=25_000, back=200_000), override=True, reason="x y")
    fair = event(number, line(codes[0], fee=25_000, back=175_000), override=True, reason="late")
    with server.client(station["token"]) as api:
        result = post(api, whole, uneven, fair)
        twice = post(api, event(number, line(codes[0], fee=25_000, back=175_000), override=True))
    # an override lifts the deadline only: the operator fee (5 %, at least 250 tenge) stays
    assert refused(result) == {whole["id"]: "fee_mismatch", uneven["id"]: "amount_mismatch"}
    assert [str(i) for i in result.accepted] == [fair["id"]]
    assert [r.code for r in twice.rejected] == ["already_refunded"]
    assert stored(server, number) == [fair["id"]] and ticket_state(server, codes[1]) == "valid"


def test_an_exchange_goes_to_a_later_session_of_the_organizer(
    server: Server, station: dict[str, str]
) -> None:
    number, session, codes = server.make_order(tickets=3)
    _n, later, _c = server.make_order(starts_in=timedelta(hours=5))
    _m, elsewhere, _d = server.make_order(starts_in=timedelta(hours=5), organizer="chaplin")
    ok = event(number, line(codes[0], back=0), kind="exchange", new_session_id=later)
    money_back = event(number, line(codes[1]), kind="exchange", new_session_id=later)
    same = event(number, line(codes[1], back=0), kind="exchange", new_session_id=session)
    other_org = event(number, line(codes[1], back=0), kind="exchange", new_session_id=elsewhere)
    nowhere = event(number, line(codes[1], back=0), kind="exchange")
    with server.client(station["token"]) as api:
        result = post(api, ok, money_back, same, other_org, nowhere)
    assert [str(i) for i in result.accepted] == [ok["id"]]
    assert refused(result) == {
        money_back["id"]: "amount_mismatch",
        same["id"]: "bad_session",
        other_org["id"]: "bad_session",
        nowhere["id"]: "bad_session",
    }
    assert ticket_state(server, codes[0]) == "exchanged"
    assert ticket_state(server, codes[1]) == "valid"


def test_an_ashyq_denial_on_the_server_lifts_the_deadline(
    server: Server, station: dict[str, str]
) -> None:
    number, session, codes = server.make_order(tickets=3, starts_in=timedelta(minutes=1))
    denied = visit(direction="denied", verdict="deny", status="red", reason="red_isolation",
                   order_number=number, session_id=session)  # fmt: skip
    full = visit(direction="denied", verdict="deny", status="green", reason="capacity_full",
                 order_number=number, session_id=session)  # fmt: skip
    operator_fee = line(codes[0], fee=25_000, back=175_000)  # 5 %, at least 250 tenge
    proven = event(number, operator_fee, ashyq_denial_id=denied["id"])
    not_proof = event(number, line(codes[1], fee=25_000, back=175_000), ashyq_denial_id=full["id"])
    unknown = event(number, line(codes[2], fee=25_000, back=175_000),
                    ashyq_denial_id=str(uuid.uuid4()))  # fmt: skip
    with server.client(station["token"]) as api:
        assert api.post("/visits", json={"events": [denied, full]}).status_code == 200
        result = post(api, proven, not_proof, unknown)
    assert [str(i) for i in result.accepted] == [proven["id"]]
    assert refused(result) == {not_proof["id"]: "denial_not_proof",
                               unknown["id"]: "denial_unknown"}  # fmt: skip


def test_contact_centre_requests_move_no_money(server: Server, station: dict[str, str]) -> None:
    number, _session, codes = server.make_order(tickets=2, organizer="inna-concerts")
    request = event(number, line(codes[0], fee=0, back=0), kind="contact_request")
    paid = event(number, line(codes[1], fee=0, back=200_000), kind="contact_request")
    refund = event(number, line(codes[1], fee=25_000, back=175_000), override=True)
    kino, _s, (kino_code,) = server.make_order()
    not_manual = event(kino, line(kino_code, fee=0, back=0), kind="contact_request")
    with server.client(station["token"]) as api:
        result = post(api, request, paid, refund, not_manual)
    assert [str(i) for i in result.accepted] == [request["id"]]
    assert refused(result) == {
        paid["id"]: "amount_mismatch",
        refund["id"]: "manual",
        not_manual["id"]: "not_manual",
    }
    assert ticket_state(server, codes[0]) == "valid"  # a request changes no ticket


def test_a_refund_for_an_unknown_order_is_refused_and_kept(
    server: Server, station: dict[str, str]
) -> None:
    ghost = event("NO-SUCH-ORDER", line("GHOST0001"))
    with server.client(station["token"]) as api:
        result = post(api, ghost)
    assert refused(result) == {ghost["id"]: "unknown_order"}
    assert stored(server, "NO-SUCH-ORDER") == []
    assert rejection(server, ghost["id"]).code == "unknown_order"
