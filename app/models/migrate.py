"""Bringing a database file to the current schema with Alembic, configured from code.

No alembic.ini is read at run time: the frozen app has no working directory to find one in,
and the script location is simply the package folder beside this module. For developers,
``python -m app.models.migrate revision "what changed"`` autogenerates the next revision
against a scratch database upgraded to head; review it by hand before keeping it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from app.models.engine import (
    DEFAULT_BUSY_TIMEOUT_MS,
    LocalDatabaseError,
    _make_engine,
    as_local_error,
    writing,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions. Start-up compares the file against it with one query
# and imports Alembic (a third of a second) only when there is something to migrate; a test checks
# that this constant is Alembic's head.
HEAD_REVISION = "0003"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the package's migrations, optionally bound to a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_database(path: Path | str, *, revision: str = "head") -> None:
    """Create the database file if needed and migrate it to ``revision`` in one transaction.

    Foreign keys are off while migrating: Alembic's batch mode rebuilds SQLite tables by copy,
    and with them on, dropping the old copy would cascade or fail. They are checked afterwards;
    a violation aborts the upgrade and leaves the file as it was.
    """
    path = Path(path)
    if revision == "head" and _at_head(path):
        return
    from alembic import command

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LocalDatabaseError("unavailable", f"Cannot create the data folder: {exc}") from exc
    engine = _make_engine(
        path, busy_timeout_ms=DEFAULT_BUSY_TIMEOUT_MS, foreign_keys=False, pooled=False
    )
    try:
        with writing(engine).begin() as connection:
            command.upgrade(alembic_config(connection), revision)
            problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if problems:
                raise RuntimeError(f"migration left broken foreign keys: {problems[:5]}")
    except LocalDatabaseError:
        raise
    except Exception as exc:
        translated = as_local_error(exc, str(path))
        if translated is None:
            raise
        raise translated from exc
    finally:
        engine.dispose()


def _at_head(path: Path) -> bool:
    """True when the file exists and records HEAD_REVISION (read-only, no Alembic)."""
    if not path.is_file():
        return False
    import sqlite3

    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == HEAD_REVISION


def downgrade_database(path: Path | str, revision: str) -> None:
    """Migrate the file back to ``revision`` ("base" empties it): for tests and support only."""
    from alembic import command

    engine = _make_engine(
        path, busy_timeout_ms=DEFAULT_BUSY_TIMEOUT_MS, foreign_keys=False, pooled=False
    )
    try:
        with writing(engine).begin() as connection:
            command.downgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()


def current_revision(path: Path | str) -> str | None:
    """The revision the database file is at (None for an empty or new file)."""
    from alembic.runtime.migration import MigrationContext

    engine = _make_engine(
        path, busy_timeout_ms=DEFAULT_BUSY_TIMEOUT_MS, foreign_keys=True, pooled=False
    )
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def _make_revision(message: str) -> None:
    from alembic import command

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "scratch.sqlite3"
        upgrade_database(path)
        engine = _make_engine(
            path, busy_timeout_ms=DEFAULT_BUSY_TIMEOUT_MS, foreign_keys=False, pooled=False
        )
        try:
            with engine.begin() as connection:
                command.revision(alembic_config(connection), message=message, autogenerate=True)
        finally:
            engine.dispose()


if __name__ == "__main__":  # pragma: no cover - a developer tool
    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        sys.exit('usage: python -m app.models.migrate revision "what changed"')
    _make_revision(sys.argv[2])
