"""Tell a keyboard-wedge scanner's burst from a person typing, by timing alone (DOMAIN.md §3).

No Qt here: the detector is fed key presses (event timestamp in ms, text, set-1 scan code if the
platform gives one, Shift) and answers, for each, whether to hold it back, which held keys to
deliver after all, and whether a scan just completed. ``wedge_qt`` adapts Qt's key events to it.

How it decides (constants in ``WedgeTuning``):

* Every printable key is *held* while it could still be the start of a burst. A held key is
  released to the focused widget (``replay``) as soon as the run it belongs to cannot be a scan:
  a gap longer than ``max_gap_ms`` (the adapter's timer calls ``expire``), a slow average after
  ``early_check_keys`` keys, a non-character key, or a terminator that comes too early.
  A person's keystroke is therefore delayed by at most ``max_gap_ms``, never lost or reordered.
* A run of at least ``min_length`` characters, averaging at most ``max_avg_interval_ms`` per key
  (terminator included) with no gap over ``max_gap_ms``, that ends with Enter or Tab is a scan:
  all of it is swallowed and reported once, with the text recovered from the scan codes when
  every key had one, else from the characters through ``app.core.layouts.recover``.
* Document scanners end each MRZ line with Tab or Enter. A terminator after a run that is a
  complete MRZ line (30, 36 or 44 characters of the MRZ alphabet, the first line holding the
  filler ``<``) with more lines to come (3 of 30, or 2 of 36 or 44) does not end the scan: it is
  kept as a line break and the burst goes on. If the next line does not come within
  ``max_gap_ms``, the lines so far are reported as the scan (``expire_decision``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from app.core.layouts import Layout, from_scan_codes, recover
from app.core.scantext import mrz_lines_to_come


@dataclass(frozen=True)
class WedgeTuning:
    """Every threshold of the detector, in one place, so a venue with an odd scanner can tune."""

    min_length: int = 6  # shorter runs are a person's quick keys (a fast typist manages 3-4)
    max_avg_interval_ms: float = 25.0  # scanners type 1-15 ms per key, people 30+
    max_gap_ms: float = 50.0  # no scanner pauses this long mid-burst; also the hold time
    early_check_keys: int = 4  # after this many keys a slow average releases the run at once
    max_length: int = 2000  # longer is a stuck key, not a barcode (serial mode is for long data)
    terminators: frozenset[str] = field(default_factory=lambda: frozenset({"enter", "tab"}))


class KeyKind(Enum):
    CHAR = "char"  # types text: may be part of a burst
    ENTER = "enter"
    TAB = "tab"
    MODIFIER = "modifier"  # Shift, Ctrl, Caps Lock pressed alone: ignored, passed through
    OTHER = "other"  # arrows, Backspace, F-keys, shortcuts with Ctrl/Alt, auto-repeat


@dataclass(frozen=True)
class KeyPress:
    """One key press. ``token`` is the adapter's own (e.g. a copy of the Qt event), handed back
    untouched in ``Decision.replay`` so the adapter knows what to deliver."""

    t_ms: float
    text: str = ""
    kind: KeyKind = KeyKind.CHAR
    scan_code: int | None = None  # PC set-1, as Windows reports it
    shift: bool = False
    token: object = field(default=None, compare=False)


@dataclass(frozen=True)
class WedgeScan:
    """A completed scanner burst: the intended text and what the PC's layout made of it."""

    text: str
    layout: Layout
    raw_text: str  # as typed under the active layout; layouts.candidates(raw_text) for more
    from_scan_codes: bool
    started_ms: float
    duration_ms: float
    terminator: str


@dataclass(frozen=True)
class Decision:
    """What to do with the key just fed: deliver ``replay`` first (earlier held keys, in order),
    then deliver the key itself unless ``swallow``; report ``scan`` if there is one."""

    swallow: bool
    replay: tuple[KeyPress, ...] = ()
    scan: WedgeScan | None = None


