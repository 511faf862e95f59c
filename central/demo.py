"""`--demo-data`: a cinema with staff, sessions, orders and statuses, ready for the demo console.

Idempotent: the venue is created once; later starts only issue a new enrollment code. The IINs
are generated valid (check digit by `app.core.iin`) and fixed, so tests and the demo launcher
know which number gives which colour; the numbers of the demo camera video
(resources/demo/demo_codes.json) get the colours that file names, when it is there.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select

from app.core.iin import check_digit
from app.core.statuses import Status
from app.resources import load_json
from app.sync.protocol import StationRole
from central import admin
from central.db import EventSession, Order, Ticket, Venue, utcnow
from central.keys import ServerKeys
from central.status_source import IIN, PASSPORT

log = logging.getLogger("central.demo")

VENUE_CODE = "DEMO"
VENUE_NAME = "Demo Cinema"
TIME_ZONE = "Asia/Almaty"
STAFF = (
    ("Door (demo)", "door", "1111"),
    ("Cashier (demo)", "cashier", "2222"),
    ("Manager (demo)", "manager", "33333333"),
    ("Admin (demo)", "admin", "44444444"),
)
DEMO_PASSPORT = "N12345678"  # a foreign visitor's passport with a green status
DEMO_PASSPORT_STATE = "UTO"  # its issuing state: ICAO 9303's specimen state, Utopia


def valid_number(first10: str) -> str:
    """The first valid 12-digit number (IIN or BIN) starting with `first10`."""
    for serial in "0123456789":
        digit = check_digit(first10 + serial)
        if digit is not None:
            return f"{first10}{serial}{digit}"
    raise ValueError("no valid number with this prefix")


DEMO_BIN = valid_number("1905400012")  # registered 2019-05, resident, head office
DEMO_IINS: dict[Status, tuple[str, ...]] = {
    Status.GREEN: (valid_number("9001013001"), valid_number("8507224002")),
    Status.BLUE: (valid_number("9503153003"), valid_number("7811304004")),
    Status.YELLOW: (valid_number("8802283005"), valid_number("0204015006")),
    Status.RED: (valid_number("7706063007"), valid_number("9909094008")),
    Status.NOT_FOUND: (valid_number("6612313009"),),  # valid, but not in the registry
}


def _video_iins() -> dict[Status, str]:
    try:
        data = load_json("demo", "demo_codes.json")
    except (FileNotFoundError, ValueError):
        return {}
    return {Status(k): v for k, v in data.get("iins", {}).items() if k in set(Status)}


def _video_tickets() -> list[str]:
    try:
        return list(load_json("demo", "demo_codes.json").get("tickets", []))
    except (FileNotFoundError, ValueError):
        return []


def seed(conn: Connection, keys: ServerKeys, enroll_code: str | None = None) -> str:
    """Create the demo venue if absent, refresh its statuses, and return an enrollment code.

    With a fixed `enroll_code` (the demo launcher's) the code is re-armed on every start:
    acceptable for a demo on one machine, never for a real venue.
    """
    exists = conn.execute(select(Venue.id).where(Venue.code == VENUE_CODE)).scalar_one_or_none()
    if exists is None:
        _create(conn)
    set_at = utcnow() - timedelta(days=1)
    for status, numbers in DEMO_IINS.items():
        for number in numbers:
            if status is not Status.NOT_FOUND:
                admin.set_status(conn, keys, IIN, number, status, set_at)
    for status, number in _video_iins().items():
        if status is not Status.NOT_FOUND:
            admin.set_status(conn, keys, IIN, number, status, set_at)
    admin.set_status(conn, keys, PASSPORT, DEMO_PASSPORT, Status.GREEN, set_at)  # old consoles
    admin.set_status(conn, keys, PASSPORT, DEMO_PASSPORT, Status.GREEN, set_at, DEMO_PASSPORT_STATE)
    # The demo console is door, box office and office on one PC.
    return admin.issue_code(conn, VENUE_CODE, role=StationRole.COMBINED, fixed=enroll_code)


def _create(conn: Connection) -> None:
    venue_id = admin.create_venue(
        conn, code=VENUE_CODE, name=VENUE_NAME, bin_number=DEMO_BIN, time_zone=TIME_ZONE,
        category="cinema", capacity=120, address="Almaty, Abay ave. 1", test_mode_days=7,
    )  # fmt: skip
    for name, role, pin in STAFF:
        admin.create_staff(conn, VENUE_CODE, name, role, pin)
    # Shows relative to the moment the demo starts, so the doors open for them whatever the hour
    # (a ticket admits from 12 h before its show, app.core.tickets): the next show in about an
    # hour, a later one the same evening, and one tomorrow that the door must refuse today.
    first = _next_five_minutes(utcnow() + timedelta(hours=1))
    sessions = {
        "DEMO-TODAY-1900": _session(conn, venue_id, "DEMO-TODAY-1900", "The Steppe", first),
        "DEMO-TODAY-2130": _session(
            conn, venue_id, "DEMO-TODAY-2130", "Nomad", first + timedelta(hours=2, minutes=30)
        ),
        "DEMO-TOMORROW-1900": _session(
            conn, venue_id, "DEMO-TOMORROW-1900", "The Steppe", first + timedelta(days=1)
        ),
    }
    now = utcnow()
    tonight = sessions["DEMO-TODAY-1900"]
    _order(conn, venue_id, "D-1001", tonight, ["DEMOG1", "DEMOG2", "DEMOG3"])  # a group of 3
    _order(conn, venue_id, "D-1002", tonight, ["DEMOS1"])
    _order(conn, venue_id, "D-1003", tonight, ["DEMOP1"], printed=True)  # printed at the desk
    _order(conn, venue_id, "D-1004", tonight, ["DEMOU1"], used=(now - timedelta(minutes=5), "1"))
    _order(conn, venue_id, "D-1005", sessions["DEMO-TODAY-2130"], ["DEMOS2"], organizer="chaplin")
    _order(conn, venue_id, "D-1006", sessions["DEMO-TOMORROW-1900"], ["DEMOT1", "DEMOT2"])
    for number, code in enumerate(_video_tickets(), start=1):
        _order(conn, venue_id, f"D-20{number:02d}", tonight, [code])


def _next_five_minutes(moment: datetime) -> datetime:
    moment = moment.replace(second=0, microsecond=0)
    return moment + timedelta(minutes=(-moment.minute) % 5)


def _session(conn: Connection, venue_id: int, ext: str, title: str, starts: datetime) -> int:
    result = conn.execute(
        EventSession.__table__.insert()
        .values(venue_id=venue_id, external_id=ext, title=title, hall="Hall 1",
                starts_at=starts, ends_at=starts + timedelta(hours=2))
        .returning(EventSession.__table__.c.id)
    )  # fmt: skip
    return int(result.scalar_one())


def _order(
    conn: Connection,
    venue_id: int,
    number: str,
    session_id: int,
    codes: list[str],
    *,
    organizer: str = "kinopark",
    printed: bool = False,
    used: tuple[datetime, str] | None = None,
) -> None:
    order_id = conn.execute(
        Order.__table__.insert()
        .values(venue_id=venue_id, number=number, organizer=organizer, session_id=session_id,
                modified_at=utcnow())
        .returning(Order.__table__.c.id)
    ).scalar_one()  # fmt: skip
    rows: list[dict[str, Any]] = [
        {
            "venue_id": venue_id,
            "order_id": order_id,
            "code": code,
            "tariff": "adult",
            "price_tiyn": 250_000,
            "state": "used" if used else "valid",
            "printed_at_box_office": printed,
            "used_at": used[0] if used else None,
            "used_door": used[1] if used else None,
        }
        for code in codes
    ]
    conn.execute(Ticket.__table__.insert(), rows)
