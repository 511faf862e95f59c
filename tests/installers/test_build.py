"""The frozen build, end to end: installers/build.py, then an upgrade by the frozen program.

Slow (minutes): PyInstaller analyses and copies ~500 MB. Skipped only when PyInstaller is not
installed; everything else that is missing (makensis, a translation) is a failure, because the
build script would fail the same way on the release machine.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.installers.dbcompare import lost_records

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "data" / "console-0.1.0.sqlite3"
EXE = ".exe" if sys.platform == "win32" else ""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.frozen,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install pyinstaller): no frozen build",
    ),
]


@pytest.fixture(scope="module")
def build(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    results = tmp_path_factory.mktemp("build") / "build.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "installers" / "build.py"), "--results", str(results)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1800,
    )
    return result, results


@pytest.mark.timeout(1900)
def test_build_smoke_tests_and_installer_script(
    build: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    result, results = build
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-6000:]
    assert "self-test passed" in result.stdout
    figures = json.loads(results.read_text(encoding="utf-8"))
    assert figures["folder_mib"] > 0
    assert figures["startup_to_selftest_done_s"]["best"] > 0
    assert "installer" in figures


@pytest.mark.timeout(1900)
def test_frozen_app_migrates_the_previous_release_database_keeping_every_record(
    build: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    result, _ = build
    frozen = ROOT / "dist" / "ashyq" / f"ashyq{EXE}"
    if result.returncode != 0 or not frozen.exists():
        pytest.fail(f"the build failed, see the other test:\n{result.stderr[-3000:]}")
    copy = tmp_path / "console.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    upgrade = subprocess.run(
        [str(frozen), "db", "upgrade", "--db", str(copy), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"ASHYQ_HOME": str(tmp_path / "home"), **_base_env()},
    )
    assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
    assert json.loads(upgrade.stdout)["upgraded"] is True
    assert lost_records(FIXTURE, copy) == {}


def _base_env() -> dict[str, str]:
    import os

    keep = ("PATH", "SYSTEMROOT", "TEMP", "TMP", "HOME", "LANG", "USERPROFILE", "LOCALAPPDATA")
    return {k: v for k, v in os.environ.items() if k in keep}
