"""The administrator's commands against a running server's database, and the schema's migrations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from central.db import Base, make_engine
from central.db_setup import migrate
from tests.central.harness import ROOT, Server

IIN_FEED = "031113500104"  # valid IIN not among the demo numbers


def ashyq_central(
    server: Server, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "central.cli", *args, "--data-dir", str(server.data_dir),
           "--database-url", server.database_url]  # fmt: skip
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})  # fmt: skip


def test_admin_commands_set_up_a_venue_that_a_console_can_use(
    sqlite_server: Server, tmp_path: Path
) -> None:
    made = ashyq_central(sqlite_server, "create-venue", "--code", "MALL1", "--name", "Mega Mall",
                         "--bin", "190540001200", "--category", "essential")  # fmt: skip
    assert made.returncode == 0, made.stderr
    staff = ashyq_central(sqlite_server, "create-staff", "--venue", "MALL1", "--name", "Aigerim",
                          "--role", "door", env={"ASHYQ_CENTRAL_PIN": "5678"})  # fmt: skip
    assert staff.returncode == 0, staff.stderr
    feed = tmp_path / "feed.csv"
    feed.write_text(
        "iin,status,set_at\n"
        f"{IIN_FEED},yellow,2026-11-20T10:00:00+05:00\n"
        "900101300107,red,2026-11-20T10:00:00+05:00\n",
        encoding="utf-8",
    )
    imported = ashyq_central(sqlite_server, "import-statuses", str(feed))
    assert imported.returncode == 2  # one line refused, and said which
    assert "1 statuses stored, 1 rejected" in imported.stdout
    assert "record 3" in imported.stdout and "900101300107" not in imported.stdout
    passports = tmp_path / "feed.json"
    passports.write_text(json.dumps([{"passport_number": "K7654321", "status": "blue",
                                      "set_at": "2026-11-20T10:00:00+05:00"}]))  # fmt: skip
    assert ashyq_central(sqlite_server, "import-statuses", str(passports)).returncode == 0
    code = ashyq_central(
        sqlite_server, "issue-code", "--venue", "MALL1", "--role", "door"
    ).stdout.strip()

    reply = httpx.post(
        f"{sqlite_server.url}/api/v1/enroll", json={"code": code, "station_name": "Gate"}
    )
    assert reply.status_code == 200 and reply.json()["venue_code"] == "MALL1"
    with sqlite_server.client(reply.json()["token"]) as api:
        config = api.get("/config").json()
        assert api.get(f"/status/{IIN_FEED}").json()["status"] == "yellow"
        assert api.get("/status/passport/K7654321").json()["status"] == "blue"
    assert config["venue"]["category"] == "essential"
    assert [s["name"] for s in config["staff"]] == ["Aigerim"]
    from app.core.pins import verify_pin

    assert verify_pin("5678", config["staff"][0]["pin_hash"])


def test_refused_admin_input_exits_2(sqlite_server: Server) -> None:
    bad_bin = ashyq_central(sqlite_server, "create-venue", "--code", "X1", "--name", "X",
                            "--bin", "190540001201")  # fmt: skip
    assert bad_bin.returncode == 2 and "BIN" in bad_bin.stderr
    version = subprocess.run([sys.executable, "-m", "central.cli", "--version"], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)  # fmt: skip
    assert version.stdout.startswith("ashyq-central ")


def test_config_carries_what_a_console_needs_offline(
    server: Server, station: dict[str, str]
) -> None:
    from app.core.pins import verify_pin

    with server.client(station["token"]) as api:
        config = api.get("/config").json()
    assert (
        config["venue"]["bin"] == "190540001200" and config["venue"]["time_zone"] == "Asia/Almaty"
    )
    pins = {s["name"]: s["pin_hash"] for s in config["staff"]}
    assert verify_pin("1111", pins["Door (demo)"]) and verify_pin("2222", pins["Cashier (demo)"])
    assert not verify_pin("1111", pins["Cashier (demo)"])
    # Supervisors: only a verifier wrapped with this station's pepper (tests/central/test_pins.py)
    assert all(pins[f"{who} (demo)"].startswith("scrypt-hmac$") for who in ("Admin", "Manager"))
    assert config["checkin_url"].endswith("/v/DEMO")
    assert "table" in config["admission_policy"]
    assert "organizers" in config["refund_rules"]


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'schema.db'}")
    migrate(engine)
    migrate(engine)  # a second start finds nothing to do
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []
