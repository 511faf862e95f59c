"""The fiscal queue survives a kill between the refund's commit and the register's answer, and
the cheque is never made twice: a console process is killed while the register holds its answer;
the restarted console sends the same idempotency key and gets the cheque already made."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

from sqlalchemy import select

from app.models.fiscal import ChequeState, FiscalCheque
from app.models.refunds import Refund
from app.services.fiscal import FiscalService, external_id_of
from tests import timing
from tests.e2e.conftest import ROOT
from tests.unit.test_refund_desk_world import build_world, local
from tests.unit.webkassa_fake import API_KEY, CASHBOX, LOGIN, PASSWORD, WebkassaServer


def test_a_kill_while_the_register_answers_loses_nothing_and_duplicates_nothing(
    tmp_path: Path,
) -> None:
    from app.devices.webkassa import WebkassaRegister

    world = build_world(tmp_path)
    world.shifts().open(world.cashier)
    world.add_show("S1930", local(21, 19, 30), title="Абай жолы")
    world.add_order("700100", "cinemax", "S1930", [("RC7001001", "adult", 250_000),
                                                   ("RC7001002", "student", 180_000)])  # fmt: skip
    world.engine.dispose()
    refund_id = uuid.uuid4()
    with WebkassaServer() as server:
        server.fake.hold = threading.Event()
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/e2e/fiscal_refund.py"), str(world.path),
             server.url, str(refund_id)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            assert server.fake.received.wait(timing.seconds(60)), "the console never sent it"
        finally:
            proc.send_signal(signal.SIGKILL)
            out, err = proc.communicate(timeout=timing.seconds(10))
        assert b"committed" in out and b"answered" not in out, err.decode(errors="replace")
        assert len(server.fake.cheques) == 1  # the register made it; the console died waiting

        with world.sessions() as s:  # what the killed console left on disk
            assert s.get(Refund, refund_id) is not None
            row = s.scalar(select(FiscalCheque))
            assert row is not None and row.state is ChequeState.PENDING and row.attempts == 1
            assert row.external_id == external_id_of(refund_id)

        server.fake.hold.set()
        server.fake.hold = None
        register = WebkassaRegister(server.url, CASHBOX, login=LOGIN, password=PASSWORD,
                                    api_key=API_KEY, timeout_s=timing.seconds(10))  # fmt: skip
        restarted = FiscalService(world.sessions, clock=world.clock)
        outcome = restarted.send_pending(register)
        assert outcome.fiscalised == (row.receipt_id,) and outcome.pending == 0
        assert len(server.fake.cheques) == 1
        keys = [body["ExternalCheckNumber"] for body in server.fake.calls("Check")]
        assert keys == [external_id_of(refund_id)] * 2
        data = world.receipts().data(row.receipt_id)
        assert data.fiscal_status == "done" and data.fiscal_sign == "2871349956"
        with world.sessions() as s:
            answer = s.scalar(select(FiscalCheque.answer))
        assert answer is not None and answer["repeated"] is True
    world.engine.dispose()
