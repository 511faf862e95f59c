"""central.refund_check.check_refund with hand-written facts: no server, no database.

The show starts at 19:30 in Almaty (UTC+5) on Saturday 21 November 2026; the shipped rules.
Kinopark: 10 % more than an hour before the start, 20 % within the hour, refunds until 19:27
(1 min + 2 min grace); the operator fee is 5 %, at least 250 tenge, at most the price.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.core.refunds import RefundRules, parse_rules
from app.resources import load_json
from app.sync.protocol import RefundEvent
from central.refund_check import CODES, OrderFacts, SessionFacts, TicketFacts, check_refund

ALMATY = ZoneInfo("Asia/Almaty")
START = datetime(2026, 11, 21, 19, 30, tzinfo=ALMATY)
RULES: RefundRules = parse_rules(load_json("policies", "refund_rules.json"))


def order(organizer: str = "kinopark", **states: str) -> OrderFacts:
    tickets = {
        code: TicketFacts(code, 250_000, "adult", code == "PRINTED1", states.get(code, "valid"))
        for code in ("TICKET01", "TICKET02", "PRINTED1")
    }
    return OrderFacts("100200", organizer, "S1930", START, "Asia/Almaty", tickets)


def refund(
    *lines: tuple[str, int, int, int], at: datetime = START - timedelta(hours=3), **extra: Any
) -> RefundEvent:
    return RefundEvent.model_validate(
        {
            "id": str(uuid.uuid4()),
            "occurred_at": at.isoformat(),
            "kind": extra.pop("kind", "refund"),
            "order_number": "100200",
            "lines": [
                {"ticket_code": c, "price_tiyn": p, "fee_tiyn": f, "refund_tiyn": r}
                for c, p, f, r in lines
            ],
            "rule": "test",
            **extra,
        }
    )


LATER = SessionFacts("S2200", START + timedelta(hours=2, minutes=30), same_organizer=True)
EARLY = START - timedelta(hours=3)  # 16:30: the 10 % tier
LATE = START - timedelta(minutes=2)  # 19:28: after the deadline, before the start


@pytest.mark.parametrize(
    ("facts", "event", "extra", "code"),
    [
        # honest refunds and exchanges pass
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000)), {}, None),
        (order(), refund(("TICKET01", 250_000, 50_000, 200_000), at=START - timedelta(minutes=30)),
         {}, None),  # the 20 % tier within the hour
        (order(), refund(("TICKET01", 250_000, 25_000, 0), kind="exchange",
                         new_session_id="S2200"), {"target": LATER}, None),
        # the order, its tickets, double refunds and used tickets
        (None, refund(("TICKET01", 250_000, 25_000, 225_000)), {}, "unknown_order"),
        (order(), refund(("NOTHERE1", 250_000, 25_000, 225_000)), {}, "unknown_ticket"),
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000),
                         ("TICKET01", 250_000, 25_000, 225_000)), {}, "duplicate_line"),
        (order(TICKET01="refunded"), refund(("TICKET01", 250_000, 25_000, 225_000)), {},
         "already_refunded"),
        (order(TICKET01="exchanged"), refund(("TICKET01", 250_000, 25_000, 225_000)), {},
         "already_refunded"),
        (order(TICKET01="used"), refund(("TICKET01", 250_000, 25_000, 225_000)), {},
         "ticket_used"),
        (order(TICKET01="used"), refund(("TICKET01", 250_000, 25_000, 225_000), override=True),
         {}, "ticket_used"),
        # amounts
        (order(), refund(("TICKET01", 100, 10, 90)), {}, "price_mismatch"),
        (order(), refund(("TICKET01", 250_000, 25_000, 2**31 - 1)), {}, "amount_mismatch"),
        (order(), refund(("TICKET01", 250_000, 25_000, 200_000)), {}, "amount_mismatch"),
        (order(), refund(("TICKET01", 250_000, 0, 250_000)), {}, "fee_mismatch"),
        (order(), refund(("TICKET01", 250_000, 50_000, 200_000)), {}, "fee_mismatch"),
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000), kind="exchange",
                         new_session_id="S2200"), {"target": LATER}, "amount_mismatch"),
        # the rules' refusals, and what an override still enforces
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000), at=LATE), {}, "deadline_passed"),
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000), at=START), {}, "started"),
        (order(), refund(("PRINTED1", 250_000, 25_000, 225_000)), {}, "printed"),
        (order("keruen"), refund(("TICKET01", 250_000, 25_000, 225_000)), {}, "no_refund"),
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000), at=LATE, override=True), {},
         None),  # operator fee: 5 % of 2,500 tenge is less than 250 tenge
        (order(), refund(("TICKET01", 250_000, 0, 250_000), at=LATE, override=True), {},
         "fee_mismatch"),
        (order(), refund(("PRINTED1", 250_000, 25_000, 225_000), override=True), {}, None),
        # an Ashyq denial the server holds lifts the deadline; one it does not hold, nothing
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000), at=LATE,
                         ashyq_denial_id=str(uuid.uuid4())), {"denial": "proof"}, None),
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000), at=LATE,
                         ashyq_denial_id=str(uuid.uuid4())), {"denial": "unknown"},
         "denial_unknown"),
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000), at=LATE,
                         ashyq_denial_id=str(uuid.uuid4())), {"denial": "not_proof"},
         "denial_not_proof"),
        (order(), refund(("TICKET01", 250_000, 0, 0), kind="exchange", new_session_id="S2200",
                         ashyq_denial_id=str(uuid.uuid4())), {"denial": "proof", "target": LATER},
         None),  # an exchange after a denial costs nothing
        # exchanges go to a later session of the same organizer
        (order(), refund(("TICKET01", 250_000, 25_000, 0), kind="exchange",
                         new_session_id="S1930"),
         {"target": SessionFacts("S1930", START, True)}, "bad_session"),
        (order(), refund(("TICKET01", 250_000, 25_000, 0), kind="exchange",
                         new_session_id="S2200"),
         {"target": SessionFacts("S2200", LATER.starts_at, False)}, "bad_session"),
        (order(), refund(("TICKET01", 250_000, 25_000, 0), kind="exchange",
                         new_session_id="S2200"),
         {"target": SessionFacts("S2200", EARLY - timedelta(minutes=1), True)}, "bad_session"),
        (order(), refund(("TICKET01", 250_000, 25_000, 225_000), new_session_id="S2200"), {},
         "bad_session"),
        # contact-centre requests: no money, only at a contact-centre organizer
        (order("inna-concerts", TICKET01="used"), refund(("TICKET01", 250_000, 0, 0),
                                                       kind="contact_request"), {}, None),
        (order("inna-concerts"), refund(("TICKET01", 250_000, 0, 250_000),
                                        kind="contact_request"), {}, "amount_mismatch"),
        (order("inna-concerts"), refund(("TICKET01", 250_000, 25_000, 225_000), override=True),
         {}, "manual"),
        (order(), refund(("TICKET01", 250_000, 0, 0), kind="contact_request"), {},
         "not_manual"),
        (order("no-such-organizer"), refund(("TICKET01", 250_000, 25_000, 225_000)), {},
         "unknown_organizer"),
    ],
)  # fmt: skip
def test_check_refund(
    facts: OrderFacts | None, event: RefundEvent, extra: dict[str, Any], code: str | None
) -> None:
    refusal = check_refund(RULES, facts, event, **extra)
    assert (refusal.code if refusal else None) == code, refusal
    if refusal is not None:
        assert refusal.message.strip() and refusal.code in CODES  # the console knows each code


def test_the_first_problem_is_the_answer_and_names_the_ticket() -> None:
    event = refund(("TICKET01", 250_000, 25_000, 225_000), ("TICKET02", 250_000, 25_000, 1))
    refusal = check_refund(RULES, order(), event)
    assert refusal is not None and refusal.code == "amount_mismatch"
    assert "TICKET02" in refusal.message and "250000 tiyn" in refusal.message
