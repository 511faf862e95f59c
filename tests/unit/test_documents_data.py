"""The documents' inputs refuse what would print wrong: bad BIN, naive times, impossible sums."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from app.documents.data import HourRow, ReceiptLine, Venue
from app.documents.samples import SAMPLE_VENUE, sample_receipt, sample_report


def test_venue_needs_a_12_digit_bin_and_a_real_zone() -> None:
    with pytest.raises(ValueError):
        Venue("X", "12345", "addr")
    with pytest.raises(Exception):  # noqa: B017 - zoneinfo raises its own error type
        Venue("X", SAMPLE_VENUE.bin, "addr", tz="Asia/Nowhere")


def test_naive_moments_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        replace(sample_receipt("ru"), moment=datetime(2026, 11, 22, 18, 5))


def test_a_line_cannot_refund_more_than_was_paid() -> None:
    start = datetime(2026, 11, 22, 14, 30, tzinfo=UTC)
    with pytest.raises(ValueError):
        ReceiptLine("KP7Q", "S", start, "Adult", 250_000, 25_000, 250_000)
    with pytest.raises(ValueError):
        ReceiptLine("KP7Q", "S", start, "Adult", 250_000, -1, 0)


def test_receipt_numbers_start_at_one_and_need_a_ticket() -> None:
    with pytest.raises(ValueError):
        replace(sample_receipt("ru"), receipt_number=0)
    with pytest.raises(ValueError):
        replace(sample_receipt("ru"), lines=())


def test_report_hours_are_filled_to_a_full_day() -> None:
    report = sample_report(1_000)
    hours = report.hours_filled()
    assert [row.hour for row in hours] == list(range(24))
    assert sum(row.total for row in hours) == report.checks == 1_000
    assert sum(report.status_totals()) == 1_000
    with pytest.raises(ValueError):
        HourRow(24)
    with pytest.raises(ValueError):
        replace(report, date_to=date(2026, 11, 1))
