"""Supervisor PINs on the server: what a station may know of them, and approvals asked online.

The decision is explained in app.core.pins. Here: a PIN set by an administrator gets its login
hash and, for a manager or admin whose PIN has 8+ digits, the memory-hard offline verifier;
/config gives each station a supervisor's verifier only wrapped with that station's own pepper
(`staff_out`), never the login hash. `POST /api/v1/approvals` checks a PIN against the server's
own hashes, which never leave it for this purpose.

Rate limit: a station that typed `MAX_WRONG` wrong PINs within `WINDOW_S` is answered 429 until
the oldest of them leaves the window. The count is read from the audit table itself, so it holds
across server processes and restarts and needs no second store. At 5 tries a minute, one station
needs on average 10^8 / 2 / 5 minutes (19 years) to find an 8-digit PIN online, in plain sight.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, func, select, update

from app.core.pins import (
    PEPPER_BYTES,
    SUPERVISOR_ROLES,
    InvalidPin,
    hash_pin,
    make_offline_verifier,
    validate_pin_for_role,
    verify_pin,
    wrap_verifier,
)
from app.core.statuses import Role
from app.sync.protocol import ApprovalAnswer, ApprovalRequest, StaffOut
from central.context import ApiError, StationAuth
from central.db import Approval, Staff, Station, utcnow

MAX_WRONG = 5
WINDOW_S = 60
APPROVED, WRONG_PIN, RATE_LIMITED = "approved", "wrong_pin", "rate_limited"


class PinRefused(ValueError):
    """A PIN that may not be set for this role; the message says why."""


def pin_columns(pin: str, role: str, *, n: int | None = None) -> dict[str, Any]:
    """The staff row's PIN columns for a newly set PIN, enforcing the role's length.

    `n` lowers both costs for tests; production uses the defaults of app.core.pins.
    """
    try:
        validate_pin_for_role(pin, role)
    except InvalidPin as exc:
        raise PinRefused(str(exc)) from None
    login = hash_pin(pin) if n is None else hash_pin(pin, n=n)
    offline = None
    if str(role) in SUPERVISOR_ROLES:
        offline = make_offline_verifier(pin) if n is None else make_offline_verifier(pin, n=n)
    return {"pin_hash": login, "offline_verifier": offline}


def station_pepper(conn: Connection, station_id: uuid.UUID) -> bytes | None:
    return conn.execute(
        select(Station.pin_pepper).where(Station.id == station_id)
    ).scalar_one_or_none()


def issue_pepper(conn: Connection, station_id: uuid.UUID) -> bytes | None:
    """A pepper for a station enrolled before peppers existed; None if it already has one.

    One conditional UPDATE: a pepper is handed out once per station, so a token stolen later
    cannot fetch it again (the station that asked first keeps it in its keyring).
    """
    pepper = secrets.token_bytes(PEPPER_BYTES)
    done = conn.execute(
        update(Station)
        .where(Station.id == station_id, Station.pin_pepper.is_(None))
        .values(pin_pepper=pepper)
    )
    return pepper if done.rowcount == 1 else None


def staff_out(staff: Staff, pepper: bytes | None) -> StaffOut:
    """One member of staff as a station may see them (see protocol.StaffOut.pin_hash)."""
    if staff.role in SUPERVISOR_ROLES:
        verifier = staff.offline_verifier
        carried = wrap_verifier(verifier, pepper) if verifier and pepper else ""
    else:
        carried = staff.pin_hash
    return StaffOut(
        id=staff.id, name=staff.name, role=Role(staff.role), pin_hash=carried, active=staff.active
    )


def _recent_wrong(conn: Connection, station_id: uuid.UUID) -> tuple[int, Any]:
    since = utcnow() - timedelta(seconds=WINDOW_S)
    row = conn.execute(
        select(func.count(), func.min(Approval.at)).where(
            Approval.station_id == station_id, Approval.outcome == WRONG_PIN, Approval.at > since
        )
    ).one()
    return int(row[0]), row[1]


def _audit(
    conn: Connection,
    station: StationAuth,
    body: ApprovalRequest,
    outcome: str,
    staff_id: uuid.UUID | None,
) -> None:
    details = dict(body.details)
    if body.staff_id is not None:
        details["asked_for"] = str(body.staff_id)
    conn.execute(
        Approval.__table__.insert().values(
            at=utcnow(),
            venue_id=station.venue_id,
            station_id=station.station_id,
            staff_id=staff_id,
            action=body.action,
            outcome=outcome,
            details=details,
        )
    )


def approve(
    conn: Connection, station: StationAuth, body: ApprovalRequest
) -> ApprovalAnswer | ApiError:
    """The supervisor whose PIN this is, or the error to answer (403 wrong_pin, 429).

    The error is returned, not raised, so the caller commits the audit row before answering.
    """
    # One approval per station at a time (PostgreSQL; SQLite has a single writer anyway), so two
    # simultaneous guesses cannot both slip under the limit.
    conn.execute(select(Station.id).where(Station.id == station.station_id).with_for_update())
    wrong, oldest = _recent_wrong(conn, station.station_id)
    if wrong >= MAX_WRONG:
        _audit(conn, station, body, RATE_LIMITED, None)
        wait = WINDOW_S - (utcnow() - oldest).total_seconds() if oldest is not None else WINDOW_S
        retry = max(1, int(wait + 0.999))
        message = f"Too many wrong PINs; retry in {retry} s."
        return ApiError(429, RATE_LIMITED, message, {"Retry-After": str(retry)})
    query = select(Staff.id, Staff.name, Staff.role, Staff.pin_hash).where(
        Staff.venue_id == station.venue_id, Staff.active.is_(True)
    )
    if body.staff_id is not None:
        query = query.where(Staff.id == body.staff_id)
    else:
        query = query.where(Staff.role.in_(sorted(SUPERVISOR_ROLES)))
    for staff in conn.execute(query.order_by(Staff.name)).all():
        if verify_pin(body.pin, staff.pin_hash):
            _audit(conn, station, body, APPROVED, staff.id)
            return ApprovalAnswer(
                staff_id=staff.id, name=staff.name, role=Role(staff.role), approved_at=utcnow()
            )
    _audit(conn, station, body, WRONG_PIN, None)
    return ApiError(403, WRONG_PIN, "That PIN is not a supervisor's PIN at this venue.")


def audit_lines(conn: Connection, venue_id: int, limit: int = 50) -> list[str]:
    """The latest approvals asked of the server at a venue, newest first, one line each."""
    rows = conn.execute(
        select(Approval.at, Station.name, Staff.name, Approval.action, Approval.outcome)
        .join(Station, Station.id == Approval.station_id)
        .outerjoin(Staff, Staff.id == Approval.staff_id)
        .where(Approval.venue_id == venue_id)
        .order_by(Approval.id.desc())
        .limit(limit)
    ).all()
    return [
        f"{at:%Y-%m-%d %H:%M:%S}Z  {station:<20} {action:<18} {outcome:<13} {who or '-'}"
        for at, station, who, action, outcome in rows
    ]


def set_pin(conn: Connection, staff_id: uuid.UUID, pin: str, *, n: int | None = None) -> None:
    """Give a member of staff a new PIN (the role's length rule applies)."""
    role = conn.execute(select(Staff.role).where(Staff.id == staff_id)).scalar_one_or_none()
    if role is None:
        raise PinRefused(f"No member of staff with id {staff_id}.")
    conn.execute(update(Staff).where(Staff.id == staff_id).values(**pin_columns(pin, role, n=n)))
