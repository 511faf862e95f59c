"""What an administrator does: venues, staff, one-time enrollment codes, status feeds.

Used by the `ashyq-central` subcommands, by `--demo-data`, and by tests. Numbers in a status
feed are validated with the console's own rules (`app.core.iin`) and stored only as keyed
hashes; a rejected line is reported by its line number, never by its content.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select, update

from app.core.documents import canonical_state
from app.core.iin import IinError, validate_bin, validate_iin
from app.core.pins import PEPPER_BYTES
from app.core.statuses import Role, Status, VenueCategory
from app.sync.protocol import EnrollResponse, StationRole
from central.context import ApiError, new_token, token_hash
from central.db import EnrollmentCode, RegistryEntry, Staff, Station, Venue, upsert, utcnow
from central.keys import ServerKeys
from central.stations import DEFAULT_TOKEN_DAYS
from central.status_source import IIN, PASSPORT, registry_number

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud over the phone
CODE_TTL = timedelta(hours=24)


class AdminError(ValueError):
    """Input an administrator must fix; the message says what."""


def create_venue(
    conn: Connection,
    *,
    code: str,
    name: str,
    bin_number: str,
    time_zone: str = "Asia/Almaty",
    category: str = VenueCategory.GENERAL.value,
    capacity: int | None = None,
    address: str = "",
    test_mode_days: int = 0,
) -> int:
    """A new venue with its own pseudonym key; returns its id."""
    code = code.strip().upper()
    if not (2 <= len(code) <= 32 and all(c.isalnum() or c == "-" for c in code) and code.isascii()):
        raise AdminError("A venue code has 2-32 letters, digits or dashes.")
    try:
        bin_value = validate_bin(bin_number).value
    except IinError as exc:
        raise AdminError(f"BIN: {exc.message}") from None
    try:
        ZoneInfo(time_zone)
    except (KeyError, ValueError):
        raise AdminError(f"Unknown time zone {time_zone!r}; use an IANA name.") from None
    VenueCategory(category)
    test_until = utcnow() + timedelta(days=test_mode_days) if test_mode_days else None
    result = conn.execute(
        Venue.__table__.insert()
        .values(
            code=code,
            name=name,
            bin=bin_value,
            address=address,
            time_zone=time_zone,
            category=category,
            capacity=capacity,
            pseudonym_key=os.urandom(32),
            test_mode_until=test_until,
            group_mode="all",
            allow_stale_status=False,
            created_at=utcnow(),
        )
        .returning(Venue.__table__.c.id)
    )
    return int(result.scalar_one())


def venue_id(conn: Connection, code: str) -> int:
    found = conn.execute(select(Venue.id).where(Venue.code == code.upper())).scalar_one_or_none()
    if found is None:
        raise AdminError(f"No venue with code {code!r}.")
    return int(found)


def create_staff(
    conn: Connection, venue_code: str, name: str, role: str, pin: str, *, n: int | None = None
) -> uuid.UUID:
    """A staff member with a PIN of the role's length (managers and admins: 8-12 digits).

    `n` lowers the hashing cost for tests only.
    """
    from central.approvals import PinRefused, pin_columns

    try:
        columns = pin_columns(pin, Role(role).value, n=n)
    except PinRefused as exc:
        raise AdminError(str(exc)) from None
    staff_id = uuid.uuid4()
    conn.execute(
        Staff.__table__.insert().values(
            id=staff_id,
            venue_id=venue_id(conn, venue_code),
            name=name,
            role=Role(role).value,
            active=True,
            **columns,
        )
    )
    return staff_id


def set_staff_pin(conn: Connection, venue_code: str, name: str, pin: str) -> uuid.UUID:
    """A new PIN for the member of staff with this name at this venue (the role's rule applies)."""
    from central.approvals import PinRefused, set_pin

    found = conn.execute(
        select(Staff.id).where(Staff.venue_id == venue_id(conn, venue_code), Staff.name == name)
    ).all()
    if len(found) != 1:
        raise AdminError(f"{len(found)} members of staff are called {name!r} at {venue_code}.")
    try:
        set_pin(conn, found[0].id, pin)
    except PinRefused as exc:
        raise AdminError(str(exc)) from None
    return uuid.UUID(str(found[0].id))


def _code_hash(code: str) -> str:
    cleaned = "".join(c for c in code.upper() if c.isalnum())
    return hashlib.sha256(cleaned.encode("ascii", "replace")).hexdigest()


def issue_code(
    conn: Connection,
    venue_code: str,
    *,
    role: StationRole | str,
    ttl: timedelta = CODE_TTL,
    fixed: str | None = None,
) -> str:
    """A one-time enrollment code (12 letters/digits, grouped by 4); only its hash is kept.

    The station it enrolls gets `role` (central/roles.py): whoever issues the code decides.
    """
    try:
        role = StationRole(role)
    except ValueError:
        choices = ", ".join(r.value for r in StationRole)
        raise AdminError(f"Unknown station role {role!r}; use one of {choices}.") from None
    code = fixed or "-".join(
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(3)
    )
    digest = _code_hash(code)
    conn.execute(EnrollmentCode.__table__.delete().where(EnrollmentCode.code_hash == digest))
    conn.execute(
        EnrollmentCode.__table__.insert().values(
            venue_id=venue_id(conn, venue_code),
            code_hash=digest,
            expires_at=utcnow() + ttl,
            role=role.value,
        )
    )
    return code


def enroll(
    conn: Connection,
    keys: ServerKeys,
    code: str,
    station_name: str,
    token_days: float = DEFAULT_TOKEN_DAYS,
) -> EnrollResponse:
    """Spend a code for a new station token. One conditional UPDATE: two consoles, one winner."""
    digest = _code_hash(code)
    now = utcnow()
    station_id = uuid.uuid4()
    spent = conn.execute(
        update(EnrollmentCode)
        .where(
            EnrollmentCode.code_hash == digest,
            EnrollmentCode.used_at.is_(None),
            EnrollmentCode.expires_at > now,
        )
        .values(used_at=now, station_id=station_id)
    )
    row = conn.execute(
        select(
            EnrollmentCode.venue_id,
            EnrollmentCode.used_at,
            EnrollmentCode.station_id,
            EnrollmentCode.role,
        ).where(EnrollmentCode.code_hash == digest)
    ).one_or_none()
    if spent.rowcount != 1 or row is None:
        if row is None:
            raise ApiError(403, "enrollment_code_unknown", "This enrollment code does not exist.")
        if row.used_at is not None:
            raise ApiError(403, "enrollment_code_used", "This enrollment code was already used.")
        raise ApiError(403, "enrollment_code_expired", "This enrollment code has expired.")
    token = new_token()
    pepper = secrets.token_bytes(PEPPER_BYTES)  # app.core.pins: this station's own, sent once
    expires = now + timedelta(days=token_days)
    conn.execute(
        Station.__table__.insert().values(
            id=station_id,
            venue_id=row.venue_id,
            name=station_name,
            token_hash=token_hash(token),
            created_at=now,
            pin_pepper=pepper,
            role=row.role,
            expires_at=expires,
            last_seen_at=now,
        )
    )
    venue = conn.execute(
        select(Venue.code, Venue.pseudonym_key).where(Venue.id == row.venue_id)
    ).one()
    return EnrollResponse(
        station_id=station_id,
        venue_code=venue.code,
        token=token,
        pseudonym_key=base64.b64encode(venue.pseudonym_key).decode("ascii"),
        server_public_key=keys.public_key_b64,
        pin_pepper=base64.b64encode(pepper).decode("ascii"),
        role=StationRole(row.role),
        token_expires_at=expires,
    )


# --- status feeds ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    stored: int
    rejected: list[str]  # "line 7: The last digit of this IIN does not match ..."


def set_status(
    conn: Connection,
    keys: ServerKeys,
    kind: str,
    number: str,
    status: Status,
    set_at: datetime,
    state: str | None = None,
) -> None:
    """Store a status; a passport with its canonical issuing state when the feed gives one."""
    key = keys.registry_hash(kind, registry_number(number, state))
    values = {"key_hash": key, "status": status.value}
    upsert(
        conn,
        RegistryEntry.__table__,
        {**values, "set_at": set_at, "imported_at": utcnow()},
        ["key_hash"],
    )


STATE_HELP = (
    "An issuing state is a 3-letter ICAO 9303 code such as KAZ; Germany's D (D<< in an MRZ) "
    "is taken as DEU."
)


def normalize_state(text: str) -> str:
    """The canonical issuing state (app.core.documents.canonical_state), or AdminError."""
    state = canonical_state(text)
    if state is None:
        raise AdminError(STATE_HELP)
    return state


def normalize_passport(text: str) -> str:
    """Passport numbers compare upper-case without spaces; 5-20 letters and digits."""
    value = "".join(text.split()).upper()
    if not (5 <= len(value) <= 20 and value.isascii() and value.isalnum()):
        raise AdminError("A passport number has 5-20 Latin letters and digits.")
    return value


def import_statuses(conn: Connection, keys: ServerKeys, path: Path) -> ImportReport:
    """A CSV (header iin|passport_number,status,set_at[,issuing_state]) or JSON list of such
    objects. ``issuing_state`` (ICAO code) goes with a passport number; an IIN ignores it."""
    text = path.read_text(encoding="utf-8-sig")
    records: list[dict[str, Any]]
    if path.suffix.lower() == ".json":
        loaded = json.loads(text)
        records = loaded if isinstance(loaded, list) else loaded.get("statuses", [])
    else:
        records = list(csv.DictReader(io.StringIO(text)))
    stored, rejected = 0, []
    for line, record in enumerate(records, start=2 if path.suffix.lower() != ".json" else 1):
        try:
            kind, number, status, set_at, state = _parse_record(record)
        except AdminError as exc:
            rejected.append(f"record {line}: {exc}")
            continue
        set_status(conn, keys, kind, number, status, set_at, state)
        stored += 1
    return ImportReport(stored=stored, rejected=rejected)


def _parse_record(record: Any) -> tuple[str, str, Status, datetime, str | None]:
    if not isinstance(record, dict):
        raise AdminError("not an object with iin, status, set_at")
    try:
        status = Status(str(record.get("status", "")).strip().lower())
    except ValueError:
        raise AdminError("status must be green, blue, yellow, red or not_found") from None
    try:
        set_at = datetime.fromisoformat(str(record.get("set_at", "")).strip())
    except ValueError:
        raise AdminError("set_at must be an ISO-8601 moment") from None
    if set_at.tzinfo is None:
        raise AdminError("set_at needs a time zone offset")
    if record.get("iin"):
        try:
            return IIN, validate_iin(str(record["iin"])).value, status, set_at, None
        except IinError as exc:
            raise AdminError(exc.message) from None
    if record.get("passport_number"):
        number = normalize_passport(str(record["passport_number"]))
        state = str(record.get("issuing_state") or "").strip()
        return PASSPORT, number, status, set_at, normalize_state(state) if state else None
    raise AdminError("neither iin nor passport_number is given")
