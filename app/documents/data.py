"""The plain inputs of every document: frozen dataclasses that services build from the database.

Documents never see ORM objects or raw visits, only these values, so rendering is pure and a
report of a day with 100,000 visits costs the same as one with ten (it holds aggregates, not rows).
Totals are derived properties, never separate fields, so a printed total cannot disagree with its
lines. Constructors refuse text that looks like an IIN or a visitor pseudonym: nothing personal may
reach a receipt or an export, even by a mistake upstream.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Literal
from uuid import UUID
from zoneinfo import ZoneInfo

from app.documents.texts import Language

ReceiptKind = Literal["refund", "exchange", "contact_request"]
FiscalState = Literal["none", "pending", "done"]
FISCAL_STATES: tuple[FiscalState, ...] = ("none", "pending", "done")
RECEIPT_KINDS: tuple[ReceiptKind, ...] = ("refund", "exchange", "contact_request")
STATUS_KEYS: tuple[str, ...] = ("green", "blue", "yellow", "red", "not_found")

_TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")
_HEX64 = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")


def personal_number_leaks(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Twelve-digit runs (IIN-shaped) and 64-hex runs (full pseudonyms) in `text`, minus `allowed`.

    The venue's BIN and the cash register's registration number are twelve digits too and must be
    printed, so callers pass them as allowed.
    """
    found = _TWELVE_DIGITS.findall(text) + _HEX64.findall(text)
    return [item for item in found if item not in allowed]


def _refuse_personal_numbers(obj: object, allowed: frozenset[str] = frozenset()) -> None:
    for field in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, field.name)
        if isinstance(value, str) and personal_number_leaks(value, allowed):
            raise ValueError(f"{type(obj).__name__}.{field.name} looks like an IIN or pseudonym")


def _require_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime")


@dataclass(frozen=True, slots=True)
class Venue:
    """The seller as printed on receipts and report headers; `tz` is an IANA zone name."""

    name: str
    bin: str
    address: str
    tz: str = "Asia/Almaty"

    def __post_init__(self) -> None:
        if not (len(self.bin) == 12 and self.bin.isdigit()):
            raise ValueError("a BIN has 12 digits")
        ZoneInfo(self.tz)  # an unknown zone fails here, not in the middle of printing
        _refuse_personal_numbers(self, frozenset({self.bin}))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One ticket on a receipt. Money in integer tiyn; `refund_tiyn` is what goes back for it."""

    ticket_code: str
    session_title: str
    session_start: datetime
    tariff: str
    price_tiyn: int
    fee_tiyn: int
    refund_tiyn: int
    new_session_title: str = ""  # exchanges: where the ticket went
    new_session_start: datetime | None = None

    def __post_init__(self) -> None:
        _require_aware(self.session_start, "session_start")
        if self.new_session_start is not None:
            _require_aware(self.new_session_start, "new_session_start")
        if min(self.price_tiyn, self.fee_tiyn, self.refund_tiyn) < 0:
            raise ValueError("amounts cannot be negative")
        if self.fee_tiyn + self.refund_tiyn > self.price_tiyn:
            raise ValueError("fee plus refund cannot exceed the ticket's price")
        _refuse_personal_numbers(self)


@dataclass(frozen=True, slots=True)
class VatLine:
    rate_percent: int
    amount_tiyn: int


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """A refund, exchange or contact-centre request receipt (DOMAIN.md §6).

    Fiscal fields are blank unless an online cash register supplied them: the console does not
    invent a fiscal sign. `copy` marks a reprint, which is stamped COPY.
    """

    venue: Venue
    receipt_number: int
    kind: ReceiptKind
    order_number: str
    moment: datetime
    lines: tuple[ReceiptLine, ...]
    receipt_id: UUID
    cashier: str
    language: Language
    money_back_date: date | None = None
    register_serial: str = ""
    register_number: str = ""
    vat: VatLine | None = None
    fiscal_sign: str = ""
    ofd_url: str = ""
    copy: bool = False
    # "none": no online cash register at this station, the paper says NON-FISCAL; "pending": a
    # fiscal cheque is queued for the register; "done": the register answered with the fields.
    fiscal_state: FiscalState = "none"
    fiscal_check_number: str = ""  # the cheque's number in the register's shift
    fiscal_shift: str = ""

    def __post_init__(self) -> None:
        if self.kind not in RECEIPT_KINDS:
            raise ValueError(f"unknown receipt kind {self.kind!r}")
        if self.receipt_number < 1:
            raise ValueError("receipt numbers start at 1")
        if not self.lines:
            raise ValueError("a receipt needs at least one ticket")
        _require_aware(self.moment, "moment")
        if self.kind == "contact_request" and self.amount_returned_tiyn:
            raise ValueError("a contact-centre request moves no money at the desk")
        if self.register_number and not self.register_number.isdigit():
            raise ValueError("a cash register's registration number is digits only")
        if self.fiscal_state not in FISCAL_STATES:
            raise ValueError(f"unknown fiscal state {self.fiscal_state!r}")
        # the register's registration number (РНМ) is 12 digits by law, like an IIN; the fiscal
        # sign and the OFD's link come from the register, never from a visitor
        register = {self.register_number, self.fiscal_sign, *_TWELVE_DIGITS.findall(self.ofd_url)}
        _refuse_personal_numbers(self, frozenset(register))

    @property
    def fiscal_status(self) -> FiscalState:
        """What the paper is: a register's fiscal sign makes it fiscal whatever the state says."""
        return "done" if self.fiscal_sign else self.fiscal_state

    @property
    def total_price_tiyn(self) -> int:
        return sum(line.price_tiyn for line in self.lines)

    @property
    def fee_withheld_tiyn(self) -> int:
        return sum(line.fee_tiyn for line in self.lines)

    @property
    def amount_returned_tiyn(self) -> int:
        return sum(line.refund_tiyn for line in self.lines)


