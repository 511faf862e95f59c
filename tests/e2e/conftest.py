"""End-to-end fixtures: a real `ashyq-central` process on loopback, a console database, a keyring.

Every test gets its own server process (SQLite file, key file and log in the test's temp
folder) and its own in-memory keyring backend, so a station's token can be looked for later in
the files it must never reach. Servers are started with `python3 -m central.cli serve` exactly
as a venue would, and waited for by polling /health with a deadline.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import keyring
import keyring.backend
import keyring.errors
import pytest

from app.services.context import StationContext, open_station
from app.services.sync_service import enroll
from tests import timing

ROOT = Path(__file__).resolve().parents[2]
ENROLL_CODE = "TEST-DOOR-0001"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The tests' own keyring: a dict, so nothing lands in the real OS keyring or a file."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(predicate: Callable[[], bool], *, timeout: float = 20.0, what: str = "") -> None:
    """Poll a condition with a deadline (no fixed sleeps); `timeout` is for an idle machine and
    is stretched by tests/timing.py's scale."""
    deadline = time.monotonic() + timing.seconds(timeout)
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what or predicate}")


@dataclass
class CentralProcess:
    """One `ashyq-central serve` process; restartable on the same port, database and keys."""

    folder: Path
    port: int = field(default_factory=free_port)
    extra: tuple[str, ...] = ()
    name: str = "central"
    proc: subprocess.Popen[bytes] | None = None

    @property
    def db_path(self) -> Path:
        return self.folder / "central.sqlite3"

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.db_path}"

    @property
    def key_file(self) -> Path:
        return self.folder / "server-keys.json"

    @property
    def log_path(self) -> Path:
        return self.folder / f"{self.name}.log"

    @property
    def out_path(self) -> Path:
        return self.folder / f"{self.name}.out"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "central.cli", "serve",
            "--host", "127.0.0.1", "--port", str(self.port),
            "--database-url", self.database_url, "--key-file", str(self.key_file),
            "--data-dir", str(self.folder), "--log-file", str(self.log_path),
            "--demo-data", "--demo-enroll-code", ENROLL_CODE, *self.extra,
        ]  # fmt: skip

    def start(self) -> CentralProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.folder.mkdir(parents=True, exist_ok=True)
        log = self.out_path.open("ab")
        self.proc = subprocess.Popen(
            self.command(), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        try:
            wait_until(self.healthy, timeout=30, what=f"{self.name} to answer /health")
        except BaseException:
            self.kill()
            raise
        return self

    def healthy(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise AssertionError(f"{self.name} exited: {self.out_path.read_text()[-2000:]}")
        try:
            return httpx.get(f"{self.url}/api/v1/health", timeout=0.5).status_code == 200
        except httpx.HTTPError:
            return False

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as when the power goes or the process is killed."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None

    def admin(self, *args: str) -> str:
        """An `ashyq-central` admin subcommand against this server's database."""
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        cmd = [
            sys.executable, "-m", "central.cli", *args,
            "--database-url", self.database_url, "--key-file", str(self.key_file),
        ]  # fmt: skip
        done = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timing.seconds(60)
        )
        assert done.returncode == 0, done.stderr
        return done.stdout


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralProcess]:
    server = CentralProcess(tmp_path / "server").start()
    yield server
    server.stop()


@pytest.fixture
def make_central(tmp_path: Path) -> Iterator[Callable[..., CentralProcess]]:
    """More server processes (a fallback sharing the database, a second venue ...)."""
    started: list[CentralProcess] = []

    def make(
        folder: Path | None = None, name: str = "central2", **kwargs: object
    ) -> CentralProcess:
        server = CentralProcess(folder or tmp_path / "server", name=name, **kwargs)  # type: ignore[arg-type]
        started.append(server.start())
        return server

    yield make
    for server in started:
        server.stop()


def feed_file(folder: Path, statuses: dict[str, str], set_at: str) -> Path:
    path = folder / "feed.json"
    path.write_text(
        json.dumps([{"iin": iin, "status": st, "set_at": set_at} for iin, st in statuses.items()]),
        encoding="utf-8",
    )
    return path


