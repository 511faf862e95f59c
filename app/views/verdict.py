"""The verdict banner: one colour, one word, one icon, readable from two metres.

Colour alone fails a colour-blind guard, so every verdict also has its own shape (a tick in a
circle to admit, a cross in an octagon to refuse, an exclamation mark in a triangle to check) and
its own words in capitals. The banner shows until the next scan or `hold_seconds`, then returns to
"ready", so an old green never greets the next visitor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.views.texts import age_text, reason_text, source_name, status_word, verdict_word

STATUS_COLOURS = {
    "green": "#1b7f2a",
    "blue": "#1456b8",
    "yellow": "#f2c200",
    "red": "#c4161c",
    "not_found": "#5f6368",
}
READY_COLOUR = "#263238"
DENY_COLOUR = "#b3131b"  # every refusal is red, whatever the status: "full" must not look green
CHECK_COLOUR = "#e65100"  # orange: stop and look


def banner_colour(view: VerdictView) -> str:
    """The banner says the verdict; the status colour is shown in its own chip beside the word.

    An admitted visitor's banner takes their status colour (green, blue, or yellow at an
    essential shop); a refusal is always red and a check always orange.
    """
    if view.verdict == "deny":
        return DENY_COLOUR
    if view.verdict == "needs_check":
        return CHECK_COLOUR
    return STATUS_COLOURS.get(view.status or "", STATUS_COLOURS["green"])


@dataclass(frozen=True)
class VerdictView:
    """What the banner shows; built by the door screen from the service's CheckResult."""

    verdict: str  # admit | deny | needs_check
    status: str | None  # green | blue | yellow | red | not_found | None
    reason: str
    message: str
    note: str | None = None
    source: str | None = None
    age_s: int | None = None
    direction: str = "entry"
    title: str | None = None  # overrides the status word (e.g. "TICKET USED")
    overridable: bool = False  # a supervisor may admit anyway (not found, stale offline)


def text_colour_for(background: str) -> str:
    colour = QColor(background)
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return "#000000" if luminance > 150 else "#ffffff"


