"""Session servers for tests/central: one on SQLite, one on PostgreSQL (started here)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.central.harness import (
    DEMO_CODE,
    PG_BIN,
    Postgres,
    Server,
    remove,
    start_postgres,
    start_server,
    stop_postgres,
)

# The main servers allow many visitor check-ins: the page's own limit is tested on its own server.
GENEROUS = ["--demo-data", "--demo-enroll-code", DEMO_CODE, "--visitor-burst", "1000",
            "--visitor-rate", "100", "--station-burst", "400", "--station-rate", "200",
            "--enroll-burst", "1000", "--enroll-rate", "100",
            "--visitor-person-interval", "0"]  # fmt: skip


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL binaries not found (Debian package postgresql-15)")
    pg = start_postgres()
    yield pg
    stop_postgres(pg)


@pytest.fixture(scope="session")
def sqlite_server() -> Iterator[Server]:
    server = start_server(None, *GENEROUS)
    yield server
    remove(server)


@pytest.fixture(scope="session")
def pg_server(postgres: Postgres) -> Iterator[Server]:
    server = start_server(postgres.create_database("central_main"), *GENEROUS)
    yield server
    remove(server)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest) -> Server:
    """The main tests run once on each database."""
    name = "sqlite_server" if request.param == "sqlite" else "pg_server"
    result: Server = request.getfixturevalue(name)
    return result


@pytest.fixture
def station(server: Server) -> dict[str, str]:
    return server.enroll()
