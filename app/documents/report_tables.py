"""A report as typed tables, the one source of the PDF, CSV and XLSX exports.

Building the tables once means the three exports cannot disagree about a figure. Cells keep their
type (int, Money, Percent, date, datetime, str) so each writer formats them its own way: XLSX as
real numbers and dates, CSV as numbers Excel parses in the reader's locale, PDF for people.
Totals rows are computed here from the rows above them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.documents.data import STATUS_KEYS, ReportData
from app.documents.fmt import format_date
from app.documents.texts import Language, reason_text, t


@dataclass(frozen=True, slots=True)
class Money:
    tiyn: int


@dataclass(frozen=True, slots=True)
class Percent:
    """A share in percent, rounded to one decimal for display only."""

    value: float


Cell = str | int | Money | Percent | date | datetime | None


@dataclass(frozen=True, slots=True)
class Section:
    """One table: `key` names the XLSX sheet; `totals` sums the numeric columns (None elsewhere)."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[Cell, ...] | None = None


def _sum_column(rows: list[tuple[Cell, ...]], index: int) -> Cell:
    values = [row[index] for row in rows]
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return sum(v for v in values if isinstance(v, int))
    if values and all(isinstance(v, Money) for v in values):
        return Money(sum(v.tiyn for v in values if isinstance(v, Money)))
    if values and all(isinstance(v, Percent) for v in values):
        return Percent(100.0)
    return None


def _section(
    key: str,
    title: str,
    headers: tuple[str, ...],
    rows: list[tuple[Cell, ...]],
    lang: Language,
    *,
    skip: tuple[int, ...] = (),
) -> Section:
    """A table with a totals row: label in the first column, sums under numeric columns."""
    totals: list[Cell] = [t(lang, "report.total")]
    totals += [None if i in skip else _sum_column(rows, i) for i in range(1, len(headers))]
    return Section(key, title, headers, tuple(rows), tuple(totals))


def period_text(data: ReportData, lang: Language) -> str:
    start, end = format_date(data.date_from, lang), format_date(data.date_to, lang)
    return start if data.is_daily else f"{start} – {end}"


def local_naive(moment: datetime, data: ReportData) -> datetime:
    """Venue wall-clock time without tzinfo: what a manager expects to see (and Excel can store)."""
    return moment.astimezone(data.venue.zone).replace(tzinfo=None)


def summary_section(data: ReportData, lang: Language) -> Section:
    test = t(lang, "report.test_mode")
    rows: list[tuple[Cell, ...]] = [
        (t(lang, "report.checks"), data.checks),
        (t(lang, "report.admitted"), data.admitted),
        (t(lang, "report.denied"), data.denied),
        (t(lang, "report.entries"), data.entries),
        (t(lang, "report.exits"), data.exits),
        (t(lang, "report.peak"), data.peak_occupancy),
        (t(lang, "report.peak_at"), local_naive(data.peak_at, data) if data.peak_at else None),
        (t(lang, "report.fees"), Money(data.fees_tiyn)),
        (t(lang, "report.returned"), Money(data.returned_tiyn)),
        (f"{test}: {t(lang, 'report.checks')}", data.test_mode.checks),
        (f"{test}: {t(lang, 'report.admitted')}", data.test_mode.admitted),
        (f"{test}: {t(lang, 'report.denied')}", data.test_mode.denied),
    ]
    headers = (t(lang, "report.indicator"), t(lang, "report.value"))
    return Section("summary", t(lang, "report.summary"), headers, tuple(rows))


def hours_section(data: ReportData, lang: Language) -> Section:
    headers = (
        t(lang, "report.hour"),
        *(t(lang, f"status.{key}") for key in STATUS_KEYS),
        t(lang, "report.total"),
    )
    rows: list[tuple[Cell, ...]] = [
        (f"{row.hour:02d}:00–{(row.hour + 1) % 24:02d}:00", *row.by_status(), row.total)
        for row in data.hours_filled()
    ]
    return _section("hours", t(lang, "report.by_hour"), headers, rows, lang)


def reasons_section(data: ReportData, lang: Language) -> Section:
    headers = (t(lang, "report.reason"), t(lang, "report.count"), t(lang, "report.share"))
    denied = data.denied or 1
    rows: list[tuple[Cell, ...]] = [
        (reason_text(lang, row.reason), row.count, Percent(100.0 * row.count / denied))
        for row in sorted(data.denial_reasons, key=lambda r: -r.count)
        if row.count
    ]
    return _section("reasons", t(lang, "report.reasons"), headers, rows, lang)


def doors_section(data: ReportData, lang: Language) -> Section:
    keys = ("door", "checks", "admitted", "denied", "entries", "exits")
    rows: list[tuple[Cell, ...]] = [
        (d.door, d.checks, d.admitted, d.denied, d.entries, d.exits) for d in data.doors
    ]
    headers = tuple(t(lang, f"report.{k}") for k in keys)
    return _section("doors", t(lang, "report.doors"), headers, rows, lang)


def staff_section(data: ReportData, lang: Language) -> Section:
    keys = ("staff_member", "checks", "admitted", "denied", "overrides")
    rows: list[tuple[Cell, ...]] = [
        (s.staff, s.checks, s.admitted, s.denied, s.overrides) for s in data.staff
    ]
    headers = tuple(t(lang, f"report.{k}") for k in keys)
    return _section("staff", t(lang, "report.staff"), headers, rows, lang)


def organizers_section(data: ReportData, lang: Language) -> Section:
    keys = ("organizer", "refunded_tickets", "exchanged_tickets", "requests", "fees", "returned")
    rows: list[tuple[Cell, ...]] = [
        (
            o.organizer,
            o.refunded_tickets,
            o.exchanged_tickets,
            o.requests,
            Money(o.fees_tiyn),
            Money(o.returned_tiyn),
        )
        for o in data.organizers
    ]
    headers = tuple(t(lang, f"report.{k}") for k in keys)
    return _section("organizers", t(lang, "report.organizers"), headers, rows, lang)


def days_section(data: ReportData, lang: Language) -> Section:
    keys = ("day", "checks", "admitted", "denied", "entries", "exits", "peak")
    rows: list[tuple[Cell, ...]] = [
        (d.day, d.checks, d.admitted, d.denied, d.entries, d.exits, d.peak_occupancy)
        for d in data.days
    ]
    headers = tuple(t(lang, f"report.{k}") for k in keys)
    # a peak is a maximum, not a sum: its total cell stays empty
    return _section("days", t(lang, "report.by_day"), headers, rows, lang, skip=(6,))


def report_sections(data: ReportData, lang: Language) -> list[Section]:
    """All tables in reading order; the by-day table only for reports longer than one day."""
    sections = [
        summary_section(data, lang),
        hours_section(data, lang),
        reasons_section(data, lang),
        doors_section(data, lang),
        staff_section(data, lang),
        organizers_section(data, lang),
    ]
    if not data.is_daily:
        sections.append(days_section(data, lang))
    return sections
