"""Fiscal cheques: the queue of return cheques for the station's online cash register.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 00:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    moment = sa.DateTime()
    op.create_table(
        "fiscal_cheque",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("register", sa.String(length=20), nullable=False),
        sa.Column("external_id", sa.String(length=50), nullable=False),
        sa.Column("operation", sa.String(length=20), nullable=False),
        sa.Column("amount_tiyn", sa.Integer(), nullable=False),
        sa.Column("request", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("created_at", moment, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_attempt_at", moment, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("error_code", sa.String(length=40), nullable=True),
        sa.Column("answered_at", moment, nullable=True),
        sa.Column("answer", sa.JSON(), nullable=True),
        sa.Column("printed_at", moment, nullable=True),
        sa.ForeignKeyConstraint(
            ["receipt_id"], ["receipt.id"], name=op.f("fk_fiscal_cheque_receipt_id_receipt")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_cheque")),
        sa.UniqueConstraint("external_id", name=op.f("uq_fiscal_cheque_external_id")),
        sa.UniqueConstraint("receipt_id", name=op.f("uq_fiscal_cheque_receipt_id")),
    )
    op.create_index(op.f("ix_fiscal_cheque_state"), "fiscal_cheque", ["state"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_fiscal_cheque_state"), table_name="fiscal_cheque")
    op.drop_table("fiscal_cheque")
