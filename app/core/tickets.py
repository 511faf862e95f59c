"""When a ticket opens the door: its own show, not yesterday's and not tomorrow's.

A door that does not name the session it admits to (most doors: one entrance, many halls) still
refuses a ticket whose show is far from now. The window is generous on purpose: doors open long
before a show, and late-comers enter until it ends. Both the console (offline) and the central
server (online) apply this one rule.
"""

from __future__ import annotations

from datetime import datetime, timedelta

OPENS_BEFORE_START = timedelta(hours=12)
OPEN_AFTER_START_WITHOUT_END = timedelta(hours=6)


def ticket_window_open(starts_at: datetime, ends_at: datetime | None, at: datetime) -> bool:
    """True when `at` lies between 12 h before the start and the end (start + 6 h if unknown)."""
    closes = ends_at if ends_at is not None else starts_at + OPEN_AFTER_START_WITHOUT_END
    return starts_at - OPENS_BEFORE_START <= at <= closes
