"""How dates, times and money look on paper, per language, in the venue's time zone.

ru and kk write dates as 22.11.2026 (the national standard, what every Kazakh receipt shows);
English uses ISO 2026-11-22, which no reader misreads as month-first. Times are 24-hour.
Money comes from app.core.money so a receipt and the screen show the same string.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.core.money import format_money
from app.documents.texts import Language

__all__ = ["format_date", "format_datetime", "format_money", "format_time", "plain_spaces"]


def format_date(day: date, lang: Language) -> str:
    return day.isoformat() if lang == "en" else day.strftime("%d.%m.%Y")


def format_datetime(moment: datetime, lang: Language, zone: ZoneInfo) -> str:
    """An aware moment as the venue's wall clock shows it."""
    local = moment.astimezone(zone)
    return f"{format_date(local.date(), lang)} {local:%H:%M}"


def format_time(moment: datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%H:%M}"


def plain_spaces(text: str) -> str:
    """No-break and thin spaces as ordinary spaces, for targets that have no glyph for them."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
