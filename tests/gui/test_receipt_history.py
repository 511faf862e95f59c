"""The receipt history as a cashier uses it: refund → preview → save as PDF → reprint COPY.

The desk prints to a PDF folder, as the demo does, so every print can be read back.
Set ASHYQ_SCREENSHOTS=<folder> to keep the 1366×768 picture of the history window.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models.receipts import ReceiptPrint
from app.models.records import AuditLog
from app.views.receipt_history import ReceiptHistoryPanel
from tests.gui.test_refund_desk import Desk, _find, _open_shift, desk  # noqa: F401
from tests.unit.test_refund_desk_world import world_fixture  # noqa: F401


@pytest.fixture
def d(request: pytest.FixtureRequest) -> Desk:
    """The refund desk of tests/gui/test_refund_desk.py (its `desk` fixture)."""
    return request.getfixturevalue("desk")  # type: ignore[no-any-return]


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _refund(qtbot: QtBot, d: Desk) -> None:
    _open_shift(qtbot, d)
    _find(qtbot, d, "100200")
    d.screen.set_checked({"TK0001"})
    d.screen.buttons["refund"].click()
    qtbot.waitUntil(lambda: d.screen.last_print is not None, timeout=10_000)


def _panel(qtbot: QtBot, d: Desk) -> ReceiptHistoryPanel:
    dialog = d.screen.open_history()
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1 and panel.preview_pdf is not None,
                    timeout=10_000)  # fmt: skip
    return panel


def test_refund_preview_save_as_pdf_and_reprint_copy(
    qtbot: QtBot,
    d: Desk,
    tmp_path: Path,
) -> None:
    printed = tmp_path / "printed"
    d.sink_spec = f"pdf:{printed}"  # the demo's printer
    _refund(qtbot, d)
    assert d.screen.last_print is not None and d.screen.last_print.ok
    assert f"Receipt No. 1 printed to {printed}." in d.screen.message.text()
    [original] = sorted(printed.iterdir())
    assert "COPY" not in text_of(original) and "TK0001" in text_of(original)

    panel = _panel(qtbot, d)
    assert [panel.table.item(0, c).text() for c in (0, 2, 3, 5)] == ["1", "100200", "refund", "yes"]
    pixmap = panel.preview.pixmap()
    assert pixmap is not None and not pixmap.isNull() and pixmap.height() > pixmap.width()
    assert not panel.print_button.isEnabled() and panel.reprint_button.isEnabled()

    saved = tmp_path / "for the customer.pdf"
    asked: list[str] = []
    panel.choose_save_path = lambda name: asked.append(name) or saved  # type: ignore[func-returns-value]
    panel.save_button.click()
    qtbot.waitUntil(lambda: "saved to" in panel.message.text(), timeout=10_000)
    assert asked == ["receipt-1.pdf"]
    assert "COPY" in text_of(saved)  # the original is already printed: this is a copy

    panel.reprint_button.click()
    qtbot.waitUntil(lambda: "A copy of receipt No. 1 printed" in panel.message.text(),
                    timeout=10_000)  # fmt: skip
    copies = sorted(printed.iterdir())
    assert len(copies) == 2 and "COPY" in text_of(copies[1])
    d.runner.wait()
    with d.w.sessions() as s:
        log = [(p.copy, p.ok) for p in s.scalars(select(ReceiptPrint).order_by(ReceiptPrint.id))]
        audits = s.scalars(select(AuditLog).where(AuditLog.action == "receipt_reprint")).all()
    assert log == [(False, True), (True, True), (True, True)]
    assert len(audits) == 2 and all(a.staff_id == d.w.cashier for a in audits)

    dialog = d.screen.history_dialog
    assert dialog is not None
    dialog.resize(1366, 768)
    qtbot.waitUntil(lambda: panel.preview_pdf is not None)
    image = dialog.grab().toImage()
    assert (image.width(), image.height()) == (1366, 768)
    target = Path(os.environ.get("ASHYQ_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    assert image.save(str(target / "receipt-history.png"))


def test_an_unprinted_receipt_prints_as_the_original_from_the_history(
    qtbot: QtBot,
    d: Desk,
    tmp_path: Path,
) -> None:
    d.sink_spec = f"escpos:file:{tmp_path / 'unplugged' / 'lp0'}"
    _refund(qtbot, d)
    assert d.screen.last_print is not None and not d.screen.last_print.ok
    panel = _panel(qtbot, d)
    assert panel.table.item(0, 5).text() == "no"
    assert panel.print_button.isEnabled() and not panel.reprint_button.isEnabled()
    panel.print_button.click()
    qtbot.waitUntil(lambda: "did not print" in panel.message.text(), timeout=10_000)
    assert "off or not connected" in panel.message.text()

    d.sink_spec = f"pdf:{tmp_path / 'printed'}"
    panel.print_button.click()
    qtbot.waitUntil(lambda: panel.last_outcome is not None and panel.last_outcome.ok,
                    timeout=10_000)  # fmt: skip
    assert not panel.last_outcome.copy  # type: ignore[union-attr]
    [pdf] = list((tmp_path / "printed").iterdir())
    assert "COPY" not in text_of(pdf)
    qtbot.waitUntil(lambda: panel.table.item(0, 5).text() == "yes")
    assert panel.reprint_button.isEnabled()


def test_search_by_order_and_nothing_found(qtbot: QtBot, d: Desk) -> None:
    _refund(qtbot, d)
    panel = _panel(qtbot, d)
    panel.search.setText("999999")
    panel.find()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0)
    assert panel.message.text() == "No receipts found."
    assert not panel.save_button.isEnabled()
    panel.search.setText("100200")
    panel.find()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    d.runner.wait()


def test_the_window_follows_the_language_on_screen(qtbot: QtBot, d: Desk) -> None:
    from PySide6.QtWidgets import QApplication

    from app.i18n import LanguageSwitcher

    _refund(qtbot, d)
    panel = _panel(qtbot, d)
    switcher = LanguageSwitcher(QApplication.instance())  # type: ignore[arg-type]
    try:
        assert switcher.switch("kk")
        qtbot.waitUntil(lambda: panel.reprint_button.text() == "Қайта басу (КӨШІРМЕ)")
        assert panel.table.item(0, 3).text() == "қайтару"
        assert d.screen.history_dialog is not None
        assert d.screen.history_dialog.windowTitle() == "Чектер"
    finally:
        switcher.switch("en")
    qtbot.waitUntil(lambda: panel.reprint_button.text() == "Reprint (COPY)")
    d.runner.wait()
