"""Refunds the server refused: refund_rejections, kept for audit (see central.refund_store).

Revision ID: 0002_refunds
Revises: 0001
Create Date: 2026-12-01 23:55:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import central.db

revision = "0002_refunds"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refund_rejections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("first_refused_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("refused_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("order_number", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("message", sa.String(length=500), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_refund_rejections_venue_id_venues")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_rejections")),
        sa.UniqueConstraint(
            "venue_id", "client_id", name=op.f("uq_refund_rejections_venue_id_client_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("refund_rejections")
