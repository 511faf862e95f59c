"""Draw the application icon with Qt: ``python installers/make_icon.py`` writes installers/assets/.

The icon is drawn from code rather than kept only as an opaque binary, so anyone can change it
and rebuild the same bytes: no clock, no randomness, integer geometry. The .ico holds the sizes
Windows asks for (16 to 256 px); the small ones are stored as uncompressed bitmaps, which every
reader of .ico files understands (NSIS and the Windows resource compiler included), and 256 px
as PNG, as Windows Vista introduced to keep the file small.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
SIZES = (16, 24, 32, 48, 64, 128, 256)
GREEN = "#17894a"  # the admit colour family of the door screen, darkened for contrast
PNG_FROM = 256  # sizes from this one up are stored as PNG


def render(size: int):  # -> QImage (PySide6 is imported lazily: the build imports this module)
    """The icon at one size: a green rounded square with a white tick, drawn at 256 and scaled."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygon

    big = QImage(256, 256, QImage.Format.Format_ARGB32)
    big.fill(Qt.GlobalColor.transparent)
    painter = QPainter(big)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(GREEN))
    painter.drawRoundedRect(QRect(8, 8, 240, 240), 48, 48)
    pen = QPen(QColor("white"), 30, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygon([QPoint(64, 132), QPoint(108, 176), QPoint(192, 84)]))
    painter.end()
    if size == 256:
        return big
    return big.scaled(
        size,
        size,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def png_bytes(image) -> bytes:  # image: QImage
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image) -> bytes:  # image: QImage, square, ARGB32
    """A 32-bit bottom-up BMP without file header, plus the 1-bit AND mask .ico entries need."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(size - 1, -1, -1):
        row = bytearray()
        for x in range(size):
            argb = image.pixel(x, y)
            row += struct.pack("<I", argb)  # little-endian ARGB is the BGRA byte order of BMP
        rows.append(bytes(row))
    mask_stride = ((size + 31) // 32) * 4
    mask = bytes(mask_stride * size)  # all zero: the alpha channel decides transparency
    return header + b"".join(rows) + mask


def ico_bytes(images: dict[int, object]) -> bytes:
    entries = []
    blobs = []
    offset = 6 + 16 * len(images)
    for size, image in sorted(images.items()):
        blob = png_bytes(image) if size >= PNG_FROM else dib_bytes(image)
        dim = 0 if size >= 256 else size  # 0 means 256 in an .ico directory entry
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs)


def main(out_dir: Path = ASSETS) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["make_icon"])
    out_dir.mkdir(parents=True, exist_ok=True)
    images = {size: render(size) for size in SIZES}
    ico = out_dir / "ashyq.ico"
    ico.write_bytes(ico_bytes(images))
    png = out_dir / "ashyq.png"
    png.write_bytes(png_bytes(images[256]))
    return [ico, png]


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else ASSETS):
        print(path)
