"""The console assembled: services, devices and screens wired into one main window.

`Console.build` is what `python -m app` calls after it has a QApplication, and what the GUI tests
call with a data folder of their own. Nothing here decides anything: rules live in app.core,
actions in app.services; this module only connects them to the screens and the devices.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.core.pseudonym import short_pseudonym
from app.core.statuses import InputMethod, Role, Verdict
from app.devices.camera_qt import CameraQt
from app.devices.sounds import SoundPlayer, make_sound_player
from app.devices.wedge_qt import WedgeFilter
from app.i18n import LanguageSwitcher
from app.models import session_factory
from app.models.venue import Venue
from app.paths import data_dir
from app.services.auth import station_auth
from app.services.context import StationContext
from app.services.door_flow import DoorFlow
from app.services.door_types import CheckinRow
from app.services.sync_service import (
    make_outbox,
    retry_set_aside,
    set_aside_events,
    station_role,
    sync_once,
)
from app.services.visit_log import VisitLog
from app.settings import Settings, load, save
from app.sync.client import CREDENTIAL_CODES
from app.sync.protocol import StationRole
from app.views.door import DoorScreen
from app.views.main_window import MainWindow, WindowServices
from app.views.screen import LazyScreen, ScanInput, Screen
from app.views.set_aside import SetAsideDialog
from app.views.settings_screen import SettingsScreen
from app.views.status_bar import SyncStatusBar
from app.views.tasks import TaskRunner
from app.views.visit_log import VisitLogScreen

log = logging.getLogger(__name__)


@dataclass
class SyncState:
    online: bool = False
    since: datetime | None = None
    pending: int = 0
    last_sync: datetime | None = None
    errors: tuple[str, ...] = ()
    credentials: str | None = None  # "revoked", "token_expired" ...: re-enroll (status bar says)
    set_aside: int = 0


@dataclass
class SyncLoop:
    """Pushes the outbox and pulls config and orders every few seconds, off the UI thread."""

    ctx: StationContext
    state: SyncState = field(default_factory=SyncState)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.outbox = make_outbox(self.ctx)

    def cycle(self) -> SyncState:
        if not self._lock.acquire(blocking=False):
            return self.current()
        try:
            report = sync_once(self.ctx, outbox=self.outbox, force=False)
            online = not report.errors
            self.state.credentials = next(
                (code for code in CREDENTIAL_CODES for e in report.errors if e.startswith(code)),
                None,
            )
        except Exception as exc:  # a sync failure is a state to show, never a crash
            log.warning("sync failed: %s", exc)
            online = False
        finally:
            self._lock.release()
        now = datetime.now(UTC)
        if online != self.state.online or self.state.since is None:
            self.state.since = now
        self.state.online = online
        if online:
            self.state.last_sync = now
        return self.current()

    def current(self) -> SyncState:
        with contextlib.suppress(Exception):  # the database is busy: keep the last figure
            self.state.pending = self.outbox.pending()
            self.state.set_aside = self.outbox.set_aside()
        return SyncState(**self.state.__dict__)


class _CheckinRelay(QObject):
    arrived = Signal(object)


class CheckinListener:
    """Follows the server's stream of visitors' own check-ins in a thread; reconnects.

    It has an HTTP client of its own, so stopping can close the stream under the thread's feet
    instead of waiting for the server's next keep-alive.
    """

    def __init__(self, ctx: StationContext) -> None:
        self.ctx = ctx
        self.relay = _CheckinRelay()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="checkins", daemon=True)
        self._client: Any = None
        self.recent: list[CheckinRow] = []

    def start(self) -> None:
        if self.ctx.primary is not None:
            from app.sync import secrets
            from app.sync.client import CentralClient

            self._client = CentralClient(self.ctx.primary.base_url, secrets.token(self.ctx.profile))
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._client is not None:
            with contextlib.suppress(Exception):
                self._client.close()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        from app.sync import secrets

        while not self._stop.is_set():
            try:
                self._client.set_token(secrets.token(self.ctx.profile))  # a rotation may have
                for checkin in self._client.checkins(read_timeout=30):
                    if self._stop.is_set():
                        return
                    row = CheckinRow(
                        checkin.id, checkin.at, str(checkin.status), short_pseudonym(checkin.person)
                    )
                    self.recent.insert(0, row)
                    del self.recent[50:]
                    self.relay.arrived.emit(row)
            except Exception as exc:  # the server went away: try again shortly
                if self._stop.is_set():
                    return
                log.info("check-in stream interrupted: %s", exc)
            self._stop.wait(5.0)

    def latest(self, limit: int) -> list[CheckinRow]:
        return list(self.recent[:limit])


# Screens whose server calls a station of this role may not make (central/roles.py): hidden
# for everyone, so a manager at the box office cannot queue visits the server would refuse.
HIDDEN_FOR_STATION: dict[StationRole, frozenset[str]] = {
    StationRole.DOOR: frozenset({"refunds"}),
    StationRole.BOX_OFFICE: frozenset({"door", "log"}),
}


def narrow_screens(screens: list[Screen], role: StationRole | None) -> None:
    hidden = HIDDEN_FOR_STATION.get(role, frozenset()) if role is not None else frozenset()
    for screen in screens:
        if screen.key in hidden:
            screen.roles = frozenset()


@dataclass
class Console:
    window: MainWindow
    runner: TaskRunner
    ctx: StationContext
    door: DoorScreen
    settings: Settings
    camera: CameraQt
    wedge: WedgeFilter
    sync: SyncLoop
    checkins: CheckinListener
    sound: SoundPlayer
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        app: QApplication,
        ctx: StationContext,
        switcher: LanguageSwitcher,
        *,
        settings_path: Path | None = None,
        start_devices: bool = True,
        sound: SoundPlayer | None = None,
    ) -> Console:
        settings_file = settings_path or data_dir() / "settings.json"
        settings, problem = load(settings_file)
        runner = TaskRunner()
        readers = session_factory(ctx.engine)
        auth = station_auth(ctx)
        listener = CheckinListener(ctx)
        flow = DoorFlow(ctx, auth, checkins=listener.latest)
        player = sound or make_sound_player(settings.sounds)
        staff_of: list[MainWindow] = []

        def staff() -> Any:
            return staff_of[0].staff if staff_of else None

        def play(kind: str) -> None:
            verdict = {"admit": Verdict.ADMIT, "deny": Verdict.DENY}.get(kind, Verdict.NEEDS_CHECK)
            player.play(verdict)

        door = DoorScreen(flow, runner, staff, play, hold_seconds=settings.verdict_seconds)
        screens: list[Screen] = [door, VisitLogScreen(VisitLog(readers), runner)]
        screens += _desk_screens(ctx, runner, staff, settings)
        settings_actions = StationSettings(ctx, settings_file)
        settings_screen = SettingsScreen(settings_actions, runner, staff)
        screens.append(settings_screen)
        narrow_screens(screens, station_role(ctx))
        sync = SyncLoop(ctx)

        def venue_name() -> str:
            with readers() as session:
                venue = session.get(Venue, ctx.venue_code)
                return venue.name if venue else ctx.venue_code

        def test_mode() -> bool:
            try:
                venue = ctx.venue()
            except Exception:
                return False
            until = venue.test_mode_until
            return until is not None and datetime.now(UTC) < until

        def remember_language(lang: str) -> None:
            current, _ = load(settings_file)
            save(current.with_changes(language=lang), settings_file)

        services = WindowServices(
            auth=auth,
            runner=runner,
            switcher=switcher,
            venue_name=venue_name,
            test_mode=test_mode,
            on_language=remember_language,
        )

        def can_manage() -> bool:
            member = staff()
            return member is not None and member.role in {Role.MANAGER, Role.ADMIN}

        status_bar = SyncStatusBar(sync.current, runner, can_manage=can_manage)
        window = MainWindow(services, screens, status_bar)
        staff_of.append(window)

        def show_set_aside() -> None:
            if not can_manage():
                return
            dialog = SetAsideDialog(StationOutbox(ctx), runner, window, after_retry=sync.cycle)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _: status_bar.poll())
            dialog.open()

        status_bar.set_aside_clicked.connect(show_set_aside)
        settings_screen.set_aside_requested.connect(show_set_aside)
        if problem:
            status_bar.flash(problem, 15000)

        wedge = WedgeFilter(app)
        app.installEventFilter(wedge)
        wedge.scanned.connect(
            lambda text, layout: window.receive_scan(ScanInput(text, InputMethod.WEDGE, layout))
        )
        camera = CameraQt(app)
        camera.frame_ready.connect(door.camera.set_frame)
        camera.code_found.connect(door.camera.outline)
        camera.code_found.connect(
            lambda text, corners: window.receive_scan(ScanInput(text, InputMethod.CAMERA))
        )
        camera.error.connect(door.camera.show_error)
        listener.relay.arrived.connect(door.add_checkin)

        console = cls(window, runner, ctx, door, settings, camera, wedge, sync, listener, player)
        timer = QTimer(window)
        timer.timeout.connect(lambda: runner.run(sync.cycle, lambda s: None, lambda e: None))
        timer.start(settings.sync_interval_seconds * 1000)
        console.extra["sync_timer"] = timer
        if start_devices:
            console.start_devices()
        return console

    def start_devices(self) -> None:
        if self.settings.camera:
            self.camera.start(
                self.settings.camera,
                self.settings.decoder,
                repeat_after_s=float(self.settings.repeat_suppress_seconds),
            )
        else:
            self.door.camera.show_error("off", "")
        if self.settings.serial_port:
            from app.devices.serial_qt import SerialScannerQt

            serial = SerialScannerQt(self.settings.serial_port, self.settings.serial_baud)
            serial.scanned.connect(
                lambda text: self.window.receive_scan(ScanInput(text, InputMethod.SERIAL))
            )
            serial.status.connect(lambda code, message: self.window.status.flash(message))
            serial.start()
            self.extra["serial"] = serial
        self.checkins.start()
        self.runner.run(self.sync.cycle, lambda s: None, lambda e: None)

    def shutdown(self) -> None:
        # The wedge filter sits on the QApplication, which outlives this console (a second
        # console in the same process, the tests): take it off so it no longer claims keys.
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
        self.wedge.enabled = False
        timer = self.extra.get("sync_timer")
        if timer is not None:
            timer.stop()
        self.camera.stop()
        serial = self.extra.get("serial")
        if serial is not None:
            serial.stop()
        self.checkins.stop()
        self.window.status.stop()
        # Deliver the results of work still running to the widgets while they exist: a result
        # queued now would otherwise reach a deleted widget once the window is gone.
        for _ in range(20):
            self.runner.wait(10_000)
            QCoreApplication.sendPostedEvents()
            if self.runner.pending() == 0:
                break
        self.ctx.close()


@dataclass
class StationOutbox:
    """The set-aside dialog's actions."""

    ctx: StationContext

    def events(self) -> list[Any]:
        return list(set_aside_events(self.ctx))

    def retry(self, ids: list[uuid.UUID] | None) -> int:
        return retry_set_aside(self.ctx, ids)


