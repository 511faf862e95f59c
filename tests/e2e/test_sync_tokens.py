"""The console's station token over its life against a real server: role, rotation, revocation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import httpx
import keyring.errors
import pytest
from sqlalchemy import select

from app.models.venue import Staff
from app.services.sync_service import station_role, sync_once
from app.sync.protocol import StationRole
from app.sync.pull import TOKEN_EXPIRES_KEY, get_setting
from tests.e2e.conftest import CentralProcess, MemoryKeyring, Station

TOKEN_ENTRY = ("ashyq-console", "default/station-token")


def config_status(server: CentralProcess, token: str) -> int:
    reply = httpx.get(
        f"{server.url}/api/v1/config", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    return reply.status_code


@pytest.fixture
def short_tokens(make_central: Callable[..., CentralProcess]) -> CentralProcess:
    """A server whose tokens live 10 days: inside the console's 30-day rotation window."""
    return make_central(name="short", extra=("--token-days", "10"))


def test_the_console_rotates_its_token_before_it_expires(
    short_tokens: CentralProcess,
    make_station: Callable[..., Station],
    memory_keyring: MemoryKeyring,
) -> None:
    station = make_station(short_tokens)
    first = memory_keyring.entries[TOKEN_ENTRY]
    assert station_role(station.ctx) is StationRole.COMBINED  # the demo console does everything

    report = sync_once(station.ctx)
    assert report.errors == () and report.token_rotated_until is not None
    second = memory_keyring.entries[TOKEN_ENTRY]
    assert second != first  # kept in the keyring ...
    assert config_status(short_tokens, first) == 401  # ... and already in use: the old one is gone
    with station.ctx.sessions() as session:
        kept = datetime.fromisoformat(get_setting(session, TOKEN_EXPIRES_KEY))
    assert kept == report.token_rotated_until

    again = sync_once(station.ctx)  # at most one rotation a day
    assert again.errors == () and again.token_rotated_until is None
    station.clock.advance(days=1, minutes=1)
    later = sync_once(station.ctx)
    assert later.errors == () and later.token_rotated_until is not None
    assert memory_keyring.entries[TOKEN_ENTRY] not in (first, second)


def test_a_keyring_that_refuses_the_new_token_never_locks_the_console_out(
    short_tokens: CentralProcess,
    make_station: Callable[..., Station],
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    station = make_station(short_tokens)
    held = memory_keyring.entries[TOKEN_ENTRY]

    def refuse(service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    failed = sync_once(station.ctx)
    assert failed.token_rotated_until is None
    assert any(e.startswith("keyring_unavailable") for e in failed.errors)
    assert memory_keyring.entries[TOKEN_ENTRY] == held
    monkeypatch.undo()

    recovered = sync_once(station.ctx)  # the old token still works, and rotates again
    assert recovered.errors == () and recovered.token_rotated_until is not None
    assert config_status(short_tokens, memory_keyring.entries[TOKEN_ENTRY]) == 200


def test_a_door_station_knows_its_role_and_only_its_staff(
    central: CentralProcess, make_station: Callable[..., Station]
) -> None:
    code = central.admin("issue-code", "--venue", "DEMO", "--role", "door").strip().splitlines()
    station = make_station(central, code=code[-1], name="door 2")
    assert station_role(station.ctx) is StationRole.DOOR
    with station.ctx.sessions() as session:
        roles = {str(r) for r in session.scalars(select(Staff.role).where(Staff.active))}
    assert roles == {"door", "manager", "admin"}


def test_a_revoked_console_says_to_enroll_again(
    central: CentralProcess, make_station: Callable[..., Station]
) -> None:
    station = make_station(central)
    assert sync_once(station.ctx).errors == ()
    central.admin("revoke-station", "--station", str(station.ctx.station_id))
    report = sync_once(station.ctx)
    assert len(report.errors) == 1 and report.errors[0].startswith("revoked: ")
    assert "enrollment code" in report.errors[0] and "ashyq enroll" in report.errors[0]
