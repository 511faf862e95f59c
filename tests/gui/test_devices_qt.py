"""The Qt adapters of the device layer, driven as the GUI will use them."""

from __future__ import annotations

import os
import sys
import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from app.core.layouts import type_under
from app.core.statuses import Verdict
from app.devices.camera import VideoFileSource
from app.devices.camera_qt import CameraQt, to_qimage
from app.devices.sounds import BeepPlayer
from app.devices.wedge_qt import WedgeFilter
from app.resources import load_json, resource_path
from tests import timing

IIN = "930101300123"
DIGIT_SCAN_CODES = {d: 0x02 + i for i, d in enumerate("1234567890")}


def _key(text: str, t_ms: int, *, scan_code: int = 0, key: int | None = None) -> QKeyEvent:
    qt_key = key if key is not None else (ord(text.upper()) if text else 0)
    event = QKeyEvent(
        QEvent.Type.KeyPress, qt_key, Qt.KeyboardModifier.NoModifier, scan_code, 0, 0, text,
        False, 1,
    )  # fmt: skip
    event.setTimestamp(t_ms)
    return event


def _send(widget, text: str, t_ms: int, **kw) -> None:
    """A press and its release, as the keyboard driver delivers them."""
    press = _key(text, t_ms, **kw)
    QApplication.sendEvent(widget, press)
    release = QKeyEvent(
        QEvent.Type.KeyRelease, press.key(), press.modifiers(), press.nativeScanCode(), 0, 0, text
    )
    release.setTimestamp(t_ms + 1)
    QApplication.sendEvent(widget, release)


@pytest.fixture
def wedge(qapp):
    filt = WedgeFilter(scan_codes="windows")
    qapp.installEventFilter(filt)
    yield filt
    qapp.removeEventFilter(filt)


@pytest.fixture
def line_edit(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return edit


def _now_ms() -> int:
    return int(time.monotonic() * 1000)


def test_kazakh_layout_burst_becomes_one_scan_and_types_nothing(qtbot, wedge, line_edit) -> None:
    typed = type_under(IIN, "kk")
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as signal:
        t = _now_ms()
        for digit, shown in zip(IIN, typed, strict=True):
            _send(line_edit, shown, t, scan_code=DIGIT_SCAN_CODES[digit])
            time.sleep(0.006)  # the scanner's pace, in real time; no event processing between
            t += 6
        _send(line_edit, "\r", t, scan_code=0x1C, key=Qt.Key.Key_Return)
    assert signal.args == [IIN, "kk"]
    qtbot.wait(timing.ms(100))  # longer than the hold: nothing is replayed later
    assert line_edit.text() == ""


def test_person_typing_reaches_the_focused_widget(qtbot, wedge, line_edit) -> None:
    scans: list[str] = []
    wedge.scanned.connect(lambda text, layout: scans.append(text))
    t = _now_ms()
    for ch, pause in zip("Ivan K", (90, 150, 80, 200, 120, 100), strict=True):
        _send(line_edit, ch, t)
        qtbot.wait(pause)  # the event loop runs: the hold timer releases each key
        t += pause
    assert line_edit.text() == "Ivan K"
    assert scans == []


def test_fast_keys_then_enter_are_typing_delivered_in_order(qtbot, wedge, line_edit) -> None:
    returns = []
    line_edit.returnPressed.connect(lambda: returns.append(line_edit.text()))
    t = _now_ms()
    for ch in "abc":
        _send(line_edit, ch, t)
        t += 12
    _send(line_edit, "\r", t, key=Qt.Key.Key_Return)
    assert returns == ["abc"]  # held keys replayed before the Enter that decided it


def test_burst_enter_is_claimed_before_shortcuts(qtbot, wedge, line_edit) -> None:
    t = _now_ms()
    for ch in "DEMO01A":
        _send(line_edit, ch, t)
        t += 5
    override = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
    )
    override.setTimestamp(t)
    override.ignore()
    QApplication.sendEvent(line_edit, override)
    assert override.isAccepted()  # no window shortcut on Enter fires for a scan
    wedge.flush()
    wedge.enabled = False  # without the filter, the line edit leaves Enter to shortcuts
    plain = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
    )
    plain.ignore()
    QApplication.sendEvent(line_edit, plain)
    assert not plain.isAccepted()


def test_camera_adapter_plays_the_demo_video(qtbot) -> None:
    demo = load_json("demo", "demo_codes.json")
    camera = CameraQt()
    frames: list[QImage] = []
    camera.frame_ready.connect(frames.append)
    try:
        with qtbot.waitSignal(camera.code_found, timeout=15000) as found:
            camera.start(VideoFileSource(resource_path("demo", demo["video"]), speed=2.0))
        text, corners = found.args
        assert text == demo["codes"][0]["text"]
        # a code sliding into view may be outlined a pixel or two past the frame's edge
        assert len(corners) == 4
        assert all(-4 <= x <= 1284 and -4 <= y <= 724 for x, y in corners)
        assert frames and frames[-1].size().toTuple() == (1280, 720)
    finally:
        camera.stop()


def test_camera_adapter_reports_a_missing_camera(qtbot) -> None:
    camera = CameraQt()
    with qtbot.waitSignal(camera.error, timeout=15000) as error:
        camera.start("97")
    assert error.args[0] == "missing"
    camera.stop()


def test_to_qimage_keeps_colours() -> None:
    import numpy as np

    bgr = np.zeros((4, 6, 3), np.uint8)
    bgr[:, :, 2] = 255  # red in BGR
    image = to_qimage(bgr)
    assert image.width() == 6 and image.pixelColor(0, 0).red() == 255


def test_beep_player_beeps_a_distinct_number_of_times(qtbot) -> None:
    beeps: list[float] = []
    player = BeepPlayer(beep=lambda: beeps.append(time.monotonic()))
    player.play(Verdict.DENY)
    qtbot.waitUntil(lambda: len(beeps) == 3, timeout=2000)
    beeps.clear()
    player.play(Verdict.ADMIT)
    qtbot.waitUntil(lambda: len(beeps) >= 1, timeout=2000)
    qtbot.wait(450)  # longer than two beep spacings: no second beep follows
    assert len(beeps) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_serial_adapter_signals_lines(qtbot) -> None:
    import tty

    from app.devices.serial_qt import SerialScannerQt

    master, slave = os.openpty()
    tty.setraw(slave)
    scanner = SerialScannerQt(os.ttyname(slave), 9600)
    try:
        with qtbot.waitSignal(scanner.status, timeout=5000) as status:
            scanner.start()
        assert status.args[0] == "connected"
        with qtbot.waitSignal(scanner.scanned, timeout=5000) as scanned:
            os.write(master, b"DEMO01A\r\n")
        assert scanned.args == ["DEMO01A"]
    finally:
        scanner.stop()
        os.close(master)
        os.close(slave)
