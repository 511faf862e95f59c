"""The console cleans a value the server would refuse before the event is queued; never drops it.

Each raw value below is one the protocol refuses (the server would answer 422 and the event
would be set aside); `bounds` turns it into one that passes, keeping everything else.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from app.core.statuses import Direction, InputMethod, Status, Verdict
from app.sync import bounds
from app.sync import protocol as p

AT = datetime(2026, 11, 18, 12, 0, tzinfo=timezone(timedelta(hours=5)))


def fields(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = dict(
        id=uuid.uuid4(), occurred_at=AT, direction=Direction.ENTRY, method=InputMethod.WEDGE,
        status=Status.GREEN, status_source="central", status_age_s=0, verdict=Verdict.ADMIT,
        reason="green", person=None, door="1", session_id=None,
    )  # fmt: skip
    return {**base, **changes}


BAD = [
    {"status_age_s": 2**63},
    {"status_age_s": -5},
    {"status_source": "upstream-registry-" + "x" * 40},
    {"status_source": "cen\x00tral"},
    {"door": "Door\x00 1"},
    {"door": "Д" * 60},
    {"reason": "green\x00"},
    {"reason": "r" * 250},
    {"session_id": "S\x001"},
    {"session_id": "S" * 80},
    {"occurred_at": datetime(1970, 1, 1, tzinfo=UTC)},  # a PC whose clock battery died
    {"occurred_at": datetime(2150, 1, 1, tzinfo=timezone(timedelta(hours=-10)))},
]


@pytest.mark.parametrize("change", BAD)
def test_a_value_the_server_refuses_is_cleaned_not_dropped(change: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        p.VisitEvent(**fields(**change))  # as it was: the server would refuse it
    event = bounds.visit_event(**fields(**change))
    again = p.VisitEvent.model_validate_json(event.model_dump_json())  # what the server does
    assert again == event
    assert event.verdict is Verdict.ADMIT and event.status is Status.GREEN


def test_cleaning_keeps_what_it_can() -> None:
    event = bounds.visit_event(
        **fields(status_age_s=2**40, status_source="s" * 50, door="Door\x00 1\n", reason="ok\tok")
    )
    assert event.status_age_s == p.INT4_MAX
    assert event.status_source == "s" * 40
    assert (event.door, event.reason) == ("Door 1", "okok")
    early = bounds.visit_event(**fields(occurred_at=datetime(1970, 1, 1, tzinfo=UTC)))
    assert early.occurred_at == p.MOMENT_MIN
    assert bounds.visit_event(**fields()).occurred_at == AT  # a sane moment is untouched
    assert bounds.door("\x00\x01") == "door"


def test_refund_texts_are_cleaned_and_money_is_not() -> None:
    texts = bounds.refund_texts(
        rule="kinopark\x00" + "r" * 300, reason="late\n", new_session_id=None
    )
    assert texts == {"rule": "kinopark" + "r" * 192, "reason": "late", "new_session_id": None}
    line = {"ticket_code": "ABCDEF1", "price_tiyn": 2**31, "fee_tiyn": 0, "refund_tiyn": 0}
    with pytest.raises(ValidationError):  # an amount that does not fit is refused, never clamped
        p.RefundLine(**line)
