"""One bad visit ahead of 999 good ones: one sync delivers the 999 and pulls, the bad one waits.

A loopback proxy between the console and a real `ashyq-central` answers 500 to any request
whose body holds the chosen visit's id (a server bug that one event trips); everything else
passes through. The console must isolate that visit, set it aside with the reason, still pull
config and orders, list it for a manager and deliver it on `ashyq outbox retry`.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from app.cli import main as ashyq
from app.core.statuses import Status
from app.services.door import check
from app.services.sync_service import sync_once
from central.demo import DEMO_IINS
from tests.e2e.conftest import (
    WEDNESDAY_NOON,
    CentralProcess,
    Station,
    queue_offline_visits,
    server_rows,
)
from tests.e2e.netfaults import FaultProxy


def stored(server: CentralProcess) -> int:
    return int(server_rows(server, "SELECT count(DISTINCT client_id) FROM visits")[0][0])  # type: ignore[arg-type]


def touch_order(server: CentralProcess, number: str) -> None:
    """The box office changed an order after the console's last pull."""
    later = (datetime.now(UTC) + timedelta(seconds=2)).replace(tzinfo=None)
    with contextlib.closing(sqlite3.connect(server.db_path, timeout=10)) as conn, conn:
        conn.execute("UPDATE orders SET modified_at = ? WHERE number = ?", (str(later), number))


def outbox_cli(
    station: Station, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, dict]:  # type: ignore[type-arg]
    capsys.readouterr()
    code = ashyq(["outbox", *args, "--db", str(station.db_path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_a_poisoned_visit_is_set_aside_and_999_behind_it_arrive_in_one_sync(
    central: CentralProcess, make_station, capsys: pytest.CaptureFixture[str]
) -> None:
    proxy = FaultProxy(central.port).start()
    try:
        station = make_station(central, server_url=proxy.url)
        ids = queue_offline_visits(station, 1000)
        poisoned = ids[0]  # first in the queue: ahead of every good one
        proxy.poison = {poisoned}
        proxy.set_mode("poison")
        touch_order(central, "D-1001")

        report = sync_once(station.ctx)
        assert (report.pushed, report.rejected, report.pending, report.errors) == (999, 1, 0, ())
        assert report.set_aside == 1
        assert report.config_pulled and report.pulled_orders == 1  # the pulls were not skipped
        assert stored(central) == 999
        assert proxy.poisoned >= 3  # it failed alone three times before it was set aside

        code, listed = outbox_cli(station, capsys, "list")
        assert code == 0
        [entry] = listed["set_aside"]
        assert (entry["kind"], entry["id"], entry["code"]) == ("visit", poisoned, "server_error")
        assert entry["attempts"] >= 3 and "500" in entry["message"]
        assert set(entry) == {"kind", "id", "created_at", "set_aside_at", "attempts", "code",
                              "message"}  # fmt: skip

        again = sync_once(station.ctx)  # not sent again by itself
        assert (again.pushed, again.set_aside, again.errors) == (0, 1, ())
        assert stored(central) == 999

        proxy.poison = set()  # the server was fixed
        code, retried = outbox_cli(station, capsys, "retry", poisoned)
        assert code == 0
        assert (retried["retried"], retried["pushed"], retried["set_aside"]) == (1, 1, 0)
        assert stored(central) == 1000
        assert outbox_cli(station, capsys, "list")[1] == {"set_aside": []}
    finally:
        proxy.close()


def test_a_server_failing_on_everything_is_away_and_sets_nothing_aside(
    central: CentralProcess, make_station
) -> None:
    proxy = FaultProxy(central.port).start()
    try:
        station = make_station(central, server_url=proxy.url)
        queue_offline_visits(station, 100)
        proxy.set_mode("http500")
        report = sync_once(station.ctx)
        assert report.errors[0].startswith("server_error")
        assert (report.pushed, report.set_aside, report.pending) == (0, 0, 100)
        assert report.next_attempt_at is not None  # backs off as before
        proxy.set_mode("pass")
        central.stop()  # now the server is away: the proxy finds nobody behind it
        away = sync_once(station.ctx)
        assert away.errors and away.errors[0].startswith("offline"), away
        assert not away.config_pulled
        central.start()
        done = sync_once(station.ctx)
        assert (done.pushed, done.set_aside, done.errors) == (100, 0, ())
        assert done.config_pulled
    finally:
        proxy.close()


def test_a_door_label_the_server_would_refuse_is_cleaned_and_the_visit_delivered(
    central: CentralProcess, make_station
) -> None:
    station = make_station(central)
    station.ctx.door = "Вход\x00 " + "№" * 60  # pasted from somewhere, with a NUL, too long
    result = check(station.ctx, DEMO_IINS[Status.GREEN][0], at=WEDNESDAY_NOON)
    report = sync_once(station.ctx)
    assert (report.pushed, report.set_aside, report.pending, report.errors) == (1, 0, 0, ())
    [(door,)] = server_rows(
        central, f"SELECT door FROM visits WHERE client_id = '{result.visit_id.hex}'"
    )
    assert door == ("Вход " + "№" * 60)[:40]
