"""Everything a station needs to check visitors and sync, opened once and passed around.

The GUI's composition root and the `ashyq` command both build one `StationContext` from the
local database and the keyring: the write-session factory, the clients for the central server
and the fallback, the status chain over them and the local cache, the venue's pseudonym key.
Tests build one the same way against a real server on loopback.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.admission import AdmissionPolicy, parse_policy
from app.core.statuses import VenueCategory
from app.models import open_engine, session_factory, upgrade_database
from app.models.venue import Station, Venue
from app.sync import secrets
from app.sync.cache import SqlStatusCache
from app.sync.client import CentralClient
from app.sync.status_chain import DEFAULT_BUDGET_S, StatusChain


def utcnow() -> datetime:
    return datetime.now(UTC)


class StationNotReady(Exception):
    """The database has no enrolled station or no venue config yet."""

    code = "not_enrolled"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class VenueSettings:
    """The venue's rules as the door applies them, read from the pulled config."""

    code: str
    time_zone: str
    category: VenueCategory
    capacity: int | None
    test_mode_until: datetime | None
    policy: AdmissionPolicy
    server_public_key: str
    group_mode: str


@dataclass
class StationContext:
    engine: Engine
    sessions: sessionmaker[Session]  # write sessions (BEGIN IMMEDIATE)
    station_id: uuid.UUID
    door: str
    venue_code: str
    primary: CentralClient | None
    fallback: CentralClient | None
    chain: StatusChain
    pseudonym_key: bytes
    clock: Callable[[], datetime] = utcnow
    pin_pepper: bytes | None = None  # from the keyring: opens the supervisors' offline verifiers
    profile: str = (
        secrets.DEFAULT_PROFILE
    )  # the keyring entries' profile (a token rotation rewrites it)
    pepper_asked: bool = False  # a station without a pepper asks the server once per run

    def venue(self) -> VenueSettings:
        """Read fresh each time: a config pull may have changed the rules since the last scan."""
        with self.sessions() as session:
            venue = session.get(Venue, self.venue_code)
            if venue is None:
                raise StationNotReady("No venue configuration yet: run `ashyq sync` online once.")
            policy_data = venue.admission_policy or _default_policy()
            return VenueSettings(
                code=venue.code,
                time_zone=venue.time_zone,
                category=venue.category,
                capacity=venue.capacity,
                test_mode_until=venue.test_mode_until,
                policy=parse_policy(policy_data),
                server_public_key=venue.server_public_key,
                group_mode=str(venue.group_mode),
            )

    def close(self) -> None:
        for client in (self.primary, self.fallback):
            if client is not None:
                client.close()
        self.engine.dispose()


def _default_policy() -> dict[str, object]:
    from app.resources import load_json

    data = load_json("policies", "admission.json")
    assert isinstance(data, dict)
    return data


def open_database(db_path: Path | str) -> tuple[Engine, sessionmaker[Session]]:
    """Migrate if needed and open; the write factory is the one every service uses."""
    upgrade_database(db_path)
    engine = open_engine(db_path)
    return engine, session_factory(engine, write=True)


def open_station(
    db_path: Path | str,
    *,
    profile: str = secrets.DEFAULT_PROFILE,
    budget_s: float = DEFAULT_BUDGET_S,
    timeout_s: float = 10.0,
    verify: bool | str = True,
    clock: Callable[[], datetime] = utcnow,
) -> StationContext:
    """The enrolled station behind `db_path`, with its credentials from the keyring."""
    engine, sessions = open_database(db_path)
    with sessions() as session:
        station = session.scalars(select(Station).order_by(Station.enrolled_at.desc())).first()
        if station is None:
            engine.dispose()
            raise StationNotReady(
                "This console is not enrolled: run `ashyq enroll --server URL --code CODE`."
            )
        station_id, door, venue_code = station.id, station.door or station.name, station.venue_code
        server_url, fallback_url = station.server_url, station.fallback_url
    try:
        creds = secrets.load(profile)
    except Exception:
        engine.dispose()
        raise
    primary = CentralClient(server_url, creds.token, timeout=timeout_s, verify=verify)
    fallback = (
        CentralClient(fallback_url, creds.token, timeout=timeout_s, verify=verify)
        if fallback_url
        else None
    )
    cache = SqlStatusCache(sessions)
    chain = StatusChain.standard(primary, fallback, cache, budget_s=budget_s, clock=clock)
    return StationContext(
        engine=engine,
        sessions=sessions,
        station_id=station_id,
        door=door,
        venue_code=venue_code,
        primary=primary,
        fallback=fallback,
        chain=chain,
        pseudonym_key=creds.pseudonym_key,
        clock=clock,
        pin_pepper=creds.pin_pepper,
        profile=profile,
    )
