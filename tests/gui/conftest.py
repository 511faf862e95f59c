"""Door console fixtures: a real central server on loopback, an enrolled console, a logged-in guard.

One `ashyq-central serve --demo-data` process per test module (tests that would disturb each
other, such as redeeming the same ticket, live in different modules or start their own server).
Enrolling spends a one-time code, so each module enrolls once into a template database and every
test gets a copy of it in its own temp folder, with its own in-memory keyring holding the
station's token and pseudonym key: a fresh database per test, no rate limit on enrollment hit.

`Door` wraps what a test drives: the real `Console.build` window (offscreen), logged in through
the login screen's PIN pad, with a `FakeSoundPlayer`, and helpers that read the database the way
an auditor would (raw SQL, not the services under test).
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QListWidget,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.statuses import Role
from app.devices.sounds import FakeSoundPlayer
from app.i18n import LanguageSwitcher
from app.models.venue import Venue
from app.resources import load_json
from app.services.context import open_station
from app.services.sync_service import enroll
from app.settings import Settings, save
from app.views.console import Console
from tests.e2e.conftest import ENROLL_CODE, CentralProcess, MemoryKeyring

DEMO = load_json("demo", "demo_codes.json")
IINS: dict[str, str] = dict(DEMO["iins"])
PINS = {Role.DOOR: "1111", Role.CASHIER: "2222", Role.MANAGER: "33333333", Role.ADMIN: "44444444"}
DOOR_NAME = "1"

# Scan-code set 1 of the number row (Windows' nativeScanCode), as a real wedge scanner sends.
DIGIT_SCAN_CODES = {d: 0x02 + i for i, d in enumerate("1234567890")}
ENTER_SCAN_CODE = 0x1C


# --- the server and the enrolled template ---------------------------------------------------


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralProcess]:
    server = CentralProcess(tmp_path_factory.mktemp("central")).start()
    yield server
    server.stop()


@dataclass(frozen=True)
class Template:
    db_path: Path
    secrets: dict[tuple[str, str], str]


@pytest.fixture(scope="module")
def template(central: CentralProcess, tmp_path_factory: pytest.TempPathFactory) -> Template:
    """One enrollment per module: the database (venue config and orders pulled) and secrets."""
    folder = tmp_path_factory.mktemp("enrolled")
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        result = enroll(central.url, ENROLL_CODE, "Door 1", folder / "console.sqlite3",
                        door=DOOR_NAME)  # fmt: skip
    finally:
        keyring.set_keyring(previous)
    assert result.config_pulled, "the demo venue's config was not pulled at enrollment"
    return Template(folder / "console.sqlite3", dict(backend.entries))


@pytest.fixture
def station_keyring(template: Template) -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    backend.entries.update(template.secrets)
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


# --- the console --------------------------------------------------------------------------


@dataclass
class Door:
    """A built console and what a test needs to drive and inspect it."""

    console: Console
    qtbot: QtBot
    db_path: Path
    home: Path
    server: CentralProcess
    sound: FakeSoundPlayer
    switcher: LanguageSwitcher
    dialogs: list[str] = field(default_factory=list)

    @property
    def window(self) -> Any:
        return self.console.window

    @property
    def screen(self) -> Any:
        return self.console.door

    # --- database, read as an auditor would -----------------------------------------------

    def rows(self, sql: str, *args: object) -> list[tuple[Any, ...]]:
        with contextlib.closing(sqlite3.connect(self.db_path, timeout=10)) as conn:
            return list(conn.execute(sql, args))

    def visit_count(self) -> int:
        return int(self.rows("SELECT count(*) FROM visit_event")[0][0])

    def visit(self, visit_id: uuid.UUID) -> dict[str, Any]:
        with contextlib.closing(sqlite3.connect(self.db_path, timeout=10)) as conn:
            conn.row_factory = sqlite3.Row
            row = conn.execute(
                "SELECT * FROM visit_event WHERE id = ? OR id = ?", (visit_id.hex, str(visit_id))
            ).fetchone()
        assert row is not None, f"visit {visit_id} is not in the database"
        return dict(row)

    def set_venue(self, **values: Any) -> None:
        """Change the local venue config (as a config pull would); sync is not running."""
        with self.console.ctx.sessions.begin() as session:
            venue = session.get(Venue, self.console.ctx.venue_code)
            assert venue is not None
            for name, value in values.items():
                setattr(venue, name, value)

    # --- the window, driven as a person would --------------------------------------------

    def log_in(self, role: Role, pin: str | None = None) -> None:
        """Pick the name of the member of staff with `role`, tap the PIN on the pad, OK."""
        login = self.window.findChild(QWidget, "staffList").parent()
        names = login.findChild(QListWidget, "staffList")
        self.qtbot.waitUntil(lambda: names.count() >= 4, timeout=10_000)
        for row in range(names.count()):
            if names.item(row).data(Qt.ItemDataRole.UserRole).role == role:
                names.setCurrentRow(row)
                break
        else:
            raise AssertionError(f"no {role} in the staff list")
        pad = {b.text(): b for b in login.findChildren(QPushButton)}
        for digit in pin or PINS[role]:
            self.qtbot.mouseClick(pad[digit], Qt.MouseButton.LeftButton)
        self.qtbot.mouseClick(pad["OK"], Qt.MouseButton.LeftButton)

    def wait_logged_in(self, role: Role) -> None:
        self.qtbot.waitUntil(
            lambda: self.window.staff is not None and self.window.staff.role == role,
            timeout=15_000,
        )

    def verdict_shown(self, previous: object = None) -> Callable[[], bool]:
        """A condition: the banner shows a verdict other than `previous`."""
        banner = self.screen.banner
        return lambda: banner.view is not None and banner.view is not previous

    def scan_and_wait(self, text: str, method: str = "wedge", timeout: int = 15_000) -> Any:
        """Send a scan through the window's router and wait until its verdict is painted."""
        from app.views.screen import ScanInput

        before = self.screen.banner.view
        visits = self.visit_count()
        self.window.receive_scan(ScanInput(text, method))  # type: ignore[arg-type]
        self.qtbot.waitUntil(self.verdict_shown(before), timeout=timeout)
        self.qtbot.waitUntil(lambda: self.screen.in_flight == 0, timeout=timeout)
        assert self.visit_count() >= visits
        return self.screen.banner.view

    def type_iin(self, text: str, *, enter: bool = True) -> None:
        """A person typing into the manual IIN field (~100 ms a key; no wedge burst)."""
        field_ = self.screen.manual
        field_.setFocus()
        for ch in text:
            self.qtbot.keyClick(field_, ch)
            self.qtbot.wait(40)
        if enter:
            self.qtbot.keyClick(field_, Qt.Key.Key_Return)
        # the wedge filter holds a key until the next one or its gap timer tells typing from a
        # scan: wait until every key typed has reached the field (a busy machine delays it)
        wedge = self.console.wedge.detector
        self.qtbot.waitUntil(lambda: not wedge.pending, timeout=5000)

    def wedge_burst(self, text: str, layout: str = "us", interval_s: float = 0.006) -> None:
        """A keyboard-wedge scanner typing `text` (US key positions) under `layout` into
        whatever widget has focus: keys `interval_s` apart, then Enter, no event processing
        in between (the scanner does not wait for the UI).

        The events carry the scanner's own timestamps, `interval_s` apart, as the keyboard
        driver stamps them when the keys arrive; a busy machine that oversleeps between two
        sends changes when the test sends, not when the scanner typed."""
        from app.core.layouts import type_under

        target = QApplication.focusWidget() or self.window
        t = now_ms()
        step = max(1, round(interval_s * 1000))
        for ch in type_under(text, layout):  # type: ignore[arg-type]
            send_key(target, ch, t)
            time.sleep(interval_s)
            t += step
        send_key(target, "\r", t, scan_code=ENTER_SCAN_CODE, key=Qt.Key.Key_Return)

    def answer_next_dialog(self, answer: Callable[[QWidget], None]) -> None:
        """Answer the next modal dialog (QMessageBox, QInputDialog) once it is open."""

        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if widget is None:
                QTimer.singleShot(20, poll)
                return
            self.dialogs.append(widget.windowTitle())
            answer(widget)

        QTimer.singleShot(0, poll)


