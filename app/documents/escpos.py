"""A receipt as ESC/POS bytes for an 80 mm thermal printer, with Russian and Kazakh printed right.

Code pages: receipt printers print text through code pages in their firmware. CP866 (ESC t 17 on
Epson-compatible printers, also on most Xprinter/Rongta/HPRT models sold in Kazakhstan) has every
Russian letter and №, but none of the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І, and the rare firmware
Kazakh pages have no agreed number. So the encoding is a per-line hybrid:

- a line whose characters all exist in CP866 (after a few safe substitutions: ₸ → "тг",
  « » → ", — → -, × → x) goes as text: crisp, fast, a few bytes;
- a line with a Kazakh letter (or anything else CP866 lacks) goes as a raster image (GS v 0)
  drawn from a 12 × 24 bitmap font of the printer's own cell size, so it lines up with text.

`mode="raster"` prints every line as an image (for printers with a broken CP866 table), and
`mode="text"` never does (a letter CP866 lacks then prints as "?"). The QR code of the receipt id
is always a raster image: every ESC/POS printer has GS v 0, not all have the GS ( k QR command.

The stream is built by hand, not with python-escpos, because the bytes must be exactly
predictable (golden tests, the hybrid switch); python-escpos is used only as the USB transport.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Literal

from app.documents.data import ReceiptData
from app.documents.escpos_glyphs import CELL_HEIGHT, CELL_WIDTH, glyphs
from app.documents.fmt import plain_spaces
from app.documents.qr import qr_matrix
from app.documents.receipt_rows import Row, receipt_rows

EscposMode = Literal["hybrid", "text", "raster"]

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
LINE_SPACING = 30  # dots: ESC 3 30, so text and raster lines are equally tall
CP866_PAGE = 17  # ESC t n for PC866 on Epson-compatible firmware
CODEC = "cp866"
_SUBSTITUTES = str.maketrans(
    {"₸": "тг", "«": '"', "»": '"', "—": "-", "–": "-", "×": "x", "→": "->", "…": "...",
     "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PrintLine:
    """One printed line: `text` already padded/aligned to the line's columns."""

    text: str
    bold: bool = False
    double: bool = False  # double width and height: half the columns
    invert: bool = False


def text_form(text: str) -> str:
    """The text as it can go to a CP866 printer: plain spaces and ASCII stand-ins for symbols."""
    return plain_spaces(text).translate(_SUBSTITUTES)


def fits_code_page(text: str) -> bool:
    try:
        text.encode(CODEC)
    except UnicodeEncodeError:
        return False
    return True


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def layout(rows: list[Row], columns: int = 48) -> list[PrintLine]:
    """Rows laid out in fixed columns; text is final (substitutions done) so both paths agree."""
    lines: list[PrintLine] = []
    for row in rows:
        left, right = text_form(row.left), text_form(row.right)
        if row.kind == "rule":
            lines.append(PrintLine("-" * columns))
        elif row.kind in ("title", "stamp"):
            half = columns // 2
            invert = row.kind == "stamp"
            pieces = _wrap(f" {left} " if invert else left, half)
            lines += [
                PrintLine(p.center(half), bold=True, double=True, invert=invert) for p in pieces
            ]
        elif row.kind in ("venue", "center"):
            lines += [
                PrintLine(p.center(columns), bold=row.kind == "venue") for p in _wrap(left, columns)
            ]
        elif row.kind in ("pair", "strong"):
            bold = row.kind == "strong"
            if len(left) + 1 + len(right) <= columns:
                lines.append(PrintLine(left + right.rjust(columns - len(left)), bold=bold))
            else:
                lines += [PrintLine(p.ljust(columns), bold=bold) for p in _wrap(left, columns)]
                lines += [PrintLine(p.rjust(columns), bold=bold) for p in _wrap(right, columns)]
        else:
            bold = row.kind == "item"
            lines += [PrintLine(p.ljust(columns), bold=bold) for p in _wrap(left, columns)]
    return lines


def _text_bytes(line: PrintLine) -> bytes:
    mode = (0x08 if line.bold else 0) | (0x30 if line.double else 0)
    out = ESC + b"!" + bytes([mode]) + GS + b"B" + bytes([1 if line.invert else 0])
    return out + line.text.rstrip().encode(CODEC, errors="replace") + b"\n"


