"""Database failures reach the GUI as LocalDatabaseError with a code it can explain."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError

from app.core.statuses import Direction, InputMethod, Verdict
from app.errors import describe
from app.models import (
    AuditLog,
    LocalDatabaseError,
    VisitEvent,
    as_local_error,
    open_engine,
    session_factory,
    upgrade_database,
)

NOW = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "console.sqlite3"
    upgrade_database(path)
    return path


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    engine = open_engine(db_path, busy_timeout_ms=100)
    yield engine
    engine.dispose()


def _visit(visit_id: uuid.UUID | None = None) -> VisitEvent:
    return VisitEvent(
        id=visit_id or uuid.uuid4(),
        occurred_at=NOW,
        direction=Direction.ENTRY,
        method=InputMethod.WEDGE,
        verdict=Verdict.ADMIT,
    )


def test_a_database_held_by_another_writer_is_reported_as_locked(
    db_path: Path, engine: Engine
) -> None:
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO settings_kv (key, value) VALUES ('held', '1')")
        with session_factory(engine, write=True)() as session:
            session.add(_visit())
            with pytest.raises(LocalDatabaseError) as caught:
                session.commit()
        assert caught.value.code == "locked"
        assert describe(caught.value)[0] == "locked"
        # WAL: the visit log can still be read while the other writer holds the lock
        with session_factory(engine)() as session:
            assert session.scalars(select(VisitEvent)).all() == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    with session_factory(engine, write=True)() as session:  # and writing works again after
        session.add(_visit())
        session.commit()


def test_a_file_that_is_not_a_database_is_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite3"
    path.write_bytes(b"this is a spreadsheet someone renamed\n" * 200)
    with pytest.raises(LocalDatabaseError) as caught:
        upgrade_database(path)
    assert caught.value.code == "corrupt"
    engine = open_engine(path)
    try:
        with pytest.raises(LocalDatabaseError) as caught, engine.connect():
            pass
        assert caught.value.code == "corrupt"
        assert str(path) in str(caught.value)
    finally:
        engine.dispose()


def test_a_full_disk_is_reported_as_disk_full(engine: Engine) -> None:
    with session_factory(engine, write=True)() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar_one()
        session.execute(text(f"PRAGMA max_page_count = {pages}"))
        with pytest.raises(LocalDatabaseError) as caught:
            for _ in range(50):
                session.add(AuditLog(at=NOW, action="filler", details={"x": "y" * 4000}))
                session.flush()
    assert caught.value.code == "disk_full"


def test_a_read_only_database_is_reported_as_readonly(db_path: Path) -> None:
    reader = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as raw:
            reader.execute("INSERT INTO settings_kv (key, value) VALUES ('x', '1')")
    finally:
        reader.close()
    translated = as_local_error(raw.value, str(db_path))
    assert translated is not None and translated.code == "readonly"


def test_a_missing_folder_is_reported_as_unavailable(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "no-such-folder" / "console.sqlite3")
    try:
        with pytest.raises(LocalDatabaseError) as caught, engine.connect():
            pass
        assert caught.value.code == "unavailable"
    finally:
        engine.dispose()


def test_a_duplicate_event_stays_an_integrity_error_not_a_user_problem(engine: Engine) -> None:
    visit_id = uuid.uuid4()
    make = session_factory(engine, write=True)
    with make() as session:
        session.add(_visit(visit_id))
        session.commit()
    with make() as session:
        session.add(_visit(visit_id))
        with pytest.raises(IntegrityError):
            session.commit()
