"""`ashyq` subcommands that run the console's services: enroll, sync, check, report."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REJECTED = 2


def _db(args: argparse.Namespace) -> Path:
    from app.paths import database_path

    return Path(args.db) if args.db else database_path()


def _emit(args: argparse.Namespace, payload: dict[str, Any], line: str) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        print(line)


def cmd_enroll(args: argparse.Namespace) -> int:
    from app.services.sync_service import enroll

    result = enroll(
        args.server, args.code, args.name, _db(args), door=args.door, fallback_url=args.fallback
    )
    payload = {
        "station_id": str(result.station_id),
        "venue": result.venue_code,
        "station": result.station_name,
        "keyring": result.keyring,
        "config_pulled": result.config_pulled,
        "orders_pulled": result.orders_pulled,
        "role": result.role.value,
    }
    line = (
        f"enrolled with venue {result.venue_code} as a {result.role.value} station;"
        f" token kept in {result.keyring}"
    )
    _emit(args, payload, line)
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from app.services.context import open_station
    from app.services.sync_service import sync_once

    ctx = open_station(_db(args))
    try:
        report = sync_once(ctx)
    finally:
        ctx.close()
    line = (
        f"pushed {report.pushed} (already there {report.duplicates}), pulled"
        f" {report.pulled_orders} orders, {report.pending} pending"
    )
    if report.set_aside:
        line += f", {report.set_aside} set aside (ashyq outbox list)"
    if report.errors:
        line += "; errors: " + "; ".join(report.errors)
    _emit(args, report.as_json(), line)
    return EXIT_FAILED if report.errors else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from app.core.statuses import Direction, InputMethod
    from app.services.context import open_station
    from app.services.door import check

    ctx = open_station(_db(args))
    try:
        result = check(ctx, args.text, direction=Direction(args.direction), method=InputMethod.CLI)
    finally:
        ctx.close()
    payload = result.as_json()
    if result.kind == "rejected":
        payload = {"error": result.reason, "message": result.message, **payload}
    source = f" ({result.source}, {result.age_s or 0} s old)" if result.source else ""
    _emit(args, payload, f"{result.verdict or result.kind}: {result.message}{source}")
    return EXIT_REJECTED if result.kind == "rejected" else EXIT_OK


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def cmd_report(args: argparse.Namespace) -> int:
    from app.errors import NotReady, Rejected
    from app.services.reports import report_command

    if args.date is not None:
        first = last = args.date
    elif args.date_from is not None and args.date_to is not None:
        first, last = args.date_from, args.date_to
    else:
        raise Rejected("bad_range", "Give --date, or both --from and --to.")
    if last < first:
        raise Rejected("bad_range", "--to is before --from.")
    try:
        out = report_command(_db(args), first, last, args.format, Path(args.out), args.lang)
    except LookupError as exc:
        raise NotReady(f"{exc} Enroll this PC (`ashyq enroll`) and run `ashyq sync`.") from None
    _emit(args, {"report": str(out), "from": str(first), "to": str(last)}, f"written {out}")
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from app.selftest import main as self_test

    return self_test(args.rest)


def register_all(sub: Any) -> None:
    """Add the service subcommands to the `ashyq` parser."""
    p = sub.add_parser("self-test", help="check this installation (database, decoders, documents)")
    p.add_argument("rest", nargs=argparse.REMAINDER, help="--db FILE, --report FILE, --only NAME")
    p.set_defaults(func=cmd_self_test, json=False)

    p = sub.add_parser("enroll", help="enroll this PC as a station with a one-time code")
    p.add_argument("--server", required=True, help="the central server's address")
    p.add_argument("--code", required=True, help="the one-time enrollment code")
    p.add_argument("--name", default="Door 1", help="this station's name")
    p.add_argument("--door", default=None, help="the door label shown to other doors")
    p.add_argument("--fallback", default=None, help="a fallback status service's address")
    p.add_argument("--db", help="database file (default: the console's data folder)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_enroll)

    p = sub.add_parser("sync", help="one sync cycle: push what waits, pull config and orders")
    p.add_argument("--db", help="database file (default: the console's data folder)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("check", help="the whole door check for one scan, recorded")
    p.add_argument("text", help="what the scanner sent (IIN, ID card payload, MRZ, ticket)")
    p.add_argument("--direction", default="entry", choices=["entry", "exit"])
    p.add_argument("--db", help="database file (default: the console's data folder)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("report", help="export the daily or date-range report")
    p.add_argument("--date", type=_date, help="one day, YYYY-MM-DD")
    p.add_argument("--from", dest="date_from", type=_date, help="first day of a range")
    p.add_argument("--to", dest="date_to", type=_date, help="last day of a range")
    p.add_argument("--format", required=True, choices=["pdf", "csv", "xlsx"])
    p.add_argument("--out", required=True, help="the file to write")
    p.add_argument("--lang", default="ru", choices=["kk", "ru", "en"])
    p.add_argument("--db", help="database file (default: the console's data folder)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_report)
