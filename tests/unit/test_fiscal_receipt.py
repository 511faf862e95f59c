"""What a receipt says to the tax office: non-fiscal, pending, or the register's fiscal data with
the OFD's link as text and as a QR code, on the 80 mm PDF, the A4 PDF and the ESC/POS roll."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.documents.data import ReceiptData
from app.documents.escpos import receipt_escpos
from app.documents.receipt import render_receipt_pdf
from app.documents.samples import SAMPLE_FISCAL, SAMPLE_RECEIPT_ID, sample_receipt
from tests.unit.test_documents_escpos import _text_segments, parse_job
from tests.unit.test_documents_receipt import flat, pdf_text


def fiscalised(lang: str = "ru") -> ReceiptData:
    return replace(sample_receipt(lang), **SAMPLE_FISCAL)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "non_fiscal", "pending"),
    [("kk", "ФИСКАЛДЫ ЕМЕС ЧЕК", "ФИСКАЛДЫҚ ЧЕК КҮТУДЕ"),
     ("ru", "НЕ ФИСКАЛЬНЫЙ ЧЕК", "ФИСКАЛЬНЫЙ ЧЕК ОЖИДАЕТ ОТПРАВКИ"),
     ("en", "NON-FISCAL RECEIPT", "FISCAL CHEQUE PENDING")],
)  # fmt: skip
@pytest.mark.parametrize("size", ["80mm", "a4"])
def test_each_state_says_what_the_paper_is(
    lang: str, non_fiscal: str, pending: str, size: str
) -> None:
    plain = sample_receipt(lang)  # type: ignore[arg-type]
    waiting = replace(plain, fiscal_state="pending")
    done = fiscalised(lang)
    text = {
        d.fiscal_status: flat(pdf_text(render_receipt_pdf(d, size))) for d in (plain, waiting, done)
    }  # type: ignore[arg-type]  # noqa: E501
    assert non_fiscal in text["none"] and pending not in text["none"]
    assert pending in text["pending"] and non_fiscal not in text["pending"]
    assert non_fiscal not in text["done"] and pending not in text["done"]
    assert "2871349956" in text["done"] and "2871349956" not in text["pending"]


@pytest.mark.parametrize("size", ["80mm", "a4"])
def test_the_fiscal_receipt_prints_sign_number_shift_and_ofd_link(size: str) -> None:
    text = flat(pdf_text(render_receipt_pdf(fiscalised(), size)))  # type: ignore[arg-type]
    for expected in ("Фискальный чек № 57", "Смена 214", "Фискальный признак 2871349956",
                     "SWK00031455", "010100234567", "consumer.oofd.kz"):  # fmt: skip
        assert expected in text, expected


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
@pytest.mark.parametrize("size", ["80mm", "a4"])
def test_both_qr_codes_read_back(size: str, tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(render_receipt_pdf(fiscalised(), size))  # type: ignore[arg-type]
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    with Image.open(tmp_path / "page.png") as image:
        results = zxingcpp.read_barcodes(image)
    found = {r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode}
    assert found == {SAMPLE_FISCAL["ofd_url"], str(SAMPLE_RECEIPT_ID)}


def test_the_escpos_roll_carries_the_fiscal_sign_and_two_qr_codes() -> None:
    job = receipt_escpos(fiscalised())
    text = "\n".join(_text_segments(job))
    assert "Фискальный признак" in text and "2871349956" in text and "consumer.oofd.kz" in text
    qr_codes = [height for _, height in parse_job(job)[1] if height > 100]  # text lines are 30
    assert len(qr_codes) == 2  # the OFD's QR code and the receipt id's
    plain = receipt_escpos(sample_receipt("ru"))
    assert "НЕ ФИСКАЛЬНЫЙ ЧЕК" in "\n".join(_text_segments(plain))
    assert b"2871349956" not in plain
    assert len([height for _, height in parse_job(plain)[1] if height > 100]) == 1
