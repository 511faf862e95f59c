"""A refund the central server refused is shown at the desk when its order is opened.

The outbox keeps a refused event unacknowledged, with the server's reason in `last_error` as
"code: message" (app.sync.outbox); these tests write the row that way, as the outbox does after
a BatchResult lists the event in `rejected`, and read what the cashier sees.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from app.i18n import LanguageSwitcher
from app.models.records import Outbox, OutboxKind
from tests.gui.test_refund_desk import Desk, _find, _open_shift, desk
from tests.unit.test_refund_desk_world import world_fixture

FIXTURES = (desk, world_fixture)  # pytest finds a fixture by its name in this module

USED = "ticket_used: Ticket TK0001 was used at the door; it is not refunded."


def _refund_tk0001(qtbot: QtBot, d: Desk) -> None:
    _open_shift(qtbot, d)
    _find(qtbot, d, "100200")
    d.screen.set_checked({"TK0001"})
    d.screen.buttons["refund"].click()
    qtbot.waitUntil(lambda: d.screen.last_print is not None, timeout=10_000)
    d.runner.wait()


def _outbox(d: Desk, **values: object) -> None:
    assert d.screen.last_result is not None
    with d.w.sessions.begin() as s:
        s.execute(
            update(Outbox)
            .where(Outbox.kind == OutboxKind.REFUND,
                   Outbox.entity_id == d.screen.last_result.refund_id)
            .values(**values)
        )  # fmt: skip


def _reopen(qtbot: QtBot, d: Desk) -> None:
    d.screen.order = None
    d.screen.open_order("100200")
    qtbot.waitUntil(lambda: d.screen.order is not None)


def test_the_servers_refusal_is_shown_with_its_reason(qtbot: QtBot, desk: Desk) -> None:
    d = desk
    _refund_tk0001(qtbot, d)
    assert not d.screen.server_label.isVisibleTo(d.screen)  # not refused (yet)
    _outbox(d, last_error=USED, attempts=1, next_attempt_at=d.w.now + timedelta(days=1))
    _reopen(qtbot, d)
    text = d.screen.server_label.text()
    assert d.screen.server_label.isVisibleTo(d.screen)
    assert text.startswith(
        "The central server refused this refund: a ticket was already used at the door"
    )
    assert "TK0001" in text and "TK0002" not in text
    (refusal,) = d.screen.order.server_refusals  # type: ignore[union-attr]
    assert (refusal.code, refusal.tickets) == ("ticket_used", ("TK0001",))
    assert refusal.message.startswith("Ticket TK0001 was used")


def test_the_reason_is_in_the_interface_language(
    qtbot: QtBot, desk: Desk, qapp: QApplication
) -> None:
    d = desk
    _refund_tk0001(qtbot, d)
    _outbox(d, last_error="already_refunded: Ticket TK0001 was already refunded.")
    switcher = LanguageSwitcher(qapp)
    try:
        switcher.switch("ru")
        _reopen(qtbot, d)
        assert d.screen.server_label.text().startswith(
            "Центральный сервер отклонил этот возврат: билет уже возвращён или обменян"
        )
        switcher.switch("kk")
        _reopen(qtbot, d)
        assert d.screen.server_label.text().startswith(
            "Орталық сервер бұл қайтаруды қабылдамады: билет басқа қайтарумен"
        )
    finally:
        switcher.switch("en")


def test_delivery_trouble_and_delivered_refunds_are_not_refusals(qtbot: QtBot, desk: Desk) -> None:
    d = desk
    _refund_tk0001(qtbot, d)
    for transient in ("unreachable: connection refused", "bad_response: not acknowledged by "
                      "the server", "rejected: unreadable payload: 3 errors"):  # fmt: skip
        _outbox(d, last_error=transient)
        _reopen(qtbot, d)
        assert d.screen.order.server_refusals == ()  # type: ignore[union-attr]
        assert not d.screen.server_label.isVisibleTo(d.screen)
    for invalid in ("rejected: refund_tiyn: Input should be less than 10**15",
                    "invalid: refund_tiyn: Input should be less than 10**15"):  # fmt: skip
        _outbox(d, last_error=invalid)
        _reopen(qtbot, d)
        assert "the server found the refund's data invalid" in d.screen.server_label.text()
    _outbox(d, last_error=USED)
    _reopen(qtbot, d)
    assert d.screen.server_label.isVisibleTo(d.screen)
    _outbox(d, acknowledged_at=d.w.now)  # a later retry went through: nothing to sort out
    _reopen(qtbot, d)
    assert not d.screen.server_label.isVisibleTo(d.screen)
