"""The wire protocol between a console and `ashyq-central`, shared by both sides.

Every body is a pydantic model here; the server validates with the same classes the console
serialises with, so the two cannot drift. Version: /api/v1. Money is integer tiyn. Moments are
timezone-aware ISO-8601. An IIN crosses the wire only in a status lookup's path or sealed with the
server's public key (`sealed_iin`); everything else carries the venue pseudonym.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.core.statuses import Direction, InputMethod, Role, Status, VenueCategory, Verdict

API_PREFIX = "/api/v1"
MAX_BATCH = 500  # events in one POST; the outbox sends at most this many at a time
MAX_BODY_BYTES = 2_000_000  # the server refuses larger bodies with 413


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("moment must carry a time zone offset")
    return value


AwareDatetime = Annotated[datetime, AfterValidator(_aware)]
ShortText = Annotated[str, Field(max_length=200)]
Pseudonym = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
TicketCode = Annotated[str, Field(pattern=r"^[A-Z0-9]{6,32}$")]
OrderNumber = Annotated[str, Field(pattern=r"^[0-9A-Z-]{1,32}$")]


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Answer(Wire):
    """A newer answer's shape: fields a later server adds are ignored, not refused."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# Every call through the station check answers these headers (central.context.current_station):
# the console rotates its token before X-Token-Expires and shows X-Station-Role. Headers, not
# body fields, so consoles older than station roles still parse every answer.
TOKEN_EXPIRES_HEADER = "X-Token-Expires"  # ISO-8601 moment
STATION_ROLE_HEADER = "X-Station-Role"  # a StationRole value
# Sent with POST /enroll by a console that understands `role` and `token_expires_at`; without
# it the server leaves them out, so an older console still parses the answer to its spent code.
FEATURES_HEADER = "X-Ashyq-Features"
FEATURE_STATION_ROLES = "station-roles"


class ErrorBody(Wire):
    """Every error answer: a stable code for programs and a sentence for people (English)."""

    code: str
    message: str


# --- enrollment -----------------------------------------------------------------------------


class StationRole(StrEnum):
    """What a station may do, chosen by whoever issued its enrollment code (central/roles.py)."""

    DOOR = "door"  # status lookups, visits, tickets, check-in stream
    BOX_OFFICE = "box_office"  # orders and refunds
    OFFICE = "office"  # the manager's PC: every call, managers' and admins' PINs only
    COMBINED = "combined"  # one PC does all (small venue, demo, stations enrolled before roles)


class EnrollRequest(Wire):
    code: Annotated[str, Field(min_length=6, max_length=64)]
    station_name: Annotated[str, Field(min_length=1, max_length=80)]


class EnrollResponse(Answer):
    station_id: UUID
    venue_code: str
    token: str  # bearer token; the console keeps it in the OS keyring, the server only its hash
    pseudonym_key: str  # base64, the venue's HMAC key for IIN pseudonyms (keyring too)
    server_public_key: str  # base64 X25519 public key for sealed boxes
    # base64, this station's own key wrapping the supervisors' offline PIN verifiers (keyring
    # too, see app.core.pins); sent only here, once. None from a server without it.
    pin_pepper: str | None = None
    role: StationRole = StationRole.COMBINED  # a server without roles allows everything
    token_expires_at: AwareDatetime | None = None


class TokenRotation(Answer):
    """POST /token/rotate: the new token; the old one works until the new one is first used."""

    token: str
    expires_at: AwareDatetime


# --- status lookups -------------------------------------------------------------------------


class StatusAnswer(Wire):
    status: Status
    set_at: AwareDatetime | None  # when the registry set this status; None when not found
    source: str  # where the server got it: "registry" (its own table) or "upstream"
    checked_at: AwareDatetime  # when the server answered


# --- visits ---------------------------------------------------------------------------------


class VisitEvent(Wire):
    id: UUID  # made by the console when the scan happened; the idempotency key
    occurred_at: AwareDatetime
    direction: Direction
    method: InputMethod
    status: Status | None
    status_source: str | None
    status_age_s: Annotated[int, Field(ge=0, le=2**31 - 1)] | None  # the INTEGER column stores it
    verdict: Verdict
    reason: ShortText
    person: Pseudonym | None
    sealed_iin: Annotated[str, Field(max_length=400)] | None = None
    order_number: OrderNumber | None = None
    ticket_code: TicketCode | None = None
    session_id: Annotated[str, Field(max_length=64)] | None = None
    staff_id: UUID | None = None
    door: Annotated[str, Field(max_length=40)] | None = None
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
    door: Annotated[str, Field(min_length=1, max_length=40)]
    at: AwareDatetime
    session_id: Annotated[str, Field(max_length=64)] | None = None  # the door's current session


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
    price_tiyn: Annotated[int, Field(ge=0)]
    fee_tiyn: Annotated[int, Field(ge=0)]
    refund_tiyn: Annotated[int, Field(ge=0)]


class RefundEvent(Wire):
    id: UUID
    occurred_at: AwareDatetime
    kind: RefundKind
    order_number: OrderNumber
    lines: Annotated[list[RefundLine], Field(min_length=1, max_length=100)]
    new_session_id: Annotated[str, Field(max_length=64)] | None = None
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
    # Door staff and cashiers: the slow login hash, never the PIN. Managers and admins: never
    # their login hash, only their offline verifier wrapped with this station's pepper
    # (app.core.pins.wrap_verifier, "scrypt-hmac$..."), or "" when there is none (a PIN of fewer
    # than 8 digits, or a station without a pepper): they are then checked online only.
    pin_hash: str
    active: bool = True


class VenueConfig(Wire):
    venue: VenueOut
    admission_policy: dict[str, Any]  # resources/policies/admission.json's shape
    refund_rules: dict[str, Any]  # resources/policies/refund_rules.json's shape
    staff: list[StaffOut]
    server_public_key: str
    checkin_url: str  # what the venue's QR poster encodes


# --- supervisor approvals -------------------------------------------------------------------

_IIN_LIKE = re.compile(r"\d{12}")


def _no_iin(details: dict[str, Any]) -> dict[str, Any]:
    """An approval's details are audited on the server: they must never carry an IIN."""
    text = json.dumps(details, default=str)
    if len(text) > 2000:
        raise ValueError("details are limited to 2000 characters")
    if _IIN_LIKE.search(text):
        raise ValueError("details must not contain a 12-digit number (an IIN or BIN)")
    return details


ApprovalDetails = Annotated[dict[str, Any], AfterValidator(_no_iin)]


class ApprovalRequest(Wire):
    """A supervisor's PIN typed at a station, checked by the server against its own hashes.

    Without `staff_id` any active supervisor of the venue may match (an override); with it only
    that member of staff (a supervisor logging in whose PIN this station cannot check offline).
    """

    pin: Annotated[str, Field(pattern=r"^[0-9]{4,12}$")]
    action: Annotated[str, Field(pattern=r"^[a-z_]{1,40}$")]  # e.g. "door_override", "login"
    details: ApprovalDetails = {}
    staff_id: UUID | None = None


class PepperAnswer(Wire):
    """A station enrolled before peppers asks once for its own (POST /pin-pepper); 409 after."""

    pin_pepper: str  # base64, kept in the keyring like EnrollResponse.pin_pepper


class ApprovalAnswer(Wire):
    staff_id: UUID
    name: str
    role: Role
    approved_at: AwareDatetime


# --- visitors' own check-ins ----------------------------------------------------------------


class CheckinOut(Wire):
    """A visitor checked in from the venue's poster; the door screen lists these live."""

    id: UUID
    at: AwareDatetime
    status: Status
    person: Pseudonym
