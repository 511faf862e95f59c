"""Scan-to-verdict benchmark: from the scanner's Enter to the verdict banner painted.

Run ``python3 bench/bench_door.py [--scans N]`` from the repository root. It starts the demo
central server on loopback (``app.demo.DemoEnvironment``: a real ``python3 -m central.cli serve``
process, this console enrolled with it), builds the real console offscreen
(``Console.build``, devices off, fake sound), logs in the door member of staff, and feeds the
window one scan after another, as the keyboard-wedge filter does when a scanner sends Enter.

What one sample measures (wall clock, ``time.perf_counter``):

    start  just before ``MainWindow.receive_scan(ScanInput(text, WEDGE))`` is called: the
           moment the scan reaches the window after the scanner's Enter;
    end    after ``VerdictBanner.show_verdict`` returned AND ``banner.repaint()`` returned, i.e.
           the banner and its labels and icon were painted synchronously into the window's
           backing store. (Offscreen Qt: the final copy to a real screen is not included.)

In between: routing to the door screen, the single-writer worker thread (classify, "already
inside?" read, status lookup through the provider chain, venue read, occupancy, decide, the
visit and outbox rows committed with synchronous=FULL), the queued signal back to the UI
thread, and the banner update. Scans are paced one every ``--interval-ms`` (100 ms: a busy door
is far slower, and the server's per-station limit of 20 lookups/s would otherwise answer 429 and
send the chain to the cache for its 5 s cool-down), visitors alternate entry then exit so nobody
is "already inside", and cycle through the demo IINs of every colour. The JSON counts each
phase's verdicts by verdict/status/source, so an "online" phase that fell to the cache shows.

Phases: (a) ``online`` with the server on loopback (targets p95 < 50 ms); (b) ``cache`` with
the server stopped, so the chain falls to the local status cache (target p95 < 20 ms). Then the
pieces alone, without Qt, so a reader can see where the time goes. Figures go to
bench/results/door.json. This is a benchmark, not a test: nothing fails on a slow figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEMO_CODES = ROOT / "resources" / "demo" / "demo_codes.json"
COLOURS = ("green", "blue", "yellow", "red", "not_found")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(samples: list[float]) -> dict[str, float | int]:
    return {
        "n": len(samples),
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 0.95), 2),
        "max_ms": round(max(samples), 2),
        "mean_ms": round(statistics.fmean(samples), 2),
    }


def timed(fn: Callable[[], object], runs: int, pause_s: float = 0.0) -> dict[str, float | int]:
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        time.sleep(pause_s)  # paced under the server's per-station rate limit; not timed
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return summary(samples)


def machine() -> dict[str, object]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_avg_1_5_15": [round(x, 2) for x in load] if load else None,
    }


def demo_iins() -> dict[str, str]:
    return dict(json.loads(DEMO_CODES.read_text(encoding="utf-8"))["iins"])


class DoorDriver:
    """Feeds the console's window scan after scan and times each one to the painted banner."""

    def __init__(self, app, console, iins: list[str], interval_ms: int) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        from app.core.statuses import Direction

        self._timer = QTimer
        self.app = app
        self.window = console.window
        self.door = console.door
        self.iins = iins
        self.samples: list[float] = []
        self.kinds: dict[str, int] = {}
        self.total = 0
        self.k = 0
        self._start = 0.0
        self.interval_ms = interval_ms
        original = self.door.banner.show_verdict
        self.original_show = original

        def show_and_stop_clock(view):  # type: ignore[no-untyped-def]
            original(view)
            self.door.banner.repaint()
            elapsed = (time.perf_counter() - self._start) * 1000
            key = f"{view.verdict}/{view.status}/{view.source}"
            self.kinds[key] = self.kinds.get(key, 0) + 1
            self.samples.append(elapsed)
            self.k += 1
            if self.k >= self.total:
                self.app.quit()
            else:  # the next visitor, interval_ms after this one's scan (or at once if late)
                wait = self.interval_ms - (time.perf_counter() - self._start) * 1000
                QTimer.singleShot(max(0, int(wait)), self.next_scan)

        self.door.banner.show_verdict = show_and_stop_clock
        # Never block on the "already inside: is this an exit?" dialog: answer "exit".
        self.door._ask_exit = lambda text, method: self.door.submit(
            text, method, direction=Direction.EXIT
        )

    def next_scan(self) -> None:
        from app.core.statuses import Direction, InputMethod
        from app.views.screen import ScanInput

        k = self.k
        iin = self.iins[(k // 2) % len(self.iins)]
        self.door.set_direction(Direction.ENTRY if k % 2 == 0 else Direction.EXIT)
        self._start = time.perf_counter()
        self.window.receive_scan(ScanInput(iin, InputMethod.WEDGE))

    def run(self, count: int) -> list[float]:
        self.samples, self.kinds, self.k, self.total = [], {}, 0, count
        self._timer.singleShot(0, self.next_scan)
        self.app.exec()
        return list(self.samples)


def bench_pieces(ctx, iins: dict[str, str], runs: int, online: bool) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Each stage of `app.services.door.check` alone, on this station, without Qt."""
    from app.core.admission import decide
    from app.core.pseudonym import pseudonym
    from app.core.scan import classify
    from app.core.statuses import Direction, InputMethod, Status, StatusSource, Verdict
    from app.services.door import check, inside_now, record_visit
    from app.sync import protocol as p
    from app.sync.status_chain import LookupKey

    green = iins["green"]
    key = LookupKey("iin", green, pseudonym(ctx.pseudonym_key, green))
    venue = ctx.venue()
    at = ctx.clock()
    out: dict[str, object] = {}
    out["classify_id_card_text"] = timed(lambda: classify(f"ID KAZ N04123658 {green}"), runs)
    out["classify_iin"] = timed(lambda: classify(green), runs)
    out["pseudonym_hmac"] = timed(lambda: pseudonym(ctx.pseudonym_key, green), runs)
    pause = 0.1 if online else 0.0  # 10 lookups/s: the server allows a station 20/s
    answers: dict[str, int] = {}

    def lookup() -> None:
        result = ctx.chain.lookup(key).result
        answers[str(result.source)] = answers.get(str(result.source), 0) + 1

    out["status_lookup_chain"] = timed(lookup, runs, pause)
    out["status_lookup_chain"]["answered_by"] = answers  # type: ignore[assignment]
    out["venue_settings_read"] = timed(ctx.venue, runs)
    out["occupancy_query"] = timed(lambda: inside_now(ctx, venue, at), runs)
    out["decide"] = timed(
        lambda: decide(
            status=Status.BLUE,
            category=venue.category,
            at=at,
            tz=venue.time_zone,
            policy=venue.policy,
            source=StatusSource.CENTRAL,
            status_age=timedelta(seconds=3),
            direction=Direction.ENTRY,
            occupancy=10,
            capacity=venue.capacity,
        ),
        runs,
    )

    def write() -> None:
        event = p.VisitEvent(
            id=uuid.uuid4(),
            occurred_at=ctx.clock(),
            direction=Direction.EXIT,
            method=InputMethod.WEDGE,
            status=Status.GREEN,
            status_source="central",
            status_age_s=0,
            verdict=Verdict.ADMIT,
            reason="green",
            person=key.pseudonym,
            door=ctx.door[:40],
            offline=not online,
        )
        record_visit(ctx, event, source=StatusSource.CENTRAL)

    out["visit_and_outbox_commit_sync_full"] = timed(write, runs)
    out["check_service_whole"] = timed(
        lambda: check(ctx, green, direction=Direction.EXIT, method=InputMethod.WEDGE), runs, pause
    )
    return out


def bench_qt_pieces(console, driver: DoorDriver, runs: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The UI thread's share: the door flow's extra read, and the banner update and paint."""
    from app.core.pseudonym import pseudonym
    from app.views.verdict import VerdictView

    flow = console.door._actions
    person = pseudonym(console.ctx.pseudonym_key, demo_iins()["green"])
    views = [
        VerdictView("admit", "green", "green", "Green status: admit.", source="central", age_s=2),
        VerdictView("deny", "red", "red_isolation", "Red status: deny.", source="cache", age_s=90),
    ]
    flip = {"n": 0}

    def show_and_paint() -> None:
        flip["n"] += 1
        driver.original_show(views[flip["n"] % 2])
        console.door.banner.repaint()

    return {
        "door_flow_already_inside_read": timed(lambda: flow._inside(person), runs),
        "banner_show_verdict_and_repaint_qt": timed(show_and_paint, runs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=300, help="timed scans per phase")
    parser.add_argument("--warmup", type=int, default=10, help="untimed scans before each phase")
    parser.add_argument(
        "--interval-ms", type=int, default=100,
        help="one scan every N ms (the server allows a station 20 lookups/s; faster pacing "
        "measures its rate limit and the cache instead)",
    )  # fmt: skip
    parser.add_argument("--pieces", type=int, default=100, help="runs of each piece alone")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "door.json")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from app.demo import DEMO_PINS, DemoEnvironment
    from app.devices.sounds import FakeSoundPlayer
    from app.i18n import LanguageSwitcher
    from app.paths import database_path
    from app.services.context import open_station
    from app.settings import load
    from app.views.console import Console

    info_before = machine()
    home = Path(tempfile.mkdtemp(prefix="ashyq-bench-door-"))
    env = DemoEnvironment.start(home)
    iins = demo_iins()
    order = [iins[c] for c in COLOURS if c in iins]
    results: dict[str, dict] = {}
    try:
        app = QApplication([])
        switcher = LanguageSwitcher(app)
        switcher.switch("en")
        settings, _ = load(home / "settings.json")
        ctx = open_station(database_path(), budget_s=settings.lookup_budget_ms / 1000)
        console = Console.build(
            app, ctx, switcher, settings_path=home / "settings.json",
            start_devices=False, sound=FakeSoundPlayer(),
        )  # fmt: skip
        console.window.resize(1366, 768)
        console.window.show()
        auth = console.window._s.auth
        door_staff = next(m for m in auth.list_staff() if m.role == "door")
        console.window._on_logged_in(auth.login(door_staff.id, DEMO_PINS["door"]))
        driver = DoorDriver(app, console, order, args.interval_ms)

        phases: dict[str, dict] = {}
        for phase in ("online", "cache"):
            if phase == "cache":
                env.stop()  # the server is gone; the chain falls to the local cache
            driver.run(args.warmup)
            samples = driver.run(args.scans)
            phases[phase] = {**summary(samples), "verdicts": dict(sorted(driver.kinds.items()))}
            phases[phase]["pieces"] = bench_pieces(ctx, iins, args.pieces, phase == "online")
            phases[phase]["pieces"].update(bench_qt_pieces(console, driver, args.pieces))
        results = phases
        console.shutdown()
    finally:
        env.stop()
        shutil.rmtree(home, ignore_errors=True)

    info = machine()
    info["load_avg_at_start_1_5_15"] = info_before["load_avg_1_5_15"]
    targets = {"online": 50.0, "cache": 20.0}
    print(f"scan-to-verdict, {args.scans} scans per phase; {info['cpus']} CPUs; "
          f"load {info_before['load_avg_1_5_15']} -> {info['load_avg_1_5_15']}")  # fmt: skip
    print("measured: receive_scan(Enter) -> show_verdict returned + banner.repaint() returned")
    print(f"{'phase':<8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'target p95':>12}")
    for phase, r in results.items():
        print(f"{phase:<8}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}{targets[phase]:>12}")
    for phase, r in results.items():
        print(f"  verdicts ({phase}, verdict/status/source): {r['verdicts']}")
        print(f"\npieces ({phase}), median / p95 ms over {args.pieces} runs:")
        for name, piece in r["pieces"].items():
            extra = f"  answered by {piece['answered_by']}" if "answered_by" in piece else ""
            print(f"  {name:<36}{piece['p50_ms']:>8}{piece['p95_ms']:>8}{extra}")
    payload = {
        "machine": info,
        "measured": (
            "wall time from just before MainWindow.receive_scan(ScanInput(iin, wedge)) to just "
            "after VerdictBanner.show_verdict returned and banner.repaint() returned (offscreen "
            "Qt); one scan every interval_ms, entry/exit alternating over the demo IINs of every colour"
        ),
        "scans_per_phase": args.scans,
        "interval_ms": args.interval_ms,
        "targets_p95_ms": targets,
        "phases": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
