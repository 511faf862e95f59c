"""Visits by month: partitions on PostgreSQL, retries across them, retention on both databases."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select, text

from app.core.pseudonym import pseudonym
from app.sync.protocol import BatchResult
from app.sync.sealing import seal_iin
from central import cli, partitions
from central.db import TraceIdentity, Visit, make_engine
from central.db_setup import alembic_config
from central.demo import DEMO_IINS
from tests.central.conftest import GENEROUS
from tests.central.harness import Postgres, Server, remove, start_server, wait_until
from tests.central.test_records import pending, visit

# the protocol's bounds are 2000-2100; months and years that a partition boundary cuts
EDGES = [
    "2000-01-01T00:00:00+00:00",
    "2019-12-31T23:59:59.999999+00:00",
    "2020-01-01T05:59:59+06:00",  # 2019-12-31 23:59:59 UTC: the month is the UTC one
    "2020-01-01T00:00:00+00:00",
    "2024-02-29T12:00:00+05:00",
    "2099-12-31T23:59:59+00:00",
]


def partition_of(server: Server, client_ids: list[str]) -> dict[str, str]:
    """Each visit's table: the month partition on PostgreSQL, `visits` on SQLite."""
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(text("tableoid::regclass::text") if _pg(server) else text("'visits'"),
                   Visit.client_id).where(Visit.client_id.in_([uuid.UUID(i) for i in client_ids]))
        ).all()  # fmt: skip
    return {str(client_id): table for table, client_id in rows}


def _pg(server: Server) -> bool:
    return server.database_url.startswith("postgresql")


def test_visits_of_any_month_are_stored_once_in_their_month(
    server: Server, station: dict[str, str]
) -> None:
    events = [visit(occurred_at=at) for at in EDGES]
    with server.client(station["token"]) as api:
        first = BatchResult.model_validate(api.post("/visits", json={"events": events}).json())
        # a retry, one event of it written with another offset for the same instant
        again = [*events[:-1], {**events[-1], "occurred_at": "2099-12-31T18:59:59-05:00"}]
        second = BatchResult.model_validate(api.post("/visits", json={"events": again}).json())
    ids = [e["id"] for e in events]
    assert [str(i) for i in first.accepted] == ids
    assert second.accepted == [] and [str(i) for i in second.duplicates] == ids
    tables = partition_of(server, ids)
    assert len(tables) == len(events)  # stored once each
    if _pg(server):
        months = ["2000_01", "2019_12", "2019_12", "2020_01", "2024_02", "2099_12"]
        assert [tables[i] for i in ids] == [f"visits_p{m}" for m in months]


def test_a_month_without_a_partition_gets_one_when_a_visit_needs_it(
    pg_server: Server, postgres: Postgres
) -> None:
    station = pg_server.enroll()
    month = date(2037, 7, 1)
    with pg_server.engine.connect() as conn:
        assert partitions.missing_months(conn, [month]) == [month]
    events = [visit(occurred_at=f"2037-07-{day:02d}T10:00:00+05:00") for day in (1, 15, 31)]
    with pg_server.client(station["token"]) as api:
        reply = api.post("/visits", json={"events": events})
    assert reply.status_code == 200 and len(reply.json()["accepted"]) == 3
    with pg_server.engine.connect() as conn:
        assert partitions.missing_months(conn, [month]) == []
        assert month in partitions.existing_months(conn)
    assert set(partition_of(pg_server, [e["id"] for e in events]).values()) == {"visits_p2037_07"}


def test_the_months_around_now_exist_from_start_up(pg_server: Server) -> None:
    now = partitions.month_of(datetime.now(UTC))
    around = [partitions.add_months(now, k) for k in (-1, 0, 1, 2)]
    with pg_server.engine.connect() as conn:
        assert partitions.missing_months(conn, around) == []


# --- retention ---------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def own_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """A server with a database of its own: retention removes what other tests stored."""
    url = None
    if request.param == "postgres":
        pg: Postgres = request.getfixturevalue("postgres")
        url = pg.create_database(f"central_retention_{uuid.uuid4().hex[:8]}")
    server = start_server(url, *GENEROUS)
    yield server
    remove(server)


def _month_visit(months_ago: int, station: dict[str, str]) -> dict[str, Any]:
    now = partitions.month_of(datetime.now(UTC))
    month = partitions.add_months(now, -months_ago)
    at = datetime(month.year, month.month, 1, tzinfo=UTC) + timedelta(days=9, hours=11)
    iin = DEMO_IINS[next(iter(DEMO_IINS))][0]
    key = base64.b64decode(station["pseudonym_key"])
    return visit(occurred_at=at.isoformat(), person=pseudonym(key, iin),
                 sealed_iin=seal_iin(iin, station["server_public_key"]))  # fmt: skip


def _kept(server: Server) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    with server.engine.connect() as conn:
        visits = set(conn.execute(select(Visit.client_id)).scalars())
        traces = set(
            conn.execute(
                select(Visit.client_id).join(
                    TraceIdentity,
                    (TraceIdentity.visit_id == Visit.id)
                    & (TraceIdentity.occurred_at == Visit.occurred_at),
                )
            ).scalars()
        )
        orphans = conn.execute(
            text("SELECT count(*) FROM trace_identities t WHERE NOT EXISTS "
                 "(SELECT 1 FROM visits v WHERE v.id = t.visit_id)")
        ).scalar_one()  # fmt: skip
    assert orphans == 0
    return visits, traces


