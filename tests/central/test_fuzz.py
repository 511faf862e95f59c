"""Schemathesis against a real `ashyq-central serve`, once on SQLite and once on PostgreSQL.

A bounded run (a fixed seed, at most MAX_EXAMPLES cases per operation in each phase: about a
minute) with a station's token, so the authenticated routes are reached too. It holds the server
to its OpenAPI document: no server error, every status documented, every body in its schema and
content type. The check-in stream is left out (it never ends; tests/central/test_trust.py covers
it). A failure prints schemathesis's report: each failing request as a curl line, the answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.central.conftest import GENEROUS
from tests.central.harness import ROOT, Server, remove, start_server

pytestmark = pytest.mark.slow

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
MAX_EXAMPLES = 25
SEED = 20261201


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fuzz_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """A server of its own: the fuzzer's stored garbage must not meet the other tests."""
    url = None
    if request.param == "postgres":
        url = request.getfixturevalue("postgres").create_database(f"fuzz_{uuid.uuid4().hex[:8]}")
    server = start_server(url, *GENEROUS)
    yield server
    remove(server)


def server_errors(log: str) -> list[str]:
    """Each unexpected error in the server's log: the request line and the exception's last line."""
    found: list[str] = []
    lines = log.splitlines()
    for number, line in enumerate(lines):
        if "unexpected error on" in line:
            request = line.split("unexpected error on", 1)[1].strip()
            following = lines[number + 1 : number + 200]
            cause = next((x for x in following if x and not x[0].isspace() and ": " in x
                          and not x.startswith(("Traceback", "The above", "During"))), "?")  # fmt: skip
            found.append(f"{request}: {cause}")
    return sorted(set(found))


def report(stdout: str, log: str) -> str:
    """The failures part of schemathesis's output (each with a curl line to reproduce), and the
    server log's causes of its 500s."""
    start = stdout.find("=== FAILURES ===")
    end = stdout.find("=== WARNINGS ===")
    failures = stdout[start : end if end > start else None] if start >= 0 else stdout[-6000:]
    summary = stdout[stdout.find("=== SUMMARY ===") :] if "=== SUMMARY ===" in stdout else ""
    causes = "\n".join(server_errors(log)) or "(none in the log)"
    return f"schemathesis found problems:\n{failures}\n{summary}\nserver log causes:\n{causes}"


def test_schemathesis_finds_no_server_error_and_no_schema_violation(
    fuzz_server: Server, tmp_path: Path
) -> None:
    if not SCHEMATHESIS.exists():
        pytest.skip("schemathesis is not installed (pip install -e '.[test]')")
    token = fuzz_server.enroll(name="fuzz")["token"]
    cmd = [str(SCHEMATHESIS), "run", f"{fuzz_server.url}/openapi.json", "--checks", CHECKS,
           "--seed", str(SEED), "--max-examples", str(MAX_EXAMPLES), "--workers", "1",
           "--request-timeout", "20", "--header", f"Authorization: Bearer {token}",
           "--exclude-path", "/api/v1/checkins/stream", "--no-color"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1",
           "SCHEMATHESIS_HOOKS": "tests.central.fuzz_hooks"}  # fmt: skip
    # cwd: schemathesis keeps its example database and cassettes in the working folder
    run = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    document = httpx.get(f"{fuzz_server.url}/openapi.json", timeout=30).json()
    operations = sum(len(methods) for path, methods in document["paths"].items()
                     if path != "/api/v1/checkins/stream")  # fmt: skip
    assert f"Tested: {operations}" in run.stdout, run.stdout[-4000:] + run.stderr[-4000:]
    log = fuzz_server.log_file.read_text(encoding="utf-8")
    assert run.returncode == 0, report(run.stdout, log)
    assert "Traceback" not in log, server_errors(log)
