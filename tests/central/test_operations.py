"""What IT watches: /health, /ready, /metrics (Prometheus) and the JSON log, on real servers.

The numbers looked up here are people's numbers: none may reach a metric label or a log line.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from central.demo import DEMO_IINS
from central.logconfig import JsonFormatter, mask
from central.metrics import MULTIPROC_ENV, finish_multiprocess, prepare_multiprocess
from central.observe import route_of
from tests import timing
from tests.central.harness import (
    Postgres,
    Server,
    free_port,
    pause_postgres,
    remove,
    resume_postgres,
    start_postgres,
    start_server,
    stop_postgres,
    wait_until,
)
from tests.central.test_records import visit

NUMBERS = [n for numbers in DEMO_IINS.values() for n in numbers]
MISTYPED = "900101300107"
TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")
METRICS_TOKEN = "metrics-" + uuid.uuid4().hex


def samples(server_url: str, **headers: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    answer = httpx.get(f"{server_url}/metrics", headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(answer.text)
        for s in family.samples
    }


def value(
    found: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return found.get((name, frozenset(labels.items())), 0.0)


def wait_for(predicate, what: str, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timing.seconds(timeout)
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


# --- health and readiness -------------------------------------------------------------------


def test_ready_and_health_answer_on_a_working_server(server: Server) -> None:
    ready = httpx.get(f"{server.url}/ready")
    assert ready.status_code == 200, ready.text
    assert ready.json() == {
        "ready": True,
        "checks": {"database": "ok", "schema": "ok", "keys": "ok", "upstream": "not configured"},
    }
    for path in ("/health", "/api/v1/health"):
        assert httpx.get(f"{server.url}{path}").json()["status"] == "ok"


def test_the_probes_are_in_the_openapi_document(sqlite_server: Server) -> None:
    paths = httpx.get(f"{sqlite_server.url}/openapi.json").json()["paths"]
    ready = paths["/ready"]["get"]["responses"]
    readiness = {"$ref": "#/components/schemas/Readiness"}
    assert all(
        ready[s]["content"]["application/json"]["schema"] == readiness for s in ("200", "503")
    )
    served = paths["/metrics"]["get"]["responses"]
    assert "text/plain" in served["200"]["content"]
    error = {"$ref": "#/components/schemas/ErrorBody"}
    assert served["403"]["content"]["application/json"]["schema"] == error


@pytest.mark.postgres
def test_a_stopped_database_makes_the_server_unready_but_alive() -> None:
    pg: Postgres = start_postgres()
    server = None
    try:
        server = start_server(pg.create_database("ready_probe"))
        assert httpx.get(f"{server.url}/ready").status_code == 200
        pause_postgres(pg)
        unready = httpx.get(f"{server.url}/ready", timeout=30)
        assert unready.status_code == 503, unready.text
        assert unready.json()["ready"] is False
        assert unready.json()["checks"]["database"].startswith("unreachable")
        assert httpx.get(f"{server.url}/health").status_code == 200  # alive: no restart wanted
        resume_postgres(pg)
        assert httpx.get(f"{server.url}/ready", timeout=30).status_code == 200
    finally:
        if server is not None:
            remove(server)
        stop_postgres(pg)


@pytest.fixture(scope="module")
def ops() -> Iterator[tuple[Server, str]]:
    """JSON log, an upstream that does not answer, one enrollment (used here) in a long while, a
    proxy on loopback and a metrics token: each thing IT can get wrong, on one server."""
    server = start_server(
        None, "--demo-data", "--log-format", "json", "--enroll-burst", "1", "--enroll-rate", "0.001",
        "--upstream-url", f"http://127.0.0.1:{free_port()}", "--trusted-proxy", "127.0.0.1",
        env={"ASHYQ_CENTRAL_METRICS_TOKEN": METRICS_TOKEN},
    )  # fmt: skip
    token = server.enroll()["token"]
    yield server, token
    remove(server)


@pytest.fixture
def ops_server(ops: tuple[Server, str]) -> Server:
    return ops[0]


def test_ready_names_each_failing_part(ops_server: Server) -> None:
    answer = httpx.get(f"{ops_server.url}/ready", timeout=30)
    assert answer.status_code == 503
    checks = answer.json()["checks"]
    assert checks["upstream"].startswith("unreachable")
    assert (checks["database"], checks["schema"], checks["keys"]) == ("ok", "ok", "ok")
    with ops_server.engine.begin() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        key = conn.execute(
            text("SELECT value FROM server_notes WHERE name = 'public_key'")
        ).scalar_one()
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
        conn.execute(text("UPDATE server_notes SET value = 'other' WHERE name = 'public_key'"))
    try:
        checks = httpx.get(f"{ops_server.url}/ready", timeout=30).json()["checks"]
    finally:
        with ops_server.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
            conn.execute(
                text("UPDATE server_notes SET value = :v WHERE name = 'public_key'"), {"v": key}
            )
    assert checks["schema"] == "at 0001, not head"
    assert checks["keys"].startswith("the key file differs")


def test_ready_is_ok_with_an_upstream_that_answers(sqlite_server: Server) -> None:
    server = start_server(None, "--upstream-url", sqlite_server.url)
    try:
        answer = httpx.get(f"{server.url}/ready")
        assert answer.status_code == 200, answer.text
        assert answer.json()["checks"]["upstream"] == "ok"
    finally:
        remove(server)


# --- metrics --------------------------------------------------------------------------------


def test_metrics_count_by_route_template_and_never_hold_a_number(
    server: Server, station: dict[str, str]
) -> None:
    route = "/api/v1/status/{iin}"
    before = samples(server.url)
    with server.client(station["token"]) as api:
        for number in NUMBERS:
            assert api.get(f"/status/{number}").status_code == 200
        assert api.get(f"/status/{MISTYPED}").status_code == 400
        assert api.get(f"/no/such/{MISTYPED}").status_code == 404
        events = [visit(), visit()]
        assert api.post("/visits", json={"events": events}).status_code == 200
        assert api.post("/visits", json={"events": [*events, visit()]}).status_code == 200
    answer = httpx.get(f"{server.url}/metrics")
    for line in answer.text.splitlines():  # the labels, not the values (memory sizes are numbers)
        assert not TWELVE_DIGITS.search(line.rpartition(" ")[0]), line
    assert not any(number in answer.text for number in [*NUMBERS, MISTYPED])
    after = samples(server.url)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("ashyq_http_requests_total", method="GET", route=route, status="200") == len(
        NUMBERS
    )
    assert grew("ashyq_http_requests_total", method="GET", route=route, status="400") == 1
    assert grew("ashyq_http_requests_total", method="GET", route="unmatched", status="404") == 1
    latency = "ashyq_http_request_duration_seconds_count"
    assert grew(latency, method="GET", route=route, status="200") == len(NUMBERS)
    assert grew("ashyq_outbox_events_total", kind="visits", outcome="accepted") == 3
    assert grew("ashyq_outbox_events_total", kind="visits", outcome="duplicate") == 2


def test_the_stream_clients_gauge_follows_open_streams(
    server: Server, station: dict[str, str]
) -> None:
    def clients() -> float:
        return value(samples(server.url), "ashyq_checkin_stream_clients")

    start = clients()
    with server.client(station["token"]) as api, api.stream("GET", "/checkins/stream") as stream:
        assert stream.status_code == 200
        assert clients() == start + 1  # counted when the answer started, before we saw it
    wait_for(lambda: clients() == start, "the closed stream to leave the gauge")


def test_metrics_are_for_this_machine_or_the_token_holder(ops_server: Server) -> None:
    url = f"{ops_server.url}/metrics"
    assert httpx.get(url).status_code == 200  # loopback, straight
    # through the proxy (trusted, on loopback): the client is the far end, not this machine
    proxied = httpx.get(url, headers={"X-Forwarded-For": "203.0.113.7"})
    assert proxied.status_code == 403 and proxied.json()["code"] == "metrics_forbidden"
    wrong = {"X-Forwarded-For": "203.0.113.7", "Authorization": "Bearer nope"}
    assert httpx.get(url, headers=wrong).status_code == 403
    right = {"X-Forwarded-For": "203.0.113.7", "Authorization": f"Bearer {METRICS_TOKEN}"}
    assert httpx.get(url, headers=right).status_code == 200


def test_rate_limit_refusals_are_counted_by_route(ops_server: Server) -> None:
    route = "/api/v1/enroll"
    before = value(samples(ops_server.url), "ashyq_rate_limit_refusals_total", route=route)
    body = {"code": "NOPE-NOPE", "station_name": "x"}
    answers = [httpx.post(f"{ops_server.url}{route}", json=body).status_code for _ in range(3)]
    assert answers == [429, 429, 429]  # the burst of one went on the fixture's enrollment
    after = value(samples(ops_server.url), "ashyq_rate_limit_refusals_total", route=route)
    assert after - before == answers.count(429)


def test_workers_share_their_metrics_through_the_multiprocess_folder(tmp_path: Path) -> None:
    """What `serve --workers N` relies on: each process writes to PROMETHEUS_MULTIPROC_DIR and
    /metrics, whichever process answers it, sums them all (two servers stand in for workers)."""
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "counter_999999999.db").write_bytes(b"")  # a dead process's file: removed at start
    env = {"PROMETHEUS_MULTIPROC_DIR": str(folder)}
    first = start_server(None, env=env)
    second = start_server(None, env=env)
    try:
        assert not (folder / "counter_999999999.db").exists()
        for _ in range(3):
            assert httpx.get(f"{first.url}/ready").status_code == 200
        for _ in range(2):
            assert httpx.get(f"{second.url}/ready").status_code == 200
        for server in (first, second):
            found = samples(server.url)
            key = {"method": "GET", "route": "/ready", "status": "200"}
            assert value(found, "ashyq_http_requests_total", **key) == 5
    finally:
        remove(first)
        remove(second)


# --- the JSON log ---------------------------------------------------------------------------


def test_the_json_log_has_one_object_a_line_and_no_number(ops: tuple[Server, str]) -> None:
    ops_server, token = ops
    with ops_server.client(token) as api:
        lookup = api.get(f"/status/{NUMBERS[0]}")  # upstream down: 503, logged all the same
        api.get(f"/status/{MISTYPED}")
        stray = httpx.get(f"{ops_server.url}/nothing/{MISTYPED}")
    # the access line is written once the answer has gone out: wait for the last one's
    wait_until(
        lambda: stray.headers["x-request-id"] in ops_server.log_file.read_text(encoding="utf-8"),
        what="the access line of the last request",
    )
    text_ = ops_server.log_file.read_text(encoding="utf-8")
    assert not TWELVE_DIGITS.search(text_)
    lines = [json.loads(line) for line in text_.splitlines() if line.strip()]
    assert all({"time", "level", "logger", "message", "request_id"} <= set(x) for x in lines)
    access = {x["request_id"]: x for x in lines if x["logger"] == "central.access"}
    line = access[lookup.headers["x-request-id"]]
    assert (line["route"], line["status"]) == ("/api/v1/status/{iin}", lookup.status_code)
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert any(x["route"] == "unmatched" and x["status"] == 404 for x in access.values())
    assert not any(x["logger"] == "uvicorn.access" for x in lines)  # its lines hold raw paths


# --- the pieces on their own ------------------------------------------------------------------


def test_the_mask_keeps_route_templates_and_blanks_what_a_client_typed() -> None:
    assert mask('"route": "/api/v1/status/{iin}"') == '"route": "/api/v1/status/{iin}"'
    assert mask("/api/v1/status/passport/{number} 200") == "/api/v1/status/passport/{number} 200"
    for typed in ("/api/v1/status/{AB1234567}", "/api/v1/status/{iin}x",
                  "/api/v1/status/passport/{number}/N1234567", "/api/v1/status/N1234567"):  # fmt: skip
        assert mask(typed).endswith("<masked>") and "1234567" not in mask(typed), typed
    assert mask(f"id {MISTYPED}.") == "id <number>."


def test_a_json_line_masks_the_exception_too() -> None:
    try:
        raise ValueError(f"bad {MISTYPED}")
    except ValueError:
        record = logging.LogRecord("central", logging.ERROR, __file__, 1, "failed %s", (MISTYPED,),
                                   sys.exc_info())  # fmt: skip
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "failed <number>" and "<number>" in line["exception"]
    assert MISTYPED not in json.dumps(line) and line["request_id"] is None


@pytest.mark.parametrize(
    ("template", "path", "expected"),
    [("/status/{iin}", f"/api/v1/status/{MISTYPED}", "/api/v1/status/{iin}"),
     ("/api/v1/status/{iin}", f"/api/v1/status/{MISTYPED}", "/api/v1/status/{iin}"),
     ("/health", "/health", "/health"), ("/health", "/api/v1/health", "/api/v1/health"),
     (None, f"/x/{MISTYPED}", "unmatched")],
)  # fmt: skip
def test_the_route_label_is_the_template_under_its_prefix(
    template: str | None, path: str, expected: str
) -> None:
    route = type("R", (), {"path": template})() if template else None
    assert route_of({"type": "http", "path": path, "route": route}) == expected


def test_several_workers_get_a_metrics_folder_of_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MULTIPROC_ENV, raising=False)
    assert prepare_multiprocess(1) is None and MULTIPROC_ENV not in os.environ
    folder = prepare_multiprocess(2)
    assert folder is not None and os.environ[MULTIPROC_ENV] == str(folder) and folder.is_dir()
    finish_multiprocess(folder)
    assert not folder.exists() and MULTIPROC_ENV not in os.environ
