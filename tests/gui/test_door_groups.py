"""Tickets and groups (DOMAIN.md section 4), and the visitors' own check-ins from the poster.

The tickets are redeemed on this module's server, so each test scans tickets no other test
of the module touches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
from PySide6.QtGui import QColor

from app.core.statuses import Role, Status, Verdict
from app.models.tickets import Order
from app.services.refund_desk_data import denial_for
from app.views.verdict import STATUS_COLOURS
from central.demo import DEMO_IINS
from tests.gui.conftest import IINS, Door

GREEN_2 = DEMO_IINS[Status.GREEN][1]


def _members(door: Door) -> list[str]:
    """Each ticket's line in the group list (its layout may wrap: newlines become spaces)."""
    panel = door.screen.group.members
    return [" ".join(panel.item(i).text().split()) for i in range(panel.count())]


def _colour_of(line: str) -> str:
    words = [w for w in ("GREEN", "BLUE", "YELLOW", "RED", "NOT FOUND") if w in line.split()]
    return words[0] if words else ("not checked yet" if "not checked yet" in line else "?")


def test_group_order_checked_person_by_person_one_red_refuses_all(door: Door) -> None:
    door.set_venue(test_mode_until=None)  # test-mode denials are no proof for a refund
    group = door.screen.group
    view = door.scan_and_wait("DEMOG1")
    assert view.verdict == "admit" and view.title == "TICKET VALID — check each person"
    assert group.heading.text() == "Order D-1001"
    assert group.session.text().startswith("The Steppe — ")
    members = _members(door)
    assert [re.findall(r"DEMOG\d", m) for m in members] == [["DEMOG1"], ["DEMOG2"], ["DEMOG3"]]
    assert [_colour_of(m) for m in members] == ["not checked yet"] * 3
    assert "used at" in members[0] and "valid" in members[1]  # DEMOG1 was just redeemed
    assert group.verdict.text() == "Group: check each person"

    assert door.scan_and_wait(IINS["green"]).verdict == "admit"
    members = _members(door)
    assert [_colour_of(m) for m in members] == ["GREEN", "not checked yet", "not checked yet"]
    assert door.screen.group.members.item(0).background().color() == QColor(STATUS_COLOURS["green"])
    assert group.verdict.text() == "Group: check each person"

    assert door.scan_and_wait(GREEN_2).verdict == "admit"
    assert _colour_of(_members(door)[1]) == "GREEN"

    view = door.scan_and_wait(IINS["red"])  # the third companion is red
    assert (view.verdict, view.status) == ("deny", "red")
    members = _members(door)
    assert [_colour_of(m) for m in members] == ["GREEN", "GREEN", "RED"]
    assert group.verdict.text() == "Group: DO NOT ADMIT"
    assert door.sound.played[-1] is Verdict.DENY

    rows = door.rows("SELECT direction, verdict, status, reason, order_number, session_id "
                     "FROM visit_event WHERE person IS NOT NULL ORDER BY occurred_at")  # fmt: skip
    assert [r[:3] for r in rows] == [
        ("entry", "admit", "green"), ("entry", "admit", "green"), ("denied", "deny", "red"),
        ("exit", "admit", "green"), ("exit", "admit", "green"),  # the two turned back
    ]  # fmt: skip
    assert {(r[4], r[5]) for r in rows} == {("D-1001", "DEMO-TODAY-1900")}
    assert [r[3] for r in rows[3:]] == ["group_member_denied"] * 2
    with door.console.ctx.sessions() as session:
        order = session.get(Order, "D-1001")
        assert order is not None
        proof = denial_for(session, order)  # what the refund desk looks for
    assert proof is not None and proof.status == "red"

    # the group is finished: the next person is checked alone
    door.scan_and_wait(IINS["yellow"])
    last = door.rows("SELECT order_number FROM visit_event ORDER BY occurred_at DESC LIMIT 1")
    assert last == [(None,)]


def test_used_ticket_says_when_and_at_which_door(door: Door) -> None:
    view = door.scan_and_wait("DEMOU1")
    assert view.verdict == "deny" and view.title == "TICKET NOT VALID"
    used_at = door.rows("SELECT used_at, used_door FROM ticket WHERE code = 'DEMOU1'")[0]
    moment = datetime.fromisoformat(str(used_at[0]))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    venue_time = moment.astimezone(ZoneInfo("Asia/Almaty")).strftime("%H:%M")
    assert view.message == f"Already used at {venue_time} at door {used_at[1]}."
    assert door.screen.banner.reason_label.text() == "This ticket was already used."
    panel_time = moment.astimezone().strftime("%H:%M")  # the console PC's own clock
    (line,) = _members(door)
    assert "DEMOU1" in line and f"used at {panel_time} at door 1" in line
    assert door.screen.banner.note_label.text() == f"Used at {panel_time} at door 1"
    assert door.rows("SELECT verdict, reason, ticket_code FROM visit_event") == [
        ("deny", "already_used", "DEMOU1")
    ]


def test_single_ticket_admits_once(door: Door) -> None:
    view = door.scan_and_wait("DEMOS1")
    assert view.verdict == "admit"
    assert door.screen.group.heading.text() == "Order D-1002"
    (line,) = _members(door)
    assert "DEMOS1" in line and "used at " in line  # redeemed just now
    view = door.scan_and_wait("DEMOS1")  # the same ticket handed to a friend
    assert (view.verdict, view.title) == ("deny", "TICKET NOT VALID")
    assert view.message.startswith("Already used at ") and view.message.endswith("at door 1.")


def test_ticket_for_tomorrow_is_refused(door: Door) -> None:
    view = door.scan_and_wait("DEMOT1")
    assert door.screen.group.heading.text() == "Order D-1006"
    assert view.verdict == "deny"


def test_visitors_own_checkins_appear_in_the_side_list(make_door: Callable[..., Door]) -> None:
    door = make_door(start_devices=True)
    door.log_in(Role.DOOR)
    door.wait_logged_in(Role.DOOR)
    listener = door.console.checkins
    door.qtbot.waitUntil(lambda: listener._thread.is_alive(), timeout=10_000)
    side = door.screen.checkins
    before = side.count()
    for status in ("green", "red"):
        # what the visitor's phone posts from the page the poster's QR opens
        answer = httpx.post(f"{door.server.url}/v/DEMO", data={"iin": IINS[status], "lang": "en"},
                            timeout=10)  # fmt: skip
        assert answer.status_code == 200 and f'data-status="{status}"' in answer.text
    door.qtbot.waitUntil(lambda: side.count() >= before + 2, timeout=20_000)
    newest, second = side.item(0), side.item(1)
    assert "RED" in newest.text() and "GREEN" in second.text()
    assert newest.background().color() == QColor(STATUS_COLOURS["red"])
    assert second.background().color() == QColor(STATUS_COLOURS["green"])
    texts = "\n".join(side.item(i).text() for i in range(side.count()))
    assert IINS["green"] not in texts and IINS["red"] not in texts
