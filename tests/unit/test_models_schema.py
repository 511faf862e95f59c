"""The local database's schema: migrations, pragmas, privacy and the visit log's indexes."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Engine, Integer, MetaData, inspect, select, tuple_
from sqlalchemy.exc import IntegrityError

from app.core.statuses import Direction, InputMethod, Status, Verdict
from app.models import (
    Base,
    Outbox,
    OutboxKind,
    Ticket,
    VisitEvent,
    current_revision,
    downgrade_database,
    open_engine,
    session_factory,
    upgrade_database,
)
from app.sync.protocol import Tariff

NOW = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "console.sqlite3"
    upgrade_database(path)
    return path


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    engine = open_engine(db_path)
    yield engine
    engine.dispose()


def _diff(engine: Engine, metadata: MetaData) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def test_upgrade_creates_the_file_and_migrations_match_the_models(
    db_path: Path, engine: Engine
) -> None:
    assert db_path.is_file()
    assert current_revision(db_path) is not None
    assert _diff(engine, Base.metadata) == []


def test_the_comparison_would_notice_a_model_change(engine: Engine) -> None:
    changed = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["visit_event"].append_column(Column("added_later", Integer))
    assert any("added_later" in repr(entry) for entry in _diff(engine, changed))


def test_upgrade_twice_is_harmless_and_downgrade_then_upgrade_works(db_path: Path) -> None:
    upgrade_database(db_path)
    downgrade_database(db_path, "base")
    engine = open_engine(db_path)
    try:
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) == {"alembic_version"}
    finally:
        engine.dispose()
    upgrade_database(db_path)
    assert current_revision(db_path) is not None


def test_every_connection_gets_the_durability_pragmas(engine: Engine) -> None:
    with engine.connect() as first, engine.connect() as second:  # two pooled connections
        for connection in (first, second):
            pragma = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
            }
            assert pragma == {
                "journal_mode": "wal",
                "foreign_keys": 1,
                "busy_timeout": 5000,
                "synchronous": 2,  # FULL: a shown verdict survives a power cut
            }


def test_no_column_can_hold_an_iin_in_clear(engine: Engine) -> None:
    looks_like_iin = re.compile(r"(^|_)(iin|bin_iin|iin_bin|inn)(_|$)")
    allowed = {("visit_event", "sealed_iin")}  # encrypted to the server's key, not readable here
    tables_in_file = inspect(engine).get_table_names()
    columns = {
        (table, column["name"])
        for table in tables_in_file
        for column in inspect(engine).get_columns(table)
    }
    columns |= {(t.name, c.name) for t in Base.metadata.tables.values() for c in t.columns}
    offenders = {c for c in columns if looks_like_iin.search(c[1].lower()) and c not in allowed}
    assert offenders == set()
    assert ("visit_event", "person") in columns


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with session_factory(engine, write=True)() as session:
        session.add(
            Ticket(
                code="AB1234",
                order_number="NO-SUCH-ORDER",
                tariff=Tariff.ADULT,
                price_tiyn=250000,
                modified_at=NOW,
            )
        )
        with pytest.raises(IntegrityError):
            session.commit()


def _outbox_row(entity: uuid.UUID) -> Outbox:
    return Outbox(
        kind=OutboxKind.VISIT, entity_id=entity, payload={"id": str(entity)}, created_at=NOW
    )


def test_undelivered_outbox_rows_cannot_be_deleted(engine: Engine) -> None:
    make = session_factory(engine, write=True)
    with make() as session:
        session.add(_outbox_row(uuid.uuid4()))
        session.commit()
    with make() as session:
        row = session.scalars(select(Outbox)).one()
        session.delete(row)
        with pytest.raises(IntegrityError, match="not acknowledged"):
            session.commit()
    with make() as session:
        row = session.scalars(select(Outbox)).one()
        row.acknowledged_at = NOW
        session.commit()
        session.delete(row)
        session.commit()
        assert session.scalars(select(Outbox)).all() == []


def test_the_same_event_cannot_be_queued_twice(engine: Engine) -> None:
    entity = uuid.uuid4()
    with session_factory(engine, write=True)() as session:
        session.add_all([_outbox_row(entity), _outbox_row(entity)])
        with pytest.raises(IntegrityError):
            session.commit()


def _visit(moment: datetime, verdict: Verdict) -> VisitEvent:
    denied = verdict is Verdict.DENY
    return VisitEvent(
        id=uuid.uuid4(),
        occurred_at=moment,
        direction=Direction.DENIED if denied else Direction.ENTRY,
        method=InputMethod.CAMERA,
        status=Status.RED if denied else Status.GREEN,
        verdict=verdict,
        door="Main",
    )


FILTERS: dict[str, object] = {
    "verdict": Verdict.DENY,
    "direction": Direction.DENIED,
    "status": Status.RED,
    "method": InputMethod.CAMERA,
    "door": "Main",
}


@pytest.mark.parametrize("column", [None, *FILTERS])
def test_visit_log_pages_newest_first_from_an_index_without_sorting(
    engine: Engine, column: str | None
) -> None:
    with session_factory(engine, write=True)() as session:
        session.add_all(
            _visit(NOW - timedelta(seconds=i), Verdict.DENY if i % 3 else Verdict.ADMIT)
            for i in range(300)
        )
        session.commit()
    after = (NOW - timedelta(seconds=10), uuid.UUID(int=0))  # "the page after this row"
    page = (
        select(VisitEvent.occurred_at)
        .where(tuple_(VisitEvent.occurred_at, VisitEvent.id) < after)
        .order_by(VisitEvent.occurred_at.desc(), VisitEvent.id.desc())
        .limit(50)
    )
    if column is not None:
        page = page.where(getattr(VisitEvent, column) == FILTERS[column])
    with engine.connect() as connection:
        compiled = page.compile(connection, compile_kwargs={"literal_binds": True})
        plan = " | ".join(
            row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        )
        moments = connection.execute(page).scalars().all()
    expected_index = f"ix_visit_event_{column or 'occurred_at'}"
    assert expected_index in plan and "TEMP B-TREE" not in plan, plan
    assert len(moments) == 50
    assert moments == sorted(moments, reverse=True) and moments[0] < after[0]


def test_the_start_up_shortcut_knows_the_newest_migration() -> None:
    """upgrade_database skips Alembic when the file is at HEAD_REVISION: it must be the head."""
    from alembic.script import ScriptDirectory

    from app.models.migrate import HEAD_REVISION, alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_a_database_at_head_is_opened_without_migrating(tmp_path) -> None:
    from app.models import current_revision, upgrade_database
    from app.models.migrate import HEAD_REVISION, _at_head

    path = tmp_path / "console.sqlite3"
    assert not _at_head(path)
    upgrade_database(path)
    assert current_revision(path) == HEAD_REVISION and _at_head(path)
    upgrade_database(path)  # a second start finds nothing to do
    assert current_revision(path) == HEAD_REVISION
