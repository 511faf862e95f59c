"""Working days in Kazakhstan: the "money back by" date a buyer is promised at the desk."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.workdays import add_working_days, is_working_day, money_back_by

ALMATY = ZoneInfo("Asia/Almaty")


@pytest.mark.parametrize(
    ("start", "n", "expected", "why"),
    [
        (date(2026, 11, 20), 3, date(2026, 11, 25), "Friday: Mon, Tue, Wed"),
        (date(2026, 11, 18), 1, date(2026, 11, 19), "an ordinary Wednesday"),
        (date(2026, 11, 18), 0, date(2026, 11, 18), "zero days is the same day"),
        # New Year
        (date(2023, 12, 29), 1, date(2024, 1, 3), "1-2 January 2024 are days off"),
        (date(2020, 12, 31), 1, date(2021, 1, 5), "2 Jan 2021 was a Saturday: Monday 4th off"),
        (date(2020, 12, 31), 3, date(2021, 1, 8), "and 7 January, Orthodox Christmas, too"),
        # Nauryz 21-23 March
        (date(2024, 3, 20), 1, date(2024, 3, 26), "23 March 2024 Saturday: Monday 25th off"),
        (date(2026, 3, 20), 1, date(2026, 3, 26), "2026: 21st-22nd weekend, off 23-25"),
        (date(2023, 3, 20), 1, date(2023, 3, 24), "2023: Tuesday to Thursday"),
        # May holidays
        (date(2026, 4, 30), 1, date(2026, 5, 4), "1 May 2026 is a Friday"),
        (date(2026, 5, 6), 3, date(2026, 5, 13), "7 May, and 9 May Saturday moved to 11th"),
        (date(2023, 5, 5), 1, date(2023, 5, 10), "2023: 7 May Sunday moved to 8th; 9th"),
        # Capital Day 6 July
        (date(2026, 7, 3), 1, date(2026, 7, 7), "6 July 2026 is a Monday"),
        (date(2024, 7, 5), 1, date(2024, 7, 9), "6 July 2024 Saturday: Monday 8th off"),
        # Independence Day
        (date(2021, 12, 15), 1, date(2021, 12, 20), "16-17 December 2021, Thursday-Friday"),
        (date(2025, 12, 15), 1, date(2025, 12, 17), "since 2022 only the 16th"),
    ],
)
def test_add_working_days_skips_kazakhstan_days_off(
    start: date, n: int, expected: date, why: str
) -> None:
    assert add_working_days(start, n) == expected, why


@pytest.mark.parametrize(
    ("day", "working", "why"),
    [
        (date(2024, 5, 4), True, "Saturday made a working day by the 2024 transfer"),
        (date(2024, 5, 8), False, "Wednesday given off in exchange"),
        (date(2025, 1, 5), True, "Sunday made a working day in 2025"),
        (date(2025, 1, 3), False, "Friday given off in exchange"),
        (date(2023, 7, 1), True, "Saturday worked in 2023"),
        (date(2023, 7, 7), False, "the Friday after Capital Day, off"),
        (date(2021, 12, 17), False, "17 December was a holiday until 2021"),
        (date(2025, 12, 17), True, "and a working day since 2022"),
        (date(2026, 3, 24), False, "Nauryz moved off the weekend"),
        (date(2026, 11, 21), False, "an ordinary Saturday"),
    ],
)
def test_is_working_day_knows_transfers(day: date, working: bool, why: str) -> None:
    assert is_working_day(day) is working, why


def test_transferred_days_change_the_count() -> None:
    # Friday 3 May 2024 + 1: the working Saturday 4 May; + 3: Sat 4, Mon 6, then Tue 7 (Defender
    # of the Fatherland Day), Wed 8 (transferred off) and Thu 9 (Victory Day) -> Friday 10.
    assert add_working_days(date(2024, 5, 3), 1) == date(2024, 5, 4)
    assert add_working_days(date(2024, 5, 3), 3) == date(2024, 5, 10)
    # 31 December 2024: 1-2 January holidays, the 3rd transferred off, Sunday the 5th worked.
    assert add_working_days(date(2024, 12, 31), 1) == date(2025, 1, 5)


def test_money_back_from_a_friday_evening_refund() -> None:
    refunded = datetime(2026, 11, 20, 21, 30, tzinfo=ALMATY)
    assert money_back_by(refunded, "Asia/Almaty") == date(2026, 11, 25)


def test_money_back_counts_from_the_venues_local_date() -> None:
    # Thursday 20:00 UTC is already Friday 01:00 in Almaty (UTC+5).
    refunded = datetime(2026, 11, 19, 20, 0, tzinfo=UTC)
    assert money_back_by(refunded, "Asia/Almaty") == date(2026, 11, 25)
    assert money_back_by(refunded, "UTC") == date(2026, 11, 24)
    fixed = datetime(2026, 11, 20, 1, 0, tzinfo=timezone(timedelta(hours=5)))
    assert money_back_by(fixed, "Asia/Almaty") == date(2026, 11, 25)


def test_money_back_with_another_number_of_days() -> None:
    refunded = datetime(2026, 11, 20, 12, 0, tzinfo=ALMATY)
    assert money_back_by(refunded, "Asia/Almaty", days=1) == date(2026, 11, 23)


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        money_back_by(datetime(2026, 11, 20, 12, 0), "Asia/Almaty")
    with pytest.raises(ValueError, match="unknown time zone"):
        money_back_by(datetime(2026, 11, 20, 12, 0, tzinfo=UTC), "Asia/Nowhere")
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 11, 20), -1)
    with pytest.raises(TypeError):
        add_working_days(datetime(2026, 11, 20, 12, 0), 1)


DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@given(DAYS, st.integers(min_value=1, max_value=30))
def test_result_is_the_nth_working_day_after_start(start: date, n: int) -> None:
    end = add_working_days(start, n)
    assert is_working_day(end)
    between = [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(is_working_day(day) for day in between) == n


@given(DAYS, st.integers(min_value=0, max_value=20))
def test_one_more_day_is_always_later(start: date, n: int) -> None:
    assert add_working_days(start, n + 1) > add_working_days(start, n)
