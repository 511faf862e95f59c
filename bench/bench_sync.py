"""How long a console takes to drain a day-long backlog of visits to a local central server.

Starts `ashyq-central serve` on loopback (temp SQLite, or a private PostgreSQL started from the
PostgreSQL 15 binaries as the tests do), enrolls a station into a temp console database with an
in-memory keyring, queues N visits (default 100,000) as the door would leave them after an
outage (visit rows with sealed IINs plus outbox rows), then times the outbox push until nothing
is pending and checks the server stored exactly N. The server acknowledges a batch once it is
stored; it opens the sealed IINs afterwards (central.seal_check), and the time until the last is
checked is reported too. Target: drain < 15 s. The machine's load average is recorded with the
figures: on a shared machine they are only comparable beside it.

    python3 bench/bench_sync.py [--count 100000] [--database sqlite|postgresql|both]

Prints the figures and writes them to bench/results/sync.json (SQLite) and
bench/results/sync_postgresql.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import keyring
import keyring.backend

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.pseudonym import pseudonym  # noqa: E402
from app.core.statuses import Direction, InputMethod, Status, StatusSource, Verdict  # noqa: E402
from app.models.records import Outbox as OutboxRow  # noqa: E402
from app.models.records import OutboxKind  # noqa: E402
from app.models.visits import VisitEvent as VisitRow  # noqa: E402
from app.services.context import open_station  # noqa: E402
from app.services.sync_service import enroll, make_outbox  # noqa: E402
from app.sync import protocol as p  # noqa: E402
from app.sync.client import CentralClient  # noqa: E402
from app.sync.sealing import public_key_from_b64, seal_iin  # noqa: E402
from tests.e2e.conftest import MemoryKeyring  # noqa: E402

CODE = "BENCH-DOOR-0001"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(folder: Path, database_url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    cmd = [
        sys.executable, "-m", "central.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
        "--database-url", database_url,
        "--key-file", str(folder / "server-keys.json"), "--demo-data", "--demo-enroll-code", CODE,
    ]  # fmt: skip
    log = (folder / "central.log").open("ab")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=0.5).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {(folder / 'central.log').read_text()[-2000:]}")
        time.sleep(0.05)
    raise SystemExit("server did not start")


def _queue(db_path: Path, count: int, key: bytes, public_key: str) -> float:
    """Insert `count` offline visits with their outbox rows, as the door leaves them."""
    from sqlalchemy import insert

    from app.models import open_engine, session_factory

    engine = open_engine(db_path)
    sessions = session_factory(engine, write=True)
    rng = random.Random(1)
    sealer = public_key_from_b64(public_key)
    start = datetime.now(UTC) - timedelta(days=1)
    began = time.perf_counter()
    for offset in range(0, count, 5000):
        visits, outbox = [], []
        for i in range(offset, min(count, offset + 5000)):
            iin = f"{rng.randrange(10**11):011d}0"  # the server sees only the sealed box
            event = p.VisitEvent(
                id=uuid.uuid4(), occurred_at=start + timedelta(seconds=i * 0.8),
                direction=Direction.ENTRY, method=InputMethod.WEDGE, status=Status.GREEN,
                status_source=str(StatusSource.CACHE), status_age_s=60, verdict=Verdict.ADMIT,
                reason="green", person=pseudonym(key, iin), door="bench", offline=True,
            )  # fmt: skip
            row = event.model_dump(exclude={"sealed_iin"})
            row.update(sealed_iin=seal_iin(iin, sealer), status_source=StatusSource.CACHE, note="")
            visits.append(row)
            outbox.append({"kind": OutboxKind.VISIT, "entity_id": event.id, "created_at": start,
                           "payload": event.model_dump(mode="json", exclude={"sealed_iin"}),
                           "attempts": 0})  # fmt: skip
        with sessions.begin() as session:
            session.execute(insert(VisitRow), visits)
            session.execute(insert(OutboxRow), outbox)
    engine.dispose()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    for database in ["sqlite", "postgresql"] if args.database == "both" else [args.database]:
        figures = run(database, args.count)
        print(json.dumps(figures, indent=2), flush=True)
        name = "sync.json" if database == "sqlite" else f"sync_{database}.json"
        out = ROOT / "bench" / "results" / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def run(database: str, count: int) -> dict[str, object]:
    from tests.central.harness import start_postgres, stop_postgres

    load_before = os.getloadavg()
    pg = start_postgres() if database == "postgresql" else None
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        folder = Path(tmp)
        url = pg.create_database("bench_sync") if pg else f"sqlite:///{folder / 'central.sqlite3'}"
        proc, server = _start_server(folder, url)
        try:
            db_path = folder / "console.sqlite3"
            enroll(server, CODE, "bench door", db_path)
            ctx = open_station(db_path, timeout_s=60)
            venue = ctx.venue()
            queue_s = _queue(db_path, count, ctx.pseudonym_key, venue.server_public_key)
            outbox = make_outbox(ctx)
            assert ctx.primary is not None
            in_http = _time_http(ctx.primary)
            cpu_before = _cpu([proc.pid]), _cpu(_postgres_pids(pg)), time.process_time()
            began = time.perf_counter()
            report = outbox.push(ctx.primary, force=True)
            drain_s = time.perf_counter() - began
            cpu_after = _cpu([proc.pid]), _cpu(_postgres_pids(pg)), time.process_time()
            load_during = os.getloadavg()
            ctx.close()
            checked_s = _wait_checked(url, began)
            stored = _server_count(url)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
            if pg is not None:
                stop_postgres(pg)
    batches = -(-count // p.MAX_BATCH)
    server_cpu = _spent(cpu_before[0], cpu_after[0])
    database_cpu = _spent(cpu_before[1], cpu_after[1])
    console_cpu = round(cpu_after[2] - cpu_before[2], 2)
    return {
        "benchmark": "sync_drain",
        "database": database,
        "visits_queued": count,
        "queue_seconds": round(queue_s, 2),
        "drain_seconds": round(drain_s, 2),
        "visits_per_second": round(count / drain_s, 1),
        "seconds_waiting_for_server": round(in_http[0], 2),  # POST round trips, server side
        "server_ms_per_batch": round(in_http[0] / batches * 1000, 1),
        "seconds_in_console": round(drain_s - in_http[0], 2),  # read, seal-attach, acknowledge
        # CPU seconds used during the drain: load-independent, unlike the wall-clock figures. A
        # drain is request after request, so on an idle machine it takes about their sum.
        "cpu_seconds_server_process": server_cpu,
        "cpu_seconds_postgresql": database_cpu,
        "cpu_seconds_console": console_cpu,
        "idle_machine_estimate_seconds": round(server_cpu + database_cpu + console_cpu, 1),
        "sealed_iins_all_checked_after_seconds": checked_s,  # from the drain's start
        "pushed": report.pushed,
        "duplicates": report.duplicates,
        "pending_after": report.pending,
        "errors": list(report.errors),
        "server_rows": stored,
        "batch_size": p.MAX_BATCH,
        "target_seconds": 15,
        "met_target": drain_s < 15 and report.pending == 0 and stored == count,
        "load_average_1m_before": round(load_before[0], 2),
        "load_average_1m_after_drain": round(load_during[0], 2),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu, Python {platform.python_version()}"
        + " (shared with other work: see the load averages)",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _time_http(client: CentralClient) -> list[float]:
    """Split the drain into the server's share and the console's: wrap the POST."""
    spent = [0.0]
    post = client.post_visits

    def timed(events: list[p.VisitEvent]) -> p.BatchResult:
        start = time.perf_counter()
        try:
            return post(events)
        finally:
            spent[0] += time.perf_counter() - start

    client.post_visits = timed  # type: ignore[method-assign,assignment]
    return spent


def _cpu(pids: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) each process has used so far (Linux /proc; {} elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / tick
    return used


def _postgres_pids(pg: object | None) -> list[int]:
    """The PostgreSQL server's processes: the postmaster and its children."""
    if pg is None:
        return []
    main = int((pg.directory / "data" / "postmaster.pid").read_text().split()[0])  # type: ignore[attr-defined]
    pids = [main]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == main:
                pids.append(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return pids


def _spent(before: dict[int, float], after: dict[int, float]) -> float:
    return round(sum(t - before.get(pid, 0.0) for pid, t in after.items()), 2)


def _server_count(url: str) -> int:
    from sqlalchemy import text

    from central.db import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM visits")).scalar_one())
    finally:
        engine.dispose()


def _wait_checked(url: str, began: float, limit_s: float = 600) -> float | None:
    """Seconds from the drain's start until no sealed IIN is left "pending" (None: not within)."""
    from sqlalchemy import text

    from central.db import make_engine

    engine = make_engine(url)
    try:
        while time.perf_counter() - began < limit_s:
            with engine.connect() as conn:
                left = conn.execute(
                    text("SELECT count(*) FROM trace_identities WHERE \"check\" = 'pending'")
                ).scalar_one()
            if left == 0:
                return round(time.perf_counter() - began, 2)
            time.sleep(0.5)
        return None
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
