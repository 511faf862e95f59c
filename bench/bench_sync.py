"""How long a console takes to drain a day-long backlog of visits to a local central server.

Starts `ashyq-central serve` on loopback (temp SQLite, demo data), enrolls a station into a temp
console database with an in-memory keyring, queues N visits (default 100,000) as the door would
leave them after an outage (visit rows with sealed IINs plus outbox rows), then times the
outbox push until nothing is pending and checks the server stored exactly N. Target: < 30 s.

    python3 bench/bench_sync.py [--count 100000]

Prints the figures and writes them to bench/results/sync.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import socket
import sqlite3
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


def _start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    cmd = [
        sys.executable, "-m", "central.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
        "--database-url", f"sqlite:///{folder / 'central.sqlite3'}",
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
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        folder = Path(tmp)
        proc, url = _start_server(folder)
        try:
            db_path = folder / "console.sqlite3"
            enroll(url, CODE, "bench door", db_path)
            ctx = open_station(db_path, timeout_s=60)
            venue = ctx.venue()
            queue_s = _queue(db_path, args.count, ctx.pseudonym_key, venue.server_public_key)
            outbox = make_outbox(ctx)
            assert ctx.primary is not None
            in_http = _time_http(ctx.primary)
            began = time.perf_counter()
            report = outbox.push(ctx.primary, force=True)
            drain_s = time.perf_counter() - began
            ctx.close()
            stored = _server_count(folder / "central.sqlite3")
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=20)
    figures = {
        "benchmark": "sync_drain",
        "visits_queued": args.count,
        "queue_seconds": round(queue_s, 2),
        "drain_seconds": round(drain_s, 2),
        "visits_per_second": round(args.count / drain_s, 1),
        "seconds_waiting_for_server": round(in_http[0], 2),  # POST round trips, server side
        "seconds_in_console": round(drain_s - in_http[0], 2),  # read, seal-attach, acknowledge
        "pushed": report.pushed,
        "duplicates": report.duplicates,
        "pending_after": report.pending,
        "errors": list(report.errors),
        "server_rows": stored,
        "batch_size": p.MAX_BATCH,
        "target_seconds": 30,
        "met_target": drain_s < 30 and report.pending == 0 and stored == args.count,
        "machine": f"{platform.machine()} {os.cpu_count()} cpu, Python {platform.python_version()}",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    print(json.dumps(figures, indent=2))
    out = ROOT / "bench" / "results" / "sync.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


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


def _server_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM visits").fetchone()[0])


if __name__ == "__main__":
    main()
