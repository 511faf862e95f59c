"""Logging in, locking, and supervisor approval, by staff PIN.

A PIN is checked against its slow hash (app.core.pins). Five wrong PINs in a row lock that person
out for a minute; every login, failure and supervisor approval is written to the audit log. The
services return `StaffMember`, plain data, never an ORM row.

Supervisors (see app.core.pins for the reasons): an approval asks the server first when one is
configured and answers within `server_timeout_s` (POST /api/v1/approvals; the server rate-limits
and audits it too); offline it falls back to the supervisors' wrapped verifiers, opened with the
station's pepper from the keyring. A supervisor with no verifier here (a PIN of fewer than 8
digits, or a station enrolled before peppers) logs in and approves only while the server answers.
Every approval's audit entry says how it was checked: "via": "server" or "offline".
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.pins import is_wrapped, verify_stored
from app.core.statuses import Role
from app.models.records import AuditLog
from app.models.venue import Staff
from app.sync.client import CentralClient, SyncError
from app.sync.protocol import ApprovalRequest

if TYPE_CHECKING:
    from app.services.context import StationContext

MAX_FAILURES = 5
LOCKOUT_SECONDS = 60
SUPERVISOR_ROLES = frozenset({Role.MANAGER, Role.ADMIN})

# What each role may open in the console (the screens check `Screen.roles` against this too).
ROLE_SCREENS: dict[Role, frozenset[str]] = {
    Role.DOOR: frozenset({"door", "log"}),
    Role.CASHIER: frozenset({"refunds"}),
    Role.MANAGER: frozenset({"door", "log", "refunds", "reports", "settings"}),
    Role.ADMIN: frozenset({"door", "log", "refunds", "reports", "settings"}),
}


@dataclass(frozen=True)
class StaffMember:
    id: uuid.UUID
    name: str
    role: Role

    @property
    def is_supervisor(self) -> bool:
        return self.role in SUPERVISOR_ROLES


class LoginRefused(Exception):
    """A wrong PIN, or too many of them; `code` is "wrong_pin", "locked_out", "unknown_staff", or
    "needs_server" (this PIN can be checked only by the server, which is not answering)."""

    def __init__(self, code: str, message: str, retry_after_s: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry_after_s = retry_after_s


@dataclass
class _Failures:
    count: int = 0
    locked_until: float = 0.0


@dataclass
class AuthService:
    sessions: Callable[[], Session]
    venue_code: Callable[[], str | None]
    clock: Callable[[], float] = time.monotonic
    wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    server: Callable[[], CentralClient | None] = lambda: None
    pepper: Callable[[], bytes | None] = lambda: None  # the station's, from the keyring
    server_timeout_s: float = 3.0
    _failures: dict[uuid.UUID, _Failures] = field(default_factory=dict)

    def list_staff(self) -> list[StaffMember]:
        with self.sessions() as session:
            query = select(Staff).where(Staff.active.is_(True)).order_by(Staff.name)
            venue = self.venue_code()
            if venue is not None:
                query = query.where(Staff.venue_code == venue)
            return [StaffMember(row.id, row.name, row.role) for row in session.scalars(query)]

    def login(self, staff_id: uuid.UUID, pin: str) -> StaffMember:
        """The member of staff, if the PIN is theirs; LoginRefused otherwise."""
        failures = self._failures.setdefault(staff_id, _Failures())
        now = self.clock()
        if failures.locked_until > now:
            wait = int(failures.locked_until - now) + 1
            raise LoginRefused("locked_out", f"Too many wrong PINs; wait {wait} s.", wait)
        with self.sessions() as session:
            row = session.get(Staff, staff_id)
            if row is None or not row.active:
                raise LoginRefused("unknown_staff", "This member of staff is not active here.")
            member = StaffMember(row.id, row.name, row.role)
            stored = row.pin_hash
        pepper = self.pepper()
        via = "offline"
        if member.is_supervisor and (not stored or (is_wrapped(stored) and not pepper)):
            ok = self._server_login(member, pin)  # nothing to check here: the server decides
            via = "server"
        else:
            ok = verify_stored(pin, stored, pepper)
        with self.sessions() as session:
            if ok:
                self._failures.pop(staff_id, None)
                self._audit(session, member.id, "login", {"via": via} if via == "server" else {})
                session.commit()
                return member
            failures.count += 1
            details: dict[str, Any] = {"failures": failures.count}
            if failures.count >= MAX_FAILURES:
                failures.locked_until = now + LOCKOUT_SECONDS
                failures.count = 0
                details["locked_out_s"] = LOCKOUT_SECONDS
            self._audit(session, member.id, "login_failed", details)
            session.commit()
        if failures.locked_until > now:
            raise LoginRefused(
                "locked_out", f"Too many wrong PINs; wait {LOCKOUT_SECONDS} s.", LOCKOUT_SECONDS
            )
        raise LoginRefused("wrong_pin", "Wrong PIN.")

    def approve(self, pin: str, *, action: str, details: dict[str, Any]) -> StaffMember:
        """A supervisor's PIN approves `action`; the approval is audited under their name.

        The server is asked first; only when it cannot be reached are the local verifiers used.
        """
        try:
            member = self._ask_server(pin, action, details, None)
        except LoginRefused:
            self._audit_now(None, action + "_refused", {**details, "via": "server"})
            raise
        if member is not None:
            if not member.is_supervisor:  # an older server: never take a non-supervisor's word
                self._audit_now(None, action + "_refused", {**details, "via": "server"})
                raise LoginRefused("wrong_pin", "That is not a supervisor's PIN.")
            self._audit_now(member.id, action, {**details, "via": "server"})
            return member
        pepper = self.pepper()
        with self.sessions() as session:
            query = select(Staff).where(Staff.active.is_(True), Staff.role.in_(SUPERVISOR_ROLES))
            venue = self.venue_code()
            if venue is not None:
                query = query.where(Staff.venue_code == venue)
            checkable = 0
            for row in session.scalars(query):
                checkable += bool(pepper and is_wrapped(row.pin_hash)) or _plain_hash(row.pin_hash)
                if verify_stored(pin, row.pin_hash, pepper):
                    member = StaffMember(row.id, row.name, row.role)
                    self._audit(session, member.id, action, {**details, "via": "offline"})
                    session.commit()
                    return member
            self._audit(session, None, action + "_refused", {**details, "via": "offline"})
            session.commit()
        if not checkable:
            raise LoginRefused(
                "needs_server",
                "The server cannot be reached, and no supervisor PIN can be checked offline here: "
                "a supervisor needs a PIN of 8 or more digits (ask the administrator), "
                "or connect to the server.",
            )
        raise LoginRefused("wrong_pin", "That is not a supervisor's PIN.")

    def _ask_server(
        self, pin: str, action: str, details: dict[str, Any], staff_id: uuid.UUID | None
    ) -> StaffMember | None:
        """The server's answer; None when it cannot be asked (none configured, or unreachable).

        A wrong PIN or too many of them raise LoginRefused: the server's word is final.
        """
        client = self.server()
        if client is None:
            return None
        try:
            request = ApprovalRequest(pin=pin, action=action, details=details, staff_id=staff_id)
        except ValueError:
            return None  # details the server would refuse (too long): decide here
        try:
            answer = client.approve(request, timeout=self.server_timeout_s)
        except SyncError as exc:
            if exc.code == "wrong_pin":
                raise LoginRefused("wrong_pin", "That is not a supervisor's PIN.") from None
            if exc.code == "rate_limited":
                wait = max(1, exc.retry_after_s)
                raise LoginRefused(
                    "locked_out", f"Too many wrong PINs; wait {wait} s.", wait
                ) from None
            return None  # offline, timeout, server error: the local verifiers decide
        return StaffMember(answer.staff_id, answer.name, answer.role)

    def _server_login(self, member: StaffMember, pin: str) -> bool:
        try:
            answer = self._ask_server(pin, "login", {}, member.id)
        except LoginRefused as exc:
            if exc.code == "locked_out":
                raise
            return False
        if answer is None:
            raise LoginRefused(
                "needs_server",
                "Your PIN can be checked only by the server, which does not answer. "
                "Ask the administrator for a new PIN of 8 or more digits to work offline.",
            )
        return answer.id == member.id

    def _audit_now(self, staff_id: uuid.UUID | None, action: str, details: dict[str, Any]) -> None:
        with self.sessions() as session:
            self._audit(session, staff_id, action, details)
            session.commit()

    def _audit(
        self, session: Session, staff_id: uuid.UUID | None, action: str, details: dict[str, Any]
    ) -> None:
        session.add(
            AuditLog(at=self.wall_clock(), staff_id=staff_id, action=action, details=details)
        )


def _plain_hash(stored: str) -> bool:
    """A plain PIN hash kept from before supervisors' verifiers were wrapped (or a test's)."""
    return bool(stored) and not is_wrapped(stored)


def station_auth(ctx: StationContext) -> AuthService:
    """The station's AuthService: its database, its server for approvals, its pepper."""
    return AuthService(
        sessions=ctx.sessions,
        venue_code=lambda: ctx.venue_code,
        server=lambda: ctx.primary,
        pepper=lambda: ctx.pin_pepper,
    )
