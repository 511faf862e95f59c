"""The door screen: camera and typed IIN on the left, the verdict in the middle, the group and the
visitors' own check-ins on the right, entry/exit mode and occupancy always in sight.

Every scan goes to the door service through the task runner's single writer, so scans are
checked one at a time in the order they came and none is dropped while another is in flight.
The service commits the visit before it answers; the banner shows only what is recorded.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.iin import IinError, normalize, validate_iin
from app.core.statuses import Direction, InputMethod, Role
from app.errors import describe
from app.services.auth import StaffMember
from app.services.door_types import CheckinRow, DoorOutcome, Occupancy, OrderView
from app.views.camera_panel import CameraPanel
from app.views.group_panel import GroupPanel
from app.views.screen import ScanInput, Screen
from app.views.tasks import TaskRunner
from app.views.texts import status_word
from app.views.verdict import STATUS_COLOURS, VerdictBanner, VerdictView, text_colour_for


class DoorActions(Protocol):
    def check(
        self, text: str, *, method: str, direction: str, staff_id: uuid.UUID, reentry: bool = False
    ) -> DoorOutcome: ...

    def answer_check(
        self, visit_id: uuid.UUID, *, admit: bool, staff_id: uuid.UUID
    ) -> DoorOutcome: ...

    def override(
        self, visit_id: uuid.UUID, *, supervisor_pin: str, staff_id: uuid.UUID
    ) -> DoorOutcome: ...

    def occupancy(self) -> Occupancy: ...

    def recent_checkins(self, limit: int = 30) -> list[CheckinRow]: ...


class DoorScreen(Screen):
    key = "door"
    roles = frozenset({Role.DOOR, Role.MANAGER, Role.ADMIN})
    accepts_scans = True

    def __init__(
        self,
        actions: DoorActions,
        runner: TaskRunner,
        staff: Callable[[], StaffMember | None],
        play_sound: Callable[[str], None] = lambda kind: None,
        hold_seconds: int = 6,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._runner = runner
        self._staff = staff
        self._play = play_sound
        self.direction = Direction.ENTRY
        self.last_outcome: DoorOutcome | None = None
        self._pending_check: DoorOutcome | None = None
        self._occupancy: Occupancy | None = None
        self.in_flight = 0

        self.camera = CameraPanel()
        self.manual = QLineEdit()
        self.manual.setObjectName("manualIin")
        self.manual.setMaxLength(20)
        big = QFont()
        big.setPointSize(18)
        self.manual.setFont(big)
        self.manual.textEdited.connect(self._manual_edited)
        self.manual.returnPressed.connect(self._manual_submitted)
        self.manual_hint = QLabel()
        self.manual_hint.setObjectName("manualHint")
        self.manual_hint.setWordWrap(True)
        self.manual_label = QLabel()

        self.entry_button = QPushButton()
        self.entry_button.setObjectName("entryMode")
        self.exit_button = QPushButton()
        self.exit_button.setObjectName("exitMode")
        mode_group = QButtonGroup(self)
        for button in (self.entry_button, self.exit_button):
            button.setCheckable(True)
            button.setMinimumHeight(56)
            button.setFont(big)
            mode_group.addButton(button)
        self.entry_button.setChecked(True)
        self.entry_button.clicked.connect(lambda: self.set_direction(Direction.ENTRY))
        self.exit_button.clicked.connect(lambda: self.set_direction(Direction.EXIT))
        modes = QHBoxLayout()
        modes.addWidget(self.entry_button)
        modes.addWidget(self.exit_button)

        self.occupancy_label = QLabel()
        self.occupancy_label.setObjectName("occupancy")
        occ_font = QFont()
        occ_font.setPointSize(20)
        occ_font.setBold(True)
        self.occupancy_label.setFont(occ_font)
        self.occupancy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        left = QVBoxLayout()
        left.addWidget(self.camera, 3)
        left.addWidget(self.manual_label)
        left.addWidget(self.manual)
        left.addWidget(self.manual_hint)
        left.addLayout(modes)
        left.addWidget(self.occupancy_label)

        self.banner = VerdictBanner(hold_seconds=hold_seconds)
        self.banner.confirmed.connect(lambda: self._answer(True))
        self.banner.refused.connect(lambda: self._answer(False))
        self.banner.override_requested.connect(self._override)

        self.group = GroupPanel()
        self.checkins_title = QLabel()
        self.checkins = QListWidget()
        self.checkins.setObjectName("checkinList")
        right = QVBoxLayout()
        right.addWidget(self.group, 3)
        right.addWidget(self.checkins_title)
        right.addWidget(self.checkins, 2)

        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addWidget(self.banner, 5)
        row.addLayout(right, 2)

        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=lambda: self._answer(False))
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, activated=self.toggle_direction)
        self.retranslate()

    # --- scans ------------------------------------------------------------------------------

    def handle_scan(self, scan: ScanInput) -> bool:
        self.submit(scan.text, scan.method)
        return True

    def submit(
        self,
        text: str,
        method: InputMethod | str,
        *,
        reentry: bool = False,
        direction: Direction | None = None,
    ) -> None:
        member = self._staff()
        if member is None:
            return
        chosen = direction or self.direction
        self.in_flight += 1
        self._runner.run_write(
            lambda: self._actions.check(
                text,
                method=str(method),
                direction=str(chosen),
                staff_id=member.id,
                reentry=reentry,
            ),
            lambda outcome: self._show_outcome(outcome, text, method),
            self._failed,
        )

    def _show_outcome(self, outcome: DoorOutcome, text: str, method: InputMethod | str) -> None:
        self.in_flight -= 1
        kind = outcome.kind
        if kind == "already_inside":
            self._ask_exit(text, method)
            return
        if kind == "command":
            self._command(outcome.command or "")
            return
        if kind == "ticket" and outcome.order is not None:
            self.group.show_order(outcome.order)
        if kind == "venue_poster":
            view = VerdictView(
                verdict="needs_check",
                status=None,
                reason="venue_poster",
                message=self.tr("This is the venue's own poster. Scan the visitor's code."),
                title=self.tr("VENUE POSTER"),
            )
            self.banner.show_verdict(view)
            self.banner.confirm_button.hide()
            self.banner.refuse_button.hide()
            self._play("check")
            return
        if kind == "rejected":
            view = VerdictView(
                verdict="deny",
                status="not_found",
                reason=outcome.code or "rejected",
                message=outcome.message,
                title=self.tr("CANNOT READ"),
            )
            self.banner.show_verdict(view)
            self._play("deny")
            self.last_outcome = outcome
            return
        self.last_outcome = outcome
        self._pending_check = outcome if outcome.verdict == "needs_check" else None
        self.banner.show_verdict(self._view_of(outcome))
        if outcome.order is not None:
            self.group.show_order(outcome.order)
        self._play({"admit": "admit", "deny": "deny"}.get(outcome.verdict or "", "check"))
        self.refresh_occupancy()

    def _view_of(self, outcome: DoorOutcome) -> VerdictView:
        title = None
        note = outcome.note
        if outcome.kind == "ticket":
            title = self._ticket_title(outcome)
            note = self._ticket_used_note(outcome) or note
        return VerdictView(
            verdict=outcome.verdict or "deny",
            status=outcome.status,
            reason=outcome.reason,
            message=outcome.message,
            note=note,
            source=outcome.source,
            age_s=outcome.age_s,
            direction=outcome.direction,
            title=title,
            overridable=outcome.overridable,
        )

    def _ticket_used_note(self, outcome: DoorOutcome) -> str | None:
        """ "Used at 19:02 at door 2" for a ticket another door (or this one) already admitted."""
        if outcome.reason != "already_used" or outcome.order is None:
            return None
        for member in outcome.order.members:
            if member.ticket_code == outcome.ticket_code and member.used_at is not None:
                return (
                    self.tr("Used at %1 at door %2")
                    .replace("%1", member.used_at.astimezone().strftime("%H:%M"))
                    .replace("%2", member.used_door or "?")
                )
        return None

    def _ticket_title(self, outcome: DoorOutcome) -> str:
        if outcome.verdict == "admit":
            return self.tr("TICKET VALID — check each person")
        return self.tr("TICKET NOT VALID")

    def _failed(self, exc: BaseException) -> None:
        self.in_flight -= 1
        code, message = describe(exc)
        view = VerdictView(
            verdict="deny",
            status=None,
            reason=code,
            message=self.tr(
                "Not checked: %1. Scan again; nothing was recorded for this scan."
            ).replace("%1", message),
            title=self.tr("ERROR"),
        )
        self.banner.show_verdict(view)
        self._play("deny")

    def _ask_exit(self, text: str, method: InputMethod | str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Already inside"),
            self.tr("This person is already inside. Is this an exit?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.submit(text, method, direction=Direction.EXIT)
        else:
            self.submit(text, method, reentry=True)

    def _command(self, command: str) -> None:
        if command == "entry_mode":
            self.set_direction(Direction.ENTRY)
        elif command == "exit_mode":
            self.set_direction(Direction.EXIT)
        elif (
            command == "repeat_last"
            and self.last_outcome is not None
            and self.last_outcome.kind in {"verdict", "ticket"}
        ):
            self.banner.show_verdict(self._view_of(self.last_outcome))

    # --- needs-check answers and overrides --------------------------------------------------

    def _answer(self, admit: bool) -> None:
        pending = self._pending_check
        member = self._staff()
        if pending is None or pending.visit_id is None or member is None:
            return
        self._pending_check = None
        visit_id = pending.visit_id
        self.in_flight += 1
        self._runner.run_write(
            lambda: self._actions.answer_check(visit_id, admit=admit, staff_id=member.id),
            lambda outcome: self._show_outcome(outcome, "", InputMethod.MANUAL),
            self._failed,
        )

    def _override(self) -> None:
        last = self.last_outcome
        member = self._staff()
        if last is None or last.visit_id is None or member is None:
            return
        pin, ok = QInputDialog.getText(
            self,
            self.tr("Supervisor override"),
            self.tr("A supervisor admits this visitor. Supervisor's PIN:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not pin:
            return
        visit_id = last.visit_id
        self.in_flight += 1
        self._runner.run_write(
            lambda: self._actions.override(visit_id, supervisor_pin=pin, staff_id=member.id),
            lambda outcome: self._show_outcome(outcome, "", InputMethod.MANUAL),
            lambda exc: self._override_failed(last, exc),
        )

    def _override_failed(self, last: DoorOutcome, exc: BaseException) -> None:
        """A refused override (wrong PIN, red status) leaves the denial on screen, still open
        to a supervisor, and says why; the denial itself was recorded at the scan."""
        self.in_flight -= 1
        code, message = describe(exc)  # the service's words, e.g. "not a supervisor's PIN"
        if code == "needs_server":
            message = self.tr(
                "No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits."
            )
        self.banner.show_verdict(replace(self._view_of(last), note=message))
        self._play("deny")

    # --- manual IIN entry --------------------------------------------------------------------

    def _manual_edited(self, text: str) -> None:
        self.manual_hint.setStyleSheet("")
        digits = normalize(text)
        if not digits:
            self.manual_hint.setText(self.tr("12 digits; spaces and dashes are ignored."))
            return
        if not digits.isdigit():
            self.manual_hint.setText(self.tr("Only digits, please."))
            self.manual_hint.setStyleSheet("color: #b00020;")
            return
        if len(digits) < 12:
            self.manual_hint.setText(self.tr("%1 of 12 digits").replace("%1", str(len(digits))))
            return
        try:
            validate_iin(digits)
        except IinError as exc:
            self.manual_hint.setText(self._iin_error_text(exc.code))
            self.manual_hint.setStyleSheet("color: #b00020; font-weight: bold;")
            return
        self.manual_hint.setText(self.tr("Valid IIN. Press Enter to check."))
        self.manual_hint.setStyleSheet("color: #1b5e20; font-weight: bold;")

    def _iin_error_text(self, code: str) -> str:
        texts = {
            "length": self.tr("An IIN has exactly 12 digits."),
            "characters": self.tr("Only digits, please."),
            "check_digit": self.tr("Wrong check digit: a digit was mistyped. Check the IIN."),
            "never_issued": self.tr("No such IIN is ever issued. Check the digits."),
            "empty": self.tr("Type the IIN."),
        }
        return texts.get(code, self.tr("Not a valid IIN."))

    def _manual_submitted(self) -> None:
        text = self.manual.text().strip()
        if not text:
            if self._pending_check is not None:
                self._answer(True)  # Enter on an empty field confirms a pending check
            return
        try:
            validate_iin(text)
        except IinError as exc:
            self.manual_hint.setText(self._iin_error_text(exc.code))
            return
        self.manual.clear()  # the IIN is not left on screen after the check
        self.manual_hint.clear()
        self.submit(text, InputMethod.MANUAL)

    # --- mode, occupancy, check-ins ------------------------------------------------------

    def set_direction(self, direction: Direction) -> None:
        self.direction = direction
        self.entry_button.setChecked(direction == Direction.ENTRY)
        self.exit_button.setChecked(direction == Direction.EXIT)
        colour = "#1b7f2a" if direction == Direction.ENTRY else "#6a1b9a"
        for button, on in (
            (self.entry_button, Direction.ENTRY),
            (self.exit_button, Direction.EXIT),
        ):
            button.setStyleSheet(
                f"background: {colour}; color: white; font-weight: bold;" if direction == on else ""
            )

    def toggle_direction(self) -> None:
        self.set_direction(Direction.EXIT if self.direction == Direction.ENTRY else Direction.ENTRY)

    def refresh_occupancy(self) -> None:
        self._runner.run(self._actions.occupancy, self._show_occupancy, lambda exc: None)

    def _show_occupancy(self, occupancy: Occupancy) -> None:
        self._occupancy = occupancy  # kept so a language switch can re-word it
        if occupancy.capacity is None:
            text = self.tr("Inside: %1").replace("%1", str(occupancy.inside))
        else:
            text = (
                self.tr("Inside: %1 / %2")
                .replace("%1", str(occupancy.inside))
                .replace("%2", str(occupancy.capacity))
            )
        if occupancy.full:
            text += "  " + self.tr("FULL")
            self.occupancy_label.setStyleSheet("color: white; background: #c4161c;")
        else:
            self.occupancy_label.setStyleSheet("")
        self.occupancy_label.setText(text)

    def refresh_checkins(self) -> None:
        self._runner.run(self._actions.recent_checkins, self._show_checkins, lambda exc: None)

    def add_checkin(self, row: CheckinRow) -> None:
        self.checkins.insertItem(0, self._checkin_item(row))
        while self.checkins.count() > 50:
            self.checkins.takeItem(self.checkins.count() - 1)

    def _show_checkins(self, rows: list[CheckinRow]) -> None:
        self.checkins.clear()
        for row in rows:
            self.checkins.addItem(self._checkin_item(row))

    def _checkin_item(self, row: CheckinRow) -> QListWidgetItem:
        local: datetime = row.at.astimezone()
        item = QListWidgetItem(f"{local:%H:%M}  {status_word(row.status)}  ·  {row.person_tag}")
        colour = STATUS_COLOURS.get(row.status, "#5f6368")
        item.setForeground(QColor(text_colour_for(colour)))
        item.setBackground(QColor(colour))
        return item

    def show_order(self, order: OrderView) -> None:
        self.group.show_order(order)

    def activated(self) -> None:
        self.refresh_occupancy()
        self.refresh_checkins()
        self.manual.setFocus()

    # --- texts ----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Door")

    def retranslate(self) -> None:
        self.manual_label.setText(self.tr("Type the IIN (no phone, no ID card):"))
        self.manual.setPlaceholderText(self.tr("IIN, 12 digits"))
        self.entry_button.setText(self.tr("→ ENTRY"))
        self.exit_button.setText(self.tr("← EXIT"))
        self.checkins_title.setText(self.tr("Visitors' own check-ins (poster QR)"))
        self.set_direction(self.direction)
        self._manual_edited(self.manual.text())
        if self._occupancy is not None:
            self._show_occupancy(self._occupancy)
