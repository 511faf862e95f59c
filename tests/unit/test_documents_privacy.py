"""No IIN and no visitor pseudonym in any receipt or export (DOMAIN.md §4).

Every output is rendered and read back as text; the only twelve-digit runs allowed are the
venue's BIN and the cash register's registration number, which the law requires on a receipt.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from pypdf import PdfReader

from app.core.pseudonym import pseudonym
from app.documents.data import DoorRow, StaffRow, personal_number_leaks
from app.documents.escpos import receipt_escpos
from app.documents.poster import render_poster_pdf
from app.documents.receipt import render_receipt_pdf
from app.documents.report import render_report_pdf, report_csv, report_xlsx
from app.documents.samples import SAMPLE_VENUE, sample_receipt, sample_report
from tests.unit.test_documents_escpos import parse_job

ALLOWED = frozenset({SAMPLE_VENUE.bin, "010100234567"})
IIN = "900101300811"  # a valid IIN (DOMAIN.md §1)


def _pdf(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _xlsx(book: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())


def _all_outputs() -> dict[str, str]:
    outputs: dict[str, str] = {}
    report = sample_report(100_000)
    for lang in ("kk", "ru", "en"):
        for size in ("80mm", "a4"):
            pdf = render_receipt_pdf(sample_receipt(lang, copy=True), size)
            outputs[f"receipt-{lang}-{size}"] = _pdf(pdf)
        outputs[f"escpos-{lang}"] = "\n".join(parse_job(receipt_escpos(sample_receipt(lang)))[0])
        outputs[f"report-pdf-{lang}"] = _pdf(render_report_pdf(report, lang))
        outputs[f"report-csv-{lang}"] = report_csv(report, lang).decode("utf-8-sig")
        outputs[f"report-xlsx-{lang}"] = _xlsx(report_xlsx(report, lang))
    outputs["poster"] = _pdf(render_poster_pdf(SAMPLE_VENUE.name, "https://ashyq.example.kz/v/1"))
    return outputs


def test_no_output_carries_an_iin_or_a_pseudonym() -> None:
    outputs = _all_outputs()
    assert SAMPLE_VENUE.bin in outputs["receipt-ru-80mm"]  # the scan does look at the text
    for name, text in outputs.items():
        assert personal_number_leaks(text.replace("\u00a0", ""), ALLOWED) == [], name


def test_the_leak_check_finds_an_iin_and_a_pseudonym() -> None:
    token = pseudonym(b"k" * 32, IIN)
    assert personal_number_leaks(f"visitor {IIN} ok") == [IIN]
    assert personal_number_leaks(f"id={token};") == [token]
    assert personal_number_leaks(f"BIN {SAMPLE_VENUE.bin}", ALLOWED) == []
    assert personal_number_leaks("order 1234567890123") == []  # 13 digits: not an IIN


def test_documents_refuse_personal_numbers_smuggled_into_names() -> None:
    with pytest.raises(ValueError, match="IIN"):
        replace(sample_receipt("ru"), cashier=f"Иванов {IIN}")
    with pytest.raises(ValueError, match="IIN"):
        replace(sample_receipt("ru"), order_number=IIN)
    token = pseudonym(b"k" * 32, IIN)
    with pytest.raises(ValueError, match="pseudonym"):
        StaffRow(token, 1, 1, 0)
    with pytest.raises(ValueError, match="IIN"):
        DoorRow(f"door {IIN}", 1, 1, 0, 1, 0)
    with pytest.raises(ValueError):
        replace(sample_receipt("ru").lines[0], ticket_code=IIN)