def press_button(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox), type(widget)
        widget.button(button).click()

    return answer


def type_pin(pin: str) -> Callable[[QWidget], None]:
    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QInputDialog), type(widget)
        widget.setTextValue(pin)
        widget.accept()

    return answer


@pytest.fixture
def make_door(
    qtbot: QtBot,
    qapp: QApplication,
    central: CentralProcess,
    template: Template,
    station_keyring: MemoryKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Callable[..., Door]]:
    """Build consoles on a copy of the enrolled database; settings changes as keyword args.

    Sync is not started by default (`sync_interval_seconds` 3600, no `start_devices`), so local
    venue changes made by a test stay; tests that need the sync loop call `start_devices()` or
    pass a short interval.
    """
    built: list[Door] = []
    switchers: list[LanguageSwitcher] = []

    def make(*, start_devices: bool = False, budget_s: float = 2.0, **settings: Any) -> Door:
        home = tmp_path / f"home{len(built)}"
        home.mkdir()
        monkeypatch.setenv("ASHYQ_HOME", str(home))
        db_path = home / "console.sqlite3"
        shutil.copyfile(template.db_path, db_path)
        changes: dict[str, Any] = {"camera": "", "sync_interval_seconds": 3600, "language": "en"}
        changes.update(settings)
        settings_path = home / "settings.json"
        save(Settings().with_changes(**changes), settings_path)
        ctx = open_station(db_path, budget_s=budget_s, timeout_s=5.0)
        switcher = LanguageSwitcher(qapp)
        switchers.append(switcher)
        sound = FakeSoundPlayer()
        console = Console.build(qapp, ctx, switcher, settings_path=settings_path,
                                start_devices=start_devices, sound=sound)  # fmt: skip
        qtbot.addWidget(console.window)
        console.window.show()
        door = Door(console, qtbot, db_path, home, central, sound, switcher)
        built.append(door)
        return door

    yield make
    for door in built:
        door.console.shutdown()
    for switcher in switchers:
        if switcher.language != "en":
            switcher.switch("en")  # leave no translator installed for the next test


