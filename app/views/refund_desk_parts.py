"""Parts of the refund desk screen: the order table, words for codes, the default dialogs.

Words use the screen's translation context ("RefundDeskScreen"), so `pyside6-lupdate` files them
with the screen's own strings. The dialogs are the defaults the screen installs; tests replace
them with answers, which is why each is a plain function of its parent widget.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.services.receipts import PrintOutcome
from app.services.refund_desk import Override, SessionChoice, TicketLine
from app.services.shift import ShiftSummary
from app.views.rule_words import refusal_words, rule_words


class OrderTable(QTableWidget):
    """One row per ticket: a checkbox on the code, then tariff, price, state, rule, fee, refund.

    Refunded and exchanged tickets have no checkbox; tickets the rules allow start ticked.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setObjectName("orderTable")
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([
            self.tr("Ticket"), self.tr("Tariff"), self.tr("Price"), self.tr("State"),
            self.tr("Rule"), self.tr("Fee"), self.tr("Refund"),
        ])  # fmt: skip

    def show_lines(self, lines: tuple[TicketLine, ...], money: Callable[[int], str]) -> None:
        self.blockSignals(True)
        self.setRowCount(len(lines))
        for row, line in enumerate(lines):
            q = line.refund
            cells = [line.code, tariff_word(line.tariff), money(line.price_tiyn),
                     state_word(line.state), rule_words(q) if q.refundable else refusal_words(q),
                     money(q.fee_tiyn) if q.refundable else "—",
                     money(q.refund_tiyn) if q.refundable else "—"]  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    flags = Qt.ItemFlag.ItemIsEnabled
                    if line.open:
                        flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setFlags(flags)
                    ticked = line.open and q.refundable
                    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.setItem(row, col, item)
        self.blockSignals(False)
        self.resizeColumnsToContents()

    def checked_codes(self) -> list[str]:
        items = (self.item(row, 0) for row in range(self.rowCount()))
        return [
            i.text() for i in items if i is not None and i.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, codes: set[str]) -> None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                state = Qt.CheckState.Checked if item.text() in codes else Qt.CheckState.Unchecked
                item.setCheckState(state)


def state_word(state: str) -> str:
    words: dict[str, Callable[[], str]] = {
        "valid": lambda: QCoreApplication.translate("RefundDeskScreen", "valid"),
        "used": lambda: QCoreApplication.translate("RefundDeskScreen", "used"),
        "printed": lambda: QCoreApplication.translate("RefundDeskScreen", "printed at box office"),
        "refunded": lambda: QCoreApplication.translate("RefundDeskScreen", "refunded"),
        "exchanged": lambda: QCoreApplication.translate("RefundDeskScreen", "exchanged"),
    }
    return words.get(state, lambda: state)()


def tariff_word(tariff: str) -> str:
    words: dict[str, Callable[[], str]] = {
        "adult": lambda: QCoreApplication.translate("RefundDeskScreen", "adult"),
        "child": lambda: QCoreApplication.translate("RefundDeskScreen", "child"),
        "student": lambda: QCoreApplication.translate("RefundDeskScreen", "student"),
    }
    return words.get(tariff, lambda: tariff)()


def printer_problem(outcome: PrintOutcome) -> str:
    """A sentence the cashier can act on, with the technical detail in brackets."""
    words: dict[str, Callable[[], str]] = {
        "offline": lambda: QCoreApplication.translate(
            "RefundDeskScreen", "the printer is off or not connected"
        ),
        "paper_out": lambda: QCoreApplication.translate("RefundDeskScreen", "the paper is out"),
        "permission": lambda: QCoreApplication.translate(
            "RefundDeskScreen", "no permission to use the printer port"
        ),
        "unsupported": lambda: QCoreApplication.translate(
            "RefundDeskScreen", "this printer connection is not supported here"
        ),
        "fiscal_pending": lambda: QCoreApplication.translate(
            "RefundDeskScreen", "its fiscal cheque still waits for the cash register"
        ),
    }
    word = words.get(
        outcome.error_code, lambda: QCoreApplication.translate("RefundDeskScreen", "printer error")
    )()
    return f"{word} ({outcome.message})"


def shift_summary_text(s: ShiftSummary, money: Callable[[int], str]) -> str:
    rows = [
        (
            QCoreApplication.translate("RefundDeskScreen", "Refunds"),
            f"{s.refunds} ({s.refunded_tickets})",
        ),
        (QCoreApplication.translate("RefundDeskScreen", "Ticket prices"), money(s.price_tiyn)),
        (QCoreApplication.translate("RefundDeskScreen", "Fees withheld"), money(s.fees_tiyn)),
        (
            QCoreApplication.translate("RefundDeskScreen", "Returned to cards"),
            money(s.returned_tiyn),
        ),
        (
            QCoreApplication.translate("RefundDeskScreen", "Exchanges"),
            f"{s.exchanges} ({s.exchanged_tickets}), {money(s.exchange_fees_tiyn)}",
        ),
        (
            QCoreApplication.translate("RefundDeskScreen", "Contact-centre requests"),
            str(s.contact_requests),
        ),
        (
            QCoreApplication.translate("RefundDeskScreen", "Receipts not printed"),
            str(s.unprinted_receipts),
        ),
    ]
    return "\n".join(f"{label}: {value}" for label, value in rows)


# --- default dialogs ----------------------------------------------------------------------------


def ask_confirm(parent: QWidget, title: str, body: str) -> bool:
    return QMessageBox.question(parent, title, body) == QMessageBox.StandardButton.Yes


def show_info(parent: QWidget, title: str, body: str) -> None:
    QMessageBox.information(parent, title, body)


def ask_session(parent: QWidget, choices: list[SessionChoice]) -> SessionChoice | None:
    labels = [
        f"{c.starts_at.astimezone().strftime('%d.%m %H:%M')} · {c.title} · {c.hall}"
        for c in choices
    ]
    label, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("RefundDeskScreen", "Exchange"),
        QCoreApplication.translate("RefundDeskScreen", "Session:"),
        labels,
        0,
        False,
    )
    return choices[labels.index(label)] if ok and label in labels else None


def ask_proof_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("RefundDeskScreen", "Attach proof"),
        "",
        QCoreApplication.translate("RefundDeskScreen", "Images and PDF (*.jpg *.jpeg *.png *.pdf)"),
    )
    return Path(name) if name else None


def ask_override(parent: QWidget) -> Override | None:
    """The reason first (what the supervisor approves), then the supervisor types the PIN."""
    reason, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("RefundDeskScreen", "Override"),
        QCoreApplication.translate("RefundDeskScreen", "Reason:"),
    )
    if not ok or not reason.strip():
        return None
    pin, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("RefundDeskScreen", "Override"),
        QCoreApplication.translate("RefundDeskScreen", "Supervisor PIN:"),
        QLineEdit.EchoMode.Password,
    )
    return Override(pin, reason) if ok and pin else None
