"""The visit log screen: every check, newest first, filtered in the database, no IIN shown.

`VisitTableModel` is a thin model (DESIGN.md habit 9): column constants, translated headers, rows
fetched a page at a time in a worker as the view scrolls (canFetchMore/fetchMore).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.statuses import Direction, InputMethod, Role, Status, Verdict
from app.services.visit_log import PAGE_SIZE, LogFilter, VisitLog, VisitRow, cursor_of
from app.views.screen import Screen
from app.views.tasks import TaskRunner
from app.views.texts import direction_word, method_word, reason_text, status_word, verdict_word
from app.views.verdict import STATUS_COLOURS, text_colour_for

Index = QModelIndex | QPersistentModelIndex

(
    COL_TIME,
    COL_DIRECTION,
    COL_STATUS,
    COL_VERDICT,
    COL_REASON,
    COL_METHOD,
    COL_DOOR,
    COL_STAFF,
    COL_PERSON,
    COL_FLAGS,
) = range(10)
COLUMNS = 10


class VisitTableModel(QAbstractTableModel):
    def __init__(self, log: VisitLog, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log = log
        self._runner = runner
        self.rows: list[VisitRow] = []
        self.filter = LogFilter()
        self._more = True
        self._loading = False
        self._generation = 0

    # --- loading ----------------------------------------------------------------------------

    def reload(self, f: LogFilter) -> None:
        self.beginResetModel()
        self.rows = []
        self.filter = f
        self._more = True
        self._loading = False
        self._generation += 1
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 (Qt override)
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 (Qt override)
        if parent.isValid() or not self._more or self._loading:
            return
        self._loading = True
        generation = self._generation
        after = cursor_of(self.rows[-1]) if self.rows else None
        f = self.filter
        self._runner.run(
            lambda: self._log.page(f, after, PAGE_SIZE),
            lambda rows: self._append(generation, rows),
            lambda exc: self._stop(generation),
        )

    def _append(self, generation: int, rows: list[VisitRow]) -> None:
        if generation != self._generation:
            return  # a page for an old filter
        self._more = len(rows) == PAGE_SIZE
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        # Only now: a fetchMore re-entered from the insert signals (a view, a model tester)
        # would otherwise page on from the old last row and load this page a second time.
        self._loading = False

    def _stop(self, generation: int) -> None:
        if generation == self._generation:
            self._loading = False
            self._more = False

    # --- the model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [
            self.tr("Time"),
            self.tr("Direction"),
            self.tr("Status"),
            self.tr("Verdict"),
            self.tr("Reason"),
            self.tr("Method"),
            self.tr("Door"),
            self.tr("Staff"),
            self.tr("Person"),
            self.tr("Flags"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_STATUS and row.status:
            return QColor(STATUS_COLOURS.get(row.status, "#5f6368"))
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS and row.status:
            return QColor(text_colour_for(STATUS_COLOURS.get(row.status, "#5f6368")))
        return None

    def _display(self, row: VisitRow, column: int) -> str:
        if column == COL_TIME:
            return row.occurred_at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
        if column == COL_DIRECTION:
            return direction_word(row.direction)
        if column == COL_STATUS:
            return status_word(row.status) if row.status else "—"
        if column == COL_VERDICT:
            return verdict_word(row.verdict)
        if column == COL_REASON:
            return reason_text(row.reason, row.reason)
        if column == COL_METHOD:
            return method_word(row.method)
        if column == COL_DOOR:
            return row.door or ""
        if column == COL_STAFF:
            return row.staff_name or ""
        if column == COL_PERSON:
            return row.person_tag or ""
        flags = []
        if row.test_mode:
            flags.append(self.tr("test"))
        if row.offline:
            flags.append(self.tr("offline"))
        if not row.synced:
            flags.append(self.tr("not sent yet"))
        return ", ".join(flags)


class VisitLogScreen(Screen):
    key = "log"
    roles = frozenset({Role.DOOR, Role.MANAGER, Role.ADMIN})

    def __init__(self, log: VisitLog, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log = log
        self._runner = runner
        self.model = VisitTableModel(log, runner, self)
        self.table = QTableView()
        self.table.setObjectName("visitTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.date_from = QDateEdit(QDate.currentDate())
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.direction = QComboBox()
        self.status = QComboBox()
        self.verdict = QComboBox()
        self.method = QComboBox()
        self.door = QComboBox()
        self.staff = QComboBox()
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply)
        self.count_label = QLabel()
        self._from_label = QLabel()
        self._to_label = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(self._from_label)
        filters.addWidget(self.date_from)
        filters.addWidget(self._to_label)
        filters.addWidget(self.date_to)
        for box in (self.direction, self.status, self.verdict, self.method, self.door, self.staff):
            filters.addWidget(box)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.retranslate()

    def _fill(self, box: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        for text, value in items:
            box.addItem(text, value)
        index = box.findData(current)
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)

    def current_filter(self) -> LogFilter:
        start = self.date_from.date().toPython()
        end = self.date_to.date().toPython() + timedelta(days=1)
        local = datetime.now().astimezone().tzinfo or UTC
        return LogFilter(
            since=datetime.combine(start, time.min, local),
            until=datetime.combine(end, time.min, local),
            direction=self.direction.currentData(),
            status=self.status.currentData(),
            verdict=self.verdict.currentData(),
            method=self.method.currentData(),
            door=self.door.currentData(),
            staff_id=self.staff.currentData(),
        )

    def apply(self) -> None:
        f = self.current_filter()
        self.model.reload(f)
        self._runner.run(
            lambda: self._log.count(f),
            lambda n: self.count_label.setText(self.tr("%n visit(s)", "", n)),
            lambda exc: None,
        )

    def activated(self) -> None:
        self._runner.run(self._log.doors, self._doors_loaded, lambda exc: None)
        self._runner.run(self._log.staff, self._staff_loaded, lambda exc: None)
        self.apply()

    def _doors_loaded(self, doors: list[str]) -> None:
        self._fill(self.door, [(self.tr("All doors"), None)] + [(d, d) for d in doors])

    def _staff_loaded(self, staff: list[tuple[Any, str]]) -> None:
        self._fill(self.staff, [(self.tr("All staff"), None)] + [(n, i) for i, n in staff])

    def title(self) -> str:
        return self.tr("Visit log")

    def retranslate(self) -> None:
        self._from_label.setText(self.tr("From"))
        self._to_label.setText(self.tr("to"))
        self.apply_button.setText(self.tr("Show"))
        self._fill(
            self.direction,
            [(self.tr("All directions"), None)] + [(direction_word(d.value), d) for d in Direction],
        )
        self._fill(
            self.status,
            [(self.tr("All colours"), None)] + [(status_word(s.value), s) for s in Status],
        )
        self._fill(
            self.verdict,
            [(self.tr("All verdicts"), None)] + [(verdict_word(v.value), v) for v in Verdict],
        )
        self._fill(
            self.method,
            [(self.tr("All methods"), None)] + [(method_word(m.value), m) for m in InputMethod],
        )
        if self.door.count() == 0:
            self._fill(self.door, [(self.tr("All doors"), None)])
        if self.staff.count() == 0:
            self._fill(self.staff, [(self.tr("All staff"), None)])
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
