"""Build the frozen app for this machine, smoke-test it, compile the installer script.

    python installers/build.py [--skip-build] [--no-installer]

Steps (DESIGN.md habit 12: the frozen app is started once before an installer is made):

1. translations: compile resources/i18n/*.ts to .qm when a .qm is missing or older;
2. ``pyinstaller installers/ashyq.spec`` into dist/ashyq (one folder, three programs);
3. smoke tests of the frozen programs, each with a scratch data folder:
   ``ashyq-console --self-test`` offscreen (timed: that is the start-up figure), ``ashyq
   --version``, ``ashyq-central --version``, ``ashyq db upgrade`` on a new file, and
   ``ashyq-central serve`` answering /api/v1/health (uvicorn's imports are chosen by string, so
   only a started server proves they were collected);
4. makensis installers/ashyq.nsi against the folder. On Windows that is the real installer. On
   Linux the programs have no .exe suffix, so a Windows-style copy of the folder is laid out with
   hard links and compiled uncompressed: that proves the script, its language files, its
   includes and every file reference compile (warnings are errors), not that it runs on Windows;
5. figures printed and written to bench/results/build.json.

Exit status 0 only if every step passed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installers" / "ashyq.spec"
NSI = ROOT / "installers" / "ashyq.nsi"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
FOLDER = DIST / "ashyq"
RESULTS = ROOT / "bench" / "results" / "build.json"
IS_WIN = sys.platform == "win32"
EXE = ".exe" if IS_WIN else ""
PROGRAMS = ("ashyq-console", "ashyq", "ashyq-central")
STARTUP_RUNS = 3


class StepFailed(Exception):
    """A build or smoke-test step failed; the message says which and why."""


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from app import __version__

    return __version__


def program(name: str) -> Path:
    return FOLDER / f"{name}{EXE}"


def run(cmd: Sequence[str | Path], *, what: str, timeout: float = 600, **kw: object) -> str:
    """Run a command; its output is returned, or shown in the failure."""
    result = subprocess.run(
        [str(c) for c in cmd],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        **kw,  # type: ignore[arg-type]
    )
    if result.returncode != 0:
        raise StepFailed(
            f"{what}: exit {result.returncode}\n{result.stdout[-4000:]}{result.stderr[-4000:]}"
        )
    return result.stdout + result.stderr


def smoke_env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ASHYQ_HOME=str(data / "console"),
        ASHYQ_CENTRAL_DATA=str(data / "central"),
        PYTHONUTF8="1",
    )
    return env


# --- steps ------------------------------------------------------------------------------------


def compile_translations() -> list[str]:
    """The .qm files the self-test checks, from the .ts sources when those are newer."""
    i18n = ROOT / "resources" / "i18n"
    stale = [
        ts
        for ts in sorted(i18n.glob("ashyq_*.ts"))
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if not stale:
        return []
    # app.i18n finds pyside6-lrelease beside this python itself: no PATH needed
    run(
        [sys.executable, "-m", "app.i18n", "--compile-only"],
        what="compiling translations",
        cwd=ROOT,
    )
    return [ts.stem for ts in stale]


def freeze() -> float:
    started = time.perf_counter()
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            SPEC,
            "--noconfirm",
            "--clean",
            "--workpath",
            WORK,
            "--distpath",
            DIST,
        ],
        what="pyinstaller",
        timeout=1800,
        cwd=ROOT,
    )
    return time.perf_counter() - started


def self_test(scratch: Path) -> list[float]:
    """The frozen console's self-test, several times: the first run is the cold start."""
    seconds = []
    for i in range(STARTUP_RUNS):
        data = scratch / f"selftest-{i}"
        report = data / "selftest.txt"
        data.mkdir(parents=True)
        started = time.perf_counter()
        result = subprocess.run(
            [str(program("ashyq-console")), "--self-test"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=300,
            env=dict(smoke_env(data), ASHYQ_SELFTEST_REPORT=str(report)),
        )
        seconds.append(time.perf_counter() - started)
        # A windowed Windows program may have no stdout; the report file has the same lines.
        output = result.stdout or (report.read_text("utf-8") if report.exists() else "")
        if i == 0:
            print(output.rstrip())
        if result.returncode != 0:
            raise StepFailed(f"frozen self-test: exit {result.returncode}\n{output}{result.stderr}")
    return seconds


def versions(scratch: Path) -> None:
    expected = version()
    for name in ("ashyq", "ashyq-central"):
        out = run([program(name), "--version"], what=f"{name} --version", env=smoke_env(scratch))
        if expected not in out:
            raise StepFailed(f"{name} --version printed {out.strip()!r}, not version {expected}")
        print(f"ok      {name} --version: {out.strip()}")


def cli_database(scratch: Path) -> None:
    db = scratch / "cli" / "console.sqlite3"
    out = run(
        [program("ashyq"), "db", "upgrade", "--db", db, "--json"],
        what="ashyq db upgrade",
        env=smoke_env(scratch),
    )
    if not db.is_file():
        raise StepFailed(f"ashyq db upgrade made no database: {out}")
    print("ok      ashyq db upgrade: new database migrated")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def central_serves(scratch: Path, timeout: float = 90) -> float:
    """Start the frozen server, wait for /api/v1/health, stop it; returns seconds to healthy."""
    port = free_port()
    data = scratch / "central-serve"
    log = (scratch / "central-serve.log").open("w", encoding="utf-8")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(program("ashyq-central")), "serve", "--port", str(port), "--data-dir", str(data)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=smoke_env(scratch),
    )
    url = f"http://127.0.0.1:{port}/api/v1/health"
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                    body = json.loads(response.read())
                if body.get("status") == "ok":
                    elapsed = time.perf_counter() - started
                    print(f"ok      ashyq-central serve: /api/v1/health ok in {elapsed:.1f} s")
                    return elapsed
            except OSError:
                time.sleep(0.3)
        log.flush()
        text = (scratch / "central-serve.log").read_text("utf-8", errors="replace")
        raise StepFailed(f"ashyq-central serve did not answer {url}\n{text[-4000:]}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def windows_layout(target: Path) -> Path:
    """The built folder as Windows has it (programs named *.exe), made of hard links."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for entry in FOLDER.iterdir():
        name = f"{entry.name}.exe" if entry.name in PROGRAMS else entry.name
        if entry.is_dir():
            shutil.copytree(entry, target / name, copy_function=_link_or_copy, symlinks=True)
        else:
            _link_or_copy(entry, target / name)
    return target


def _link_or_copy(src: str | Path, dst: str | Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def installer(ver: str) -> dict[str, object]:
    makensis = shutil.which("makensis")
    if makensis is None:
        raise StepFailed(
            "makensis not found: install NSIS (Debian: apt-get install nsis; Windows: choco "
            "install nsis) or pass --no-installer"
        )
    if IS_WIN:
        source, out, fast = FOLDER, DIST / f"ashyq-console-{ver}-setup.exe", []
    else:
        source = windows_layout(ROOT / "build" / "nsis-layout")
        out, fast = ROOT / "build" / f"ashyq-console-{ver}-setup-compilecheck.exe", ["-DFAST"]
    started = time.perf_counter()
    run(
        [
            makensis,
            "-WX",
            "-V2",
            f"-DVERSION={ver}",
            f"-DSOURCE_DIR={source}",
            f"-DOUTFILE={out}",
            *fast,
            NSI,
        ],
        what="makensis",
        timeout=1800,
    )
    elapsed = time.perf_counter() - started
    size = out.stat().st_size
    kind = "installer" if IS_WIN else "compile check (uncompressed, Linux binaries)"
    print(f"ok      makensis: {out.name}, {size / 2**20:.0f} MiB, {elapsed:.1f} s ({kind})")
    if not IS_WIN:
        out.unlink()  # a Windows installer of Linux programs is of no use to anyone
    return {"seconds": round(elapsed, 1), "bytes": size, "kind": kind}


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


# --- main -------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="smoke-test the existing dist/")
    parser.add_argument("--no-installer", action="store_true", help="do not run makensis")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the JSON")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    ver = version()
    figures: dict[str, object] = {
        "version": ver,
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
    }
    try:
        compiled = compile_translations()
        if compiled:
            print(f"ok      translations compiled: {', '.join(compiled)}")
        if not args.skip_build:
            figures["build_seconds"] = round(freeze(), 1)
            print(f"ok      pyinstaller: {figures['build_seconds']} s")
        if not program("ashyq-console").exists():
            raise StepFailed(f"{program('ashyq-console')} does not exist: build first")
        size, count = folder_size(FOLDER)
        figures.update(folder_bytes=size, folder_mib=round(size / 2**20, 1), folder_files=count)
        with tempfile.TemporaryDirectory(prefix="ashyq-smoke-") as tmp:
            scratch = Path(tmp)
            runs = self_test(scratch)
            figures["startup_to_selftest_done_s"] = {
                "first": round(runs[0], 2),
                "best": round(min(runs), 2),
                "runs": [round(r, 2) for r in runs],
            }
            versions(scratch)
            cli_database(scratch)
            figures["central_healthy_s"] = round(central_serves(scratch), 1)
        if not args.no_installer:
            figures["installer"] = installer(ver)
    except (StepFailed, subprocess.TimeoutExpired) as exc:
        print(f"FAILED  {exc}", file=sys.stderr)
        return 1
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(
        f"build {figures.get('build_seconds', 'skipped')} s; folder {figures['folder_mib']} MiB "
        f"in {count} files; frozen start-up to self-test done {runs[0]:.2f} s first, "
        f"{min(runs):.2f} s best of {STARTUP_RUNS}; figures in {args.results}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
