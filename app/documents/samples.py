"""Fixed example documents for the demo mode, the README pictures, benchmarks and tests.

Deterministic (no clock, no randomness) so that a golden ESC/POS file or a picture made from them
changes only when the layout does. The BIN is a synthetic one that passes the check digit.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from app.documents.data import (
    DayRow,
    DoorRow,
    HourRow,
    OrganizerRow,
    ReasonRow,
    ReceiptData,
    ReceiptKind,
    ReceiptLine,
    ReportData,
    StaffRow,
    TestModeCounts,
    Venue,
)
from app.documents.texts import Language

SAMPLE_VENUE = Venue(
    name="«Арман» кинотеатры / Кинотеатр «Арман»",
    bin="180340021791",
    address="Алматы қ., Абай д-лы, 44 / г. Алматы, пр. Абая, 44",
    tz="Asia/Almaty",
)
SAMPLE_VENUE_RU = Venue(
    name="ТОО «Кинотеатр Арман»",
    bin="180340021791",
    address="г. Алматы, пр. Абая, 44",
    tz="Asia/Almaty",
)
"""A venue whose printed name and address are all Russian: its Russian receipts fit CP866."""
SAMPLE_RECEIPT_ID = UUID("5f0c2d9e-8a41-4c7b-9d3e-2b6f1a0e7c55")

_SESSION_TITLES: dict[Language, str] = {
    "kk": "Қыз Жібек (2D, қазақ тілінде)",
    "ru": "Кыз Жибек (2D, на казахском)",
    "en": "Kyz Zhibek (2D, in Kazakh)",
}
_TARIFFS: dict[Language, tuple[str, str]] = {
    "kk": ("Ересек", "Бала"),
    "ru": ("Взрослый", "Детский"),
    "en": ("Adult", "Child"),
}
_CASHIERS: dict[Language, str] = {
    "kk": "Әсел Нұрғалиева",
    "ru": "Айгерим Сейтова",
    "en": "Dana Ospanova",
}


def sample_receipt(
    lang: Language = "ru",
    *,
    kind: ReceiptKind = "refund",
    copy: bool = False,
    venue: Venue = SAMPLE_VENUE,
) -> ReceiptData:
    """Two tickets of one order refunded after an Ashyq denial: 5 % operator fee, at least 250 ₸."""
    start = datetime(2026, 11, 22, 14, 30, tzinfo=UTC)  # 19:30 in Almaty
    adult, child = _TARIFFS[lang]
    refund = kind == "refund"
    prices = (250_000, 180_000)  # 2 500 ₸ and 1 800 ₸
    fees = tuple(max(price * 5 // 100, 25_000) if kind != "exchange" else 0 for price in prices)
    lines = tuple(
        ReceiptLine(
            ticket_code=code,
            session_title=_SESSION_TITLES[lang],
            session_start=start,
            tariff=tariff,
            price_tiyn=price,
            fee_tiyn=fee if kind != "contact_request" else 0,
            refund_tiyn=price - fee if refund else 0,
            new_session_title=_SESSION_TITLES[lang] if kind == "exchange" else "",
            new_session_start=start + timedelta(days=1) if kind == "exchange" else None,
        )
        for code, tariff, price, fee in zip(
            ("KP7Q-2M4X", "KP7Q-2M4Y"), (adult, child), prices, fees, strict=True
        )
    )
    return ReceiptData(
        venue=venue,
        receipt_number=1042,
        kind=kind,
        order_number="A-2026-558731",
        moment=datetime(2026, 11, 22, 13, 5, 9, tzinfo=UTC),
        lines=lines,
        receipt_id=SAMPLE_RECEIPT_ID,
        cashier=_CASHIERS[lang],
        language=lang,
        money_back_date=date(2026, 11, 25) if refund else None,
        register_serial="SWK00031455",
        register_number="010100234567",
        copy=copy,
    )


# What a cloud register answers for a return cheque: the fiscal sign, the cheque's number in its
# shift, and the OFD's link where the customer checks the cheque. The sample receipt itself is
# non-fiscal (a station without a register); `replace(sample_receipt(...), **SAMPLE_FISCAL)` is
# the same refund fiscalised.
SAMPLE_FISCAL: dict[str, str] = {
    "fiscal_state": "done",
    "fiscal_sign": "2871349956",
    "fiscal_check_number": "57",
    "fiscal_shift": "214",
    "ofd_url": "https://consumer.oofd.kz/?i=2871349956&f=010100234567&s=3800.00&t=20261122T180509",
}


# a day's shape: quiet morning, lunch bump, evening peak (per mille of the day's checks)
_HOUR_WEIGHTS = (0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 30, 45, 60, 70, 60, 55, 65, 85, 120, 140, 130, 90, 30, 10)  # fmt: skip
_STATUS_SHARE = (0.62, 0.30, 0.04, 0.015, 0.025)  # green, blue, yellow, red, not found


def _spread(total: int, weights: tuple[float, ...]) -> list[int]:
    """Split `total` by weights into integers that add up to exactly `total`."""
    whole = sum(weights)
    parts = [int(total * w / whole) for w in weights]
    parts[max(range(len(weights)), key=lambda i: weights[i])] += total - sum(parts)
    return parts


def sample_report(visits: int = 1_000, *, day: date = date(2026, 11, 21)) -> ReportData:
    """A daily report of `visits` checks, aggregated the way a service will aggregate them."""
    hours = [
        HourRow(hour, *_spread(count, _STATUS_SHARE))
        for hour, count in enumerate(_spread(visits, _HOUR_WEIGHTS))
        if count
    ]
    report_statuses = [sum(row.by_status()[i] for row in hours) for i in range(5)]
    _, blue, yellow, red, not_found = report_statuses
    blue_denied, weekend_denied = blue // 20, blue // 25
    capacity = visits // 200
    reasons = (
        ReasonRow("red_isolation", red),
        ReasonRow("yellow_contact", yellow),
        ReasonRow("not_found", not_found),
        ReasonRow("pcr_certificate_required", blue_denied),
        ReasonRow("blue_cinema_weekend", weekend_denied),
        ReasonRow("capacity_full", capacity),
    )
    denied = sum(r.count for r in reasons)
    admitted = visits - denied
    doors = ("Негізгі кіреберіс / Главный вход", "Шығыс кіреберіс / Восточный вход", "VIP")
    door_checks = _spread(visits, (0.6, 0.3, 0.1))
    door_denied = _spread(denied, (0.6, 0.3, 0.1))
    exits = int(admitted * 0.97)
    door_exits = _spread(exits, (0.6, 0.3, 0.1))
    door_rows = tuple(
        DoorRow(name, c, c - d, d, c - d, e)
        for name, c, d, e in zip(doors, door_checks, door_denied, door_exits, strict=True)
    )
    staff_names = ("Ерлан Қасымов", "Гүлнар Әбдіқадырова", "Иван Петров", "Жанар Өтегенова")
    staff_checks = _spread(visits, (0.35, 0.3, 0.2, 0.15))
    staff_denied = _spread(denied, (0.35, 0.3, 0.2, 0.15))
    staff_rows = tuple(
        StaffRow(name, c, c - d, d, overrides=d // 40)
        for name, c, d in zip(staff_names, staff_checks, staff_denied, strict=True)
    )
    organizers = (
        OrganizerRow("Kinopark", 42, 6, 0, 1_512_000, 9_738_000),
        OrganizerRow("Arman Asia Park", 18, 3, 0, 450_000, 3_960_000),
        OrganizerRow("ARTiSHOCK", 5, 0, 0, 175_000, 2_825_000),
        OrganizerRow("Inna concerts", 0, 0, 4, 0, 0),
    )
    return ReportData(
        venue=SAMPLE_VENUE,
        date_from=day,
        date_to=day,
        generated_at=datetime(2026, 11, 22, 3, 0, tzinfo=UTC),
        by_hour=tuple(hours),
        admitted=admitted,
        denied=denied,
        denial_reasons=reasons,
        entries=admitted,
        exits=exits,
        peak_occupancy=max(1, admitted // 9),
        peak_at=datetime(day.year, day.month, day.day, 14, 40, tzinfo=UTC),
        doors=door_rows,
        staff=staff_rows,
        organizers=organizers,
        days=(DayRow(day, visits, admitted, denied, admitted, exits, max(1, admitted // 9)),),
        test_mode=TestModeCounts(checks=37, admitted=31, denied=6),
    )
