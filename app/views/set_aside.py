"""The events the outbox set aside, for a manager: what, when, why, and a Retry button.

An event is set aside when the server refused it or failed on it alone while the rest went
through (see app/sync/outbox.py); it is kept and never sent again by itself. This dialog lists
them with the reason in the user's language (our own words for the codes we know, the
server's sentence otherwise) and puts the chosen ones (or all) back in the queue. Reading and
writing go through the task runner; the sync that follows is the caller's (`after_retry`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.views.tasks import TaskRunner


class SetAsideLike(Protocol):
    kind: str
    id: uuid.UUID
    created_at: datetime
    set_aside_at: datetime
    attempts: int
    code: str
    message: str


class SetAsideActions(Protocol):
    def events(self) -> Sequence[SetAsideLike]: ...

    def retry(self, ids: list[uuid.UUID] | None) -> int: ...


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class SetAsideDialog(QDialog):
    retried = Signal(int)  # how many were put back in the queue

    def __init__(
        self,
        actions: SetAsideActions,
        runner: TaskRunner,
        parent: QWidget | None = None,
        after_retry: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setAsideDialog")
        self._actions = actions
        self._runner = runner
        self._after_retry = after_retry
        self._events: list[SetAsideLike] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("setAsideTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(3):  # kind, time, attempts: as wide as their words
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("setAsideMessage")
        self.message.setWordWrap(True)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retrySetAside")
        self.retry_button.clicked.connect(self.retry)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 360)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self._runner.run(self._actions.events, self._show, self._failed)

    def _show(self, events: Sequence[SetAsideLike]) -> None:
        self._events = list(events)
        self.table.setRowCount(len(self._events))
        for row, event in enumerate(self._events):
            cells = [
                f"{self.kind_text(event.kind)} · {str(event.id)[:8]}",
                _when(event.created_at),
                str(event.attempts),
                self.reason_text(event.code, event.message),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{event.id}\n{event.code}: {event.message}")
                self.table.setItem(row, column, item)
        self.retry_button.setEnabled(bool(self._events))
        if not self._events:
            self.message.setText(self.tr("Nothing is set aside."))

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._events[row].id for row in rows if row < len(self._events)]

    def retry(self) -> None:
        """The selected events, or all of them when none is selected, go back in the queue."""
        ids = self.selected_ids() or None
        self.retry_button.setEnabled(False)
        self._runner.run_write(lambda: self._actions.retry(ids), self._retried, self._failed)

    def _retried(self, count: int) -> None:
        self.message.setText(
            self.tr("Sent again: %n. The result shows here after the sync.", "", count)
        )
        self.retried.emit(count)
        if self._after_retry is not None:
            self._runner.run(self._after_retry, lambda _: self.refresh(), self._failed)
        else:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.retry_button.setEnabled(bool(self._events))
        self.message.setText(self.tr("Failed: %1").replace("%1", str(exc)))

    # --- words ----------------------------------------------------------------------------

    def kind_text(self, kind: str) -> str:
        words = {
            "visit": self.tr("Visit"),
            "refund": self.tr("Refund"),
            "redemption": self.tr("Ticket admission"),
        }
        return words.get(kind, kind)

    def reason_text(self, code: str, message: str) -> str:
        """Our own words for the codes we know; the server's sentence for any other."""
        words = {
            "invalid": self.tr("The server cannot accept a value in this record."),
            "server_error": self.tr("The server fails on this record; the others were sent."),
            "unreadable": self.tr("This version of the console cannot read this record."),
            "rejected": self.tr("The server refused this record."),
            "already_refunded": self.tr("These tickets were already refunded."),
            "ticket_used": self.tr("The ticket was already used."),
            "amount_mismatch": self.tr("The amounts differ from the server's."),
        }
        return words.get(code) or message or code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Records set aside"))
        self.intro.setText(
            self.tr(
                "The server refused these records or failed on them, so they were set aside "
                "and everything else was sent. They are kept here. Retry once the cause is "
                "fixed: select some, or retry all."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Recorded"), self.tr("Attempts"), self.tr("Reason")]
        )
        self.retry_button.setText(self.tr("Retry"))
        self.close_button.setText(self.tr("Close"))
        if self._events:
            self._show(self._events)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
