"""Printing through Qt's print system (any installed printer, with a preview) or to ESC/POS.

Receipts and reports are PDFs (reportlab). Qt cannot paint a PDF on a QPrinter by itself without
the QtPdf add-on (not in PySide6-Essentials), so each page is rasterised with pypdfium2 (PDFium,
wheels for Windows and Linux) at the printer's resolution and painted fitted to the page. A
thermal printer at 203 dpi and an office printer at 600 dpi both get sharp text that way.

The printer is chosen once with the system dialog and remembered in QSettings (this PC's
choice, not the database's). The `printer` setting picks the path: "escpos:..." goes straight to
the ESC/POS transports (app.services.receipts.sink_from_spec); anything else names a Qt printer.
Painting on a QPrinter is allowed off the UI thread, so the sink can run in the task runner.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSettings
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.documents.printers import PrinterError, PrinterErrorCode
from app.documents.receipt import ReceiptSize
from app.services.receipts import ReceiptSink, SinkFormat, sink_from_spec

SETTINGS_KEY = "printing/printer_name"
MAX_DPI = 300  # enough for receipts and reports; a 600 dpi A4 page would be 35 MB of pixels


def rasterize(pdf: bytes, dpi: int) -> list[QImage]:
    """Every page of `pdf` as an image at `dpi`."""
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:  # a build without it can still print ESC/POS receipts
        raise PrinterError(PrinterErrorCode.UNSUPPORTED, f"pypdfium2 is missing: {exc}") from exc
    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True,
                                 force_bitmap_format=pdfium.raw.FPDFBitmap_BGRA)  # fmt: skip
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBA8888)  # fmt: skip
            images.append(image.copy())  # own the pixels before pdfium frees them
            page.close()
    finally:
        document.close()
    return images


def paint_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Paint each page fitted to the printable area, keeping its aspect ratio, top-centred."""
    dpi = max(72, min(printer.resolution(), MAX_DPI))
    pages = rasterize(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(PrinterErrorCode.OFFLINE, f"{printer.printerName() or 'printer'}: "
                           "cannot start the print job")  # fmt: skip
    try:
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            area.moveTo(0, 0)
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF((area.width() - width) / 2, 0, width, height)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
    finally:
        painter.end()


def remembered_printer() -> str:
    value = QSettings().value(SETTINGS_KEY, "")
    return value if isinstance(value, str) else ""


def choose_printer(parent: QWidget | None = None) -> str | None:
    """The system print dialog; the chosen printer is remembered for next time."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = remembered_printer()
    if name:
        printer.setPrinterName(name)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    QSettings().setValue(SETTINGS_KEY, printer.printerName())
    return printer.printerName()


def preview_pdf(pdf: bytes, parent: QWidget | None = None) -> bool:
    """Qt's print preview of a PDF; printing from it uses the remembered printer."""
    printer = _printer(remembered_printer())
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda target: paint_pdf(pdf, target))
    accepted = dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted
    if accepted and printer.printerName():
        QSettings().setValue(SETTINGS_KEY, printer.printerName())
    return accepted


def _printer(name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name:
        printer.setPrinterName(name)
    return printer


@dataclass
class QtPdfSink:
    """A receipt sink on a system printer (Windows spooler, CUPS)."""

    printer_name: str
    size: ReceiptSize = "80mm"
    format: SinkFormat = "pdf"

    @property
    def name(self) -> str:
        return f"qt:{self.printer_name or 'default'}"

    def send(self, data: bytes) -> None:
        known = {info.printerName() for info in QPrinterInfo.availablePrinters()}
        if self.printer_name and self.printer_name not in known:
            raise PrinterError(PrinterErrorCode.OFFLINE, f"{self.printer_name}: not installed")
        if not self.printer_name and not known:
            raise PrinterError(PrinterErrorCode.OFFLINE, "no printer is installed on this PC")
        paint_pdf(data, _printer(self.printer_name))


def receipt_sink(printer_setting: str, receipt_size: str) -> ReceiptSink:
    """The sink the settings ask for: ESC/POS or a PDF folder by spec, else a Qt printer."""
    size: ReceiptSize = "a4" if receipt_size == "a4" else "80mm"
    sink = sink_from_spec(printer_setting, size)
    if sink is not None:
        return sink
    return QtPdfSink(printer_setting or remembered_printer(), size)


__all__ = [
    "QtPdfSink",
    "choose_printer",
    "paint_pdf",
    "preview_pdf",
    "rasterize",
    "receipt_sink",
    "remembered_printer",
]
