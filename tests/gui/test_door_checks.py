"""Verdicts that need a person: a PCR certificate to look at (confirm with Enter, refuse with
Esc) and a supervisor's override of a "not found", with its PIN, its audit row, and its limits."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt

from app.core.statuses import Status, VenueCategory, Verdict
from app.services.door_flow import OverrideRefused
from central.demo import DEMO_IINS
from tests import timing
from tests.gui.conftest import IINS, Door, type_pin

BLUE_2 = DEMO_IINS[Status.BLUE][0]
NOT_FOUND_2 = DEMO_IINS[Status.NOT_FOUND][0]


@pytest.fixture
def pcr_door(door: Door) -> Door:
    door.set_venue(category=VenueCategory.PCR_REQUIRED)  # an airport, say: weekday-independent
    return door


def _staff_id(door: Door, name: str) -> str:
    rows = door.rows("SELECT id FROM staff WHERE name = ?", name)
    return uuid.UUID(str(rows[0][0])).hex


def _hex(value: object) -> str | None:
    return None if value is None else uuid.UUID(str(value)).hex


def test_blue_at_a_pcr_venue_enter_confirms_the_certificate(pcr_door: Door) -> None:
    door = pcr_door
    banner = door.screen.banner
    view = door.scan_and_wait(IINS["blue"])
    assert (view.verdict, view.status, view.reason) == (
        "needs_check", "blue", "pcr_certificate_required",
    )  # fmt: skip
    assert banner.headline.text() == "CHECK" and banner.status_label.text() == "BLUE"
    assert banner.confirm_button.isVisible() and banner.refuse_button.isVisible()
    assert not banner.override_button.isVisible()

    door.screen.manual.setFocus()
    door.qtbot.keyClick(door.screen.manual, Qt.Key.Key_Return)  # Enter on the empty field
    door.qtbot.waitUntil(lambda: banner.view is not None and banner.view.verdict == "admit",
                         timeout=15_000)  # fmt: skip
    assert banner.view.reason == "pcr_certificate_shown"
    assert not banner.confirm_button.isVisible()
    rows = door.rows("SELECT direction, verdict, reason FROM visit_event ORDER BY occurred_at")
    assert rows == [("entry", "needs_check", "pcr_certificate_required"),
                    ("entry", "admit", "pcr_certificate_shown")]  # fmt: skip
    assert door.sound.played == [Verdict.NEEDS_CHECK, Verdict.ADMIT]


def test_blue_at_a_pcr_venue_esc_refuses(pcr_door: Door) -> None:
    door = pcr_door
    banner = door.screen.banner
    assert door.scan_and_wait(BLUE_2).verdict == "needs_check"
    door.qtbot.keyClick(door.screen.manual, Qt.Key.Key_Escape)
    door.qtbot.waitUntil(lambda: banner.view is not None and banner.view.verdict == "deny",
                         timeout=15_000)  # fmt: skip
    assert banner.headline.text() == "DO NOT ADMIT"
    rows = door.rows("SELECT direction, verdict, reason FROM visit_event ORDER BY occurred_at")
    assert rows[-1] == ("denied", "deny", "pcr_certificate_not_shown")
    # a second Esc (or Enter) has nothing left to answer
    door.qtbot.keyClick(door.screen.manual, Qt.Key.Key_Escape)
    door.qtbot.keyClick(door.screen.manual, Qt.Key.Key_Return)
    door.qtbot.wait(timing.ms(200))
    assert door.visit_count() == 2 and door.screen.in_flight == 0


def test_supervisor_override_of_not_found(door: Door) -> None:
    banner = door.screen.banner
    view = door.scan_and_wait(IINS["not_found"])
    assert (view.verdict, view.status) == ("deny", "not_found") and view.overridable
    assert banner.override_button.isVisible()

    door.answer_next_dialog(type_pin("33333333"))  # the manager's PIN
    door.qtbot.mouseClick(banner.override_button, Qt.MouseButton.LeftButton)
    door.qtbot.waitUntil(lambda: banner.view is not None and banner.view.verdict == "admit",
                         timeout=15_000)  # fmt: skip
    assert door.dialogs == ["Supervisor override"]
    assert banner.view.reason == "supervisor_override"
    assert banner.reason_label.text() == "Admitted by a supervisor."
    manager = _staff_id(door, "Manager (demo)")
    rows = door.rows("SELECT verdict, reason, override_by, staff_id FROM visit_event "
                     "ORDER BY occurred_at")  # fmt: skip
    assert [(r[0], r[1]) for r in rows] == [("deny", "not_found"), ("admit", "supervisor_override")]
    assert _hex(rows[1][2]) == manager
    assert _hex(rows[1][3]) == _staff_id(door, "Door (demo)")  # the guard at the door
    audit = door.rows("SELECT action, staff_id FROM audit_log WHERE action LIKE 'door_override%'")
    assert [(a, _hex(s)) for a, s in audit] == [("door_override", manager)]


def test_wrong_supervisor_pin_refuses_the_override(door: Door) -> None:
    banner = door.screen.banner
    assert door.scan_and_wait(NOT_FOUND_2).verdict == "deny"
    door.answer_next_dialog(type_pin("1111"))  # the guard's own PIN is not a supervisor's
    door.qtbot.mouseClick(banner.override_button, Qt.MouseButton.LeftButton)
    door.qtbot.waitUntil(lambda: "supervisor" in banner.note_label.text(), timeout=15_000)
    assert door.screen.in_flight == 0
    assert banner.view.verdict == "deny"
    assert banner.override_button.isVisible()  # a real supervisor may still come and try
    assert door.rows("SELECT verdict FROM visit_event") == [("deny",)]
    audit = door.rows("SELECT action FROM audit_log WHERE action LIKE 'door_override%'")
    assert audit == [("door_override_refused",)]
    assert door.sound.played == [Verdict.DENY, Verdict.DENY]


def test_red_is_never_overridable(door: Door) -> None:
    banner = door.screen.banner
    view = door.scan_and_wait(IINS["red"])
    assert (view.verdict, view.status) == ("deny", "red") and not view.overridable
    assert not banner.override_button.isVisible()
    last = door.screen.last_outcome
    guard = door.window.staff
    with pytest.raises(OverrideRefused):  # not even by calling the service behind the button
        door.console.door._actions.override(last.visit_id, supervisor_pin="33333333",
                                            staff_id=guard.id)  # fmt: skip
    assert door.rows("SELECT verdict FROM visit_event") == [("deny",)]
