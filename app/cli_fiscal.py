"""`ashyq fiscal ...`: the station's online cash register from the command line.

`use` chooses the station's register in its settings; `login` keeps the register's account in the keyring; `status` lists the return cheques and
where each stands; `send` sends the waiting ones (and prints the receipts again with their fiscal
data to a folder or the station's ESC/POS printer); `retry` puts a refused cheque back in the
queue; `report x|z` asks the register for its X report or closes its shift (Z report). Which
register the station uses, its address and cashbox come from the station settings
(`fiscal_register`, `webkassa_url`, `webkassa_cashbox` in settings.json).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from app.cli_services import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, _db, _emit


def _settings(args: argparse.Namespace) -> Any:
    from app import settings as station_settings
    from app.paths import data_dir

    path = Path(args.settings) if args.settings else data_dir() / "settings.json"
    return station_settings.load(path)[0]


def _register(args: argparse.Namespace) -> Any:
    from app.services.fiscal import make_register

    s = _settings(args)
    return make_register(s.fiscal_register, url=s.webkassa_url, cashbox=s.webkassa_cashbox)


def _service(args: argparse.Namespace) -> Any:
    from app.models import open_engine, session_factory, upgrade_database
    from app.services.fiscal import FiscalService

    path = _db(args)
    upgrade_database(path)
    return FiscalService(session_factory(open_engine(path), write=True))


def cmd_use(args: argparse.Namespace) -> int:
    """Choose the station's register in its settings (checked like any other setting)."""
    from app import settings as station_settings
    from app.paths import data_dir

    path = Path(args.settings) if args.settings else data_dir() / "settings.json"
    current = station_settings.load(path)[0]
    changes: dict[str, str] = {"fiscal_register": args.register}
    if args.url is not None:
        changes["webkassa_url"] = args.url.strip()
    if args.cashbox is not None:
        changes["webkassa_cashbox"] = args.cashbox.strip()
    try:
        updated = current.with_changes(**changes)
    except station_settings.SettingError as exc:
        _emit(args, {"error": exc.code, "message": exc.message}, exc.message)
        return EXIT_REJECTED
    if updated.fiscal_register == "webkassa" and not (
        updated.webkassa_url and updated.webkassa_cashbox
    ):
        message = "Webkassa needs --url and --cashbox (the cashbox's unique number)."
        _emit(args, {"error": "incomplete", "message": message}, message)
        return EXIT_REJECTED
    station_settings.save(updated, path)
    payload = {
        "fiscal_register": updated.fiscal_register,
        "webkassa_url": updated.webkassa_url,
        "webkassa_cashbox": updated.webkassa_cashbox,
    }
    _emit(args, payload, f"fiscal register: {updated.fiscal_register} (restart the console)")
    return EXIT_OK


def cmd_login(args: argparse.Namespace) -> int:
    from app.sync import secrets

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass()
    secrets.store_fiscal_credentials(
        secrets.FiscalCredentials(args.login, password, args.api_key or "")
    )
    _emit(args, {"stored": True, "login": args.login}, f"stored the register's login {args.login}")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    rows = _service(args).cheques()
    payload = {
        "cheques": [
            {
                "cheque_id": r.cheque_id,
                "receipt_number": r.receipt_number,
                "external_id": r.external_id,
                "state": r.state,
                "amount_tiyn": r.amount_tiyn,
                "attempts": r.attempts,
                "error_code": r.error_code,
                "fiscal_sign": r.fiscal_sign,
                "printed": r.printed,
            }
            for r in rows
        ]
    }
    lines = [
        f"{r.cheque_id}\treceipt {r.receipt_number}\t{r.state}\t{r.amount_tiyn / 100:.2f}"
        f"\t{r.attempts} attempts\t{r.fiscal_sign or r.error_code}"
        for r in rows
    ]
    _emit(args, payload, "\n".join(lines) or "no fiscal cheques")
    return EXIT_OK


