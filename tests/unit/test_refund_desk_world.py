"""A small box office on a real SQLite file, shared by the refund desk, receipt and GUI tests.

Saturday 21 November 2026 in Almaty (UTC+5): the clock starts at 14:00; shows are added at
chosen local times; door denials are real visit_event rows, written the way the door writes them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.core.pins import hash_pin
from app.core.statuses import Direction, InputMethod, Role, Status, VenueCategory, Verdict
from app.models import open_engine, session_factory, upgrade_database
from app.models.tickets import CinemaSession, Order, Ticket
from app.models.venue import Staff, Venue
from app.models.visits import VisitEvent
from app.services.auth import AuthService
from app.services.receipts import ReceiptService
from app.services.refund_desk import RefundDesk
from app.services.shift import ShiftService
from app.sync.protocol import Tariff, TicketState

ALMATY = ZoneInfo("Asia/Almaty")
VENUE = "ALM-1"
SUPERVISOR_PIN = "43214321"
CASHIER_PIN = "1111"


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ALMATY)


@dataclass
class World:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    data_dir: Path
    now: datetime = field(default_factory=lambda: local(21, 14))
    cashier: uuid.UUID = field(default_factory=uuid.uuid4)
    supervisor: uuid.UUID = field(default_factory=uuid.uuid4)

    def clock(self) -> datetime:
        return self.now

    def auth(self) -> AuthService:
        return AuthService(self.sessions, lambda: VENUE, wall_clock=self.clock)

    def desk(self) -> RefundDesk:
        return RefundDesk(self.sessions, VENUE, self.auth(), self.data_dir, clock=self.clock,
                          lang="en")  # fmt: skip

    def receipts(self) -> ReceiptService:
        return ReceiptService(self.sessions, VENUE, clock=self.clock)

    def shifts(self) -> ShiftService:
        return ShiftService(self.sessions, VENUE, clock=self.clock)

    def add_show(self, show_id: str, starts: datetime, title: str = "Dune: Part Three") -> None:
        with self.sessions.begin() as s:
            s.add(CinemaSession(id=show_id, title=title, hall="Hall 3", starts_at=starts,
                                ends_at=starts + timedelta(hours=2), modified_at=self.now))  # fmt: skip

    def add_order(
        self, number: str, organizer: str, show_id: str,
        tickets: list[tuple[str, str, int]], *, printed: tuple[str, ...] = (),
        used: tuple[str, ...] = (),
    ) -> None:  # fmt: skip
        """tickets: (code, tariff, price in tiyn)."""
        with self.sessions.begin() as s:
            s.add(Order(number=number, organizer=organizer, session_id=show_id,
                        modified_at=self.now))  # fmt: skip
            for code, tariff, price in tickets:
                s.add(Ticket(code=code, order_number=number, tariff=Tariff(tariff),
                             price_tiyn=price, printed_at_box_office=code in printed,
                             state=TicketState.USED if code in used else TicketState.VALID,
                             modified_at=self.now))  # fmt: skip

    def add_visit(
        self, at: datetime, *, direction: Direction = Direction.DENIED,
        verdict: Verdict = Verdict.DENY, status: Status | None = Status.RED,
        reason: str = "red_isolation", order: str | None = None, show: str | None = None,
        door: str = "Main entrance", staff: uuid.UUID | None = None, test_mode: bool = False,
        person: str | None = None, override_by: uuid.UUID | None = None,
    ) -> uuid.UUID:  # fmt: skip
        visit_id = uuid.uuid4()
        with self.sessions.begin() as s:
            s.add(VisitEvent(id=visit_id, occurred_at=at, direction=direction,
                             method=InputMethod.CAMERA, status=status, verdict=verdict,
                             reason=reason, person=person, order_number=order,
                             session_id=show, staff_id=staff, door=door,
                             test_mode=test_mode, override_by=override_by))  # fmt: skip
        return visit_id


def build_world(tmp_path: Path) -> World:
    path = tmp_path / "console.sqlite3"
    upgrade_database(path)
    engine = open_engine(path)
    sessions = session_factory(engine, write=True)
    world = World(path, engine, sessions, tmp_path / "data")
    with sessions.begin() as s:
        s.add(Venue(code=VENUE, name="Kinopark 8 Esentai", bin="180240012345",
                    address="Almaty, Al-Farabi ave. 77/8", time_zone="Asia/Almaty",
                    category=VenueCategory.CINEMA))  # fmt: skip
        s.flush()
        s.add(Staff(id=world.cashier, venue_code=VENUE, name="Aigerim Sadykova",
                    role=Role.CASHIER, pin_hash=hash_pin(CASHIER_PIN, n=2**4)))  # fmt: skip
        s.add(Staff(id=world.supervisor, venue_code=VENUE, name="Marat Zhunusov",
                    role=Role.MANAGER, pin_hash=hash_pin(SUPERVISOR_PIN, n=2**4)))  # fmt: skip
    return world


@pytest.fixture(name="world")
def world_fixture(tmp_path: Path) -> Iterator[World]:
    w = build_world(tmp_path)
    yield w
    w.engine.dispose()


def test_the_world_starts_on_a_saturday_afternoon_in_almaty(world: World) -> None:
    assert world.now.astimezone(UTC).hour == 9
    assert world.now.weekday() == 5
