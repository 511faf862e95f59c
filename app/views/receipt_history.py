"""The receipt history, opened from the refund desk: find, preview, save as PDF, print, reprint.

The list comes from app.services.receipt_history (newest first; by number or order, and by the
venue's day). The preview is the PDF the next print would produce, rendered to an image with
pypdfium2 in a worker. "Print" prints a receipt that never printed (the original); "Reprint (COPY)"
prints a copy of one that did, stamped in the receipt's language and audited. "Save as PDF…"
writes the same document to a file (a COPY once the original has printed). Every service call
goes through the views' task runner; prints and saves through its single writer.

Dialogs are attributes (`choose_save_path`) so tests answer them without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import describe
from app.services.auth import StaffMember
from app.services.receipt_history import ReceiptEntry, ReceiptHistory
from app.services.receipts import PrintOutcome, ReceiptSink
from app.views.printing import rasterize
from app.views.refund_desk_parts import printer_problem
from app.views.tasks import TaskRunner

PREVIEW_DPI = 110


class ReceiptHistoryPanel(QWidget):
    def __init__(
        self,
        history: ReceiptHistory,
        runner: TaskRunner,
        staff: Callable[[], StaffMember | None],
        sink: Callable[[], ReceiptSink],
        money: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiptHistory")
        self._history, self._runner, self._staff, self._sink = history, runner, staff, sink
        self._money = money
        self.entries: list[ReceiptEntry] = []
        self.preview_pdf: bytes | None = None
        self.last_outcome: PrintOutcome | None = None
        self.choose_save_path: Callable[[str], Path | None] = self._ask_save_path

        self.search = QLineEdit(objectName="receiptSearch", returnPressed=self.find)
        self.by_day = QCheckBox(objectName="receiptByDay")
        self.day = QDateEdit(QDate.currentDate(), objectName="receiptDay", calendarPopup=True)
        self.day.setDisplayFormat("dd.MM.yyyy")
        self.by_day.toggled.connect(self.day.setEnabled)
        self.day.setEnabled(False)
        self.find_button = QPushButton(objectName="receiptFind", clicked=self.find)
        self.table = QTableWidget(0, 6, objectName="receiptTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._selected)
        self.preview = QLabel(objectName="receiptPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(360)
        self.save_button = QPushButton(objectName="receiptSave", clicked=self.save_pdf)
        self.print_button = QPushButton(objectName="receiptPrint", clicked=self.print_original)
        self.reprint_button = QPushButton(objectName="receiptReprint", clicked=self.reprint)
        self.message = QLabel(objectName="receiptMessage", wordWrap=True)

        top = QHBoxLayout()
        for widget in (self.search, self.by_day, self.day, self.find_button):
            top.addWidget(widget)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.print_button, self.reprint_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        column = QVBoxLayout(self)
        column.addLayout(body, 1)
        column.addWidget(self.message)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Receipt number or order number"))
        self.by_day.setText(self.tr("Day:"))
        self.find_button.setText(self.tr("Find"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("Order"),
                self.tr("Kind"),
                self.tr("Returned"),
                self.tr("Printed"),
            ]
        )
        self.save_button.setText(self.tr("Save as PDF…"))
        self.print_button.setText(self.tr("Print"))
        self.reprint_button.setText(self.tr("Reprint (COPY)"))
        if self.entries:
            self._show(self.entries)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- finding ------------------------------------------------------------------------------

    def find(self) -> None:
        text = self.search.text().strip()
        day = self.day.date().toPython() if self.by_day.isChecked() else None
        number = int(text) if text.isdigit() and len(text) < 7 else None
        order = None if number is not None or not text else text
        self._runner.run(lambda: self._search(number, order, day), self._show, self._error)

    def _search(self, number: int | None, order: str | None, day: Any) -> list[ReceiptEntry]:
        found = self._history.search(number=number, order=order, day=day)
        if number is not None and not found:  # six digits or fewer may be an order number too
            found = self._history.search(order=str(number), day=day)
        return found

    def _show(self, entries: list[ReceiptEntry]) -> None:
        keep = self.current()
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            cells = [
                str(e.number),
                e.created_at.astimezone().strftime("%d.%m.%Y %H:%M"),
                e.order_number,
                kind_word(e.kind),
                self._money(e.total_tiyn),
                self.tr("yes") if e.printed else self.tr("no"),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if not entries:
            self._say(self.tr("No receipts found."))
            self.preview.clear()
            self.preview_pdf = None
        index = next((i for i, e in enumerate(entries) if keep and e.number == keep.number), 0)
        if entries:
            self.table.selectRow(index)
        self._enable()

    def current(self) -> ReceiptEntry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _selected(self) -> None:
        entry = self.current()
        self._enable()
        if entry is None:
            return
        receipt_id = entry.receipt_id

        def render() -> tuple[int, bytes, list[QImage]]:
            pdf = self._history.pdf(receipt_id)
            return receipt_id, pdf, rasterize(pdf, PREVIEW_DPI)

        self._runner.run(render, self._show_preview, self._error)

    def _show_preview(self, rendered: tuple[int, bytes, list[QImage]]) -> None:
        receipt_id, pdf, pages = rendered
        entry = self.current()
        if entry is None or entry.receipt_id != receipt_id or not pages:
            return  # another receipt was chosen meanwhile
        self.preview_pdf = pdf
        self.preview.setPixmap(QPixmap.fromImage(pages[0]))

    # --- acting -------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        entry, staff = self.current(), self._staff()
        if entry is None:
            return
        path = self.choose_save_path(f"receipt-{entry.number}.pdf")
        if path is None:
            return
        size = self._sink().size
        self._runner.run_write(
            lambda: self._history.save_pdf(
                entry.receipt_id, path, staff_id=staff.id if staff else None, size=size
            ),
            lambda outcome: self._done(outcome, path),
            self._error,
        )

    def print_original(self) -> None:
        self._print(copy=False)

    def reprint(self) -> None:
        self._print(copy=True)

    def _print(self, *, copy: bool) -> None:
        entry, staff = self.current(), self._staff()
        if entry is None:
            return
        sink = self._sink()
        receipts = self._history.receipts
        act = receipts.reprint if copy else receipts.print_receipt
        self._runner.run_write(
            lambda: act(entry.receipt_id, sink, staff_id=staff.id if staff else None),
            lambda outcome: self._done(outcome, None),
            self._error,
        )

    def _done(self, outcome: PrintOutcome, path: Path | None) -> None:
        self.last_outcome = outcome
        number = str(outcome.number)
        if not outcome.ok:
            self._say(
                self.tr("Receipt No. %1 did not print: %2.")
                .replace("%1", number)
                .replace("%2", printer_problem(outcome)),
                True,
            )
        elif path is not None:
            self._say(
                self.tr("Receipt No. %1 saved to %2.")
                .replace("%1", number)
                .replace("%2", str(path))
            )
        elif outcome.copy:
            self._say(self.tr("A copy of receipt No. %1 printed.").replace("%1", number))
        else:
            self._say(self.tr("Receipt No. %1 printed.").replace("%1", number))
        self.find()  # the printed column and the preview's stamp follow

    # --- helpers ------------------------------------------------------------------------------

    def _enable(self) -> None:
        entry = self.current()
        self.save_button.setEnabled(entry is not None)
        self.print_button.setEnabled(entry is not None and not entry.printed)
        self.reprint_button.setEnabled(entry is not None and entry.printed)

    def _ask_save_path(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the receipt as PDF"), str(Path.home() / suggested), "PDF (*.pdf)"
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.message.setText(text)

    def _error(self, exc: BaseException) -> None:
        self._say(describe(exc)[1], True)


def kind_word(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    words: dict[str, Callable[[], str]] = {
        "sell_return": lambda: QCoreApplication.translate("ReceiptHistoryPanel", "refund"),
        "exchange": lambda: QCoreApplication.translate("ReceiptHistoryPanel", "exchange"),
        "contact_request": lambda: QCoreApplication.translate(
            "ReceiptHistoryPanel", "contact-centre request"
        ),
    }
    return words.get(kind, lambda: kind)()


class ReceiptHistoryDialog(QDialog):
    """The panel in a window of its own, opened by the desk's "Receipts…" button."""

    def __init__(self, panel: ReceiptHistoryPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        layout = QVBoxLayout(self)
        layout.addWidget(panel)
        self.setWindowTitle(self.tr("Receipts"))
        self.resize(1200, 680)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Receipts"))
        super().changeEvent(event)
