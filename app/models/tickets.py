"""Sessions, orders and tickets pulled from the central server for the door and the box office.

`modified_at` is the server's moment of last change; the pull asks for rows modified since the
server time of the previous pull (kept in settings_kv). The order table is called
`ticket_order` because ORDER is an SQL keyword every hand-written report query would trip on.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, str_enum
from app.sync.protocol import Tariff, TicketState


class CinemaSession(Base):
    """A show (film session, concert, performance) that tickets admit to."""

    __tablename__ = "cinema_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the server's id
    title: Mapped[str] = mapped_column(String(200))
    hall: Mapped[str | None] = mapped_column(String(80))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime | None]
    modified_at: Mapped[datetime | None]


class Order(Base):
    """A purchase: one buyer's tickets for one session, refunded under one organizer's rules."""

    __tablename__ = "ticket_order"

    number: Mapped[str] = mapped_column(String(32), primary_key=True)
    organizer: Mapped[str] = mapped_column(String(64))  # refund rules slug, e.g. "kinopark"
    session_id: Mapped[str] = mapped_column(ForeignKey("cinema_session.id"), index=True)
    modified_at: Mapped[datetime] = mapped_column(index=True)

    tickets: Mapped[list[Ticket]] = relationship(back_populates="order", order_by="Ticket.code")
    session: Mapped[CinemaSession] = relationship()


class Ticket(Base):
    """One seat; its state changes at the door (used) and at the desk (refunded, exchanged)."""

    __tablename__ = "ticket"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    order_number: Mapped[str] = mapped_column(ForeignKey("ticket_order.number"), index=True)
    tariff: Mapped[Tariff] = mapped_column(str_enum(Tariff))
    price_tiyn: Mapped[int]
    state: Mapped[TicketState] = mapped_column(
        str_enum(TicketState), default=TicketState.VALID, server_default=TicketState.VALID.value
    )
    printed_at_box_office: Mapped[bool] = mapped_column(default=False, server_default=false())
    used_at: Mapped[datetime | None]
    used_door: Mapped[str | None] = mapped_column(String(40))
    modified_at: Mapped[datetime] = mapped_column(index=True)

    order: Mapped[Order] = relationship(back_populates="tickets")

    __table_args__ = (CheckConstraint("price_tiyn >= 0", name="price_not_negative"),)
