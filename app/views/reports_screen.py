"""The manager's reports: a day or a range on screen with a chart, then PDF, CSV or XLSX.

The figures are built by app.services.reports in a worker (SQL aggregates, so a day of 100,000
visits takes a few seconds at most) and shown before anything is exported, so a manager sees
what the file will say. The chart is painted with QPainter from the same ReportData the PDF uses:
checks per hour stacked by colour, each colour also named in the legend. The venue's QR poster
is exported here too, because managers print it with the reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from app.core.money import format_money
from app.core.statuses import Role
from app.documents.data import STATUS_KEYS, HourRow, ReportData
from app.documents.texts import Language
from app.documents.texts import reason_text as printed_reason
from app.errors import describe
from app.models import session_factory
from app.services.context import StationContext
from app.services.reports import build_report, export_report, poster_pdf
from app.settings import Settings
from app.views.screen import Screen
from app.views.tasks import TaskRunner
from app.views.texts import status_word
from app.views.verdict import STATUS_COLOURS


class HourChart(QWidget):
    """Checks per hour, stacked green/blue/yellow/red/not found, with a legend in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourChart")
        self.setMinimumHeight(220)
        self.rows: tuple[HourRow, ...] = ()

    def set_rows(self, rows: tuple[HourRow, ...]) -> None:
        self.rows = rows
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        legend_h, axis_h, left = 22.0, 18.0, 34.0
        plot = QRectF(left, legend_h, self.width() - left - 8, self.height() - legend_h - axis_h)
        top = max((row.total for row in self.rows), default=0) or 1
        painter.setPen(QColor("#888"))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawText(QRectF(0, plot.top() - 8, left - 4, 16), Qt.AlignmentFlag.AlignRight,
                         str(top))  # fmt: skip
        slot = plot.width() / 24
        for row in self.rows:
            x, y = plot.left() + row.hour * slot + slot * 0.15, plot.bottom()
            for key, count in zip(STATUS_KEYS, row.by_status(), strict=True):
                height = plot.height() * count / top
                painter.fillRect(QRectF(x, y - height, slot * 0.7, height),
                                 QColor(STATUS_COLOURS[key]))  # fmt: skip
                y -= height
        painter.setPen(QColor("#444"))
        for hour in range(0, 24, 3):
            painter.drawText(QRectF(plot.left() + hour * slot, plot.bottom() + 2, slot * 2, 16),
                             Qt.AlignmentFlag.AlignLeft, f"{hour:02d}")  # fmt: skip
        x = left
        for key in STATUS_KEYS:
            painter.fillRect(QRectF(x, 5, 12, 12), QColor(STATUS_COLOURS[key]))
            word = status_word(key)
            painter.drawText(QRectF(x + 16, 2, 110, 18), Qt.AlignmentFlag.AlignLeft, word)
            x += 22 + painter.fontMetrics().horizontalAdvance(word)
        painter.end()


