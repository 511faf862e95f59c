"""`ashyq-console --self-test`: prove on this PC, in a minute, that the installed console works.

The build script runs it on the frozen app before an installer is made (DESIGN.md habit 12), and
IT staff run it on a cashier's PC after installing. Each check exercises one thing a frozen build
tends to lose: a Qt plugin, a native library (zbar, zxing-cpp), a data file PyInstaller did not
collect (Alembic migrations, fonts, translations, time zones, holidays). A check either returns a
short detail or raises; the reason is printed on its line, and the exit status is 0 only if every
check passed, so a script can act on it.

Everything happens in a fresh temporary data folder (``ASHYQ_HOME`` points there while it runs):
the self-test never touches the venue's own database. ``--db FILE`` additionally migrates that
file in place and checks that every table kept its rows: the way to rehearse an upgrade on a copy
of a venue's database.

A windowed Windows build has no stdout, so the lines also go to a file: ``--report FILE``, else
the ``ASHYQ_SELFTEST_REPORT`` variable (the build script uses it: it works whatever arguments
the console passes through), else, only when there is no stdout, logs/selftest.txt in the
console's data folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

QR_PAYLOAD = "ASHYQ:VENUE:SELFTEST-01"
LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class Outcome:
    """One check's result, as printed."""

    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        mark = "ok     " if self.ok else "FAILED "
        return f"{mark} {self.name:<13} {self.detail} ({self.seconds * 1000:.0f} ms)"


class Context:
    """What the checks share: the scratch folder, the options, and the QApplication once made."""

    def __init__(self, work: Path, db: Path | None) -> None:
        self.work = work
        self.db = db
        self.app: Any = None


# --- the checks -------------------------------------------------------------------------------


def check_database(ctx: Context) -> str:
    """A fresh database through every migration: proves Alembic found its scripts when frozen."""
    from app.models import current_revision, upgrade_database

    path = ctx.work / "console.sqlite3"
    upgrade_database(path)
    revision = current_revision(path)
    head = _head_revision()
    if revision != head:
        raise RuntimeError(f"database is at {revision!r}, the migrations' head is {head!r}")
    with sqlite3.connect(path) as conn:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
    return f"fresh database migrated to {revision}, {tables[0]} tables"


def _head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    from app.models import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def check_upgrade(ctx: Context) -> str:
    """Migrate the given (older) database in place and compare row counts table by table."""
    assert ctx.db is not None
    if not ctx.db.is_file():
        raise FileNotFoundError(f"{ctx.db} does not exist")
    from app.models import current_revision, upgrade_database

    before_revision = current_revision(ctx.db)
    before = _row_counts(ctx.db)
    upgrade_database(ctx.db)
    after = _row_counts(ctx.db)
    lost = {t: (n, after.get(t, 0)) for t, n in before.items() if after.get(t, 0) < n}
    if lost:
        raise RuntimeError(f"rows lost in the upgrade (table: before, after): {lost}")
    total = sum(before.values())
    return f"{ctx.db.name}: {before_revision} -> {current_revision(ctx.db)}, {total} rows kept"


def _row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def check_scan(_ctx: Context) -> str:
    """The door's classifier on one input of each common kind."""
    from app.core.scan import Rejection, classify

    expected = {"ASHYQ:CMD:ENTRY": "command", "ab12-cd34": "ticket", QR_PAYLOAD: "venue"}
    for raw, kind in expected.items():
        result = classify(raw)
        if isinstance(result, Rejection) or str(result.kind) != kind:
            raise RuntimeError(f"{raw!r} classified as {result!r}, expected {kind}")
    return f"{len(expected)} inputs classified"


def _qr_image() -> Any:
    """A QR code as a grayscale array with a quiet zone, made by zxing-cpp (no files needed)."""
    import numpy as np
    import zxingcpp

    code = zxingcpp.create_barcode(QR_PAYLOAD, zxingcpp.BarcodeFormat.QRCode)
    image = np.asarray(zxingcpp.write_barcode_to_image(code, scale=6), dtype=np.uint8)
    return np.pad(image, 40, constant_values=255)


def _decode_with(name: str) -> str:
    from app.devices.decoders import make_decoder

    found = [d.text for d in make_decoder(name).decode(_qr_image())]
    if found != [QR_PAYLOAD]:
        raise RuntimeError(f"{name} read {found!r}, expected [{QR_PAYLOAD!r}]")
    return f"QR read by {name}"


def check_zxing(_ctx: Context) -> str:
    return _decode_with("zxing")


