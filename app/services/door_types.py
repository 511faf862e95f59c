"""Plain data the door screen receives from the door services (DESIGN.md habit 3)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class MemberView:
    """One ticket of a group, as the door sees it: its state and, once checked, its colour."""

    ticket_code: str
    tariff: str
    state: str  # valid | used | refunded | exchanged | other_session
    used_at: datetime | None = None
    used_door: str | None = None
    status: str | None = None  # the colour of the person checked for this ticket
    verdict: str | None = None


@dataclass(frozen=True)
class OrderView:
    number: str
    session_title: str
    session_start: datetime
    hall: str | None
    members: tuple[MemberView, ...]
    group_verdict: str | None = None  # admit | deny | needs_check | None while incomplete
    group_reason: str | None = None


@dataclass(frozen=True)
class DoorOutcome:
    """What happened to one scan.

    kind:
      verdict        a person was checked; the visit is already committed (`visit_id`)
      already_inside the person is inside: ask whether this is an exit (nothing recorded yet)
      ticket         a ticket code: the order is shown (`order`), the redemption recorded
      command        a command barcode (`command`: entry_mode | exit_mode | repeat_last)
      venue_poster   the venue's own poster was scanned, not a visitor
      rejected       the scan could not be read (`code`, `message`)
    """

    kind: str
    verdict: str | None = None
    status: str | None = None
    reason: str = ""
    message: str = ""
    note: str | None = None
    source: str | None = None
    age_s: int | None = None
    overridable: bool = False
    needs: str | None = None
    direction: str = "entry"
    visit_id: uuid.UUID | None = None
    person_tag: str | None = None  # the short pseudonym, for the log; never the IIN
    command: str | None = None
    code: str | None = None
    order: OrderView | None = None
    ticket_code: str | None = None
    layout: str = "us"
    warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Occupancy:
    inside: int
    capacity: int | None

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.inside >= self.capacity


@dataclass(frozen=True)
class CheckinRow:
    """A visitor's own check-in from the venue's poster, for the door's side list."""

    id: uuid.UUID
    at: datetime
    status: str
    person_tag: str
