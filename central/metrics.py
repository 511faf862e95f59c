"""Prometheus metrics (prometheus-client): request rate and latency, outbox intake, stream clients,
rate-limit refusals; served at /metrics to this machine or to a holder of the metrics token.

Labels are route templates (`/api/v1/status/{iin}`), never raw paths: a person's number travels
in a lookup's path and must not reach a label. A request no route matched is "unmatched".

Several processes (`serve --workers N`): prometheus-client keeps each process's values in files
under PROMETHEUS_MULTIPROC_DIR, and /metrics sums them, whichever worker answers. The variable must
be set before any worker imports prometheus_client: `prepare_multiprocess(workers)` does it in the
parent before uvicorn starts the workers (see its docstring). One process needs nothing.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import shutil
import tempfile
from pathlib import Path

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.requests import Request
from starlette.responses import Response

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Counter(
    "ashyq_http_requests_total",
    "HTTP requests answered, by route template and status",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "ashyq_http_request_duration_seconds",
    "Time from a request's arrival to the end of its answer (event streams left out)",
    ["method", "route", "status"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
OUTBOX = Counter(
    "ashyq_outbox_events_total",
    "Events the consoles' outboxes uploaded, by kind (visits, refunds) and outcome "
    "(accepted, duplicate, rejected)",
    ["kind", "outcome"],
)
STREAM_CLIENTS = Gauge(
    "ashyq_checkin_stream_clients",
    "Check-in streams (door screens) open now",
    multiprocess_mode="livesum",
)
RATE_LIMITED = Counter(
    "ashyq_rate_limit_refusals_total",
    "Requests refused by a rate limit (429), by route template: the status routes are the "
    "station limit, /enroll the enrollment limit, /v/... the visitor page's address and person "
    "limits, /approvals the wrong-PIN limit",
    ["route"],
)


def count_batch(kind: str, accepted: int, duplicates: int, rejected: int = 0) -> None:
    """One outbox batch taken in: how many events were new, already known, refused."""
    for outcome, number in (
        ("accepted", accepted),
        ("duplicate", duplicates),
        ("rejected", rejected),
    ):
        if number:
            OUTBOX.labels(kind, outcome).inc(number)


# --- who may read /metrics ----------------------------------------------------------------------


def may_read(request: Request, token: str | None) -> bool:
    """Loopback callers that came straight (no proxy in between), or the metrics token.

    A request a reverse proxy forwarded is never "loopback", even though the proxy's own peer
    address is: it carries X-Forwarded-For, and with --trusted-proxy its client is the far end.
    """
    if token:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode(), token.encode()
        ):
            return True
    if "x-forwarded-for" in request.headers or "forwarded" in request.headers:
        return False
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposition() -> Response:
    """The text format: this process's registry, or every worker's values summed."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        body = generate_latest(registry)
    else:
        body = generate_latest(REGISTRY)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


# --- several worker processes ---------------------------------------------------------------------


def prepare_multiprocess(workers: int) -> Path | None:
    """Call in `serve` before uvicorn starts its workers (the parent process), with the number of
    workers; returns the folder to hand to `finish_multiprocess` when the server stops.

    One worker: nothing (the process's own registry), unless PROMETHEUS_MULTIPROC_DIR is set.
    Several: PROMETHEUS_MULTIPROC_DIR as given, else a fresh temporary folder, set in the
    environment the workers inherit. In a given folder the files of processes no longer running
    are removed first: a crashed run's open-stream gauge would otherwise count on for ever.
    """
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        folder = Path(given)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.db"):
            if not _running(stale):
                stale.unlink(missing_ok=True)
        return None  # the operator's folder: left in place
    if workers <= 1:
        return None
    folder = Path(tempfile.mkdtemp(prefix="ashyq-metrics-"))
    os.environ[MULTIPROC_ENV] = str(folder)
    return folder


def _running(values_file: Path) -> bool:
    """Whether the process that wrote `counter_<pid>.db` (or gauge_livesum_<pid>.db ...) runs."""
    pid = values_file.stem.rpartition("_")[2]
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def finish_multiprocess(folder: Path | None) -> None:
    if folder is not None:
        os.environ.pop(MULTIPROC_ENV, None)
        shutil.rmtree(folder, ignore_errors=True)


def process_exit() -> None:
    """A worker stopping: its live gauges (open streams) stop counting in the sum."""
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.mark_process_dead(os.getpid())
