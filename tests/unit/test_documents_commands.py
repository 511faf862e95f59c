"""The printed command sheet: every code on it reads back as the command its label names."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import cv2
import pytest

from app.core.scan import Command, Scan, ScanKind, classify
from app.devices.decoders import make_decoder
from app.documents.commands import COMMANDS, render_command_sheet_pdf


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed"
)
def test_each_code_on_the_sheet_is_the_command_it_says(tmp_path: Path) -> None:
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(render_command_sheet_pdf())
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(pdf), str(tmp_path / "page")], check=True)
    image = cv2.imread(str(next(tmp_path.glob("page*.png"))))
    found = {d.text for d in make_decoder("zxing").decode(image)}
    assert found == {payload for payload, *_ in COMMANDS}
    commands = set()
    for text in found:
        scan = classify(text, from_keyboard=False)
        assert isinstance(scan, Scan) and scan.kind is ScanKind.COMMAND
        commands.add(scan.command)
    assert commands == {Command.ENTRY_MODE, Command.EXIT_MODE, Command.REPEAT_LAST}
