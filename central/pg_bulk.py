"""A visit batch into PostgreSQL as one short statement over arrays (`unnest`).

Why: the multi-row INSERT that SQLAlchemy builds for a batch of 500 visits has 10,000 parameters,
and psycopg converts a query that long anew on every call (it caches short ones only): that was
most of the server's CPU per batch on PostgreSQL. One array per column keeps the statement short
and identical from batch to batch. Moments go in as naive UTC, as the models store them.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

_VISIT_COLUMNS = {
    "venue_id": "int",
    "client_id": "uuid",
    "station_id": "uuid",
    "occurred_at": "timestamp",
    "received_at": "timestamp",
    "direction": "varchar",
    "method": "varchar",
    "status": "varchar",
    "status_source": "varchar",
    "status_age_s": "int",
    "verdict": "varchar",
    "reason": "varchar",
    "person": "varchar",
    "order_number": "varchar",
    "ticket_code": "varchar",
    "session_id": "varchar",
    "staff_id": "uuid",
    "door": "varchar",
    "test_mode": "bool",
    "offline": "bool",
}
_TRACE_COLUMNS = {
    "visit_id": "bigint",
    "occurred_at": "timestamp",
    "sealed_iin": "varchar",
    "check": "varchar",
}


def _statement(table: str, columns: dict[str, str], tail: str) -> Any:
    names = ", ".join(f'"{c}"' for c in columns)
    arrays = ", ".join(f"CAST(:{c} AS {t}[])" for c, t in columns.items())
    return text(f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) {tail}")


_INSERT_VISITS = _statement(
    "visits",
    _VISIT_COLUMNS,
    "ON CONFLICT (venue_id, client_id, occurred_at) DO NOTHING RETURNING id, client_id",
)
_INSERT_TRACES = _statement("trace_identities", _TRACE_COLUMNS, "")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _arrays(rows: list[dict[str, Any]], columns: dict[str, str]) -> dict[str, list[Any]]:
    return {c: [_plain(row[c]) for row in rows] for c in columns}


def insert_visits(conn: Connection, rows: list[dict[str, Any]]) -> dict[uuid.UUID, int]:
    """Insert new visits, skip known ones: {client id: visit id} of those inserted."""
    result = conn.execute(_INSERT_VISITS, _arrays(rows, _VISIT_COLUMNS))
    return {client_id: row_id for row_id, client_id in result}


def insert_traces(conn: Connection, rows: list[dict[str, Any]]) -> None:
    conn.execute(_INSERT_TRACES, _arrays(rows, _TRACE_COLUMNS))