def _glyph_rows(char: str, double: bool) -> tuple[int, ...]:
    table = glyphs()
    rows = table.get(char) or table["?"]
    if not double:
        return rows
    widened = []
    for bits in rows:
        wide = 0
        for x in range(CELL_WIDTH - 1, -1, -1):
            wide = (wide << 2) | (0b11 if bits >> x & 1 else 0)
        widened += [wide, wide]
    return tuple(widened)


def raster_line_rows(line: PrintLine, width_dots: int) -> list[bytes]:
    """The line drawn in the bitmap font: LINE_SPACING rows (double lines: twice), packed bits."""
    scale = 2 if line.double else 1
    cell_w, cell_h = CELL_WIDTH * scale, CELL_HEIGHT * scale
    pad = (LINE_SPACING - CELL_HEIGHT) * scale
    glyph_rows = [_glyph_rows(char, line.double) for char in line.text]
    rows: list[bytes] = []
    full = (1 << width_dots) - 1
    for y in range(cell_h):
        bits = 0
        for glyph in glyph_rows:
            bits = (bits << cell_w) | glyph[y]
        bits <<= width_dots - cell_w * len(glyph_rows)
        if line.bold:
            bits |= bits >> 1  # emphasised, as the printer's own bold does
        if line.invert:
            bits ^= full
        rows.append(bits.to_bytes(width_dots // 8, "big"))
    blank = (full if line.invert else 0).to_bytes(width_dots // 8, "big")
    return [blank] * (pad // 2) + rows + [blank] * (pad - pad // 2)


def raster_block(rows: list[bytes]) -> bytes:
    """GS v 0: a monochrome image, `rows` of equal length, 1 = black dot."""
    width_bytes, height = len(rows[0]), len(rows)
    header = GS + b"v0\x00" + width_bytes.to_bytes(2, "little") + height.to_bytes(2, "little")
    return header + b"".join(rows)


def qr_rows(value: str, width_dots: int, module: int = 6) -> list[bytes]:
    """The QR code as centred raster rows; the matrix is deterministic for a given value."""
    matrix = qr_matrix(value)
    side = len(matrix) * module
    left = (width_dots - side) // 2
    rows: list[bytes] = []
    for matrix_row in matrix:
        bits = 0
        for dark in matrix_row:
            bits = (bits << module) | (((1 << module) - 1) if dark else 0)
        packed = (bits << (width_dots - left - side)).to_bytes(width_dots // 8, "big")
        rows += [packed] * module
    return rows


def receipt_escpos(
    data: ReceiptData, *, mode: EscposMode = "hybrid", columns: int = 48, width_dots: int = 576
) -> bytes:
    """The complete print job: init, code page, lines, QR, feed and partial cut."""
    if width_dots % 8 or columns * CELL_WIDTH > width_dots:
        raise ValueError("the line must fit the print head")
    out = [INIT, ESC + b"t" + bytes([CP866_PAGE]), ESC + b"3" + bytes([LINE_SPACING])]
    pending: list[bytes] = []  # consecutive raster rows, sent as one image (up to 240 rows)

    def flush() -> None:
        while pending:
            out.append(raster_block(pending[:240]))
            del pending[:240]

    for line in layout(receipt_rows(data), columns):
        as_text = mode == "text" or (mode == "hybrid" and fits_code_page(line.text))
        if as_text:
            flush()
            out.append(_text_bytes(line))
        else:
            pending += raster_line_rows(line, width_dots)
    flush()
    out.append(ESC + b"!\x00" + GS + b"B\x00" + ESC + b"a\x00")
    if data.fiscal_status == "done" and data.ofd_url:  # the OFD's link first: the customer's
        out.append(raster_block(qr_rows(data.ofd_url, width_dots, module=4)))
        out.append(b"\n")
    out.append(raster_block(qr_rows(str(data.receipt_id), width_dots)))
    out.append(ESC + b"d\x04" + GS + b"V\x42\x03")  # feed past the cutter, partial cut
    return b"".join(out)
