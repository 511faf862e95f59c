"""Receipt PDFs read back: the fields of DOMAIN.md §6 in the right language, COPY, page, QR."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.data import ReceiptData, ReceiptLine, VatLine
from app.documents.fonts import KAZAKH_LETTERS
from app.documents.receipt import render_receipt_pdf
from app.documents.samples import SAMPLE_RECEIPT_ID, sample_receipt

MM = 72 / 25.4


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text with line breaks and no-break spaces as plain spaces, for phrase checks."""
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("size", ["80mm", "a4"])
def test_russian_refund_receipt_carries_every_required_field(size: str) -> None:
    text = flat(pdf_text(render_receipt_pdf(sample_receipt("ru"), size)))  # type: ignore[arg-type]
    for expected in (
        "Кинотеатр «Арман»",  # seller
        "БИН 180340021791",
        "пр. Абая, 44",  # place of sale
        "Заводской номер ККМ",
        "SWK00031455",
        "Регистрационный номер ККМ",
        "010100234567",
        "ВОЗВРАТ ПРОДАЖИ",
        "1042",  # receipt number
        "22.11.2026 18:05",  # 13:05 UTC is 18:05 in Almaty
        "A-2026-558731",  # order
        "KP7Q-2M4X",
        "KP7Q-2M4Y",
        "Кыз Жибек",
        "1 × 2 500,00 ₸",
        "Удержан сервисный сбор",
        "500,00 ₸",
        "ИТОГО К ВОЗВРАТУ",
        "3 800,00 ₸",
        "Без НДС",
        "Деньги поступят на карту не позднее",
        "25.11.2026",
        "НЕ ФИСКАЛЬНЫЙ ЧЕК",  # a station without an online cash register says so
        "Айгерим Сейтова",
        str(SAMPLE_RECEIPT_ID),
    ):
        assert expected in text, expected
    assert "КОПИЯ" not in text


@pytest.mark.parametrize("size", ["80mm", "a4"])
def test_kazakh_receipt_is_in_kazakh_with_every_letter_intact(size: str) -> None:
    text = flat(pdf_text(render_receipt_pdf(sample_receipt("kk", copy=True), size)))  # type: ignore[arg-type]
    for expected in ("САТУДЫ ҚАЙТАРУ", "БСН", "Ұсталған сервистік алым", "ҚАЙТАРЫЛАТЫН СОМА"):
        assert expected in text
    assert "ВОЗВРАТ ПРОДАЖИ" not in text and "Кассир" in text
    assert "КӨШІРМЕ" in text
    used = {ch for ch in text if ch in KAZAKH_LETTERS}
    assert {"Қ", "Ұ", "Ә", "қ", "ө", "ұ", "ү", "і", "ң", "ғ", "Ө", "І"} <= used


def test_english_receipt_and_copy_stamp() -> None:
    original = flat(pdf_text(render_receipt_pdf(sample_receipt("en"), "80mm")))
    reprint = flat(pdf_text(render_receipt_pdf(sample_receipt("en", copy=True), "80mm")))
    assert "SALE RETURN (REFUND)" in original and "TOTAL REFUNDED" in original
    assert "COPY" not in original and "COPY" in reprint
    assert "KZT3,800.00" in original


def test_russian_copy_is_stamped_kopiya() -> None:
    text = pdf_text(render_receipt_pdf(sample_receipt("ru", copy=True), "a4"))
    assert "КОПИЯ" in text


def test_roll_page_is_80mm_wide_and_as_tall_as_its_content() -> None:
    short = sample_receipt("ru")
    many = replace(short, lines=short.lines * 6)
    short_page = PdfReader(io.BytesIO(render_receipt_pdf(short, "80mm"))).pages[0]
    long_page = PdfReader(io.BytesIO(render_receipt_pdf(many, "80mm"))).pages[0]
    assert float(short_page.mediabox.width) == pytest.approx(80 * MM, abs=0.1)
    assert 120 * MM < float(short_page.mediabox.height) < 250 * MM
    assert float(long_page.mediabox.height) > float(short_page.mediabox.height) + 150 * MM
    assert len(PdfReader(io.BytesIO(render_receipt_pdf(many, "80mm"))).pages) == 1


def test_a4_is_a4() -> None:
    page = PdfReader(io.BytesIO(render_receipt_pdf(sample_receipt("kk"), "a4"))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_vat_and_fiscal_fields_print_when_present() -> None:
    data = replace(
        sample_receipt("ru"),
        vat=VatLine(rate_percent=12, amount_tiyn=40_714),
        fiscal_sign="2871349956",
        ofd_url="https://consumer.oofd.kz/?i=2871349956",
    )
    text = flat(pdf_text(render_receipt_pdf(data, "80mm")))
    assert "в т. ч. НДС 12 %" in text and "407,14 ₸" in text and "Без НДС" not in text
    assert "2871349956" in text and "consumer.oofd.kz" in text


def test_exchange_receipt_names_the_new_session_and_returns_no_money() -> None:
    text = flat(pdf_text(render_receipt_pdf(sample_receipt("ru", kind="exchange"), "80mm")))
    assert "ОБМЕН БИЛЕТОВ" in text and "Обмен на сеанс" in text and "23.11.2026 19:30" in text
    assert "Деньги поступят" not in text


def test_contact_request_says_no_money_at_the_desk() -> None:
    text = flat(pdf_text(render_receipt_pdf(sample_receipt("kk", kind="contact_request"), "80mm")))
    assert "БАЙЛАНЫС ОРТАЛЫҒЫ" in text and "кассада ақша берілмейді" in text


def test_unknown_size_is_refused() -> None:
    with pytest.raises(ValueError):
        render_receipt_pdf(sample_receipt("ru"), "a5")  # type: ignore[arg-type]


def test_contact_request_with_money_is_refused() -> None:
    line = ReceiptLine("X1", "S", datetime(2026, 1, 1, tzinfo=UTC), "A", 1000, 0, 1000)
    with pytest.raises(ValueError, match="no money"):
        replace(sample_receipt("ru", kind="contact_request"), lines=(line,))


def test_totals_are_the_sums_of_the_lines() -> None:
    data: ReceiptData = sample_receipt("ru")
    assert data.total_price_tiyn == 430_000
    assert data.fee_withheld_tiyn == 50_000  # 5 % of 2 500 ₸ is 125 ₸: the 250 ₸ minimum applies
    assert data.amount_returned_tiyn == 380_000


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
@pytest.mark.parametrize("size", ["80mm", "a4"])
def test_qr_code_reads_back_as_the_receipt_id(size: str, tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(render_receipt_pdf(sample_receipt("kk", copy=True), size))  # type: ignore[arg-type]
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    with Image.open(tmp_path / "page.png") as image:
        results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode] == [
        str(SAMPLE_RECEIPT_ID)
    ]
