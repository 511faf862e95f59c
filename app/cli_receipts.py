"""`ashyq receipt …` and `ashyq refund apply`: the box office from the command line.

Both run the very services the refund desk runs (app.services.refund_desk, receipts,
receipt_history) on the station's local database, so a refund applied here follows the desk's
rules and writes the same rows: the refund, its lines, the tickets' new states, the outbox event
and the receipt with the next gap-free number, in one transaction.

Who acts: a refund is a member of staff's act (audited under their name), so `refund apply` and
`receipt reprint` need `--staff NAME` and that person's PIN, read from the environment variable
ASHYQ_PIN (never an argument: command lines are visible to other users and kept in shell history),
or asked on the terminal. Cashiers, managers and admins may refund, as at the desk.

Cash shift: a refund belongs to the desk's open shift. Without one the command is refused
(`no_shift`, exit 2) and says how to go on: open it at the desk, or add `--open-shift`, which opens
it under the same member of staff (audited as at the desk) and leaves it open for the desk to
close; it is never opened silently, because the Z report counts what happens in it.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import NotReady, Rejected

EXIT_OK = 0
PIN_VARIABLE = "ASHYQ_PIN"
DESK_ROLES = ("cashier", "manager", "admin")


def _emit(args: argparse.Namespace, payload: Any, line: str) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        print(line)


@dataclass
class _Desk:
    """The local database of the enrolled station, without the keyring (no server is called)."""

    engine: Any
    sessions: Any
    venue_code: str
    station_id: uuid.UUID

    def close(self) -> None:
        self.engine.dispose()


def _open(args: argparse.Namespace) -> _Desk:
    from sqlalchemy import select

    from app.models.venue import Station
    from app.paths import database_path
    from app.services.context import open_database

    engine, sessions = open_database(Path(args.db) if args.db else database_path())
    with sessions() as session:
        station = session.scalars(select(Station).order_by(Station.enrolled_at.desc())).first()
    if station is None:
        engine.dispose()
        raise NotReady("This console is not enrolled: run `ashyq enroll --server URL --code CODE`.")
    return _Desk(engine, sessions, station.venue_code, station.id)


def _staff(desk: _Desk, name: str) -> Any:
    """The member of staff named `name`, once their PIN is checked."""
    from app.services.auth import AuthService, LoginRefused

    auth = AuthService(desk.sessions, lambda: desk.venue_code)
    matches = [m for m in auth.list_staff() if m.name.casefold() == name.strip().casefold()]
    if not matches:
        raise Rejected("unknown_staff", f"No active member of staff named {name!r} here.")
    member = matches[0]
    if str(member.role) not in DESK_ROLES:
        raise Rejected("not_allowed", f"{member.name} ({member.role}) may not work the desk.")
    pin = os.environ.get(PIN_VARIABLE, "")
    if not pin and sys.stdin.isatty():
        pin = getpass.getpass(f"PIN of {member.name}: ")
    if not pin:
        raise Rejected("pin_required", f"Give the PIN of {member.name} in {PIN_VARIABLE}.")
    try:
        return auth.login(member.id, pin)
    except LoginRefused as exc:
        raise Rejected(exc.code, exc.message) from None


def _desk_error(exc: Exception) -> Rejected:
    from app.services.refund_desk import RefundRefused

    if isinstance(exc, RefundRefused):
        reasons = "; ".join(f"{ticket}: {code} ({text})" for ticket, code, text in exc.refusals)
        codes = {code for _, code, _ in exc.refusals}
        code = codes.pop() if len(codes) == 1 else "refused"
        return Rejected(code, f"Not allowed by the rules: {reasons}")
    return Rejected(getattr(exc, "code", "refused"), getattr(exc, "message", str(exc)))


# --- refund apply -----------------------------------------------------------------------------


def cmd_refund_apply(args: argparse.Namespace) -> int:
    from app.services.refund_desk import DeskError, RefundDesk
    from app.services.shift import ShiftService

    if args.exchange and not args.session:
        raise Rejected("bad_session", "--exchange needs --session ID (the new session).")
    desk = _open(args)
    try:
        from app.paths import data_dir
        from app.services.auth import AuthService

        member = _staff(desk, args.staff)
        auth = AuthService(desk.sessions, lambda: desk.venue_code)
        service = RefundDesk(
            desk.sessions,
            desk.venue_code,
            auth,
            data_dir(),
            station_id=desk.station_id,
            lang=args.lang,
        )
        shifts = ShiftService(desk.sessions, desk.venue_code, desk.station_id)
        try:
            order = service.order(args.order.strip().upper())
            codes, skipped = list(args.ticket or []), []
            if args.all:  # what the desk would tick: open tickets the rules allow
                for line in order.tickets:
                    q = line.exchange if args.exchange else line.refund
                    if line.open and line.state != "used" and q.refundable and not q.manual:
                        codes.append(line.code)
                    elif line.open:
                        why = "used" if line.state == "used" else q.reason or "manual"
                        skipped.append({"ticket": line.code, "reason": why})
                if not codes:
                    why = "; ".join(f"{x['ticket']}: {x['reason']}" for x in skipped)
                    raise DeskError(
                        "nothing_refundable",
                        f"Order {order.number} has no ticket "
                        f"the rules allow to refund{': ' + why if why else ''}.",
                    )
            if args.open_shift and shifts.current() is None:
                shifts.open(member.id)
            refund_id = uuid.uuid4()
            if args.exchange:
                result = service.exchange(
                    order.number,
                    codes,
                    args.session,
                    staff_id=member.id,
                    refund_id=refund_id,
                    lang=args.lang,
                )
            else:
                result = service.refund(
                    order.number, codes, staff_id=member.id, refund_id=refund_id, lang=args.lang
                )
        except DeskError as exc:
            if exc.code == "no_shift":
                raise Rejected(
                    "no_shift",
                    "No cash shift is open at this desk: open it at the "
                    "refund desk, or add --open-shift.",
                ) from None
            raise _desk_error(exc) from None
    finally:
        desk.close()
    payload = {
        "refund_id": str(result.refund_id),
        "kind": result.kind,
        "order_number": result.order_number,
        "tickets": [line.ticket_code for line in result.lines],
        "receipt_number": result.receipt_number,
        "price_tiyn": result.price_tiyn,
        "fee_tiyn": result.fee_tiyn,
        "refund_tiyn": result.returned_tiyn,
        "money_back_by": result.money_back_by.isoformat() if result.money_back_by else None,
        "skipped": skipped,
    }
    line = (
        f"{result.kind} {result.order_number} ({', '.join(payload['tickets'])}): receipt No. "
        f"{result.receipt_number}, fee {result.fee_tiyn / 100:.2f} KZT, returned "
        f"{result.returned_tiyn / 100:.2f} KZT"
        + (f", money back by {result.money_back_by}" if result.money_back_by else "")
    )
    _emit(args, payload, line)
    return EXIT_OK


# --- receipt list / show / reprint ------------------------------------------------------------


def _history(desk: _Desk) -> Any:
    from app.services.receipt_history import ReceiptHistory
    from app.services.receipts import ReceiptService

    return ReceiptHistory(ReceiptService(desk.sessions, desk.venue_code))


def _entry(desk: _Desk, number: int) -> Any:
    from app.services.shift import DeskError

    try:
        return _history(desk).by_number(number)
    except DeskError as exc:
        raise Rejected(exc.code, exc.message) from None


def cmd_receipt_list(args: argparse.Namespace) -> int:
    desk = _open(args)
    try:
        rows = _history(desk).search(
            number=args.number, order=args.order, day=args.date, limit=args.limit
        )
    finally:
        desk.close()
    if args.json:
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False))
    else:
        for row in rows:
            state = "printed" if row.printed else "NOT PRINTED"
            print(
                f"No. {row.number:<6} {row.created_at:%Y-%m-%d %H:%M}Z  order "
                f"{row.order_number:<12} {row.kind:<16} {row.total_tiyn / 100:>10.2f} KZT"
                f"  {state}"
            )
    return EXIT_OK


def cmd_receipt_show(args: argparse.Namespace) -> int:
    from app.services.receipts import payload_of

    desk = _open(args)
    try:
        entry = _entry(desk, args.number)
        data = _history(desk).receipts.data(entry.receipt_id)
    finally:
        desk.close()
    payload = {**entry.as_json(), "receipt": payload_of(data)}
    lines = [
        f"Receipt No. {entry.number} ({entry.kind}), order {entry.order_number}, "
        f"{data.language}, {'printed' if entry.printed else 'not printed'}"
    ]
    for line in data.lines:
        lines.append(
            f"  {line.ticket_code}  {line.session_title}  price "
            f"{line.price_tiyn / 100:.2f}  fee {line.fee_tiyn / 100:.2f}  refund "
            f"{line.refund_tiyn / 100:.2f}"
        )
    _emit(args, payload, "\n".join(lines))
    return EXIT_OK


def cmd_receipt_reprint(args: argparse.Namespace) -> int:
    from app.services.receipt_history import PdfFileSink
    from app.services.receipts import sink_from_spec
    from app.settings import load

    desk = _open(args)
    try:
        member = _staff(desk, args.staff)
        entry = _entry(desk, args.number)
        size = args.size
        if args.out:
            sink: Any = PdfFileSink(Path(args.out), size)
        else:
            from app.paths import data_dir

            settings, _ = load(data_dir() / "settings.json")
            sink = sink_from_spec(settings.printer, size) if settings.printer else None
            if sink is None:
                raise Rejected(
                    "no_printer",
                    "This station prints through a system printer, "
                    "which the command line cannot use: give --out FILE.pdf.",
                )
        outcome = _history(desk).receipts.reprint(entry.receipt_id, sink, staff_id=member.id)
    finally:
        desk.close()
    payload = {
        "number": outcome.number,
        "copy": outcome.copy,
        "ok": outcome.ok,
        "printer": outcome.printer,
        "out": args.out,
    }
    if not outcome.ok:
        payload |= {"error": "print_failed", "message": outcome.message}
        _emit(args, payload, f"error (print_failed): {outcome.message}")
        return 1
    _emit(args, payload, f"receipt No. {outcome.number} reprinted as COPY to {outcome.printer}")
    return EXIT_OK


# --- the parser -------------------------------------------------------------------------------


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _common(p: argparse.ArgumentParser, *, staff: bool = False) -> None:
    if staff:
        p.add_argument(
            "--staff",
            required=True,
            help=f"who acts (their name); the PIN comes from {PIN_VARIABLE}",
        )
    p.add_argument("--db", help="database file (default: the console's data folder)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a line")


def add_refund_apply(rsub: Any) -> None:
    """`ashyq refund apply`, beside `refund quote` and `refund organizers`."""
    r = rsub.add_parser("apply", help="refund or exchange tickets as the refund desk does")
    r.add_argument("--order", required=True, help="the order number")
    which = r.add_mutually_exclusive_group(required=True)
    which.add_argument("--ticket", action="append", metavar="CODE", help="a ticket (repeatable)")
    which.add_argument(
        "--all",
        action="store_true",
        help="every open ticket the rules allow (the others are listed as skipped)",
    )
    r.add_argument("--exchange", action="store_true", help="exchange instead of refund")
    r.add_argument("--session", help="with --exchange: the new session's id")
    r.add_argument(
        "--open-shift",
        action="store_true",
        help="open a cash shift under --staff when none is open",
    )
    r.add_argument("--lang", default="ru", choices=["kk", "ru", "en"], help="receipt language")
    _common(r, staff=True)
    r.set_defaults(func=cmd_refund_apply)


def register(sub: Any) -> None:
    """`ashyq receipt list|show|reprint`."""
    p = sub.add_parser("receipt", help="the receipts of refunds: list, show, reprint as COPY")
    rsub = p.add_subparsers(dest="receipt_command", required=True)
    r = rsub.add_parser("list", help="receipts, newest first")
    r.add_argument("--date", type=_day, help="one day of the venue, YYYY-MM-DD")
    r.add_argument("--order", help="only this order's receipts")
    r.add_argument("--number", type=int, help="only this receipt number")
    r.add_argument("--limit", type=int, default=500)
    _common(r)
    r.set_defaults(func=cmd_receipt_list)
    r = rsub.add_parser("show", help="one receipt with every printed field")
    r.add_argument("number", type=int)
    _common(r)
    r.set_defaults(func=cmd_receipt_show)
    r = rsub.add_parser("reprint", help="print a receipt again, stamped COPY (logged, audited)")
    r.add_argument("number", type=int)
    r.add_argument("--out", help="write the COPY to this PDF file instead of the printer")
    r.add_argument("--size", default="80mm", choices=["80mm", "a4"])
    _common(r, staff=True)
    r.set_defaults(func=cmd_receipt_reprint)
