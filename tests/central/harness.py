"""Real servers for the central tests: `ashyq-central serve` subprocesses and a PostgreSQL.

Each server is the shipped command line in its own process, on a free loopback port, with its own
data folder, log file and key file; tests talk to it over HTTP and read its database directly
with the same SQLAlchemy models only to check what was stored.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import Engine, select

from central import admin
from central.db import EventSession, Order, Ticket, make_engine
from central.demo import VENUE_CODE
from tests import timing

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
DEMO_CODE = "DEMO-TEST-CODE"


def wait_until(predicate: Callable[[], bool], *, timeout: float = 20.0, what: str = "") -> None:
    """Poll a condition with a deadline stretched by tests/timing.py's scale (no fixed sleeps)."""
    deadline = time.monotonic() + timing.seconds(timeout)
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what or predicate}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """One `ashyq-central serve` process."""

    data_dir: Path
    database_url: str
    extra: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    _engine: Engine | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "central.log"

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.database_url)
        return self._engine

    def start(self) -> Server:
        self.port = free_port()
        cmd = [sys.executable, "-m", "central.cli", "serve", "--data-dir", str(self.data_dir),
               "--database-url", self.database_url, "--port", str(self.port),
               "--log-file", str(self.log_file), *self.extra]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(ROOT), **self.env}
        with (self.data_dir / "stdout.txt").open("ab") as out:
            self.process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=out)
        deadline = time.monotonic() + timing.seconds(60)
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {(self.data_dir / 'stdout.txt').read_text()}")
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # --- what a test sets up through the administrator's functions ------------------------

    def issue_code(
        self, venue: str = VENUE_CODE, ttl: timedelta = timedelta(hours=1), role: str = "combined"
    ) -> str:
        with self.engine.begin() as conn:
            return admin.issue_code(conn, venue, role=role, ttl=ttl)

    def enroll(
        self, venue: str = VENUE_CODE, name: str = "door-test", role: str = "combined"
    ) -> dict[str, str]:
        code = self.issue_code(venue, role=role)
        response = httpx.post(
            f"{self.url}/api/v1/enroll",
            json={"code": code, "station_name": name},
            headers={"X-Ashyq-Features": "station-roles"},  # as the console sends it
        )
        assert response.status_code == 200, response.text
        body: dict[str, str] = response.json()
        return body

    def client(self, token: str | None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=f"{self.url}/api/v1", headers=headers, timeout=30)

    def make_order(
        self,
        tickets: int = 1,
        venue: str = VENUE_CODE,
        starts_in: timedelta = timedelta(hours=3),
        *,
        price_tiyn: int = 200_000,
        organizer: str = "kinopark",
        session: str | None = None,
    ) -> tuple[str, str, list[str]]:
        """A fresh order (number, session id, ticket codes) so tests never share tickets.

        `session` puts the order in an existing session (by external id) instead of a new one.
        """
        tag = uuid.uuid4().hex[:10].upper()
        starts = datetime.now(UTC) + starts_in
        with self.engine.begin() as conn:
            vid = admin.venue_id(conn, venue)
            external = session or f"S-{tag}"
            if session is None:
                session_id = conn.execute(
                    EventSession.__table__.insert()
                    .values(venue_id=vid, external_id=external, title="Test", starts_at=starts)
                    .returning(EventSession.__table__.c.id)
                ).scalar_one()
            else:
                session_id = conn.execute(
                    select(EventSession.id).where(
                        EventSession.venue_id == vid, EventSession.external_id == session
                    )
                ).scalar_one()
            order_id = conn.execute(
                Order.__table__.insert()
                .values(venue_id=vid, number=f"T-{tag}", organizer=organizer,
                        session_id=session_id, modified_at=datetime.now(UTC))
                .returning(Order.__table__.c.id)
            ).scalar_one()  # fmt: skip
            codes = [f"T{tag}{i}" for i in range(tickets)]
            conn.execute(
                Ticket.__table__.insert(),
                [{"venue_id": vid, "order_id": order_id, "code": c, "tariff": "adult",
                  "price_tiyn": price_tiyn, "state": "valid", "printed_at_box_office": False}
                 for c in codes],
            )  # fmt: skip
        return f"T-{tag}", external, codes


def start_server(
    database_url: str | None, *extra: str, env: dict[str, str] | None = None
) -> Server:
    data_dir = Path(tempfile.mkdtemp(prefix="ashyq-central-test-"))
    url = database_url or f"sqlite:///{data_dir / 'central.db'}"
    return Server(data_dir=data_dir, database_url=url, extra=list(extra), env=env or {}).start()


def remove(server: Server) -> None:
    server.stop()
    shutil.rmtree(server.data_dir, ignore_errors=True)


# --- PostgreSQL -------------------------------------------------------------------------------


@dataclass
class Postgres:
    directory: Path
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:  # fmt: skip
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _runuser() -> str:
    """util-linux's runuser: in /usr/sbin, which a PATH made for a plain user may lack."""
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    found = shutil.which("runuser", path=search)
    if found is None:
        raise RuntimeError("runuser (util-linux) is needed to start PostgreSQL as root")
    return found


def _as_postgres(cmd: list[str]) -> list[str]:
    return [_runuser(), "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def start_postgres() -> Postgres:
    directory = Path(tempfile.mkdtemp(prefix="ashyq-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    data = directory / "data"
    subprocess.run(
        _as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--no-sync"]),
        check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    options = f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-w",
                      "-l", str(directory / "pg.log"), "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
    return Postgres(directory=directory, port=port)


def stop_postgres(pg: Postgres) -> None:
    subprocess.run(
        _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(pg.directory / "data"), "-m", "fast",
                      "-w", "stop"]),
        check=False, capture_output=True,
    )  # fmt: skip
    shutil.rmtree(pg.directory, ignore_errors=True)


def pause_postgres(pg: Postgres) -> None:
    """Stop the server but keep its data: resume_postgres starts it again on the same port."""
    subprocess.run(
        _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(pg.directory / "data"), "-m", "fast",
                      "-w", "stop"]),
        check=True, capture_output=True,
    )  # fmt: skip


def resume_postgres(pg: Postgres) -> None:
    options = f"-p {pg.port} -k {pg.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(pg.directory / "data"), "-o", options,
                      "-w", "-l", str(pg.directory / "pg.log"), "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
