"""The server's tables (SQLAlchemy 2) and the engine: SQLite for one venue, PostgreSQL for a chain.

Everything that must hold across several server processes lives here, never in one process's
memory: rate-limit buckets, enrollment codes, ticket redemptions, cached upstream answers.
Moments are stored as UTC without an offset (SQLite has no zone type) and come back aware.
Uniqueness that makes a retry harmless is a database constraint, not a check in Python: the
visit and refund ids from the consoles, a ticket's single redemption, an enrollment code's use.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Connection,
    DateTime,
    Dialect,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    create_engine,
    event,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware in, UTC stored, aware UTC out; a naive moment is refused rather than guessed."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime refused: pass an aware moment")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: dict[Any, Any] = {datetime: UtcDateTime(), dict[str, Any]: JSON()}


class Venue(Base):
    __tablename__ = "venues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    bin: Mapped[str] = mapped_column(String(12))
    address: Mapped[str] = mapped_column(String(300), default="")
    time_zone: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(20))
    capacity: Mapped[int | None] = mapped_column(Integer)
    # None = the shipped defaults in resources/policies, read when a console asks.
    admission_policy: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    refund_rules: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    pseudonym_key: Mapped[bytes] = mapped_column(LargeBinary(64))
    test_mode_until: Mapped[datetime | None]
    group_mode: Mapped[str] = mapped_column(String(20), default="all")
    allow_stale_status: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Station(Base):
    __tablename__ = "stations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the token
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
    # Wraps the supervisors' offline verifiers for this station only (app.core.pins); issued once,
    # at enrollment. None for a station enrolled before: it approves online only.
    pin_pepper: Mapped[bytes | None] = mapped_column(LargeBinary(64))
    # door, box_office, office or combined (central/roles.py); set by the enrollment code
    role: Mapped[str] = mapped_column(String(20), server_default="combined")
    expires_at: Mapped[datetime]  # the current token's; rotation moves it
    last_seen_at: Mapped[datetime | None]  # kept to within a few minutes (see central.stations)
    # The token before the latest rotation: valid until the new one is first used, so a lost
    # rotation answer never locks a console out (see central.stations.rotate).
    previous_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)


class EnrollmentCode(Base):
    __tablename__ = "enrollment_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    station_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    role: Mapped[str] = mapped_column(String(20), server_default="combined")  # the station's


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(200))  # app.core.pins format (scrypt)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Supervisors with a PIN of 8+ digits: app.core.pins.make_offline_verifier's string. A station
    # gets it only wrapped with its pepper; None (an older, shorter PIN): online approval only.
    offline_verifier: Mapped[str | None] = mapped_column(String(200))


class Approval(Base):
    """Every supervisor approval asked of the server, granted or not: the audit trail."""

    __tablename__ = "approvals"
    __table_args__ = (Index("ix_approvals_station_at", "station_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    station_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # who approved; None when refused
    action: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(20))  # "approved", "wrong_pin", "rate_limited"
    details: Mapped[dict[str, Any]] = mapped_column(JSON)  # what the console sent; never an IIN


class RegistryEntry(Base):
    """The status registry, keyed by a keyed hash of the IIN (or passport number), never the number."""

    __tablename__ = "status_registry"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    set_at: Mapped[datetime | None]
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class StatusCache(Base):
    """Upstream answers kept briefly, shared by every server process."""

    __tablename__ = "status_cache"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    set_at: Mapped[datetime | None]
    fetched_at: Mapped[datetime]


# 64-bit ids on PostgreSQL, where a country's door scans pass 2**31 within a year; SQLite needs
# INTEGER for its row id.
VisitId = BigInteger().with_variant(Integer(), "sqlite")


class Visit(Base):
    """A door event. On PostgreSQL the table is partitioned by month of occurred_at (UTC).

    PostgreSQL requires the partition key in every unique constraint, so there the primary key
    is (id, occurred_at) (see migration 0005 and central.partitions) and the idempotency key is
    (venue_id, client_id, occurred_at) on both databases: a console resends an event with the
    occurred_at it wrote when the scan happened (the outbox payload is frozen), so a retry always
    meets its first copy. Two *different* events sharing a client id would have to come from a
    console reusing a UUID4 for another moment: both are kept, and readers take the first.
    """

    __tablename__ = "visits"
    __table_args__ = (
        UniqueConstraint("venue_id", "client_id", "occurred_at"),
        # reports and contact tracing: one venue's visits in a time range
        Index("ix_visits_venue_occurred", "venue_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(VisitId, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    station_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    direction: Mapped[str] = mapped_column(String(10))
    method: Mapped[str] = mapped_column(String(20))
    status: Mapped[str | None] = mapped_column(String(20))
    status_source: Mapped[str | None] = mapped_column(String(40))
    status_age_s: Mapped[int | None] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(200))
    person: Mapped[str | None] = mapped_column(String(64))
    order_number: Mapped[str | None] = mapped_column(String(32))
    ticket_code: Mapped[str | None] = mapped_column(String(32))
    session_id: Mapped[str | None] = mapped_column(String(64))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    door: Mapped[str | None] = mapped_column(String(40))
    test_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    offline: Mapped[bool] = mapped_column(Boolean, default=False)


class TraceIdentity(Base):
    """A visit's IIN for contact tracing, still sealed to the server's key (see README)."""

    __tablename__ = "trace_identities"
    __table_args__ = (
        Index(  # what the background check still has to open: a small partial index
            "ix_trace_identities_pending",
            "occurred_at",
            sqlite_where=text("\"check\" = 'pending'"),
            postgresql_where=text("\"check\" = 'pending'"),
        ),
    )

    visit_id: Mapped[int] = mapped_column(VisitId, ForeignKey("visits.id"), primary_key=True)
    # The visit's moment, copied: on PostgreSQL this table is partitioned by the same months as
    # visits (foreign key (visit_id, occurred_at)), so retention drops both months together.
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    sealed_iin: Mapped[str] = mapped_column(String(400))
    # "pending" (stored, not opened yet: central.seal_check opens it in the background), then
    # "ok", "unreadable" (the box did not open) or "mismatch" (not the visit's pseudonym)
    check: Mapped[str] = mapped_column(String(20))


class EventSession(Base):
    __tablename__ = "sessions"
    __table_args__ = (UniqueConstraint("venue_id", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    external_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    hall: Mapped[str | None] = mapped_column(String(80))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime | None]


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("venue_id", "number"),
        Index("ix_orders_venue_modified", "venue_id", "modified_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    number: Mapped[str] = mapped_column(String(32))
    organizer: Mapped[str] = mapped_column(String(64))
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"))
    modified_at: Mapped[datetime] = mapped_column(default=utcnow)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (UniqueConstraint("venue_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    tariff: Mapped[str] = mapped_column(String(20))
    price_tiyn: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20), default="valid")
    printed_at_box_office: Mapped[bool] = mapped_column(Boolean, default=False)
    used_at: Mapped[datetime | None]
    used_door: Mapped[str | None] = mapped_column(String(40))
    redeem_nonce: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class Refund(Base):
    __tablename__ = "refunds"
    __table_args__ = (UniqueConstraint("venue_id", "client_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    station_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    occurred_at: Mapped[datetime]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(20))
    order_number: Mapped[str] = mapped_column(String(32))
    known_order: Mapped[bool] = mapped_column(Boolean)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)  # the RefundEvent as sent, for audit


class RefundRejection(Base):
    """A refund the server refused (central.refund_check), kept for audit; it moved nothing here.

    One row per refund id: a console may send the same refused id again (it is checked anew);
    the row keeps the first and latest refusal, the latest reason and body, and the count.
    """

    __tablename__ = "refund_rejections"
    __table_args__ = (UniqueConstraint("venue_id", "client_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    station_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    occurred_at: Mapped[datetime]
    first_refused_at: Mapped[datetime]
    refused_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(20))
    order_number: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(String(500))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)  # the RefundEvent as sent


class Checkin(Base):
    """A visitor's own check-in from the poster; `seq` orders the door's live stream."""

    __tablename__ = "checkins"
    __table_args__ = (Index("ix_checkins_venue_seq", "venue_id", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20))
    person: Mapped[str] = mapped_column(String(64))


class RateBucket(Base):
    """GCRA state per key ("station:<id>", "ip:<addr>"): one row, updated atomically."""

    __tablename__ = "rate_buckets"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    tat: Mapped[float] = mapped_column(Float)  # theoretical arrival time, epoch seconds
    allowed: Mapped[bool] = mapped_column(Boolean)  # the outcome of the latest request


class ServerNote(Base):
    """Small facts about this installation (e.g. which key file's public key it published)."""

    __tablename__ = "server_notes"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def upsert(conn: Connection, table: Table, values: dict[str, Any], keys: list[str]) -> None:
    """INSERT, or UPDATE the row with the same key: one statement, race-free across processes."""
    insert = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)
    rest = {k: v for k, v in values.items() if k not in keys}
    conn.execute(insert.values(**values).on_conflict_do_update(index_elements=keys, set_=rest))


def make_engine(url: str) -> Engine:
    """An engine tuned for many short transactions from several threads (and processes)."""
    if url.startswith("sqlite"):
        # as many pooled connections as threads that read at once: an overflow connection is
        # opened (with the pragmas below) and closed again on every use
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=20,
            max_overflow=20,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
