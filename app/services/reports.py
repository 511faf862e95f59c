"""The manager's daily and date-range report, aggregated in SQL, and its exports.

A busy venue logs 100,000 checks a day, so every figure is a GROUP BY over the visit log's
indexes, never a Python loop over rows. Decisions, kept here so the report and the screen agree:

- Hours are venue hours. Rows are grouped by UTC hour in SQL and each (small) bucket is moved to
  the venue's zone in Python: Kazakhstan's offsets are whole hours, and a zone whose offset
  changed (Almaty, 1 March 2024) is still right on both sides of the change.
- A "check" is an Ashyq status check that ended admitted or denied (entries and denials with a
  status; exits and pending PCR questions are not checks). Ticket-only scans and unreadable scans
  carry no colour: they count in entries/exits and occupancy, not in the colour figures.
- Entries are admitted entries, exits are exits, and occupancy is their running difference over
  the venue's day in time order, as the door counts it; the peak is the day's maximum (>= 0).
- Training-week (test-mode) records are counted apart and left out of every other figure.
- Desk refunds are summed per organizer from the refund lines; exchanges return no money.
- No IIN and no pseudonym leaves the database: the queries never select `person` or `sealed_iin`.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.refunds import RefundRules, UnknownOrganizerError, parse_rules
from app.core.statuses import Direction, Verdict
from app.documents import data as d
from app.documents.poster import render_poster_pdf
from app.documents.report import render_report_pdf, report_csv, report_xlsx
from app.documents.texts import Language
from app.models import open_engine, session_factory, upgrade_database
from app.models.refunds import Refund, RefundLine
from app.models.tickets import Order
from app.models.venue import Staff, Venue
from app.models.visits import VisitEvent as V
from app.sync.protocol import RefundKind

ExportFormat = Literal["pdf", "csv", "xlsx"]
FORMATS: tuple[ExportFormat, ...] = ("pdf", "csv", "xlsx")

# admission reason codes (app.core.admission, the door) -> the report's reason codes (documents)
REASON_CODES: dict[str, str] = {
    "red_isolation": "status_red",
    "yellow_contact": "status_yellow",
    "pcr_certificate_required": "blue_no_pcr",
    "pcr_certificate_not_shown": "blue_no_pcr",
    "blue_cinema_weekend": "weekend_not_green",
    "not_found": "not_found",
    "stale_offline": "offline_stale",
    "stale_checkin": "offline_stale",
    "no_answer": "offline_stale",
    "capacity_full": "capacity",
    "group_member_denied": "group_member_denied",
}
_STATUS_INDEX = {key: i for i, key in enumerate(d.STATUS_KEYS)}
_HOUR = func.strftime("%Y-%m-%d %H", V.occurred_at)
_IS_CHECK = and_(
    V.status.is_not(None),
    V.verdict.in_([Verdict.ADMIT, Verdict.DENY]),
    V.direction != Direction.EXIT,
)
_IS_ENTRY = and_(V.direction == Direction.ENTRY, V.verdict == Verdict.ADMIT)
_IS_EXIT = V.direction == Direction.EXIT


def utcnow() -> datetime:
    return datetime.now(UTC)


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _bucket(text: str, zone: ZoneInfo) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H").replace(tzinfo=UTC).astimezone(zone)


def build_report(
    sessions: sessionmaker[Session],
    *,
    date_from: date,
    date_to: date,
    tz: str | None = None,
    lang: Language = "ru",
    venue_code: str | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> d.ReportData:
    """The figures of `date_from`..`date_to` (venue days, inclusive) as plain ReportData."""
    if date_to < date_from:
        raise ValueError("the period ends before it starts")
    with sessions() as session:
        venue_row = _venue(session, venue_code)
        zone = ZoneInfo(tz or venue_row.time_zone)
        venue = d.Venue(venue_row.name, venue_row.bin, venue_row.address, zone.key)
        start = datetime.combine(date_from, time(0), tzinfo=zone)
        end = datetime.combine(date_to + timedelta(days=1), time(0), tzinfo=zone)
        period = and_(V.occurred_at >= start, V.occurred_at < end)
        live = and_(period, V.test_mode.is_(False))

        hours: dict[int, list[int]] = defaultdict(lambda: [0] * len(d.STATUS_KEYS))
        reasons: dict[str, int] = defaultdict(int)
        days: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        admitted = denied = 0
        for bucket, status, verdict, reason, n in session.execute(
            select(_HOUR, V.status, V.verdict, V.reason, func.count())
            .where(live, _IS_CHECK)
            .group_by(_HOUR, V.status, V.verdict, V.reason)
        ):
            moment = _bucket(bucket, zone)
            hours[moment.hour][_STATUS_INDEX[str(status)]] += n
            day = days[moment.date()]
            day[0] += n
            if verdict is Verdict.DENY:
                denied += n
                day[2] += n
                reasons[REASON_CODES.get(reason, "other")] += n
            else:
                admitted += n
                day[1] += n
        entries = exits = 0
        for bucket, is_entry, n in session.execute(
            select(_HOUR, _IS_ENTRY, func.count())
            .where(live, _IS_ENTRY | _IS_EXIT)
            .group_by(_HOUR, _IS_ENTRY)
        ):
            day = days[_bucket(bucket, zone).date()]
            if is_entry:
                entries += n
                day[3] += n
            else:
                exits += n
                day[4] += n
        peaks = {
            day: _peak(session, _day_range(day, zone))
            for day in _dates(date_from, date_to)
            if day in days
        }
        peak, peak_at = max(peaks.values(), default=(0, None), key=lambda x: x[0])
        return d.ReportData(
            venue=venue,
            date_from=date_from,
            date_to=date_to,
            generated_at=clock(),
            by_hour=tuple(d.HourRow(h, *hours[h]) for h in sorted(hours)),
            admitted=admitted,
            denied=denied,
            denial_reasons=tuple(
                d.ReasonRow(code, n) for code, n in sorted(reasons.items(), key=lambda x: -x[1])
            ),
            entries=entries,
            exits=exits,
            peak_occupancy=peak,
            peak_at=peak_at,
            doors=_doors(session, live),
            staff=_staff(session, live),
            organizers=_organizers(session, start, end, _rules(venue_row), lang),
            days=tuple(
                _day_row(day, days[day], peaks.get(day, (0, None))[0]) for day in sorted(days)
            ),
            test_mode=_test_mode(session, period),
        )


def _day_row(day: date, figures: list[int], peak: int) -> d.DayRow:
    checks, admitted, denied, entries, exits = figures
    return d.DayRow(day, checks, admitted, denied, entries, exits, peak)


def _venue(session: Session, code: str | None) -> Venue:
    query = select(Venue).order_by(Venue.code)
    if code is not None:
        query = query.where(Venue.code == code)
    venue = session.scalars(query).first()
    if venue is None:
        raise LookupError("No venue configuration yet: sync once online.")
    return venue


def _dates(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _day_range(day: date, zone: ZoneInfo) -> Any:
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return and_(V.occurred_at >= start, V.occurred_at < end, V.test_mode.is_(False))


def _peak(session: Session, day: Any) -> tuple[int, datetime | None]:
    """Most people inside at once: running sum of entries minus exits, in time order."""
    step = case((_IS_ENTRY, 1), (_IS_EXIT, -1), else_=0)
    running = func.sum(step).over(order_by=(V.occurred_at, V.id), rows=(None, 0))
    inner = (
        select(V.occurred_at.label("at"), running.label("inside"))
        .where(day, _IS_ENTRY | _IS_EXIT)
        .subquery()
    )
    row = session.execute(
        select(inner.c.inside, inner.c.at).order_by(inner.c.inside.desc(), inner.c.at).limit(1)
    ).first()
    if row is None or int(row[0]) <= 0:
        return 0, None
    return int(row[0]), row[1]


def _doors(session: Session, live: Any) -> tuple[d.DoorRow, ...]:
    rows = session.execute(
        select(
            V.door,
            _count_if(_IS_CHECK),
            _count_if(and_(_IS_CHECK, V.verdict == Verdict.ADMIT)),
            _count_if(and_(_IS_CHECK, V.verdict == Verdict.DENY)),
            _count_if(_IS_ENTRY),
            _count_if(_IS_EXIT),
        )
        .where(live)
        .group_by(V.door)
        .order_by(V.door)
    )
    return tuple(d.DoorRow(door or "—", *map(int, figures)) for door, *figures in rows)


def _staff(session: Session, live: Any) -> tuple[d.StaffRow, ...]:
    rows = session.execute(
        select(
            Staff.name,
            _count_if(_IS_CHECK),
            _count_if(and_(_IS_CHECK, V.verdict == Verdict.ADMIT)),
            _count_if(and_(_IS_CHECK, V.verdict == Verdict.DENY)),
            _count_if(V.override_by.is_not(None)),
        )
        .select_from(V)
        .outerjoin(Staff, Staff.id == V.staff_id)
        .where(live)
        .group_by(V.staff_id, Staff.name)
    )
    out = [d.StaffRow(name or "—", *map(int, figures)) for name, *figures in rows]
    return tuple(sorted((r for r in out if r.checks or r.overrides), key=lambda r: -r.checks))


def _organizers(
    session: Session, start: datetime, end: datetime, rules: RefundRules | None, lang: Language
) -> tuple[d.OrganizerRow, ...]:
    rows = session.execute(
        select(
            Order.organizer,
            Refund.kind,
            func.count(RefundLine.id),
            func.count(func.distinct(Refund.id)),
            func.coalesce(func.sum(RefundLine.fee_tiyn), 0),
            func.coalesce(func.sum(RefundLine.refund_tiyn), 0),
        )
        .join(RefundLine, RefundLine.refund_id == Refund.id)
        .join(Order, Order.number == Refund.order_number)
        .where(Refund.occurred_at >= start, Refund.occurred_at < end, Refund.test_mode.is_(False))
        .group_by(Order.organizer, Refund.kind)
    )
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for organizer, kind, tickets, actions, fees, returned in rows:
        row = table[organizer]
        if kind is RefundKind.REFUND:
            row[0] += tickets
        elif kind is RefundKind.EXCHANGE:
            row[1] += tickets
        else:
            row[2] += actions
        row[3] += int(fees)
        row[4] += int(returned)
    return tuple(
        d.OrganizerRow(_organizer_name(rules, slug, lang), *figures)
        for slug, figures in sorted(table.items())
    )


def _rules(venue: Venue) -> RefundRules | None:
    try:
        if venue.refund_rules:
            return parse_rules(venue.refund_rules)
        from app.resources import load_json

        return parse_rules(load_json("policies", "refund_rules.json"))
    except (ValueError, OSError):
        return None  # names then fall back to the slugs; the figures do not depend on them


def _organizer_name(rules: RefundRules | None, slug: str, lang: Language) -> str:
    if rules is None:
        return slug
    try:
        return rules.organizer(slug).names[lang]
    except UnknownOrganizerError:
        return slug


def _test_mode(session: Session, period: Any) -> d.TestModeCounts:
    checks, admitted, denied = session.execute(
        select(
            func.count(),
            _count_if(V.verdict == Verdict.ADMIT),
            _count_if(V.verdict == Verdict.DENY),
        ).where(period, V.test_mode.is_(True), _IS_CHECK)
    ).one()
    return d.TestModeCounts(int(checks), int(admitted), int(denied))


# --- exports ------------------------------------------------------------------------------------


def render_export(data: d.ReportData, fmt: ExportFormat, *, lang: Language = "ru") -> bytes:
    if fmt == "pdf":
        return render_report_pdf(data, lang)
    if fmt == "csv":
        return report_csv(data, lang)
    if fmt == "xlsx":
        return report_xlsx(data, lang)
    raise ValueError(f"unknown format {fmt!r}: use pdf, csv or xlsx")


def export_report(
    data: d.ReportData, fmt: ExportFormat, out: Path, *, lang: Language = "ru"
) -> Path:
    """Write atomically: a half-written report never replaces yesterday's good one."""
    content = render_export(data, fmt, lang=lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(content)
    os.replace(tmp, out)
    return out


def poster_pdf(sessions: sessionmaker[Session], venue_code: str | None = None) -> bytes:
    """The venue's A4 QR poster, pointing at its visitor check-in page."""
    with sessions() as session:
        venue = _venue(session, venue_code)
        if not venue.checkin_url:
            raise LookupError("The venue has no check-in address yet: sync once online.")
        name, url = venue.name, venue.checkin_url
    return render_poster_pdf(name, url)


def report_command(
    db_path: Path | str,
    date_from: date,
    date_to: date,
    fmt: ExportFormat,
    out: Path,
    lang: Language = "ru",
) -> Path:
    """`ashyq report`: the period's report from the database at `db_path` into `out`."""
    upgrade_database(db_path)
    engine = open_engine(db_path)
    try:
        data = build_report(session_factory(engine), date_from=date_from, date_to=date_to,
                            lang=lang)  # fmt: skip
        return export_report(data, fmt, out, lang=lang)
    finally:
        engine.dispose()
