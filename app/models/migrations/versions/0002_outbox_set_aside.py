"""Outbox: an event the server refuses or fails on is set aside with its reason.

Rows refused before this revision (kept with "rejected: ..." in last_error and retried daily)
become set-aside rows, so a manager sees them and decides when to send them again.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 23:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("set_aside_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("set_aside_code", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("set_aside_message", sa.Text(), nullable=True))
    op.execute(
        """
        UPDATE outbox
        SET set_aside_at = COALESCE(next_attempt_at, created_at),
            set_aside_code = 'rejected',
            set_aside_message = substr(last_error, 11),
            next_attempt_at = NULL
        WHERE acknowledged_at IS NULL AND last_error LIKE 'rejected: %'
        """
    )


def downgrade() -> None:
    op.execute(
        """
        UPDATE outbox SET next_attempt_at = set_aside_at
        WHERE acknowledged_at IS NULL AND set_aside_at IS NOT NULL
        """
    )
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("set_aside_message")
        batch.drop_column("set_aside_code")
        batch.drop_column("set_aside_at")
    # dropping a column rebuilds the table in SQLite, and its triggers go with the old copy
    op.execute(
        """
        CREATE TRIGGER IF NOT EXISTS outbox_keep_unacknowledged
        BEFORE DELETE ON outbox
        FOR EACH ROW WHEN OLD.acknowledged_at IS NULL
        BEGIN
            SELECT RAISE(ABORT, 'outbox row not acknowledged yet; it cannot be deleted');
        END
        """
    )
