"""A console that scans without pause until it is killed: the crash test's subject.

Started by tests/e2e/test_crash_recovery.py with ASHYQ_HOME pointing at an enrolled station.
It builds the real window offscreen, logs in the door staff member, and feeds the door screen
one scripted scan after another. Each time the verdict banner is painted it appends the visit's
id to the "shown" file and fsyncs it: that file is what a guard saw. The test SIGKILLs this
process at random moments and checks that every id in it is in the database.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    shown_path = Path(sys.argv[1])
    total = int(sys.argv[2])
    iins = sys.argv[3].split(",")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.core.statuses import Direction
    from app.devices.sounds import FakeSoundPlayer
    from app.i18n import LanguageSwitcher
    from app.paths import database_path
    from app.services.context import open_station
    from app.sync.secrets import use_demo_keyring
    from app.views.console import Console

    use_demo_keyring(Path(os.environ["ASHYQ_HOME"]) / "DEMO-keyring.json")
    app = QApplication([])
    switcher = LanguageSwitcher(app)
    ctx = open_station(database_path(), budget_s=2.0)
    console = Console.build(app, ctx, switcher, start_devices=False, sound=FakeSoundPlayer())
    auth = console.window._s.auth
    door_staff = next(m for m in auth.list_staff() if m.role == "door")
    console.window._on_logged_in(auth.login(door_staff.id, "1111"))
    door = console.door
    shown = shown_path.open("a", encoding="ascii")
    count = {"n": 0}
    original = door.banner.show_verdict

    def show_and_note(view):  # type: ignore[no-untyped-def]
        original(view)
        outcome = door.last_outcome
        if outcome is not None and outcome.visit_id is not None:
            shown.write(f"{outcome.visit_id}\n")
            shown.flush()
            os.fsync(shown.fileno())
        count["n"] += 1
        if count["n"] >= total:
            app.quit()
        else:
            QTimer.singleShot(0, next_scan)

    door.banner.show_verdict = show_and_note  # type: ignore[method-assign]

    def next_scan() -> None:
        # each visitor enters, then leaves; the k-th scan is the (k // 2)-th visitor
        k = count["n"]
        iin = iins[(k // 2) % len(iins)]
        door.submit(iin, "serial", direction=Direction.ENTRY if k % 2 == 0 else Direction.EXIT)

    # A guard asked "already inside: is this an exit?" (a visitor whose exit the kill cut off)
    # answers yes.
    door._ask_exit = lambda text, method: door.submit(  # type: ignore[method-assign]
        text, method, direction=Direction.EXIT
    )

    QTimer.singleShot(0, next_scan)
    app.exec()
    console.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