class ReportsScreen(Screen):
    key = "reports"
    roles = frozenset({Role.MANAGER, Role.ADMIN})

    def __init__(
        self,
        build: Callable[[date, date], ReportData],
        poster: Callable[[], bytes],
        runner: TaskRunner,
        language: Callable[[], str] = lambda: "ru",
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._build, self._poster, self._runner = build, poster, runner
        self._lang, self._today = language, today
        self.data: ReportData | None = None
        self.last_export: Path | None = None
        self.choose_path: Callable[[str, str], Path | None] = self._save_dialog

        self.from_label, self.to_label = QLabel(), QLabel()
        self.date_from = QDateEdit(objectName="dateFrom", calendarPopup=True)
        self.date_to = QDateEdit(objectName="dateTo", calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setDate(QDate(today()))
        self.today_button = QPushButton(objectName="todayButton", clicked=self._one_day)
        self.show_button = QPushButton(objectName="showReport", clicked=self.load)
        self.summary = QLabel(objectName="reportSummary", wordWrap=True)
        self.chart = HourChart()
        self.tabs = QTabWidget(objectName="reportTabs")
        self.tables = {name: QTableWidget(objectName=f"{name}Table")
                       for name in ("reasons", "doors", "staff", "organizers")}  # fmt: skip
        for table in self.tables.values():
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.tabs.addTab(table, "")
        self.export_buttons = {fmt: QPushButton(objectName=f"export_{fmt}") for fmt in
                               ("pdf", "csv", "xlsx")}  # fmt: skip
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
        self.poster_button = QPushButton(objectName="posterButton", clicked=self.export_poster)
        self.message = QLabel(objectName="reportMessage", wordWrap=True)

        period = QHBoxLayout()
        for widget in (self.from_label, self.date_from, self.to_label, self.date_to,
                       self.today_button, self.show_button):  # fmt: skip
            period.addWidget(widget)
        period.addStretch(1)
        exports = QHBoxLayout()
        for button in (*self.export_buttons.values(), self.poster_button):
            exports.addWidget(button)
        exports.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.summary, 0, 0)
        grid.addWidget(self.chart, 0, 1)
        grid.setColumnStretch(1, 2)
        column = QVBoxLayout(self)
        column.addLayout(period)
        column.addLayout(grid)
        column.addWidget(self.tabs, 1)
        column.addLayout(exports)
        column.addWidget(self.message)
        self.retranslate()
        self._enable_exports()

    @classmethod
    def create(
        cls, ctx: StationContext, runner: TaskRunner, staff: Callable[[], object],
        settings: Settings, language: Callable[[], str] | None = None,
    ) -> ReportsScreen:  # fmt: skip
        """Built from the station: the composition root calls this (app/views/console.py)."""
        readers = session_factory(ctx.engine)
        lang = language or (lambda: settings.language)

        def build(first: date, last: date) -> ReportData:
            doc_lang = lang() if lang() in ("kk", "ru", "en") else "ru"
            return build_report(readers, date_from=first, date_to=last, lang=doc_lang,  # type: ignore[arg-type]
                                venue_code=ctx.venue_code, clock=ctx.clock)  # fmt: skip

        return cls(build, lambda: poster_pdf(readers, ctx.venue_code), runner, lang)

    def title(self) -> str:
        return self.tr("Reports")

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.today_button.setText(self.tr("One day"))
        self.show_button.setText(self.tr("Show"))
        for fmt, button in self.export_buttons.items():
            button.setText(self.tr("Export %1…").replace("%1", fmt.upper()))
        self.poster_button.setText(self.tr("Venue QR poster (PDF)…"))
        for index, text in enumerate((self.tr("Denials"), self.tr("Doors"), self.tr("Staff"),
                                      self.tr("Refunds by organizer"))):  # fmt: skip
            self.tabs.setTabText(index, text)
        if self.data is not None:
            self._show(self.data)

    def activated(self) -> None:
        if self.data is None:
            self.load()

    # --- figures ----------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def _one_day(self) -> None:
        self.date_to.setDate(self.date_from.date())

    def load(self) -> None:
        first, last = self.period()
        if last < first:
            self._say(self.tr("The period ends before it starts."), True)
            return
        self._say(self.tr("Counting…"))
        self._runner.run(lambda: self._build(first, last), self._show, self._error)

    def _show(self, data: ReportData) -> None:
        self.data = data
        peak = data.peak_at.astimezone(data.venue.zone).strftime("%H:%M") if data.peak_at else "—"
        lines = [
            (self.tr("Checks"), data.checks), (self.tr("Admitted"), data.admitted),
            (self.tr("Denied"), data.denied), (self.tr("Entries"), data.entries),
            (self.tr("Exits"), data.exits),
            (self.tr("Peak occupancy"), f"{data.peak_occupancy} ({peak})"),
            (self.tr("Test mode (not counted)"), data.test_mode.checks),
            (self.tr("Fees withheld"), self._money(data.fees_tiyn)),
            (self.tr("Returned to cards"), self._money(data.returned_tiyn)),
        ]  # fmt: skip
        self.summary.setText("\n".join(f"{label}: {value}" for label, value in lines))
        self.chart.set_rows(data.hours_filled())
        self._fill(
            "reasons",
            [self.tr("Reason"), self.tr("Count")],
            [(printed_reason(ui_language(), r.reason), r.count) for r in data.denial_reasons],
        )
        self._fill("doors", [self.tr("Door"), self.tr("Checks"), self.tr("Admitted"),
                             self.tr("Denied"), self.tr("Entries"), self.tr("Exits")],
                   [(r.door, r.checks, r.admitted, r.denied, r.entries, r.exits)
                    for r in data.doors])  # fmt: skip
        self._fill("staff", [self.tr("Staff"), self.tr("Checks"), self.tr("Admitted"),
                             self.tr("Denied"), self.tr("Overrides")],
                   [(r.staff, r.checks, r.admitted, r.denied, r.overrides)
                    for r in data.staff])  # fmt: skip
        self._fill("organizers", [self.tr("Organizer"), self.tr("Refunded"), self.tr("Exchanged"),
                                  self.tr("Requests"), self.tr("Fees"), self.tr("Returned")],
                   [(r.organizer, r.refunded_tickets, r.exchanged_tickets, r.requests,
                     self._money(r.fees_tiyn), self._money(r.returned_tiyn))
                    for r in data.organizers])  # fmt: skip
        self._say("")
        self._enable_exports()

    def _fill(self, name: str, headers: list[str], rows: list[tuple[object, ...]]) -> None:
        table = self.tables[name]
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    # --- files ------------------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        data = self.data
        if data is None:
            return
        period = data.date_from.isoformat() + (
            "" if data.is_daily else "_" + data.date_to.isoformat()
        )
        path = self.choose_path(f"ashyq-report-{period}.{fmt}", f"{fmt.upper()} (*.{fmt})")
        if path is None:
            return
        lang = self._doc_lang()
        self._say(self.tr("Exporting…"))
        self._runner.run(lambda: export_report(data, fmt, path, lang=lang),  # type: ignore[arg-type]
                         self._exported, self._error)  # fmt: skip

    def export_poster(self) -> None:
        path = self.choose_path("ashyq-poster.pdf", "PDF (*.pdf)")
        if path is None:
            return

        def write() -> Path:
            path.write_bytes(self._poster())
            return path

        self._runner.run(write, self._exported, self._error)

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self._say(self.tr("Saved: %1").replace("%1", str(path)))

    # --- helpers ----------------------------------------------------------------------------

    def _doc_lang(self) -> str:
        lang = self._lang()
        return lang if lang in ("kk", "ru", "en") else "ru"

    def _money(self, tiyn: int) -> str:
        return format_money(tiyn, self._doc_lang())  # type: ignore[arg-type]

    def _enable_exports(self) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(self.data is not None)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.message.setText(text)

    def _error(self, exc: BaseException) -> None:
        self._say(describe(exc)[1], True)

    def _save_dialog(self, suggested: str, filter_text: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), suggested, filter_text)
        return Path(name) if name else None


def ui_language() -> Language:
    """The interface language LanguageSwitcher set (it sets the default QLocale too)."""
    code = QLocale().name()[:2]
    return "kk" if code == "kk" else "ru" if code == "ru" else "en"
