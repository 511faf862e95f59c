"""The refund desk and the central server agree: what the desk pays by the rules, the server keeps.

Real console (enrolled, orders pulled), real `ashyq-central` on loopback: the desk refunds, the
outbox pushes, the server checks every refund against its own tickets and rules.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.statuses import Direction, InputMethod, Role, Status, Verdict
from app.models.tickets import CinemaSession
from app.models.venue import Staff
from app.services.auth import AuthService
from app.services.door import add_visit
from app.services.refund_desk import RefundDesk, RefundRefused
from app.services.shift import ShiftService
from app.services.sync_service import sync_once
from app.sync import protocol as p
from tests.e2e.conftest import CentralProcess, Station, server_rows


def _desk(station: Station, data_dir: Path) -> tuple[RefundDesk, uuid.UUID]:
    ctx = station.ctx
    with ctx.sessions() as s:
        cashier = s.scalars(select(Staff.id).where(Staff.role == Role.CASHIER)).first()
    assert cashier is not None
    ShiftService(ctx.sessions, ctx.venue_code, ctx.station_id, clock=ctx.clock).open(cashier)
    auth = AuthService(ctx.sessions, lambda: ctx.venue_code)
    desk = RefundDesk(ctx.sessions, ctx.venue_code, auth, data_dir, station_id=ctx.station_id,
                      clock=ctx.clock, lang="en")  # fmt: skip
    return desk, cashier


def _state(central: CentralProcess, code: str) -> str:
    rows = server_rows(central, f"SELECT state FROM tickets WHERE code = '{code}'")
    return str(rows[0][0])


def test_a_desk_refund_by_the_rules_is_accepted_by_the_server(
    central: CentralProcess, make_station, tmp_path: Path
) -> None:
    station = make_station(central, name="box office")
    desk, cashier = _desk(station, tmp_path)
    done = desk.refund("D-1006", ["DEMOT1"], staff_id=cashier, refund_id=uuid.uuid4())
    report = sync_once(station.ctx)
    assert (report.pushed, report.rejected) == (1, 0), report
    assert _state(central, "DEMOT1") == "refunded"
    assert server_rows(central, "SELECT count(*) FROM refund_rejections") == [(0,)]
    assert done.fee_tiyn == 25_000 and done.returned_tiyn == 225_000


def test_a_door_denial_lifts_the_deadline_on_both_sides(
    central: CentralProcess, make_station, tmp_path: Path
) -> None:
    station = make_station(central, name="box office")
    ctx = station.ctx
    with ctx.sessions() as s:
        show = s.get(CinemaSession, "DEMO-TODAY-2130")
        assert show is not None
        starts = show.starts_at
    station.clock.now = starts - timedelta(minutes=2)  # past the deadline, before the start
    desk, cashier = _desk(station, tmp_path)
    with pytest.raises(RefundRefused):  # no proof yet: the deadline has passed
        desk.refund("D-1005", ["DEMOS2"], staff_id=cashier, refund_id=uuid.uuid4())
    denial = p.VisitEvent(
        id=uuid.uuid4(), occurred_at=station.clock() - timedelta(minutes=1),
        direction=Direction.DENIED, method=InputMethod.WEDGE, status=Status.RED,
        status_source="central", status_age_s=0, verdict=Verdict.DENY, reason="red_isolation",
        person="b" * 64, order_number="D-1005", session_id="DEMO-TODAY-2130", door=ctx.door,
    )  # fmt: skip
    with ctx.sessions.begin() as s:  # as the door writes a denial: visit row and outbox row
        add_visit(s, ctx, denial)
    done = desk.refund("D-1005", ["DEMOS2"], staff_id=cashier, refund_id=uuid.uuid4())
    assert done.fee_tiyn == 25_000  # the operator fee after a denial
    report = sync_once(ctx)
    assert (report.pushed, report.rejected) == (2, 0), report  # the visit and refund
    assert _state(central, "DEMOS2") == "refunded"


def _refunded_at_two_desks(
    central: CentralProcess, make_station, tmp_path: Path
) -> tuple[RefundDesk, uuid.UUID]:
    """DEMOT2 refunded at two box offices before either heard of the other; both pushed."""
    first = make_station(central, name="box office 1", profile="one")
    code = (
        central.admin("issue-code", "--venue", "DEMO", "--role", "box_office")
        .strip()
        .splitlines()[-1]
    )
    second = make_station(central, name="box office 2", code=code, profile="two")
    desk1, cashier1 = _desk(first, tmp_path / "one")
    desk2, cashier2 = _desk(second, tmp_path / "two")
    desk1.refund("D-1006", ["DEMOT2"], staff_id=cashier1, refund_id=uuid.uuid4())
    late = desk2.refund("D-1006", ["DEMOT2"], staff_id=cashier2, refund_id=uuid.uuid4())
    assert sync_once(first.ctx).pushed == 1
    assert sync_once(second.ctx).pushed == 0  # refused: the server had it refunded already
    return desk2, late.refund_id


def test_a_ticket_refunded_at_two_desks_is_kept_once_by_the_server(
    central: CentralProcess, make_station, tmp_path: Path
) -> None:
    _refunded_at_two_desks(central, make_station, tmp_path)
    refunds = server_rows(central, "SELECT client_id FROM refunds WHERE order_number = 'D-1006'")
    refused = server_rows(central, "SELECT code FROM refund_rejections")
    assert len(refunds) == 1 and refused == [("already_refunded",)]
    assert _state(central, "DEMOT2") == "refunded"


def test_the_second_desk_shows_the_servers_refusal(
    central: CentralProcess, make_station, tmp_path: Path
) -> None:
    desk2, late = _refunded_at_two_desks(central, make_station, tmp_path)
    shown = desk2.order("D-1006").server_refusals
    assert [(r.refund_id, r.code) for r in shown] == [(late, "already_refunded")]
