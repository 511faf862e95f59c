"""The keyboard-wedge detector as an application-wide Qt event filter.

Install one ``WedgeFilter`` on the QApplication: it sees every key press before any widget,
whatever has focus, and feeds ``WedgeDetector`` with the event's own timestamp (so a busy UI
thread that delivers queued keys late does not make a person look like a scanner), its text,
its native scan code (turned into a set-1 code on X11/Wayland) and Shift.

Held keys: a printable key is swallowed while it may begin a burst, and a copy of it is kept.
If the run turns out to be typing, the copies are re-sent (``sendEvent``, synchronously, press
then release) to the widget that had them, before the key that decided it, so the widget sees
every keystroke once and in order, at most ``max_gap_ms`` late. A single-shot timer ends the
hold when no further key arrives. Real key releases of swallowed presses are swallowed too.

Consequence for the GUI: a window shortcut on a plain character key does not fire (the filter
claims those keys at ShortcutOverride), and a burst's Enter never triggers an Enter shortcut.
Use shortcuts with a modifier or on function keys.
"""

from __future__ import annotations

import time
from typing import Literal

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent

from app.core.layouts import x11_keycode_to_scan_code
from app.devices.wedge import KeyKind, KeyPress, WedgeDetector, WedgeScan, WedgeTuning

ScanCodeMode = Literal["auto", "windows", "x11", "none"]

_MODIFIER_KEYS = {
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_ScrollLock, Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
}  # fmt: skip
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_TIMER_SLACK_MS = 10  # the timer may fire a little late; the hold is decided by event times


def platform_scan_code_mode() -> ScanCodeMode:
    """What nativeScanCode means here: set-1 on Windows, X11 keycodes on xcb and Wayland."""
    name = QGuiApplication.platformName()
    if name == "windows":
        return "windows"
    if name in ("xcb", "wayland"):
        return "x11"
    return "none"


class WedgeFilter(QObject):
    """Emits ``scanned(text, layout)`` and ``scan(WedgeScan)`` for each scanner burst."""

    scanned = Signal(str, str)
    scan = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        tuning: WedgeTuning | None = None,
        scan_codes: ScanCodeMode = "auto",
    ) -> None:
        super().__init__(parent)
        self.detector = WedgeDetector(tuning)
        self.enabled = True
        self._mode: ScanCodeMode = platform_scan_code_mode() if scan_codes == "auto" else scan_codes
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._replaying = False
        self._swallowed: set[tuple[int, int]] = set()  # (key, native scan code) awaiting release
        self._last_seen: tuple[object, ...] | None = None
        self._last_answer = False

    # --- Qt entry point -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if self._replaying or not self.enabled:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        # Qt offers one key event to the window, then the focus widget, then its parents: decide
        # once per event and give the same answer at every stop.
        identity = (
            shiboken6.getCppPointer(event)[0], kind, event.key(), event.timestamp(),
            event.nativeScanCode(),
        )  # fmt: skip
        if identity == self._last_seen:
            return self._last_answer
        self._last_seen = identity
        if kind == QEvent.Type.ShortcutOverride:
            answer = self.detector.would_swallow(self._key_press(event, None))
            if answer:
                event.accept()  # "a widget wants this key": no shortcut fires for it
        elif kind == QEvent.Type.KeyRelease:
            answer = self._on_release(event)
        else:
            answer = self._on_press(watched, event)
        self._last_answer = answer
        return answer

    # --- presses and releases ---------------------------------------------------------------

    def _on_press(self, watched: QObject, event: QKeyEvent) -> bool:
        token = (watched, _copy_key_event(event))
        decision = self.detector.feed(self._key_press(event, token))
        self._deliver(decision.replay)
        if decision.swallow:
            self._swallowed.add((event.key(), event.nativeScanCode()))
        if decision.scan is not None:
            self._emit_later(decision.scan)
        if self.detector.pending:
            self._timer.start(int(self.detector.tuning.max_gap_ms) + _TIMER_SLACK_MS)
        else:
            self._timer.stop()
        return decision.swallow

    def _on_release(self, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():
            return False
        ident = (event.key(), event.nativeScanCode())
        if ident in self._swallowed:
            self._swallowed.discard(ident)
            return True
        return False

    def _on_timeout(self) -> None:
        decision = self.detector.expire_decision()  # typing, or MRZ lines without their last
        self._deliver(decision.replay)
        if decision.scan is not None:
            self._emit_later(decision.scan)

    def flush(self) -> None:
        """Deliver held keys now (e.g. before the window closes or focus moves on purpose)."""
        self._timer.stop()
        self._deliver(self.detector.expire())

    def _deliver(self, keys: tuple[KeyPress, ...]) -> None:
        """Re-send held keys that were typing, in order, to the object that first had them."""
        if not keys:
            return
        self._replaying = True
        try:
            for key in keys:
                watched, press = key.token  # type: ignore[misc]
                target = watched if shiboken6.isValid(watched) else None
                if target is None:
                    target = QGuiApplication.focusObject()
                if target is None:
                    continue
                QCoreApplication.sendEvent(target, press)
                QCoreApplication.sendEvent(target, _release_of(press))
        finally:
            self._replaying = False

    def _emit_later(self, scan: WedgeScan) -> None:
        """Signal after the event filter returns: a slot may open dialogs or move focus."""
        QTimer.singleShot(0, self, lambda: self._emit(scan))

    def _emit(self, scan: WedgeScan) -> None:
        self.scan.emit(scan)
        self.scanned.emit(scan.text, scan.layout)

    # --- translation from Qt ----------------------------------------------------------------

    def _key_press(self, event: QKeyEvent, token: object) -> KeyPress:
        t_ms = float(event.timestamp()) or time.monotonic() * 1000.0
        return KeyPress(
            t_ms=t_ms,
            text=event.text(),
            kind=_kind_of(event),
            scan_code=self._scan_code(event.nativeScanCode()),
            shift=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier),
            token=token,
        )

    def _scan_code(self, native: int) -> int | None:
        if not native or self._mode == "none":
            return None
        if self._mode == "windows":
            return native
        try:
            return x11_keycode_to_scan_code(native)
        except ValueError:
            return None


def _kind_of(event: QKeyEvent) -> KeyKind:
    key = event.key()
    if key in _MODIFIER_KEYS:
        return KeyKind.MODIFIER
    if event.isAutoRepeat() or event.modifiers() & _SHORTCUT_MODIFIERS:
        return KeyKind.OTHER
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return KeyKind.ENTER
    if key == Qt.Key.Key_Tab:
        return KeyKind.TAB
    text = event.text()
    if text and text.isprintable():
        return KeyKind.CHAR
    return KeyKind.OTHER


def _copy_key_event(event: QKeyEvent) -> QKeyEvent:
    """A detached copy: Qt reuses or frees the original once the filter returns."""
    copy = QKeyEvent(
        event.type(), event.key(), event.modifiers(), event.nativeScanCode(),
        event.nativeVirtualKey(), event.nativeModifiers(), event.text(), event.isAutoRepeat(),
        event.count(),
    )  # fmt: skip
    copy.setTimestamp(event.timestamp())
    return copy


def _release_of(press: QKeyEvent) -> QKeyEvent:
    release = QKeyEvent(
        QEvent.Type.KeyRelease, press.key(), press.modifiers(), press.nativeScanCode(),
        press.nativeVirtualKey(), press.nativeModifiers(), press.text(), False, press.count(),
    )  # fmt: skip
    release.setTimestamp(press.timestamp())
    return release
