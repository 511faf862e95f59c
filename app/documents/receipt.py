"""Refund, exchange and contact-request receipts as PDF, on an 80 mm roll or an A4 sheet.

The 80 mm page is exactly as tall as its content, because a roll printer driver feeds (and
wastes) paper for every point of page height. A4 is for desks with an office printer. Both embed
DejaVu Sans (every Kazakh letter), carry a QR code of the receipt id so a reprint or a dispute
finds the record, and stamp reprints COPY in the receipt's language.
"""

from __future__ import annotations

import io
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from app.documents.data import ReceiptData
from app.documents.fmt import format_datetime, format_money
from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.qr import draw_qr
from app.documents.receipt_rows import (
    Row,
    fiscal_mark,
    footer_rows,
    header_rows,
    receipt_rows,
    totals_rows,
)
from app.documents.texts import t

ReceiptSize = Literal["80mm", "a4"]

ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm
QR_SIZE_ROLL = 30 * mm
QR_SIZE_A4 = 35 * mm
QR_CAPTION = 3.5 * mm  # a line under each of two QR codes, saying which is which

# row kind -> (font, size, leading); the 80 mm roll prints at 8 pt, legible on thermal paper
_ROLL_STYLE: dict[str, tuple[str, float, float]] = {
    "venue": (BOLD, 10, 12.5),
    "center": (REGULAR, 8, 10),
    "title": (BOLD, 10.5, 13),
    "stamp": (BOLD, 14, 24),  # the frame sits inside the row, clear of the title above
    "pair": (REGULAR, 8, 10),
    "strong": (BOLD, 9.5, 12),
    "text": (REGULAR, 8, 10),
    "item": (BOLD, 8, 10.5),
    "rule": (REGULAR, 8, 6),
}


def render_receipt_pdf(data: ReceiptData, size: ReceiptSize = "80mm") -> bytes:
    """The receipt as a PDF document, ready for any printer driver or for the archive."""
    register_fonts()
    if size == "80mm":
        return _render_roll(data)
    if size == "a4":
        return _render_a4(data)
    raise ValueError(f"unknown receipt size {size!r}")


def ofd_link(data: ReceiptData) -> str:
    """The OFD's link of a fiscalised cheque (printed as a QR code too), or ""."""
    return data.ofd_url if data.fiscal_status == "done" else ""


def _roll_lines(row: Row, width: float) -> list[tuple[str, str]]:
    """A row wrapped to the roll: (left, right) pieces per printed line."""
    font, size, _ = _ROLL_STYLE[row.kind]
    if row.kind in ("pair", "strong"):
        gap = 3 * mm
        if stringWidth(row.left, font, size) + gap + stringWidth(row.right, font, size) <= width:
            return [(row.left, row.right)]
        lines = [(piece, "") for piece in simpleSplit(row.left, font, size, width)]
        lines += [("", piece) for piece in simpleSplit(row.right, font, size, width)]
        return lines
    if row.kind == "rule":
        return [("", "")]
    return [(piece, "") for piece in _split(row.left, font, size, width)]


