"""The installer script compiles (fast: against a stand-in folder, uncompressed).

A broken NSIS script must fail on this Linux machine, not on a cashier's PC. The full compile
against the real frozen folder runs in test_build.py; this one needs only makensis.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

NSI = Path(__file__).resolve().parents[2] / "installers" / "ashyq.nsi"
MAKENSIS = shutil.which("makensis")
needs_makensis = pytest.mark.skipif(
    MAKENSIS is None, reason="makensis is not installed (Debian package nsis)"
)


def _layout(root: Path, programs: tuple[str, ...]) -> Path:
    folder = root / "ashyq"
    (folder / "_internal" / "resources").mkdir(parents=True)
    (folder / "_internal" / "resources" / "x.txt").write_text("x", encoding="utf-8")
    for name in programs:
        (folder / name).write_bytes(b"MZ stand-in")
    return folder


def _makensis(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    assert MAKENSIS is not None
    return subprocess.run(
        [
            MAKENSIS,
            "-WX",
            "-V2",
            "-DVERSION=0.1.0",
            "-DFAST",
            f"-DSOURCE_DIR={source}",
            f"-DOUTFILE={out}",
            str(NSI),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_makensis
def test_installer_script_compiles_without_warnings(tmp_path: Path) -> None:
    source = _layout(tmp_path, ("ashyq-console.exe", "ashyq.exe", "ashyq-central.exe"))
    out = tmp_path / "ashyq-console-check.exe"
    result = _makensis(source, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"


@needs_makensis
def test_installer_script_refuses_a_folder_without_the_console(tmp_path: Path) -> None:
    source = _layout(tmp_path, ("ashyq.exe", "ashyq-central.exe"))
    result = _makensis(source, tmp_path / "ashyq-console-check.exe")
    assert result.returncode != 0
    assert "ashyq-console.exe is missing" in result.stdout + result.stderr


def test_kazakh_language_file_has_every_string_of_the_english_one() -> None:
    english = Path("/usr/share/nsis/Contrib/Language files/English.nlf")
    if not english.exists():
        pytest.skip("NSIS language files are not installed (Debian package nsis)")
    ours = NSI.parent / "nsis" / "Kazakh.nlf"

    def names(path: Path) -> list[str]:
        text = path.read_text(encoding="utf-8-sig")
        return [line[3:].strip() for line in text.splitlines() if line.startswith("# ^")]

    assert names(ours) == names(english)
