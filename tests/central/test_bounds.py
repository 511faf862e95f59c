"""Values the protocol once let through and the databases could not hold: 422, never 500.

Found by a schemathesis run against ashyq-central; each exact value is replayed here on SQLite
and PostgreSQL, and the server's log must show no traceback afterwards (a 500 logs one).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest

from tests.central.harness import Server
from tests.central.test_records import refund_event, visit

NUL = "\x00"
TOO_FAR = [
    "0001-01-01T00:00:00+05:00",  # before year 1 in UTC
    "9999-12-31T23:59:00-10:00",  # after year 9999 in UTC
    "1999-12-31T23:59:59+00:00",  # before the protocol's range
    "2100-01-01T00:00:00+00:00",  # after it
]
BAD_VISITS: list[tuple[str, dict[str, Any]]] = [
    ("age 2^63", {"status_age_s": 2**63}),
    ("age 2^31", {"status_age_s": 2**31}),
    ("age 1e20", {"status_age_s": 1e20}),
    *[(f"occurred_at {m}", {"occurred_at": m}) for m in TOO_FAR],
    ("NUL in door", {"door": f"1{NUL}"}),
    ("NUL in reason", {"reason": f"green{NUL}"}),
    ("NUL in session_id", {"session_id": f"S{NUL}1"}),
    ("NUL in status_source", {"status_source": f"central{NUL}"}),
    ("tab in reason", {"reason": "a\tb"}),
    ("lone surrogate", {"reason": "\ud800"}),
    ("status_source 41", {"status_source": "x" * 41}),
    ("door 41", {"door": "x" * 41}),
    ("session_id 65", {"session_id": "x" * 65}),
    ("reason 201", {"reason": "x" * 201}),
    ("sealed_iin not base64", {"sealed_iin": "a b"}),
]


def _post(api: httpx.Client, path: str, body: dict[str, Any]) -> httpx.Response:
    """JSON with \\u escapes, so a lone surrogate can travel as a client may send it."""
    headers = {"Content-Type": "application/json"}
    return api.post(path, content=json.dumps(body).encode("ascii"), headers=headers)


def _assert_invalid(reply: httpx.Response) -> None:
    assert reply.status_code == 422, reply.text
    body = reply.json()
    assert body["code"] == "invalid" and body["message"]


def _assert_no_traceback(server: Server) -> None:
    text = server.log_file.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text
    assert "Exception in ASGI application" not in text


@pytest.mark.parametrize(("case", "change"), BAD_VISITS, ids=[c for c, _ in BAD_VISITS])
def test_a_visit_the_columns_cannot_hold_is_invalid(
    server: Server, station: dict[str, str], case: str, change: dict[str, Any]
) -> None:
    good = visit()
    with server.client(station["token"]) as api:
        reply = _post(api, "/visits", {"events": [good, visit(**change)]})
        _assert_invalid(reply)
        # the good one alone still goes through: the server is fine, only that value is bad
        assert api.post("/visits", json={"events": [good]}).json()["accepted"] == [good["id"]]
    _assert_no_traceback(server)


def test_the_largest_values_the_columns_hold_are_stored(
    server: Server, station: dict[str, str]
) -> None:
    edge = visit(status_age_s=2**31 - 1, status_source="s" * 40, door="д" * 40,
                 session_id="x" * 64, reason="р" * 200, occurred_at="2099-12-31T23:59:59+00:00")  # fmt: skip
    early = visit(occurred_at="2000-01-01T05:00:00+05:00")
    with server.client(station["token"]) as api:
        reply = api.post("/visits", json={"events": [edge, early]})
    assert reply.status_code == 200, reply.text
    assert reply.json()["accepted"] == [edge["id"], early["id"]]


@pytest.mark.parametrize("since", [*TOO_FAR, "2026-11-21T18:55:00"])
def test_orders_since_a_moment_out_of_range_is_invalid(
    server: Server, station: dict[str, str], since: str
) -> None:
    with server.client(station["token"]) as api:
        _assert_invalid(api.get("/orders", params={"modified_since": since}))
        assert api.get("/orders", params={"modified_since": "2026-11-21T18:55:00+05:00"}).is_success
    _assert_no_traceback(server)


BAD_REFUNDS: list[tuple[str, dict[str, Any]]] = [
    ("occurred_at year 1", {"occurred_at": "0001-01-01T00:00:00+05:00"}),
    ("NUL in reason", {"reason": NUL}),
    ("NUL in rule", {"rule": f"kinopark{NUL}"}),
    ("NUL in new_session_id", {"new_session_id": NUL}),
    ("new_session_id 65", {"new_session_id": "x" * 65}),
    (
        "price 2^31",
        {
            "lines": [
                {"ticket_code": "ABCDEF1", "price_tiyn": 2**31, "fee_tiyn": 0, "refund_tiyn": 0}
            ]
        },
    ),  # fmt: skip
    (
        "refund 2^63",
        {
            "lines": [
                {"ticket_code": "ABCDEF1", "price_tiyn": 0, "fee_tiyn": 0, "refund_tiyn": 2**63}
            ]
        },
    ),  # fmt: skip
]


@pytest.mark.parametrize(("case", "change"), BAD_REFUNDS, ids=[c for c, _ in BAD_REFUNDS])
def test_a_refund_out_of_bounds_is_invalid(
    server: Server, station: dict[str, str], case: str, change: dict[str, Any]
) -> None:
    event = {**refund_event("T-NONE-" + uuid.uuid4().hex[:6].upper(), ["ABCDEF1"]), **change}
    with server.client(station["token"]) as api:
        _assert_invalid(_post(api, "/refunds", {"events": [event]}))
    _assert_no_traceback(server)


BAD_REDEEMS: list[tuple[str, dict[str, Any]]] = [
    ("at year 9999", {"at": "9999-12-31T23:59:00-10:00"}),
    ("NUL in door", {"door": NUL}),
    ("door 41", {"door": "x" * 41}),
    ("NUL in session_id", {"session_id": NUL}),
]


@pytest.mark.parametrize(("case", "change"), BAD_REDEEMS, ids=[c for c, _ in BAD_REDEEMS])
def test_a_redemption_out_of_bounds_is_invalid(
    server: Server, station: dict[str, str], case: str, change: dict[str, Any]
) -> None:
    _, _, codes = server.make_order()
    body = {"nonce": str(uuid.uuid4()), "door": "1", "at": "2026-11-21T18:55:00+05:00", **change}
    with server.client(station["token"]) as api:
        _assert_invalid(_post(api, f"/tickets/{codes[0]}/redeem", body))
    _assert_no_traceback(server)


@pytest.mark.parametrize(
    "body",
    [
        {"code": "ABCDEF12", "station_name": f"door{NUL}"},
        {"code": f"ABC{NUL}DEF12", "station_name": "door"},
        {"code": "ABCDEF12", "station_name": "x" * 81},
    ],
)
def test_an_enrollment_out_of_bounds_is_invalid(server: Server, body: dict[str, str]) -> None:
    reply = httpx.post(f"{server.url}/api/v1/enroll", json=body)
    _assert_invalid(reply)
    _assert_no_traceback(server)
