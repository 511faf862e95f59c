"""`ashyq-central`: serve the API, and the administrator's commands on the same database.

Exit status: 0 on success, 2 when the input is refused (the reason is printed), 1 otherwise.
Every command takes --database-url (default: SQLite in the data folder) and --key-file (default:
server-keys.json in the data folder); see central.keys for why the keys are a file.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from central import __version__

EXIT_OK, EXIT_FAILED, EXIT_REJECTED = 0, 1, 2


def default_data_dir() -> Path:
    """ASHYQ_CENTRAL_DATA, else the platform's per-user data folder."""
    if env := os.environ.get("ASHYQ_CENTRAL_DATA"):
        return Path(env)
    if sys.platform == "win32" and (base := os.environ.get("LOCALAPPDATA")):
        return Path(base) / "ashyq-central"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "ashyq-central"


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder for the SQLite file, keys and logs"
    )
    parser.add_argument(
        "--database-url", default=None, help="sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
    )
    parser.add_argument("--key-file", type=Path, default=None, help="the server's key file")


def _locations(args: argparse.Namespace) -> tuple[Path, str, Path]:
    data_dir: Path = args.data_dir or default_data_dir()
    url = args.database_url or os.environ.get("ASHYQ_CENTRAL_DATABASE_URL")
    if not url:
        data_dir.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{data_dir / 'central.db'}"
    return data_dir, url, args.key_file or data_dir / "server-keys.json"


