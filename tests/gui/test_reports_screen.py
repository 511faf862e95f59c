"""The reports screen: the day's figures on screen with the chart, then the files a manager saves."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.core.statuses import Direction, Status, Verdict
from app.models.venue import Venue
from app.services.reports import build_report, poster_pdf
from app.views.reports_screen import ReportsScreen
from app.views.tasks import TaskRunner
from tests.unit.test_refund_desk_world import World, local, world_fixture  # noqa: F401


@pytest.fixture
def screen(qtbot: QtBot, world: World, tmp_path: Path) -> Iterator[ReportsScreen]:
    w = world
    for minute in range(3):
        w.add_visit(local(21, 18, minute), direction=Direction.ENTRY, verdict=Verdict.ADMIT,
                    status=Status.GREEN, reason="green", door="Main")  # fmt: skip
    w.add_visit(local(21, 18, 10), status=Status.RED, reason="red_isolation", door="Main")
    with w.sessions.begin() as s:
        venue = s.get(Venue, "ALM-1")
        assert venue is not None
        venue.checkin_url = "https://ashyq.example.kz/v/ALM-1"
    runner = TaskRunner()
    view = ReportsScreen(
        lambda first, last: build_report(w.sessions, date_from=first, date_to=last, lang="en"),
        lambda: poster_pdf(w.sessions), runner, language=lambda: "en",
        today=lambda: date(2026, 11, 21),
    )  # fmt: skip
    view.choose_path = lambda suggested, _filter: tmp_path / suggested
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    yield view
    runner.wait()


def test_the_day_is_shown_with_its_chart(qtbot: QtBot, screen: ReportsScreen) -> None:
    assert not screen.export_buttons["pdf"].isEnabled()
    screen.activated()
    qtbot.waitUntil(lambda: screen.data is not None, timeout=10_000)
    assert "Checks: 4" in screen.summary.text() and "Denied: 1" in screen.summary.text()
    assert "Peak occupancy: 3 (18:02)" in screen.summary.text()
    assert screen.tables["reasons"].item(0, 0).text() == "status_red"
    assert screen.tables["doors"].item(0, 1).text() == "4"
    assert [row.total for row in screen.chart.rows if row.total] == [4]
    image = screen.chart.grab().toImage()
    assert image.width() > 100  # painted without errors
    assert screen.export_buttons["pdf"].isEnabled()


@pytest.mark.parametrize("fmt", ["pdf", "csv", "xlsx"])
def test_export_produces_a_file(
    qtbot: QtBot, screen: ReportsScreen, tmp_path: Path, fmt: str
) -> None:
    screen.load()
    qtbot.waitUntil(lambda: screen.data is not None, timeout=10_000)
    qtbot.mouseClick(screen.export_buttons[fmt], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.last_export is not None, timeout=10_000)
    path = screen.last_export
    assert path == tmp_path / f"ashyq-report-2026-11-21.{fmt}" and path.stat().st_size > 0
    if fmt == "pdf":
        assert "Kinopark 8 Esentai" in PdfReader(path).pages[0].extract_text()
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        assert any("Main" in row for row in rows)
    else:
        assert load_workbook(path).worksheets


def test_a_range_and_the_poster(qtbot: QtBot, screen: ReportsScreen, tmp_path: Path) -> None:
    screen.date_from.setDate(QDate(2026, 11, 20))
    screen.load()
    qtbot.waitUntil(lambda: screen.data is not None, timeout=10_000)
    assert screen.data is not None and not screen.data.is_daily
    qtbot.mouseClick(screen.export_buttons["csv"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.last_export is not None, timeout=10_000)
    assert screen.last_export == tmp_path / "ashyq-report-2026-11-20_2026-11-21.csv"
    qtbot.mouseClick(screen.poster_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.last_export == tmp_path / "ashyq-poster.pdf", timeout=10_000)
    text = PdfReader(tmp_path / "ashyq-poster.pdf").pages[0].extract_text()
    assert "ashyq.example.kz" in text


def test_a_backwards_period_is_explained(screen: ReportsScreen) -> None:
    screen.date_from.setDate(QDate(2026, 11, 22))
    screen.load()
    assert "ends before it starts" in screen.message.text()


def test_the_console_builds_the_reports_screen_from_the_station(
    qtbot: QtBot, screen: ReportsScreen, world: World
) -> None:
    from types import SimpleNamespace

    from app.settings import Settings

    ctx = SimpleNamespace(engine=world.engine, sessions=world.sessions, venue_code="ALM-1",
                          station_id=None, clock=world.clock)  # fmt: skip
    runner = TaskRunner()
    view = ReportsScreen.create(ctx, runner, lambda: None, Settings(language="kk"))  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.date_from.setDate(QDate(2026, 11, 21))
    view.date_to.setDate(QDate(2026, 11, 21))
    view.load()
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    assert view.data is not None and view.data.checks == 4
    runner.wait()
