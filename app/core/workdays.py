"""Kazakhstan working days, for "the money is back on your card by ..." (offer clause 3.3).

The operator returns money within 3 working days; the desk shows the date so the buyer does not
call the contact centre on day 2. The calendar comes from the `holidays` package (country "KZ"),
which covers, per year:

- Saturdays and Sundays as the weekend;
- the public holidays of the Law "On holidays" (New Year 1-2 January, Orthodox Christmas
  7 January, 8 March, Nauryz 21-23 March, 1 May, 7 May, 9 May, Capital Day 6 July,
  Constitution Day 30 August, Republic Day 25 October, Independence Day 16 December, and
  16-17 December / First President Day 1 December in the years they existed), and Kurban Ait
  (its date is estimated by the package for years the clergy has not announced yet);
- days off moved to the next working day when a holiday falls on a weekend ("observed"), except
  the religious holidays, which the law does not move;
- the government's yearly transfers: the substituted day off (e.g. Monday 8 May 2024) and the
  Saturday or Sunday that became a working day in exchange (4 May 2024), via its
  `weekend_workdays`.

Transfers are decided by a government decree each year: a console with an older `holidays`
release will not know next year's; updating the package is how they arrive.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

COUNTRY = "KZ"
MONEY_BACK_WORKING_DAYS = 3  # clause 3.3 of the public offer


@lru_cache(maxsize=64)
def _year_calendar(year: int) -> tuple[frozenset[date], frozenset[date], frozenset[int]]:
    """Days off, working weekend days and weekend weekdays of one year, built once per year.

    Frozen per year so concurrent callers never share the package's lazily growing dict.
    """
    calendar = holidays.country_holidays(COUNTRY, years=year)
    days_off = frozenset(day for day in calendar if day.year == year)
    weekend_workdays = frozenset(
        day for day in getattr(calendar, "weekend_workdays", ()) if day.year == year
    )
    return days_off, weekend_workdays, frozenset(calendar.weekend)


def is_working_day(day: date) -> bool:
    """True on a Kazakhstan working day: not a weekend or holiday, or a working weekend day."""
    days_off, weekend_workdays, weekend = _year_calendar(day.year)
    if day in weekend_workdays:
        return True
    return day.weekday() not in weekend and day not in days_off


def add_working_days(start: date, n: int) -> date:
    """The day on which `n` working days after `start` have passed; `start` itself never counts.

    So a refund on Friday with n=3 ends on Wednesday (Mon, Tue, Wed), and n=0 is `start`.
    """
    if isinstance(start, datetime):
        raise TypeError("start must be a date; convert a moment with money_back_by()")
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    day = start
    remaining = n
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def local_date(moment: datetime, tz: str) -> date:
    """The calendar date of an aware moment at the venue."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the moment must be timezone-aware (carry an offset)")
    return moment.astimezone(zone(tz)).date()


def zone(tz: str) -> ZoneInfo:
    """An IANA zone, with a ValueError that names it when it does not exist."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {tz!r}: use an IANA name, e.g. Asia/Almaty") from exc


def money_back_by(refunded_at: datetime, tz: str, days: int = MONEY_BACK_WORKING_DAYS) -> date:
    """The last day the money may take to reach the card, counted from the venue's local date.

    The refund day does not count even when it is a working morning: the operator's three days
    start the next working day, which is what buyers are told by the contact centre.
    """
    return add_working_days(local_date(refunded_at, tz), days)
