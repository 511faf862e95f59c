"""Opening the local SQLite database, and turning its failures into something a person can fix.

Every connection gets the same pragmas, because SQLite forgets them between connections:

- ``journal_mode=WAL``: the visit log screen and the report export read while the door writes,
  without blocking each other.
- ``synchronous=FULL``: a commit returns only after the WAL is flushed to disk. A verdict is
  shown after its visit row commits (DESIGN.md habit 6), so a power cut right after the screen
  turned green must not lose the row. NORMAL would be durable against a crashed program but not
  a cut power; the cost (one fsync per commit) is invisible at the pace of a door. It is set for
  every connection, not only the door's, so no writer can commit less durably by accident.
- ``foreign_keys=ON``: SQLite leaves them off unless asked.
- ``busy_timeout``: wait up to 5 s for another writer instead of failing at once.

The sqlite3 module's own transaction handling is switched off (SQLAlchemy's documented recipe):
the engine emits BEGIN itself, so reads and writes of one unit of work share one snapshot, and a
write session begins with BEGIN IMMEDIATE, taking the write lock up front.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, NullPool

log = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT_MS = 5000
BEGIN_OPTION = "ashyq_begin"  # execution option: "IMMEDIATE" takes the write lock at BEGIN

# Primary SQLite result codes (the low byte of an extended code).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

_MESSAGES = {
    "locked": (
        "The local database is busy: another Ashyq window or program is writing to it. "
        "Wait a moment and try again; if it keeps happening, close the other Ashyq windows."
    ),
    "disk_full": (
        "The disk is full, so nothing more can be recorded. Free some space on the disk; "
        "everything recorded before is safe."
    ),
    "corrupt": (
        "The local database file is damaged or is not an Ashyq database. Do not delete it: "
        "call support, who can restore it and recover what was not yet sent to the server."
    ),
    "readonly": (
        "The local database cannot be written: the file or its folder is read-only. "
        "Ask the administrator to give this user write access to the Ashyq data folder."
    ),
    "unavailable": (
        "The local database file cannot be opened. Check that the Ashyq data folder exists "
        "and that this user may write to it."
    ),
}


class LocalDatabaseError(Exception):
    """The local database cannot do its job for a reason the person at the PC can act on.

    ``code`` is one of locked, disk_full, corrupt, readonly, unavailable (the GUI translates
    it); ``message`` is an English sentence saying what to do; ``path`` is the file concerned.
    """

    def __init__(self, code: str, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.message} ({self.path})" if self.path else self.message


def _code_for(exc: BaseException) -> str | None:
    """The LocalDatabaseError code for one sqlite3 error, from its result code or message."""
    errorcode = getattr(exc, "sqlite_errorcode", None)
    if isinstance(errorcode, int):
        primary = errorcode & 0xFF
        by_code = {
            _SQLITE_BUSY: "locked",
            _SQLITE_LOCKED: "locked",
            _SQLITE_READONLY: "readonly",
            _SQLITE_CORRUPT: "corrupt",
            _SQLITE_NOTADB: "corrupt",
            _SQLITE_FULL: "disk_full",
            _SQLITE_CANTOPEN: "unavailable",
        }
        if primary in by_code:
            return by_code[primary]
    text = str(exc).lower()
    for needle, code in (
        ("database is locked", "locked"),
        ("database table is locked", "locked"),
        ("disk is full", "disk_full"),
        ("malformed", "corrupt"),
        ("not a database", "corrupt"),
        ("readonly database", "readonly"),
        ("read-only", "readonly"),
        ("unable to open database", "unavailable"),
    ):
        if needle in text:
            return code
    return None


def as_local_error(exc: BaseException, path: str | None = None) -> LocalDatabaseError | None:
    """The LocalDatabaseError behind an sqlite3 or SQLAlchemy error, or None if it is another kind.

    Integrity errors and programming errors are not translated: they are bugs, not conditions a
    person can fix, and must reach the crash hook as they are.
    """
    if isinstance(exc, LocalDatabaseError):
        return exc
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.DatabaseError) and not isinstance(
            current, sqlite3.IntegrityError | sqlite3.ProgrammingError
        ):
            code = _code_for(current)
            if code is not None:
                return LocalDatabaseError(code, _MESSAGES[code], path)
        orig = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def _url(path: Path | str) -> URL:
    return URL.create("sqlite", database=str(path))


def _make_engine(
    path: Path | str, *, busy_timeout_ms: int, foreign_keys: bool, pooled: bool
) -> Engine:
    engine = create_engine(
        _url(path),
        connect_args={"check_same_thread": False},  # the pool hands a connection to one thread
        **({} if pooled else {"poolclass": NullPool}),
    )
    shown_path = str(path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # the engine sends BEGIN itself
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                log.warning("SQLite refused WAL mode for %s (got %r)", shown_path, mode)
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(BEGIN_OPTION) == "IMMEDIATE"
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> BaseException | None:
        return as_local_error(context.original_exception, shown_path)

    return engine


def open_engine(path: Path | str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Engine:
    """An engine on the SQLite file at ``path`` with the console's pragmas on every connection.

    It does not create tables: call `upgrade_database` first (the app does at start-up).
    """
    return _make_engine(path, busy_timeout_ms=busy_timeout_ms, foreign_keys=True, pooled=True)


def writing(engine: Engine) -> Engine:
    """The same engine, but each transaction begins with BEGIN IMMEDIATE.

    A deferred transaction that read first and writes later fails at once (not after the busy
    timeout) if another connection committed in between; taking the write lock up front makes
    it wait its turn instead. Use it for every unit of work that writes.
    """
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})


def session_factory(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    """Sessions on ``engine``; ``write=True`` for units of work that write (see `writing`).

    ``expire_on_commit=False``: services copy rows into plain dataclasses after commit, and an
    expired attribute would otherwise reload lazily, possibly on the UI thread.
    """
    return sessionmaker(bind=writing(engine) if write else engine, expire_on_commit=False)
