"""`ashyq-central serve --workers 2` on PostgreSQL: what one worker does, the other sees.

Every answer names its worker (X-Ashyq-Worker, an opaque per-process name). A request on a fresh
connection goes to whichever worker accepts it first, so the tests send on fresh connections until
both workers have answered, bounded by a count, never by a sleep.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.statuses import Status
from central.demo import DEMO_IINS
from tests import timing
from tests.central.conftest import GENEROUS
from tests.central.harness import ROOT, Postgres, Server, remove, start_server

WORKER = "x-ashyq-worker"
BURST = 10
TRIES = 400  # fresh connections before a test gives up on meeting the other worker


@pytest.fixture(scope="module")
def two_workers(postgres: Postgres) -> Iterator[Server]:
    # The stream's unprompted poll is an hour: a check-in can reach it only by notification.
    # The station limit is tight (BURST at once, then one lookup per 1,000 s) for the shared-limit
    # test; the other tests here make no status lookups.
    server = start_server(
        postgres.create_database("central_workers"), *GENEROUS, "--workers", "2",
        "--stream-poll", "3600", "--station-burst", str(BURST), "--station-rate", "0.001",
    )  # fmt: skip
    yield server
    remove(server)


class Stream:
    """The check-in stream read in a thread: its worker, and every event as it arrives."""

    def __init__(self, server: Server, token: str) -> None:
        self.server, self.token = server, token
        self.worker = ""
        self.events: list[str] = []
        self.error: Exception | None = None
        self.ready = threading.Event()
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            with (
                self.server.client(self.token) as client,
                client.stream(
                    "GET", "/checkins/stream", timeout=httpx.Timeout(10, read=timing.seconds(30))
                ) as reply,
            ):
                self.worker = reply.headers[WORKER]
                for line in reply.iter_lines():
                    if line.startswith("retry:"):
                        self.ready.set()
                    elif line.startswith("data:"):
                        with self.changed:
                            self.events.append(line[5:])
                            self.changed.notify_all()
        except Exception as exc:  # noqa: BLE001 - reported to the test thread
            self.error = exc
        finally:
            self.ready.set()
            with self.changed:
                self.changed.notify_all()

    def wait_for(self, count: int) -> bool:
        with self.changed:
            return (
                self.changed.wait_for(
                    lambda: len(self.events) >= count or self.error is not None, timing.seconds(20)
                )
                and len(self.events) >= count
            )


@pytest.mark.postgres
def test_a_check_in_through_one_worker_reaches_a_stream_on_the_other(two_workers: Server) -> None:
    stream = Stream(
        two_workers, two_workers.enroll(role="door", name="door on one worker")["token"]
    )
    assert stream.ready.wait(timing.seconds(30)) and stream.error is None, stream.error
    # Visitors check in, one at a time, each event awaited before the next check-in, until one
    # lands on the other worker. The stream reads the table only when notified (its poll is an
    # hour), so the last event came by a notification from the other process.
    posted: list[str] = []
    for i in range(100):
        page = httpx.post(
            f"{two_workers.url}/v/DEMO", data={"iin": DEMO_IINS[Status.GREEN][0], "lang": "en"}
        )
        assert page.status_code == 200
        posted.append(page.headers[WORKER])
        assert stream.wait_for(i + 1), (posted, stream.events, stream.error)
        if posted[-1] != stream.worker:
            break
    assert posted[-1] != stream.worker, "never reached the second worker"
    assert len(stream.events) == len(posted)
    assert '"status":"green"' in stream.events[-1]


@pytest.mark.postgres
def test_a_rate_limit_is_shared_by_the_workers(two_workers: Server) -> None:
    token = two_workers.enroll(role="door", name="door counted twice")["token"]
    number = DEMO_IINS[Status.GREEN][0]
    answers: list[tuple[str, int]] = []
    for _ in range(TRIES):
        with two_workers.client(token) as api:  # a fresh connection each time
            reply = api.get(f"/status/{number}")
        answers.append((reply.headers[WORKER], reply.status_code))
        if len(answers) >= 3 * BURST and len({w for w, _ in answers}) == 2:
            break
    workers = {w for w, _ in answers}
    allowed = [w for w, code in answers if code == 200]
    assert len(workers) == 2, "never reached the second worker"
    assert {code for _, code in answers} == {200, 429}
    # One bucket: the burst is spent once across both processes (two buckets would allow 2 x).
    assert len(allowed) == BURST, answers


@pytest.mark.postgres
def test_a_ticket_is_redeemed_once_across_workers(two_workers: Server) -> None:
    _number, session, (code,) = two_workers.make_order(tickets=1)
    tokens = [two_workers.enroll(name=f"door {i}")["token"] for i in range(4)]
    body = {"door": "1", "at": datetime.now(UTC).isoformat(), "session_id": session}

    def try_door(i: int) -> tuple[str, dict[str, Any]]:
        with two_workers.client(tokens[i % 4]) as api:
            reply = api.post(f"/tickets/{code}/redeem", json={**body, "nonce": str(uuid.uuid4())})
        assert reply.status_code == 200, reply.text
        return reply.headers[WORKER], reply.json()

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(try_door, range(24)))
    assert len({w for w, _ in answers}) == 2, "all answered by one worker"
    assert [a["code"] for _, a in answers].count("redeemed") == 1
    assert all(a["code"] == "already_used" for _, a in answers if not a["ok"])


def test_several_workers_on_sqlite_are_refused() -> None:
    with tempfile.TemporaryDirectory() as data:
        done = subprocess.run(
            [sys.executable, "-m", "central.cli", "serve", "--data-dir", data, "--workers", "2",
             "--port", "0"],
            cwd=ROOT, capture_output=True, text=True, timeout=timing.seconds(60),
        )  # fmt: skip
        assert not (Path(data) / "central.db").exists()  # refused before anything was made
    assert done.returncode == 2
    assert "--workers above 1 needs PostgreSQL" in done.stderr