def check_pyzbar(_ctx: Context) -> str:
    """Separate from zxing: the zbar DLL is the native library most often missing when frozen."""
    return _decode_with("pyzbar")


def check_receipt(ctx: Context) -> str:
    from app.documents.receipt import render_receipt_pdf
    from app.documents.samples import sample_receipt

    pdf = render_receipt_pdf(sample_receipt("kk"), "80mm")
    _require_pdf(pdf, "receipt")
    (ctx.work / "receipt-80mm.pdf").write_bytes(pdf)
    return f"80 mm Kazakh receipt, {len(pdf) // 1024} KiB"


def check_report(ctx: Context) -> str:
    from app.documents.report import render_report_pdf
    from app.documents.report_files import report_xlsx
    from app.documents.samples import sample_report

    data = sample_report(200)
    pdf = render_report_pdf(data, "ru")
    _require_pdf(pdf, "report")
    xlsx = report_xlsx(data, "kk")
    if not xlsx.startswith(b"PK"):
        raise RuntimeError("the XLSX report is not a zip file")
    (ctx.work / "report.pdf").write_bytes(pdf)
    return f"daily report PDF {len(pdf) // 1024} KiB and XLSX {len(xlsx) // 1024} KiB"


def _require_pdf(blob: bytes, what: str) -> None:
    if not blob.startswith(b"%PDF-") or b"%%EOF" not in blob[-64:]:
        raise RuntimeError(f"the {what} is not a complete PDF")


def check_calendar(_ctx: Context) -> str:
    """Time zones and holidays are data files: Windows has no tz database of its own."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from app.core.workdays import is_working_day

    offset = datetime(2026, 1, 1, 12, tzinfo=ZoneInfo("Asia/Almaty")).utcoffset()
    if offset is None:
        raise RuntimeError("Asia/Almaty has no UTC offset")
    if is_working_day(date(2026, 3, 23)) or not is_working_day(date(2026, 3, 11)):
        # Monday 23 March 2026 is Nauryz; Wednesday 11 March an ordinary working day
        raise RuntimeError("the Kazakhstan holiday calendar is wrong: holidays data missing?")
    return f"Asia/Almaty UTC+{offset.total_seconds() / 3600:g}, Nauryz is a holiday"


def check_resources(_ctx: Context) -> str:
    from app.resources import load_json, resource_path, resources_dir

    load_json("policies", "admission.json")
    load_json("policies", "refund_rules.json")
    wanted = [
        ("sounds", "admit.wav"),
        ("sounds", "deny.wav"),
        ("sounds", "check.wav"),
        ("fonts", "DejaVuSans.ttf"),
        ("fonts", "DejaVuSans-Bold.ttf"),
    ]
    missing = [str(Path(*p)) for p in wanted if not resource_path(*p).is_file()]
    if missing:
        raise FileNotFoundError(f"missing in {resources_dir()}: {', '.join(missing)}")
    return f"policies, sounds and fonts in {resources_dir().name}/"


def check_keyring(_ctx: Context) -> str:
    """The station token lives in the keyring; on Windows that must be the Credential Manager."""
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if sys.platform == "win32" and "Windows" not in name:
        raise RuntimeError(f"keyring backend is {name}, not the Windows Credential Manager")
    return f"backend {name}"


def check_translations(_ctx: Context) -> str:
    """Each catalogue must exist and load; completeness is the i18n tests' job, not this one's.

    An empty catalogue is reported, not failed: English is the source language, so its
    catalogue is legitimately empty.
    """
    from PySide6.QtCore import QTranslator

    from app.i18n import qm_path

    problems, empty = [], []
    for lang in LANGUAGES:
        path = qm_path(lang)
        if not path.is_file():
            problems.append(f"{path.name} missing (build it: python -m app.i18n --compile-only)")
            continue
        translator = QTranslator()
        if not translator.load(str(path)):
            problems.append(f"{path.name} does not load")
        elif translator.isEmpty():
            empty.append(lang)
    if problems:
        raise RuntimeError("; ".join(problems))
    note = f" ({', '.join(empty)} without translated texts)" if empty else ""
    return f"{', '.join(LANGUAGES)} catalogues load{note}"


def check_qt(ctx: Context) -> str:
    """A widget painted offscreen with Kazakh text: platform plugin, fonts, widgets module."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(["ashyq-console", "--self-test"])
    ctx.app = app
    label = QLabel("Тексеру: Қазақстан, Өскемен, Ұлытау")
    label.resize(480, 60)
    label.show()
    app.processEvents()
    picture = label.grab()
    label.close()
    label.deleteLater()
    if picture.isNull() or picture.width() < 100:
        raise RuntimeError("the widget did not paint")
    return f"platform {QApplication.platformName()}, label painted {picture.width()}px wide"


