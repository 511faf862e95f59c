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
from tests import timing
from tests.e2e.conftest import ENROLL_CODE, ROOT, CentralProcess

SCANS = 1000
IINS = ["880315300103", "920711400201", "751202300303", "010525500405", "660930400504"]


def _shown(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="ascii", errors="replace").split("\n")
    return [line for line in lines[:-1] if len(line) == 36]  # the last line may be cut short


def _lines(path: Path) -> int:
    """Lines written so far (cheap enough to poll every few ms)."""
    try:
        return path.stat().st_size // 37
    except FileNotFoundError:
        return 0


class Launches:
    """Starts the scanning console again and again and kills it at random moments.

    The moments follow the console, not the clock: most runs are killed after a random number of
    verdicts has been painted (at a random instant between two of them), some during start-up
    (at a random fraction of the previous run's start-up time). So a slow or busy machine gets
    the same kills, only later; a console that stops painting verdicts fails on a deadline
    (tests/timing.py) that stretches with the machine.
    """

    START_S = 30.0  # from launch to the first painted verdict, on an idle machine
    STALL_S = 10.0  # between two painted verdicts, on an idle machine

    def __init__(self, shown_file: Path, env: dict[str, str], rng: random.Random) -> None:
        self.shown_file = shown_file
        self.env = env
        self.rng = rng
        self.runs = self.kills_mid_burst = self.kills_at_start = 0
        self.start_s = 1.0  # time to the first verdict, measured by each run

    def _spawn(self, remaining: int) -> subprocess.Popen[bytes]:
        self.runs += 1
        return subprocess.Popen(
            [sys.executable, str(ROOT / "tests/e2e/crash_console.py"), str(self.shown_file),
             str(remaining), ",".join(IINS)],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip

    def _finished(self, proc: subprocess.Popen[bytes]) -> None:
        err = proc.stderr.read().decode(errors="replace")[-3000:] if proc.stderr else ""
        assert proc.returncode == 0, f"the console exited with {proc.returncode}:\n{err}"

    def _kill(self, proc: subprocess.Popen[bytes]) -> None:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=timing.seconds(10))

    def kill_at_start(self, remaining: int) -> None:
        proc = self._spawn(remaining)
        try:
            proc.wait(timeout=self.rng.uniform(0.0, self.start_s))
        except subprocess.TimeoutExpired:
            self._kill(proc)
            self.kills_at_start += 1
        else:
            self._finished(proc)
        finally:
            if proc.stderr:
                proc.stderr.close()

    def kill_mid_burst(self, remaining: int, verdicts: int) -> None:
        before = _lines(self.shown_file)
        target = before + verdicts
        launched = last_change = time.monotonic()
        last = before
        proc = self._spawn(remaining)
        try:
            while proc.poll() is None:
                now, count = time.monotonic(), _lines(self.shown_file)
                if count >= target:
                    time.sleep(self.rng.uniform(0.0, 0.02))  # somewhere in the next scan
                    self._kill(proc)
                    self.kills_mid_burst += 1
                    return
                if count != last:
                    if last == before:
                        self.start_s = now - launched
                    last, last_change = count, now
                waited = now - last_change
                limit = timing.seconds(self.START_S if count == before else self.STALL_S)
                if waited > limit:
                    self._kill(proc)
                    raise AssertionError(
                        f"run {self.runs}: no verdict painted for {waited:.0f} s "
                        f"({count - before} in this run)"
                    )
                time.sleep(0.005)
            self._finished(proc)
        finally:
            if proc.stderr:
                proc.stderr.close()


@pytest.mark.slow
@pytest.mark.timeout(600)
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
        launches = Launches(shown_file, env, random.Random(20261122))
        while (remaining := SCANS - len(_shown(shown_file))) > 0:
            assert launches.runs < 60, f"{launches.runs} runs and only {SCANS - remaining} shown"
            if launches.runs % 4 == 1:
                launches.kill_at_start(remaining)
            else:
                launches.kill_mid_burst(remaining, launches.rng.randint(40, 200))
        assert launches.kills_mid_burst >= 3, "the console was never killed mid-burst"
        shown = _shown(shown_file)
        with sqlite3.connect(home / "console.sqlite3") as db:
            stored = {row[0].replace("-", "") for row in db.execute("SELECT id FROM visit_event")}
        missing = [v for v in shown if v.replace("-", "") not in stored]
        assert missing == [], f"{len(missing)} shown verdicts are not in the database"
        print(
            f"{len(shown)} verdicts shown in {launches.runs} runs; killed "
            f"{launches.kills_mid_burst} times mid-burst, {launches.kills_at_start} at start-up"
        )
    finally:
        server.stop()
        os.environ.pop("ASHYQ_HOME", None)
