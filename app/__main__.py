"""`python -m app` / `ashyq-console`: the composition root of the desktop console.

Order of things: data folder, logging, crash hook, QApplication, language, (demo environment),
the local database and the station's credentials, then the window. Problems a venue can fix
(not enrolled, no keyring, a locked database) are shown as a dialog in the person's language,
never as a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__

log = logging.getLogger("app")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ashyq-console", description="Ashyq venue console")
    parser.add_argument("--version", action="version", version=f"ashyq-console {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="everything on this machine with sample data (starts a local server)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the installation (database, decoders, documents, translations)",
    )
    parser.add_argument("--data-dir", type=Path, help="the console's data folder")
    parser.add_argument("--lang", choices=["kk", "ru", "en"], help="interface language")
    parser.add_argument("--fullscreen", action="store_true", help="full screen (door PCs)")
    parser.add_argument("--quit-after", type=float, default=None, help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(list(argv) if argv is not None else None)
    if rest and not args.self_test:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest  # the self-test's own options (--db, --report, --only ...)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.data_dir:
        os.environ["ASHYQ_HOME"] = str(args.data_dir)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from app.selftest import main as self_test

        return self_test(args.rest)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.errors import describe
    from app.i18n import LanguageSwitcher
    from app.logs import setup_logging
    from app.views import crash

    demo = None
    if args.demo:
        from app.demo import DemoEnvironment

        demo = DemoEnvironment.start()
    from app.paths import data_dir, database_path, logs_dir

    setup_logging(logs_dir())
    log.info("ashyq-console %s starting, data in %s", __version__, data_dir())
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Ashyq console")
    app.setOrganizationName("Ashyq")
    crash.install()

    from app.settings import load

    settings, _ = load(data_dir() / "settings.json")
    switcher = LanguageSwitcher(app)
    switcher.switch(args.lang or settings.language)

    from app.services.context import open_station
    from app.views.console import Console

    try:
        ctx = open_station(database_path(), budget_s=settings.lookup_budget_ms / 1000)
    except Exception as exc:  # not enrolled, no keyring, database locked ...
        code, message = describe(exc)
        QMessageBox.critical(
            None,
            QApplication.translate("Main", "The console cannot start"),
            _startup_advice(code, message),
        )
        if demo is not None:
            demo.stop()
        return 1
    console = Console.build(app, ctx, switcher)
    if demo is not None:
        print(demo.banner(), flush=True)
        console.window.status.flash(demo.banner().splitlines()[1], 60_000)
    if args.fullscreen or settings.fullscreen:
        console.window.showFullScreen()
    else:
        console.window.show()
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), app.quit)
    try:
        return int(app.exec())
    finally:
        console.shutdown()
        if demo is not None:
            demo.stop()


def _startup_advice(code: str, message: str) -> str:
    from PySide6.QtWidgets import QApplication

    advice = {
        "not_enrolled": QApplication.translate(
            "Main",
            "This PC is not enrolled with the central server yet. Ask your administrator for a"
            " one-time code and run: ashyq enroll --server URL --code CODE",
        ),
        "keyring_unavailable": QApplication.translate(
            "Main",
            "The system keyring, where the station's token is kept, is not available. On Windows"
            " it is built in; on Linux install and unlock GNOME Keyring or KWallet.",
        ),
        "locked": QApplication.translate(
            "Main", "The database is used by another copy of the console. Close it and try again."
        ),
    }
    return advice.get(code, QApplication.translate("Main", "Error: %1").replace("%1", message))


if __name__ == "__main__":
    raise SystemExit(main())
