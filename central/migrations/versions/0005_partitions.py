"""Visits by month: PostgreSQL partitions, 64-bit ids, the idempotency key with occurred_at.

PostgreSQL: `visits` and `trace_identities` are rebuilt as tables partitioned by RANGE of
occurred_at (one partition per UTC month, see central.partitions), their rows copied over in id
order and the id sequence continued. The partition key must be part of every unique constraint
there, so the primary key of visits becomes (id, occurred_at) and the idempotency key
(venue_id, client_id, occurred_at) -- a console resends an event with its original occurred_at,
so a retry still meets its first copy (central.db.Visit). trace_identities gets the visit's
occurred_at and a foreign key (visit_id, occurred_at) to visits, partitioned by the same months.

SQLite keeps plain tables: the same idempotency key and the trace identities' occurred_at, so
both databases answer alike. Every stored trace identity was checked at receipt, so none is
"pending" after the upgrade.

Revision ID: 0005_partitions
Revises: 0004_stations
Create Date: 2026-12-02 00:30:00
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

import central.db

revision = "0005_partitions"
down_revision = "0004_stations"
branch_labels = None
depends_on = None

PENDING = sa.text("\"check\" = 'pending'")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()


def _upgrade_sqlite() -> None:
    # SQLite changes a constraint by copying the table; the copy of visits may only drop the
    # old one while no foreign key points at it, so trace_identities lets go of it meanwhile.
    with op.batch_alter_table("trace_identities", schema=None) as batch_op:
        batch_op.drop_constraint("fk_trace_identities_visit_id_visits", type_="foreignkey")
        batch_op.add_column(sa.Column("occurred_at", central.db.UtcDateTime(), nullable=True))
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_constraint("uq_visits_venue_id_client_id", type_="unique")
        batch_op.create_unique_constraint(
            "uq_visits_venue_id_client_id_occurred_at", ["venue_id", "client_id", "occurred_at"]
        )
        batch_op.create_index("ix_visits_venue_occurred", ["venue_id", "occurred_at"])
    op.execute(
        "UPDATE trace_identities SET occurred_at = "
        "(SELECT v.occurred_at FROM visits v WHERE v.id = trace_identities.visit_id)"
    )
    with op.batch_alter_table("trace_identities", schema=None) as batch_op:
        batch_op.alter_column("occurred_at", existing_type=central.db.UtcDateTime(), nullable=False)
        batch_op.create_foreign_key(
            "fk_trace_identities_visit_id_visits", "visits", ["visit_id"], ["id"]
        )
        batch_op.create_index(
            batch_op.f("ix_trace_identities_occurred_at"), ["occurred_at"], unique=False
        )
        batch_op.create_index(
            "ix_trace_identities_pending", ["occurred_at"], unique=False, sqlite_where=PENDING
        )


def _visit_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("received_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("status_source", sa.String(length=40), nullable=True),
        sa.Column("status_age_s", sa.Integer(), nullable=True),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("person", sa.String(length=64), nullable=True),
        sa.Column("order_number", sa.String(length=32), nullable=True),
        sa.Column("ticket_code", sa.String(length=32), nullable=True),
        sa.Column("session_id", sa.String(length=64), nullable=True),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("door", sa.String(length=40), nullable=True),
        sa.Column("test_mode", sa.Boolean(), nullable=False),
        sa.Column("offline", sa.Boolean(), nullable=False),
    ]


def _upgrade_postgresql() -> None:
    # the old tables step aside with their constraint and index names, which are schema-wide
    op.rename_table("trace_identities", "trace_identities_0004")
    op.rename_table("visits", "visits_0004")
    for old in ("pk_trace_identities", "pk_visits", "uq_visits_venue_id_client_id"):
        op.execute(f"ALTER INDEX {old} RENAME TO {old}_0004")
    op.execute("ALTER INDEX ix_visits_occurred_at RENAME TO ix_visits_occurred_at_0004")
    op.create_table(
        "visits",
        *_visit_columns(),
        sa.ForeignKeyConstraint(["venue_id"], ["venues.id"], name="fk_visits_venue_id_venues"),
        sa.PrimaryKeyConstraint("id", "occurred_at", name="pk_visits"),
        sa.UniqueConstraint(
            "venue_id", "client_id", "occurred_at", name="uq_visits_venue_id_client_id_occurred_at"
        ),
        postgresql_partition_by="RANGE (occurred_at)",
    )
    op.create_index("ix_visits_occurred_at", "visits", ["occurred_at"])
    op.create_index("ix_visits_venue_occurred", "visits", ["venue_id", "occurred_at"])
    op.create_table(
        "trace_identities",
        sa.Column("visit_id", sa.BigInteger(), nullable=False),
        sa.Column("occurred_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("sealed_iin", sa.String(length=400), nullable=False),
        sa.Column("check", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id", "occurred_at"],
            ["visits.id", "visits.occurred_at"],
            name="fk_trace_identities_visit_id_visits",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("visit_id", "occurred_at", name="pk_trace_identities"),
        postgresql_partition_by="RANGE (occurred_at)",
    )
    op.create_index("ix_trace_identities_occurred_at", "trace_identities", ["occurred_at"])
    op.create_index(
        "ix_trace_identities_pending",
        "trace_identities",
        ["occurred_at"],
        postgresql_where=PENDING,
    )
    bind = op.get_bind()
    months = {
        date(int(y), int(m), 1)
        for y, m in bind.execute(
            sa.text(
                "SELECT DISTINCT extract(year FROM occurred_at), extract(month FROM occurred_at) "
                "FROM visits_0004"
            )
        )
    }
    now = datetime.now(UTC)
    current = date(now.year, now.month, 1)
    for k in range(-1, 3):
        index = current.year * 12 + current.month - 1 + k
        months.add(date(index // 12, index % 12 + 1, 1))
    for month in sorted(months):
        index = month.year * 12 + month.month
        end = date(index // 12, index % 12 + 1, 1)
        for table in ("visits", "trace_identities"):
            op.execute(
                f"CREATE TABLE {table}_p{month.year:04d}_{month.month:02d} PARTITION OF {table} "
                f"FOR VALUES FROM ('{month.isoformat()}') TO ('{end.isoformat()}')"
            )
    names = ", ".join(c.name for c in _visit_columns())
    op.execute(
        f"INSERT INTO visits ({names}) OVERRIDING SYSTEM VALUE "
        f"SELECT {names} FROM visits_0004 ORDER BY id"
    )
    op.execute(
        'INSERT INTO trace_identities (visit_id, occurred_at, sealed_iin, "check") '
        'SELECT t.visit_id, v.occurred_at, t.sealed_iin, t."check" '
        "FROM trace_identities_0004 t JOIN visits_0004 v ON v.id = t.visit_id"
    )
    op.execute(
        "SELECT setval(pg_get_serial_sequence('visits', 'id'), "
        "(SELECT coalesce(max(id), 0) + 1 FROM visits), false)"
    )
    op.drop_table("trace_identities_0004")
    op.drop_table("visits_0004")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _downgrade_postgresql()
        return
    with op.batch_alter_table("trace_identities", schema=None) as batch_op:
        batch_op.drop_constraint("fk_trace_identities_visit_id_visits", type_="foreignkey")
        batch_op.drop_index("ix_trace_identities_pending")
        batch_op.drop_index(batch_op.f("ix_trace_identities_occurred_at"))
        batch_op.drop_column("occurred_at")
    op.execute(  # a retried visit stored twice at different moments keeps its first
        "DELETE FROM visits WHERE id NOT IN (SELECT min(id) FROM visits GROUP BY venue_id, "
        "client_id)"
    )
    op.execute("DELETE FROM trace_identities WHERE visit_id NOT IN (SELECT id FROM visits)")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_venue_occurred")
        batch_op.drop_constraint("uq_visits_venue_id_client_id_occurred_at", type_="unique")
        batch_op.create_unique_constraint("uq_visits_venue_id_client_id", ["venue_id", "client_id"])
    with op.batch_alter_table("trace_identities", schema=None) as batch_op:
        batch_op.create_foreign_key(
            "fk_trace_identities_visit_id_visits", "visits", ["visit_id"], ["id"]
        )


def _downgrade_postgresql() -> None:
    """Back to plain tables; a retried visit stored twice at different moments keeps its first."""
    op.rename_table("trace_identities", "trace_identities_0005")
    op.rename_table("visits", "visits_0005")
    for old in (
        "pk_trace_identities",
        "pk_visits",
        "uq_visits_venue_id_client_id_occurred_at",
        "ix_visits_occurred_at",
        "ix_visits_venue_occurred",
        "ix_trace_identities_occurred_at",
        "ix_trace_identities_pending",
    ):
        op.execute(f"ALTER INDEX {old} RENAME TO {old}_0005")
    columns = _visit_columns()[1:]
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(["venue_id"], ["venues.id"], name="fk_visits_venue_id_venues"),
        sa.PrimaryKeyConstraint("id", name="pk_visits"),
        sa.UniqueConstraint("venue_id", "client_id", name="uq_visits_venue_id_client_id"),
    )
    op.create_index("ix_visits_occurred_at", "visits", ["occurred_at"])
    op.create_table(
        "trace_identities",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("sealed_iin", sa.String(length=400), nullable=False),
        sa.Column("check", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name="fk_trace_identities_visit_id_visits"
        ),
        sa.PrimaryKeyConstraint("visit_id", name="pk_trace_identities"),
    )
    names = ", ".join(c.name for c in columns)
    op.execute(
        f"INSERT INTO visits (id, {names}) SELECT id, {names} FROM visits_0005 ORDER BY id "
        "ON CONFLICT (venue_id, client_id) DO NOTHING"
    )
    op.execute(
        'INSERT INTO trace_identities (visit_id, sealed_iin, "check") '
        'SELECT t.visit_id, t.sealed_iin, t."check" FROM trace_identities_0005 t '
        "JOIN visits v ON v.id = t.visit_id"
    )
    op.execute(
        "SELECT setval(pg_get_serial_sequence('visits', 'id'), "
        "(SELECT coalesce(max(id), 0) + 1 FROM visits), false)"
    )
    op.drop_table("trace_identities_0005")
    op.drop_table("visits_0005")
