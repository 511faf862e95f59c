"""Receipts after a refund: printed once, retried after a failure, reprinted as COPY, never lost;
and the cash shift's closing summary adding up to the refunds it saw."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.documents.escpos import receipt_escpos
from app.models import open_engine, session_factory
from app.models.receipts import ReceiptPrint
from app.models.records import AuditLog
from app.models.refunds import CashShift
from app.services.receipts import (
    PdfFolderSink,
    ReceiptService,
    data_of,
    payload_of,
    sink_from_spec,
)
from app.services.refund_desk import DeskResult
from app.services.shift import DeskError
from tests.unit.test_refund_desk_world import VENUE, World, local, world_fixture  # noqa: F401


@pytest.fixture
def refunded(world: World) -> tuple[World, DeskResult]:
    world.shifts().open(world.cashier)
    world.add_show("S1930", local(21, 19, 30), title="Абай жолы")
    world.add_order("700100", "cinemax", "S1930", [("RC0001", "adult", 250_000),
                                                   ("RC0002", "student", 180_000)])  # fmt: skip
    result = world.desk().refund("700100", ["RC0001", "RC0002"], staff_id=world.cashier,
                                 refund_id=uuid.uuid4(), lang="kk")  # fmt: skip
    return world, result


def test_the_receipt_carries_the_venue_the_order_and_the_money(
    refunded: tuple[World, DeskResult],
) -> None:
    w, result = refunded
    assert result.receipt_id is not None
    data = w.receipts().data(result.receipt_id)
    assert data.venue.bin == "180240012345" and data.venue.name == "Kinopark 8 Esentai"
    assert data.receipt_number == 1 and data.order_number == "700100"
    assert data.cashier == "Aigerim Sadykova" and data.language == "kk"
    assert data.amount_returned_tiyn == result.returned_tiyn == 380_000
    assert data.fee_withheld_tiyn == 50_000
    assert str(data.money_back_date) == "2026-11-25"
    assert data.receipt_id == result.refund_id
    assert data_of(payload_of(data)) == data


def test_an_escpos_receipt_goes_to_a_file_printer_and_is_logged(
    refunded: tuple[World, DeskResult], tmp_path: Path
) -> None:
    w, result = refunded
    out = tmp_path / "printer.bin"
    sink = sink_from_spec(f"escpos:file:{out}")
    assert sink is not None and sink.format == "escpos"
    outcome = w.receipts().print_receipt(result.receipt_id, sink, staff_id=w.cashier)  # type: ignore[arg-type]
    assert outcome.ok and not outcome.copy
    assert out.read_bytes() == receipt_escpos(w.receipts().data(result.receipt_id))  # type: ignore[arg-type]
    assert w.receipts().unprinted() == []


def test_a_failed_print_says_why_and_a_retry_prints_it(
    refunded: tuple[World, DeskResult], tmp_path: Path
) -> None:
    w, result = refunded
    receipt_id = result.receipt_id
    assert receipt_id is not None
    broken = sink_from_spec(f"escpos:file:{tmp_path / 'unplugged' / 'lp0'}")
    assert broken is not None
    failed = w.receipts().print_receipt(receipt_id, broken)
    assert not failed.ok and failed.error_code == "offline" and "lp0" in failed.message
    [waiting] = w.receipts().unprinted()
    assert waiting.number == 1 and waiting.attempts == 1 and waiting.last_error
    retry = w.receipts().print_receipt(receipt_id, PdfFolderSink(tmp_path / "pdf"))
    assert retry.ok and not retry.copy  # the first print that worked is the original
    assert w.receipts().unprinted() == []


def test_a_reprint_is_stamped_copy_logged_and_audited(
    refunded: tuple[World, DeskResult], tmp_path: Path
) -> None:
    w, result = refunded
    receipt_id = result.receipt_id
    assert receipt_id is not None
    folder = PdfFolderSink(tmp_path / "pdf", size="a4")
    w.receipts().print_receipt(receipt_id, folder, staff_id=w.cashier)
    again = w.receipts().print_receipt(receipt_id, folder, staff_id=w.cashier)
    assert again.copy  # never two originals
    copy = w.receipts().reprint(receipt_id, folder, staff_id=w.cashier)
    assert copy.ok and copy.copy
    files = sorted((tmp_path / "pdf").glob("*.pdf"))
    texts = ["".join(page.extract_text() for page in PdfReader(f).pages) for f in files]
    assert all("700100" in t for t in texts)
    assert ["КӨШІРМЕ" in t for t in texts] == [False, True, True]  # kk: the refund's language
    with w.sessions() as s:
        prints = list(s.scalars(select(ReceiptPrint).order_by(ReceiptPrint.id)))
        audits = [a.action for a in s.scalars(select(AuditLog))]
    assert [p.copy for p in prints] == [False, True, True]
    assert audits.count("receipt_reprint") == 1


def test_a_crash_between_commit_and_print_leaves_a_receipt_to_print_once(
    world: World, tmp_path: Path
) -> None:
    world.shifts().open(world.cashier)
    world.add_show("S1930", local(21, 19, 30))
    world.add_order("700200", "cinemax", "S1930", [("KL0001", "adult", 250_000)])
    refund_id = uuid.uuid4()
    world.desk().refund("700200", ["KL0001"], staff_id=world.cashier, refund_id=refund_id)
    world.engine.dispose()  # killed here: committed, never printed

    engine = open_engine(world.path)
    try:
        fresh = ReceiptService(session_factory(engine, write=True), VENUE)
        [waiting] = fresh.unprinted()
        assert waiting.refund_id == refund_id and waiting.attempts == 0
        assert waiting.order_number == "700200" and waiting.returned_tiyn == 225_000
        out = tmp_path / "printer.bin"
        sink = sink_from_spec(f"escpos:file:{out}")
        assert sink is not None
        assert fresh.print_receipt(waiting.receipt_id, sink).ok
        assert fresh.unprinted() == []
        assert out.read_bytes().count(b"\x1dV") == 1  # one job, one cut
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        ("escpos:serial:COM4:19200", "SerialPrinter"),
        ("escpos:serial:/dev/ttyUSB0", "SerialPrinter"),
        ("escpos:net:192.168.1.50:9100", "NetworkPrinter"),
        ("escpos:usb:04b8:0202", "UsbPrinter"),
    ],
)
def test_printer_settings_name_the_transport(spec: str, kind: str) -> None:
    sink = sink_from_spec(spec)
    assert sink is not None and type(sink.printer).__name__ == kind  # type: ignore[attr-defined]


def test_a_qt_printer_name_is_not_an_escpos_printer_and_a_typo_is_explained() -> None:
    assert sink_from_spec("EPSON TM-T20III") is None
    with pytest.raises(ValueError, match="escpos:net"):
        sink_from_spec("escpos:bluetooth:x")


def test_the_shift_summary_adds_up_to_the_refunds_of_the_shift(world: World) -> None:
    w = world
    shifts = w.shifts()
    shifts.open(w.cashier)
    with pytest.raises(DeskError):
        shifts.open(w.cashier)
    w.add_show("S1930", local(21, 19, 30))
    w.add_show("S2200", local(21, 22, 0))
    w.add_order(
        "A1", "cinemax", "S1930", [("SA0001", "adult", 250_000), ("SA0002", "child", 90_000)]
    )
    w.add_order("A2", "kinopark", "S1930", [("SA0003", "adult", 300_000)])
    w.add_order("A3", "kinopark", "S2200", [("SA0004", "adult", 300_000)])
    w.add_order("A4", "inna-concerts", "S1930", [("SA0005", "adult", 500_000)])
    desk = w.desk()
    results = [
        desk.refund("A1", ["SA0001", "SA0002"], staff_id=w.cashier, refund_id=uuid.uuid4()),
        desk.refund("A2", ["SA0003"], staff_id=w.cashier, refund_id=uuid.uuid4()),
        desk.exchange("A3", ["SA0004"], "S1930", staff_id=w.cashier, refund_id=uuid.uuid4()),
        desk.contact_request("A4", ["SA0005"], staff_id=w.cashier, refund_id=uuid.uuid4()),
    ]
    refunds = [r for r in results if r.kind == "refund"]
    running = shifts.summary()
    summary = shifts.close(w.cashier)
    assert summary == running.__class__(**{**running.__dict__,
                                           "shift": summary.shift})  # fmt: skip
    assert summary.refunds == 2 and summary.refunded_tickets == 3
    assert summary.price_tiyn == sum(r.price_tiyn for r in refunds) == 640_000
    assert summary.fees_tiyn == sum(r.fee_tiyn for r in refunds)
    assert summary.returned_tiyn == sum(r.returned_tiyn for r in refunds)
    assert summary.price_tiyn == summary.fees_tiyn + summary.returned_tiyn
    assert summary.exchanges == 1 and summary.exchange_fees_tiyn == 30_000
    assert summary.contact_requests == 1
    assert summary.receipts == 4 and summary.unprinted_receipts == 4
    with w.sessions() as s:
        row = s.scalars(select(CashShift)).one()
    assert row.closed_at is not None and row.refund_count == 2
    assert row.refunded_tiyn == summary.returned_tiyn
    assert row.fees_tiyn == summary.fees_tiyn + summary.exchange_fees_tiyn
    assert shifts.current() is None
    # a refund after the close needs a new shift, and lands in it, not in the closed one
    w.add_order("A5", "cinemax", "S1930", [("SA0006", "adult", 250_000)])
    with pytest.raises(DeskError):
        desk.refund("A5", ["SA0006"], staff_id=w.cashier, refund_id=uuid.uuid4())
    shifts.open(w.cashier)
    desk.refund("A5", ["SA0006"], staff_id=w.cashier, refund_id=uuid.uuid4())
    assert shifts.summary().refunds == 1
    assert shifts.summary(summary.shift.id).refunds == 2
