"""The desk at a fiscal station: online, the first receipt already carries its fiscal data;
offline, a "pending" slip prints, the receipt stays listed, and once the register answers it
prints again with its fiscal data as an original, never a COPY."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.devices.fiscal import NoRegister
from app.services.fiscal_receipts import FiscalReceiptService, desk_receipts
from app.services.receipts import PdfFolderSink, ReceiptService
from tests.unit.test_fiscal_queue import fiscal, pdf_text, refund, webkassa
from tests.unit.test_refund_desk_world import VENUE, World, world_fixture  # noqa: F401
from tests.unit.webkassa_fake import WebkassaServer


@pytest.fixture
def server() -> Iterator[WebkassaServer]:
    with WebkassaServer() as running:
        yield running


def desk_printer(world: World, server: WebkassaServer) -> FiscalReceiptService:
    return FiscalReceiptService(world.sessions, VENUE, clock=world.clock, register=webkassa(server))


def printed(folder: Path) -> list[str]:
    return [pdf_text(p.read_bytes()) for p in sorted(folder.glob("*.pdf"))]


def test_online_the_first_print_is_already_fiscal(
    world: World, server: WebkassaServer, tmp_path: Path
) -> None:
    result = refund(world)
    receipts = desk_printer(world, server)
    assert result.receipt_id is not None
    outcome = receipts.print_receipt(result.receipt_id, PdfFolderSink(tmp_path))
    assert outcome.ok and not outcome.copy
    (text,) = printed(tmp_path)
    assert "Фискальный признак 2871349956" in text and "ОЖИДАЕТ" not in text
    assert receipts.unprinted() == [] and fiscal(world).cheques()[0].printed


def test_offline_a_pending_slip_then_the_fiscal_receipt_when_the_register_is_back(
    world: World, server: WebkassaServer, tmp_path: Path
) -> None:
    result = refund(world)
    receipts = desk_printer(world, server)
    sink = PdfFolderSink(tmp_path)
    assert result.receipt_id is not None
    server.fake.down = True
    assert receipts.print_receipt(result.receipt_id, sink).ok
    assert "ФИСКАЛЬНЫЙ ЧЕК ОЖИДАЕТ ОТПРАВКИ" in printed(tmp_path)[0]
    assert [r.receipt_id for r in receipts.unprinted()] == [result.receipt_id]
    again = receipts.print_receipt(result.receipt_id, sink)  # still away: nothing printed
    assert not again.ok and again.error_code == "fiscal_pending" and "http_503" in again.message
    assert len(printed(tmp_path)) == 1
    server.fake.down = False
    fiscal_print = receipts.print_receipt(result.receipt_id, sink)
    assert fiscal_print.ok and not fiscal_print.copy
    texts = printed(tmp_path)
    assert len(texts) == 2 and "2871349956" in texts[1] and "КОПИЯ" not in texts[1]
    assert receipts.unprinted() == []
    copy = receipts.reprint(result.receipt_id, sink)  # a reprint after that is a COPY
    assert copy.ok and copy.copy and "2871349956" in printed(tmp_path)[2]
    assert len(server.fake.cheques) == 1


def test_the_station_setting_chooses_the_service(world: World) -> None:
    plain = desk_receipts(world.sessions, VENUE, clock=world.clock, register="none", url="",
                          cashbox="", profile="default")  # fmt: skip
    assert type(plain) is ReceiptService
    incomplete = desk_receipts(world.sessions, VENUE, clock=world.clock, register="webkassa",
                               url="", cashbox="", profile="default")  # fmt: skip
    assert isinstance(incomplete, FiscalReceiptService)
    assert isinstance(incomplete.register, NoRegister)  # cheques wait until settings are fixed
