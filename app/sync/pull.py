"""What comes down from the server: the venue's config and its orders, into the local database.

The console must decide at the door and the desk with the network gone, so it keeps a copy of
everything it decides with: the venue (time zone, category, capacity), the admission policy, the
refund rules, the staff (PIN hashes only), the server's public key for sealing, and the orders
with their tickets. Orders come incrementally: the server's clock of the previous pull is kept in
settings_kv and passed back as `modified_since`, so a pull after a day offline fetches one day.

A ticket this console admitted offline, whose redemption the server has not heard yet, keeps its
local "used" state even if the server still says "valid": the outbox will tell the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.records import Outbox as OutboxRow
from app.models.records import OutboxKind
from app.models.tickets import CinemaSession, Order, Ticket
from app.models.venue import SettingKV, Staff, Venue
from app.sync import protocol as p
from app.sync.client import CentralClient

ORDERS_SINCE_KEY = "sync.orders_modified_since"
CONFIG_PULLED_KEY = "sync.config_pulled_at"
STATION_ROLE_KEY = "station.role"  # door, box_office, office or combined (protocol.StationRole)
TOKEN_EXPIRES_KEY = "station.token_expires_at"


@dataclass(frozen=True)
class PullReport:
    venue_code: str | None = None
    staff: int = 0
    orders: int = 0
    tickets: int = 0
    token_expires_at: datetime | None = None  # the station token's, as the server said


def get_setting(session: Session, key: str) -> Any:
    row = session.get(SettingKV, key)
    return None if row is None else row.value


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(SettingKV, key)
    if row is None:
        session.add(SettingKV(key=key, value=value))
    else:
        row.value = value


def pull_config(
    client: CentralClient, sessions: sessionmaker[Session], *, now: datetime
) -> PullReport:
    """Replace the local venue, policy, rules and staff with the server's."""
    config = client.get_config()
    role, expires = client.station_role, client.token_expires_at  # the answer's headers
    with sessions.begin() as session:
        store_config(session, config, now=now)
        if role is not None:
            set_setting(session, STATION_ROLE_KEY, role.value)
        if expires is not None:
            set_setting(session, TOKEN_EXPIRES_KEY, expires.isoformat())
    return PullReport(
        venue_code=config.venue.code, staff=len(config.staff), token_expires_at=expires
    )


def store_config(session: Session, config: p.VenueConfig, *, now: datetime) -> None:
    v = config.venue
    venue = session.get(Venue, v.code)
    if venue is None:
        venue = Venue(code=v.code)
        session.add(venue)
    venue.name = v.name
    venue.bin = v.bin
    venue.address = v.address
    venue.time_zone = v.time_zone
    venue.category = v.category
    venue.capacity = v.capacity
    venue.test_mode_until = v.test_mode_until
    venue.group_mode = v.group_mode
    venue.allow_stale_status = v.allow_stale_status
    venue.admission_policy = dict(config.admission_policy)
    venue.refund_rules = dict(config.refund_rules)
    venue.checkin_url = config.checkin_url
    venue.server_public_key = config.server_public_key
    venue.updated_at = now
    session.flush()
    seen = set()
    for s in config.staff:
        seen.add(s.id)
        staff = session.get(Staff, s.id)
        if staff is None:
            staff = Staff(id=s.id, venue_code=v.code)
            session.add(staff)
        staff.name = s.name
        staff.role = s.role
        staff.pin_hash = s.pin_hash
        staff.active = s.active
    # Staff the server no longer lists are deactivated, never deleted: records name them.
    gone = update(Staff).where(Staff.venue_code == v.code)
    if seen:
        gone = gone.where(Staff.id.not_in(seen))
    session.execute(gone.values(active=False))
    set_setting(session, CONFIG_PULLED_KEY, now.isoformat())


def pull_orders(client: CentralClient, sessions: sessionmaker[Session]) -> PullReport:
    """Fetch orders changed since the last pull and merge them."""
    with sessions() as session:
        since_text = get_setting(session, ORDERS_SINCE_KEY)
    since = datetime.fromisoformat(since_text) if since_text else None
    page = client.get_orders(since)
    with sessions.begin() as session:
        tickets = store_orders(session, page.orders)
        set_setting(session, ORDERS_SINCE_KEY, page.server_time.isoformat())
    return PullReport(orders=len(page.orders), tickets=tickets)


def store_orders(session: Session, orders: list[p.OrderOut]) -> int:
    pending_codes = set(
        session.scalars(
            select(OutboxRow.payload["ticket_code"].as_string()).where(
                OutboxRow.kind == OutboxKind.REDEMPTION, OutboxRow.acknowledged_at.is_(None)
            )
        )
    )
    count = 0
    for order in orders:
        _store_session(session, order.session, order.modified_at)
        row = session.get(Order, order.number)
        if row is None:
            row = Order(number=order.number)
            session.add(row)
        row.organizer = order.organizer
        row.session_id = order.session.id
        row.modified_at = order.modified_at
        session.flush()
        for t in order.tickets:
            _store_ticket(session, order, t, keep_used=t.code in pending_codes)
            count += 1
    return count


def _store_session(session: Session, s: p.SessionOut, modified_at: datetime) -> None:
    row = session.get(CinemaSession, s.id)
    if row is None:
        row = CinemaSession(id=s.id)
        session.add(row)
    row.title = s.title
    row.hall = s.hall
    row.starts_at = s.starts_at
    row.ends_at = s.ends_at
    row.modified_at = modified_at


def _store_ticket(session: Session, order: p.OrderOut, t: p.TicketOut, *, keep_used: bool) -> None:
    row = session.get(Ticket, t.code)
    if row is None:
        row = Ticket(code=t.code, order_number=order.number)
        session.add(row)
    row.order_number = order.number
    row.tariff = t.tariff
    row.price_tiyn = t.price_tiyn
    row.printed_at_box_office = t.printed_at_box_office
    row.modified_at = order.modified_at
    if keep_used and t.state is p.TicketState.VALID:
        return  # admitted here offline; the server learns it from the outbox
    row.state = t.state
    row.used_at = t.used_at
    row.used_door = t.used_door
