"""Enrolling a station and running sync cycles: what `ashyq enroll` and `ashyq sync` do.

Enrollment trades a one-time code for the station's token and the venue's pseudonym key; both
go to the OS keyring before anything else happens (the code is spent once the server answered,
so losing the answer would strand the station). The local database then gets the station, a
placeholder venue holding the server's public key, and, when the server is still reachable,
the full config and the orders.

A sync cycle pushes the outbox, then pulls config and orders. Each half reports its own
failure; a push that cannot reach the server still lets the report say what is pending. The
pulls are skipped only when the server cannot be reached (refused, timed out, or the outbox is
backing off after that); a push that failed for any other reason (a bad event, a server error
on one batch) never keeps new orders and staff from this station.

Events the outbox set aside (the server refused them or failed on them alone) are listed for a
manager and put back in the queue on a manager's word (`set_aside_events`, `retry_set_aside`).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.statuses import VenueCategory
from app.models.venue import Station, Venue
from app.services.context import StationContext, open_database, utcnow
from app.sync import secrets
from app.sync.backoff import Backoff
from app.sync.client import CentralClient, SyncError
from app.sync.outbox import Outbox
from app.sync.protocol import StationRole
from app.sync.pull import (
    STATION_ROLE_KEY,
    TOKEN_EXPIRES_KEY,
    get_setting,
    pull_config,
    pull_orders,
    set_setting,
)
from app.sync.rotation import rotate_if_due
from app.sync.secrets import KeyringUnavailable
from app.sync.set_aside import SetAsideEvent, list_set_aside
from app.sync.set_aside import retry_set_aside as _put_back


@dataclass(frozen=True)
class EnrollResult:
    station_id: uuid.UUID
    venue_code: str
    station_name: str
    keyring: str  # the backend that holds the token, so the person knows where it went
    config_pulled: bool
    orders_pulled: int
    role: StationRole = StationRole.COMBINED  # what the code's issuer let this station do


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    duplicates: int
    rejected: int
    redeemed: int
    conflicts: tuple[str, ...]
    pulled_orders: int
    config_pulled: bool
    pending: int
    errors: tuple[str, ...]
    next_attempt_at: datetime | None = None
    token_rotated_until: datetime | None = None  # a new token was taken, valid until then
    set_aside: int = 0  # events kept aside for a manager (see `set_aside_events`)

    def as_json(self) -> dict[str, object]:
        return {
            "pushed": self.pushed,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "redeemed": self.redeemed,
            "conflicts": list(self.conflicts),
            "pulled_orders": self.pulled_orders,
            "config_pulled": self.config_pulled,
            "pending": self.pending,
            "set_aside": self.set_aside,
            "errors": list(self.errors),
            "next_attempt_at": self.next_attempt_at.isoformat() if self.next_attempt_at else None,
            "token_rotated_until": (
                self.token_rotated_until.isoformat() if self.token_rotated_until else None
            ),
        }


def enroll(
    server_url: str,
    code: str,
    station_name: str,
    db_path: Path | str,
    *,
    door: str | None = None,
    fallback_url: str | None = None,
    profile: str = secrets.DEFAULT_PROFILE,
    verify: bool | str = True,
    clock: Callable[[], datetime] = utcnow,
) -> EnrollResult:
    """Enroll this PC as a station of the venue the code belongs to."""
    backend = secrets.check_keyring()  # fail before spending the one-time code
    engine, sessions = open_database(db_path)
    try:
        with CentralClient(server_url, verify=verify) as anonymous:
            answer = anonymous.enroll(code, station_name)
        pepper = _b64(answer.pin_pepper) if answer.pin_pepper else None
        secrets.store(answer.token, _b64(answer.pseudonym_key), profile=profile, pin_pepper=pepper)
        now = clock()
        with sessions.begin() as session:
            venue = session.get(Venue, answer.venue_code)
            if venue is None:  # a placeholder until the config pull fills it in
                venue = Venue(
                    code=answer.venue_code,
                    name=answer.venue_code,
                    bin="",
                    time_zone="Asia/Almaty",
                    category=VenueCategory.GENERAL,
                )
                session.add(venue)
            venue.server_public_key = answer.server_public_key
            session.flush()
            set_setting(session, STATION_ROLE_KEY, answer.role.value)
            if answer.token_expires_at is not None:
                set_setting(session, TOKEN_EXPIRES_KEY, answer.token_expires_at.isoformat())
            session.add(
                Station(
                    id=answer.station_id,
                    name=station_name,
                    door=(door or station_name)[:40],
                    venue_code=answer.venue_code,
                    enrolled_at=now,
                    server_url=server_url,
                    fallback_url=fallback_url,
                )
            )
        config_pulled, orders = False, 0
        with CentralClient(server_url, answer.token, verify=verify) as client:
            try:
                pull_config(client, sessions, now=now)
                config_pulled = True
                orders = pull_orders(client, sessions).orders
            except SyncError:
                pass  # the next `ashyq sync` pulls; the enrollment itself stands
        return EnrollResult(
            answer.station_id,
            answer.venue_code,
            station_name,
            backend,
            config_pulled,
            orders,
            answer.role,
        )
    finally:
        engine.dispose()


def station_role(ctx: StationContext) -> StationRole | None:
    """This station's role as enrollment or the latest config pull said; None if never told."""
    with ctx.sessions() as session:
        value = get_setting(session, STATION_ROLE_KEY)
    try:
        return StationRole(value) if value else None
    except ValueError:
        return None


