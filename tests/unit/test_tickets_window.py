from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.core.tickets import ticket_window_open

ALMATY = ZoneInfo("Asia/Almaty")
SHOW = datetime(2026, 11, 21, 19, 0, tzinfo=ALMATY)


def test_a_ticket_opens_the_door_from_twelve_hours_before_until_the_end() -> None:
    end = SHOW + timedelta(hours=2)
    assert ticket_window_open(SHOW, end, SHOW - timedelta(hours=12))
    assert not ticket_window_open(SHOW, end, SHOW - timedelta(hours=12, seconds=1))
    assert ticket_window_open(SHOW, end, end)
    assert not ticket_window_open(SHOW, end, end + timedelta(seconds=1))


def test_tomorrows_show_is_refused_today_and_a_midnight_show_is_not() -> None:
    tomorrow = SHOW + timedelta(days=1)
    assert not ticket_window_open(tomorrow, None, SHOW)
    after_midnight = datetime(2026, 11, 22, 0, 30, tzinfo=ALMATY)
    assert ticket_window_open(after_midnight, None, SHOW + timedelta(hours=4))


def test_without_an_end_the_door_stays_open_six_hours_after_the_start() -> None:
    assert ticket_window_open(SHOW, None, SHOW + timedelta(hours=6))
    assert not ticket_window_open(SHOW, None, SHOW + timedelta(hours=6, minutes=1))
