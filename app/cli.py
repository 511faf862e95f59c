"""The `ashyq` command: the console's rules and services without a window.

Every subcommand prints JSON with `--json`, a readable line without. Exit status: 0 on success,
2 when the input is rejected (the reason is printed), 1 when something else went wrong (the
message says what to do). Imports are done inside each subcommand so `ashyq decode` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app import __version__
from app.errors import Rejected

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REJECTED = 2


def _emit(args: argparse.Namespace, payload: dict[str, Any], line: str) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        print(line)


def _parse_moment(text: str, what: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Rejected("bad_time", f"{what} is not an ISO-8601 moment: {text!r}") from None
    if moment.tzinfo is None:
        raise Rejected(
            "naive_time", f"{what} needs a time zone offset, e.g. 2026-11-21T19:30:00+05:00"
        )
    return moment


# --- decode ---------------------------------------------------------------------------------


def cmd_decode(args: argparse.Namespace) -> int:
    from app.core.scan import Rejection, classify

    result = classify(args.text)
    if isinstance(result, Rejection):
        raise Rejected(result.code, result.message)
    payload: dict[str, Any] = {"kind": str(result.kind), "text": result.text}
    if result.iin is not None:
        payload["iin"] = result.iin
    if result.document_number is not None:
        payload["document_number"] = result.document_number
    if result.document_kind is not None:
        payload["document_kind"] = result.document_kind
    if result.issuing_state is not None:
        payload["issuing_state"] = result.issuing_state
    if result.command is not None:
        payload["command"] = str(result.command)
    if result.venue_code is not None:
        payload["venue_code"] = result.venue_code
    if result.symbology is not None:
        payload["symbology"] = result.symbology
    payload["layout"] = result.layout
    extra = f" (typed under the {result.layout} layout)" if result.layout != "us" else ""
    _emit(args, payload, f"{result.kind}: {result.text}{extra}")
    return EXIT_OK


# --- scan-image -----------------------------------------------------------------------------


def cmd_scan_image(args: argparse.Namespace) -> int:
    """Decode image files as the door's camera does (same decoder, same settings): support's
    answer to "why does the door not read this". Exit 1 when a file could not be read."""
    from app.devices.decoders import decode_still, make_decoder, read_image

    decoder = make_decoder(args.decoder)
    results: list[dict[str, Any]] = []
    failed = False
    for name in args.files:
        entry: dict[str, Any] = {"file": name, "codes": []}
        try:
            image = read_image(name)
        except (OSError, ValueError) as exc:
            entry["error"] = str(exc)
            failed = True
        else:
            entry["codes"] = [
                {"format": d.symbology, "text": d.text} for d in decode_still(decoder, image)
            ]
        results.append(entry)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for entry in results:
            found = "; ".join(f"{c['format']}: {c['text']!r}" for c in entry["codes"])
            print(f"{entry['file']}: {entry.get('error') or found or 'no code found'}")
    return EXIT_FAILED if failed else EXIT_OK


# --- admit ----------------------------------------------------------------------------------


def cmd_admit(args: argparse.Namespace) -> int:
    from app.core.admission import decide, parse_policy
    from app.core.statuses import Status, VenueCategory
    from app.resources import load_json

    at = _parse_moment(args.at, "--at")
    policy = parse_policy(load_json("policies", "admission.json"))
    try:
        decision = decide(
            status=Status(args.status),
            category=VenueCategory(args.category),
            at=at,
            tz=args.tz,
            policy=policy,
            pcr_shown=args.pcr_shown,
        )
    except (ValueError, KeyError) as exc:  # an unknown time zone, for one
        raise Rejected("bad_input", str(exc)) from None
    payload = {
        "verdict": str(decision.verdict),
        "reason": decision.reason,
        "message": decision.message,
        "note": decision.note,
        "overridable": decision.overridable,
    }
    note = f" — {decision.note}" if decision.note else ""
    _emit(args, payload, f"{decision.verdict}: {decision.message}{note}")
    return EXIT_OK


# --- refund ---------------------------------------------------------------------------------


def _refund_rules() -> Any:
    from app.core.refunds import parse_rules
    from app.resources import load_json

    return parse_rules(load_json("policies", "refund_rules.json"))


def cmd_refund_organizers(args: argparse.Namespace) -> int:
    rules = _refund_rules()
    rows = [
        {
            "slug": org.slug,
            "name": org.names.get(args.lang, org.names["en"]),
            "kind": org.kind,
            "policy": org.policy,
        }
        for org in rules.organizers.values()
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['slug']:<26} {row['name']}")
    return EXIT_OK


def _tenge(text: str) -> int:
    try:
        amount = Decimal(text.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise Rejected("bad_price", f"--price is not an amount in tenge: {text!r}") from None
    if amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise Rejected("bad_price", "--price must be a non-negative amount with at most 2 decimals")
    return int(amount * 100)


def cmd_refund_quote(args: argparse.Namespace) -> int:
    from app.core.money import format_money
    from app.core.refunds import RulesError

    rules = _refund_rules()
    start = _parse_moment(args.start, "--start")
    at = _parse_moment(args.at, "--at")
    price = _tenge(args.price)
    if args.organizer not in rules.organizers:
        raise Rejected(
            "unknown_organizer",
            f"No organizer {args.organizer!r}; `ashyq refund organizers` lists them.",
        )
    from app.core.refunds import quote

    try:
        q = quote(
            rules,
            organizer=args.organizer,
            price_tiyn=price,
            start=start,
            at=at,
            tz=args.tz,
            printed=args.printed,
            ashyq_denied=args.ashyq_denied,
            exchange=args.exchange,
            tariff=args.tariff,
        )
    except (RulesError, ValueError) as exc:
        raise Rejected("bad_input", str(exc)) from None
    payload = {
        "refundable": q.refundable,
        "manual": q.manual,
        "fee_tiyn": q.fee_tiyn,
        "refund_tiyn": q.refund_tiyn,
        "deadline": q.deadline.isoformat() if q.deadline else None,
        "money_back_by": q.money_back_by.isoformat() if q.money_back_by else None,
        "rule": q.rule,
        "rule_text": q.rule_text,
        "reason": q.reason,
        "reason_text": q.reason_text,
        "note": q.note,
    }
    if q.refundable:
        line = (
            f"refund {format_money(q.refund_tiyn, 'en')}, fee {format_money(q.fee_tiyn, 'en')}"
            f" — {q.rule_text}; money back by {q.money_back_by}"
        )
    elif q.manual:
        line = f"manual: {q.reason_text}"
    else:
        line = f"not refundable: {q.reason_text}"
    _emit(args, payload, line)
    return EXIT_OK


# --- db -------------------------------------------------------------------------------------


def _db_path(args: argparse.Namespace) -> Path:
    from app.paths import database_path

    return Path(args.db) if args.db else database_path()


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from app.models import upgrade_database

    path = _db_path(args)
    upgrade_database(path)
    _emit(args, {"database": str(path), "upgraded": True}, f"database up to date: {path}")
    return EXIT_OK


# --- the parser -----------------------------------------------------------------------------


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of a line")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ashyq", description="Ashyq venue console: rules and services from the command line."
    )
    parser.add_argument("--version", action="version", version=f"ashyq {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("decode", help="classify scanner text: IIN, MRZ, ticket, venue QR, command")
    p.add_argument("text")
    _common(p)
    p.set_defaults(func=cmd_decode)

    p = sub.add_parser("scan-image", help="decode image files as the door's camera does")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--decoder",
        default="zxing",
        choices=["zxing", "pyzbar", "opencv"],
        help="the camera's decoder setting (default zxing, the camera's default)",
    )
    _common(p)
    p.set_defaults(func=cmd_scan_image)

    p = sub.add_parser("admit", help="the admission verdict for a status at a venue")
    p.add_argument(
        "--status", required=True, choices=["green", "blue", "yellow", "red", "not_found"]
    )
    p.add_argument(
        "--category", required=True, choices=["general", "cinema", "pcr_required", "essential"]
    )
    p.add_argument("--at", required=True, help="ISO-8601 moment with offset")
    p.add_argument("--tz", default="Asia/Almaty", help="the venue's time zone (IANA)")
    p.add_argument("--pcr-shown", action="store_true", help="staff saw a PCR certificate")
    _common(p)
    p.set_defaults(func=cmd_admit)

    p = sub.add_parser("refund", help="refund rules of the public offer")
    rsub = p.add_subparsers(dest="refund_command", required=True)
    r = rsub.add_parser("organizers", help="list organizers and their slugs")
    r.add_argument("--lang", default="en", choices=["en", "ru", "kk"])
    _common(r)
    r.set_defaults(func=cmd_refund_organizers)
    r = rsub.add_parser("quote", help="what a ticket refund returns and withholds")
    r.add_argument("--organizer", required=True, help="slug from `ashyq refund organizers`")
    r.add_argument("--price", required=True, help="face value in tenge, e.g. 2500 or 2500.50")
    r.add_argument("--start", required=True, help="session start, ISO-8601 with offset")
    r.add_argument("--at", required=True, help="moment of the refund, ISO-8601 with offset")
    r.add_argument("--tz", default="Asia/Almaty", help="the venue's time zone (IANA)")
    r.add_argument("--printed", action="store_true", help="printed at the box office")
    r.add_argument("--ashyq-denied", action="store_true", help="refused at the door by status")
    r.add_argument("--exchange", action="store_true", help="exchange to another session")
    r.add_argument("--tariff", default="adult", choices=["adult", "child", "student"])
    _common(r)
    r.set_defaults(func=cmd_refund_quote)
    from app.cli_receipts import add_refund_apply

    add_refund_apply(rsub)

    p = sub.add_parser("db", help="the local database")
    dsub = p.add_subparsers(dest="db_command", required=True)
    d = dsub.add_parser("upgrade", help="create or migrate the local database")
    d.add_argument("--db", help="database file (default: the console's data folder)")
    _common(d)
    d.set_defaults(func=cmd_db_upgrade)

    for register in _extensions():
        register(sub)
    return parser


def _extensions() -> list[Callable[[Any], None]]:
    """Subcommands that live beside their services (sync, check, report)."""
    from app.cli_fiscal import register as register_fiscal
    from app.cli_outbox import register as register_outbox
    from app.cli_receipts import register as register_receipts
    from app.cli_services import register_all

    return [register_all, register_outbox, register_receipts, register_fiscal]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except Rejected as exc:
        if getattr(args, "json", False):
            print(json.dumps({"error": exc.code, "message": exc.message}, ensure_ascii=False))
        else:
            print(f"rejected ({exc.code}): {exc.message}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: a message, not a traceback
        from app.errors import describe

        code_, message = describe(exc)
        if getattr(args, "json", False):
            print(json.dumps({"error": code_, "message": message}, ensure_ascii=False))
        else:
            print(f"error ({code_}): {message}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
