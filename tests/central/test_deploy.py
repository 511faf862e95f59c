"""The files of deploy/ agree with the server and with the tools that will read them.

- the systemd unit passes `systemd-analyze verify` (no warning either), and its ExecStart is a
  command line `ashyq-central` accepts, behind the proxy the nginx site is;
- the environment file names only variables the server reads;
- the nginx site passes `nginx -t` with a self-signed certificate made here, then carries real
  requests to a real server: TLS, the redirect from plain HTTP, a check-in reaching a door's
  stream through the proxy, /metrics and /ready refused from outside;
- the PostgreSQL snippet is accepted by PostgreSQL itself, each setting has its reason, and
  max_connections covers four workers' pools.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from central.cli import build_parser
from central.db import make_engine
from central.demo import DEMO_IINS
from tests import timing
from tests.central.conftest import GENEROUS
from tests.central.harness import (
    PG_BIN,
    ROOT,
    Server,
    _as_postgres,
    free_port,
    remove,
    start_server,
)

DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "ashyq-central.service"
ENV_FILE = DEPLOY / "ashyq-central.env"
SITE = DEPLOY / "nginx" / "ashyq-central.conf"
PG_CONF = DEPLOY / "postgresql.conf"
SHIPPED_BIN = "/opt/ashyq-central/venv/bin/ashyq-central"


def unit_settings() -> dict[str, list[str]]:
    """Each key of the unit with its values, continuation lines joined."""
    text = UNIT.read_text(encoding="utf-8").replace("\\\n", " ")
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if "=" in line and not line.lstrip().startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def env_values() -> dict[str, str]:
    pairs = (line.partition("=") for line in ENV_FILE.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#"))  # fmt: skip
    return {key: value for key, _, value in pairs}


def serve_args() -> list[str]:
    """The unit's ExecStart, its ${VARIABLES} taken from the environment file."""
    (command,) = unit_settings()["ExecStart"]
    env = env_values()
    command = re.sub(r"\$\{(\w+)\}", lambda m: shlex.quote(env[m.group(1)]), command)
    return shlex.split(command)


# --- systemd ------------------------------------------------------------------------------


def test_the_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    program = Path(sys.executable).with_name("ashyq-central")
    assert program.exists(), "the project is installed (pip install -e .)"
    unit = tmp_path / UNIT.name  # the installed program where the unit expects it
    unit.write_text(UNIT.read_text(encoding="utf-8").replace(SHIPPED_BIN, str(program)))
    result = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_the_unit_runs_a_command_line_the_server_accepts() -> None:
    args = serve_args()
    assert args[0] == SHIPPED_BIN and args[1] == "serve"
    parsed = build_parser().parse_args(args[1:])
    settings = unit_settings()
    assert (settings["User"], settings["Restart"]) == (["ashyq"], ["on-failure"])
    assert settings["ProtectSystem"] == ["strict"] and settings["NoNewPrivileges"] == ["yes"]
    writable = settings["ReadWritePaths"][0].split()
    for folder in (parsed.data_dir, parsed.key_file.parent, parsed.log_file.parent):
        assert str(folder) in writable, folder
    assert Path(env_values()["PROMETHEUS_MULTIPROC_DIR"]).parent in map(Path, writable)
    assert parsed.log_format == "json"
    # the proxy: nginx forwards to the unit's address and port, from an address it trusts
    upstream = re.search(r"upstream ashyq_central \{\s*server ([\d.]+):(\d+);", SITE.read_text())
    assert upstream is not None
    assert (parsed.host, str(parsed.port)) == upstream.groups()
    assert upstream.group(1) in parsed.trusted_proxy


def test_the_environment_file_names_only_what_the_server_reads() -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "central").glob("*.py"))
    for name in env_values():
        assert f'"{name}"' in sources or name == "ASHYQ_CENTRAL_PUBLIC_URL", name
    assert "ASHYQ_CENTRAL_PUBLIC_URL" in UNIT.read_text()  # used by the unit's ExecStart


# --- nginx ----------------------------------------------------------------------------------


def _certificate(folder: Path) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=central.example.kz", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def site_for_test(folder: Path, upstream_port: int, http_port: int, https_port: int) -> Path:
    """The shipped site with this test's certificate, ports and log folder (IPv4 only: a test
    machine may have no IPv6), inside a minimal main configuration."""
    cert, key = _certificate(folder)
    site = SITE.read_text(encoding="utf-8")
    for shipped, ours in (("/etc/ssl/ashyq-central/fullchain.pem", cert),
                          ("/etc/ssl/ashyq-central/privkey.pem", key),
                          ("/var/log/nginx", folder), ("127.0.0.1:8765", f"127.0.0.1:{upstream_port}"),
                          ("listen 80;", f"listen 127.0.0.1:{http_port};"),
                          ("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")):  # fmt: skip
        assert str(shipped) in site, shipped
        site = site.replace(str(shipped), str(ours))
    site = "\n".join(line for line in site.splitlines() if "listen [::]" not in line)
    (folder / "site.conf").write_text(site)
    main = folder / "nginx.conf"
    temp = " ".join(f"{kind}_temp_path {folder / kind};" for kind in
                    ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))  # fmt: skip
    main.write_text(
        f"daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'main-error.log'} warn;\nevents {{ worker_connections 64; }}\n"
        f"http {{ {temp} access_log off; include {folder / 'site.conf'}; }}\n"
    )
    folder.chmod(0o755)
    return main