@dataclass
class StationSettings:
    """The settings screen's actions."""

    ctx: StationContext
    path: Path

    def load(self) -> Settings:
        return load(self.path)[0]

    def save(self, settings: Settings) -> None:
        save(settings, self.path)

    def enroll(self, server_url: str, code: str, station_name: str) -> str:
        from app.paths import database_path
        from app.services.sync_service import enroll

        return enroll(server_url, code, station_name, database_path()).venue_code

    def station_role(self) -> str | None:
        from app.services.sync_service import station_role

        role = station_role(self.ctx)
        return role.value if role is not None else None

    def venue_policy(self) -> dict[str, Any]:
        with self.ctx.sessions() as session:
            venue = session.get(Venue, self.ctx.venue_code)
            return dict(venue.admission_policy) if venue else {}

    def command_sheet(self) -> str:
        from app.documents.commands import render_command_sheet_pdf

        out = data_dir() / "command-barcodes.pdf"
        out.write_bytes(render_command_sheet_pdf())
        return str(out)


def _desk_screens(
    ctx: StationContext, runner: TaskRunner, staff: Any, settings: Settings
) -> list[Screen]:
    """The cashier's and the manager's screens, built when first opened (LazyScreen)."""

    def refunds() -> Screen:
        from app.views.refund_desk import RefundDeskScreen

        return RefundDeskScreen.create(ctx, runner, staff, settings)

    def reports() -> Screen:
        from app.views.reports_screen import ReportsScreen

        return ReportsScreen.create(ctx, runner, staff, settings)

    return [
        LazyScreen(
            "refunds",
            frozenset({Role.CASHIER, Role.MANAGER, Role.ADMIN}),
            lambda: QCoreApplication.translate("RefundDeskScreen", "Refunds"),
            refunds,
            accepts_scans=True,
        ),
        LazyScreen(
            "reports",
            frozenset({Role.MANAGER, Role.ADMIN}),
            lambda: QCoreApplication.translate("ReportsScreen", "Reports"),
            reports,
        ),
    ]
