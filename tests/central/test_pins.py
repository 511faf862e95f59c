"""Supervisor PINs: what /config gives a station, online approvals, and the length rule.

Run on both databases (the `server` fixture). The demo's manager and admin have 8-digit PINs,
so /config carries their offline verifiers at the real cost (2^17): a test verifies the right
PIN with the station's pepper once, which takes a second or two on a busy machine.
"""

from __future__ import annotations

import base64
import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.core.pins import hash_pin, is_wrapped, verify_pin, verify_stored
from central import admin
from central.approvals import MAX_WRONG
from central.db import Approval, Staff, Station
from central.demo import VENUE_CODE
from tests.central.harness import Server
from tests.central.test_cli_and_schema import ashyq_central

ADMIN_PIN, MANAGER_PIN = "44444444", "33333333"


def _config(server: Server, token: str) -> dict[str, dict[str, object]]:
    with server.client(token) as api:
        reply = api.get("/config")
    assert reply.status_code == 200, reply.text
    return {str(s["name"]): s for s in reply.json()["staff"]}


def _supervisors(server: Server) -> list[Staff]:
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(Staff).where(Staff.role.in_(["manager", "admin"]), Staff.name.like("%(demo)"))
        ).all()
    return list(rows)  # type: ignore[arg-type]


def test_config_carries_no_supervisor_hash_usable_without_the_station_pepper(
    server: Server, station: dict[str, str]
) -> None:
    staff = _config(server, station["token"])
    pepper = base64.b64decode(station["pin_pepper"])
    assert len(pepper) == 32
    sent = {name: str(s["pin_hash"]) for name, s in staff.items()}
    for row in _supervisors(server):
        carried = sent[row.name]
        assert is_wrapped(carried)
        # Neither the login hash nor the verifier's digest is in what the station received.
        assert row.pin_hash.split("$")[5] not in carried
        assert row.offline_verifier is not None
        assert row.offline_verifier.split("$")[5] not in carried
    wrapped = sent["Admin (demo)"]
    # Without the pepper, the right PIN cannot be confirmed by any of the ways we know.
    assert not verify_pin(ADMIN_PIN, wrapped)
    assert not verify_stored(ADMIN_PIN, wrapped)
    assert not verify_stored(ADMIN_PIN, wrapped, os.urandom(32))
    # With this station's pepper it can: that is the offline fallback.
    assert verify_stored(ADMIN_PIN, wrapped, pepper)
    assert verify_pin("1111", sent["Door (demo)"])  # door staff keep logging in offline


def test_each_station_gets_its_own_wrapping(server: Server) -> None:
    one, two = server.enroll(name="door-a"), server.enroll(name="door-b")
    assert one["pin_pepper"] != two["pin_pepper"]
    first = _config(server, one["token"])["Manager (demo)"]["pin_hash"]
    second = _config(server, two["token"])["Manager (demo)"]["pin_hash"]
    assert first != second


def test_a_station_without_a_pepper_gets_no_supervisor_verifier(
    server: Server, station: dict[str, str]
) -> None:
    """Enrolled before peppers existed: its supervisors approve online only."""
    with server.engine.begin() as conn:
        conn.execute(
            update(Station).where(Station.id == uuid.UUID(station["station_id"]))
            .values(pin_pepper=None)
        )  # fmt: skip
    staff = _config(server, station["token"])
    assert staff["Admin (demo)"]["pin_hash"] == "" and staff["Manager (demo)"]["pin_hash"] == ""
    assert staff["Door (demo)"]["pin_hash"]


def test_a_short_supervisor_pin_from_before_the_rule_is_never_sent(
    server: Server, station: dict[str, str]
) -> None:
    name = f"Old manager {uuid.uuid4().hex[:6]}"
    with server.engine.begin() as conn:
        vid = admin.venue_id(conn, VENUE_CODE)
        conn.execute(
            Staff.__table__.insert().values(
                id=uuid.uuid4(), venue_id=vid, name=name, role="manager",
                pin_hash=hash_pin("5050", n=2**4), active=True,
            )
        )  # fmt: skip
    try:
        assert _config(server, station["token"])[name]["pin_hash"] == ""
        with server.client(station["token"]) as api:  # ... but online it still approves
            reply = api.post("/approvals", json={"pin": "5050", "action": "door_override"})
        assert reply.status_code == 200 and reply.json()["name"] == name
    finally:
        with server.engine.begin() as conn:
            conn.execute(update(Staff).where(Staff.name == name).values(active=False))


def _approvals(server: Server, station_id: str) -> list[tuple[str, str, object]]:
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(Approval.action, Approval.outcome, Approval.staff_id)
            .where(Approval.station_id == uuid.UUID(station_id))
            .order_by(Approval.id)
        ).all()
    return [(r.action, r.outcome, r.staff_id) for r in rows]


