"""Qt adapter for the serial scanner: its thread's callbacks become queued signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.devices.serial_scanner import SerialScanner, SerialStatus


class SerialScannerQt(QObject):
    """``scanned(text)`` per line; ``status(code, message)`` when the connection changes.

    Signals emitted from the reader thread reach slots on the UI thread as queued calls,
    because this object lives on the UI thread.
    """

    scanned = Signal(str)
    status = Signal(str, str)

    def __init__(self, port: str, baud: int = 9600, parent: QObject | None = None, **kw: float):
        super().__init__(parent)
        self.scanner = SerialScanner(
            port, baud, on_scan=self.scanned.emit, on_status=self._on_status, **kw
        )

    def _on_status(self, status: SerialStatus) -> None:
        self.status.emit(status.code, status.message)

    def start(self) -> None:
        self.scanner.start()

    def stop(self) -> None:
        self.scanner.stop()
