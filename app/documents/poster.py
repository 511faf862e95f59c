"""The venue's A4 poster: a big QR code to the visitor check-in page, instructions in kk, ru, en.

Kazakh comes first (the state language), then Russian, then English. The QR is large (13 cm)
with high error correction so a phone reads it from a metre away, through a scuffed plastic
sleeve or a reflection; the URL is printed under it for people who type it.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.qr import draw_qr
from app.documents.texts import LANGUAGES, t

QR_SIDE = 130 * mm
MARGIN = 16 * mm


def _draw_wrapped(
    canvas: Canvas, text: str, font: str, size: float, x: float, y: float, width: float
) -> float:
    """Draw `text` wrapped to `width` from baseline `y` down; returns the next baseline."""
    canvas.setFont(font, size)
    for piece in simpleSplit(text, font, size, width):
        canvas.drawString(x, y, piece)
        y -= size * 1.25
    return y


def render_poster_pdf(venue_name: str, checkin_url: str) -> bytes:
    """One A4 page to print from the settings screen and hang at the entrance."""
    if not checkin_url.startswith(("https://", "http://")):
        raise ValueError("the check-in URL must be an http(s) address a phone can open")
    register_fonts()
    width, height = A4
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle(f"Ashyq QR — {venue_name}")
    canvas.setFillColor(colors.HexColor("#1f6fd1"))
    canvas.rect(0, height - 30 * mm, width, 30 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(BOLD, 22)
    canvas.drawCentredString(width / 2, height - 14 * mm, t("kk", "poster.title"))
    canvas.setFont(REGULAR, 13)
    titles = f"{t('ru', 'poster.title')} · {t('en', 'poster.title')}"
    canvas.drawCentredString(width / 2, height - 23 * mm, titles)
    canvas.setFillColor(colors.black)
    y = height - 41 * mm
    for line in simpleSplit(venue_name, BOLD, 18, width - 2 * MARGIN):
        canvas.setFont(BOLD, 18)
        canvas.drawCentredString(width / 2, y, line)
        y -= 22
    qr_y = y - QR_SIDE + 8
    draw_qr(canvas, checkin_url, (width - QR_SIDE) / 2, qr_y, QR_SIDE, high=True)
    canvas.setFont(REGULAR, 9)
    canvas.drawCentredString(width / 2, qr_y - 2 * mm, checkin_url)
    column = (width - 2 * MARGIN - 2 * 6 * mm) / 3
    top = qr_y - 10 * mm
    for index, lang in enumerate(LANGUAGES):
        x = MARGIN + index * (column + 6 * mm)
        canvas.setFillColor(colors.HexColor("#1f6fd1"))
        canvas.setFont(BOLD, 13)
        canvas.drawString(x, top, t(lang, "poster.language"))
        canvas.setFillColor(colors.black)
        y = top - 18
        for step in range(1, 5):
            y = _draw_wrapped(
                canvas, f"{step}. {t(lang, f'poster.step{step}')}", REGULAR, 11.5, x, y, column
            )
            y -= 6
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
