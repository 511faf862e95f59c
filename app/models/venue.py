"""The venue this console serves, its enrolled station, its staff, and database-held settings.

These rows mirror the central server's `VenueConfig` (app/sync/protocol.py): the sync pull
replaces them, so staff are deactivated, never deleted, and the records that name them keep
pointing at a row.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, false, true
from sqlalchemy.orm import Mapped, mapped_column

from app.core.statuses import Role, VenueCategory
from app.models.base import Base, str_enum
from app.sync.protocol import GroupMode


class Venue(Base):
    """One row per venue known to this console (normally exactly one)."""

    __tablename__ = "venue"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    bin: Mapped[str] = mapped_column(String(12))  # business number, printed on receipts
    address: Mapped[str] = mapped_column(String(300), default="", server_default="")
    time_zone: Mapped[str] = mapped_column(String(64))  # IANA; the weekday rules use it
    category: Mapped[VenueCategory] = mapped_column(str_enum(VenueCategory))
    capacity: Mapped[int | None]
    test_mode_until: Mapped[datetime | None]
    group_mode: Mapped[GroupMode] = mapped_column(
        str_enum(GroupMode), default=GroupMode.ALL, server_default=GroupMode.ALL.value
    )
    allow_stale_status: Mapped[bool] = mapped_column(default=False, server_default=false())
    admission_policy: Mapped[dict[str, Any]] = mapped_column(default=dict)
    refund_rules: Mapped[dict[str, Any]] = mapped_column(default=dict)
    checkin_url: Mapped[str] = mapped_column(String(500), default="", server_default="")
    server_public_key: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_at: Mapped[datetime | None]  # when the config was last pulled


class Station(Base):
    """This PC, as enrolled with the central server (the bearer token lives in the keyring)."""

    __tablename__ = "station"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    door: Mapped[str] = mapped_column(String(40), default="", server_default="")
    venue_code: Mapped[str] = mapped_column(ForeignKey("venue.code"), index=True)
    enrolled_at: Mapped[datetime]
    server_url: Mapped[str] = mapped_column(String(500))
    fallback_url: Mapped[str | None] = mapped_column(String(500))


class Staff(Base):
    """A person who logs in with a PIN; the role decides what the console lets them do."""

    __tablename__ = "staff"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    venue_code: Mapped[str] = mapped_column(ForeignKey("venue.code"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    pin_hash: Mapped[str] = mapped_column(String(200))  # app.core.pins, never the PIN
    active: Mapped[bool] = mapped_column(default=True, server_default=true())


class SettingKV(Base):
    """The few settings that travel with the data, e.g. the last pull's server time.

    Settings about this PC (camera, printer, language) belong to the settings module and
    QSettings, not here: copying the database to another PC must not copy its printer.
    """

    __tablename__ = "settings_kv"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
