"""Records set aside: the status bar tells a manager, the list says why and sends them again."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.statuses import Direction, InputMethod, Role, Status, Verdict
from app.i18n import LanguageSwitcher
from app.models.records import Outbox as OutboxRow
from app.models.records import OutboxKind
from app.sync import protocol as p
from app.views.set_aside import SetAsideDialog
from app.views.status_bar import SyncStatusBar
from app.views.tasks import TaskRunner
from tests.gui.conftest import Door

AT = datetime(2026, 11, 18, 7, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Event:
    kind: str
    id: uuid.UUID
    code: str
    message: str
    created_at: datetime = AT
    set_aside_at: datetime = AT
    attempts: int = 3


@dataclass
class FakeOutbox:
    items: list[Event]
    retried: list[list[uuid.UUID] | None] = field(default_factory=list)

    def events(self) -> list[Event]:
        return list(self.items)

    def retry(self, ids: list[uuid.UUID] | None) -> int:
        self.retried.append(ids)
        chosen = [e for e in self.items if ids is None or e.id in ids]
        self.items = [e for e in self.items if e not in chosen]
        return len(chosen)


def _events() -> list[Event]:
    return [
        Event("visit", uuid.uuid4(), "server_error", "The server failed (500): boom"),
        Event("refund", uuid.uuid4(), "already_refunded", "Ticket T1 was refunded before."),
        Event("visit", uuid.uuid4(), "some_new_code", "A sentence only the server knows."),
    ]


def test_the_list_says_why_in_the_users_language_and_retries(
    qapp: QApplication, qtbot: QtBot
) -> None:
    outbox = FakeOutbox(_events())
    runner = TaskRunner()
    switcher = LanguageSwitcher(qapp)
    synced: list[bool] = []
    dialog = SetAsideDialog(outbox, runner, after_retry=lambda: synced.append(True))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    reasons = [dialog.table.item(r, 3).text() for r in range(3)]
    assert reasons == [
        "The server fails on this record; the others were sent.",
        "These tickets were already refunded.",
        "A sentence only the server knows.",  # an unknown code: the server's own sentence
    ]
    try:
        switcher.switch("ru")
        qtbot.waitUntil(lambda: dialog.table.item(1, 3).text() == "Эти билеты уже возвращены.")
        assert dialog.table.item(0, 0).text().startswith("Посещение")
        assert dialog.retry_button.text() == "Отправить снова"
    finally:
        switcher.switch("en")
    dialog.table.selectRow(1)
    wanted = outbox.items[1].id
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2 and bool(synced))
    assert outbox.retried == [[wanted]]
    dialog.table.clearSelection()
    dialog.retry_button.click()  # nothing selected: all of them
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert outbox.retried[-1] is None
    assert dialog.message.text() == "Nothing is set aside."
    assert not dialog.retry_button.isEnabled()
    runner.wait(5000)


@dataclass(frozen=True)
class State:
    online: bool = True
    since: datetime | None = AT
    pending: int = 0
    last_sync: datetime | None = AT
    set_aside: int = 0


def test_the_status_bar_shows_set_aside_records_to_managers_only(
    qapp: QApplication, qtbot: QtBot
) -> None:
    state = [State(set_aside=2)]
    manager = [False]
    runner = TaskRunner()
    bar = SyncStatusBar(lambda: state[0], runner, interval_ms=60_000, can_manage=lambda: manager[0])
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitUntil(lambda: bar.set_aside.text() == "2 set aside")
    assert not bar.set_aside.isVisible()  # a door guard does not see it
    manager[0] = True
    bar.poll()
    qtbot.waitUntil(bar.set_aside.isVisible)
    with qtbot.waitSignal(bar.set_aside_clicked, timeout=5000):
        bar.set_aside.click()
    state[0] = replace(state[0], set_aside=0)
    bar.poll()
    qtbot.waitUntil(lambda: not bar.set_aside.isVisible())
    bar.stop()
    runner.wait(5000)


def test_in_the_console_a_manager_opens_the_list_and_a_retry_delivers(
    make_door: Callable[..., Door],
) -> None:
    door = make_door()
    event = p.VisitEvent(
        id=uuid.uuid4(), occurred_at=datetime.now(UTC), direction=Direction.ENTRY,
        method=InputMethod.WEDGE, status=Status.GREEN, status_source="central",
        status_age_s=0, verdict=Verdict.ADMIT, reason="green", person=None, door="1",
    )  # fmt: skip
    with door.console.ctx.sessions.begin() as session:  # what the outbox leaves after a 500
        session.add(OutboxRow(
            kind=OutboxKind.VISIT, entity_id=event.id, payload=event.model_dump(mode="json"),
            created_at=event.occurred_at, attempts=3, set_aside_at=event.occurred_at,
            set_aside_code="server_error", set_aside_message="The server failed (500)",
        ))  # fmt: skip
    bar = door.window.status
    door.log_in(Role.DOOR)
    door.wait_logged_in(Role.DOOR)
    bar.poll()
    door.qtbot.waitUntil(lambda: bar.set_aside.text() == "1 set aside")
    assert not bar.set_aside.isVisible()  # not for a door guard
    door.window.lock()
    door.log_in(Role.MANAGER)
    door.wait_logged_in(Role.MANAGER)
    bar.poll()
    door.qtbot.waitUntil(bar.set_aside.isVisible)
    bar.set_aside.click()
    dialog = door.window.findChild(SetAsideDialog)
    assert dialog is not None and dialog.isVisible()
    door.qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    reason = dialog.table.item(0, 3).text()
    assert reason == "The server fails on this record; the others were sent."
    dialog.retry_button.click()  # put back, then one sync: the server takes it this time

    def delivered() -> bool:
        rows = door.rows("SELECT acknowledged_at FROM outbox WHERE entity_id = ?", event.id.hex)
        return rows[0][0] is not None

    door.qtbot.waitUntil(delivered, timeout=30_000)
    door.qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    dialog.close()
