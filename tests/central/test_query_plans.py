"""The indexes the reads use, checked with EXPLAIN on PostgreSQL over a year of a chain's data.

A database of its own: 400 venues, 12 monthly partitions holding 240,000 visits, 48,000 orders with
96,000 tickets, ANALYZEd. Sizes where a sequential scan would be the planner's honest choice if an
index were missing, and that build in a few seconds. Each test asserts the plan, not a timing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text

from central import partitions, records
from central.db import Visit, make_engine
from central.db_setup import migrate
from tests.central.harness import Postgres

pytestmark = pytest.mark.postgres

VENUES, VISITS, ORDERS = 400, 240_000, 48_000
YEAR = 2025


@pytest.fixture(scope="module")
def chain(postgres: Postgres) -> Iterator[Engine]:
    engine = make_engine(postgres.create_database(f"central_plans_{uuid.uuid4().hex[:8]}"))
    migrate(engine)
    partitions.ensure_months(engine, [date(YEAR, m, 1) for m in range(1, 13)])
    seconds = 365 * 86400
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO venues (id, code, name, bin, address, time_zone, category, pseudonym_key,"
            " group_mode, allow_stale_status, created_at) SELECT g, 'V' || g, 'Venue ' || g,"
            " '000000000000', '', 'Asia/Almaty', 'cinema', '\\x00', 'all', false, now()"
            " FROM generate_series(1, :n) g"), {"n": VENUES})  # fmt: skip
        conn.execute(text(
            "INSERT INTO visits (venue_id, client_id, station_id, occurred_at, received_at,"
            " direction, method, verdict, reason, test_mode, offline)"
            " SELECT 1 + g % :venues, gen_random_uuid(), gen_random_uuid(),"
            " make_timestamp(:year, 1, 1, 0, 0, 0) + (g * :step) * interval '1 second', now(),"
            " 'entry', 'wedge', 'admit', 'green', false, false FROM generate_series(0, :n - 1) g"),
            {"venues": VENUES, "year": YEAR, "n": VISITS, "step": seconds // VISITS})  # fmt: skip
        conn.execute(text(
            "INSERT INTO trace_identities (visit_id, occurred_at, sealed_iin, \"check\")"
            " SELECT id, occurred_at, 'sealed', CASE WHEN id % 1000 = 0 THEN 'pending' ELSE 'ok'"
            " END FROM visits WHERE id % 4 = 0"))  # fmt: skip
        conn.execute(text(
            "INSERT INTO sessions (venue_id, external_id, title, starts_at)"
            " SELECT 1 + g % :venues, 'S' || g, 'Show', make_timestamp(:year, 1, 1, 0, 0, 0)"
            " + g * interval '1 hour' FROM generate_series(0, 1999) g"),
            {"venues": VENUES, "year": YEAR})  # fmt: skip
        conn.execute(text(
            "INSERT INTO orders (venue_id, number, organizer, session_id, modified_at)"
            " SELECT s.venue_id, 'N' || g, 'kinopark', s.id, make_timestamp(:year, 1, 1, 0, 0, 0)"
            " + (g * :step) * interval '1 second' FROM generate_series(0, :n - 1) g"
            " JOIN sessions s ON s.id = 1 + g % 2000"),
            {"year": YEAR, "n": ORDERS, "step": seconds // ORDERS})  # fmt: skip
        conn.execute(text(
            "INSERT INTO tickets (venue_id, order_id, code, tariff, price_tiyn, state,"
            " printed_at_box_office) SELECT o.venue_id, o.id, 'T' || lpad(o.id::text, 6, '0') || k,"
            " 'adult', 200000, 'valid', false FROM orders o CROSS JOIN generate_series(1, 2) k"))  # fmt: skip
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    yield engine
    engine.dispose()


def plan(engine: Engine, sql: str, params: Any = None) -> list[dict[str, Any]]:
    """Every node of the plan, flattened; aware moments bound as stored (UTC, no zone)."""
    if isinstance(params, dict):
        params = {k: _naive(v) for k, v in params.items()}
    with engine.connect() as conn:
        root = conn.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {sql}", params).scalar_one()
    nodes: list[dict[str, Any]] = []
    todo = [root[0]["Plan"]]
    while todo:
        node = todo.pop()
        nodes.append(node)
        todo.extend(node.get("Plans", []))
    return nodes


def _naive(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def children(engine: Engine, index: str) -> set[str]:
    """The partitions' own indexes made from a partitioned table's index."""
    with engine.connect() as conn:
        return set(
            conn.execute(
                text("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                     "WHERE i.inhparent = CAST(:name AS regclass)"), {"name": index}
            ).scalars()
        )  # fmt: skip


def scans(nodes: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(node type, table, index) of every scan; a bitmap's index scan names no table."""
    return [
        (n["Node Type"], n.get("Relation Name", ""), n.get("Index Name", ""))
        for n in nodes
        if "Relation Name" in n or "Index Name" in n
    ]


