"""ruff on the whole tree and mypy --strict on app/core run with the tests, so CI enforces them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean() -> None:
    result = _run(
        sys.executable,
        "-m",
        "ruff",
        "check",
        "app",
        "central",
        "tests",
        "bench",
        "installers",
        "tools",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_core() -> None:
    result = _run(sys.executable, "-m", "mypy", "--strict", "app/core")
    assert result.returncode == 0, result.stdout + result.stderr
