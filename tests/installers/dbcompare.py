"""Compare a database with an upgraded copy of it: every row of every table must still be there.

Generic on purpose, so it outlives the 0.1.0 schema: for each table of the original, each row's
values in the original's columns must appear in the upgraded table's same columns. A later
migration may add columns or tables; a migration that drops, renames or rewrites old values
fails here and has to say so by changing this test.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

SKIP = {"alembic_version"}  # its one row is meant to change


def tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    )
    return sorted(r[0] for r in rows if r[0] not in SKIP)


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def rows(conn: sqlite3.Connection, table: str, cols: list[str]) -> Counter[tuple[object, ...]]:
    names = ", ".join(f'"{c}"' for c in cols)
    return Counter(conn.execute(f'SELECT {names} FROM "{table}"').fetchall())


def lost_records(original: Path, upgraded: Path) -> dict[str, str]:
    """Table -> what went missing; empty when every record survived."""
    problems: dict[str, str] = {}
    with (
        sqlite3.connect(f"file:{original}?mode=ro", uri=True) as before,
        sqlite3.connect(f"file:{upgraded}?mode=ro", uri=True) as after,
    ):
        after_tables = set(tables(after))
        for table in tables(before):
            if table not in after_tables:
                problems[table] = "table is gone"
                continue
            cols = columns(before, table)
            missing_cols = set(cols) - set(columns(after, table))
            if missing_cols:
                problems[table] = f"columns gone: {sorted(missing_cols)}"
                continue
            gone = rows(before, table, cols) - rows(after, table, cols)
            if gone:
                problems[table] = (
                    f"{sum(gone.values())} rows lost or changed, e.g. {next(iter(gone))}"
                )
    return problems


def row_count(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables(conn))