def cmd_send(args: argparse.Namespace) -> int:
    from app.services.receipts import PdfFolderSink, sink_from_spec

    service = _service(args)
    outcome = service.send_pending(_register(args))
    sink: Any = None
    if args.out_dir:
        sink = PdfFolderSink(Path(args.out_dir), size=_settings(args).receipt_size)
    elif args.print:
        sink = sink_from_spec(_settings(args).printer)
    printed = []
    if sink is not None:
        printed = [service.print_fiscal(receipt_id, sink) for receipt_id in service.to_print()]
    payload = {
        "fiscalised": list(outcome.fiscalised),
        "pending": outcome.pending,
        "refused": outcome.refused,
        "error": outcome.error_code,
        "message": outcome.message,
        "printed": [p.number for p in printed if p.ok],
    }
    line = f"fiscalised {len(outcome.fiscalised)}, {outcome.pending} pending, {outcome.refused} refused"
    if outcome.error_code:
        line += f"; the register: {outcome.error_code}: {outcome.message}"
    _emit(args, payload, line)
    return EXIT_FAILED if outcome.error_code else EXIT_OK


def cmd_retry(args: argparse.Namespace) -> int:
    _service(args).retry(args.cheque_id)
    _emit(args, {"retried": args.cheque_id}, f"cheque {args.cheque_id} is queued again")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from app.devices.fiscal import RegisterUnavailable

    try:
        report = _service(args).report(_register(args), args.kind)
    except RegisterUnavailable as exc:
        _emit(args, {"error": exc.code, "message": exc.message}, f"{exc.code}: {exc.message}")
        return EXIT_REJECTED if exc.code == "no_register" else EXIT_FAILED
    payload = {
        "kind": report.kind,
        "shift_number": report.shift_number,
        "document_count": report.document_count,
        "details": report.details,
    }
    _emit(
        args,
        payload,
        f"{args.kind.upper()} report, shift {report.shift_number}: "
        f"{report.document_count} documents",
    )
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("fiscal", help="the online cash register: return cheques, X/Z reports")
    fsub = p.add_subparsers(dest="fiscal_command", required=True)

    def common(f: argparse.ArgumentParser) -> None:
        f.add_argument("--db", help="database file (default: the console's data folder)")
        f.add_argument("--settings", help="settings.json (default: the console's data folder)")
        f.add_argument("--json", action="store_true")

    f = fsub.add_parser("use", help="choose this station's register in its settings")
    f.add_argument("register", choices=("none", "webkassa"))
    f.add_argument("--url", help="Webkassa API address, e.g. https://kkm.webkassa.kz")
    f.add_argument("--cashbox", help="Webkassa cashbox unique number, e.g. SWK00031455")
    common(f)
    f.set_defaults(func=cmd_use)
    f = fsub.add_parser("login", help="keep the register's account in the keyring")
    f.add_argument("--login", required=True)
    f.add_argument("--api-key", help="the integration's API key (X-API-KEY)")
    f.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    common(f)
    f.set_defaults(func=cmd_login)
    f = fsub.add_parser("status", help="return cheques and where each stands")
    common(f)
    f.set_defaults(func=cmd_status)
    f = fsub.add_parser("send", help="send the waiting cheques; print their receipts again")
    f.add_argument("--out-dir", help="write the receipts printed again as PDFs in this folder")
    f.add_argument("--print", action="store_true", help="to the station's ESC/POS printer")
    common(f)
    f.set_defaults(func=cmd_send)
    f = fsub.add_parser("retry", help="queue a refused cheque again")
    f.add_argument("cheque_id", type=int)
    common(f)
    f.set_defaults(func=cmd_retry)
    f = fsub.add_parser("report", help="the register's X report, or Z (closes its shift)")
    f.add_argument("kind", choices=("x", "z"))
    common(f)
    f.set_defaults(func=cmd_report)
