"""The wire protocol between a console and `ashyq-central`, shared by both sides.

Every body is a pydantic model here; the server validates with the same classes the console
serialises with, so the two cannot drift. Version: /api/v1. Money is integer tiyn. Moments are
timezone-aware ISO-8601. An IIN crosses the wire only in a status lookup's path or sealed with the
server's public key (`sealed_iin`); everything else carries the venue pseudonym.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.core.statuses import Direction, InputMethod, Role, Status, VenueCategory, Verdict

API_PREFIX = "/api/v1"
MAX_BATCH = 500  # events in one POST; the outbox sends at most this many at a time
MAX_BODY_BYTES = 2_000_000  # the server refuses larger bodies with 413


# What both server databases hold (central/db.py): Integer columns are 32-bit on PostgreSQL,
# text columns have lengths, and a moment is stored as UTC, so a moment near year 1 or 9999
# with an offset would overflow on conversion. Everything a console sends is checked against
# these bounds here, so the server answers 422 ("invalid") instead of failing in the database,
# and the console cleans its own values with the same bounds before anything is queued.
INT4_MAX = 2**31 - 1
MOMENT_MIN = datetime(2000, 1, 1, tzinfo=UTC)
MOMENT_MAX = datetime(2100, 1, 1, tzinfo=UTC)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # and lone surrogates (no UTF-8)


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("moment must carry a time zone offset")
    return value


def _moment(value: datetime) -> datetime:
    """Aware and within 2000-01-01..2100-01-01 UTC: every conversion to UTC then succeeds."""
    _aware(value)
    try:
        utc = value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError("moment out of range (2000-01-01 to 2100-01-01 UTC)") from None
    if not MOMENT_MIN <= utc < MOMENT_MAX:
        raise ValueError("moment out of range (2000-01-01 to 2100-01-01 UTC)")
    return value


def _plain(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("text must not contain control characters")
    return value


def has_control_characters(value: str) -> bool:
    return _CONTROL.search(value) is not None


def strip_control_characters(value: str) -> str:
    """What the console does with a text it is about to send: control characters go."""
    return _CONTROL.sub("", value)


AwareDatetime = Annotated[datetime, AfterValidator(_aware)]  # what the server sends
Moment = Annotated[datetime, AfterValidator(_moment)]  # what the server accepts
Count = Annotated[int, Field(ge=0, le=INT4_MAX)]  # an Integer column (PostgreSQL int4)
ShortText = Annotated[str, Field(max_length=200), AfterValidator(_plain)]
Label = Annotated[str, Field(max_length=40), AfterValidator(_plain)]  # door, status source
SessionRef = Annotated[str, Field(max_length=64), AfterValidator(_plain)]
SealedIin = Annotated[str, Field(max_length=400, pattern=r"^[A-Za-z0-9+/=_-]*$")]
Pseudonym = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
TicketCode = Annotated[str, Field(pattern=r"^[A-Z0-9]{6,32}$")]
OrderNumber = Annotated[str, Field(pattern=r"^[0-9A-Z-]{1,32}$")]


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorBody(Wire):
    """Every error answer: a stable code for programs and a sentence for people (English)."""

    code: str
    message: str


# --- enrollment -----------------------------------------------------------------------------


class EnrollRequest(Wire):
    code: Annotated[str, Field(min_length=6, max_length=64), AfterValidator(_plain)]
    station_name: Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_plain)]


class EnrollResponse(Wire):
    station_id: UUID
    venue_code: str
    token: str  # bearer token; the console keeps it in the OS keyring, the server only its hash
    pseudonym_key: str  # base64, the venue's HMAC key for IIN pseudonyms (keyring too)
    server_public_key: str  # base64 X25519 public key for sealed boxes


# --- status lookups -------------------------------------------------------------------------


class StatusAnswer(Wire):
    status: Status
    set_at: AwareDatetime | None  # when the registry set this status; None when not found
    source: str  # where the server got it: "registry" (its own table) or "upstream"
    checked_at: AwareDatetime  # when the server answered


# --- visits ---------------------------------------------------------------------------------


class VisitEvent(Wire):
    id: UUID  # made by the console when the scan happened; the idempotency key
    occurred_at: Moment
    direction: Direction
    method: InputMethod
    status: Status | None
    status_source: Label | None
    status_age_s: Count | None
    verdict: Verdict
    reason: ShortText
    person: Pseudonym | None
    sealed_iin: SealedIin | None = None
    order_number: OrderNumber | None = None
    ticket_code: TicketCode | None = None
    session_id: SessionRef | None = None
    staff_id: UUID | None = None
    door: Label | None = None
    test_mode: bool = False
    offline: bool = False  # recorded while the server could not be reached


class VisitBatch(Wire):
    events: Annotated[list[VisitEvent], Field(min_length=1, max_length=MAX_BATCH)]


class Rejection(Wire):
    """One event of a batch that the server refused for a reason of its own (the rest stand)."""

    id: UUID
    code: str  # stable, e.g. "already_refunded", "ticket_used", "amount_mismatch"
    message: str  # an English sentence; the console shows its own words for the code


class BatchResult(Wire):
    accepted: list[UUID]  # stored now
    duplicates: list[UUID]  # already stored before; the console marks both as delivered
    rejected: list[Rejection] = []  # refused; the console keeps each, set aside with the reason


# --- orders and tickets ---------------------------------------------------------------------


class TicketState(StrEnum):
    VALID = "valid"
    USED = "used"
    REFUNDED = "refunded"
    EXCHANGED = "exchanged"


class Tariff(StrEnum):
    ADULT = "adult"
    CHILD = "child"
    STUDENT = "student"


class SessionOut(Wire):
    id: str
    title: str
    hall: str | None = None
    starts_at: AwareDatetime
    ends_at: AwareDatetime | None = None


class TicketOut(Wire):
    code: TicketCode
    tariff: Tariff
    price_tiyn: Annotated[int, Field(ge=0)]
    state: TicketState
    printed_at_box_office: bool = False
    used_at: AwareDatetime | None = None
    used_door: str | None = None


class OrderOut(Wire):
    number: OrderNumber
    organizer: str  # refund rules slug, e.g. "kinopark"
    session: SessionOut
    tickets: list[TicketOut]
    modified_at: AwareDatetime


class OrdersPage(Wire):
    orders: list[OrderOut]
    server_time: AwareDatetime  # pass back as modified_since next time


class RedeemRequest(Wire):
    nonce: UUID  # the same nonce redeemed twice by the same door answers ok both times
    door: Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_plain)]
    at: Moment
    session_id: SessionRef | None = None  # the door's current session


class RedeemResponse(Wire):
    ok: bool
    code: str  # "redeemed", "already_used", "refunded", "wrong_session", "unknown_ticket"
    ticket_code: str
    used_at: AwareDatetime | None = None
    used_door: str | None = None
    message: str


# --- refunds --------------------------------------------------------------------------------


class RefundKind(StrEnum):
    REFUND = "refund"
    EXCHANGE = "exchange"
    CONTACT_REQUEST = "contact_request"  # manual organizer: a request recorded, no money moves


class RefundLine(Wire):
    ticket_code: TicketCode
    price_tiyn: Count
    fee_tiyn: Count
    refund_tiyn: Count


class RefundEvent(Wire):
    id: UUID
    occurred_at: Moment
    kind: RefundKind
    order_number: OrderNumber
    lines: Annotated[list[RefundLine], Field(min_length=1, max_length=100)]
    new_session_id: SessionRef | None = None
    rule: ShortText
    reason: ShortText = ""
    override: bool = False  # a supervisor approved what the rules refused
    ashyq_denial_id: UUID | None = None  # the door's denial used as proof
    staff_id: UUID | None = None
    test_mode: bool = False


class RefundBatch(Wire):
    events: Annotated[list[RefundEvent], Field(min_length=1, max_length=MAX_BATCH)]


# --- configuration --------------------------------------------------------------------------


class GroupMode(StrEnum):
    ALL = "all"  # the group enters only if every member is admitted
    PER_PERSON = "per_person"


class VenueOut(Wire):
    code: str
    name: str
    bin: str
    address: str = ""
    time_zone: str  # IANA, e.g. "Asia/Almaty"
    category: VenueCategory
    capacity: Annotated[int, Field(ge=0)] | None = None
    test_mode_until: AwareDatetime | None = None
    group_mode: GroupMode = GroupMode.ALL
    allow_stale_status: bool = False


class StaffOut(Wire):
    id: UUID
    name: str
    role: Role
    pin_hash: str  # the slow hash, never the PIN
    active: bool = True


class VenueConfig(Wire):
    venue: VenueOut
    admission_policy: dict[str, Any]  # resources/policies/admission.json's shape
    refund_rules: dict[str, Any]  # resources/policies/refund_rules.json's shape
    staff: list[StaffOut]
    server_public_key: str
    checkin_url: str  # what the venue's QR poster encodes


# --- visitors' own check-ins ----------------------------------------------------------------


class CheckinOut(Wire):
    """A visitor checked in from the venue's poster; the door screen lists these live."""

    id: UUID
    at: AwareDatetime
    status: Status
    person: Pseudonym