def check_qt_plugins(ctx: Context) -> str:
    """JPEG reading (imageformats plugin) and printing to PDF (print support)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QImageReader, QPageLayout, QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrinter

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "jpeg" not in formats:
        raise RuntimeError(f"no JPEG image plugin (formats: {sorted(formats)})")
    target = ctx.work / "printer-test.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A6), QPageLayout.Orientation.Portrait, QMarginsF()
    )
    printer.setPageLayout(layout)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("cannot paint on a PDF printer")
    painter.drawText(100, 100, "Ashyq")
    painter.end()
    if not target.is_file() or target.stat().st_size == 0:
        raise RuntimeError("the print-to-PDF file was not written")
    return f"jpeg reader, print to PDF ({len(formats)} image formats)"


CHECKS: list[tuple[str, Callable[[Context], str]]] = [
    ("database", check_database),
    ("scan", check_scan),
    ("zxing", check_zxing),
    ("pyzbar", check_pyzbar),
    ("receipt", check_receipt),
    ("report", check_report),
    ("calendar", check_calendar),
    ("resources", check_resources),
    ("keyring", check_keyring),
    ("translations", check_translations),
    ("qt", check_qt),
    ("qt-plugins", check_qt_plugins),
]


# --- running ----------------------------------------------------------------------------------


def run_check(name: str, check: Callable[[Context], str], ctx: Context) -> Outcome:
    started = time.perf_counter()
    try:
        detail = check(ctx)
        ok = True
    except Exception as exc:  # a self-test reports every failure and goes on to the next check
        detail = f"{type(exc).__name__}: {exc}".replace("\n", " ")
        ok = False
    return Outcome(name, ok, detail, time.perf_counter() - started)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Tolerant of the console's own flags (--self-test, --fullscreen ...) passed through."""
    parser = argparse.ArgumentParser(prog="ashyq-console --self-test", add_help=False)
    parser.add_argument("--data-dir", type=Path, default=None, help="make the scratch folder here")
    parser.add_argument("--db", type=Path, default=None, help="also migrate this database file")
    parser.add_argument("--report", type=Path, default=None, help="also write the lines here")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--only", action="append", default=None, help="run only this check")
    args, _unknown = parser.parse_known_args(argv)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run every check, print one line each, return 0 only if all passed."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    args.report = _report_path(args.report)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.data_dir is not None:
        args.data_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ashyq-selftest-", dir=args.data_dir))
    previous_home = os.environ.get("ASHYQ_HOME")
    os.environ["ASHYQ_HOME"] = str(work)
    ctx = Context(work, args.db)
    checks = list(CHECKS)
    if args.db is not None:
        checks.insert(1, ("upgrade", check_upgrade))
    if args.only:
        checks = [(n, c) for n, c in checks if n in args.only]
    lines = [f"Ashyq console {_version()} self-test, {_where()}"]
    _say(lines[0], args.report, first=True)
    outcomes = []
    try:
        for name, check in checks:
            outcome = run_check(name, check, ctx)
            outcomes.append(outcome)
            _say(outcome.line(), args.report)
    finally:
        if previous_home is None:
            os.environ.pop("ASHYQ_HOME", None)
        else:
            os.environ["ASHYQ_HOME"] = previous_home
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    failed = [o.name for o in outcomes if not o.ok]
    if failed:
        _say(
            f"self-test FAILED: {len(failed)} of {len(outcomes)} checks ({', '.join(failed)})",
            args.report,
        )
        return 1
    _say(f"self-test passed: all {len(outcomes)} checks", args.report)
    return 0


def _report_path(given: Path | None) -> Path | None:
    if given is not None:
        return given
    if env := os.environ.get("ASHYQ_SELFTEST_REPORT"):
        return Path(env)
    if sys.stdout is None:
        from app.paths import logs_dir

        return logs_dir() / "selftest.txt"
    return None


def _version() -> str:
    from app import __version__

    return __version__


def _where() -> str:
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    return f"{frozen}, Python {sys.version.split()[0]} on {sys.platform}"


def _say(line: str, report: Path | None, *, first: bool = False) -> None:
    if sys.stdout is not None:  # None in a windowed build started without a console
        print(line, flush=True)
    if report is not None:
        with report.open("w" if first else "a", encoding="utf-8") as fh:
            fh.write(line + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
