"""Supervisor approvals at a console: the server first, the wrapped verifiers when it is away.

A real `ashyq-central` with the demo venue (manager 33333333, admin 44444444, 8 digits, so /config
carries their verifiers wrapped with the station's pepper at the real cost: each offline check
takes a second or two on a busy machine), a console enrolled over HTTP, the test keyring.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import select

from app.core.pins import hash_pin, is_wrapped, verify_stored
from app.core.statuses import Role
from app.models.records import AuditLog
from app.models.venue import Staff
from app.services.auth import LoginRefused, station_auth
from app.services.sync_service import sync_once
from app.sync import secrets
from app.sync.client import SyncError
from central import admin
from central.db import Staff as CentralStaff
from central.db import make_engine
from tests.e2e.conftest import CentralProcess, MemoryKeyring, Station, server_rows

MANAGER, ADMIN, WRONG = "33333333", "44444444", "12345678"


def _audit(station: Station) -> list[tuple[str, str | None]]:
    with station.ctx.sessions() as session:
        rows = session.scalars(select(AuditLog).order_by(AuditLog.id)).all()
        return [(r.action, (r.details or {}).get("via")) for r in rows if r.action != "login"]


def test_approval_online_then_offline_with_the_local_verifier(
    central: CentralProcess, make_station: Callable[..., Station]
) -> None:
    station = make_station(central)
    auth = station_auth(station.ctx)
    assert station.ctx.pin_pepper is not None and len(station.ctx.pin_pepper) == 32
    member = auth.approve(MANAGER, action="door_override", details={"visit": "v1"})
    assert (member.name, member.role) == ("Manager (demo)", Role.MANAGER)
    with pytest.raises(LoginRefused) as wrong:
        auth.approve(WRONG, action="door_override", details={"visit": "v2"})
    assert wrong.value.code == "wrong_pin"
    assert server_rows(central, "SELECT action, outcome FROM approvals ORDER BY id") == [
        ("door_override", "approved"),
        ("door_override", "wrong_pin"),
    ]

    central.stop()  # the network is gone: the wrapped verifiers and the keyring's pepper decide
    member = auth.approve(ADMIN, action="refund_override", details={"refund": "r1"})
    assert member.role is Role.ADMIN
    with pytest.raises(LoginRefused) as offline_wrong:
        auth.approve(WRONG, action="refund_override", details={"refund": "r2"})
    assert offline_wrong.value.code == "wrong_pin"
    assert _audit(station) == [
        ("door_override", "server"),
        ("door_override_refused", "server"),
        ("refund_override", "offline"),
        ("refund_override_refused", "offline"),
    ]


def test_the_console_database_alone_tests_no_supervisor_pin(
    central: CentralProcess, make_station: Callable[..., Station]
) -> None:
    station = make_station(central)
    with station.ctx.sessions() as session:
        kept = {s.name: s.pin_hash for s in session.scalars(select(Staff))}
    wrapped = kept["Admin (demo)"]
    assert is_wrapped(wrapped) and is_wrapped(kept["Manager (demo)"])
    assert not verify_stored(ADMIN, wrapped)  # a stolen SQLite file: nothing to test against
    assert verify_stored(ADMIN, wrapped, station.ctx.pin_pepper)  # with the keyring's pepper
    assert station.ctx.pin_pepper is not None
    assert station.ctx.pin_pepper not in station.db_bytes()


def test_too_many_wrong_pins_lock_approvals_on_the_server(
    central: CentralProcess, make_station: Callable[..., Station]
) -> None:
    auth = station_auth(make_station(central).ctx)
    for _ in range(5):
        with pytest.raises(LoginRefused) as refused:
            auth.approve(WRONG, action="door_override", details={})
        assert refused.value.code == "wrong_pin"
    with pytest.raises(LoginRefused) as locked:
        auth.approve(MANAGER, action="door_override", details={})
    assert locked.value.code == "locked_out" and 1 <= locked.value.retry_after_s <= 60


def test_a_short_supervisor_pin_logs_in_only_online(
    central: CentralProcess, make_station: Callable[..., Station]
) -> None:
    """A manager whose 4-digit PIN predates the rule: no verifier reaches the station."""
    engine = make_engine(central.database_url)
    old_id = uuid.uuid4()
    with engine.begin() as conn:
        conn.execute(
            CentralStaff.__table__.insert().values(
                id=old_id, venue_id=admin.venue_id(conn, "DEMO"), name="Old manager",
                role="manager", pin_hash=hash_pin("5050"), active=True,
            )
        )  # fmt: skip
    engine.dispose()
    station = make_station(central)
    auth = station_auth(station.ctx)
    with station.ctx.sessions() as session:
        assert session.get(Staff, old_id).pin_hash == ""  # type: ignore[union-attr]
    assert auth.login(old_id, "5050").name == "Old manager"  # the server checked it
    with pytest.raises(LoginRefused) as wrong:
        auth.login(old_id, "5051")
    assert wrong.value.code == "wrong_pin"
    central.stop()
    with pytest.raises(LoginRefused) as offline:
        auth.login(old_id, "5050")
    assert offline.value.code == "needs_server"


def test_a_station_enrolled_before_peppers_asks_for_one_once(
    central: CentralProcess, make_station: Callable[..., Station], memory_keyring: MemoryKeyring
) -> None:
    station = make_station(central)
    with contextlib.closing(sqlite3.connect(central.db_path)) as conn, conn:
        conn.execute("UPDATE stations SET pin_pepper = NULL")
    memory_keyring.entries.pop(("ashyq-console", "default/pin-pepper"))
    station.ctx.pin_pepper = None  # as open_station finds such a station's keyring
    report = sync_once(station.ctx)
    assert report.config_pulled, report.errors
    pepper = station.ctx.pin_pepper
    assert pepper is not None and secrets.load().pin_pepper == pepper
    with station.ctx.sessions() as session:
        wrapped = next(s.pin_hash for s in session.scalars(select(Staff)) if s.role is Role.ADMIN)
    assert verify_stored(ADMIN, wrapped, pepper)
    with pytest.raises(SyncError) as again:  # handed out once: a stolen token gets nothing now
        station.ctx.primary.issue_pin_pepper()  # type: ignore[union-attr]
    assert again.value.status_code == 409
