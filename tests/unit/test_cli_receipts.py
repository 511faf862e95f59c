"""`ashyq refund apply` and `ashyq receipt list|show|reprint` on a real console database.

The command runs the desk's own services with the real clock, so the shows here start a few days
from now; the station row is written as enrollment writes it (no keyring is needed).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.cli import main
from app.models.receipts import Receipt, ReceiptPrint
from app.models.records import AuditLog, Outbox
from app.models.refunds import CashShift, Refund
from app.models.tickets import Ticket
from app.models.venue import Station
from app.sync.protocol import TicketState
from tests.unit.test_refund_desk_world import CASHIER_PIN, VENUE, World, build_world


@pytest.fixture
def box(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("ASHYQ_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASHYQ_PIN", CASHIER_PIN)
    w = build_world(tmp_path)
    with w.sessions.begin() as s:
        s.add(Station(id=uuid.uuid4(), name="Box office 1", door="1", venue_code=VENUE,
                      enrolled_at=datetime.now(UTC), server_url="http://127.0.0.1:9"))  # fmt: skip
    soon = datetime.now(UTC) + timedelta(days=3)
    w.add_show("S1", soon, title="Абай жолы")
    w.add_show("S2", soon + timedelta(days=1), title="Абай жолы")
    w.add_order("500100", "cinemax", "S1", [("CL0001", "adult", 250_000),
                                            ("CL0002", "child", 150_000),
                                            ("CL0003", "adult", 250_000)],
                used=("CL0003",))  # fmt: skip
    w.add_order("500200", "cinemax", "S2", [("CL0201", "adult", 250_000)])
    yield w
    w.engine.dispose()


def ashyq(w: World, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict | list]:
    code = main([*argv, "--db", str(w.path), "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def count(w: World, model: type) -> int:
    with w.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def refund(w: World, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict | list]:
    return ashyq(w, capsys, "refund", "apply", "--order", "500100", "--staff",
                 "Aigerim Sadykova", *extra)  # fmt: skip


def test_without_an_open_shift_the_refund_is_refused_and_says_how(
    box: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = refund(box, capsys, "--ticket", "CL0001")
    assert code == 2 and out["error"] == "no_shift" and "--open-shift" in out["message"]  # type: ignore[call-overload]
    assert count(box, Refund) == 0 and count(box, CashShift) == 0


def test_refund_apply_writes_what_the_desk_writes(
    box: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = refund(box, capsys, "--ticket", "cl0002", "--open-shift", "--lang", "kk")
    assert code == 0, out
    assert isinstance(out, dict)
    assert out["receipt_number"] == 1 and out["tickets"] == ["CL0002"]
    assert out["fee_tiyn"] + out["refund_tiyn"] == 150_000 and out["refund_tiyn"] > 0
    assert out["money_back_by"] is not None
    with box.sessions() as s:
        row = s.get(Refund, uuid.UUID(out["refund_id"]))
        assert row is not None and row.staff_id == box.cashier
        assert s.get(Ticket, "CL0002").state is TicketState.REFUNDED  # type: ignore[union-attr]
        assert s.scalar(select(Outbox.entity_id)) == row.id
        receipt = s.scalars(select(Receipt)).one()
        assert receipt.refund_id == row.id and receipt.cash_shift_id is not None
        actions = list(s.scalars(select(AuditLog.action)))
    assert "shift_open" in actions and "desk_refund" in actions
    # the next refund takes the next number, in the shift now open
    code, out = ashyq(box, capsys, "refund", "apply", "--order", "500200", "--all", "--staff",
                      "Aigerim Sadykova")  # fmt: skip
    assert code == 0 and out["receipt_number"] == 2  # type: ignore[call-overload]
    assert count(box, CashShift) == 1


def test_refused_tickets_exit_2_with_the_reason_and_write_nothing(
    box: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = refund(box, capsys, "--ticket", "CL0003", "--open-shift")
    assert code == 2 and out == {"error": "used", "message": out["message"]}  # type: ignore[call-overload, index]
    assert "CL0003" in out["message"]  # type: ignore[call-overload]
    assert refund(box, capsys, "--ticket", "CL0001")[0] == 0
    code, out = refund(box, capsys, "--ticket", "CL0001")
    assert code == 2 and out["error"] == "already_refunded"  # type: ignore[call-overload]
    code, out = refund(box, capsys, "--ticket", "ZZ9999")
    assert code == 2 and out["error"] == "not_in_order"  # type: ignore[call-overload]
    assert count(box, Refund) == 1 and count(box, Receipt) == 1


def test_a_wrong_pin_and_an_unknown_order_are_refused(
    box: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = ashyq(box, capsys, "refund", "apply", "--order", "NOPE", "--all", "--staff",
                      "Aigerim Sadykova")  # fmt: skip
    assert code == 2 and out["error"] == "order_not_found"  # type: ignore[call-overload]
    monkeypatch.setenv("ASHYQ_PIN", "9999")
    code, out = refund(box, capsys, "--all", "--open-shift")
    assert code == 2 and out["error"] == "wrong_pin"  # type: ignore[call-overload]
    assert count(box, Refund) == 0


def test_an_exchange_needs_its_session_and_moves_no_money(
    box: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = refund(box, capsys, "--ticket", "CL0001", "--exchange", "--open-shift")
    assert code == 2 and out["error"] == "bad_session"  # type: ignore[call-overload]
    code, out = refund(box, capsys, "--ticket", "CL0001", "--exchange", "--session", "S2",
                       "--open-shift")  # fmt: skip
    assert code == 0 and out["kind"] == "exchange" and out["refund_tiyn"] == 0  # type: ignore[call-overload]


@pytest.mark.parametrize(("lang", "word"), [("kk", "КӨШІРМЕ"), ("ru", "КОПИЯ"), ("en", "COPY")])
def test_list_show_and_a_reprint_stamped_copy_in_the_receipts_language(
    box: World, capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, word: str
) -> None:
    code, done = refund(box, capsys, "--ticket", "CL0001", "--open-shift", "--lang", lang)
    assert code == 0
    code, rows = ashyq(box, capsys, "receipt", "list", "--date",
                       datetime.now(UTC).astimezone().date().isoformat())  # fmt: skip
    assert code == 0 and isinstance(rows, list) and len(rows) == 1
    [row] = rows
    assert {k: row[k] for k in ("number", "refund_id", "order_number", "total_tiyn", "printed")} \
        == {"number": 1, "refund_id": done["refund_id"], "order_number": "500100",  # type: ignore[call-overload]
            "total_tiyn": done["refund_tiyn"], "printed": False}  # type: ignore[call-overload]  # fmt: skip
    code, shown = ashyq(box, capsys, "receipt", "show", "1")
    assert code == 0 and shown["receipt"]["language"] == lang  # type: ignore[call-overload]

    out = tmp_path / "copy.pdf"
    code, printed = ashyq(box, capsys, "receipt", "reprint", "1", "--out", str(out), "--staff",
                          "Aigerim Sadykova")  # fmt: skip
    assert code == 0 and printed["copy"] is True  # type: ignore[call-overload]
    text = pdf_text(out)
    assert word in text and "500100" in text
    with box.sessions() as s:
        [logged] = s.scalars(select(ReceiptPrint)).all()
        assert logged.copy and logged.ok and logged.staff_id == box.cashier
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "receipt_reprint")).one()
        assert audit.details["receipt"] == 1 and audit.staff_id == box.cashier


def test_an_unknown_receipt_and_a_day_without_receipts(
    box: World, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out = ashyq(box, capsys, "receipt", "show", "42")
    assert code == 2 and out["error"] == "receipt_not_found"  # type: ignore[call-overload]
    code, out = ashyq(box, capsys, "receipt", "reprint", "42", "--out", str(tmp_path / "x.pdf"),
                      "--staff", "Aigerim Sadykova")  # fmt: skip
    assert code == 2 and out["error"] == "receipt_not_found"  # type: ignore[call-overload]
    assert not (tmp_path / "x.pdf").exists()
    code, done = refund(box, capsys, "--all", "--open-shift")
    assert code == 0 and done["tickets"] == ["CL0001", "CL0002"]  # type: ignore[call-overload]
    assert done["skipped"] == [{"ticket": "CL0003", "reason": "used"}]  # type: ignore[call-overload]
    code, out = refund(box, capsys, "--all")
    assert code == 2 and out["error"] == "nothing_refundable" and "CL0003" in out["message"]  # type: ignore[call-overload]
    code, rows = ashyq(box, capsys, "receipt", "list", "--date", "2020-01-01")
    assert code == 0 and rows == []
    code, rows = ashyq(box, capsys, "receipt", "list", "--order", "500100")
    assert code == 0 and [r["number"] for r in rows] == [1]  # type: ignore[index]


def test_the_readable_line_names_the_receipt(
    box: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["refund", "apply", "--order", "500100", "--ticket", "CL0001", "--open-shift",
                 "--staff", "Aigerim Sadykova", "--db", str(box.path)])  # fmt: skip
    assert code == 0 and "receipt No. 1" in capsys.readouterr().out


def test_a_reprint_without_out_goes_to_the_stations_printer_setting(
    box: World, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from app.settings import Settings, save

    assert refund(box, capsys, "--ticket", "CL0001", "--open-shift")[0] == 0
    reprint = ("receipt", "reprint", "1", "--staff", "Aigerim Sadykova")
    code, out = ashyq(box, capsys, *reprint)  # no printer set: a system printer by default
    assert code == 2 and out["error"] == "no_printer" and "--out" in out["message"]  # type: ignore[call-overload]
    folder = tmp_path / "printed"
    save(Settings(printer=f"pdf:{folder}"), tmp_path / "home" / "settings.json")
    code, out = ashyq(box, capsys, *reprint)
    assert code == 0 and out["printer"] == f"pdf:{folder}"  # type: ignore[call-overload]
    [pdf] = list(folder.iterdir())
    assert "КОПИЯ" in pdf_text(pdf)  # the receipt's language (Russian by default), not the shell's


def test_a_ticket_outside_the_organizers_rules_is_refused_with_the_rules_reason(
    box: World, capsys: pytest.CaptureFixture[str]
) -> None:
    box.add_order("300400", "keruen", "S1", [("KR0001", "adult", 250_000)])
    code, out = ashyq(box, capsys, "refund", "apply", "--order", "300400", "--ticket", "KR0001",
                      "--open-shift", "--staff", "Aigerim Sadykova")  # fmt: skip
    assert code == 2 and isinstance(out, dict) and set(out) == {"error", "message"}
    assert out["error"] == "no_refund" and "KR0001" in out["message"], out
    assert count(box, Refund) == 0 and count(box, Receipt) == 0
