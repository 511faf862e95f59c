"""What every screen of the console has in common.

A screen is a QWidget that knows its translated title, which roles may open it, whether it takes
scanner input, and how to re-read its texts when the language changes. The main window shows the
screens a person's role allows and routes every scan to the screen in front, or to the door.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.statuses import InputMethod, Role


@dataclass(frozen=True)
class ScanInput:
    """One scan as the devices deliver it: the text (already recovered from a keyboard layout
    when it came from a wedge scanner) and how it arrived."""

    text: str
    method: InputMethod
    layout: str = "us"


class Screen(QWidget):
    """Base class: subclasses set `key` and `roles`, and override `title` and `retranslate`."""

    key = "screen"
    roles: frozenset[Role] = frozenset({Role.MANAGER, Role.ADMIN})
    accepts_scans = False

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-read every visible text; called on LanguageChange."""

    def handle_scan(self, scan: ScanInput) -> bool:
        """Take a scan; return False to let the main window send it to the door."""
        return False

    def activated(self) -> None:
        """The screen came to the front (refresh what may be stale)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LazyScreen(Screen):
    """A screen built the first time it is opened.

    The refund desk and the reports pull in reportlab, openpyxl and the QR encoder; a door PC
    should not pay for them at start-up (see bench/bench_startup.py). The wrapper knows what the
    main window asks before opening (key, roles, title) and builds the real screen on demand.
    """

    def __init__(
        self,
        key: str,
        roles: frozenset[Role],
        title: Callable[[], str],
        factory: Callable[[], Screen],
        *,
        accepts_scans: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.roles = roles
        self.accepts_scans = accepts_scans
        self._title = title
        self._factory = factory
        self._real: Screen | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def real(self) -> Screen:
        if self._real is None:
            self._real = self._factory()
            self._layout.addWidget(self._real)
        return self._real

    def title(self) -> str:
        return self._title()

    def activated(self) -> None:
        self.real().activated()

    def handle_scan(self, scan: ScanInput) -> bool:
        return self.real().handle_scan(scan)
