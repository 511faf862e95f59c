"""The door's three scanners as they really arrive: a USB keyboard-wedge burst under the Kazakh
layout (while a person types), the demo video through the camera pipeline, a serial scanner on
a pseudo-terminal. Each scan must end in a verdict that was recorded before it was painted."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.core.layouts import type_under
from app.core.statuses import Role, Verdict
from app.devices.camera import VideoFileSource
from app.resources import resource_path
from tests.gui.conftest import (
    DEMO,
    DIGIT_SCAN_CODES,
    ENTER_SCAN_CODE,
    IINS,
    Door,
    now_ms,
    send_key,
)


def _record_paints(door: Door) -> list[tuple[Any, bool]]:
    """Each banner paint with, at that moment, whether its visit row was already committed."""
    banner = door.screen.banner
    original = banner.show_verdict
    painted: list[tuple[Any, bool]] = []

    def show_and_look(view: Any) -> None:
        outcome = door.screen.last_outcome
        stored = False
        if outcome is not None and outcome.visit_id is not None:
            stored = bool(
                door.rows(
                    "SELECT 1 FROM visit_event WHERE id IN (?, ?)",
                    outcome.visit_id.hex,
                    str(outcome.visit_id),
                )
            )
        painted.append((view, stored))
        original(view)

    banner.show_verdict = show_and_look  # type: ignore[method-assign]
    return painted


def test_wedge_burst_under_kazakh_layout_while_a_person_types(
    make_door: Callable[..., Door],
) -> None:
    door = make_door()
    door.log_in(Role.MANAGER)  # the manager may have the settings screen in front
    door.wait_logged_in(Role.MANAGER)
    door.window.show_screen("settings")
    settings = door.window.screen("settings")
    box: QLineEdit = settings.station_name
    box.setFocus()
    door.qtbot.waitUntil(lambda: QApplication.focusWidget() is box, timeout=5000)
    painted = _record_paints(door)
    visits_before = door.visit_count()

    iin = IINS["green"]
    typed = type_under(iin, "kk")
    assert typed != iin and not any(ch.isdigit() for ch in typed)  # Kazakh letters, no digits
    name = "Aigerim"
    pauses = [120, 80, 200, 150, 90, 180, 100]
    t = now_ms()
    for i, (ch, pause) in enumerate(zip(name, pauses, strict=True)):
        # the person's keystroke, at a person's pace, to the box they are typing in
        send_key(box, ch, now_ms())
        if i == 3:
            # mid-name, a visitor's ID card goes under the scanner: 12 keys 6 ms apart, then
            # Enter, delivered to the focused widget with no event processing in between
            door.qtbot.wait(pause)
            target = QApplication.focusWidget()
            assert target is box
            t = now_ms()
            for digit, shown in zip(iin, typed, strict=True):
                send_key(target, shown, t, scan_code=DIGIT_SCAN_CODES[digit])
                time.sleep(0.006)
                t += 6  # the scanner's pace, as the driver stamps it (not when a busy test sends)
            send_key(target, "\r", t, scan_code=ENTER_SCAN_CODE, key=Qt.Key.Key_Return)
        door.qtbot.wait(pause)

    door.qtbot.waitUntil(lambda: bool(painted), timeout=15_000)
    door.qtbot.waitUntil(lambda: door.screen.in_flight == 0, timeout=15_000)
    assert box.text() == name  # every character the person typed, none of the scanner's
    view, stored = painted[-1]
    assert stored, "the verdict was painted before its visit was committed"
    assert (view.verdict, view.status) == ("admit", "green")
    banner = door.screen.banner
    assert banner.headline.text() == "ADMIT" and banner.status_label.text() == "GREEN"
    assert door.window.current_screen() is door.screen  # the scan brought the door forward
    assert door.sound.played == [Verdict.ADMIT]
    rows = door.rows("SELECT method, status, verdict, direction FROM visit_event")
    assert len(rows) == visits_before + 1, "typing must not trigger a check"
    assert rows[-1] == ("wedge", "green", "admit", "entry")
    assert len(painted) == 1


def test_demo_video_through_the_camera_pipeline(door: Door) -> None:
    painted = _record_paints(door)
    ticket = next(c for c in DEMO["codes"] if c["kind"] == "ticket")
    # a Code128 card holding just the IIN (see the xfail below for the PDF417 cards)
    card = next(c for c in DEMO["codes"] if c["kind"] == "id_card" and c["status"] == "blue")
    door.console.camera.start(
        VideoFileSource(resource_path("demo", DEMO["video"]), speed=2.0), "zxing",
        repeat_after_s=3.0,
    )  # fmt: skip

    def seen() -> list[tuple[Any, ...]]:
        return door.rows(
            "SELECT ticket_code, status, verdict FROM visit_event WHERE method = 'camera'"
        )

    door.qtbot.waitUntil(
        lambda: (
            any(r[0] == ticket["text"] for r in seen())
            and any(r[1] == card["status"] for r in seen())
        ),
        timeout=30_000,
    )
    door.console.camera.stop()
    door.qtbot.waitUntil(lambda: door.screen.in_flight == 0, timeout=15_000)
    ticket_row = next(r for r in seen() if r[0] == ticket["text"])
    assert ticket_row[2] == "admit"  # an unused ticket for tonight's session
    card_row = next(r for r in seen() if r[1] == card["status"])
    assert card_row[2] in {"admit", "deny"}  # blue: denied at a cinema on Sat/Sun only
    titles = [view.title for view, _ in painted]
    assert "TICKET VALID — check each person" in titles
    assert any(view.status == "blue" and view.title is None for view, _ in painted)
    assert all(stored for _, stored in painted)
    preview = door.screen.camera
    assert preview.frames_shown > 10
    assert preview.frame is not None and preview.frame.size().toTuple() == (1280, 720)
    assert preview.corners  # the last code found is outlined
    image = preview.grab().toImage()
    assert not image.isNull() and image.width() > 100


def test_id_card_payload_with_document_number_is_a_person(door: Door) -> None:
    card = next(c for c in DEMO["codes"] if c["kind"] == "id_card" and " " in c["text"])
    view = door.scan_and_wait(card["text"], method="camera")
    assert view.status == card["status"]


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_serial_scanner_on_a_pseudo_terminal(make_door: Callable[..., Door]) -> None:
    import tty

    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        door = make_door(start_devices=True, serial_port=os.ttyname(slave), serial_baud=9600)
        serial = door.console.extra["serial"]
        door.log_in(Role.DOOR)
        door.wait_logged_in(Role.DOOR)
        assert serial.scanner.running
        # the adapter's "connected" status is flashed in the status bar
        door.qtbot.waitUntil(
            lambda: "is ready" in door.window.status.currentMessage(), timeout=10_000
        )
        painted = _record_paints(door)
        os.write(master, f"{IINS['red']}\r\n".encode("ascii"))
        door.qtbot.waitUntil(lambda: bool(painted), timeout=15_000)
        view, stored = painted[-1]
        assert stored
        assert (view.verdict, view.status) == ("deny", "red")
        assert door.screen.banner.headline.text() == "DO NOT ADMIT"
        assert door.screen.banner.status_label.text() == "RED"
        assert door.sound.played == [Verdict.DENY]
        rows = door.rows("SELECT method, status, verdict, direction FROM visit_event")
        assert rows == [("serial", "red", "deny", "denied")]
    finally:
        os.close(master)
        os.close(slave)
