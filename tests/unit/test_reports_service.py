"""The manager's report against a hand-counted day of visits, and its exports read back."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.core.statuses import Direction, Status, Verdict
from app.documents.data import ReportData
from app.models.venue import Venue
from app.services.reports import build_report, export_report, poster_pdf, report_command
from tests.unit.test_refund_desk_world import World, local, world_fixture  # noqa: F401

ENTRY, EXIT, DENIED = Direction.ENTRY, Direction.EXIT, Direction.DENIED
ADMIT, DENY = Verdict.ADMIT, Verdict.DENY
PERSON = uuid.uuid4().hex + uuid.uuid4().hex  # a pseudonym: must never reach an export


@pytest.fixture
def day(world: World) -> World:
    """21 November: 9 checks, 6 entries, 3 exits, peak 3 at 10:00; test mode and neighbours apart."""
    w, a, b = world, world.cashier, world.supervisor
    add = w.add_visit
    add(local(21, 9, 5), direction=ENTRY, verdict=ADMIT, status=Status.GREEN, reason="green",
        door="A", staff=a, person=PERSON)  # fmt: skip
    add(local(21, 9, 10), direction=ENTRY, verdict=ADMIT, status=Status.BLUE, reason="blue",
        door="A", staff=a)  # fmt: skip
    add(local(21, 9, 20), status=Status.RED, reason="red_isolation", door="A", staff=a,
        person=PERSON)  # fmt: skip
    add(local(21, 10, 0), direction=ENTRY, verdict=ADMIT, status=Status.GREEN, reason="green",
        door="B", staff=b)  # fmt: skip
    add(local(21, 10, 30), direction=EXIT, verdict=ADMIT, status=Status.GREEN, reason="exit",
        door="A", person=PERSON)  # fmt: skip
    add(local(21, 10, 40), status=Status.YELLOW, reason="yellow_contact", door="B", staff=b)
    add(local(21, 11, 0), direction=ENTRY, verdict=ADMIT, status=None, reason="redeemed", door="B")
    add(local(21, 11, 5), direction=EXIT, verdict=ADMIT, status=None, reason="exit", door="B")
    add(local(21, 11, 10), direction=EXIT, verdict=ADMIT, status=None, reason="exit", door="C")
    add(local(21, 14, 0), status=Status.GREEN, reason="capacity_full", door="C")
    add(local(21, 15, 0), direction=ENTRY, verdict=Verdict.NEEDS_CHECK, status=Status.BLUE,
        reason="pcr_certificate_required", door="C")  # fmt: skip
    add(local(21, 16, 0), status=Status.NOT_FOUND, reason="not_found", door="C", staff=b)
    add(local(21, 16, 1), direction=ENTRY, verdict=ADMIT, status=Status.NOT_FOUND,
        reason="supervisor_override", door="C", staff=b, override_by=b)  # fmt: skip
    add(local(21, 23, 30), direction=ENTRY, verdict=ADMIT, status=Status.GREEN, reason="green",
        door="C")  # fmt: skip
    # training week: counted apart
    add(local(21, 12, 0), direction=ENTRY, verdict=ADMIT, status=Status.GREEN, reason="green",
        door="A", test_mode=True)  # fmt: skip
    add(local(21, 12, 1), status=Status.RED, reason="red_isolation", door="A", test_mode=True)
    # the evening before and the night after belong to other venue days
    add(local(20, 23, 50), direction=ENTRY, verdict=ADMIT, status=Status.GREEN, reason="green")
    add(local(22, 0, 10), direction=ENTRY, verdict=ADMIT, status=Status.RED, reason="green")
    return w


def _report(w: World, first: int = 21, last: int = 21) -> ReportData:
    return build_report(w.sessions, date_from=date(2026, 11, first), date_to=date(2026, 11, last),
                        tz="Asia/Almaty", lang="en", clock=w.clock)  # fmt: skip


def test_visits_by_hour_and_colour_in_venue_time(day: World) -> None:
    report = _report(day)
    hours = {row.hour: row.by_status() for row in report.by_hour}
    # green, blue, yellow, red, not_found
    assert hours == {
        9: (1, 1, 0, 1, 0),
        10: (1, 0, 1, 0, 0),
        14: (1, 0, 0, 0, 0),
        16: (0, 0, 0, 0, 2),
        23: (1, 0, 0, 0, 0),
    }
    assert (report.checks, report.admitted, report.denied) == (9, 5, 4)
    assert dict((r.reason, r.count) for r in report.denial_reasons) == {
        "status_red": 1, "status_yellow": 1, "capacity": 1, "not_found": 1,
    }  # fmt: skip


def test_entries_exits_and_peak_occupancy(day: World) -> None:
    report = _report(day)
    assert (report.entries, report.exits) == (6, 3)
    assert report.peak_occupancy == 3
    assert report.peak_at == local(21, 10, 0)
    [only] = report.days
    assert (only.checks, only.admitted, only.denied, only.entries, only.exits) == (9, 5, 4, 6, 3)
    assert only.peak_occupancy == 3


def test_test_mode_is_counted_apart(day: World) -> None:
    report = _report(day)
    assert (report.test_mode.checks, report.test_mode.admitted, report.test_mode.denied) == (
        2,
        1,
        1,
    )
    assert all(row.hour != 12 for row in report.by_hour)


def test_per_door_and_per_staff_member(day: World) -> None:
    report = _report(day)
    doors = {row.door: (row.checks, row.admitted, row.denied, row.entries, row.exits)
             for row in report.doors}  # fmt: skip
    assert doors == {"A": (3, 2, 1, 2, 1), "B": (2, 1, 1, 2, 1), "C": (4, 2, 2, 2, 1)}
    staff = {row.staff: (row.checks, row.admitted, row.denied, row.overrides)
             for row in report.staff}  # fmt: skip
    assert staff == {
        "Marat Zhunusov": (4, 2, 2, 1),
        "Aigerim Sadykova": (3, 2, 1, 0),
        "—": (2, 1, 1, 0),
    }


def test_a_range_report_has_a_row_per_day(day: World) -> None:
    report = _report(day, 20, 22)
    assert [(r.day.day, r.checks, r.entries, r.peak_occupancy) for r in report.days] == [
        (20, 1, 1, 1), (21, 9, 6, 3), (22, 1, 1, 1),
    ]  # fmt: skip
    assert report.checks == 11 and not report.is_daily


def test_refunds_and_exchanges_per_organizer(day: World) -> None:
    w = day
    w.shifts().open(w.cashier)
    w.add_show("S1", local(21, 19, 30))
    w.add_show("S2", local(21, 22, 0))
    w.add_order("R1", "cinemax", "S1", [("OR0001", "adult", 250_000)])
    w.add_order(
        "R2", "kinopark", "S1", [("OR0002", "adult", 300_000), ("OR0003", "adult", 300_000)]
    )
    w.add_order("R3", "kinopark", "S2", [("OR0004", "adult", 300_000)])
    desk = w.desk()
    desk.refund("R1", ["OR0001"], staff_id=w.cashier, refund_id=uuid.uuid4())
    desk.refund("R2", ["OR0002"], staff_id=w.cashier, refund_id=uuid.uuid4())
    desk.exchange("R2", ["OR0003"], "S2", staff_id=w.cashier, refund_id=uuid.uuid4())
    report = _report(w)
    rows = {r.organizer: (r.refunded_tickets, r.exchanged_tickets, r.requests, r.fees_tiyn,
                          r.returned_tiyn) for r in report.organizers}  # fmt: skip
    assert rows == {
        "Cinemax": (1, 0, 0, 25_000, 225_000),
        "Kinopark / Kinoplexx": (1, 1, 0, 60_000, 270_000),
    }
    assert report.returned_tiyn == 495_000


def _no_personal_numbers(text: str) -> None:
    assert PERSON not in text and PERSON[:8] not in text and PERSON[-8:] not in text


@pytest.mark.parametrize("fmt", ["pdf", "csv", "xlsx"])
def test_exports_read_back_with_the_figures_and_no_pseudonym(
    day: World, tmp_path: Path, fmt: str
) -> None:
    out = export_report(_report(day), fmt, tmp_path / f"day.{fmt}", lang="ru")  # type: ignore[arg-type]
    if fmt == "csv":
        text = out.read_bytes().decode("utf-8-sig")
        cells = [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]
        assert "Marat Zhunusov" in cells and "9" in cells
    elif fmt == "xlsx":
        book = load_workbook(out)
        values = [
            c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
        ]
        assert "Marat Zhunusov" in values and 9 in values
        text = " ".join(str(v) for v in values)
    else:
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        assert "Marat Zhunusov" in text
    _no_personal_numbers(text)
    assert not list(tmp_path.glob("*.part"))


def test_the_report_command_writes_the_file(day: World, tmp_path: Path) -> None:
    day.engine.dispose()
    out = report_command(day.path, date(2026, 11, 21), date(2026, 11, 21), "csv",
                         tmp_path / "out" / "report.csv", "en")  # fmt: skip
    text = out.read_text(encoding="utf-8-sig")
    assert "Kinopark 8 Esentai" in text and "2026-11-21" in text


def test_the_poster_points_at_the_check_in_page(world: World) -> None:
    with pytest.raises(LookupError):
        poster_pdf(world.sessions)
    with world.sessions.begin() as s:
        venue = s.get(Venue, "ALM-1")
        assert venue is not None
        venue.checkin_url = "https://ashyq.example.kz/v/ALM-1"
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(poster_pdf(world.sessions))).pages
    )
    assert "https://ashyq.example.kz/v/ALM-1" in text


def test_an_empty_day_is_a_valid_report(world: World) -> None:
    report = _report(world)
    assert report.checks == 0 and report.peak_occupancy == 0 and report.peak_at is None
    assert isinstance(report.generated_at, datetime)