def _b64(text: str) -> bytes:
    import base64

    return base64.b64decode(text)


def ensure_pin_pepper(ctx: StationContext) -> None:
    """A station enrolled before peppers asks for its own once; the next config pull then
    brings the supervisors' verifiers wrapped with it. The keyring gets it before anything else.
    Refused (another holder of this token asked first): offline approvals stay off here, and
    re-enrolling the station gives it a pepper of its own.
    """
    if ctx.pin_pepper is not None or ctx.pepper_asked or ctx.primary is None:
        return
    try:
        pepper = ctx.primary.issue_pin_pepper()
    except SyncError as exc:
        if exc.code == "rejected":  # 409: already issued; asking again would not change it
            ctx.pepper_asked = True
            return
        raise
    ctx.pepper_asked = True
    secrets.store_pin_pepper(pepper, ctx.profile)
    ctx.pin_pepper = pepper


def make_outbox(ctx: StationContext, *, rng: random.Random | None = None) -> Outbox:
    return Outbox(ctx.sessions, backoff=Backoff(rng=rng or random.Random()), clock=ctx.clock)


def sync_once(
    ctx: StationContext,
    *,
    outbox: Outbox | None = None,
    pull: bool = True,
    force: bool = True,
) -> SyncReport:
    """One cycle: push what is pending, then pull config and orders; failures are reported.

    A person's "sync now" (the CLI) forces a try. The GUI's timer keeps one `Outbox` across
    cycles and passes `force=False`, so while the server is away the cycles respect the
    outbox's back-off instead of knocking every few seconds.
    """
    box = outbox or make_outbox(ctx)
    if ctx.primary is None:
        raise SyncError("offline", "No central server is configured for this station.")
    backing_off = not force and not box.due()  # the server was away: wait for the back-off
    push = box.push(ctx.primary, force=force)
    errors = list(push.errors)
    config_pulled, pulled_orders, rotated = False, 0, None
    away = push.unreachable or (backing_off and box.unreachable)
    if pull and not away:
        try:
            ensure_pin_pepper(ctx)
            config = pull_config(ctx.primary, ctx.sessions, now=ctx.clock())
            config_pulled = True
            rotated = rotate_if_due(
                ctx.primary,
                [ctx.fallback],
                ctx.sessions,
                expires_at=config.token_expires_at,
                now=ctx.clock(),
                profile=ctx.profile,
            )
            pulled_orders = pull_orders(ctx.primary, ctx.sessions).orders
        except (SyncError, KeyringUnavailable) as exc:
            errors.append(f"{exc.code}: {exc.message}")
    return SyncReport(
        pushed=push.pushed,
        duplicates=push.duplicates,
        rejected=push.rejected,
        redeemed=push.redeemed,
        conflicts=push.conflicts,
        pulled_orders=pulled_orders,
        config_pulled=config_pulled,
        pending=push.pending,
        errors=tuple(errors),
        next_attempt_at=push.next_attempt_at,
        token_rotated_until=rotated,
        set_aside=push.set_aside,
    )


def set_aside_events(ctx: StationContext) -> list[SetAsideEvent]:
    """What the outbox set aside, oldest first, with the server's reason; never an IIN."""
    return list_set_aside(ctx.sessions)


def retry_set_aside(ctx: StationContext, ids: Iterable[uuid.UUID] | None = None) -> int:
    """A manager's word: send these set-aside events (all when `ids` is None) again.

    They go back in the queue in their original place; the next sync delivers them or sets
    them aside again with the server's newest reason.
    """
    return _put_back(ctx.sessions, ids)