class Clock:
    """The console's clock, moved by the test (cache ages, back-off), starting at real now."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Station:
    ctx: StationContext
    clock: Clock
    db_path: Path

    def db_bytes(self) -> bytes:
        """The database file and its WAL, as a thief copying the folder would get them."""
        out = b""
        for suffix in ("", "-wal", "-journal"):
            path = Path(f"{self.db_path}{suffix}")
            if path.exists():
                out += path.read_bytes()
        return out


@pytest.fixture
def make_station(tmp_path: Path) -> Iterator[Callable[..., Station]]:
    """Enroll a console against a server: real HTTP, real SQLite file, the test keyring."""
    opened: list[StationContext] = []

    def make(
        server: CentralProcess,
        *,
        name: str = "door 1",
        code: str = ENROLL_CODE,
        fallback_url: str | None = None,
        server_url: str | None = None,
        profile: str = "default",
        budget_s: float = 0.8,
        timeout_s: float = 5.0,
    ) -> Station:
        db_path = tmp_path / f"console-{profile}.sqlite3"
        clock = Clock()
        enroll(server_url or server.url, code, name, db_path, fallback_url=fallback_url,
               profile=profile, clock=clock)  # fmt: skip
        ctx = open_station(db_path, profile=profile, budget_s=budget_s, timeout_s=timeout_s,
                           clock=clock)  # fmt: skip
        opened.append(ctx)
        return Station(ctx, clock, db_path)

    yield make
    for ctx in opened:
        ctx.close()


def server_rows(server: CentralProcess, sql: str) -> list[tuple[object, ...]]:
    """Read the server's database directly: what was really stored, not what the API says."""
    with contextlib.closing(sqlite3.connect(server.db_path, timeout=10)) as conn:
        return list(conn.execute(sql))


WEDNESDAY_NOON = datetime(2026, 11, 18, 12, 0, tzinfo=ZoneInfo("Asia/Almaty"))


def queue_offline_visits(station: Station, count: int, *, seed: int = 1) -> list[str]:
    """Visits recorded while the server was away, as the door leaves them: the visit row (with
    the IIN sealed for the server) and its outbox row, in one transaction per thousand.

    The door's own `check` writes the same rows one scan at a time; this is the same shape in
    bulk, so a day of traffic takes seconds. Returns the visit ids.
    """
    from sqlalchemy import insert

    from app.core.pseudonym import pseudonym
    from app.core.statuses import Direction, InputMethod, Status, StatusSource, Verdict
    from app.models.records import Outbox, OutboxKind
    from app.models.visits import VisitEvent as VisitRow
    from app.sync import protocol as p
    from app.sync.sealing import public_key_from_b64, seal_iin
    from central.demo import valid_number

    ctx = station.ctx
    sealer = public_key_from_b64(ctx.venue().server_public_key)
    start = station.clock() - timedelta(days=1)
    ids: list[str] = []
    for offset in range(0, count, 1000):
        visits, outbox = [], []
        for i in range(offset, min(count, offset + 1000)):
            iin = valid_number(f"{seed % 10}{i:09d}")  # real-looking: the server validates it
            event = p.VisitEvent(
                id=uuid.uuid4(), occurred_at=start + timedelta(seconds=i), direction=Direction.ENTRY,
                method=InputMethod.WEDGE, status=Status.GREEN, status_source="cache",
                status_age_s=60, verdict=Verdict.ADMIT, reason="green",
                person=pseudonym(ctx.pseudonym_key, iin), door=ctx.door, offline=True,
            )  # fmt: skip
            row = event.model_dump(exclude={"sealed_iin"})
            row.update(sealed_iin=seal_iin(iin, sealer), status_source=StatusSource.CACHE, note="")
            visits.append(row)
            payload = event.model_dump(mode="json", exclude={"sealed_iin"})
            outbox.append({"kind": OutboxKind.VISIT, "entity_id": event.id, "payload": payload,
                           "created_at": station.clock(), "attempts": 0})  # fmt: skip
            ids.append(str(event.id))
        with ctx.sessions.begin() as session:
            session.execute(insert(VisitRow), visits)
            session.execute(insert(Outbox), outbox)
    return ids
