"""A console process for tests/e2e/test_fiscal_crash.py: one refund at a station with Webkassa,
then its return cheque sent to the register. The test kills it while the register holds its
answer, i.e. after the refund's commit and before the register's answer is stored.

usage: python tests/e2e/fiscal_refund.py DB_PATH REGISTER_URL REFUND_ID
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from sqlalchemy import select

from app.devices.webkassa import WebkassaRegister
from app.models import open_engine, session_factory
from app.models.venue import Staff
from app.services.fiscal import FiscalService
from tests.unit.test_refund_desk_world import World
from tests.unit.webkassa_fake import API_KEY, CASHBOX, LOGIN, PASSWORD


def main(db_path: str, url: str, refund_id: str) -> None:
    path = Path(db_path)
    engine = open_engine(path)
    sessions = session_factory(engine, write=True)
    world = World(path, engine, sessions, path.parent / "data")
    with sessions() as s:
        world.cashier = s.scalars(select(Staff.id).where(Staff.name == "Aigerim Sadykova")).one()
    desk = world.desk()
    desk.fiscal_register = "webkassa"
    desk.refund("700100", ["RC7001001", "RC7001002"], staff_id=world.cashier,
                refund_id=uuid.UUID(refund_id), lang="ru")  # fmt: skip
    print("committed", flush=True)
    register = WebkassaRegister(url, CASHBOX, login=LOGIN, password=PASSWORD, api_key=API_KEY,
                                timeout_s=600)  # fmt: skip
    FiscalService(sessions, clock=world.clock).send_pending(register)
    print("answered", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
