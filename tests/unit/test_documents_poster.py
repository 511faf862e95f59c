"""The venue QR poster: instructions in three languages and a QR that opens the check-in page."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.poster import render_poster_pdf

URL = "https://ashyq.example.kz/v/ARM-0042"


def _text(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def test_poster_has_instructions_in_kazakh_russian_and_english() -> None:
    pdf = render_poster_pdf("Кинотеатр «Арман»", URL)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert (
        round(float(reader.pages[0].mediabox.width)),
        round(float(reader.pages[0].mediabox.height)),
    ) == (595, 842)
    text = _text(pdf)
    for expected in (
        "Ashyq мәртебесін тексеру",
        "Кіргенде де, шыққанда да сканерлеңіз.",
        "ЖСН-іңізді",
        "Сканируйте и при входе, и при выходе.",
        "Scan it when you come in and again when you leave.",
        "Кинотеатр «Арман»",
        URL,
    ):
        assert expected in text, expected


def test_poster_refuses_a_url_a_phone_cannot_open() -> None:
    with pytest.raises(ValueError):
        render_poster_pdf("Venue", "ashyq.example.kz/v/1")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_poster_qr_opens_the_check_in_page(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    (tmp_path / "poster.pdf").write_bytes(render_poster_pdf("Venue", URL))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-singlefile",
            str(tmp_path / "poster.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    with Image.open(tmp_path / "p.png") as image:
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [URL]
