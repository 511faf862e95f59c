"""Moments, enums and JSON come back from the database as they went in."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import StatementError

from app.core.pseudonym import pseudonym
from app.core.statuses import Direction, InputMethod, Status, StatusSource, VenueCategory, Verdict
from app.models import (
    SettingKV,
    StatusCache,
    Venue,
    VisitEvent,
    open_engine,
    session_factory,
    upgrade_database,
)

ALMATY = timezone(timedelta(hours=5))


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "console.sqlite3"
    upgrade_database(path)
    engine = open_engine(path)
    yield engine
    engine.dispose()


def test_an_almaty_moment_comes_back_as_the_same_instant_in_utc(engine: Engine) -> None:
    evening = datetime(2026, 11, 21, 19, 30, 15, 123456, tzinfo=ALMATY)
    visit_id = uuid.uuid4()
    with session_factory(engine, write=True)() as session:
        session.add(
            VisitEvent(
                id=visit_id,
                occurred_at=evening,
                direction=Direction.ENTRY,
                method=InputMethod.CAMERA,
                verdict=Verdict.ADMIT,
            )
        )
        session.commit()
    with session_factory(engine)() as session:
        back = session.get(VisitEvent, visit_id)
        assert back is not None
        assert back.occurred_at == evening
        assert back.occurred_at.tzinfo is UTC and back.occurred_at.hour == 14
        stored = session.execute(text("SELECT occurred_at FROM visit_event")).scalar_one()
        assert str(stored).startswith("2026-11-21 14:30:15")  # UTC on disk, sortable text


def test_a_naive_moment_is_refused(engine: Engine) -> None:
    with session_factory(engine, write=True)() as session:
        session.add(
            StatusCache(
                person="a" * 64,
                status=Status.GREEN,
                source=StatusSource.CENTRAL,
                fetched_at=datetime(2026, 11, 21, 19, 30),
            )
        )
        with pytest.raises(StatementError, match="naive datetime"):
            session.commit()


def test_statuses_are_stored_as_their_wire_values_and_keyed_by_pseudonym(engine: Engine) -> None:
    person = pseudonym(b"venue-key-0123456789", "900101300811")
    with session_factory(engine, write=True)() as session:
        session.add(
            StatusCache(
                person=person,
                status=Status.NOT_FOUND,
                source=StatusSource.FALLBACK,
                fetched_at=datetime(2026, 11, 21, 9, 0, tzinfo=UTC),
            )
        )
        session.commit()
    with session_factory(engine)() as session:
        raw = session.execute(text("SELECT person, status, source FROM status_cache")).one()
        assert tuple(raw) == (person, "not_found", "fallback")
        assert "900101300811" not in " ".join(raw)
        cached = session.scalars(select(StatusCache)).one()
        assert cached.status is Status.NOT_FOUND


def test_policies_and_settings_round_trip_as_json(engine: Engine) -> None:
    policy = {"cinema": {"weekend": {"blue": "deny"}}, "capacity_note": "зал 1"}
    with session_factory(engine, write=True)() as session:
        session.add(
            Venue(
                code="ALM-1",
                name="Kino",
                bin="180240012345",
                time_zone="Asia/Almaty",
                category=VenueCategory.CINEMA,
                admission_policy=policy,
            )
        )
        session.add(SettingKV(key="orders.modified_since", value="2026-11-21T09:00:00+00:00"))
        session.commit()
    with session_factory(engine)() as session:
        venue = session.get(Venue, "ALM-1")
        assert venue is not None and venue.admission_policy == policy
        assert venue.refund_rules == {} and venue.allow_stale_status is False
        setting = session.get(SettingKV, "orders.modified_since")
        assert setting is not None and setting.value == "2026-11-21T09:00:00+00:00"