class VerdictIcon(QWidget):
    """Draws the verdict's shape; painted, so it does not depend on an emoji font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "ready"
        self.colour = QColor("#ffffff")
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_kind(self, kind: str, colour: str) -> None:
        self.kind = kind
        self.colour = QColor(colour)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        side = min(self.width(), self.height()) - 8
        if side <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        pen = QPen(self.colour, max(6.0, side / 12))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        c = box.center()
        r = side / 2 - pen.widthF()
        if self.kind == "admit":
            painter.drawEllipse(c, r, r)
            path = QPainterPath(QPointF(c.x() - r * 0.5, c.y()))
            path.lineTo(QPointF(c.x() - r * 0.12, c.y() + r * 0.4))
            path.lineTo(QPointF(c.x() + r * 0.55, c.y() - r * 0.4))
            painter.drawPath(path)
        elif self.kind == "deny":
            octagon = QPolygonF(
                [
                    QPointF(
                        c.x() + r * math.cos(math.radians(22.5 + 45 * i)),
                        c.y() + r * math.sin(math.radians(22.5 + 45 * i)),
                    )
                    for i in range(8)
                ]
            )
            painter.drawPolygon(octagon)
            d = r * 0.42
            painter.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
            painter.drawLine(QPointF(c.x() + d, c.y() - d), QPointF(c.x() - d, c.y() + d))
        elif self.kind == "needs_check":
            triangle = QPolygonF(
                [
                    QPointF(c.x(), c.y() - r),
                    QPointF(c.x() + r * 0.95, c.y() + r * 0.8),
                    QPointF(c.x() - r * 0.95, c.y() + r * 0.8),
                ]
            )
            painter.drawPolygon(triangle)
            painter.drawLine(QPointF(c.x(), c.y() - r * 0.4), QPointF(c.x(), c.y() + r * 0.25))
            painter.drawPoint(QPointF(c.x(), c.y() + r * 0.55))
        else:  # ready: a scanner frame
            q = r * 0.7
            for sx in (-1, 1):
                for sy in (-1, 1):
                    corner = QPointF(c.x() + sx * q, c.y() + sy * q)
                    painter.drawLine(corner, QPointF(corner.x() - sx * q * 0.5, corner.y()))
                    painter.drawLine(corner, QPointF(corner.x(), corner.y() - sy * q * 0.5))
        painter.end()


class VerdictBanner(QWidget):
    """Big coloured panel; emits confirm/refuse for needs-check verdicts."""

    confirmed = Signal()
    refused = Signal()
    override_requested = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None, hold_seconds: int = 6) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.view: VerdictView | None = None
        self.hold_seconds = hold_seconds

        self.icon = VerdictIcon()
        self.headline = QLabel()
        self.headline.setObjectName("verdictHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("verdictStatus")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setWordWrap(True)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("verdictReason")
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setObjectName("verdictNote")
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setWordWrap(True)
        self.source_label = QLabel()
        self.source_label.setObjectName("verdictSource")
        self.source_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmButton")
        self.refuse_button = QPushButton()
        self.refuse_button.setObjectName("refuseButton")
        for button in (self.confirm_button, self.refuse_button):
            button.setMinimumHeight(64)
            font = QFont()
            font.setPointSize(16)
            font.setBold(True)
            button.setFont(font)
        self.override_button = QPushButton()
        self.override_button.setObjectName("overrideButton")
        self.override_button.setMinimumHeight(48)
        self.confirm_button.clicked.connect(self.confirmed.emit)
        self.refuse_button.clicked.connect(self.refused.emit)
        self.override_button.clicked.connect(self.override_requested.emit)
        for button in (self.confirm_button, self.refuse_button, self.override_button):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.refuse_button)
        buttons.addWidget(self.override_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.icon, 3)
        layout.addWidget(self.headline)
        layout.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.source_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self._fonts()
        self.clear()

    def _fonts(self) -> None:
        big = QFont()
        big.setPointSize(54)
        big.setBold(True)
        self.headline.setFont(big)
        status = QFont()
        status.setPointSize(30)
        status.setBold(True)
        self.status_label.setFont(status)
        reason = QFont()
        reason.setPointSize(18)
        self.reason_label.setFont(reason)
        note = QFont()
        note.setPointSize(18)
        note.setBold(True)
        self.note_label.setFont(note)
        small = QFont()
        small.setPointSize(13)
        self.source_label.setFont(small)

    def _paint_status_chip(self, status: str | None) -> None:
        if status is None or status not in STATUS_COLOURS:
            self.status_label.setStyleSheet("")
            return
        chip = STATUS_COLOURS[status]
        self.status_label.setStyleSheet(
            f"QLabel#verdictStatus {{ background: {chip}; color: {text_colour_for(chip)};"
            " border: 3px solid white; border-radius: 10px; padding: 4px 24px; }"
        )

    def _paint(self, background: str) -> None:
        fg = text_colour_for(background)
        self.setStyleSheet(
            f"#verdictBanner {{ background: {background}; border-radius: 12px; }}"
            f"#verdictBanner QLabel {{ color: {fg}; background: transparent; }}"
        )
        self.icon.set_kind(self.view.verdict if self.view else "ready", fg)

    def show_verdict(self, view: VerdictView) -> None:
        self.view = view
        self._paint(banner_colour(view))
        self._paint_status_chip(view.status)
        self.retranslate()
        needs = view.verdict == "needs_check"
        self.confirm_button.setVisible(needs)
        self.refuse_button.setVisible(needs)
        may_override = view.verdict == "deny" and view.overridable
        self.override_button.setVisible(may_override)
        self._timer.stop()
        if not needs and not may_override:
            # a pending check or a possible override stays until someone answers it or the
            # next visitor is scanned
            self._timer.start(self.hold_seconds * 1000)

    def clear(self) -> None:
        self.view = None
        self._timer.stop()
        self._paint(READY_COLOUR)
        self._paint_status_chip(None)
        self.confirm_button.hide()
        self.refuse_button.hide()
        self.override_button.hide()
        self.retranslate()
        self.cleared.emit()

    def retranslate(self) -> None:
        view = self.view
        self.confirm_button.setText(self.tr("✔ Admit (Enter)"))
        self.refuse_button.setText(self.tr("✖ Refuse (Esc)"))
        self.override_button.setText(self.tr("Supervisor: admit anyway (PIN)"))
        if view is None:
            self.headline.setText(self.tr("READY"))
            self.status_label.setText(self.tr("Scan the next visitor"))
            self.reason_label.setText(self.tr("ID card barcode, phone QR, ticket, or type the IIN"))
            self.note_label.clear()
            self.source_label.clear()
            return
        self.headline.setText(verdict_word(view.verdict))
        self.status_label.setText(view.title or status_word(view.status))
        self.reason_label.setText(reason_text(view.reason, view.message))
        self.note_label.setText(view.note or "")
        if view.source:
            self.source_label.setText(
                self.tr("Source: %1, %2")
                .replace("%1", source_name(view.source))
                .replace("%2", age_text(view.age_s))
            )
        else:
            self.source_label.clear()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
