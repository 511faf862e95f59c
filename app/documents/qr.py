"""QR codes for receipts, the poster and the ESC/POS raster, from one encoder.

The `qrcode` package computes the module matrix; drawing it as one filled PDF path (a rectangle
per run of dark modules) is ten times faster than reportlab's QR widget, which builds a shape
object per module and encodes twice. The receipt's 50 ms budget needs that.
"""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 2  # modules of white border; receipts and posters add their own margins


RECEIPT_MASK = 2
"""Receipts use one fixed mask pattern: choosing the best of eight costs ~15 ms, a third of the
receipt's budget, and any mask decodes (the choice only trims rare scanning trouble, which a
short UUID on a clean receipt does not have). The poster, printed once, gets the best mask."""


@lru_cache(maxsize=64)
def qr_matrix(value: str, high_correction: bool = False) -> tuple[tuple[bool, ...], ...]:
    """Rows of dark (True) and light modules, quiet zone included; cached for reprints."""
    level = ERROR_CORRECT_H if high_correction else ERROR_CORRECT_M
    mask = None if high_correction else RECEIPT_MASK
    code = qrcode.QRCode(error_correction=level, border=QUIET_ZONE, mask_pattern=mask)
    code.add_data(value)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def draw_qr(
    canvas: Canvas, value: str, x: float, y: float, side: float, *, high: bool = False
) -> None:
    """Draw the code as a `side`-wide square with its lower-left corner at (x, y)."""
    matrix = qr_matrix(value, high)
    module = side / len(matrix)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + side - (row_index + 1) * module
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            path.rect(x + start * module, top, (column - start) * module, module)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
