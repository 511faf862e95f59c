"""The fiscal cheque queue: written with the refund, sent once, kept when the register is away,
set aside when refused, printed again with its fiscal data; a crash at any step loses nothing
and never makes a second cheque."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.devices.webkassa import WebkassaRegister
from app.documents.escpos import receipt_escpos
from app.models import downgrade_database, upgrade_database
from app.models.fiscal import ChequeState, FiscalCheque
from app.models.receipts import ReceiptPrint
from app.services.fiscal import FiscalService, external_id_of, make_register
from app.services.receipts import PdfFolderSink
from app.services.refund_desk import DeskResult
from app.sync import secrets
from tests import timing
from tests.unit.test_refund_desk_world import World, local, world_fixture  # noqa: F401
from tests.unit.webkassa_fake import API_KEY, CASHBOX, LOGIN, PASSWORD, WebkassaServer


@pytest.fixture
def server() -> Iterator[WebkassaServer]:
    with WebkassaServer() as running:
        yield running


def webkassa(server: WebkassaServer) -> WebkassaRegister:
    return WebkassaRegister(server.url, CASHBOX, login=LOGIN, password=PASSWORD, api_key=API_KEY,
                            timeout_s=timing.seconds(5))  # fmt: skip


def refund(world: World, register: str = "webkassa", *, order: str = "700100") -> DeskResult:
    if world.shifts().current() is None:
        world.shifts().open(world.cashier)
        world.add_show("S1930", local(21, 19, 30), title="Абай жолы")
    codes = [f"RC{order}1", f"RC{order}2"]
    world.add_order(order, "cinemax", "S1930", [(codes[0], "adult", 250_000),
                                                (codes[1], "student", 180_000)])  # fmt: skip
    desk = world.desk()
    desk.fiscal_register = register
    return desk.refund(order, codes, staff_id=world.cashier, refund_id=uuid.uuid4(), lang="ru")


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.replace("\u00a0", " ").split())


def fiscal(world: World) -> FiscalService:
    return FiscalService(world.sessions, clock=world.clock)


def test_a_station_without_a_register_queues_nothing_and_says_non_fiscal(world: World) -> None:
    result = refund(world, "none")
    assert fiscal(world).cheques() == []
    assert result.receipt_id is not None
    data = world.receipts().data(result.receipt_id)
    assert data.fiscal_status == "none"
    from app.documents.receipt import render_receipt_pdf

    assert "НЕ ФИСКАЛЬНЫЙ ЧЕК" in pdf_text(render_receipt_pdf(data))


def test_the_cheque_is_queued_in_the_refund_transaction_with_its_key(world: World) -> None:
    result = refund(world)
    (row,) = fiscal(world).cheques()
    assert row.state == "pending" and row.attempts == 0
    assert row.external_id == external_id_of(result.refund_id) and len(row.external_id) <= 50
    assert row.amount_tiyn == result.returned_tiyn
    assert result.receipt_id is not None
    data = world.receipts().data(result.receipt_id)
    assert data.fiscal_status == "pending"
    from app.documents.receipt import render_receipt_pdf

    assert "ФИСКАЛЬНЫЙ ЧЕК ОЖИДАЕТ ОТПРАВКИ" in pdf_text(render_receipt_pdf(data))


def test_an_exchange_makes_no_cheque(world: World) -> None:
    world.shifts().open(world.cashier)
    world.add_show("S1930", local(21, 19, 30))
    world.add_show("S2200", local(21, 22, 0))
    world.add_order("700200", "cinemax", "S1930", [("EX0001", "adult", 250_000)])
    world.add_order("700201", "cinemax", "S2200", [("EX0002", "adult", 250_000)])
    desk = world.desk()
    desk.fiscal_register = "webkassa"
    desk.exchange("700200", ["EX0001"], "S2200", staff_id=world.cashier, refund_id=uuid.uuid4())
    assert fiscal(world).cheques() == []


def test_sent_once_the_receipt_carries_the_fiscal_data_on_pdf_and_escpos(
    world: World, server: WebkassaServer
) -> None:
    result = refund(world)
    outcome = fiscal(world).send_pending(webkassa(server))
    assert outcome.fiscalised == (result.receipt_id,) and outcome.pending == 0
    assert result.receipt_id is not None
    data = world.receipts().data(result.receipt_id)
    assert data.fiscal_status == "done" and data.fiscal_sign == "2871349956"
    assert data.register_serial == CASHBOX
    from app.documents.receipt import render_receipt_pdf

    text = pdf_text(render_receipt_pdf(data))
    for expected in ("Фискальный признак 2871349956", "Фискальный чек № 1", "Смена 214",
                     "Проверка чека на сайте ОФД", "consumer.oofd.kz", "SWK00031455"):  # fmt: skip
        assert expected in text, expected
    assert "НЕ ФИСКАЛЬНЫЙ" not in text and "ОЖИДАЕТ" not in text
    job = receipt_escpos(data)
    assert b"2871349956" in job and b"consumer.oofd.kz" in job
    sent = server.fake.calls("Check")[0]
    assert sent["ExternalCheckNumber"] == external_id_of(result.refund_id)
    assert sent["Payments"] == [{"Sum": 3800.0, "PaymentType": 0}]
    assert [p["PositionName"] for p in sent["Positions"]] == ["RC7001001 Абай жолы",
                                                               "RC7001002 Абай жолы"]  # fmt: skip


def test_offline_the_cheque_waits_then_goes_and_the_receipt_prints_again(
    world: World, server: WebkassaServer, tmp_path: Path
) -> None:
    result = refund(world)
    server.fake.down = True
    service = fiscal(world)
    first = service.send_pending(webkassa(server))
    assert first.fiscalised == () and first.pending == 1 and first.error_code == "http_503"
    (row,) = service.cheques()
    assert (row.state, row.attempts, row.error_code) == ("pending", 1, "http_503")
    assert service.to_print() == []
    server.fake.down = False
    second = service.send_pending(webkassa(server))
    assert second.fiscalised == (result.receipt_id,) and second.error_code == ""
    assert service.to_print() == [result.receipt_id]
    sink = PdfFolderSink(tmp_path / "printed")
    assert result.receipt_id is not None
    printed = service.print_fiscal(result.receipt_id, sink, staff_id=world.cashier)
    assert printed.ok and not printed.copy
    (pdf,) = sorted((tmp_path / "printed").glob("*.pdf"))
    text = pdf_text(pdf.read_bytes())
    assert "2871349956" in text and "КОПИЯ" not in text
    assert service.to_print() == []
    with world.sessions() as s:
        log = s.scalars(select(ReceiptPrint).where(ReceiptPrint.receipt_id == result.receipt_id))
        assert [(p.ok, p.copy) for p in log] == [(True, False)]
    assert len(server.fake.cheques) == 1


def test_a_refused_cheque_is_set_aside_and_the_next_ones_still_go(
    world: World, server: WebkassaServer
) -> None:
    bad, good = refund(world, order="700100"), refund(world, order="700300")
    with world.sessions.begin() as s:  # a cheque whose line the register will not accept
        row = s.scalar(select(FiscalCheque).where(FiscalCheque.receipt_id == bad.receipt_id))
        assert row is not None
        row.request = {"lines": [{**row.request["lines"][0], "name": " "}]}
    service = fiscal(world)
    outcome = service.send_pending(webkassa(server))
    assert outcome.fiscalised == (good.receipt_id,) and outcome.refused == 1
    refused = [c for c in service.cheques() if c.state == ChequeState.REFUSED]
    assert [c.receipt_id for c in refused] == [bad.receipt_id] and refused[0].error_code == "wk_9"
    service.retry(refused[0].cheque_id)
    assert [c.state for c in service.cheques()] == ["pending", "done"]


class Crash(Exception):
    """A kill at one step: nothing after it in this run happens."""


@pytest.mark.parametrize("step", ["before_attempt", "before_send", "before_record"])
def test_a_crash_at_any_step_loses_nothing_and_makes_one_cheque(
    world: World, server: WebkassaServer, step: str
) -> None:
    result = refund(world)

    def crash(name: str, _cheque_id: int) -> None:
        if name == step:
            raise Crash(name)

    with pytest.raises(Crash):
        FiscalService(world.sessions, clock=world.clock, step=crash).send_pending(webkassa(server))
    made_before = len(server.fake.cheques)
    assert made_before == (1 if step == "before_record" else 0)
    (row,) = fiscal(world).cheques()
    assert row.state == "pending"  # nothing recorded: the next run decides
    outcome = fiscal(world).send_pending(webkassa(server))  # the restarted console
    assert outcome.fiscalised == (result.receipt_id,)
    assert len(server.fake.cheques) == 1
    keys = {body["ExternalCheckNumber"] for body in server.fake.calls("Check")}
    assert keys == {external_id_of(result.refund_id)}
    with world.sessions() as s:
        answer = s.scalar(select(FiscalCheque.answer))
    assert answer is not None and answer["repeated"] is (step == "before_record")
    assert fiscal(world).send_pending(webkassa(server)).fiscalised == ()  # nothing twice


def test_register_from_settings_takes_the_account_from_the_keyring(tmp_path: Path) -> None:
    secrets.use_demo_keyring(tmp_path / "DEMO-keyring.json")
    assert make_register("none").name == "none"
    with pytest.raises(ValueError):
        make_register("webkassa", url="", cashbox=CASHBOX)
    secrets.store_fiscal_credentials(secrets.FiscalCredentials(LOGIN, PASSWORD, API_KEY))
    wk = make_register("webkassa", url="https://devkkm.webkassa.kz", cashbox=CASHBOX)
    assert isinstance(wk, WebkassaRegister)
    assert (wk.login, wk.password, wk.api_key) == (LOGIN, PASSWORD, API_KEY)
    assert PASSWORD not in repr(secrets.fiscal_credentials())
    secrets.forget_fiscal_credentials()
    assert secrets.fiscal_credentials() is None


def test_the_migration_adds_and_removes_the_queue(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    upgrade_database(path, revision="0002")
    upgrade_database(path)
    import sqlite3

    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM fiscal_cheque").fetchone() == (0,)
    downgrade_database(path, "0002")
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "fiscal_cheque" not in tables and "receipt" in tables
