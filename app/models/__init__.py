"""The local console database: tables, engine and session setup, migrations.

Typical start-up::

    upgrade_database(database_path())
    engine = open_engine(database_path())
    read = session_factory(engine)
    write = session_factory(engine, write=True)
"""

from __future__ import annotations

from app.models.base import Base, UtcDateTime
from app.models.engine import (
    LocalDatabaseError,
    as_local_error,
    open_engine,
    session_factory,
    writing,
)
from app.models.fiscal import ChequeState, FiscalCheque
from app.models.migrate import (
    alembic_config,
    current_revision,
    downgrade_database,
    upgrade_database,
)
from app.models.receipts import (
    Receipt,
    ReceiptCounter,
    ReceiptKind,
    ReceiptPrint,
    next_receipt_number,
)
from app.models.records import AuditLog, Outbox, OutboxKind
from app.models.refunds import CashShift, Refund, RefundLine
from app.models.tickets import CinemaSession, Order, Ticket
from app.models.venue import SettingKV, Staff, Station, Venue
from app.models.visits import StatusCache, VisitEvent

__all__ = [
    "AuditLog",
    "Base",
    "CashShift",
    "ChequeState",
    "CinemaSession",
    "FiscalCheque",
    "LocalDatabaseError",
    "Order",
    "Outbox",
    "OutboxKind",
    "Receipt",
    "ReceiptCounter",
    "ReceiptKind",
    "ReceiptPrint",
    "Refund",
    "RefundLine",
    "SettingKV",
    "Staff",
    "StatusCache",
    "Station",
    "Ticket",
    "UtcDateTime",
    "Venue",
    "VisitEvent",
    "alembic_config",
    "as_local_error",
    "current_revision",
    "downgrade_database",
    "next_receipt_number",
    "open_engine",
    "session_factory",
    "upgrade_database",
    "writing",
]
