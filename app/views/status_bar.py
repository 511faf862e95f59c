"""The status bar: online or offline and since when, events waiting to be sent, last sync.

For a manager or an administrator it also shows how many events the outbox set aside (the
server refused them or failed on them); a click opens the list (`set_aside_clicked`).

It asks the sync service for a plain `SyncState` every few seconds through the task runner, so a
slow disk never freezes the window; a message flashed here stays long enough to be read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from app.views.tasks import TaskRunner


class SyncStateLike(Protocol):
    online: bool
    since: datetime | None  # when the current online/offline state began
    pending: int  # events recorded here and not yet acknowledged by the server
    last_sync: datetime | None
    set_aside: int  # events the outbox set aside for a manager


def _hhmm(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M") if moment is not None else "—"


class SyncStatusBar(QStatusBar):
    online_changed = Signal(bool)  # after the first sync attempt, whenever the link changes
    set_aside_clicked = Signal()

    def __init__(
        self,
        state: Callable[[], SyncStateLike],
        runner: TaskRunner,
        parent: QWidget | None = None,
        interval_ms: int = 3000,
        can_manage: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatusBar")
        self._state_fn = state
        self._runner = runner
        self._state: SyncStateLike | None = None
        self._link = QLabel()
        self._link.setObjectName("linkLabel")
        self._queue = QLabel()
        self._queue.setObjectName("queueLabel")
        self._last = QLabel()
        self._can_manage = can_manage
        self.set_aside = QPushButton()
        self.set_aside.setObjectName("setAsideButton")
        self.set_aside.setFlat(True)
        self.set_aside.setStyleSheet("color: #b00020; font-weight: bold;")
        self.set_aside.clicked.connect(self.set_aside_clicked)
        self.set_aside.setVisible(False)
        self.addPermanentWidget(self._link)
        self.addPermanentWidget(self._queue)
        self.addPermanentWidget(self.set_aside)
        self.addPermanentWidget(self._last)
        self._busy = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._timer.start(interval_ms)
        self.poll()

    def stop(self) -> None:
        """No more polling (the console is shutting down)."""
        self._timer.stop()

    def poll(self) -> None:
        if self._busy:
            return
        self._busy = True
        self._runner.run(self._state_fn, self._show, self._failed)

    def flash(self, message: str, msecs: int = 6000) -> None:
        self.showMessage(message, msecs)

    def _show(self, state: SyncStateLike) -> None:
        self._busy = False
        before = self._state
        self._state = state
        self.retranslate()
        known = state.since is not None
        if known and (before is None or before.since is None or before.online != state.online):
            self.online_changed.emit(state.online)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._link.setText(self.tr("Status unknown: %1").replace("%1", str(exc)))

    def retranslate(self) -> None:
        state = self._state
        aside = getattr(state, "set_aside", 0) if state is not None else 0
        self.set_aside.setText(self.tr("%n set aside", "", aside))  # known before any sync
        self.set_aside.setVisible(aside > 0 and self._can_manage())
        if state is None or state.since is None:  # no sync attempt finished yet
            self._link.setText(self.tr("Connecting…"))
            self._link.setStyleSheet("")
            return
        refused = getattr(state, "credentials", None)
        if refused and not state.online:
            self._link.setText(self._refusal(refused))
            self._link.setStyleSheet("color: #b00020; font-weight: bold;")
        elif state.online:
            self._link.setText(self.tr("● Online since %1").replace("%1", _hhmm(state.since)))
            self._link.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            self._link.setText(self.tr("○ OFFLINE since %1").replace("%1", _hhmm(state.since)))
            self._link.setStyleSheet("color: #b00020; font-weight: bold;")
        self._queue.setText(self.tr("Waiting to send: %n", "", state.pending))
        self._last.setText(self.tr("Last sync: %1").replace("%1", _hhmm(state.last_sync)))

    def _refusal(self, code: str) -> str:
        texts = {
            "revoked": self.tr("This station was revoked: enroll it again with a new code"),
            "token_expired": self.tr(
                "This station's token expired: enroll it again with a new code"
            ),
            "forbidden_role": self.tr("This station's role does not allow this: ask a manager"),
        }
        return texts.get(code, self.tr("The server refused this station: enroll it again"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
