"""`ashyq fiscal`: login to the keyring, status, send (printing again to a folder), X/Z reports."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.sync import secrets
from tests.unit.test_fiscal_queue import pdf_text, refund
from tests.unit.test_refund_desk_world import World, world_fixture  # noqa: F401
from tests.unit.webkassa_fake import API_KEY, CASHBOX, LOGIN, PASSWORD, WebkassaServer


@pytest.fixture
def station(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[World, WebkassaServer, list[str]]]:
    secrets.use_demo_keyring(tmp_path / "DEMO-keyring.json")
    with WebkassaServer() as server:
        settings = tmp_path / "settings.json"
        settings.write_text(json.dumps({"version": 1, "fiscal_register": "webkassa",
                                        "webkassa_url": server.url,
                                        "webkassa_cashbox": CASHBOX}))  # fmt: skip
        yield world, server, ["--db", str(world.path), "--settings", str(settings), "--json"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_login_status_send_and_reports(
    station: tuple[World, WebkassaServer, list[str]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    world, server, common = station
    result = refund(world)
    code, out = run(capsys, "fiscal", "send", *common)  # no account in the keyring yet
    assert code == 1 and out["error"] == "no_credentials" and out["pending"] == 1
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out = run(capsys, "fiscal", "login", "--login", LOGIN, "--api-key", API_KEY,
                    "--password-stdin", *common)  # fmt: skip
    assert code == 0 and PASSWORD not in json.dumps(out)
    code, out = run(capsys, "fiscal", "send", "--out-dir", str(tmp_path / "out"), *common)
    assert code == 0 and out["fiscalised"] == [result.receipt_id] and out["pending"] == 0
    assert out["printed"] == [result.receipt_number]
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    assert "2871349956" in pdf_text(pdf.read_bytes())
    code, out = run(capsys, "fiscal", "status", *common)
    (cheque,) = out["cheques"]  # type: ignore[misc]
    assert cheque["state"] == "done" and cheque["fiscal_sign"] == "2871349956"
    assert cheque["printed"] is True and cheque["attempts"] == 2
    code, out = run(capsys, "fiscal", "report", "x", *common)
    assert code == 0 and out["shift_number"] == "214" and out["document_count"] == 1
    code, out = run(capsys, "fiscal", "report", "z", *common)
    assert code == 0 and out["kind"] == "z"
    assert server.fake.shift == 215


def test_use_writes_the_station_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.json"
    common = ["--settings", str(settings), "--json"]
    code, out = run(capsys, "fiscal", "use", "webkassa", *common)
    assert code == 2 and out["error"] == "incomplete" and not settings.exists()
    code, out = run(capsys, "fiscal", "use", "webkassa", "--url", "https://kkm.webkassa.kz",
                    "--cashbox", CASHBOX, *common)  # fmt: skip
    assert code == 0
    saved = json.loads(settings.read_text(encoding="utf-8"))
    assert (saved["fiscal_register"], saved["webkassa_cashbox"]) == ("webkassa", CASHBOX)
    code, out = run(capsys, "fiscal", "use", "none", *common)
    assert code == 0 and json.loads(settings.read_text())["fiscal_register"] == "none"
