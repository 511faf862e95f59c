"""`ashyq outbox list` and `ashyq outbox retry`: the events set aside, for a manager.

An event is set aside when the server refused it or failed on it alone (app/sync/outbox.py);
it is kept and never sent again by itself. `list` says why, without any IIN; `retry` puts the
event (or all of them) back in the queue and runs one sync, which delivers it or sets it aside
again with the server's newest reason.
"""

from __future__ import annotations

import argparse
import json
import uuid
from typing import Any

from app.cli_services import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, _db, _emit


def cmd_outbox_list(args: argparse.Namespace) -> int:
    from app.services.context import open_station
    from app.services.sync_service import set_aside_events

    ctx = open_station(_db(args))
    try:
        events = set_aside_events(ctx)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({"set_aside": [e.as_json() for e in events]}, ensure_ascii=False))
        return EXIT_OK
    if not events:
        print("nothing set aside")
    for e in events:
        when = e.set_aside_at.isoformat(timespec="seconds")
        print(f"{e.kind}\t{e.id}\t{when}\t{e.attempts} attempts\t{e.code}: {e.message}")
    return EXIT_OK


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an event id: {text!r}") from None


def cmd_outbox_retry(args: argparse.Namespace) -> int:
    from app.errors import Rejected
    from app.services.context import open_station
    from app.services.sync_service import retry_set_aside, sync_once

    ctx = open_station(_db(args))
    try:
        ids = None if args.all else args.ids
        put_back = retry_set_aside(ctx, ids)
        if ids and put_back < len(ids):
            raise Rejected("not_set_aside", "No set-aside event has that id (ashyq outbox list).")
        report = sync_once(ctx)
    finally:
        ctx.close()
    payload: dict[str, Any] = {"retried": put_back, **report.as_json()}
    line = (
        f"retried {put_back}: pushed {report.pushed} (already there {report.duplicates}),"
        f" {report.set_aside} set aside, {report.pending} pending"
    )
    if report.errors:
        line += "; errors: " + "; ".join(report.errors)
    _emit(args, payload, line)
    if report.errors:
        return EXIT_FAILED
    return EXIT_REJECTED if report.rejected else EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("outbox", help="events set aside: list them, send them again")
    osub = p.add_subparsers(dest="outbox_command", required=True)
    o = osub.add_parser("list", help="set-aside events with the server's reason (no IIN)")
    o.add_argument("--db", help="database file (default: the console's data folder)")
    o.add_argument("--json", action="store_true")
    o.set_defaults(func=cmd_outbox_list)
    o = osub.add_parser("retry", help="send set-aside events again, then sync once")
    which = o.add_mutually_exclusive_group(required=True)
    which.add_argument("ids", nargs="*", default=[], type=_uuid, metavar="ID", help="event ids")
    which.add_argument("--all", action="store_true", help="every set-aside event")
    o.add_argument("--db", help="database file (default: the console's data folder)")
    o.add_argument("--json", action="store_true")
    o.set_defaults(func=cmd_outbox_retry)
