"""A USB-COM (serial) barcode scanner, read line by line in a thread, without Qt.

Serial mode suits long or non-ASCII payloads that a keyboard wedge would mangle (DOMAIN.md §3).
The scanner sends the payload and CR, LF or CR LF. Each non-empty line is decoded (UTF-8, else
cp1251, the encoding of Russian-language Windows scanners' tools) and reported as one scan.
Noise on the line (NUL bytes at plug-in, stray control bytes) is stripped, and a line that grows
without a terminator is dropped rather than kept forever.

A document scanner may end each MRZ line with CR or LF: a line that starts an MRZ with more
lines to come (``app.core.scantext.mrz_lines_to_come``) is held and joined with the next ones;
if the port falls silent for one read timeout first, the lines so far are reported as they are.

When the scanner is unplugged the read fails: the scanner reports ``disconnected`` once, then
tries to reopen the port every ``reconnect_s`` seconds and reports ``connected`` when it is back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import serial

from app.core.scantext import mrz_lines_to_come

log = logging.getLogger(__name__)

MAX_LINE_BYTES = 4096  # longer than any ID or ticket payload; beyond it the line is noise
READ_TIMEOUT_S = 0.1  # how often the thread looks at the stop flag
RECONNECT_S = 1.0


@dataclass(frozen=True)
class SerialStatus:
    """A change in the scanner's connection, for the status bar.

    code: "connected" | "missing" (no such port) | "busy" (in use, or no permission) |
    "disconnected" (it was working and went away).
    """

    code: str
    message: str


def decode_line(raw: bytes) -> str:
    """Bytes of one line to text: control bytes removed (TAB kept: it may separate an MRZ's
    lines), UTF-8 first, cp1251 as the fallback."""
    cleaned = bytes(b for b in raw if (b >= 0x20 or b == 0x09) and b != 0x7F)
    for encoding in ("utf-8", "cp1251"):
        try:
            return cleaned.decode(encoding).strip()
        except UnicodeDecodeError:
            continue
    return cleaned.decode("latin-1").strip()


class LineSplitter:
    """Bytes in, complete lines out; CR, LF and CR LF all end a line (empty lines vanish)."""

    def __init__(self, max_line: int = MAX_LINE_BYTES) -> None:
        self._buffer = bytearray()
        self._max = max_line
        self._discarding = False  # inside an overlong line: drop bytes up to its terminator
        self.overflows = 0

    def feed(self, data: bytes) -> list[bytes]:
        lines: list[bytes] = []
        for byte in data:
            if byte in (0x0A, 0x0D):
                if self._buffer and not self._discarding:
                    lines.append(bytes(self._buffer))
                self._buffer.clear()
                self._discarding = False
            elif self._discarding:
                continue
            elif len(self._buffer) >= self._max:
                self._buffer.clear()  # no terminator in sight: garbage, not a barcode
                self._discarding = True
                self.overflows += 1
            else:
                self._buffer.append(byte)
        return lines


class MrzJoiner:
    """Holds the lines of an MRZ until its last line (or a silence) arrives; other lines pass."""

    def __init__(self) -> None:
        self._lines: list[str] = []

    def feed(self, line: str) -> list[str]:
        """The scans complete after this line (none while an MRZ waits for its next line)."""
        lines = [*self._lines, line]
        if mrz_lines_to_come(lines):
            self._lines = lines
            return []
        if self._lines and len(line) == len(self._lines[0]):  # the zone's last line
            self._lines = []
            return ["\n".join(lines)]
        out = self.flush()
        if mrz_lines_to_come([line]):
            self._lines = [line]
            return out
        return [*out, line]

    def flush(self) -> list[str]:
        """The port fell silent: held lines are a scan of their own."""
        held, self._lines = self._lines, []
        return ["\n".join(held)] if held else []


def _open_error(port: str, exc: Exception) -> SerialStatus:
    text = str(exc).lower()
    if any(word in text for word in ("denied", "busy", "in use", "permission")):
        return SerialStatus("busy", f"Scanner port {port} is in use or not permitted.")
    return SerialStatus("missing", f"No scanner on port {port}. Is it plugged in?")


class SerialScanner:
    """Reads a serial scanner in a daemon thread; callbacks run on that thread."""

    def __init__(
        self,
        port: str,
        baud: int = 9600,
        *,
        on_scan: Callable[[str], None],
        on_status: Callable[[SerialStatus], None] | None = None,
        reconnect_s: float = RECONNECT_S,
    ) -> None:
        self.port = port
        self.baud = baud
        self._on_scan = on_scan
        self._on_status = on_status
        self._reconnect_s = reconnect_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_status: str | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="serial-scanner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _status(self, status: SerialStatus) -> None:
        """Report changes only: a missing scanner is said once, not every retry."""
        if status.code == self._last_status:
            return
        self._last_status = status.code
        log.info("serial scanner %s: %s", self.port, status.code)
        if self._on_status is not None:
            self._on_status(status)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                port = serial.Serial(self.port, self.baud, timeout=READ_TIMEOUT_S)
            except (serial.SerialException, OSError, ValueError) as exc:
                self._status(_open_error(self.port, exc))
                self._stop.wait(self._reconnect_s)
                continue
            self._status(SerialStatus("connected", f"Scanner on {self.port} is ready."))
            try:
                self._read(port)
            except (serial.SerialException, OSError) as exc:
                log.warning("serial scanner %s lost: %s", self.port, exc)
                self._status(
                    SerialStatus("disconnected", f"Scanner on {self.port} was disconnected.")
                )
                self._stop.wait(self._reconnect_s)
            finally:
                port.close()

    def _read(self, port: serial.Serial) -> None:
        splitter = LineSplitter()
        joiner = MrzJoiner()
        while not self._stop.is_set():
            data = port.read(port.in_waiting or 1)
            if not data:
                for scan in joiner.flush():  # silence: an MRZ's last line is not coming
                    self._on_scan(scan)
                continue
            for raw in splitter.feed(data):
                text = decode_line(raw)
                for scan in joiner.feed(text) if text else ():
                    self._on_scan(scan)
