"""Enrollment, tokens, and that a station reaches only its own venue."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from app.sync.protocol import EnrollResponse, VenueConfig
from central import admin
from central.demo import VENUE_CODE
from tests.central.harness import Server


def test_enroll_gives_a_working_token_and_the_keys(server: Server) -> None:
    code = server.issue_code()
    reply = httpx.post(f"{server.url}/api/v1/enroll", json={"code": code, "station_name": "Door 1"})
    assert reply.status_code == 200
    enrolled = EnrollResponse.model_validate(reply.json())
    assert enrolled.venue_code == VENUE_CODE
    assert len(base64.b64decode(enrolled.pseudonym_key)) == 32
    assert len(base64.b64decode(enrolled.server_public_key)) == 32
    with server.client(enrolled.token) as api:
        config = VenueConfig.model_validate(api.get("/config").json())
    assert config.server_public_key == enrolled.server_public_key


def test_an_enrollment_code_works_once(server: Server) -> None:
    code = server.issue_code()
    body = {"code": code, "station_name": "Door 1"}
    assert httpx.post(f"{server.url}/api/v1/enroll", json=body).status_code == 200
    again = httpx.post(f"{server.url}/api/v1/enroll", json={**body, "station_name": "Door 2"})
    assert again.status_code == 403
    assert again.json()["code"] == "enrollment_code_used"


def test_an_expired_or_unknown_code_is_refused(sqlite_server: Server) -> None:
    expired = sqlite_server.issue_code(ttl=timedelta(seconds=-1))
    reply = httpx.post(
        f"{sqlite_server.url}/api/v1/enroll", json={"code": expired, "station_name": "Door"}
    )
    assert (reply.status_code, reply.json()["code"]) == (403, "enrollment_code_expired")
    reply = httpx.post(
        f"{sqlite_server.url}/api/v1/enroll", json={"code": "NOPE-NOPE-NOPE", "station_name": "D"}
    )
    assert (reply.status_code, reply.json()["code"]) == (403, "enrollment_code_unknown")


def test_only_the_hash_of_a_token_is_stored(sqlite_server: Server) -> None:
    token = sqlite_server.enroll()["token"]
    with sqlite_server.engine.connect() as conn:
        dump = "\n".join(str(row) for row in conn.exec_driver_sql("SELECT * FROM stations"))
    assert token not in dump


STATION_CALLS = [
    ("GET", "/status/900101300106", None),
    ("GET", "/status/passport/N12345678", None),
    ("GET", "/orders", None),
    ("GET", "/config", None),
    ("GET", "/checkins/stream", None),
    ("POST", "/visits", {"events": []}),
    ("POST", "/refunds", {"events": []}),
    ("POST", "/tickets/DEMOS1/redeem", {}),
]


@pytest.mark.parametrize(("method", "path", "body"), STATION_CALLS)
@pytest.mark.parametrize("token", [None, "not-a-real-token"])
def test_every_station_call_needs_a_valid_token(
    sqlite_server: Server, method: str, path: str, body: object, token: str | None
) -> None:
    with sqlite_server.client(token) as api:
        reply = api.request(method, path, json=body)
    assert reply.status_code == 401
    assert reply.json()["code"] == "unauthorized"
    assert reply.headers["www-authenticate"] == "Bearer"


@pytest.fixture(scope="module")
def other_venue(sqlite_server: Server) -> str:
    with sqlite_server.engine.begin() as conn:
        admin.create_venue(conn, code="OTHER", name="Other Hall", bin_number="190540001200")
    sqlite_server.make_order(tickets=1, venue="OTHER")
    return "OTHER"


def test_a_station_sees_and_writes_only_its_own_venue(
    sqlite_server: Server, other_venue: str
) -> None:
    _number, _session, demo_codes = sqlite_server.make_order(tickets=1)
    intruder = sqlite_server.enroll(venue=other_venue)
    with sqlite_server.client(intruder["token"]) as api:
        config = api.get("/config").json()
        orders = api.get("/orders").json()["orders"]
        redeem = api.post(
            f"/tickets/{demo_codes[0]}/redeem",
            json={"nonce": "6f1c1c56-6f0c-4c47-9a55-0d7e1b0b5f10", "door": "9",
                  "at": datetime.now(UTC).isoformat()},
        ).json()  # fmt: skip
    assert config["venue"]["code"] == "OTHER"
    assert config["staff"] == []
    assert orders and all(o["number"] not in {"D-1001", "D-1002"} for o in orders)
    assert redeem["ok"] is False and redeem["code"] == "unknown_ticket"
    # The DEMO ticket is untouched: its own door still admits it.
    demo = sqlite_server.enroll()
    with sqlite_server.client(demo["token"]) as api:
        mine = api.post(
            f"/tickets/{demo_codes[0]}/redeem",
            json={"nonce": "7f1c1c56-6f0c-4c47-9a55-0d7e1b0b5f10", "door": "1",
                  "at": datetime.now(UTC).isoformat()},
        ).json()  # fmt: skip
    assert mine["ok"] is True


def test_health_and_openapi_are_public(sqlite_server: Server) -> None:
    assert httpx.get(f"{sqlite_server.url}/api/v1/health").json()["status"] == "ok"
    spec = httpx.get(f"{sqlite_server.url}/openapi.json").json()
    assert "/api/v1/tickets/{code}/redeem" in spec["paths"]
    assert "/api/v1/enroll" in spec["paths"]
