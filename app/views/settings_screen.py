"""The settings screen: this station's devices, language and servers; the venue's policy.

Station settings are declared in app.settings; this screen edits them and saves the file.
Enrollment asks the central server for this station's token with a one-time code. The venue
policy comes from the central server and is shown read-only here; managers change it there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.statuses import Role
from app.errors import describe
from app.i18n import LANGUAGES
from app.services.auth import StaffMember
from app.settings import DECODERS, OPTIONS, SettingError, Settings
from app.views.screen import Screen
from app.views.tasks import TaskRunner


class SettingsActions(Protocol):
    def load(self) -> Settings: ...

    def save(self, settings: Settings) -> None: ...

    def enroll(self, server_url: str, code: str, station_name: str) -> str: ...

    def venue_policy(self) -> dict[str, Any]: ...

    def command_sheet(self) -> str: ...

    def station_role(self) -> str | None: ...


class SettingsScreen(Screen):
    key = "settings"
    roles = frozenset({Role.MANAGER, Role.ADMIN})
    saved = Signal(object)
    set_aside_requested = Signal()  # "Records set aside…": the console opens the list

    def __init__(
        self,
        actions: SettingsActions,
        runner: TaskRunner,
        staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._runner = runner
        self._staff = staff
        self._settings = Settings()

        self.camera = QLineEdit()
        self.decoder = QComboBox()
        for name in DECODERS:
            self.decoder.addItem(name, name)
        self.serial_port = QLineEdit()
        self.serial_baud = QComboBox()
        for baud in OPTIONS["serial_baud"].choices or ():
            self.serial_baud.addItem(str(baud), baud)
        self.sounds = QCheckBox()
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.door = QLineEdit()
        self.server_url = QLineEdit()
        self.fallback_url = QLineEdit()
        self.printer = QLineEdit()
        self.receipt_size = QComboBox()
        for size in OPTIONS["receipt_size"].choices or ():
            self.receipt_size.addItem(str(size), size)
        self.verdict_seconds = QSpinBox()
        self.verdict_seconds.setRange(
            OPTIONS["verdict_seconds"].minimum or 2, OPTIONS["verdict_seconds"].maximum or 60
        )
        self.fullscreen = QCheckBox()

        self.devices_box = QGroupBox()
        self.devices_form = QFormLayout(self.devices_box)
        self.server_box = QGroupBox()
        self.server_form = QFormLayout(self.server_box)
        self.enroll_code = QLineEdit()
        self.enroll_code.setObjectName("enrollCode")
        self.station_name = QLineEdit()
        self.station_role = QLabel()  # read-only: the enrollment code's issuer chose it
        self.station_role.setObjectName("stationRole")
        self._role: str | None = None
        self.enroll_button = QPushButton()
        self.enroll_button.clicked.connect(self._enroll)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self._save)
        self.sheet_button = QPushButton()
        self.sheet_button.clicked.connect(self._command_sheet)
        self.set_aside_button = QPushButton()
        self.set_aside_button.setObjectName("openSetAside")
        self.set_aside_button.clicked.connect(self.set_aside_requested)
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.policy_box = QGroupBox()
        self.policy = QPlainTextEdit()
        self.policy.setReadOnly(True)
        policy_layout = QVBoxLayout(self.policy_box)
        policy_layout.addWidget(self.policy)

        self._labels: dict[str, QLabel] = {}
        for form, names in (
            (
                self.devices_form,
                [
                    "camera",
                    "decoder",
                    "serial_port",
                    "serial_baud",
                    "sounds",
                    "language",
                    "door",
                    "printer",
                    "receipt_size",
                    "verdict_seconds",
                    "fullscreen",
                ],
            ),
            (
                self.server_form,
                ["server_url", "fallback_url", "station_role", "station_name", "enroll_code"],
            ),
        ):
            for name in names:
                label = QLabel()
                self._labels[name] = label
                form.addRow(label, getattr(self, name))
        self.server_form.addRow(self.enroll_button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.sheet_button)
        buttons.addWidget(self.set_aside_button)
        buttons.addStretch(1)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.devices_box)
        left.addWidget(self.server_box)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(self.policy_box, 1)
        QVBoxLayout(self).addLayout(columns)
        self.retranslate()

    # --- load and save --------------------------------------------------------------------

    def activated(self) -> None:
        self._runner.run(self._actions.load, self._show, self._failed)
        self._runner.run(self._actions.venue_policy, self._show_policy, self._failed)
        self._runner.run(self._actions.station_role, self._show_role, self._failed)

    def _show_role(self, role: str | None) -> None:
        self._role = role
        self.station_role.setText(self._role_text(role))

    def _role_text(self, role: str | None) -> str:
        texts = {
            "door": self.tr("Door"),
            "box_office": self.tr("Box office"),
            "office": self.tr("Office (manager's PC)"),
            "combined": self.tr("Door, box office and office on one PC"),
        }
        return texts.get(role or "", self.tr("Not known yet: sync once"))

    def _show(self, settings: Settings) -> None:
        self._settings = settings
        self.camera.setText(settings.camera)
        self.decoder.setCurrentIndex(max(0, self.decoder.findData(settings.decoder)))
        self.serial_port.setText(settings.serial_port)
        self.serial_baud.setCurrentIndex(max(0, self.serial_baud.findData(settings.serial_baud)))
        self.sounds.setChecked(settings.sounds)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.door.setText(settings.door)
        self.server_url.setText(settings.server_url)
        self.fallback_url.setText(settings.fallback_url)
        self.printer.setText(settings.printer)
        self.receipt_size.setCurrentIndex(max(0, self.receipt_size.findData(settings.receipt_size)))
        self.verdict_seconds.setValue(settings.verdict_seconds)
        self.fullscreen.setChecked(settings.fullscreen)

    def _show_policy(self, policy: dict[str, Any]) -> None:
        self.policy.setPlainText(json.dumps(policy, ensure_ascii=False, indent=2))

    def collect(self) -> Settings:
        return self._settings.with_changes(
            camera=self.camera.text().strip(),
            decoder=self.decoder.currentData(),
            serial_port=self.serial_port.text().strip(),
            serial_baud=self.serial_baud.currentData(),
            sounds=self.sounds.isChecked(),
            language=self.language.currentData(),
            door=self.door.text().strip() or "1",
            server_url=self.server_url.text().strip(),
            fallback_url=self.fallback_url.text().strip(),
            printer=self.printer.text().strip(),
            receipt_size=self.receipt_size.currentData(),
            verdict_seconds=self.verdict_seconds.value(),
            fullscreen=self.fullscreen.isChecked(),
        )

    def _save(self) -> None:
        try:
            settings = self.collect()
        except SettingError as exc:
            self.message.setText(exc.message)
            return
        self._runner.run_write(
            lambda: self._actions.save(settings),
            lambda _: self._saved(settings),
            self._failed,
        )

    def _saved(self, settings: Settings) -> None:
        self._settings = settings
        self.message.setText(self.tr("Saved. Camera and scanner changes apply now."))
        self.saved.emit(settings)

    def _enroll(self) -> None:
        url = self.server_url.text().strip()
        code = self.enroll_code.text().strip()
        name = self.station_name.text().strip() or self.tr("Door %1").replace(
            "%1", self.door.text()
        )
        if not url or not code:
            self.message.setText(self.tr("Type the server address and the one-time code first."))
            return
        self.message.setText(self.tr("Enrolling…"))
        self._runner.run_write(
            lambda: self._actions.enroll(url, code, name),
            lambda venue: self.message.setText(
                self.tr("Enrolled with venue %1. The token is kept in the system keyring.").replace(
                    "%1", str(venue)
                )
            ),
            self._failed,
        )

    def _command_sheet(self) -> None:
        self._runner.run(
            self._actions.command_sheet,
            lambda path: self.message.setText(
                self.tr("Command barcodes saved to %1. Print it and keep it at the door.").replace(
                    "%1", path
                )
            ),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        code, message = describe(exc)
        self.message.setText(self.tr("Failed: %1").replace("%1", message))

    # --- texts ----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Settings")

    def retranslate(self) -> None:
        texts = {
            "camera": self.tr("Camera (number or video file)"),
            "decoder": self.tr("Barcode decoder"),
            "serial_port": self.tr("Serial scanner port"),
            "serial_baud": self.tr("Serial speed"),
            "sounds": self.tr("Sounds"),
            "language": self.tr("Language"),
            "door": self.tr("Door label"),
            "printer": self.tr("Receipt printer"),
            "receipt_size": self.tr("Receipt paper"),
            "verdict_seconds": self.tr("Verdict shown for (s)"),
            "fullscreen": self.tr("Full screen at start"),
            "server_url": self.tr("Central server"),
            "fallback_url": self.tr("Fallback service"),
            "station_role": self.tr("Station role"),
            "station_name": self.tr("Station name"),
            "enroll_code": self.tr("One-time code"),
        }
        for name, label in self._labels.items():
            label.setText(texts[name])
        self.station_role.setText(self._role_text(self._role))
        self.devices_box.setTitle(self.tr("This station"))
        self.server_box.setTitle(self.tr("Server and enrollment"))
        self.policy_box.setTitle(self.tr("Venue policy (set on the central server)"))
        self.enroll_button.setText(self.tr("Enroll this station"))
        self.save_button.setText(self.tr("Save"))
        self.sheet_button.setText(self.tr("Command barcodes (PDF)"))
        self.set_aside_button.setText(self.tr("Records set aside…"))
        staff = self._staff()
        editable = staff is not None and staff.role in {Role.MANAGER, Role.ADMIN}
        self.save_button.setEnabled(editable)
        self.enroll_button.setEnabled(editable)