class WedgeDetector:
    """Stateful, single-threaded; one per application (scanners and keyboards share one stream)."""

    def __init__(self, tuning: WedgeTuning | None = None) -> None:
        self.tuning = tuning or WedgeTuning()
        self._held: list[KeyPress] = []

    @property
    def pending(self) -> bool:
        """True while keys are held back; the adapter then keeps a timer armed."""
        return bool(self._held)

    def deadline_ms(self) -> float | None:
        """Event time after which the held keys are typing (``expire`` should be called)."""
        return self._held[-1].t_ms + self.tuning.max_gap_ms if self._held else None

    def expire(self) -> tuple[KeyPress, ...]:
        """The gap timer ran out: the held keys were typed by a person; deliver them."""
        held, self._held = tuple(self._held), []
        return held

    def expire_decision(self) -> Decision:
        """The gap timer ran out: typed keys to deliver, or the MRZ lines of a scan whose last
        line never came, reported as the scan they are."""
        if self._held and self._held[-1].kind is not KeyKind.CHAR:
            terminator = self._held.pop()
            scan = self._make_scan(terminator)
            self._held = []
            return Decision(swallow=True, scan=scan)
        return Decision(swallow=False, replay=self.expire())

    def would_swallow(self, key: KeyPress) -> bool:
        """Whether ``feed(key)`` would swallow it, without changing state.

        The adapter asks before Qt tries shortcuts (ShortcutOverride): a burst's Enter must not
        trigger a window's Enter shortcut.
        """
        if key.kind is KeyKind.CHAR:
            return True
        if key.kind.value in self.tuning.terminators:
            return not self._gap_broken(key) and self._is_scan(key)
        return False

    def feed(self, key: KeyPress) -> Decision:
        if key.kind is KeyKind.MODIFIER:
            return Decision(swallow=False)
        replay: tuple[KeyPress, ...] = ()
        if self._gap_broken(key):
            expired = self.expire_decision()
            if expired.scan is not None:
                return self._after_lone_lines(expired.scan, key)
            replay = expired.replay
        if key.kind is KeyKind.CHAR:
            self._held.append(key)
            if self._looks_typed():
                replay += self.expire()  # includes this key: delivered in order with the rest
            return Decision(swallow=True, replay=replay)
        if key.kind.value in self.tuning.terminators and self._is_scan(key):
            if self._mrz_continues():
                self._held.append(key)  # a line break inside the MRZ, not the end of the scan
                return Decision(swallow=True, replay=replay)
            scan = self._make_scan(key)
            self._held = []
            return Decision(swallow=True, replay=replay, scan=scan)
        return Decision(swallow=False, replay=replay + self.expire())

    def _after_lone_lines(self, scan: WedgeScan, key: KeyPress) -> Decision:
        """MRZ lines whose continuation never came were a scan; the key after the gap starts
        afresh (held if it is a character, delivered otherwise)."""
        if key.kind is KeyKind.CHAR:
            self._held.append(key)
            return Decision(swallow=True, scan=scan)
        return Decision(swallow=False, scan=scan)

    def _segments(self) -> list[list[KeyPress]]:
        """The held keys split at the MRZ line breaks kept inside the burst."""
        segments: list[list[KeyPress]] = [[]]
        for held in self._held:
            if held.kind is KeyKind.CHAR:
                segments[-1].append(held)
            else:
                segments.append([])
        return segments

    def _mrz_continues(self) -> bool:
        return mrz_lines_to_come(
            [recover("".join(k.text for k in seg)).text for seg in self._segments()]
        )

    def _gap_broken(self, key: KeyPress) -> bool:
        return bool(self._held) and key.t_ms - self._held[-1].t_ms > self.tuning.max_gap_ms

    def _looks_typed(self) -> bool:
        """A run already too slow, or too long, to be a scan: release it without waiting."""
        n = len(self._held)
        if n > self.tuning.max_length:
            return True
        if n < self.tuning.early_check_keys:
            return False
        average = (self._held[-1].t_ms - self._held[0].t_ms) / (n - 1)
        return average > self.tuning.max_avg_interval_ms

    def _is_scan(self, terminator: KeyPress) -> bool:
        n = len(self._held)
        if n < self.tuning.min_length:
            return False
        average = (terminator.t_ms - self._held[0].t_ms) / n
        return average <= self.tuning.max_avg_interval_ms

    def _make_scan(self, terminator: KeyPress) -> WedgeScan:
        segments = self._segments()
        raw = "\n".join("".join(k.text for k in seg) for seg in segments)
        detected = recover(raw)
        text = detected.text
        exact = False
        chars = [k for k in self._held if k.kind is KeyKind.CHAR]
        if all(k.scan_code is not None for k in chars):
            lines = [from_scan_codes([(k.scan_code, k.shift) for k in seg]) for seg in segments]  # type: ignore[misc]
            # A key the table does not know types nothing; then the characters are the better
            # witness of what was sent.
            if sum(len(line) for line in lines) == len(chars):
                text, exact = "\n".join(lines), True
        return WedgeScan(
            text=text,
            layout=detected.layout,
            raw_text=raw,
            from_scan_codes=exact,
            started_ms=self._held[0].t_ms,
            duration_ms=terminator.t_ms - self._held[0].t_ms,
            terminator=terminator.kind.value,
        )
