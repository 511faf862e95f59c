"""The console's side of the protocol's bounds: clean a value before it is queued, never lose it.

The server refuses (422) a text with control characters, a text longer than its column, a
count beyond a 32-bit integer and a moment outside 2000..2100 UTC (app/sync/protocol.py). A
visit is the venue's evidence, so the console never lets such a value stop it from being
recorded and delivered: texts lose their control characters and are cut to the column's
length, counts are clamped, a moment from a wildly wrong clock is clamped into the range.
Money is never clamped: a refund whose amounts do not fit is refused before anything is done.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from app.sync import protocol as p

LABEL = 40  # door, status source (central/db.py String(40))
SHORT = 200  # reason, rule
SESSION = 64  # session ids


def text(value: str, length: int) -> str:
    return p.strip_control_characters(value)[:length]


def optional_text(value: str | None, length: int) -> str | None:
    return None if value is None else text(value, length)


def count(value: int | None) -> int | None:
    return None if value is None else max(0, min(int(value), p.INT4_MAX))


def moment(value: datetime) -> datetime:
    """Inside the protocol's range, keeping the offset (a clock years off is still recorded)."""
    if p.MOMENT_MIN <= value < p.MOMENT_MAX:
        return value
    zone = value.tzinfo
    edge = p.MOMENT_MIN if value < p.MOMENT_MIN else p.MOMENT_MAX - timedelta(seconds=1)
    return edge.astimezone(zone)


def visit_event(**fields: Any) -> p.VisitEvent:
    """`p.VisitEvent(**fields)` with every bounded value cleaned first."""
    fields["occurred_at"] = moment(fields["occurred_at"])
    fields["reason"] = text(fields["reason"], SHORT)
    fields["status_source"] = optional_text(fields.get("status_source"), LABEL)
    fields["status_age_s"] = count(fields.get("status_age_s"))
    for name, length in (("session_id", SESSION), ("door", LABEL)):
        if name in fields:
            fields[name] = optional_text(fields[name], length)
    return p.VisitEvent(**fields)


def visit_from_payload(payload: dict[str, Any]) -> p.VisitEvent | None:
    """A queued visit's wire body, cleaned as a new one would be; None if it is not a visit.

    For visits queued by a version before these bounds: a value the server would refuse now
    must not strand a visit that was fine when it was recorded.
    """
    fields = dict(payload)
    try:
        if isinstance(fields.get("occurred_at"), str):
            fields["occurred_at"] = datetime.fromisoformat(fields["occurred_at"])
        if not isinstance(fields["occurred_at"], datetime) or not isinstance(fields["reason"], str):
            return None
        for name in ("status_source", "door", "session_id"):
            if fields.get(name) is not None and not isinstance(fields[name], str):
                return None
        if fields.get("status_age_s") is not None and not isinstance(fields["status_age_s"], int):
            return None
        return visit_event(**fields)
    except (KeyError, TypeError, ValueError):  # pydantic's ValidationError is a ValueError
        return None


def refund_texts(*, rule: str, reason: str, new_session_id: str | None) -> dict[str, Any]:
    """The free texts of a refund, cleaned; amounts and codes are left to the protocol."""
    return {
        "rule": text(rule, SHORT),
        "reason": text(reason, SHORT),
        "new_session_id": optional_text(new_session_id, SESSION),
    }


def door(value: str) -> str:
    """A door label for a redemption: cleaned, never empty."""
    return text(value, LABEL).strip() or "door"