def _prepare(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The engine (migrated) and keys, as every command needs them."""
    from central.db import make_engine
    from central.db_setup import migrate
    from central.keys import check_against_database, load_or_create

    _, url, key_file = _locations(args)
    engine = make_engine(url)
    migrate(engine)
    keys = load_or_create(key_file)
    check_against_database(keys, engine)
    return engine, keys


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central import metrics
    from central.app import SETTINGS_ENV, create_app
    from central.logconfig import log_config
    from central.settings import ServerSettings

    data_dir, url, key_file = _locations(args)
    if args.workers < 1:
        print("refused: --workers needs 1 or more", file=sys.stderr)
        return EXIT_REJECTED
    if args.workers > 1 and url.startswith("sqlite"):
        print(
            "refused: --workers above 1 needs PostgreSQL (--database-url postgresql+psycopg://...);"
            " a SQLite server is one process for one venue",
            file=sys.stderr,
        )
        return EXIT_REJECTED
    # Migrated, keys created or checked, demo seeded: once, here, before any worker starts, so
    # workers never race each other to create the key file or to run a migration.
    engine, keys = _prepare(args)
    if args.demo_data:
        from central import demo

        with engine.begin() as conn:
            code = demo.seed(conn, keys, args.demo_enroll_code)
        print(f"Demo venue {demo.VENUE_CODE}: one-time enrollment code {code}", flush=True)
    engine.dispose()
    settings = ServerSettings(
        database_url=url,
        key_file=key_file,
        upstream_url=args.upstream_url,
        upstream_token=os.environ.get("ASHYQ_CENTRAL_UPSTREAM_TOKEN"),
        public_url=args.public_url,
        station_rate=args.station_rate,
        station_burst=args.station_burst,
        visitor_rate=args.visitor_rate,
        visitor_burst=args.visitor_burst,
        visitor_person_interval_s=args.visitor_person_interval,
        trusted_proxies=tuple(args.trusted_proxy),
        enroll_rate=args.enroll_rate,
        enroll_burst=args.enroll_burst,
        token_days=args.token_days,
        metrics_token=os.environ.get("ASHYQ_CENTRAL_METRICS_TOKEN") or None,
        sse_poll_s=args.stream_poll,
        retention_months=args.retention_months,
    )
    log_file = args.log_file if args.log_file else data_dir / "logs" / "central.log"
    common = {
        "host": args.host,
        "port": args.port,
        "log_config": log_config(log_file, log_format=args.log_format),
        "access_log": not args.no_access_log,
        "timeout_graceful_shutdown": 3,
        "proxy_headers": False,  # the app honours X-Forwarded-* itself, from --trusted-proxy only
    }
    # several workers: prometheus-client's folder, set before they start (central.metrics)
    metrics_dir = metrics.prepare_multiprocess(args.workers)
    try:
        if args.workers == 1:
            uvicorn.run(create_app(settings), **common)
            return EXIT_OK
        # uvicorn's own process model: one socket, N processes each building the app from the
        # factory; the settings travel in the environment the workers inherit.
        os.environ[SETTINGS_ENV] = settings.to_json()
        uvicorn.run("central.app:create_app_from_env", factory=True, workers=args.workers, **common)
    finally:
        metrics.finish_multiprocess(metrics_dir)
    return EXIT_OK


def cmd_prune(args: argparse.Namespace) -> int:
    from central.db import utcnow
    from central.partitions import prune

    engine, _ = _prepare(args)
    try:
        report = prune(engine, args.older_than_months, utcnow())
    finally:
        engine.dispose()
    months = ", ".join(m.strftime("%Y-%m") for m in report.months_dropped) or "none"
    rows = "" if report.visits_deleted is None else f"; {report.visits_deleted} visits deleted"
    print(f"visits before {report.cutoff.isoformat()} removed: months dropped {months}{rows}")
    return EXIT_OK


def _months(value: str) -> int:
    months = int(value)
    if months < 1:
        raise argparse.ArgumentTypeError("at least 1: the current month is never removed")
    return months


def cmd_create_venue(args: argparse.Namespace) -> int:
    from central import admin

    engine, _ = _prepare(args)
    with engine.begin() as conn:
        admin.create_venue(
            conn, code=args.code, name=args.name, bin_number=args.bin, time_zone=args.tz,
            category=args.category, capacity=args.capacity, address=args.address,
            test_mode_days=args.test_mode_days,
        )  # fmt: skip
    print(f"venue {args.code.upper()} created")
    return EXIT_OK


def cmd_create_staff(args: argparse.Namespace) -> int:
    from central import admin

    pin = os.environ.get("ASHYQ_CENTRAL_PIN") or getpass.getpass(_pin_prompt(args.role))
    engine, _ = _prepare(args)
    with engine.begin() as conn:
        staff_id = admin.create_staff(conn, args.venue, args.name, args.role, pin)
    print(f"staff {staff_id} created")
    return EXIT_OK


def _pin_prompt(role: str | None) -> str:
    from app.core.pins import STAFF_PIN_LENGTHS, SUPERVISOR_PIN_LENGTHS, pin_lengths

    if role is None:
        staff, boss = STAFF_PIN_LENGTHS, SUPERVISOR_PIN_LENGTHS
        return f"PIN ({staff[0]}-{staff[1]} digits; managers and admins {boss[0]}-{boss[1]}): "
    low, high = pin_lengths(role)
    return f"PIN ({low}-{high} digits): "


def cmd_set_pin(args: argparse.Namespace) -> int:
    from central import admin

    pin = os.environ.get("ASHYQ_CENTRAL_PIN") or getpass.getpass(_pin_prompt(None))
    engine, _ = _prepare(args)
    with engine.begin() as conn:
        staff_id = admin.set_staff_pin(conn, args.venue, args.name, pin)
    print(f"staff {staff_id}: new PIN set; stations learn it at their next sync")
    return EXIT_OK


def cmd_issue_code(args: argparse.Namespace) -> int:
    from central import admin

    engine, _ = _prepare(args)
    with engine.begin() as conn:
        code = admin.issue_code(conn, args.venue, role=args.role, ttl=timedelta(hours=args.hours))
    print(code)
    return EXIT_OK


def cmd_list_stations(args: argparse.Namespace) -> int:
    from central import stations

    engine, _ = _prepare(args)
    with engine.connect() as conn:
        rows = stations.list_stations(conn, args.venue)
    print("\n".join(stations.format_rows(rows)))
    return EXIT_OK


def cmd_revoke_station(args: argparse.Namespace) -> int:
    from central import stations

    engine, _ = _prepare(args)
    with engine.begin() as conn:
        when = stations.revoke(conn, args.station)
    print(f"station {args.station} revoked at {when.isoformat()}; its token no longer works")
    return EXIT_OK


def cmd_import_statuses(args: argparse.Namespace) -> int:
    from central import admin

    engine, keys = _prepare(args)
    with engine.begin() as conn:
        report = admin.import_statuses(conn, keys, args.file)
    print(f"{report.stored} statuses stored, {len(report.rejected)} rejected")
    for line in report.rejected:
        print(f"  {line}")
    return EXIT_OK if not report.rejected else EXIT_REJECTED


def cmd_approvals(args: argparse.Namespace) -> int:
    from central import admin, approvals

    engine, _ = _prepare(args)
    with engine.connect() as conn:
        lines = approvals.audit_lines(conn, admin.venue_id(conn, args.venue), args.limit)
    for line in lines:
        print(line)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ashyq-central", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"ashyq-central {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the API server")
    _common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes sharing the port (PostgreSQL only; SQLite is one process)",
    )
    serve.add_argument(
        "--stream-poll",
        type=float,
        default=None,
        metavar="SECONDS",
        help="how often a check-in stream reads the table unprompted "
        "(default 0.5 on SQLite; 5 on PostgreSQL, where LISTEN/NOTIFY wakes streams at once)",
    )
    serve.add_argument(
        "--no-access-log", action="store_true", help="no line per request in the log"
    )
    serve.add_argument("--demo-data", action="store_true", help="seed the demo cinema DEMO")
    serve.add_argument("--demo-enroll-code", default=None, help="fix the demo enrollment code")
    serve.add_argument(
        "--upstream-url",
        default=None,
        help="ask this status service (same API) instead of the registry table; "
        "its station token in ASHYQ_CENTRAL_UPSTREAM_TOKEN",
    )
    serve.add_argument("--public-url", default=None, help="base URL the QR posters encode")
    serve.add_argument("--log-file", type=Path, default=None)
    serve.add_argument(
        "--log-format",
        choices=["text", "json"],
        default="text",
        help="json: one object a line (time, level, logger, message, request_id, route, status, "
        "duration_ms) for a log shipper",
    )
    serve.add_argument("--station-rate", type=float, default=20.0, help="lookups/s per station")
    serve.add_argument("--station-burst", type=int, default=40)
    serve.add_argument(
        "--visitor-rate",
        type=float,
        default=5.0,
        help="visitor-page requests/s per client address (a venue's Wi-Fi is one address)",
    )
    serve.add_argument("--visitor-burst", type=int, default=150)
    serve.add_argument(
        "--visitor-person-interval",
        type=float,
        default=30.0,
        help="seconds before the same IIN can check in again at the same venue (0: no limit)",
    )
    serve.add_argument("--enroll-rate", type=float, default=0.1, help="enrollments/s per client")
    serve.add_argument("--enroll-burst", type=int, default=10)
    serve.add_argument(
        "--token-days", type=float, default=90.0, help="station tokens expire after this long"
    )
    serve.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDR",
        help="a reverse proxy (address or network) whose X-Forwarded-For/-Proto are believed; "
        "repeatable; none by default",
    )
    serve.add_argument(
        "--retention-months",
        type=_months,
        default=None,
        metavar="N",
        help="drop visits older than N whole months before the current one (hourly); "
        "default: keep all",
    )
    serve.set_defaults(func=cmd_serve)

    prune = sub.add_parser(
        "prune", help="remove visits and their sealed IINs of the months before the last N"
    )
    _common(prune)
    prune.add_argument("--older-than-months", type=_months, required=True, metavar="N")
    prune.set_defaults(func=cmd_prune)

    venue = sub.add_parser("create-venue", help="add a venue")
    _common(venue)
    venue.add_argument("--code", required=True)
    venue.add_argument("--name", required=True)
    venue.add_argument("--bin", required=True)
    venue.add_argument("--tz", default="Asia/Almaty")
    venue.add_argument(
        "--category", default="general", choices=["general", "cinema", "pcr_required", "essential"]
    )
    venue.add_argument("--capacity", type=int, default=None)
    venue.add_argument("--address", default="")
    venue.add_argument("--test-mode-days", type=int, default=7)
    venue.set_defaults(func=cmd_create_venue)

    staff = sub.add_parser(
        "create-staff", help="add a staff member (PIN asked, or ASHYQ_CENTRAL_PIN)"
    )
    _common(staff)
    staff.add_argument("--venue", required=True)
    staff.add_argument("--name", required=True)
    staff.add_argument("--role", required=True, choices=["door", "cashier", "manager", "admin"])
    staff.set_defaults(func=cmd_create_staff)

    set_pin = sub.add_parser(
        "set-pin", help="give a staff member a new PIN (asked, or ASHYQ_CENTRAL_PIN)"
    )
    _common(set_pin)
    set_pin.add_argument("--venue", required=True)
    set_pin.add_argument("--name", required=True)
    set_pin.set_defaults(func=cmd_set_pin)

    audit = sub.add_parser("approvals", help="the latest supervisor approvals asked online")
    _common(audit)
    audit.add_argument("--venue", required=True)
    audit.add_argument("--limit", type=int, default=50)
    audit.set_defaults(func=cmd_approvals)

    code = sub.add_parser("issue-code", help="print a one-time station enrollment code")
    _common(code)
    code.add_argument("--venue", required=True)
    code.add_argument(
        "--role",
        required=True,
        choices=["door", "box_office", "office", "combined"],
        help="what the enrolled station may do (combined: door, box office and office on one PC)",
    )
    code.add_argument("--hours", type=float, default=24.0, help="validity")
    code.set_defaults(func=cmd_issue_code)

    listing = sub.add_parser("list-stations", help="the venue's stations, their roles and tokens")
    _common(listing)
    listing.add_argument("--venue", required=True)
    listing.set_defaults(func=cmd_list_stations)

    revoke = sub.add_parser("revoke-station", help="revoke a station's token at once")
    _common(revoke)
    revoke.add_argument("--station", required=True, help="the station's id (see list-stations)")
    revoke.set_defaults(func=cmd_revoke_station)

    feed = sub.add_parser("import-statuses", help="load a status feed (CSV or JSON)")
    _common(feed)
    feed.add_argument("file", type=Path)
    feed.set_defaults(func=cmd_import_statuses)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from central.admin import AdminError
    from central.stations import StationError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (AdminError, StationError) as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except (OSError, RuntimeError) as exc:
        print(f"failed: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
