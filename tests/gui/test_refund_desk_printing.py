"""Printing PDFs through Qt's print system, and choosing the path from the `printer` setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.documents.printers import PrinterError
from app.documents.receipt import render_receipt_pdf
from app.documents.report import render_report_pdf
from app.documents.samples import sample_receipt, sample_report
from app.services.receipts import EscposSink
from app.views.printing import QtPdfSink, paint_pdf, rasterize, receipt_sink


def test_a_receipt_pdf_is_rasterised_sharp_enough_for_a_thermal_head(qtbot: QtBot) -> None:
    [page] = rasterize(render_receipt_pdf(sample_receipt()), 203)
    assert page.width() == 640  # 80 mm at 203 dpi: the head's 576 dots plus margins
    dark = sum(1 for x in range(0, page.width(), 4) for y in range(0, 300, 4)
               if page.pixelColor(x, y).lightness() < 128)  # fmt: skip
    assert dark > 50  # the venue header is there, not a blank page


def test_every_page_of_a_report_reaches_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = render_report_pdf(sample_report(), "ru")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "spooled.pdf"))
    paint_pdf(pdf, printer)
    from io import BytesIO

    assert len(PdfReader(tmp_path / "spooled.pdf").pages) == len(PdfReader(BytesIO(pdf)).pages)


def test_the_setting_picks_escpos_or_a_system_printer(qtbot: QtBot, tmp_path: Path) -> None:
    assert isinstance(receipt_sink(f"escpos:file:{tmp_path / 'x.bin'}", "80mm"), EscposSink)
    sink = receipt_sink("No Such Printer 9000", "a4")
    assert isinstance(sink, QtPdfSink) and sink.size == "a4"
    with pytest.raises(PrinterError) as info:
        sink.send(render_receipt_pdf(sample_receipt(), "a4"))
    assert info.value.code.value == "offline"
