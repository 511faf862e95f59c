"""The camera preview: the live picture, the code just found outlined, or why there is no picture.

It only paints what the camera pipeline (app.devices) hands it on the UI thread; capture and
decoding happen elsewhere, so a slow decoder never freezes the door screen.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

OUTLINE_SECONDS = 1.5


class CameraPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.frame: QImage | None = None
        self.corners: list[tuple[float, float]] = []
        self._outline_until = 0.0
        self.error_code: str | None = None
        self.error_message = ""
        self.frames_shown = 0

    def set_frame(self, image: QImage) -> None:
        self.frame = image
        self.error_code = None
        self.frames_shown += 1
        self.update()

    def outline(self, text: str, corners: Sequence[tuple[float, float]]) -> None:
        del text
        self.corners = list(corners)
        self._outline_until = time.monotonic() + OUTLINE_SECONDS
        self.update()

    def show_error(self, code: str, message: str) -> None:
        self.error_code = code
        self.error_message = message
        self.frame = None
        self.update()

    def _error_text(self) -> str:
        texts = {
            "missing": self.tr(
                "No camera found. Check the cable or choose another camera in Settings."
            ),
            "busy": self.tr(
                "The camera is used by another program. Close it, then reopen this screen."
            ),
            "ended": self.tr("The video ended."),
            "off": self.tr("Camera off. Use the scanner or type the IIN."),
        }
        return texts.get(self.error_code or "", self.error_message or self.tr("No picture."))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#111"))
        if self.frame is None or self.frame.isNull():
            painter.setPen(QColor("#eee"))
            font = QFont()
            font.setPointSize(13)
            painter.setFont(font)
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self._error_text() if self.error_code else self.tr("Starting the camera…"),
            )
            painter.end()
            return
        scaled = self.frame.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - scaled.width()) / 2
        y = (self.height() - scaled.height()) / 2
        target = QRectF(x, y, scaled.width(), scaled.height())
        painter.drawImage(target, self.frame)
        if self.corners and time.monotonic() < self._outline_until:
            sx = scaled.width() / max(1, self.frame.width())
            sy = scaled.height() / max(1, self.frame.height())
            polygon = QPolygonF([QPointF(x + cx * sx, y + cy * sy) for cx, cy in self.corners])
            painter.setPen(QPen(QColor("#00e676"), 4))
            painter.drawPolygon(polygon)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)
