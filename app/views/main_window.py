"""The main window: login, the screens a role may open, the test-mode banner and the status bar.

Scans from every device arrive here (`receive_scan`) whatever widget has focus, and go to the
screen in front if it takes scans, else to the door screen. While nobody is logged in a scan is
not checked: the login screen says so, because a verdict needs a member of staff behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.statuses import Role
from app.i18n import LANGUAGES, LanguageSwitcher
from app.services.auth import StaffMember
from app.views.login import AuthLike, LoginScreen
from app.views.screen import ScanInput, Screen
from app.views.status_bar import SyncStatusBar
from app.views.tasks import TaskRunner
from app.views.texts import role_name


@dataclass(frozen=True)
class WindowServices:
    """What the window needs from the composition root."""

    auth: AuthLike
    runner: TaskRunner
    switcher: LanguageSwitcher
    venue_name: Callable[[], str]
    test_mode: Callable[[], bool]
    on_language: Callable[[str], None] | None = None


HOME_BY_ROLE = {
    Role.DOOR: "door",
    Role.CASHIER: "refunds",
    Role.MANAGER: "door",
    Role.ADMIN: "door",
}


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: WindowServices,
        screens: Sequence[Screen],
        status_bar: SyncStatusBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._s = services
        self._screens = {screen.key: screen for screen in screens}
        self._staff: StaffMember | None = None
        self.setObjectName("mainWindow")
        self.resize(1366, 768)

        self._login = LoginScreen(services.auth, services.runner)
        self._login.logged_in.connect(self._on_logged_in)

        self._banner = QLabel()
        self._banner.setObjectName("testModeBanner")
        self._banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._banner.setStyleSheet(
            "background: #ffd600; color: #000; font-weight: bold; font-size: 14pt; padding: 6px;"
            "border-bottom: 3px dashed #000;"
        )

        self._offline = QLabel()
        self._offline.setObjectName("offlineBanner")
        self._offline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._offline.setStyleSheet(
            "background: #b3131b; color: white; font-weight: bold; font-size: 14pt; padding: 6px;"
        )
        self._offline.hide()

        self._venue = QLabel()
        venue_font = QFont()
        venue_font.setPointSize(14)
        venue_font.setBold(True)
        self._venue.setFont(venue_font)
        self._who = QLabel()
        self._who.setObjectName("whoLabel")
        self._language = QComboBox()
        self._language.setObjectName("languageBox")
        for code, name in LANGUAGES.items():
            self._language.addItem(name, code)
        self._language.currentIndexChanged.connect(self._language_chosen)
        self._lock_button = QPushButton()
        self._lock_button.setObjectName("lockButton")
        self._lock_button.clicked.connect(self.lock)
        self._logout_button = QPushButton()
        self._logout_button.setObjectName("logoutButton")
        self._logout_button.clicked.connect(self.logout)

        header = QHBoxLayout()
        header.addWidget(self._venue)
        header.addStretch(1)
        header.addWidget(self._who)
        header.addWidget(self._language)
        header.addWidget(self._lock_button)
        header.addWidget(self._logout_button)

        self._nav = QHBoxLayout()
        self._nav_group = QButtonGroup(self)
        self._nav_group.setExclusive(True)
        self._nav_buttons: dict[str, QPushButton] = {}
        for key in self._screens:
            button = QPushButton()
            button.setObjectName(f"nav_{key}")
            button.setCheckable(True)
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _=False, k=key: self.show_screen(k))
            self._nav_group.addButton(button)
            self._nav_buttons[key] = button
            self._nav.addWidget(button)
        self._nav.addStretch(1)

        self._stack = QStackedWidget()
        for screen in self._screens.values():
            self._stack.addWidget(screen)

        workspace = QWidget()
        column = QVBoxLayout(workspace)
        column.setContentsMargins(8, 4, 8, 4)
        column.addLayout(header)
        column.addLayout(self._nav)
        column.addWidget(self._stack, 1)

        self._pages = QStackedWidget()
        self._pages.addWidget(self._login)
        self._pages.addWidget(workspace)

        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._banner)
        outer.addWidget(self._offline)
        outer.addWidget(self._pages, 1)
        self.setCentralWidget(body)

        self.status = status_bar
        self.setStatusBar(status_bar)
        status_bar.online_changed.connect(lambda online: self._offline.setVisible(not online))

        lock_action = QAction(self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.triggered.connect(self.lock)
        self.addAction(lock_action)

        self._banner_timer = QTimer(self)
        self._banner_timer.timeout.connect(self._refresh_banner)
        self._banner_timer.start(30_000)
        self.retranslate()
        self._refresh_banner()
        self._login.reload()

    # --- login, lock, roles ---------------------------------------------------------------

    @property
    def staff(self) -> StaffMember | None:
        return self._staff

    def _on_logged_in(self, member: StaffMember) -> None:
        self._staff = member
        for key, screen in self._screens.items():
            allowed = member.role in screen.roles
            self._nav_buttons[key].setVisible(allowed)
        self._pages.setCurrentIndex(1)
        home = HOME_BY_ROLE.get(member.role, "door")
        if home not in self._screens or member.role not in self._screens[home].roles:
            home = next((k for k, s in self._screens.items() if member.role in s.roles), "")
        if home:
            self.show_screen(home)
        self.retranslate()

    def lock(self) -> None:
        """Hide the work until the same or another member of staff types a PIN."""
        if self._staff is None:
            return
        self._login.reload(locked_by=self._staff)
        self._pages.setCurrentIndex(0)

    def logout(self) -> None:
        self._staff = None
        self._login.reload()
        self._pages.setCurrentIndex(0)

    def show_screen(self, key: str) -> None:
        screen = self._screens.get(key)
        if screen is None or self._staff is None or self._staff.role not in screen.roles:
            return
        self._stack.setCurrentWidget(screen)
        self._nav_buttons[key].setChecked(True)
        screen.activated()

    def current_screen(self) -> Screen | None:
        if self._pages.currentIndex() != 1:
            return None
        widget = self._stack.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def screen(self, key: str) -> Screen | None:
        return self._screens.get(key)

    # --- scans ----------------------------------------------------------------------------

    def receive_scan(self, scan: ScanInput) -> None:
        if self._staff is None or self._pages.currentIndex() != 1:
            self.status.flash(
                self.tr("Log in first: scans are checked only when someone is logged in.")
            )
            return
        current = self.current_screen()
        if current is not None and current.accepts_scans and current.handle_scan(scan):
            return
        door = self._screens.get("door")
        if door is not None and self._staff.role in door.roles:
            self.show_screen("door")
            door.handle_scan(scan)
        else:
            self.status.flash(self.tr("This screen does not take scans."))

    # --- language and banner --------------------------------------------------------------

    def _language_chosen(self, index: int) -> None:
        code = self._language.itemData(index)
        if code and code != self._s.switcher.language:
            self._s.switcher.switch(code)
            if self._s.on_language is not None:
                self._s.on_language(code)

    def _refresh_banner(self) -> None:
        self._banner.setVisible(self._s.test_mode())

    def refresh(self) -> None:
        """Venue data changed (a config pull): re-read the name and the test mode."""
        self._refresh_banner()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ashyq console"))
        self._banner.setText(
            self.tr("TEST MODE — records are marked as test and do not count for the venue")
        )
        self._venue.setText(self._s.venue_name())
        if self._staff is not None:
            self._who.setText(
                self.tr("%1 (%2)")
                .replace("%1", self._staff.name)
                .replace("%2", role_name(self._staff.role))
            )
        else:
            self._who.clear()
        self._offline.setText(
            self.tr("OFFLINE — statuses come from saved answers; every scan is kept and sent later")
        )
        self._lock_button.setText(self.tr("Lock"))
        self._logout_button.setText(self.tr("Log out"))
        for key, screen in self._screens.items():
            self._nav_buttons[key].setText(screen.title())
        index = self._language.findData(self._s.switcher.language)
        if index >= 0 and index != self._language.currentIndex():
            self._language.blockSignals(True)
            self._language.setCurrentIndex(index)
            self._language.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self._s.runner.wait(10_000)  # let queued database writes finish
        super().closeEvent(event)
