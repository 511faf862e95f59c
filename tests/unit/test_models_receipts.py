"""Receipt numbers: gap-free and unique per venue, even with two writers on one file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.core.statuses import VenueCategory
from app.models import (
    Receipt,
    ReceiptKind,
    ReceiptPrint,
    Venue,
    next_receipt_number,
    open_engine,
    session_factory,
    upgrade_database,
)
from tests import timing

NOW = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "console.sqlite3"
    upgrade_database(path)
    engine = open_engine(path)
    with session_factory(engine, write=True)() as session:
        for code in ("ALM-1", "AST-2"):
            session.add(
                Venue(
                    code=code,
                    name=f"Kino {code}",
                    bin="180240012345",
                    time_zone="Asia/Almaty",
                    category=VenueCategory.CINEMA,
                )
            )
        session.commit()
    engine.dispose()
    return path


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    engine = open_engine(db_path)
    yield engine
    engine.dispose()


def _issue(session: Session, venue: str) -> int:
    number = next_receipt_number(session, venue)
    session.add(
        Receipt(
            venue_code=venue,
            number=number,
            kind=ReceiptKind.SELL_RETURN,
            created_at=NOW,
            payload={"number": number},
        )
    )
    return number


def _numbers(engine: Engine, venue: str) -> list[int]:
    with session_factory(engine)() as session:
        query = select(Receipt.number).where(Receipt.venue_code == venue).order_by(Receipt.number)
        return list(session.scalars(query))


def test_numbers_start_at_one_and_count_per_venue(engine: Engine) -> None:
    make = session_factory(engine, write=True)
    issued = []
    for venue in ("ALM-1", "ALM-1", "AST-2", "ALM-1"):
        with make() as session:
            issued.append((venue, _issue(session, venue)))
            session.commit()
    assert issued == [("ALM-1", 1), ("ALM-1", 2), ("AST-2", 1), ("ALM-1", 3)]


def test_a_rolled_back_receipt_leaves_no_gap(engine: Engine) -> None:
    make = session_factory(engine, write=True)
    with make() as session:
        _issue(session, "ALM-1")
        session.commit()
    with make() as session:
        assert _issue(session, "ALM-1") == 2
        session.rollback()  # the printer was out of paper and the cashier cancelled
    with make() as session:
        assert _issue(session, "ALM-1") == 2
        session.commit()
    assert _numbers(engine, "ALM-1") == [1, 2]


def test_two_writers_on_the_same_file_never_skip_or_repeat(db_path: Path) -> None:
    per_writer = 25
    start = threading.Barrier(2)
    taken: list[list[int]] = [[], []]
    failures: list[BaseException] = []

    def desk(slot: int) -> None:
        engine = open_engine(db_path)  # a second console window: its own engine and pool
        make = session_factory(engine, write=True)
        try:
            start.wait()
            for _ in range(per_writer):
                with make() as session:
                    # read first, as a refund does, then take the number in the same transaction
                    session.scalar(select(func.count()).select_from(Receipt))
                    taken[slot].append(_issue(session, "ALM-1"))
                    session.commit()
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=desk, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timing.seconds(120))
    assert failures == []
    everything = sorted(taken[0] + taken[1])
    assert everything == list(range(1, 2 * per_writer + 1))
    assert taken[0] and taken[1]  # both desks really wrote
    engine = open_engine(db_path)
    try:
        assert _numbers(engine, "ALM-1") == everything
    finally:
        engine.dispose()


def test_numbers_are_only_handed_out_in_a_write_session(engine: Engine) -> None:
    with session_factory(engine)() as session, pytest.raises(RuntimeError, match="write=True"):
        next_receipt_number(session, "ALM-1")


def test_every_print_and_reprint_is_kept(engine: Engine) -> None:
    make = session_factory(engine, write=True)
    with make() as session:
        _issue(session, "ALM-1")
        session.flush()
        receipt = session.scalars(select(Receipt)).one()
        receipt.prints.append(
            ReceiptPrint(printed_at=NOW, copy=False, printer="XP-58", ok=False, error="no paper")
        )
        receipt.prints.append(ReceiptPrint(printed_at=NOW, copy=True, printer="XP-58", ok=True))
        session.commit()
    with session_factory(engine)() as session:
        receipt = session.scalars(select(Receipt)).one()
        assert [(p.copy, p.ok, p.error) for p in receipt.prints] == [
            (False, False, "no paper"),
            (True, True, None),
        ]
