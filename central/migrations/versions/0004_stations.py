"""Stations get a role, a token expiry, a last-seen moment and the token before a rotation.

Stations enrolled before this revision become "combined" (every endpoint, every staff member:
exactly what they could do before), and their tokens expire 90 days after the upgrade, so no
installed console is locked out by it; the console rotates its token before then. Unused
enrollment codes issued before it also enroll "combined" stations.

Revision ID: 0004_stations
Revises: 0003_pins
Create Date: 2026-12-01 23:50:00
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

import central.db

revision = "0004_stations"
down_revision = "0003_pins"
branch_labels = None
depends_on = None

EXISTING_TOKEN_DAYS = 90


def upgrade() -> None:
    with op.batch_alter_table("enrollment_codes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("role", sa.String(length=20), server_default="combined", nullable=False)
        )
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("role", sa.String(length=20), server_default="combined", nullable=False)
        )
        batch_op.add_column(sa.Column("expires_at", central.db.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_seen_at", central.db.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column("previous_token_hash", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_stations_previous_token_hash"), ["previous_token_hash"]
        )
    stations = sa.table("stations", sa.column("expires_at", central.db.UtcDateTime()))
    until = datetime.now(UTC) + timedelta(days=EXISTING_TOKEN_DAYS)
    op.execute(stations.update().values(expires_at=until))
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.alter_column("expires_at", existing_type=central.db.UtcDateTime(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_stations_previous_token_hash"), type_="unique")
        batch_op.drop_column("previous_token_hash")
        batch_op.drop_column("last_seen_at")
        batch_op.drop_column("expires_at")
        batch_op.drop_column("role")
    with op.batch_alter_table("enrollment_codes", schema=None) as batch_op:
        batch_op.drop_column("role")
