"""The one rule of who is inside: each person once, never below zero, strangers' exits change nothing."""

from datetime import UTC, datetime, timedelta

import pytest

from app.core.presence import Effect, Movement, day_start, fold, presence_key, step, venue_day
from app.core.statuses import Direction

T0 = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


def _m(key: str, direction: Direction, minutes: int) -> Movement:
    return Movement(key, direction, T0 + timedelta(minutes=minutes))


def test_each_person_counts_once_and_a_strangers_exit_changes_nothing() -> None:
    inside: set[str] = set()
    assert step(inside, _m("a", Direction.ENTRY, 0)) is Effect.ENTERED
    assert step(inside, _m("a", Direction.ENTRY, 1)) is Effect.ALREADY_INSIDE
    assert step(inside, _m("b", Direction.EXIT, 2)) is Effect.NOT_INSIDE
    assert inside == {"a"}
    assert step(inside, _m("a", Direction.EXIT, 3)) is Effect.LEFT
    assert step(inside, _m("a", Direction.EXIT, 4)) is Effect.NOT_INSIDE
    assert inside == set()


def test_fold_takes_movements_in_time_order_whatever_order_they_arrive_in() -> None:
    moves = [_m("a", Direction.EXIT, 5), _m("a", Direction.ENTRY, 1), _m("b", Direction.ENTRY, 2)]
    assert fold(moves) == {"b"}
    assert fold([_m("c", Direction.EXIT, 0)], start={"c"}) == set()


def test_denials_move_nobody() -> None:
    with pytest.raises(ValueError):
        step(set(), _m("a", Direction.DENIED, 0))


def test_keys_and_days() -> None:
    assert presence_key("p", "T1") == "p"
    assert presence_key(None, "T1") == "T:T1"
    assert presence_key(None, None) is None
    late = datetime(2026, 12, 1, 19, 30, tzinfo=UTC)  # 00:30 the next day in Almaty (UTC+5)
    assert venue_day(late, "Asia/Almaty").isoformat() == "2026-12-02"
    assert day_start(venue_day(late, "Asia/Almaty"), "Asia/Almaty") <= late
    assert Effect.ENTERED.moves and not Effect.NOT_INSIDE.moves
