"""The sheet of command barcodes staff keep at the door: scan one to switch entry / exit mode or
to show the last verdict again, without touching the keyboard (app.core.scan: command).

Each label is printed in Kazakh, Russian and English, because whoever is on shift reads one of
them; the payloads are the contract in app/core/scan.py.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.qr import draw_qr

COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("ASHYQ:CMD:ENTRY", "КІРУ режимі", "Режим ВХОДА", "ENTRY mode"),
    ("ASHYQ:CMD:EXIT", "ШЫҒУ режимі", "Режим ВЫХОДА", "EXIT mode"),
    (
        "ASHYQ:CMD:REPEAT",
        "Соңғы шешімді қайталау",
        "Повторить последнее решение",
        "Repeat last verdict",
    ),
)
QR_SIDE = 55 * mm


def render_command_sheet_pdf() -> bytes:
    register_fonts()
    width, height = A4
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle("Ashyq — command barcodes")
    canvas.setFont(BOLD, 16)
    canvas.drawCentredString(
        width / 2, height - 20 * mm, "Ashyq — пәрмен кодтары · команды · commands"
    )
    y = height - 30 * mm
    for payload, kk, ru, en in COMMANDS:
        y -= QR_SIDE + 6 * mm
        draw_qr(canvas, payload, 20 * mm, y, QR_SIDE)
        canvas.setFont(BOLD, 18)
        canvas.drawString(20 * mm + QR_SIDE + 10 * mm, y + QR_SIDE - 14 * mm, kk)
        canvas.setFont(REGULAR, 15)
        canvas.drawString(20 * mm + QR_SIDE + 10 * mm, y + QR_SIDE - 24 * mm, ru)
        canvas.drawString(20 * mm + QR_SIDE + 10 * mm, y + QR_SIDE - 33 * mm, en)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(20 * mm + QR_SIDE + 10 * mm, y + 4 * mm, payload)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
