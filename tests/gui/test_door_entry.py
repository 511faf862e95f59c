"""Typing an IIN by hand, entry and exit, occupancy and capacity, as the guard does them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox

from app.core.statuses import Status, Verdict
from central.demo import DEMO_IINS
from tests.gui.conftest import IINS, Door, press_button

GREEN_2 = DEMO_IINS[Status.GREEN][0]


def _texts_on_screen(door: Door) -> str:
    """Every text a person could read in the window right now."""
    parts = [w.text() for w in door.window.findChildren(QLabel) if w.isVisible()]
    parts += [w.text() for w in door.window.findChildren(QLineEdit) if w.isVisible()]
    return "\n".join(parts)


def _hint_after_typing(door: Door, text: str) -> str:
    door.screen.manual.clear()
    door.type_iin(text, enter=False)
    door.qtbot.waitUntil(lambda: door.screen.manual.text() == text, timeout=5000)
    return door.screen.manual_hint.text()


def test_manual_iin_is_validated_as_typed_and_cleared_after_the_check(door: Door) -> None:
    green = IINS["green"]
    assert _hint_after_typing(door, "88031") == "5 of 12 digits"
    assert _hint_after_typing(door, "8803 153-00") == "9 of 12 digits"  # spaces, dashes ignored
    assert _hint_after_typing(door, "88O3") == "Only digits, please."
    wrong_digit = green[:-1] + str((int(green[-1]) + 1) % 10)
    assert _hint_after_typing(door, wrong_digit).startswith("Wrong check digit")
    assert _hint_after_typing(door, "900101300800") == (
        "No such IIN is ever issued. Check the digits."
    )
    assert _hint_after_typing(door, green + "1") == "An IIN has exactly 12 digits."

    # Enter on an invalid IIN checks nothing and keeps the text for correcting
    visits = door.visit_count()
    door.screen.manual.clear()
    door.type_iin(wrong_digit)
    assert door.screen.manual.text() == wrong_digit
    assert door.visit_count() == visits and door.screen.in_flight == 0

    door.screen.manual.clear()
    door.type_iin(green, enter=False)
    assert door.screen.manual_hint.text() == "Valid IIN. Press Enter to check."
    before = door.screen.banner.view
    door.qtbot.keyClick(door.screen.manual, Qt.Key.Key_Return)
    door.qtbot.waitUntil(door.verdict_shown(before), timeout=15_000)
    assert door.screen.manual.text() == "" and door.screen.manual_hint.text() == ""
    view = door.screen.banner.view
    assert (view.verdict, view.status) == ("admit", "green")
    rows = door.rows("SELECT method, status, verdict FROM visit_event")
    assert rows == [("manual", "green", "admit")]
    assert door.sound.played == [Verdict.ADMIT]
    shown = _texts_on_screen(door)
    for iin in (green, wrong_digit):
        assert iin not in shown and iin[:6] not in shown.replace(" ", "")


def test_entry_exit_toggle_with_f2_and_command_barcodes(door: Door) -> None:
    screen = door.screen
    assert screen.direction == "entry" and screen.entry_button.isChecked()
    door.qtbot.keyClick(screen.manual, Qt.Key.Key_F2)
    assert screen.direction == "exit" and screen.exit_button.isChecked()
    door.qtbot.keyClick(screen.manual, Qt.Key.Key_F2)
    assert screen.direction == "entry"

    screen.manual.setFocus()
    door.wedge_burst("ASHYQ:CMD:EXIT")
    door.qtbot.waitUntil(lambda: screen.direction == "exit", timeout=10_000)
    assert screen.exit_button.isChecked() and screen.manual.text() == ""
    door.wedge_burst("ashyq:cmd:entry", layout="ru")  # the same sheet under the Russian layout
    door.qtbot.waitUntil(lambda: screen.direction == "entry", timeout=10_000)
    assert door.visit_count() == 0  # commands are not visits


def test_already_inside_asks_if_it_is_an_exit_and_occupancy_follows(door: Door) -> None:
    door.set_venue(test_mode_until=None)
    label = door.screen.occupancy_label
    door.screen.refresh_occupancy()
    door.qtbot.waitUntil(lambda: label.text() == "Inside: 0 / 120", timeout=10_000)

    view = door.scan_and_wait(IINS["green"])
    assert view.verdict == "admit"
    door.qtbot.waitUntil(lambda: label.text() == "Inside: 1 / 120", timeout=10_000)

    door.answer_next_dialog(press_button(QMessageBox.StandardButton.Yes))
    view = door.scan_and_wait(IINS["green"])  # the same person again, in entry mode
    assert door.dialogs == ["Already inside"]
    assert (view.verdict, view.direction) == ("admit", "exit")
    door.qtbot.waitUntil(lambda: label.text() == "Inside: 0 / 120", timeout=10_000)

    door.scan_and_wait(IINS["green"])  # in again: not inside any more, so no question
    door.answer_next_dialog(press_button(QMessageBox.StandardButton.No))
    view = door.scan_and_wait(IINS["green"])  # "no, it is not an exit": a re-entry
    assert door.dialogs == ["Already inside", "Already inside"]
    assert (view.verdict, view.direction) == ("admit", "entry")
    rows = door.rows("SELECT direction, verdict FROM visit_event ORDER BY occurred_at")
    assert rows == [("entry", "admit"), ("exit", "admit"), ("entry", "admit"),
                    ("entry", "admit")]  # fmt: skip


def test_at_capacity_new_entries_are_refused_and_exits_allowed(door: Door) -> None:
    door.set_venue(test_mode_until=None, capacity=1)
    label = door.screen.occupancy_label
    assert door.scan_and_wait(IINS["green"]).verdict == "admit"
    door.qtbot.waitUntil(lambda: label.text() == "Inside: 1 / 1  FULL", timeout=10_000)

    view = door.scan_and_wait(GREEN_2)
    assert (view.verdict, view.reason) == ("deny", "capacity_full")
    assert door.screen.banner.reason_label.text() == (
        "The venue is full. Wait until someone leaves."
    )
    assert door.sound.played[-1] is Verdict.DENY

    door.qtbot.keyClick(door.screen.manual, Qt.Key.Key_F2)  # exit mode
    view = door.scan_and_wait(IINS["green"])
    assert (view.verdict, view.direction) == ("admit", "exit")
    door.qtbot.waitUntil(lambda: label.text() == "Inside: 0 / 1", timeout=10_000)

    door.qtbot.keyClick(door.screen.manual, Qt.Key.Key_F2)  # entry mode
    assert door.scan_and_wait(GREEN_2).verdict == "admit"
    rows = door.rows("SELECT direction, verdict, reason FROM visit_event ORDER BY occurred_at")
    assert [r[:2] for r in rows] == [("entry", "admit"), ("denied", "deny"), ("exit", "admit"),
                                     ("entry", "admit")]  # fmt: skip
    assert rows[1][2] == "capacity_full"


def test_capacity_holds_in_the_test_week_too(door: Door) -> None:
    # The demo venue is in its first week: its visits are marked test, yet they fill the venue.
    door.set_venue(capacity=1)
    assert door.scan_and_wait(IINS["green"]).verdict == "admit"
    view = door.scan_and_wait(GREEN_2)
    assert (view.verdict, view.reason) == ("deny", "capacity_full")
    rows = door.rows("SELECT test_mode FROM visit_event")
    assert rows and all(row[0] for row in rows)