@pytest.fixture
def door(make_door: Callable[..., Door]) -> Door:
    """The door console, logged in as the door guard, on the door screen."""
    d = make_door()
    d.log_in(Role.DOOR)
    d.wait_logged_in(Role.DOOR)
    assert d.window.current_screen() is d.screen
    d.qtbot.waitUntil(lambda: d.screen.occupancy_label.text() != "", timeout=10_000)
    return d


# --- keyboard-wedge timing ------------------------------------------------------------------


def now_ms() -> int:
    return int(time.monotonic() * 1000)


def key_event(kind: QEvent.Type, text: str, t_ms: int, *, scan_code: int = 0,
              key: int | None = None) -> QKeyEvent:  # fmt: skip
    qt_key = key if key is not None else (ord(text.upper()) if text else 0)
    event = QKeyEvent(kind, qt_key, Qt.KeyboardModifier.NoModifier, scan_code, 0, 0, text,
                      False, 1)  # fmt: skip
    event.setTimestamp(t_ms)
    return event


def send_key(widget: QWidget, text: str, t_ms: int, **kw: Any) -> None:
    """A press and its release, delivered the way the keyboard driver delivers them."""
    press = key_event(QEvent.Type.KeyPress, text, t_ms, **kw)
    QApplication.sendEvent(widget, press)
    release = key_event(QEvent.Type.KeyRelease, text, t_ms + 1, **kw)
    QApplication.sendEvent(widget, release)


def utc_now() -> datetime:
    return datetime.now(UTC)
