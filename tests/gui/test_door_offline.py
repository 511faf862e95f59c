"""The central server stops in the middle of the evening and comes back.

Scans keep being checked (a status seen earlier from the cache, with its age; a person never
seen as "not found (offline)"), every one is recorded, the status bar says OFFLINE, and once the
server is back the outbox drains: each visit reaches the server exactly once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.core.statuses import Role
from tests import timing
from tests.e2e.conftest import server_rows
from tests.gui.conftest import IINS, Door


def _sync(door: Door, qtbot: QtBot) -> None:
    """One cycle of the console's own sync loop, then the status bar's own refresh.

    Both wait for what is already under way instead of racing it (a busy machine makes the
    races likely): a cycle the console's own loop is running (its first, at start-up) ends
    before ours, which would otherwise return at once with the state from before; and the
    bar's timer is stopped and a poll it has in flight awaited, so the refresh asked for here is
    the last one painted, not overtaken by a poll that read the state before the cycle.
    """
    sync = door.console.sync

    def cycle_of_our_own() -> object:
        assert sync._lock.acquire(timeout=timing.seconds(60)), "a sync cycle never ended"
        sync._lock.release()
        return sync.cycle()

    done: list[object] = []
    door.console.runner.run(cycle_of_our_own, done.append, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert not isinstance(done[0], BaseException), done[0]
    bar = door.window.status
    bar.stop()
    qtbot.waitUntil(lambda: not bar._busy, timeout=10_000)
    shown: list[object] = []
    bar._show, original = (lambda s: (shown.append(s), original(s))), bar._show
    bar.poll()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    bar._show = original


def _server_visit_ids(door: Door) -> list[str]:
    rows = server_rows(door.server, "SELECT client_id FROM visits")
    return [uuid.UUID(str(r[0])).hex for r in rows]


def _local_visit_ids(door: Door) -> list[str]:
    return [uuid.UUID(str(r[0])).hex for r in door.rows("SELECT id FROM visit_event")]


def test_offline_scans_are_checked_recorded_and_delivered_once(
    make_door: Callable[..., Door], qtbot: QtBot
) -> None:
    door = make_door(start_devices=True)
    door.log_in(Role.DOOR)
    door.wait_logged_in(Role.DOOR)
    _sync(door, qtbot)
    link = door.window.status.findChild(type(door.screen.manual_hint), "linkLabel")
    assert "Online" in link.text()

    # online: the yellow visitor is looked up at the central service (and cached)
    view = door.scan_and_wait(IINS["yellow"])
    assert (view.verdict, view.status, view.source) == ("deny", "yellow", "central")
    _sync(door, qtbot)
    assert door.console.sync.current().pending == 0

    door.server.stop()
    # offline: the same visitor again, from the cache, with its age; a new one: not found
    view = door.scan_and_wait(IINS["yellow"])
    assert (view.verdict, view.status, view.source) == ("deny", "yellow", "cache")
    assert view.age_s is not None and view.age_s >= 0
    assert "saved earlier (offline)" in door.screen.banner.source_label.text()
    view = door.scan_and_wait(IINS["red"])
    assert view.verdict == "deny" and view.status == "not_found"
    assert view.overridable  # a supervisor may admit a not-found, never a known red
    view = door.scan_and_wait(IINS["green"])
    assert view.status == "not_found" and view.verdict == "deny"
    offline_rows = door.rows("SELECT offline FROM visit_event ORDER BY occurred_at")
    assert [bool(r[0]) for r in offline_rows] == [False, True, True, True]

    _sync(door, qtbot)
    assert "OFFLINE" in link.text()
    queue = door.window.status.findChild(type(link), "queueLabel")
    assert door.console.sync.current().pending >= 3
    assert "Waiting to send: 3" in queue.text()

    door.server.start()  # same port, same database
    qtbot.waitUntil(
        lambda: (_sync(door, qtbot), door.console.sync.current().pending == 0)[1],
        timeout=60_000,
    )
    assert "Online" in link.text()
    assert "Waiting to send: 0" in queue.text()
    local = _local_visit_ids(door)
    on_server = _server_visit_ids(door)
    assert len(local) == 4
    assert sorted(on_server) == sorted(local)  # nothing lost, nothing twice
    _sync(door, qtbot)  # another cycle sends nothing again
    assert len(_server_visit_ids(door)) == 4
