"""The Qt binding itself must not corrupt Python's reference counts.

PySide6-Essentials 6.12.0 decrements None (and True/False) once too often on ordinary calls such
as QWidget.setVisible: after a few hundred thousand calls, which a door console makes in one
evening, Python aborts ("deallocating None"). pyproject.toml keeps that release out; this test
keeps it out for good: it makes such calls in a child process and expects a clean exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel

    class Relay(QObject):
        changed = Signal(bool)

    app = QApplication([])
    label = QLabel()
    relay = Relay()
    relay.changed.connect(lambda on: label.setVisible(not on))
    for i in range(300_000):
        relay.changed.emit(i % 2 == 0)
        label.setHidden(i % 3 == 0)
    print("clean")
    """
)


def test_hundreds_of_thousands_of_qt_calls_leave_python_intact() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=300, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "clean"
