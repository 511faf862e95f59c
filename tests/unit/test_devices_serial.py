"""The serial scanner on a pseudo-terminal: the same pyserial path a USB-COM scanner takes."""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import tty

import pytest

from app.devices.serial_scanner import (
    LineSplitter,
    MrzJoiner,
    SerialScanner,
    SerialStatus,
    decode_line,
)
from tests.unit.test_documents import td1, td3

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


class FakePort:
    """A pty pair: the test writes to the master, the scanner opens the slave's path."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        os.close(self.master)
        os.close(self.slave)


@pytest.fixture
def port():
    p = FakePort()
    yield p
    for fd in (p.master, p.slave):
        with contextlib.suppress(OSError):
            os.close(fd)


def _start(path: str, **kw) -> tuple[SerialScanner, queue.Queue, queue.Queue]:
    scans: queue.Queue[str] = queue.Queue()
    statuses: queue.Queue[SerialStatus] = queue.Queue()
    scanner = SerialScanner(path, 9600, on_scan=scans.put, on_status=statuses.put, **kw)
    scanner.start()
    return scanner, scans, statuses


def _take(q: queue.Queue, n: int, timeout: float = 5.0) -> list:
    return [q.get(timeout=timeout) for _ in range(n)]


def test_lines_arrive_as_scans_with_any_terminator(port: FakePort) -> None:
    scanner, scans, statuses = _start(port.path)
    try:
        assert statuses.get(timeout=5).code == "connected"
        port.send(b"930101300123\r\nDEMO01A\r")
        port.send(b"https://ashyq.example.kz/c\n\n\r\n")
        port.send("Билет №5\r".encode("cp1251"))
        port.send("Қазақ\n".encode())
        assert _take(scans, 5) == [
            "930101300123", "DEMO01A", "https://ashyq.example.kz/c", "Билет №5", "Қазақ",
        ]  # fmt: skip
    finally:
        scanner.stop()
    assert not scanner.running


def test_garbage_bytes_do_not_break_the_reader(port: FakePort) -> None:
    scanner, scans, statuses = _start(port.path)
    try:
        assert statuses.get(timeout=5).code == "connected"
        port.send(b"\x00\x00\x00\r\n")  # noise at plug-in: nothing printable, no scan
        port.send(bytes(range(256)) * 2)  # binary junk, split into lines by its CR and LF
        junk = bytes(b for b in range(256) if b not in (10, 13)) * 20  # longer than a line
        port.send(junk + b"\rDEMO02B\r\n")
        got = []
        while not got or got[-1] != "DEMO02B":
            got.append(scans.get(timeout=5))
        assert all(isinstance(text, str) and text for text in got)
        assert not any(len(text) > 4096 for text in got)  # the overlong line was dropped
        port.send(b"930101300123\r\n")
        assert _take(scans, 1) == ["930101300123"]  # and the reader carries on
    finally:
        scanner.stop()


def test_unplug_is_reported_once_and_the_port_is_retried(port: FakePort, tmp_path) -> None:
    link = tmp_path / "ttyScanner"
    link.symlink_to(port.path)
    scanner, scans, statuses = _start(str(link), reconnect_s=0.05)
    try:
        assert statuses.get(timeout=5).code == "connected"
        port.send(b"BEFORE1\r\n")
        assert _take(scans, 1) == ["BEFORE1"]
        port.unplug()
        link.unlink()
        codes = [statuses.get(timeout=5).code, statuses.get(timeout=5).code]
        assert codes == ["disconnected", "missing"]
        replug = FakePort()  # plugged back in: a new device behind the same name
        try:
            link.symlink_to(replug.path)
            assert statuses.get(timeout=5).code == "connected"
            replug.send(b"AFTER22\r\n")
            assert _take(scans, 1) == ["AFTER22"]
        finally:
            scanner.stop()
            replug.unplug()
    finally:
        scanner.stop()


def test_missing_port_is_reported_as_missing(tmp_path) -> None:
    scanner, _, statuses = _start(str(tmp_path / "ttyNothing"), reconnect_s=0.05)
    try:
        status = statuses.get(timeout=5)
        assert status.code == "missing" and "ttyNothing" in status.message
        assert statuses.empty() or statuses.get(timeout=0.3).code != "missing"  # said once
    finally:
        scanner.stop()


def test_line_splitter_and_decoding() -> None:
    splitter = LineSplitter(max_line=8)
    assert splitter.feed(b"ab") == []
    assert splitter.feed(b"c\r\nde\n") == [b"abc", b"de"]
    assert splitter.feed(b"0123456789XYZ\rok\n") == [b"ok"]  # an overlong line is dropped
    assert splitter.overflows == 1
    assert decode_line(b"\x00IIN\x07 930101300123 ") == "IIN 930101300123"
    assert decode_line(b"A<<\tB<<\t") == "A<<\tB<<"
    assert decode_line("Қ".encode()) == "Қ"
    assert decode_line("Ж".encode("cp1251")) == "Ж"


def test_mrz_lines_ended_by_cr_or_tab_are_one_scan(port: FakePort) -> None:
    scanner, scans, statuses = _start(port.path)
    try:
        assert statuses.get(timeout=5).code == "connected"
        port.send("\r".join(td1()).encode() + b"\r\n")
        port.send("\t".join(td1()).encode() + b"\r\n")
        port.send(td1()[0].encode() + b"\r")  # the rest never comes: the line alone, on silence
        assert _take(scans, 3) == ["\n".join(td1()), "\t".join(td1()), td1()[0]]
    finally:
        scanner.stop()


def test_mrz_joiner() -> None:
    joiner = MrzJoiner()
    passport = td3()
    assert joiner.feed(passport[0]) == []
    assert joiner.feed(passport[1]) == ["\n".join(passport)]
    assert joiner.feed("DEMO01A") == ["DEMO01A"]
    card = td1()
    assert joiner.feed(card[0]) == [] and joiner.feed(card[1]) == []
    assert joiner.feed("930101300123") == ["\n".join(card[:2]), "930101300123"]
    assert joiner.feed(card[0]) == []
    assert joiner.flush() == [card[0]]
    assert joiner.flush() == []
    assert joiner.feed("AB12CD" * 5) == ["AB12CD" * 5]  # 30 characters, but no filler
