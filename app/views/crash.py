"""The crash hook (DESIGN.md habit 12): an uncaught error is logged and shown, never silent.

The dialog says what happened in the user's language, that recorded visits are safe (they are
committed before they are shown), and offers "Copy details" for whoever supports the venue.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import describe
from app.logs import redact

log = logging.getLogger("app.crash")


def _show(exc: BaseException, details: str) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    code, message = describe(exc)
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("Crash", "Something went wrong"))
    box.setText(
        QApplication.translate(
            "Crash",
            "The console hit an error it did not expect. Visits already shown are saved."
            " If it happens again, copy the details and send them to your administrator.",
        )
    )
    box.setInformativeText(f"{code}: {message}")
    box.setDetailedText(details)
    copy = box.addButton(
        QApplication.translate("Crash", "Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        clipboard = QApplication.clipboard()
        clipboard.setText(details)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    details = redact("".join(traceback.format_exception(exc_type, exc, tb)))
    log.error("uncaught error:\n%s", details)
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    try:
        _show(exc, details)
    except Exception:  # the hook itself must never raise
        log.exception("could not show the crash dialog")


def install() -> None:
    sys.excepthook = excepthook
