"""Which station role may call which endpoint, and which staff each role's consoles receive.

The one table of the station API's permissions: `central.context.current_station` looks the
route up here for every authenticated call (the status lookups too, which check it themselves on
their hot path), so an endpoint missing from the table is refused to every role but the office
and combined ones (fail closed), and a test checks that every route of /api/v1 is listed.

- door: a door PC checks statuses, records visits, redeems tickets (so it needs the orders) and
  follows visitors' own check-ins. It never posts refunds.
- box_office: a cashier's PC pulls orders and posts refunds. It does no status lookups: a
  refund needs the door's recorded denial, never a fresh look at a person's health status.
- office: the manager's PC may call everything.
- combined: one PC that is door, box office and office at once (a small venue, the demo); also
  what stations enrolled before roles existed became, so installed consoles keep working.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from app.core.statuses import Role
from app.sync.protocol import StationRole

DOOR, BOX_OFFICE, OFFICE, COMBINED = (
    StationRole.DOOR,
    StationRole.BOX_OFFICE,
    StationRole.OFFICE,
    StationRole.COMBINED,
)
_EVERY = frozenset(StationRole)

# "METHOD path" under /api/v1 -> the roles allowed to call it.
ENDPOINT_ROLES: dict[str, frozenset[StationRole]] = {
    "GET /status/{iin}": frozenset({DOOR, OFFICE, COMBINED}),
    "GET /status/passport/{number}": frozenset({DOOR, OFFICE, COMBINED}),
    "POST /visits": frozenset({DOOR, OFFICE, COMBINED}),
    "POST /tickets/{code}/redeem": frozenset({DOOR, OFFICE, COMBINED}),
    "GET /checkins/stream": frozenset({DOOR, OFFICE, COMBINED}),
    "POST /refunds": frozenset({BOX_OFFICE, OFFICE, COMBINED}),
    "GET /orders": _EVERY,
    "GET /config": _EVERY,
    "POST /token/rotate": _EVERY,
    # a supervisor's PIN approves an override at a door or a refund desk alike
    "POST /approvals": _EVERY,
    "POST /pin-pepper": _EVERY,
}
_UNLISTED = frozenset({OFFICE, COMBINED})  # a new endpoint nobody listed yet: fail closed

SUPERVISORS = frozenset({Role.MANAGER, Role.ADMIN})
# The staff whose PIN hashes a station of each role receives in GET /config.
STAFF_ROLES: dict[StationRole, frozenset[Role]] = {
    DOOR: frozenset({Role.DOOR}) | SUPERVISORS,
    BOX_OFFICE: frozenset({Role.CASHIER}) | SUPERVISORS,
    OFFICE: SUPERVISORS,
    COMBINED: frozenset(Role),
}


def endpoint_key(method: str, path: str, prefix: str = "") -> str:
    """The table's key of a route: its method and its path without the API prefix."""
    if prefix and path.startswith(prefix):
        path = path[len(prefix) :]
    return f"{method.upper()} {path}"


def allowed_roles(key: str) -> frozenset[StationRole]:
    return ENDPOINT_ROLES.get(key, _UNLISTED)


def allows(role: StationRole, key: str) -> bool:
    return role in allowed_roles(key)


def refusal(role: StationRole, key: str) -> str:
    """The English sentence of a 403 forbidden_role."""
    allowed = ", ".join(sorted(r.value for r in allowed_roles(key)))
    return (
        f"A {role.value} station may not call {key}; it is for {allowed} stations. "
        "Enroll this PC with a code issued for the right role."
    )


class _HasRole(Protocol):
    @property
    def role(self) -> str: ...


S = TypeVar("S", bound=_HasRole)


def staff_for_role(role: StationRole, staff: Iterable[S]) -> list[S]:
    """The staff a station of `role` may know (and so verify PINs of), in the given order."""
    wanted = {r.value for r in STAFF_ROLES[role]}
    return [s for s in staff if str(s.role) in wanted]