def test_online_approval_right_wrong_and_rate_limited(
    server: Server, station: dict[str, str]
) -> None:
    details = {"visit": str(uuid.uuid4()), "reason": "status_unknown"}
    with server.client(station["token"]) as api:
        ok = api.post("/approvals", json={"pin": MANAGER_PIN, "action": "door_override",
                                          "details": details})  # fmt: skip
        assert ok.status_code == 200, ok.text
        assert (ok.json()["name"], ok.json()["role"]) == ("Manager (demo)", "manager")
        for _ in range(MAX_WRONG):
            wrong = api.post("/approvals", json={"pin": "12345678", "action": "door_override"})
            assert (wrong.status_code, wrong.json()["code"]) == (403, "wrong_pin")
        # The sixth try within the minute is not even checked, even with the right PIN.
        limited = api.post("/approvals", json={"pin": MANAGER_PIN, "action": "door_override"})
        assert (limited.status_code, limited.json()["code"]) == (429, "rate_limited")
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        # A door staff member's PIN is not a supervisor's.
        other = server.enroll(name="door-other")
    with server.client(other["token"]) as api:  # the limit is per station
        door = api.post("/approvals", json={"pin": "1111", "action": "refund_override"})
        assert door.status_code == 403
    manager_id = next(r.id for r in _supervisors(server) if r.role == "manager")
    assert _approvals(server, station["station_id"]) == [
        ("door_override", "approved", manager_id),
        *[("door_override", "wrong_pin", None)] * MAX_WRONG,
        ("door_override", "rate_limited", None),
    ]
    listed = ashyq_central(server, "approvals", "--venue", VENUE_CODE, "--limit", "500")
    assert listed.returncode == 0, listed.stderr
    mine = [line for line in listed.stdout.splitlines() if "door-test" in line]
    assert any("approved" in line and "Manager (demo)" in line for line in mine)
    assert any("rate_limited" in line for line in mine)


def test_an_approval_window_passes(server: Server, station: dict[str, str]) -> None:
    """Wrong tries older than the window no longer count (moved back in the table)."""
    with server.client(station["token"]) as api:
        for _ in range(MAX_WRONG):
            assert api.post("/approvals", json={"pin": "0000", "action": "x"}).status_code == 403
        with server.engine.begin() as conn:
            conn.execute(
                update(Approval)
                .where(Approval.station_id == uuid.UUID(station["station_id"]))
                .values(at=datetime.now(UTC) - timedelta(seconds=61))
            )
        assert api.post("/approvals", json={"pin": "0000", "action": "x"}).status_code == 403


def test_login_check_of_one_member_and_no_iin_in_details(
    server: Server, station: dict[str, str]
) -> None:
    admin_id = next(str(r.id) for r in _supervisors(server) if r.role == "admin")
    manager_id = next(str(r.id) for r in _supervisors(server) if r.role == "manager")
    with server.client(station["token"]) as api:
        mine = api.post("/approvals", json={"pin": ADMIN_PIN, "action": "login",
                                            "staff_id": admin_id})  # fmt: skip
        assert mine.status_code == 200 and mine.json()["staff_id"] == admin_id
        # The admin's PIN does not log the manager in.
        theirs = api.post("/approvals", json={"pin": ADMIN_PIN, "action": "login",
                                              "staff_id": manager_id})  # fmt: skip
        assert theirs.status_code == 403
        iin = api.post("/approvals", json={"pin": ADMIN_PIN, "action": "door_override",
                                           "details": {"note": "visitor 900101300107"}})  # fmt: skip
        assert iin.status_code == 422
        stranger = server.client(None)
        with stranger:
            assert (
                stranger.post("/approvals", json={"pin": ADMIN_PIN, "action": "x"}).status_code
                == 401
            )


@pytest.mark.parametrize(("role", "pin", "ok"), [("manager", "3333", False),
                                                 ("admin", "1234567", False),
                                                 ("manager", "20262026", True),
                                                 ("door", "123456789", False),
                                                 ("cashier", "2468", True)])  # fmt: skip
def test_create_staff_enforces_the_role_length(
    sqlite_server: Server, role: str, pin: str, ok: bool
) -> None:
    name = f"{role}-{uuid.uuid4().hex[:6]}"
    made = ashyq_central(sqlite_server, "create-staff", "--venue", VENUE_CODE, "--name", name,
                         "--role", role, env={"ASHYQ_CENTRAL_PIN": pin})  # fmt: skip
    assert (made.returncode == 0) is ok, made.stderr
    if not ok:
        assert made.returncode == 2 and "digits" in made.stderr
        return
    with sqlite_server.engine.connect() as conn:
        row = conn.execute(select(Staff).where(Staff.name == name)).one()
    assert (row.offline_verifier is not None) is (role == "manager")


def test_set_pin_gives_an_old_supervisor_an_offline_verifier(sqlite_server: Server) -> None:
    name = f"Old admin {uuid.uuid4().hex[:6]}"
    with sqlite_server.engine.begin() as conn:
        conn.execute(
            Staff.__table__.insert().values(
                id=uuid.uuid4(), venue_id=admin.venue_id(conn, VENUE_CODE), name=name,
                role="admin", pin_hash=hash_pin("4040", n=2**4), active=True,
            )
        )  # fmt: skip
    short = ashyq_central(sqlite_server, "set-pin", "--venue", VENUE_CODE, "--name", name,
                          env={"ASHYQ_CENTRAL_PIN": "4041"})  # fmt: skip
    assert short.returncode == 2 and "8 to 12 digits" in short.stderr
    done = ashyq_central(sqlite_server, "set-pin", "--venue", VENUE_CODE, "--name", name,
                         env={"ASHYQ_CENTRAL_PIN": "404040404"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    with sqlite_server.engine.begin() as conn:
        row = conn.execute(select(Staff).where(Staff.name == name)).one()
        conn.execute(update(Staff).where(Staff.name == name).values(active=False))
    assert verify_pin("404040404", row.pin_hash) and row.offline_verifier is not None
