"""Who is inside a venue: the one rule that every door, the central server and the reports share.

A venue day starts at the venue's local midnight. Only admitted entries and exits move people,
and each person counts once, keyed by the venue's pseudonym (or by the ticket when nobody was
identified, see `presence_key`):

- an entry of someone not inside lets them in (`ENTERED`);
- an entry of someone already inside changes nothing (`ALREADY_INSIDE`);
- an exit of someone inside lets them out (`LEFT`);
- an exit of someone not inside changes nothing (`NOT_INSIDE`): it is recorded and shown as
  such, so the count never goes below zero and a stranger's exit never lowers it.

`Presence` is what a door asks: "is this person inside?" and "how many are inside?". A console
answers from its own records alone (one PC) or from the venue's state on the central server plus
its own events the server has not acknowledged yet (every PC of the venue); `Headcount` says which.
No Qt, no database: plain values in, plain values out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

from app.core.statuses import Direction


class Effect(StrEnum):
    ENTERED = "entered"
    ALREADY_INSIDE = "already_inside"
    LEFT = "left"
    NOT_INSIDE = "not_inside"

    @property
    def moves(self) -> bool:
        """Whether the count changed."""
        return self in (Effect.ENTERED, Effect.LEFT)


@dataclass(frozen=True)
class Movement:
    """One admitted entry or exit of one person (denials never move anyone)."""

    key: str
    direction: Direction  # ENTRY or EXIT
    at: datetime


def presence_key(person: str | None, ticket_code: str | None = None) -> str | None:
    """Who moved: the person's pseudonym, else the ticket (an anonymous holder), else nobody."""
    if person:
        return person
    if ticket_code:
        return "T:" + ticket_code
    return None


def effect_of(inside: bool, direction: Direction) -> Effect:
    """What an admitted movement does to a person who is (or is not) inside."""
    if direction is Direction.ENTRY:
        return Effect.ALREADY_INSIDE if inside else Effect.ENTERED
    if direction is Direction.EXIT:
        return Effect.LEFT if inside else Effect.NOT_INSIDE
    raise ValueError(f"only entries and exits move people, not {direction}")


def step(inside: set[str], movement: Movement) -> Effect:
    """Apply one movement to the set of keys inside (in place) and say what it did."""
    effect = effect_of(movement.key in inside, movement.direction)
    if effect is Effect.ENTERED:
        inside.add(movement.key)
    elif effect is Effect.LEFT:
        inside.discard(movement.key)
    return effect


def fold(movements: Iterable[Movement], start: Iterable[str] = ()) -> set[str]:
    """The keys inside after these movements, taken in time order, from `start`."""
    inside = set(start)
    for movement in sorted(movements, key=lambda m: m.at):
        step(inside, movement)
    return inside


def venue_day(at: datetime, time_zone: str) -> date:
    """The venue's local date of a moment."""
    return at.astimezone(ZoneInfo(time_zone)).date()


def day_start(day: date, time_zone: str) -> datetime:
    """The venue's local midnight that opens `day` (aware)."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(time_zone))


@dataclass(frozen=True)
class Headcount:
    """How many are inside, and how much of the venue that figure covers.

    `venue_wide` is True when the figure is the server's venue state plus this PC's events not
    yet acknowledged. When False it is what this PC knows: the venue's state as last heard
    `since` (None: never heard) plus this PC's own events after that.
    """

    inside: int
    venue_wide: bool = False
    since: datetime | None = None


class Presence(Protocol):
    def is_inside(self, key: str, at: datetime) -> bool: ...

    def headcount(self, at: datetime) -> Headcount: ...
