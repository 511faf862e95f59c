"""Write before you show (DESIGN.md habit 6): kill the console at random moments during a burst
of scans; after every restart, each verdict that had been painted is in the database."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.services.sync_service import enroll
from app.sync.secrets import use_demo_keyring
from tests.e2e.conftest import ENROLL_CODE, ROOT, CentralProcess

SCANS = 1000
IINS = ["880315300103", "920711400201", "751202300303", "010525500405", "660930400504"]


def _shown(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="ascii", errors="replace").split("\n")
    return [line for line in lines[:-1] if len(line) == 36]  # the last line may be cut short


@pytest.mark.slow
def test_every_shown_verdict_survives_sigkill(tmp_path: Path) -> None:
    server = CentralProcess(tmp_path / "server").start()
    home = tmp_path / "console"
    home.mkdir()
    env = {
        **os.environ,
        "ASHYQ_HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
    }
    try:
        os.environ["ASHYQ_HOME"] = str(home)
        use_demo_keyring(home / "DEMO-keyring.json")
        enroll(server.url, ENROLL_CODE, "Crash door", home / "console.sqlite3", door="9")
        shown_file = tmp_path / "shown.txt"
        rng = random.Random(20261122)
        kills = 0
        deadline = time.monotonic() + 240
        while len(_shown(shown_file)) < SCANS and time.monotonic() < deadline:
            remaining = SCANS - len(_shown(shown_file))
            proc = subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "tests/e2e/crash_console.py"),
                    str(shown_file),
                    str(remaining),
                    ",".join(IINS),
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            try:
                proc.wait(timeout=rng.uniform(1.5, 6.0))
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
                kills += 1
            else:
                assert proc.returncode == 0, (
                    proc.stderr.read().decode()[-3000:] if proc.stderr else ""
                )
            if proc.stderr:
                proc.stderr.close()
        shown = _shown(shown_file)
        assert len(shown) >= SCANS, f"only {len(shown)} verdicts shown before the deadline"
        assert kills >= 3, "the console was never killed mid-burst"
        with sqlite3.connect(home / "console.sqlite3") as db:
            stored = {row[0].replace("-", "") for row in db.execute("SELECT id FROM visit_event")}
        missing = [v for v in shown if v.replace("-", "") not in stored]
        assert missing == [], f"{len(missing)} shown verdicts are not in the database"
    finally:
        server.stop()
        os.environ.pop("ASHYQ_HOME", None)
