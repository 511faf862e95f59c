"""Station roles, revocation, token expiry and rotation (central/roles.py, central/stations.py)."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from alembic import command
from fastapi.routing import APIRoute
from sqlalchemy import update

from app.sync.protocol import API_PREFIX, StationRole, VenueConfig
from central import admin, api, roles, stream
from central.db import Station, UtcDateTime, make_engine
from central.db_setup import alembic_config, migrate
from tests.central.harness import Postgres, Server
from tests.central.test_cli_and_schema import ashyq_central

# One call per role-table entry; bodies that pass the role check but fail validation (422), so a
# probe never stores anything. The key is the table's ("METHOD path").
PROBES: dict[str, tuple[str, str, Any]] = {
    "GET /status/{iin}": ("GET", "/status/900101300106", None),
    "GET /status/passport/{number}": ("GET", "/status/passport/N12345678", None),
    "POST /visits": ("POST", "/visits", {"events": []}),
    "POST /tickets/{code}/redeem": ("POST", "/tickets/DEMOS1/redeem", {}),
    "GET /checkins/stream": ("GET", "/checkins/stream", None),
    "POST /refunds": ("POST", "/refunds", {"events": []}),
    "GET /orders": ("GET", "/orders", None),
    "GET /config": ("GET", "/config", None),
}


def call(server: Server, token: str, key: str) -> httpx.Response:
    """One probe; a stream is opened, its status read, and closed."""
    method, path, body = PROBES[key]
    with server.client(token) as client:
        if path == "/checkins/stream":
            with client.stream(method, path) as reply:
                reply.read() if not reply.is_success else None
                return reply
        return client.request(method, path, json=body)


def test_every_station_route_is_in_the_role_table() -> None:
    keys = {
        roles.endpoint_key(method, route.path)
        for router in (api.router, stream.router)
        for route in router.routes
        if isinstance(route, APIRoute) and route.path not in ("/health", "/enroll")
        for method in route.methods
    }
    assert keys == set(roles.ENDPOINT_ROLES)
    # every role may call these three: rotation is tested below, approvals and the pepper in
    # tests/central/test_pins.py
    assert set(PROBES) == keys - {"POST /token/rotate", "POST /approvals", "POST /pin-pepper"}


@pytest.mark.parametrize("key", sorted(PROBES))
@pytest.mark.parametrize("role", list(StationRole))
def test_each_role_calls_only_its_endpoints(server: Server, role: StationRole, key: str) -> None:
    token = server.enroll(role=role.value, name=f"{role.value} probe")["token"]
    reply = call(server, token, key)
    if role in roles.ENDPOINT_ROLES[key]:
        assert reply.status_code not in (401, 403), reply.text
    else:
        assert reply.status_code == 403, reply.text
        assert reply.json()["code"] == "forbidden_role"
        assert role.value in reply.json()["message"]


def test_the_table_keeps_doors_from_refunds_and_box_offices_from_the_door() -> None:
    assert not roles.allows(StationRole.DOOR, "POST /refunds")
    assert not roles.allows(StationRole.BOX_OFFICE, "POST /visits")
    assert not roles.allows(StationRole.BOX_OFFICE, "GET /status/{iin}")
    assert not roles.allows(StationRole.DOOR, "POST /not-listed-yet")  # unlisted: office only
    assert roles.allows(StationRole.OFFICE, "POST /not-listed-yet")
    assert roles.allows(StationRole.DOOR, "POST /approvals")  # a supervisor at the door


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (StationRole.DOOR, {"door", "manager", "admin"}),
        (StationRole.BOX_OFFICE, {"cashier", "manager", "admin"}),
        (StationRole.OFFICE, {"manager", "admin"}),
        (StationRole.COMBINED, {"door", "cashier", "manager", "admin"}),
    ],
)
def test_config_carries_only_the_staff_a_role_needs(
    server: Server, role: StationRole, expected: set[str]
) -> None:
    token = server.enroll(role=role.value)["token"]
    with server.client(token) as client:
        reply = client.get("/config")
    config = VenueConfig.model_validate(reply.json())
    assert {s.role.value for s in config.staff} == expected
    assert reply.headers["X-Station-Role"] == role.value
    assert datetime.fromisoformat(reply.headers["X-Token-Expires"]) > datetime.now(UTC)


def test_enrollment_answers_the_role_and_the_expiry(server: Server) -> None:
    before = datetime.now(UTC)
    enrolled = server.enroll(role="box_office")
    assert enrolled["role"] == "box_office"
    expires = datetime.fromisoformat(enrolled["token_expires_at"])
    assert before + timedelta(days=89) < expires < before + timedelta(days=91)


def test_a_console_older_than_roles_still_parses_its_enrollment(server: Server) -> None:
    """Without the features header the answer has exactly the old fields (Wire forbids extras)."""
    code = server.issue_code(role="door")
    reply = httpx.post(
        f"{server.url}{API_PREFIX}/enroll", json={"code": code, "station_name": "Old console"}
    )
    assert set(reply.json()) == {
        "station_id", "venue_code", "token", "pseudonym_key", "server_public_key",
    }  # fmt: skip


def _follow(server: Server, token: str, opened: threading.Event, out: dict[str, Any]) -> None:
    """Read the check-in stream until the server ends it (the read timeout is the deadline)."""
    try:
        with (
            server.client(token) as client,
            client.stream("GET", "/checkins/stream", timeout=httpx.Timeout(5, read=20)) as reply,
        ):
            out["status"] = reply.status_code
            for line in reply.iter_lines():
                if line.startswith("retry:"):
                    opened.set()
            out["ended_at"] = time.monotonic()
    except Exception as exc:  # noqa: BLE001 - reported to the test thread
        out["error"] = exc
    finally:
        opened.set()


def test_a_revoked_station_is_refused_everywhere_and_its_stream_ends(server: Server) -> None:
    enrolled = server.enroll(role="combined", name="to revoke")
    token = enrolled["token"]
    opened, out = threading.Event(), {}
    follower = threading.Thread(target=_follow, args=(server, token, opened, out), daemon=True)
    follower.start()
    assert opened.wait(30) and "error" not in out and out["status"] == 200

    done = ashyq_central(server, "revoke-station", "--station", enrolled["station_id"])
    assert done.returncode == 0, done.stderr
    revoked_at = time.monotonic()
    follower.join(30)
    assert not follower.is_alive() and "error" not in out, out
    assert out["ended_at"] - revoked_at < 10  # rechecked every 2 s; generous for a busy machine

    for key in [*PROBES, "POST /token/rotate"]:
        method, path, body = PROBES.get(key, ("POST", "/token/rotate", None))
        with server.client(token) as client:
            reply = client.request(method, path, json=body)
        assert reply.status_code == 401, (key, reply.text)
        assert reply.json()["code"] == "revoked"
    listing = ashyq_central(server, "list-stations", "--venue", "DEMO")
    line = next(x for x in listing.stdout.splitlines() if enrolled["station_id"] in x)
    assert line.split("\t")[1:3] == ["to revoke", "combined"]
    assert line.split("\t")[-1] != "-"  # the revocation moment


def test_revoking_an_unknown_station_is_refused(sqlite_server: Server) -> None:
    done = ashyq_central(
        sqlite_server, "revoke-station", "--station", "7f1c1c56-6f0c-4c47-9a55-0d7e1b0b5f10"
    )
    assert done.returncode == 2 and "No station" in done.stderr


def test_an_expired_token_is_refused(server: Server) -> None:
    enrolled = server.enroll()
    with server.engine.begin() as conn:
        conn.execute(
            update(Station)
            .where(Station.id == uuid.UUID(enrolled["station_id"]))
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    with server.client(enrolled["token"]) as client:
        for reply in (client.get("/config"), client.get("/status/900101300106")):
            assert reply.status_code == 401
            assert reply.json()["code"] == "token_expired"


def _config(server: Server, token: str) -> httpx.Response:
    with server.client(token) as client:
        return client.get("/config")


def _rotate(server: Server, token: str) -> dict[str, Any]:
    with server.client(token) as client:
        reply = client.post("/token/rotate")
    assert reply.status_code == 200, reply.text
    body: dict[str, Any] = reply.json()
    return body


def test_rotation_keeps_the_old_token_until_the_new_one_is_used(server: Server) -> None:
    first = server.enroll(role="door")["token"]
    second = _rotate(server, first)
    assert second["token"] != first
    assert _config(server, first).status_code == 200  # the answer may have been lost: still ok
    assert _config(server, second["token"]).status_code == 200  # the new one is used ...
    refused = _config(server, first)  # ... so the old one is gone
    assert (refused.status_code, refused.json()["code"]) == (401, "unauthorized")
    headers = _config(server, second["token"]).headers
    expires = datetime.fromisoformat(headers["X-Token-Expires"])
    assert expires == datetime.fromisoformat(second["expires_at"])
    assert headers["X-Station-Role"] == "door"  # rotation keeps the role


def test_a_lost_rotation_answer_never_locks_the_station_out(server: Server) -> None:
    held = server.enroll()["token"]
    lost = _rotate(server, held)["token"]  # the console never hears this answer
    again = _rotate(server, held)["token"]  # so it rotates again with the token it holds
    assert _config(server, lost).status_code == 401  # the unheard token was replaced
    assert _config(server, held).status_code == 200
    assert _config(server, again).status_code == 200
    assert _config(server, held).status_code == 401


def test_issue_code_needs_a_known_role(sqlite_server: Server) -> None:
    missing = ashyq_central(sqlite_server, "issue-code", "--venue", "DEMO")
    assert missing.returncode != 0 and "--role" in missing.stderr
    made = ashyq_central(sqlite_server, "issue-code", "--venue", "DEMO", "--role", "box_office")
    assert made.returncode == 0
    reply = httpx.post(
        f"{sqlite_server.url}{API_PREFIX}/enroll",
        json={"code": made.stdout.strip(), "station_name": "Till 1"},
        headers={"X-Ashyq-Features": "station-roles"},
    )
    assert reply.json()["role"] == "box_office"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.db'}"
    pg: Postgres = request.getfixturevalue("postgres")
    return pg.create_database(f"old_{uuid.uuid4().hex[:8]}")


def test_stations_enrolled_before_roles_keep_working(empty_database: str) -> None:
    """0001 -> 0004_stations: an installed console's station becomes combined, with a term."""
    engine = make_engine(empty_database)
    cfg = alembic_config(empty_database)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    old = sa.table("stations", sa.column("id", sa.Uuid()),
                   *(sa.column(c) for c in ("venue_id", "name", "token_hash")),
                   sa.column("created_at", UtcDateTime()))  # fmt: skip
    station_id = uuid.uuid4()
    with engine.begin() as conn:
        venue = admin.create_venue(conn, code="OLD", name="Old", bin_number="190540001200")
        conn.execute(old.insert().values(id=station_id, venue_id=venue, name="Door",
                                         token_hash="ab" * 32,
                                         created_at=datetime.now(UTC) - timedelta(days=400)))  # fmt: skip
    migrate(engine)
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(Station.role, Station.expires_at, Station.previous_token_hash).where(
                Station.id == station_id
            )
        ).one()
    engine.dispose()
    assert row.role == "combined" and row.previous_token_hash is None
    assert datetime.now(UTC) + timedelta(days=89) < row.expires_at
