"""ESC/POS receipts: byte-for-byte goldens, the CP866/raster hybrid, and the printer transports.

Regenerate the goldens after an intended layout change with
``ASHYQ_UPDATE_GOLDEN=1 python3 -m pytest tests/unit/test_documents_escpos.py`` and look at the diff.
"""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from app.documents import escpos
from app.documents.escpos import (
    GS,
    PrintLine,
    fits_code_page,
    layout,
    raster_line_rows,
    receipt_escpos,
)
from app.documents.escpos_glyphs import CHARSET, glyphs
from app.documents.fonts import KAZAKH_LETTERS
from app.documents.printers import (
    FilePrinter,
    NetworkPrinter,
    PrinterError,
    PrinterErrorCode,
    SerialPrinter,
    UsbPrinter,
)
from app.documents.receipt_rows import receipt_rows
from app.documents.samples import SAMPLE_VENUE_RU, sample_receipt

GOLDEN = Path(__file__).parent / "data" / "documents"
RASTER = GS + b"v0\x00"


def _golden(name: str, produced: bytes) -> bytes:
    path = GOLDEN / name
    if os.environ.get("ASHYQ_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(produced)
    return path.read_bytes()


def parse_job(job: bytes) -> tuple[list[str], list[tuple[int, int]]]:
    """Walk an ESC/POS job the way a printer does: printed text lines and raster image sizes.

    Fails on any command this module does not expect, so a stray byte in the stream is caught.
    """
    lines: list[str] = []
    images: list[tuple[int, int]] = []
    text = bytearray()
    i = 0
    while i < len(job):
        two = job[i : i + 2]
        if two in (b"\x1b@", b"\x1bt", b"\x1b3", b"\x1b!", b"\x1ba", b"\x1bd", b"\x1dB"):
            i += 2 + (0 if two == b"\x1b@" else 1)
        elif job[i : i + 4] == RASTER:
            width = int.from_bytes(job[i + 4 : i + 6], "little")
            height = int.from_bytes(job[i + 6 : i + 8], "little")
            images.append((width, height))
            i += 8 + width * height
        elif two == b"\x1dV":
            i += 4
        elif job[i] == 0x0A:
            lines.append(text.decode("cp866"))
            text.clear()
            i += 1
        elif job[i] < 0x20:
            raise AssertionError(f"unexpected control byte {job[i]:#x} at {i}")
        else:
            text.append(job[i])
            i += 1
    assert not text, "text left without a line feed"
    return lines, images


def _text_segments(job: bytes) -> list[str]:
    return parse_job(job)[0]


def test_russian_receipt_matches_golden_bytes() -> None:
    job = receipt_escpos(sample_receipt("ru", venue=SAMPLE_VENUE_RU))
    assert job == _golden("receipt-ru.escpos", job)


def test_kazakh_receipt_matches_golden_bytes() -> None:
    job = receipt_escpos(sample_receipt("kk", copy=True))
    assert job == _golden("receipt-kk.escpos", job)


def test_same_receipt_gives_same_bytes_every_time() -> None:
    data = sample_receipt("kk")
    assert receipt_escpos(data) == receipt_escpos(data)


def test_russian_receipt_prints_as_cp866_text_with_every_field() -> None:
    job = receipt_escpos(sample_receipt("ru", venue=SAMPLE_VENUE_RU))
    assert job.startswith(b"\x1b@\x1bt\x11")  # init, then code page 17 = PC866
    assert len(parse_job(job)[1]) == 1  # only the QR code is an image
    text = "\n".join(_text_segments(job))
    for expected in (
        "ВОЗВРАТ ПРОДАЖИ",
        "БИН 180340021791",
        "Чек №",
        "1042",
        "A-2026-558731",
        "Удержан сервисный сбор",
        "500,00 тг",
        "ИТОГО К ВОЗВРАТУ",
        "3 800,00 тг",
        "25.11.2026",
        "5f0c2d9e-8a41-4c7b-9d3e-2b6f1a0e7c55",
    ):
        assert expected in text
    assert job.endswith(b"\x1dVB\x03")  # feed and partial cut


def test_lines_with_kazakh_letters_become_raster_and_others_stay_text() -> None:
    data = sample_receipt("kk")
    lines = layout(receipt_rows(data))
    kazakh = [line for line in lines if any(ch in KAZAKH_LETTERS for ch in line.text)]
    assert kazakh and not any(fits_code_page(line.text) for line in kazakh)
    job = receipt_escpos(data)
    text = "\n".join(_text_segments(job))
    assert "Қ" not in text and "?" not in text  # nothing was printed as a replacement mark
    assert "1042" in text and "A-2026-558731" in text  # plain lines still go as text
    images = parse_job(job)[1]
    assert len(images) >= 2 and all(width == 72 for width, _ in images)


def test_raster_mode_has_no_text_and_text_mode_has_no_raster_lines() -> None:
    data = sample_receipt("kk")
    raster_only = receipt_escpos(data, mode="raster")
    assert not any(segment.strip() for segment in _text_segments(raster_only))
    text_only = receipt_escpos(data, mode="text")
    assert len(parse_job(text_only)[1]) == 1  # the QR code
    assert "?" in "\n".join(_text_segments(text_only))  # what a CP866-only print would lose


def test_every_kazakh_letter_has_a_distinct_bitmap_glyph() -> None:
    table = glyphs()
    assert set(KAZAKH_LETTERS) <= set(CHARSET)
    for letter in KAZAKH_LETTERS:
        assert any(table[letter]), letter
    # each Kazakh letter must look different from its look-alike (І is meant to look like I)
    for kazakh, russian in zip("ӘҒҚҢӨҰҮҺ", "ЭГКНОУУH", strict=True):
        if russian in table:
            assert table[kazakh] != table[russian], kazakh


def test_raster_line_is_the_glyphs_side_by_side() -> None:
    rows = raster_line_rows(PrintLine("Әр".ljust(48)), 576)
    assert len(rows) == escpos.LINE_SPACING and all(len(row) == 72 for row in rows)
    table = glyphs()
    top = (escpos.LINE_SPACING - 24) // 2
    for y in range(24):
        bits = int.from_bytes(rows[top + y], "big")
        assert bits >> (576 - 12) == table["Ә"][y]
        assert (bits >> (576 - 24)) & 0xFFF == table["р"][y]


def test_long_words_wrap_inside_48_columns() -> None:
    for line in layout(receipt_rows(sample_receipt("kk", kind="contact_request"))):
        assert len(line.text) == (24 if line.double else 48)


def test_file_printer_appends_jobs(tmp_path: Path) -> None:
    target = tmp_path / "printer.bin"
    printer = FilePrinter(target)
    printer.print_bytes(b"one")
    printer.print_bytes(b"two")
    assert target.read_bytes() == b"onetwo"


def test_file_printer_reports_missing_device_as_offline(tmp_path: Path) -> None:
    with pytest.raises(PrinterError) as caught:
        FilePrinter(tmp_path / "no-such-dir" / "lp0").print_bytes(b"x")
    assert caught.value.code is PrinterErrorCode.OFFLINE


def test_file_printer_reports_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(PrinterError) as caught:
        FilePrinter(tmp_path / "lp0").print_bytes(b"x")
    assert caught.value.code is PrinterErrorCode.PERMISSION


class _FakeNetworkPrinter:
    """A TCP 9100 printer on loopback that answers DLE EOT 4 with `status` and records the job."""

    def __init__(self, status: bytes) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.status, self.received = status, b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            conn.recv(3)
            conn.sendall(self.status)
            while chunk := conn.recv(65536):
                self.received += chunk

    def close(self) -> None:
        self.thread.join(timeout=5)
        self.server.close()


def test_network_printer_sends_the_whole_job() -> None:
    fake = _FakeNetworkPrinter(status=b"\x12")
    job = receipt_escpos(sample_receipt("kk"))
    NetworkPrinter("127.0.0.1", fake.port).print_bytes(job)
    fake.close()
    assert fake.received == job


def test_network_printer_says_paper_out() -> None:
    fake = _FakeNetworkPrinter(status=b"\x72")
    with pytest.raises(PrinterError) as caught:
        NetworkPrinter("127.0.0.1", fake.port).print_bytes(b"job")
    fake.close()
    assert caught.value.code is PrinterErrorCode.PAPER_OUT
    assert fake.received == b""


def test_network_printer_offline_when_nothing_listens() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with pytest.raises(PrinterError) as caught:
        NetworkPrinter("127.0.0.1", port, timeout=2).print_bytes(b"job")
    assert caught.value.code is PrinterErrorCode.OFFLINE


def test_serial_printer_paper_out_and_missing_port(tmp_path: Path) -> None:
    fake = _FakeNetworkPrinter(status=b"\x60")
    with pytest.raises(PrinterError) as caught:
        SerialPrinter(f"socket://127.0.0.1:{fake.port}").print_bytes(b"job")
    fake.close()
    assert caught.value.code is PrinterErrorCode.PAPER_OUT
    with pytest.raises(PrinterError) as missing:
        SerialPrinter(str(tmp_path / "ttyUSB9")).print_bytes(b"job")
    assert missing.value.code is PrinterErrorCode.OFFLINE


def test_serial_printer_delivers_job() -> None:
    fake = _FakeNetworkPrinter(status=b"\x12")
    SerialPrinter(f"socket://127.0.0.1:{fake.port}").print_bytes(b"\x1b@hello")
    fake.close()
    assert fake.received == b"\x1b@hello"


def test_usb_without_backend_is_unsupported_not_a_crash() -> None:
    try:
        import usb  # noqa: F401
    except ImportError:
        with pytest.raises(PrinterError) as caught:
            UsbPrinter(0x0416, 0x5011).print_bytes(b"x")
        assert caught.value.code is PrinterErrorCode.UNSUPPORTED
    else:
        pytest.skip("pyusb installed: this machine could talk to a real USB printer")
