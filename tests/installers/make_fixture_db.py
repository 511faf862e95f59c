"""Make tests/installers/data/console-0.1.0.sqlite3: a venue's database as release 0.1.0 left it.

    python tests/installers/make_fixture_db.py

Run ONCE, at release 0.1.0, and commit the file: the upgrade test then migrates this file with
every later release's frozen app and checks that no record is lost (DESIGN.md habit 10: "tested
from the previous release"). Rerunning it after a schema change would defeat the point, so it
refuses to overwrite the file unless --force is given.

Rows are written through the 0.1.0 ORM models, so dates, UUIDs, enums and JSON are stored in
exactly the format that release writes. Every table gets rows; the content is fixed (no clock,
no randomness) so the file's records are the same on every run.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(__file__).resolve().parent / "data" / "console-0.1.0.sqlite3"
START = datetime(2026, 11, 21, 13, 0, tzinfo=UTC)  # 18:00 in Almaty, a Saturday evening


def _uid(n: int) -> uuid.UUID:
    return uuid.UUID(int=0x5EED_0000_0000_0000_0000_0000_0000_0000 + n)


def populate(path: Path) -> dict[str, int]:
    """Create the database at the current migrations' head and fill every table."""
    from app.core.pins import hash_pin
    from app.core.statuses import (
        Direction,
        InputMethod,
        Role,
        Status,
        StatusSource,
        VenueCategory,
        Verdict,
    )
    from app.models import (
        AuditLog,
        CashShift,
        CinemaSession,
        Order,
        Outbox,
        OutboxKind,
        Receipt,
        ReceiptCounter,
        ReceiptKind,
        ReceiptPrint,
        Refund,
        RefundLine,
        SettingKV,
        Staff,
        Station,
        StatusCache,
        Ticket,
        Venue,
        VisitEvent,
        open_engine,
        session_factory,
        upgrade_database,
    )
    from app.resources import load_json
    from app.sync.protocol import RefundKind, Tariff, TicketState

    upgrade_database(path)
    engine = open_engine(path)
    write = session_factory(engine, write=True)
    pin_hash = hash_pin("4821", n=2**10)  # a cheap hash: the fixture is about records, not PINs
    with write() as s, s.begin():
        s.add(
            Venue(
                code="ARMAN-ALA",
                name="Кинотеатр «Арман»",
                bin="180340021791",
                address="г. Алматы, пр. Абая, 44",
                time_zone="Asia/Almaty",
                category=VenueCategory.CINEMA,
                capacity=420,
                admission_policy=load_json("policies", "admission.json"),
                refund_rules=load_json("policies", "refund_rules.json"),
                checkin_url="https://central.example.kz/v/ARMAN-ALA",
                updated_at=START - timedelta(hours=1),
            )
        )
        s.flush()
        s.add(
            Station(
                id=_uid(1),
                name="Вход 1",
                door="main",
                venue_code="ARMAN-ALA",
                enrolled_at=START - timedelta(days=3),
                server_url="https://central.example.kz",
                fallback_url=None,
            )
        )
        staff = [
            (_uid(10), "Әсел Нұрғалиева", Role.DOOR, True),
            (_uid(11), "Айгерим Сейтова", Role.CASHIER, True),
            (_uid(12), "Дана Оспанова", Role.MANAGER, True),
            (_uid(13), "Ерлан Ахметов", Role.DOOR, False),  # deactivated, still named by rows
        ]
        for sid, name, role, active in staff:
            s.add(
                Staff(
                    id=sid,
                    venue_code="ARMAN-ALA",
                    name=name,
                    role=role,
                    pin_hash=pin_hash,
                    active=active,
                )
            )
        s.add(SettingKV(key="last_pull_server_time", value="2026-11-21T12:00:00+00:00"))
        s.add(SettingKV(key="pseudonym_key_id", value={"id": 1, "since": "2026-11-18"}))
        s.flush()

        for n, title in enumerate(("Қыз Жібек", "Томирис")):
            s.add(
                CinemaSession(
                    id=f"S-{n + 1}",
                    title=title,
                    hall=f"Зал {n + 1}",
                    starts_at=START + timedelta(hours=n * 3),
                    ends_at=START + timedelta(hours=n * 3 + 2),
                    modified_at=START - timedelta(days=1),
                )
            )
        s.flush()
        for o in range(6):
            number = f"ORD-{1000 + o}"
            s.add(
                Order(
                    number=number,
                    organizer="kinopark" if o % 2 else "arman",
                    session_id=f"S-{o % 2 + 1}",
                    modified_at=START - timedelta(hours=5),
                )
            )
            s.flush()
            for t in range(3):
                state = TicketState.USED if t == 0 else TicketState.VALID
                if o == 5:
                    state = TicketState.REFUNDED
                s.add(
                    Ticket(
                        code=f"T{o}{t}AB{o * 3 + t:02d}",
                        order_number=number,
                        tariff=(Tariff.ADULT, Tariff.CHILD, Tariff.STUDENT)[t],
                        price_tiyn=250_000 - t * 50_000,
                        state=state,
                        printed_at_box_office=t == 2,
                        used_at=START + timedelta(minutes=5 * o) if t == 0 else None,
                        used_door="main" if t == 0 else None,
                        modified_at=START - timedelta(hours=4),
                    )
                )
        s.flush()

        statuses = (Status.GREEN, Status.BLUE, Status.YELLOW, Status.RED, Status.NOT_FOUND)
        for v in range(120):
            status = statuses[v % 5]
            verdict = {Status.GREEN: Verdict.ADMIT, Status.BLUE: Verdict.ADMIT}.get(
                status, Verdict.DENY if status == Status.RED else Verdict.NEEDS_CHECK
            )
            direction = Direction.EXIT if v % 7 == 6 else Direction.ENTRY
            if verdict == Verdict.DENY:
                direction = Direction.DENIED
            s.add(
                VisitEvent(
                    id=_uid(1000 + v),
                    occurred_at=START + timedelta(seconds=37 * v),
                    direction=direction,
                    method=(InputMethod.CAMERA, InputMethod.WEDGE, InputMethod.MANUAL)[v % 3],
                    status=status,
                    status_source=StatusSource.CENTRAL if v % 4 else StatusSource.CACHE,
                    status_age_s=v * 3,
                    verdict=verdict,
                    reason="" if verdict == Verdict.ADMIT else f"status_{status}",
                    note="PCR көрсетілді" if v == 17 else "",
                    person=f"{v:064x}",
                    sealed_iin=None if v < 100 else f"sealed-box-{v}",
                    order_number=f"ORD-{1000 + v % 6}" if v % 10 == 0 else None,
                    ticket_code=None,
                    session_id="S-1" if v % 10 == 0 else None,
                    staff_id=_uid(10),
                    override_by=_uid(12) if v == 33 else None,
                    station_id=_uid(1),
                    door="main",
                    test_mode=v < 5,
                    offline=v % 11 == 0,
                    synced_at=None if v >= 100 else START + timedelta(seconds=37 * v + 2),
                )
            )
        for c in range(30):
            s.add(
                StatusCache(
                    person=f"{c:064x}",
                    status=statuses[c % 5],
                    source=StatusSource.CENTRAL,
                    set_at=START - timedelta(days=c),
                    fetched_at=START + timedelta(seconds=37 * c),
                )
            )
        for q in range(20):
            s.add(
                Outbox(
                    kind=OutboxKind.VISIT,
                    entity_id=_uid(1100 + q),
                    payload={"id": str(_uid(1100 + q)), "verdict": "admit", "seq": q},
                    created_at=START + timedelta(seconds=37 * (100 + q)),
                    attempts=q % 4,
                    next_attempt_at=None,
                    last_error="timeout" if q % 4 else None,
                    acknowledged_at=None,
                )
            )
        s.flush()

        shift = CashShift(
            venue_code="ARMAN-ALA",
            station_id=_uid(1),
            opened_at=START - timedelta(hours=2),
            opened_by=_uid(11),
            closed_at=None,
            refund_count=1,
            refunded_tiyn=570_000,
            fees_tiyn=60_000,
            receipt_count=1,
        )
        s.add(shift)
        refund = Refund(
            id=_uid(2000),
            kind=RefundKind.REFUND,
            order_number="ORD-1005",
            rule="Ashyq denial: full price less the operator's 5 % fee",
            reason="ashyq_denied",
            override=False,
            supervisor_id=None,
            ashyq_denial_id=_uid(1003),
            staff_id=_uid(11),
            occurred_at=START + timedelta(minutes=50),
            test_mode=False,
            synced_at=None,
        )
        s.add(refund)
        s.flush()
        for t in range(3):
            price = 250_000 - t * 50_000
            fee = max(price * 5 // 100, 25_000)
            s.add(
                RefundLine(
                    refund_id=refund.id,
                    ticket_code=f"T5{t}AB{15 + t:02d}",
                    price_tiyn=price,
                    fee_tiyn=fee,
                    refund_tiyn=price - fee,
                )
            )
        s.add(
            Outbox(
                kind=OutboxKind.REFUND,
                entity_id=refund.id,
                payload={"id": str(refund.id), "order": "ORD-1005"},
                created_at=START + timedelta(minutes=50),
            )
        )
        s.add(ReceiptCounter(venue_code="ARMAN-ALA", last_number=1))
        s.flush()
        receipt = Receipt(
            venue_code="ARMAN-ALA",
            number=1,
            kind=ReceiptKind.SELL_RETURN,
            refund_id=refund.id,
            cash_shift_id=shift.id,
            staff_id=_uid(11),
            created_at=START + timedelta(minutes=50),
            payload={"total_tiyn": 600_000, "returned_tiyn": 540_000, "lang": "ru"},
        )
        s.add(receipt)
        s.flush()
        for copy in (False, True):
            s.add(
                ReceiptPrint(
                    receipt_id=receipt.id,
                    printed_at=START + timedelta(minutes=51),
                    copy=copy,
                    printer="XP-80C",
                    ok=True,
                    error=None,
                    staff_id=_uid(11),
                )
            )
        for a in range(8):
            s.add(
                AuditLog(
                    at=START + timedelta(minutes=a),
                    staff_id=_uid(10 + a % 3),
                    action=("login", "override", "refund", "print")[a % 4],
                    details={"n": a, "text": "тексеру"},
                )
            )
    engine.dispose()
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
        conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to commit
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite the committed fixture")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    if args.out.exists() and not args.force:
        print(f"{args.out} exists; it stands for release 0.1.0 and is not remade (--force).")
        return 1
    sys.path.insert(0, str(ROOT))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.unlink(missing_ok=True)
    counts = populate(args.out)
    empty = [name for name, n in counts.items() if n == 0]
    for name, n in sorted(counts.items()):
        print(f"{name:<16} {n}")
    if empty:
        print(f"tables left empty: {', '.join(empty)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
