"""The refund desk screen driven as a cashier drives it: find, tick, refund, take the receipt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.core.statuses import InputMethod, Role
from app.models.refunds import Refund
from app.models.tickets import Ticket
from app.services.auth import StaffMember
from app.services.receipts import ReceiptSink, sink_from_spec
from app.sync.protocol import TicketState
from app.views.refund_desk import RefundDeskScreen
from app.views.screen import ScanInput
from app.views.tasks import TaskRunner
from tests.unit.test_refund_desk_world import World, local, world_fixture  # noqa: F401


class Desk:
    def __init__(self, w: World, screen: RefundDeskScreen, runner: TaskRunner, out: Path) -> None:
        self.w, self.screen, self.runner, self.out = w, screen, runner, out
        self.sink_spec = f"escpos:file:{out}"
        self.confirmations: list[str] = []

    def sink(self) -> ReceiptSink:
        sink = sink_from_spec(self.sink_spec)
        assert sink is not None
        return sink

    def refunds(self) -> int:
        with self.w.sessions() as s:
            return int(s.scalar(select(func.count()).select_from(Refund)) or 0)


@pytest.fixture
def desk(qtbot: QtBot, world: World, tmp_path: Path) -> Iterator[Desk]:
    world.add_show("S1930", local(21, 19, 30))
    world.add_order("100200", "cinemax", "S1930", [("TK0001", "adult", 250_000),
                                                   ("TK0002", "adult", 250_000)])  # fmt: skip
    runner = TaskRunner()
    member = StaffMember(world.cashier, "Aigerim Sadykova", Role.CASHIER)
    holder: dict[str, Desk] = {}
    screen = RefundDeskScreen(world.desk(), world.receipts(), world.shifts(), runner,
                              staff=lambda: member, sink=lambda: holder["d"].sink(),
                              language=lambda: "en")  # fmt: skip
    qtbot.addWidget(screen)
    d = Desk(world, screen, runner, tmp_path / "thermal.bin")
    holder["d"] = d

    def confirm(title: str, body: str) -> bool:
        d.confirmations.append(f"{title}\n{body}")
        return True

    screen.confirm = confirm
    screen.inform = lambda title, body: d.confirmations.append(f"{title}\n{body}")
    screen.activated()
    yield d
    runner.wait()


def _open_shift(qtbot: QtBot, d: Desk) -> None:
    qtbot.waitUntil(lambda: d.screen.shift_button.text() == "Open shift")
    qtbot.mouseClick(d.screen.shift_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.screen.shift_button.text() == "Close shift")


def _find(qtbot: QtBot, d: Desk, text: str) -> None:
    d.screen.search.clear()
    qtbot.keyClicks(d.screen.search, text)
    qtbot.keyClick(d.screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: d.screen.order is not None and d.screen.table.rowCount() > 0)


def test_find_select_refund_and_the_receipt_prints(qtbot: QtBot, desk: Desk) -> None:
    d = desk
    assert not d.screen.buttons["refund"].isEnabled()
    _open_shift(qtbot, d)
    _find(qtbot, d, "100200")
    assert d.screen.table.item(0, 0).text() == "TK0001"
    assert "Cinemax" in d.screen.table.item(0, 4).text()
    assert d.screen.table.item(0, 6).text() == "KZT2,250.00"
    d.screen.set_checked({"TK0002"})
    assert "KZT2,250.00" in d.screen.totals.text() and "25.11.2026" in d.screen.totals.text()

    d.screen.buttons["refund"].click()
    d.screen.buttons["refund"].click()  # the impatient second press
    qtbot.waitUntil(lambda: d.screen.last_print is not None, timeout=10_000)
    d.runner.wait()
    assert d.screen.last_print is not None and d.screen.last_print.ok
    assert d.refunds() == 1
    assert "TK0002" in d.confirmations[0] and "KZT250.00" in d.confirmations[0]
    assert d.out.read_bytes().count(b"\x1dV") == 1
    assert "Receipt No. 1 printed" in d.screen.message.text()
    with d.w.sessions() as s:
        assert s.get(Ticket, "TK0002").state is TicketState.REFUNDED  # type: ignore[union-attr]
        assert s.get(Ticket, "TK0001").state is TicketState.VALID  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: d.screen.table.item(1, 3).text() == "refunded")


def test_a_failed_print_says_why_and_retry_prints(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    d = desk
    d.sink_spec = f"escpos:file:{tmp_path / 'unplugged' / 'lp0'}"
    _open_shift(qtbot, d)
    d.screen.handle_scan(ScanInput("TK0001", InputMethod.WEDGE))
    qtbot.waitUntil(lambda: d.screen.order is not None and d.screen.table.rowCount() == 2)
    d.screen.buttons["refund"].click()
    qtbot.waitUntil(lambda: d.screen.last_print is not None, timeout=10_000)
    assert not d.screen.last_print.ok  # type: ignore[union-attr]
    assert "off or not connected" in d.screen.message.text()
    assert d.screen.retry_button.isVisibleTo(d.screen)
    qtbot.waitUntil(lambda: d.screen.unprinted.count() == 1)

    d.sink_spec = f"escpos:file:{d.out}"
    qtbot.mouseClick(d.screen.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.screen.last_print is not None and d.screen.last_print.ok,
                    timeout=10_000)  # fmt: skip
    assert d.out.exists() and not d.screen.retry_button.isVisibleTo(d.screen)
    qtbot.waitUntil(lambda: d.screen.unprinted.count() == 0)
    assert d.refunds() == 1


def test_closing_the_shift_shows_the_summary(qtbot: QtBot, desk: Desk) -> None:
    d = desk
    _open_shift(qtbot, d)
    _find(qtbot, d, "100200")
    d.screen.buttons["refund"].click()
    qtbot.waitUntil(lambda: d.screen.last_print is not None, timeout=10_000)
    qtbot.mouseClick(d.screen.shift_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.screen.shift_button.text() == "Open shift")
    summary = d.confirmations[-1]
    assert "Refunds: 1 (2)" in summary and "Returned to cards: KZT4,500.00" in summary
    assert "Fees withheld: KZT500.00" in summary


def test_a_refused_refund_says_why(qtbot: QtBot, desk: Desk) -> None:
    d = desk
    d.w.add_order("300400", "keruen", "S1930", [("KR0001", "adult", 250_000)])
    _open_shift(qtbot, d)
    _find(qtbot, d, "300400")
    d.screen.set_checked({"KR0001"})
    d.screen.buttons["refund"].click()
    qtbot.waitUntil(lambda: "Refused by the rules" in d.screen.message.text(), timeout=10_000)
    assert "supervisor may override" in d.screen.message.text()
    assert d.refunds() == 0


def test_the_console_builds_the_desk_from_the_station(
    qtbot: QtBot, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    from app.settings import Settings

    monkeypatch.setenv("ASHYQ_HOME", str(tmp_path / "home"))
    ctx = SimpleNamespace(engine=world.engine, sessions=world.sessions, venue_code="ALM-1",
                          station_id=None, clock=world.clock, profile="default")  # fmt: skip
    runner = TaskRunner()
    settings = Settings(printer=f"escpos:file:{tmp_path / 'p.bin'}", language="en")
    screen = RefundDeskScreen.create(ctx, runner, lambda: None, settings)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    screen.activated()
    qtbot.waitUntil(lambda: screen.shift_button.text() == "Open shift")
    runner.wait()
