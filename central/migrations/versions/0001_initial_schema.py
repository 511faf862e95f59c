"""Initial schema of the central server: venues, stations, registry, visits, tickets, refunds.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 18:58:23.831378
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import central.db

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_buckets",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("tat", sa.Float(), nullable=False),
        sa.Column("allowed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_buckets")),
    )
    op.create_table(
        "server_notes",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_server_notes")),
    )
    op.create_table(
        "status_cache",
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("set_at", central.db.UtcDateTime(), nullable=True),
        sa.Column("fetched_at", central.db.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key_hash", name=op.f("pk_status_cache")),
    )
    op.create_table(
        "status_registry",
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("set_at", central.db.UtcDateTime(), nullable=True),
        sa.Column("imported_at", central.db.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key_hash", name=op.f("pk_status_registry")),
    )
    op.create_table(
        "venues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("bin", sa.String(length=12), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("admission_policy", sa.JSON(), nullable=True),
        sa.Column("refund_rules", sa.JSON(), nullable=True),
        sa.Column("pseudonym_key", sa.LargeBinary(length=64), nullable=False),
        sa.Column("test_mode_until", central.db.UtcDateTime(), nullable=True),
        sa.Column("group_mode", sa.String(length=20), nullable=False),
        sa.Column("allow_stale_status", sa.Boolean(), nullable=False),
        sa.Column("created_at", central.db.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venues")),
        sa.UniqueConstraint("code", name=op.f("uq_venues_code")),
    )
    op.create_table(
        "checkins",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("at", central.db.UtcDateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("person", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_checkins_venue_id_venues")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_checkins")),
        sa.UniqueConstraint("id", name=op.f("uq_checkins_id")),
    )
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.create_index("ix_checkins_venue_seq", ["venue_id", "seq"], unique=False)

    op.create_table(
        "enrollment_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("used_at", central.db.UtcDateTime(), nullable=True),
        sa.Column("station_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_enrollment_codes_venue_id_venues")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrollment_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_enrollment_codes_code_hash")),
    )
    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("received_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("order_number", sa.String(length=32), nullable=False),
        sa.Column("known_order", sa.Boolean(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_refunds_venue_id_venues")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("venue_id", "client_id", name=op.f("uq_refunds_venue_id_client_id")),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("hall", sa.String(length=80), nullable=True),
        sa.Column("starts_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("ends_at", central.db.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_sessions_venue_id_venues")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint(
            "venue_id", "external_id", name=op.f("uq_sessions_venue_id_external_id")
        ),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["venue_id"], ["venues.id"], name=op.f("fk_staff_venue_id_venues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "stations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", central.db.UtcDateTime(), nullable=False),
        sa.Column("revoked_at", central.db.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_stations_venue_id_venues")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_stations_token_hash")),
    )
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stations_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
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
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_visits_venue_id_venues")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint("venue_id", "client_id", name=op.f("uq_visits_venue_id_client_id")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visits_occurred_at"), ["occurred_at"], unique=False)

    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("organizer", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("modified_at", central.db.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_orders_session_id_sessions")
        ),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_orders_venue_id_venues")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("venue_id", "number", name=op.f("uq_orders_venue_id_number")),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index("ix_orders_venue_modified", ["venue_id", "modified_at"], unique=False)

    op.create_table(
        "trace_identities",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("sealed_iin", sa.String(length=400), nullable=False),
        sa.Column("check", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_trace_identities_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_trace_identities")),
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("tariff", sa.String(length=20), nullable=False),
        sa.Column("price_tiyn", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("printed_at_box_office", sa.Boolean(), nullable=False),
        sa.Column("used_at", central.db.UtcDateTime(), nullable=True),
        sa.Column("used_door", sa.String(length=40), nullable=True),
        sa.Column("redeem_nonce", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_tickets_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_tickets_venue_id_venues")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("venue_id", "code", name=op.f("uq_tickets_venue_id_code")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_order_id"), ["order_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_order_id"))

    op.drop_table("tickets")
    op.drop_table("trace_identities")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_venue_modified")

    op.drop_table("orders")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visits_occurred_at"))

    op.drop_table("visits")
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stations_venue_id"))

    op.drop_table("stations")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_venue_id"))

    op.drop_table("staff")
    op.drop_table("sessions")
    op.drop_table("refunds")
    op.drop_table("enrollment_codes")
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index("ix_checkins_venue_seq")

    op.drop_table("checkins")
    op.drop_table("venues")
    op.drop_table("status_registry")
    op.drop_table("status_cache")
    op.drop_table("server_notes")
    op.drop_table("rate_buckets")