def holds_data(table: str) -> bool:
    """The year's partitions; the months around today exist too, empty (a scan of nothing)."""
    return f"_p{YEAR}_" in table


def captured(engine: Engine, call: Any) -> list[tuple[str, Any]]:
    """The statements (with their parameters) a function of the server runs."""
    seen: list[tuple[str, Any]] = []

    def hook(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _m: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", hook)
    try:
        with engine.connect() as conn:
            call(conn)
    finally:
        event.remove(engine, "before_cursor_execute", hook)
    return seen


def test_one_venues_visits_in_a_week_read_one_partition_by_index(chain: Engine) -> None:
    start = datetime(YEAR, 6, 10, tzinfo=UTC)
    query = select(Visit.id, Visit.occurred_at, Visit.verdict).where(
        Visit.venue_id == 7, Visit.occurred_at >= start, Visit.occurred_at < start + timedelta(7)
    )
    compiled = query.compile(chain)
    found = scans(plan(chain, str(compiled), compiled.params))
    assert {table for _, table, _ in found} - {""} == {"visits_p2025_06"}  # the rest pruned
    assert all(kind != "Seq Scan" for kind, _, _ in found), found
    venue_index = children(chain, "ix_visits_venue_occurred")
    assert any(index in venue_index for _, _, index in found), found


def test_the_orders_pull_uses_its_indexes(chain: Engine) -> None:
    since = datetime(YEAR, 12, 20, tzinfo=UTC)
    statements = captured(chain, lambda conn: records.orders_since(conn, 9, since))
    orders_sql, tickets_sql = statements
    orders_scans = scans(plan(chain, *orders_sql))
    tickets_scans = scans(plan(chain, *tickets_sql))
    assert "ix_orders_venue_modified" in {i for _, _, i in orders_scans}, orders_scans
    assert "ix_tickets_order_id" in {i for _, _, i in tickets_scans}, tickets_scans
    for kind, table, _ in orders_scans + tickets_scans:
        assert not (kind == "Seq Scan" and table in ("orders", "tickets")), (kind, table)


def test_the_pending_seal_checks_are_found_by_their_partial_index(chain: Engine) -> None:
    found = scans(plan(chain, "SELECT visit_id FROM trace_identities WHERE \"check\" = 'pending' "
                              "ORDER BY occurred_at LIMIT 500"))  # fmt: skip
    used = [(kind, index) for kind, table, index in found if holds_data(table)]
    partial = children(chain, "ix_trace_identities_pending")
    assert len(used) == 12 and len(partial) >= 12, found
    assert all(kind != "Seq Scan" and index in partial for kind, index in used), found


def test_a_denial_named_by_a_refund_is_found_by_index_in_every_month(chain: Engine) -> None:
    """central.refund_store looks a visit up by (venue, client id) alone: one probe per month."""
    with chain.connect() as conn:
        client_id = conn.execute(select(Visit.client_id).where(Visit.id == 1234)).scalar_one()
    query = select(Visit.verdict).where(Visit.venue_id == 3, Visit.client_id == client_id)
    compiled = query.compile(chain)
    found = scans(plan(chain, str(compiled), compiled.params))
    assert len({table for _, table, _ in found if holds_data(table)}) == 12
    assert all(kind != "Seq Scan" for kind, table, _ in found if holds_data(table)), found
