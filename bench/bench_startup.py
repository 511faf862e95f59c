"""Start-up benchmark: from a new process to a usable door screen, and memory with the camera on.

Run ``python3 bench/bench_startup.py [--runs N] [--camera-seconds S]`` from the repository root.
Target: start-up under 2 s. Figures go to bench/results/startup.json.

The parent starts the demo central server on loopback and enrolls a data folder once
(``app.demo.DemoEnvironment``, camera = the demo video), then starts this same file with
``--child`` in a fresh ``python3`` process, ``--runs`` times. The child does what
``python3 -m app`` does (imports, QApplication, language, ``open_station``,
``Console.build`` with its devices: camera on the demo video, sync, check-in stream; the window
shown at 1366x768, offscreen Qt), logs the door member of staff in with the PIN, and stops the
clock at the first paint of the door screen's verdict banner after the login.

Figures of one run:

- ``spawn_to_door_ms``: from just before the parent's ``subprocess.Popen`` to that first paint
  (wall clock), so it includes the interpreter's own start: what a guard waits for, minus
  typing the PIN;
- the child's phases, from the first line of the script (``time.perf_counter``): imports,
  QApplication + language, station opened (migrations checked, keyring read), console built,
  login window painted, PIN checked (scrypt, deliberately slow), door painted.

The last run then keeps the camera playing for ``--camera-seconds`` and reports the frames
shown on the door's preview, codes found, and memory: peak RSS (``VmHWM`` from /proc, or
``ru_maxrss`` elsewhere) and RSS at the door and at the end. A benchmark, not a test.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # the child's clock starts here, before any import of the project

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 2000.0


def memory_kib() -> dict[str, int | None]:
    """Resident set now and its peak, in KiB."""
    out: dict[str, int | None] = {"rss_kib": None, "peak_rss_kib": None}
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                out["rss_kib"] = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                out["peak_rss_kib"] = int(line.split()[1])
    if out["peak_rss_kib"] is None:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out["peak_rss_kib"] = peak // 1024 if sys.platform == "darwin" else peak
    return out


# --- the child: one start-up -------------------------------------------------------------------


def child(home: Path, camera_seconds: float) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ASHYQ_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks[name] = round((time.perf_counter() - T0) * 1000, 1)

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from app.demo import DEMO_PINS
    from app.i18n import LanguageSwitcher
    from app.paths import data_dir, database_path
    from app.services.context import open_station
    from app.settings import load
    from app.sync.secrets import use_demo_keyring
    from app.views.console import Console

    mark("imports")
    use_demo_keyring(home / "DEMO-keyring.json")
    app = QApplication([sys.argv[0]])
    settings, _ = load(data_dir() / "settings.json")
    switcher = LanguageSwitcher(app)
    switcher.switch(settings.language)
    mark("qapplication_and_language")
    ctx = open_station(database_path(), budget_s=settings.lookup_budget_ms / 1000)
    mark("station_opened")
    console = Console.build(app, ctx, switcher)
    mark("console_built")
    window = console.window
    door = console.door

    class FirstPaint(QObject):
        def __init__(self, name: str, then: object) -> None:
            super().__init__()
            self.name, self.then, self.done = name, then, False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                mark(self.name)
                marks[self.name + "_wall"] = time.time()  # type: ignore[assignment]
                QTimer.singleShot(0, self.then)  # type: ignore[arg-type]
            return False

    frames = {"shown": 0, "codes": 0}
    console.camera.frame_ready.connect(
        lambda image: frames.__setitem__("shown", frames["shown"] + 1)
    )
    console.camera.code_found.connect(lambda *a: frames.__setitem__("codes", frames["codes"] + 1))
    result: dict[str, object] = {}

    def finish() -> None:
        result["memory_end"] = memory_kib()
        result["camera_seconds"] = camera_seconds
        result["frames_shown"] = frames["shown"] - result.pop("_frames_at_door")  # type: ignore[operator]
        result["codes_found"] = frames["codes"]
        app.quit()

    def door_painted() -> None:
        result["memory_at_door"] = memory_kib()
        result["_frames_at_door"] = frames["shown"]
        if camera_seconds > 0:
            QTimer.singleShot(int(camera_seconds * 1000), finish)
        else:
            app.quit()

    def log_in() -> None:
        auth = window._s.auth
        member = next(m for m in auth.list_staff() if m.role == "door")
        start = time.perf_counter()
        staff = auth.login(member.id, DEMO_PINS["door"])
        marks["pin_check_ms"] = round((time.perf_counter() - start) * 1000, 1)
        watch_door = FirstPaint("door_painted", door_painted)
        door.banner.installEventFilter(watch_door)
        result["_keep"] = watch_door
        window._on_logged_in(staff)
        mark("logged_in")

    watch_login = FirstPaint("login_painted", log_in)
    window.installEventFilter(watch_login)
    window.resize(1366, 768)
    window.show()
    mark("window_shown")
    app.exec()
    result.pop("_keep", None)
    result["marks_ms"] = marks
    console.shutdown()
    print("RESULT " + json.dumps(result), flush=True)
    return 0


# --- the parent ----------------------------------------------------------------------------------


def run_child(home: Path, camera_seconds: float) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(home),
               "--camera-seconds", str(camera_seconds)]  # fmt: skip
    start_wall = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(lines[-1][len("RESULT ") :])
    marks: dict[str, float] = result["marks_ms"]  # type: ignore[assignment]
    result["spawn_to_door_ms"] = round((marks.pop("door_painted_wall") - start_wall) * 1000, 1)
    marks.pop("login_painted_wall", None)
    return result


def import_hotspots(top: int = 12) -> list[dict[str, object]]:
    """The heaviest imports of the console (``python3 -X importtime``), cumulative ms."""
    code = (
        "import PySide6.QtWidgets, app.views.console, app.services.context, app.demo, "
        "app.i18n, app.settings"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2].rstrip()
            depth = (len(name) - len(name.lstrip())) // 2
            rows.append((int(parts[1]), int(parts[0].split(":")[1]), depth, name.strip()))
    tops = [r for r in rows if r[2] <= 2]  # the project's and its direct dependencies' level
    tops.sort(reverse=True)
    return [
        {"module": name, "cumulative_ms": round(cum / 1000, 1), "self_ms": round(own / 1000, 1)}
        for cum, own, _, name in tops[:top]
    ]


def machine() -> dict[str, object]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_avg_1_5_15": [round(x, 2) for x in load] if load else None,
    }


def parent(runs: int, camera_seconds: float, out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from app.demo import DemoEnvironment

    before = machine()
    home = Path(tempfile.mkdtemp(prefix="ashyq-bench-startup-"))
    env = DemoEnvironment.start(home)
    results = []
    try:
        for n in range(runs):
            last = n == runs - 1
            results.append(run_child(home, camera_seconds if last else 0.0))
    finally:
        env.stop()
        shutil.rmtree(home, ignore_errors=True)
    hotspots = import_hotspots()
    info = machine()
    info["load_avg_at_start_1_5_15"] = before["load_avg_1_5_15"]

    spawn = [float(r["spawn_to_door_ms"]) for r in results]  # type: ignore[arg-type]
    phases = list(results[0]["marks_ms"])  # type: ignore[arg-type]
    median_marks = {
        p: round(statistics.median(float(r["marks_ms"][p]) for r in results), 1)  # type: ignore[index]
        for p in phases
    }
    camera = results[-1]
    mem_door = camera["memory_at_door"]
    mem_end = camera["memory_end"]
    summary = {
        "runs": runs,
        "spawn_to_door_ms_each": spawn,
        "spawn_to_door_ms_median": round(statistics.median(spawn), 1),
        "spawn_to_door_ms_first_run": spawn[0],
        "spawn_to_door_minus_pin_check_ms_median": round(
            statistics.median(
                float(r["spawn_to_door_ms"]) - float(r["marks_ms"]["pin_check_ms"])  # type: ignore[index]
                for r in results
            ),
            1,
        ),
        "child_phase_ms_median": median_marks,
        "import_hotspots": hotspots,
        "camera": {
            "seconds": camera_seconds,
            "frames_shown": camera.get("frames_shown"),
            "fps_shown": round(camera["frames_shown"] / camera_seconds, 1)
            if camera_seconds
            else None,  # type: ignore[operator]
            "codes_found": camera.get("codes_found"),
            "rss_at_door_mib": round(mem_door["rss_kib"] / 1024, 1),  # type: ignore[index]
            "rss_end_mib": round(mem_end["rss_kib"] / 1024, 1),  # type: ignore[index]
            "peak_rss_mib": round(mem_end["peak_rss_kib"] / 1024, 1),  # type: ignore[index]
        },
    }
    print(f"start-up to a usable door screen, {runs} runs; {info['cpus']} CPUs; "
          f"load {before['load_avg_1_5_15']} -> {info['load_avg_1_5_15']}")  # fmt: skip
    print(f"  spawn -> door painted: median {summary['spawn_to_door_ms_median']} ms"
          f" (first run {spawn[0]} ms; each {spawn}); target {TARGET_MS} ms")  # fmt: skip
    print(f"  of which the PIN check (scrypt): {median_marks.get('pin_check_ms')} ms;"
          f" without it {summary['spawn_to_door_minus_pin_check_ms_median']} ms")  # fmt: skip
    print("  child phases, ms from the script's first line (median):")
    for name, value in median_marks.items():
        print(f"    {name:<28}{value:>9}")
    print("  heaviest imports (python3 -X importtime, cumulative ms, one extra run):")
    for h in hotspots[:8]:
        print(f"    {h['module']:<40}{h['cumulative_ms']:>9}")
    cam = summary["camera"]
    print(
        f"  camera on the demo video for {camera_seconds} s: {cam['frames_shown']} frames shown"  # type: ignore[index]
        f" ({cam['fps_shown']}/s), {cam['codes_found']} codes found;"  # type: ignore[index]
        f" RSS at door {cam['rss_at_door_mib']} MiB, at end {cam['rss_end_mib']} MiB,"  # type: ignore[index]
        f" peak {cam['peak_rss_mib']} MiB"
    )  # type: ignore[index]
    payload = {
        "machine": info,
        "measured": (
            "spawn_to_door_ms: wall time from just before subprocess.Popen of a fresh python3 to "
            "the first Paint event of the door screen's verdict banner after a programmatic PIN "
            "login; devices on (camera = demo video), demo server on loopback, offscreen Qt"
        ),
        "target_ms": TARGET_MS,
        **summary,
        "runs_detail": results,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes started")
    parser.add_argument("--camera-seconds", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "startup.json")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.camera_seconds)
    return parent(args.runs, args.camera_seconds, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
