"""The receipt history window at 1366x768 for the README: ``docs/images/receipt-history.png``.

Run ``python3 tools/screenshot_receipt_history.py [--lang ru] [--out FILE]`` from the repository
root. It builds the small box office of the tests (tests/unit/test_refund_desk_world.py) in a
temporary folder, refunds four orders in the three languages through the refund desk service,
prints three of them to a PDF folder (one reprinted as COPY), opens the desk's history window
offscreen in the chosen language and saves ``QWidget.grab()`` of it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "Asia/Almaty"  # the venue's clock: the times in the list are the venue's
if hasattr(time, "tzset"):
    time.tzset()

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="ru", choices=["kk", "ru", "en"])
    parser.add_argument("--out", default=str(ROOT / "docs" / "images" / "receipt-history.png"))
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from app.core.money import format_money
    from app.core.statuses import Role
    from app.i18n import LanguageSwitcher
    from app.services.auth import StaffMember
    from app.services.receipt_history import ReceiptHistory
    from app.services.receipts import PdfFolderSink
    from app.views.receipt_history import ReceiptHistoryDialog, ReceiptHistoryPanel
    from app.views.tasks import TaskRunner
    from tests.unit.test_refund_desk_world import build_world, local

    app = QApplication.instance() or QApplication([])
    LanguageSwitcher(app).switch(args.lang)  # type: ignore[arg-type]
    home = Path(tempfile.mkdtemp(prefix="ashyq-receipts-"))
    w = build_world(home)
    w.shifts().open(w.cashier)
    w.add_show("S1930", local(22, 19, 30), title="Абай жолы")
    w.add_show("S2100", local(22, 21, 0), title="Дюна: часть третья")
    orders = [("100200", "S1930", "kk"), ("100310", "S2100", "ru"), ("100455", "S1930", "ru"),
              ("100502", "S2100", "en")]  # fmt: skip
    desk, receipts = w.desk(), w.receipts()
    folder = PdfFolderSink(home / "printed")
    for index, (number, show, lang) in enumerate(orders):
        w.now = local(21, 14 + index, 5 + 7 * index)
        codes = [f"T{number}{i}" for i in range(1, 3)]
        w.add_order(number, "cinemax", show, [(c, "adult", 250_000) for c in codes])
        done = desk.refund(number, codes[: 1 + index % 2], staff_id=w.cashier,
                           refund_id=uuid.uuid4(), lang=lang)  # type: ignore[arg-type]  # fmt: skip
        if index < 3 and done.receipt_id is not None:
            receipts.print_receipt(done.receipt_id, folder, staff_id=w.cashier)
        if index == 1 and done.receipt_id is not None:
            receipts.reprint(done.receipt_id, folder, staff_id=w.cashier)

    runner = TaskRunner()
    member = StaffMember(w.cashier, "Aigerim Sadykova", Role.CASHIER)
    panel = ReceiptHistoryPanel(ReceiptHistory(receipts), runner, lambda: member, lambda: folder,
                                lambda tiyn: format_money(tiyn, args.lang))  # fmt: skip
    dialog = ReceiptHistoryDialog(panel)
    dialog.resize(1366, 768)
    dialog.show()
    panel.find()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (panel.entries and panel.preview_pdf):
        app.processEvents()
        time.sleep(0.02)
    panel.table.selectRow(1)
    panel.preview_pdf = None
    while time.monotonic() < deadline and panel.preview_pdf is None:
        app.processEvents()
        time.sleep(0.02)
    runner.wait()
    app.processEvents()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = dialog.grab().save(str(out))
    print(f"written {out}" if ok else f"could not write {out}")
    w.engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