def _split(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrapped at spaces, and a word longer than the line (an OFD link) cut where it must be."""
    lines: list[str] = []
    for piece in simpleSplit(text, font, size, width):
        while stringWidth(piece, font, size) > width:
            cut = len(piece) - 1
            while cut > 1 and stringWidth(piece[:cut], font, size) > width:
                cut -= 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        lines.append(piece)
    return lines


def _render_roll(data: ReceiptData) -> bytes:
    width = ROLL_WIDTH - 2 * ROLL_MARGIN
    laid_out = [(row, _roll_lines(row, width)) for row in receipt_rows(data)]
    text_height = sum(_ROLL_STYLE[row.kind][2] * len(lines) for row, lines in laid_out)
    captions = QR_CAPTION if ofd_link(data) else 0.0
    height = ROLL_MARGIN * 2 + text_height + 3 * mm + QR_SIZE_ROLL + captions
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(ROLL_WIDTH, height), invariant=True)
    canvas.setTitle(f"{t(data.language, 'receipt.number')} {data.receipt_number}")
    y = height - ROLL_MARGIN
    left, right, middle = ROLL_MARGIN, ROLL_WIDTH - ROLL_MARGIN, ROLL_WIDTH / 2
    for row, lines in laid_out:
        font, size, leading = _ROLL_STYLE[row.kind]
        if row.kind == "rule":
            y -= leading
            canvas.setDash(1, 2)
            canvas.line(left, y + leading / 2, right, y + leading / 2)
            canvas.setDash()
            continue
        if row.kind == "stamp":
            pad = (leading - size) / 2 - 1  # 4 pt above the frame, 2 pt below the letters
            canvas.rect(
                left + width * 0.2,
                y - leading + pad - 2,
                width * 0.6,
                leading - pad - 2,
                stroke=1,
                fill=0,
            )
        canvas.setFont(font, size)
        for text_left, text_right in lines:
            y -= leading
            baseline = y + (leading - size) / 2 + 1
            if row.kind in ("venue", "center", "title", "stamp"):
                canvas.drawCentredString(middle, baseline, text_left)
            else:
                canvas.drawString(left, baseline, text_left)
                canvas.drawRightString(right, baseline, text_right)
    if ofd_link(data):  # the OFD's cheque link for the customer, the receipt id for the desk
        gap, bottom = 4 * mm, ROLL_MARGIN + QR_CAPTION
        centres = (middle - gap / 2 - QR_SIZE_ROLL / 2, middle + gap / 2 + QR_SIZE_ROLL / 2)
        values = (data.ofd_url, str(data.receipt_id))
        labels = (t(data.language, "receipt.ofd_qr"), t(data.language, "receipt.receipt_id"))
        canvas.setFont(REGULAR, 6.5)
        for centre, value, label in zip(centres, values, labels, strict=True):
            draw_qr(canvas, value, centre - QR_SIZE_ROLL / 2, bottom, QR_SIZE_ROLL)
            canvas.drawCentredString(centre, ROLL_MARGIN + 0.5 * mm, label)
    else:
        draw_qr(canvas, str(data.receipt_id), middle - QR_SIZE_ROLL / 2, ROLL_MARGIN, QR_SIZE_ROLL)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


class _QrFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    def __init__(self, value: str, side: float) -> None:
        super().__init__()
        self.value = value
        self.width = self.height = side

    def draw(self) -> None:
        draw_qr(self.canv, self.value, 0, 0, self.width)


def _a4_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12)
    return {
        "base": base,
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "strong": ParagraphStyle("strong", parent=base, fontName=BOLD, fontSize=11, leading=14),
        "strong_right": ParagraphStyle(
            "strong_right", parent=base, fontName=BOLD, fontSize=11, leading=14, alignment=TA_RIGHT
        ),
        "venue": ParagraphStyle("venue", parent=base, fontName=BOLD, fontSize=14, leading=18),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=13, leading=17),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cell_right": ParagraphStyle(
            "cell_r", parent=base, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
        ),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8.5, leading=10.5),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_TIGHT = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ("TOPPADDING", (0, 0), (-1, -1), 1),
]


def _fit(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A plain string when it fits on one line (drawn directly, several times faster than a
    Paragraph, which the 50 ms budget needs), a wrapping Paragraph when it does not."""
    if stringWidth(text, style.fontName, style.fontSize) <= width - 1:
        return text
    return Paragraph(_escape(text), style)


def _pairs_table(
    rows: list[Row], styles: dict[str, ParagraphStyle], widths: list[float], *, right: bool = False
) -> Table:
    """Label and value columns; `right` aligns values flush right, as sums are."""
    cells = []
    commands = [*_TIGHT, ("FONT", (0, 0), (-1, -1), REGULAR, 9.5, 12)]
    if right:
        commands.append(("ALIGN", (1, 0), (1, -1), "RIGHT"))
    for index, row in enumerate(rows):
        strong = row.kind == "strong"
        if strong:
            commands.append(("FONT", (0, index), (-1, index), BOLD, 11, 14))
        left_style = styles["strong"] if strong else styles["base"]
        value_style = styles[("strong_" if strong else "") + ("right" if right else "base")]
        cells.append(
            [_fit(row.left, left_style, widths[0]), _fit(row.right, value_style, widths[1])]
        )
    table = Table(cells, colWidths=widths, hAlign="RIGHT" if right else "LEFT")
    table.setStyle(TableStyle(commands))
    return table


_TICKET_COLUMNS = (
    ("receipt.ticket", 0.16),
    ("receipt.session", 0.25),
    ("receipt.tariff", 0.10),
    ("receipt.qty_price", 0.17),
    ("receipt.fee", 0.15),
    ("receipt.refund", 0.17),
)


def _ticket_cells(
    data: ReceiptData, styles: dict[str, ParagraphStyle], widths: list[float]
) -> list[list[str | Paragraph]]:
    lang, zone = data.language, data.venue.zone
    cells: list[list[str | Paragraph]] = [
        [Paragraph(_escape(t(lang, key)), styles["head"]) for key, _ in _TICKET_COLUMNS]
    ]
    pad = 12  # the table's left and right cell padding
    for index, line in enumerate(data.lines, start=1):
        session = [line.session_title, format_datetime(line.session_start, lang, zone)]
        if data.kind == "exchange" and line.new_session_title:
            new_start = line.new_session_start
            when = format_datetime(new_start, lang, zone) if new_start else ""
            session.append(f"→ {line.new_session_title} {when}")
        texts = [f"{index}. {line.ticket_code}", "<br/>".join(_escape(s) for s in session)]
        sums = [f"1 × {format_money(line.price_tiyn, lang)}", format_money(line.fee_tiyn, lang)]
        sums.append(format_money(line.refund_tiyn, lang))
        cells.append(
            [_fit(texts[0], styles["cell"], widths[0] - pad), Paragraph(texts[1], styles["cell"])]
            + [_fit(line.tariff, styles["cell"], widths[2] - pad)]
            + [
                _fit(s, styles["cell_right"], w - pad)
                for s, w in zip(sums, widths[3:], strict=True)
            ]
        )
    return cells


def _tickets_table(data: ReceiptData, styles: dict[str, ParagraphStyle], width: float) -> Table:
    widths = [width * fraction for _, fraction in _TICKET_COLUMNS]
    table = Table(_ticket_cells(data, styles, widths), colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), REGULAR, 8.5, 10.5),
                ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _a4_story(data: ReceiptData, width: float) -> list[Flowable]:
    styles = _a4_styles()
    lang = data.language
    head = header_rows(data)
    venue, bin_line, address = head[0].left, head[1].left, head[2].left
    registers = [row for row in head[3:5]]
    receipt_pairs = [row for row in head[7:] if row.kind == "pair"]
    footer = footer_rows(data)
    qr_caption = f"{_escape(footer[-2].left)}:<br/>{_escape(footer[-1].left)}"
    cells: list[Flowable] = [
        _QrFlowable(str(data.receipt_id), QR_SIZE_A4),
        Paragraph(qr_caption, styles["base"]),
    ]
    widths = [QR_SIZE_A4 + 6 * mm, width - QR_SIZE_A4 - 6 * mm]
    if ofd_link(data):
        ofd_caption = f"{_escape(t(lang, 'receipt.ofd'))}:<br/>{_escape(data.ofd_url)}"
        cells += [_QrFlowable(data.ofd_url, QR_SIZE_A4), Paragraph(ofd_caption, styles["base"])]
        half = (width - 2 * QR_SIZE_A4 - 12 * mm) / 2
        widths = [QR_SIZE_A4 + 6 * mm, half, QR_SIZE_A4 + 6 * mm, half]
    qr_row = Table([cells], colWidths=widths, hAlign="LEFT")
    qr_row.setStyle(TableStyle([*_TIGHT, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    half = [width * 0.4, width * 0.6]
    return [
        Paragraph(_escape(venue), styles["venue"]),
        Paragraph(_escape(f"{bin_line} · {address}"), styles["base"]),
        Spacer(1, 2 * mm),
        _pairs_table(registers, styles, half),
        Spacer(1, 5 * mm),
        Paragraph(_escape(t(lang, f"receipt.title.{data.kind}")), styles["title"]),
        *([Paragraph(_escape(mark), styles["title"])] if (mark := fiscal_mark(data)) else []),
        _pairs_table(receipt_pairs, styles, half),
        Spacer(1, 4 * mm),
        _tickets_table(data, styles, width),
        Spacer(1, 4 * mm),
        _pairs_table(totals_rows(data), styles, [width * 0.42, width * 0.2], right=True),
        Spacer(1, 6 * mm),
        _pairs_table(footer[:-2], styles, half),
        Spacer(1, 4 * mm),
        qr_row,
    ]


def _render_a4(data: ReceiptData) -> bytes:
    buffer = io.BytesIO()
    margin = 18 * mm
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{t(data.language, 'receipt.number')} {data.receipt_number}",
        invariant=True,
    )
    stamp = t(data.language, "receipt.copy") if data.copy else ""

    def on_page(canvas: Canvas, _doc: object) -> None:
        if not stamp:
            return
        canvas.saveState()
        canvas.setFont(BOLD, 90)
        canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.18))
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, stamp)
        canvas.restoreState()
        canvas.setFont(BOLD, 16)
        canvas.setFillColor(colors.Color(0.75, 0.1, 0.1))
        canvas.drawRightString(A4[0] - margin, A4[1] - margin + 2, stamp)

    doc.build(_a4_story(data, A4[0] - 2 * margin), onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
