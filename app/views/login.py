"""Log in and unlock: pick your name, type your PIN (keyboard or the on-screen pad).

Door PCs have touch screens and gloved hands at 9 pm, so the names and the keys are big. The PIN is
checked in a worker (the hash is slow on purpose) and the screen says plainly what went wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol
from uuid import UUID

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.pins import MAX_PIN_LENGTH
from app.errors import describe
from app.services.auth import LoginRefused, StaffMember
from app.views.tasks import TaskRunner
from app.views.texts import role_name


class AuthLike(Protocol):
    def list_staff(self) -> list[StaffMember]: ...

    def login(self, staff_id: UUID, pin: str) -> StaffMember: ...


class LoginScreen(QWidget):
    """Emits `logged_in(StaffMember)`; in locked mode it names who locked the console."""

    logged_in = Signal(object)

    def __init__(self, auth: AuthLike, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._auth = auth
        self._runner = runner
        self._locked_by: StaffMember | None = None
        self._busy = False

        self._heading = QLabel()
        heading_font = QFont()
        heading_font.setPointSize(22)
        heading_font.setBold(True)
        self._heading.setFont(heading_font)
        self._heading.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._names = QListWidget()
        self._names.setObjectName("staffList")
        big = QFont()
        big.setPointSize(16)
        self._names.setFont(big)
        self._names.setMinimumWidth(320)
        self._names.currentItemChanged.connect(lambda *_: self._pin.setFocus())

        self._pin = QLineEdit()
        self._pin.setObjectName("pinEdit")
        self._pin.setEchoMode(QLineEdit.EchoMode.Password)
        self._pin.setMaxLength(MAX_PIN_LENGTH)  # supervisors may have up to 12 digits
        self._pin.setFont(big)
        self._pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pin.returnPressed.connect(self._submit)

        self._message = QLabel()
        self._message.setObjectName("loginMessage")
        self._message.setWordWrap(True)
        self._message.setStyleSheet("color: #b00020; font-size: 15pt;")

        pad = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        self._ok_button: QPushButton | None = None
        for i, key in enumerate(keys):
            button = QPushButton(key)
            button.setMinimumSize(80, 64)
            button.setFont(big)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(self._pad_handler(key))
            pad.addWidget(button, i // 3, i % 3)
            if key == "OK":
                self._ok_button = button

        self._pin_label = QLabel()
        right = QVBoxLayout()
        right.addWidget(self._pin_label)
        right.addWidget(self._pin)
        right.addLayout(pad)
        right.addWidget(self._message)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addStretch(1)
        columns.addWidget(self._names, 2)
        columns.addSpacing(32)
        columns.addLayout(right, 1)
        columns.addStretch(1)

        outer = QVBoxLayout(self)
        outer.addSpacing(24)
        outer.addWidget(self._heading)
        outer.addSpacing(16)
        outer.addLayout(columns, 1)
        self.retranslate()

    # --- public -------------------------------------------------------------------------

    def reload(self, locked_by: StaffMember | None = None) -> None:
        """Fill the list of names (in a worker: it reads the database)."""
        self._locked_by = locked_by
        self._pin.clear()
        self._message.clear()
        self.retranslate()
        self._runner.run(self._auth.list_staff, self._fill, self._failed)

    # --- internals ----------------------------------------------------------------------

    def _fill(self, staff: list[StaffMember]) -> None:
        self._names.clear()
        for member in staff:
            item = QListWidgetItem(f"{member.name}  —  {role_name(member.role)}")
            item.setData(Qt.ItemDataRole.UserRole, member)
            self._names.addItem(item)
            if self._locked_by is not None and member.id == self._locked_by.id:
                self._names.setCurrentItem(item)
        if self._names.currentItem() is None and self._names.count():
            self._names.setCurrentRow(0)
        if not staff:
            self._message.setText(
                self.tr("No staff are set up for this station yet. Enroll the station first.")
            )
        self._pin.setFocus()

    def _pad_handler(self, key: str) -> Callable[[], None]:
        def press() -> None:
            if key == "⌫":
                self._pin.backspace()
            elif key == "OK":
                self._submit()
            else:
                self._pin.insert(key)

        return press

    def _submit(self) -> None:
        if self._busy:
            return
        item = self._names.currentItem()
        if item is None:
            self._message.setText(self.tr("Choose your name first."))
            return
        member: StaffMember = item.data(Qt.ItemDataRole.UserRole)
        pin = self._pin.text()
        if not pin:
            self._message.setText(self.tr("Type your PIN."))
            return
        self._busy = True
        self._message.setText(self.tr("Checking…"))
        self._runner.run_write(lambda: self._auth.login(member.id, pin), self._done, self._failed)

    def _done(self, member: StaffMember) -> None:
        self._busy = False
        self._pin.clear()
        self._message.clear()
        self.logged_in.emit(member)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._pin.clear()
        if isinstance(exc, LoginRefused):
            if exc.code == "locked_out":
                self._message.setText(
                    self.tr(
                        "Too many wrong PINs. Try again in %n second(s).", "", exc.retry_after_s
                    )
                )
            elif exc.code == "needs_server":
                self._message.setText(
                    self.tr(
                        "Your PIN can be checked only by the server, which does not answer. Ask the administrator for a new PIN of 8 or more digits to work offline."
                    )
                )
            else:
                self._message.setText(self.tr("Wrong PIN. Try again."))
        else:
            code, message = describe(exc)
            self._message.setText(self.tr("Could not log in: %1").replace("%1", message))

    def retranslate(self) -> None:
        if self._locked_by is not None:
            self._heading.setText(
                self.tr("Locked by %1. Type your PIN to continue.").replace(
                    "%1", self._locked_by.name
                )
            )
        else:
            self._heading.setText(self.tr("Who is working at this station?"))
        self._pin_label.setText(self.tr("PIN"))
        self._pin.setPlaceholderText(self.tr("PIN"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
