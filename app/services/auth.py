"""Logging in, locking, and supervisor approval, by staff PIN.

A PIN is checked against its slow hash (app.core.pins). Five wrong PINs in a row lock that person
out for a minute; every login, failure and supervisor approval is written to the audit log. The
services return `StaffMember`, plain data, never an ORM row.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.pins import verify_pin
from app.core.statuses import Role
from app.models.records import AuditLog
from app.models.venue import Staff

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
    """A wrong PIN, or too many of them; `code` is "wrong_pin", "locked_out" or "unknown_staff"."""

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
            ok = verify_pin(pin, row.pin_hash)
            if ok:
                self._failures.pop(staff_id, None)
                self._audit(session, member.id, "login", {})
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
        """A supervisor's PIN approves `action`; the approval is audited under their name."""
        with self.sessions() as session:
            query = select(Staff).where(Staff.active.is_(True), Staff.role.in_(SUPERVISOR_ROLES))
            venue = self.venue_code()
            if venue is not None:
                query = query.where(Staff.venue_code == venue)
            for row in session.scalars(query):
                if verify_pin(pin, row.pin_hash):
                    member = StaffMember(row.id, row.name, row.role)
                    self._audit(session, member.id, action, details)
                    session.commit()
                    return member
            self._audit(session, None, action + "_refused", details)
            session.commit()
        raise LoginRefused("wrong_pin", "That is not a supervisor's PIN.")

    def _audit(
        self, session: Session, staff_id: uuid.UUID | None, action: str, details: dict[str, Any]
    ) -> None:
        session.add(
            AuditLog(at=self.wall_clock(), staff_id=staff_id, action=action, details=details)
        )