@dataclass(frozen=True, slots=True)
class HourRow:
    """Checks that started in one hour of the day (venue time), by status colour."""

    hour: int
    green: int = 0
    blue: int = 0
    yellow: int = 0
    red: int = 0
    not_found: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.hour <= 23:
            raise ValueError("hour is 0..23")

    @property
    def total(self) -> int:
        return self.green + self.blue + self.yellow + self.red + self.not_found

    def by_status(self) -> tuple[int, ...]:
        return (self.green, self.blue, self.yellow, self.red, self.not_found)


@dataclass(frozen=True, slots=True)
class ReasonRow:
    reason: str  # a code from app.core.admission, e.g. "red_isolation"; printed via texts
    count: int

    def __post_init__(self) -> None:
        _refuse_personal_numbers(self)


@dataclass(frozen=True, slots=True)
class DoorRow:
    door: str
    checks: int
    admitted: int
    denied: int
    entries: int
    exits: int

    def __post_init__(self) -> None:
        _refuse_personal_numbers(self)


@dataclass(frozen=True, slots=True)
class StaffRow:
    """Work of one staff member; staff names are the venue's own people, not visitors."""

    staff: str
    checks: int
    admitted: int
    denied: int
    overrides: int = 0

    def __post_init__(self) -> None:
        _refuse_personal_numbers(self)


@dataclass(frozen=True, slots=True)
class OrganizerRow:
    organizer: str
    refunded_tickets: int
    exchanged_tickets: int
    requests: int
    fees_tiyn: int
    returned_tiyn: int

    def __post_init__(self) -> None:
        _refuse_personal_numbers(self)


@dataclass(frozen=True, slots=True)
class DayRow:
    day: date
    checks: int
    admitted: int
    denied: int
    entries: int
    exits: int
    peak_occupancy: int


@dataclass(frozen=True, slots=True)
class TestModeCounts:
    """Checks made while the venue was in its training week: shown, never added to the totals."""

    checks: int = 0
    admitted: int = 0
    denied: int = 0


@dataclass(frozen=True, slots=True)
class ReportData:
    """Aggregates for a daily (date_from == date_to) or date-range report, in venue time.

    Every check ends admitted or denied, so admitted + denied equals the checks by hour, and the
    denial reasons add up to the denied; the constructor holds services to that.
    """

    venue: Venue
    date_from: date
    date_to: date
    generated_at: datetime
    by_hour: tuple[HourRow, ...]
    admitted: int
    denied: int
    denial_reasons: tuple[ReasonRow, ...]
    entries: int
    exits: int
    peak_occupancy: int
    peak_at: datetime | None = None
    doors: tuple[DoorRow, ...] = ()
    staff: tuple[StaffRow, ...] = ()
    organizers: tuple[OrganizerRow, ...] = ()
    days: tuple[DayRow, ...] = ()
    test_mode: TestModeCounts = TestModeCounts()

    def __post_init__(self) -> None:
        if self.date_to < self.date_from:
            raise ValueError("date_to is before date_from")
        _require_aware(self.generated_at, "generated_at")
        hours = [row.hour for row in self.by_hour]
        if len(set(hours)) != len(hours):
            raise ValueError("each hour appears once in by_hour")
        if self.admitted + self.denied != self.checks:
            raise ValueError("admitted + denied must equal the checks by hour")
        if sum(row.count for row in self.denial_reasons) != self.denied:
            raise ValueError("denial reasons must add up to the denied")

    @property
    def is_daily(self) -> bool:
        return self.date_from == self.date_to

    @property
    def checks(self) -> int:
        return sum(row.total for row in self.by_hour)

    def hours_filled(self) -> tuple[HourRow, ...]:
        """All 24 hours in order, zero rows where nothing happened, so charts have a full axis."""
        known = {row.hour: row for row in self.by_hour}
        return tuple(known.get(hour, HourRow(hour)) for hour in range(24))

    def status_totals(self) -> tuple[int, ...]:
        rows = self.by_hour
        return tuple(sum(row.by_status()[i] for row in rows) for i in range(len(STATUS_KEYS)))

    @property
    def fees_tiyn(self) -> int:
        return sum(row.fees_tiyn for row in self.organizers)

    @property
    def returned_tiyn(self) -> int:
        return sum(row.returned_tiyn for row in self.organizers)
