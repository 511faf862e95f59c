"""The receipt history: found by number, order and the venue's day; previewed without a trace;
saved as PDF (the original once, COPY afterwards); the demo's PDF-folder printer; and the COPY
frame kept clear of the receipt's title."""

from __future__ import annotations

import io
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.documents.receipt import render_receipt_pdf
from app.documents.samples import sample_receipt
from app.documents.texts import t
from app.models.receipts import ReceiptPrint
from app.models.records import AuditLog
from app.services.receipt_history import PdfFileSink, ReceiptHistory
from app.services.receipts import PdfFolderSink, sink_from_spec
from app.services.shift import DeskError
from tests.unit.test_refund_desk_world import World, local, world_fixture  # noqa: F401


def text_of(pdf: bytes | Path) -> str:
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return "\n".join(page.extract_text() for page in PdfReader(source).pages)


@pytest.fixture
def three(world: World) -> tuple[World, ReceiptHistory]:
    """Receipts 1 and 2 on Saturday 21 November, receipt 3 just after midnight (venue time)."""
    world.shifts().open(world.cashier)
    world.add_show("S1", local(23, 19, 30), title="Абай жолы")
    world.add_order("700100", "cinemax", "S1", [("RH0001", "adult", 250_000),
                                                ("RH0002", "adult", 250_000)])  # fmt: skip
    world.add_order("700200", "cinemax", "S1", [("RH0201", "child", 150_000)])
    desk = world.desk()
    desk.refund("700100", ["RH0001"], staff_id=world.cashier, refund_id=uuid.uuid4(), lang="kk")
    desk.refund("700200", ["RH0201"], staff_id=world.cashier, refund_id=uuid.uuid4(), lang="ru")
    world.now = local(22, 0, 5)
    desk.refund("700100", ["RH0002"], staff_id=world.cashier, refund_id=uuid.uuid4(), lang="en")
    return world, ReceiptHistory(world.receipts())


def test_search_by_number_order_and_the_venues_day(three: tuple[World, ReceiptHistory]) -> None:
    _, history = three
    assert [e.number for e in history.search()] == [3, 2, 1]  # newest first
    assert [e.number for e in history.search(order="700100")] == [3, 1]
    assert [e.number for e in history.search(order=" 700200 ")] == [2]
    assert [e.number for e in history.search(day=date(2026, 11, 21))] == [2, 1]
    assert [e.number for e in history.search(day=date(2026, 11, 22))] == [3]
    assert [e.number for e in history.search(order="700100", day=date(2026, 11, 22))] == [3]
    entry = history.by_number(2)
    assert entry.order_number == "700200" and entry.total_tiyn > 0 and not entry.printed
    assert entry.kind == "sell_return" and entry.refund_id is not None
    with pytest.raises(DeskError) as info:
        history.by_number(99)
    assert info.value.code == "receipt_not_found"


def test_a_preview_writes_nothing_and_shows_what_the_next_print_would_be(
    three: tuple[World, ReceiptHistory], tmp_path: Path
) -> None:
    w, history = three
    first = history.by_number(1)
    assert "КӨШІРМЕ" not in text_of(history.pdf(first.receipt_id))
    with w.sessions() as s:
        assert s.scalars(select(ReceiptPrint)).all() == []
    w.receipts().print_receipt(first.receipt_id, PdfFolderSink(tmp_path / "printed"))
    assert "КӨШІРМЕ" in text_of(history.pdf(first.receipt_id))  # printed: a print now is a copy


def test_save_as_pdf_gives_the_original_once_then_copies_logged_and_audited(
    three: tuple[World, ReceiptHistory], tmp_path: Path
) -> None:
    w, history = three
    receipt_id = history.by_number(2).receipt_id
    one = history.save_pdf(receipt_id, tmp_path / "a.pdf", staff_id=w.cashier)
    assert one.ok and not one.copy and "КОПИЯ" not in text_of(tmp_path / "a.pdf")
    assert history.by_number(2).printed
    two = history.save_pdf(receipt_id, tmp_path / "b.pdf", staff_id=w.cashier, size="a4")
    assert two.ok and two.copy and "КОПИЯ" in text_of(tmp_path / "b.pdf")
    with w.sessions() as s:
        prints = s.scalars(select(ReceiptPrint).order_by(ReceiptPrint.id)).all()
        audits = s.scalars(select(AuditLog).where(AuditLog.action == "receipt_reprint")).all()
    assert [(p.copy, p.printer) for p in prints] == [(False, "file:a.pdf"), (True, "file:b.pdf")]
    assert [a.details["receipt"] for a in audits] == [2]


def test_the_pdf_folder_printer_is_chosen_by_the_setting(tmp_path: Path) -> None:
    sink = sink_from_spec(f"pdf:{tmp_path / 'printed'}", "a4")
    assert isinstance(sink, PdfFolderSink) and sink.size == "a4"
    assert sink.name == f"pdf:{tmp_path / 'printed'}"
    sink.send(b"%PDF-1.4 one")
    sink.send(b"%PDF-1.4 two")
    assert sorted(p.name for p in (tmp_path / "printed").iterdir()) == [
        "receipt-00001.pdf", "receipt-00002.pdf"
    ]  # fmt: skip
    assert sink_from_spec("pdf:") is None  # no folder: not a PDF printer (a Qt printer name)
    assert PdfFileSink(tmp_path / "x" / "r.pdf").name == "file:r.pdf"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_copy_frame_does_not_touch_the_title(lang: str) -> None:
    data = replace(sample_receipt(), copy=True, language=lang)  # type: ignore[arg-type]
    document = pdfium.PdfDocument(render_receipt_pdf(data))
    page = document[0]
    text_page = page.get_textpage()
    text = text_page.get_text_range()

    def box(word: str) -> tuple[float, float, float, float]:
        start = text.find(word)
        assert start >= 0, word
        boxes = [text_page.get_charbox(i) for i in range(start, start + len(word))]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip

    title = box(t(lang, f"receipt.title.{data.kind}"))  # type: ignore[arg-type]
    stamp = box(t(lang, "receipt.copy"))  # type: ignore[arg-type]
    number = box(t(lang, "receipt.number"))  # type: ignore[arg-type]
    frames = [o.get_bounds() for o in page.get_objects()
              if o.type == pdfium.raw.FPDF_PAGEOBJ_PATH
              and o.get_bounds()[1] < stamp[1] and o.get_bounds()[3] > stamp[3]]  # fmt: skip
    assert len(frames) == 1
    frame = frames[0]
    assert frame[3] < title[1] - 2  # at least 2 pt of paper between the title and the frame
    assert frame[1] > number[3] + 2  # and between the frame and the receipt number below
    assert frame[0] < stamp[0] and frame[2] > stamp[2]
    document.close()


def test_the_demo_prints_receipts_into_a_folder_it_names(tmp_path: Path) -> None:
    from app.demo import printed_folder, write_demo_settings
    from app.settings import load

    write_demo_settings(tmp_path, "http://127.0.0.1:8765")
    settings, problem = load(tmp_path / "settings.json")
    assert problem is None and settings.printer == f"pdf:{tmp_path / 'printed'}"
    sink = sink_from_spec(settings.printer, "80mm")
    assert isinstance(sink, PdfFolderSink) and sink.folder == printed_folder(tmp_path)
