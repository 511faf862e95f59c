"""Migration 0002: outbox rows refused before it (retried daily then) become set-aside rows."""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

import pytest

from app.models import current_revision, downgrade_database, upgrade_database


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.execute(sql))


def _insert(path: Path, last_error: str | None, next_at: str | None) -> str:
    entity = uuid.uuid4().hex
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "INSERT INTO outbox (kind, entity_id, payload, created_at, attempts, next_attempt_at,"
            " last_error) VALUES ('VISIT', ?, '{}', '2026-11-20 10:00:00.000000', 1, ?, ?)",
            (entity, next_at, last_error),
        )
    return entity


def _delete_unacknowledged(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DELETE FROM outbox")


def test_refused_rows_are_set_aside_and_the_delete_guard_survives(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite3"
    upgrade_database(path, revision="0001")
    refused = _insert(path, "rejected: events.0.reason: bad", "2026-11-21 10:00:00.000000")
    waiting = _insert(path, "offline: Cannot reach the server", "2026-11-20 10:05:00.000000")
    fresh = _insert(path, None, None)
    upgrade_database(path, revision="0002")
    assert current_revision(path) == "0002"
    rows = {
        r[0]: r[1:]
        for r in _rows(
            path,
            "SELECT entity_id, set_aside_at, set_aside_code, set_aside_message,"
            " next_attempt_at FROM outbox",
        )  # fmt: skip
    }
    assert rows[refused] == (
        "2026-11-21 10:00:00.000000", "rejected", "events.0.reason: bad", None
    )  # fmt: skip
    assert rows[waiting][:3] == (None, None, None)
    assert rows[fresh] == (None, None, None, None)
    with pytest.raises(sqlite3.IntegrityError, match="not acknowledged"):
        _delete_unacknowledged(path)
    downgrade_database(path, "0001")  # rebuilds the table: the guard must come back with it
    back = _rows(path, f"SELECT next_attempt_at FROM outbox WHERE entity_id = '{refused}'")
    assert back == [("2026-11-21 10:00:00.000000",)]  # offered again daily, as 0001 did
    with pytest.raises(sqlite3.IntegrityError, match="not acknowledged"):
        _delete_unacknowledged(path)