def test_retention_removes_old_months_and_their_sealed_iins(own_server: Server) -> None:
    server = own_server
    station = server.enroll()
    ages = [40, 13, 12, 11, 1, 0]  # months before the current one
    events = {age: _month_visit(age, station) for age in ages}
    with server.client(station["token"]) as api:
        reply = api.post("/visits", json={"events": list(events.values())})
    assert len(reply.json()["accepted"]) == len(ages)
    ids = {age: uuid.UUID(e["id"]) for age, e in events.items()}
    wait_until(lambda: not pending(server, list(ids.values())), what="sealed IINs checked")
    assert _kept(server) == (set(ids.values()), set(ids.values()))

    common = ["--database-url", server.database_url, "--data-dir", str(server.data_dir)]
    with pytest.raises(SystemExit):  # the current month is never removed
        cli.main(["prune", *common, "--older-than-months", "0"])
    assert cli.main(["prune", *common, "--older-than-months", "12"]) == cli.EXIT_OK
    kept = {ids[a] for a in (12, 11, 1, 0)}
    assert _kept(server) == (kept, kept)
    if _pg(server):
        with server.engine.connect() as conn:
            months = partitions.existing_months(conn)
        cutoff = partitions.add_months(partitions.month_of(datetime.now(UTC)), -12)
        assert months and min(months) == cutoff  # the old months' partitions are gone

    # the server's own setting does the same at start-up (and hourly)
    server.stop()
    server.extra = [*server.extra, "--retention-months", "1"]
    server.start()
    kept = {ids[a] for a in (1, 0)}
    assert _kept(server) == (kept, kept)
    with server.client(station["token"]) as api:  # and the server still takes this month's
        reply = api.post("/visits", json={"events": [_month_visit(0, station)]})
    assert len(reply.json()["accepted"]) == 1


# --- the migration, from the previous release's data -------------------------------------------


@pytest.mark.parametrize(
    "database", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_migration_0005_keeps_the_visits_and_their_sealed_iins(
    database: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if database == "postgres":
        pg: Postgres = request.getfixturevalue("postgres")
        url = pg.create_database(f"central_0005_{uuid.uuid4().hex[:8]}")
    else:
        url = f"sqlite:///{tmp_path / 'central.db'}"
    engine = make_engine(url)
    cfg = alembic_config(url)

    def to(revision: str, down: bool = False) -> None:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)

    to("0004_stations")
    moments = [
        "2019-03-04 10:00:00.000000",
        "2026-11-30 23:59:59.000000",
        "2031-01-01 00:00:00.000000",
    ]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO venues (id, code, name, bin, address, time_zone, category, pseudonym_key,"
                " group_mode, allow_stale_status, created_at) VALUES (1, 'V', 'v', '1', '', 'UTC',"
                " 'general', :key, 'all', false, '2026-01-01 00:00:00.000000')"
            ),
            {"key": b"k" * 32},
        )
        for n, at in enumerate(moments, start=1):
            conn.execute(
                text(
                    "INSERT INTO visits (id, venue_id, client_id, station_id, occurred_at, received_at,"
                    " direction, method, verdict, reason, test_mode, offline) VALUES (:n, 1, :c, :c,"
                    " :at, :at, 'entry', 'wedge', 'admit', 'green', false, true)"
                ),
                {"n": n, "c": uuid.uuid4().hex if database == "sqlite" else uuid.uuid4(), "at": at},
            )
            conn.execute(text("INSERT INTO trace_identities VALUES (:n, 'box', 'ok')"), {"n": n})
    # fmt: skip
    to("head")
    with engine.connect() as conn:
        rows = conn.execute(
            select(Visit.id, Visit.occurred_at, TraceIdentity.occurred_at, TraceIdentity.check)
            .join(TraceIdentity, TraceIdentity.visit_id == Visit.id).order_by(Visit.id)
        ).all()  # fmt: skip
        if database == "postgres":
            assert {date(2019, 3, 1), date(2026, 11, 1), date(2031, 1, 1)} <= set(
                partitions.existing_months(conn)
            )
    assert [(r[0], r[1] == r[2], r[3]) for r in rows] == [(1, True, "ok"), (2, True, "ok"),
                                                          (3, True, "ok")]  # fmt: skip
    to("0004_stations", down=True)  # and back, keeping every row
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM trace_identities")).scalar_one() == 3
    to("head")
    with engine.begin() as conn:  # new ids continue after the old ones
        new_id = conn.execute(text(
            "INSERT INTO visits (venue_id, client_id, station_id, occurred_at, received_at,"
            " direction, method, verdict, reason, test_mode, offline) VALUES (1, :c, :c,"
            " '2026-12-02 00:00:00.000000', '2026-12-02 00:00:00.000000', 'entry', 'wedge',"
            " 'admit', 'green', false, true) RETURNING id"),
            {"c": uuid.uuid4().hex if database == "sqlite" else uuid.uuid4()}).scalar_one()  # fmt: skip
    assert new_id == 4
    engine.dispose()
