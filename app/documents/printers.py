"""Where ESC/POS bytes go: a file (the fake and raw device files), a serial port, TCP 9100, USB.

One small interface, `ReceiptPrinter.print_bytes`, so the refund desk neither knows nor cares how
the printer is attached, and tests use `FilePrinter`. Every failure becomes a `PrinterError` whose
code the screen turns into a sentence a cashier can act on ("the printer is off", "paper is out",
"no permission to use the port") with a Retry button; the message keeps the technical detail.
"""

from __future__ import annotations

import errno
import socket
from abc import ABC, abstractmethod
from enum import StrEnum
from pathlib import Path
from typing import Any

DLE_EOT_PAPER = b"\x10\x04\x04"  # real-time status, roll paper sensor
_PAPER_END_BITS = 0x60  # bits 5 and 6: paper end detected


class PrinterErrorCode(StrEnum):
    OFFLINE = "offline"  # not connected, switched off, wrong address
    PAPER_OUT = "paper_out"
    PERMISSION = "permission"  # the OS refuses access to the port or device
    UNSUPPORTED = "unsupported"  # e.g. USB printing without python-escpos[usb]
    IO = "io"  # anything else the transport reported


class PrinterError(Exception):
    def __init__(self, code: PrinterErrorCode, message: str) -> None:
        super().__init__(f"{code.value}: {message}")
        self.code = code
        self.message = message


def paper_out(status: bytes) -> bool:
    """True when a DLE EOT 4 answer says the roll is empty; no answer means unknown, not empty."""
    return bool(status) and bool(status[0] & _PAPER_END_BITS)


def _os_error(exc: OSError, where: str) -> PrinterError:
    if exc.errno in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return PrinterError(PrinterErrorCode.PERMISSION, f"{where}: {exc}")
    offline = (
        errno.ECONNREFUSED,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ENOENT,
        errno.ENODEV,
    )
    if isinstance(exc, TimeoutError | ConnectionError) or exc.errno in offline:
        return PrinterError(PrinterErrorCode.OFFLINE, f"{where}: {exc}")
    return PrinterError(PrinterErrorCode.IO, f"{where}: {exc}")


class ReceiptPrinter(ABC):
    """A thermal receipt printer that accepts a complete ESC/POS job."""

    @abstractmethod
    def print_bytes(self, data: bytes) -> None:
        """Send one job; raises PrinterError and never half-reports success."""


class FilePrinter(ReceiptPrinter):
    """Appends jobs to a file: the fake printer of tests and demo mode, or a raw device file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def print_bytes(self, data: bytes) -> None:
        try:
            with self.path.open("ab") as fh:
                fh.write(data)
        except OSError as exc:
            raise _os_error(exc, str(self.path.name)) from exc


class SerialPrinter(ReceiptPrinter):
    """A printer on a COM port (RS-232 or USB-serial), via pyserial.

    `port` is a device name (COM3, /dev/ttyUSB0) or a pyserial URL (socket://host:port, loop://).
    """

    def __init__(self, port: str, baudrate: int = 19200, timeout: float = 2.0) -> None:
        self.port, self.baudrate, self.timeout = port, baudrate, timeout

    def _open(self) -> Any:
        import serial

        try:
            return serial.serial_for_url(
                self.port, baudrate=self.baudrate, timeout=self.timeout, write_timeout=10
            )
        except serial.SerialException as exc:
            cause = exc.__context__ if isinstance(exc.__context__, OSError) else None
            if cause is not None or (exc.errno is not None):
                raise _os_error(cause or OSError(exc.errno, str(exc)), self.port) from exc
            raise PrinterError(PrinterErrorCode.OFFLINE, f"{self.port}: {exc}") from exc

    def print_bytes(self, data: bytes) -> None:
        import serial

        port = self._open()
        try:
            port.write(DLE_EOT_PAPER)
            if paper_out(port.read(1)):
                raise PrinterError(PrinterErrorCode.PAPER_OUT, self.port)
            port.write(data)
            port.flush()
        except serial.SerialTimeoutException as exc:
            raise PrinterError(PrinterErrorCode.OFFLINE, f"{self.port}: {exc}") from exc
        except serial.SerialException as exc:
            raise PrinterError(PrinterErrorCode.IO, f"{self.port}: {exc}") from exc
        finally:
            port.close()


class NetworkPrinter(ReceiptPrinter):
    """A printer on the LAN speaking raw TCP (port 9100, "JetDirect")."""

    def __init__(self, host: str, port: int = 9100, timeout: float = 5.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout

    def print_bytes(self, data: bytes) -> None:
        where = f"{self.host}:{self.port}"
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout) as sock:
                sock.sendall(DLE_EOT_PAPER)
                sock.settimeout(0.5)
                try:
                    status = sock.recv(1)
                except TimeoutError:
                    status = b""  # many network cards do not relay status: carry on
                if paper_out(status):
                    raise PrinterError(PrinterErrorCode.PAPER_OUT, where)
                sock.settimeout(self.timeout)
                sock.sendall(data)
        except OSError as exc:
            raise _os_error(exc, where) from exc


class UsbPrinter(ReceiptPrinter):
    """A USB printer by vendor and product id, through python-escpos (which needs pyusb/libusb).

    On Windows most USB receipt printers come with a driver; there, print through the Windows
    spooler (Qt print system) or the printer's virtual COM port instead.
    """

    def __init__(self, vendor_id: int, product_id: int) -> None:
        self.vendor_id, self.product_id = vendor_id, product_id

    def print_bytes(self, data: bytes) -> None:
        where = f"USB {self.vendor_id:04x}:{self.product_id:04x}"
        try:
            from escpos.printer import Usb
        except ImportError as exc:
            raise PrinterError(PrinterErrorCode.UNSUPPORTED, f"{where}: {exc}") from exc
        if not Usb.is_usable():  # checked first: a half-built Usb object raises from __del__
            raise PrinterError(PrinterErrorCode.UNSUPPORTED, f"{where}: pyusb is not installed")
        try:
            printer = Usb(self.vendor_id, self.product_id)
            printer.open()
        except Exception as exc:  # python-escpos raises its own and pyusb's errors
            raise _usb_error(exc, where) from exc
        try:
            printer._raw(data)
        except Exception as exc:
            raise _usb_error(exc, where) from exc
        finally:
            printer.close()


def _usb_error(exc: Exception, where: str) -> PrinterError:
    if getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM) or "ccess denied" in str(exc):
        return PrinterError(PrinterErrorCode.PERMISSION, f"{where}: {exc}")
    if type(exc).__name__ in ("USBNotFoundError", "DeviceNotFoundError"):
        return PrinterError(PrinterErrorCode.OFFLINE, f"{where}: {exc}")
    unsupported = ("No backend available", "requires a usb library")
    if any(text in str(exc) for text in unsupported) or isinstance(exc, ImportError):
        return PrinterError(PrinterErrorCode.UNSUPPORTED, f"{where}: {exc}")
    return PrinterError(PrinterErrorCode.IO, f"{where}: {exc}")