@pytest.fixture
def nginx_bin() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None
    )
    if found is None:
        pytest.skip("nginx is not installed (Debian package nginx, in ./run's list)")
    return found


def test_the_nginx_site_passes_nginx_t(nginx_bin: str, tmp_path: Path) -> None:
    main = site_for_test(tmp_path, 8765, free_port(), free_port())
    result = subprocess.run([nginx_bin, "-t", "-c", str(main), "-p", str(tmp_path)],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def proxied(nginx_bin: str, tmp_path: Path) -> Iterator[tuple[Server, str, int]]:
    server = start_server(None, *GENEROUS, "--trusted-proxy", "127.0.0.1")
    http_port, https_port = free_port(), free_port()
    main = site_for_test(tmp_path, server.port, http_port, https_port)
    nginx = subprocess.Popen([nginx_bin, "-c", str(main), "-p", str(tmp_path)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + timing.seconds(20)
        while not _listening(https_port):
            assert nginx.poll() is None, (tmp_path / "main-error.log").read_text()
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.05)
        yield server, f"https://127.0.0.1:{https_port}", http_port
    finally:
        nginx.terminate()
        nginx.wait(timeout=20)
        remove(server)


def test_the_proxy_carries_tls_the_stream_and_keeps_operations_inside(
    proxied: tuple[Server, str, int], tmp_path: Path
) -> None:
    server, base, http_port = proxied
    trust = ssl.create_default_context(cafile=str(tmp_path / "fullchain.pem"))
    plain = httpx.get(f"http://127.0.0.1:{http_port}/health")
    assert plain.status_code == 301 and plain.headers["location"].startswith("https://")
    with httpx.Client(base_url=base, verify=trust, timeout=30) as web:
        health = web.get("/health")
        assert (
            health.status_code == 200 and "max-age" in health.headers["strict-transport-security"]
        )
        assert web.get("/metrics").status_code == 403  # nginx: deny all
        assert web.get("/ready").status_code == 403
        token = server.enroll()["token"]
        number = DEMO_IINS[next(iter(DEMO_IINS))][0]
        auth = {"Authorization": f"Bearer {token}"}
        with web.stream("GET", "/api/v1/checkins/stream", headers=auth) as stream:
            assert stream.status_code == 200
            checkin = web.post("/v/DEMO", data={"iin": number, "lang": "en"})
            assert checkin.status_code == 200, checkin.text
            deadline = time.monotonic() + timing.seconds(20)
            for line in stream.iter_lines():  # the event arrives while the stream stays open
                if line.startswith("event: checkin"):
                    break
                assert time.monotonic() < deadline, "no check-in event through the proxy"
    log = (tmp_path / "ashyq-central.access.log").read_text()
    assert "rid=" in log and number not in log and "/api/" not in log  # no URIs in nginx's log


# --- PostgreSQL -----------------------------------------------------------------------------


def pg_settings() -> dict[str, str]:
    """Each setting of the snippet, after checking that a comment line (its reason) or another
    setting of the same group stands right above it."""
    lines = PG_CONF.read_text(encoding="utf-8").splitlines()
    found: dict[str, str] = {}
    for number, line in enumerate(lines):
        if line and not line.startswith("#"):
            assert number > 0 and lines[number - 1], f"no reason above: {line}"
            name, _, value = (part.strip() for part in line.partition("="))
            found[name] = value
    return found


def test_each_postgres_setting_has_its_reason_and_connections_cover_the_pools() -> None:
    settings = pg_settings()
    pool = make_engine("postgresql+psycopg://nobody@127.0.0.1/none").pool
    per_worker = pool.size() + pool._max_overflow  # type: ignore[attr-defined]
    assert int(settings["max_connections"]) >= 4 * per_worker + 10
    assert settings["synchronous_commit"] == "on"  # an acknowledged batch is a promise


@pytest.mark.postgres
def test_postgres_accepts_the_snippet() -> None:
    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL binaries not found")
    folder = Path(tempfile.mkdtemp(prefix="ashyq-pgconf-"))  # where the postgres user may go
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        data = folder / "data"
        subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres",
                                     "--no-sync"]), check=True, capture_output=True)  # fmt: skip
        with (data / "postgresql.conf").open("a") as conf:
            conf.write("\n" + PG_CONF.read_text(encoding="utf-8"))
        # reading one setting parses the whole file: an unknown name or a bad value fails it
        shown = subprocess.run(
            _as_postgres([str(PG_BIN / "postgres"), "-D", str(data), "-C", "max_connections"]),
            capture_output=True, text=True,
        )  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == pg_settings()["max_connections"]
