"""When the console rotates its station token (app.sync.rotation.rotation_due)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.sync.rotation import MIN_INTERVAL, ROTATE_WHEN_LEFT, rotation_due

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("expires_in", "rotated_ago", "due"),
    [
        (None, None, False),  # a server without expiry: nothing to do
        (ROTATE_WHEN_LEFT + timedelta(minutes=1), None, False),  # not yet
        (ROTATE_WHEN_LEFT, None, True),  # the window opens
        (timedelta(days=3), None, True),
        (timedelta(days=3), MIN_INTERVAL - timedelta(minutes=1), False),  # once a day at most
        (timedelta(days=3), MIN_INTERVAL, True),
        (-timedelta(days=1), None, True),  # expired: the server will say so, trying costs nothing
    ],
)
def test_rotation_is_due_inside_the_window_at_most_daily(
    expires_in: timedelta | None, rotated_ago: timedelta | None, due: bool
) -> None:
    expires = NOW + expires_in if expires_in is not None else None
    rotated = NOW - rotated_ago if rotated_ago is not None else None
    assert rotation_due(expires, rotated, NOW) is due
