"""The 0.1.0 fixture database migrates from source and keeps every record (fast, no build).

The frozen counterpart is in test_build.py; this one runs in every test run, so a migration
that loses records fails in seconds, not only after a five-minute build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.installers.dbcompare import lost_records, row_count

FIXTURE = Path(__file__).resolve().parent / "data" / "console-0.1.0.sqlite3"


def test_the_fixture_has_records_in_every_table() -> None:
    assert FIXTURE.is_file(), "run tests/installers/make_fixture_db.py once and commit the file"
    assert row_count(FIXTURE) > 200


def test_upgrading_the_previous_release_keeps_every_record(tmp_path: Path) -> None:
    from app.models import current_revision, upgrade_database

    copy = tmp_path / "console.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    upgrade_database(copy)
    assert current_revision(copy) is not None
    assert lost_records(FIXTURE, copy) == {}


def test_the_comparison_notices_a_lost_record(tmp_path: Path) -> None:
    import sqlite3

    copy = tmp_path / "console.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("DELETE FROM visit_event WHERE rowid = (SELECT min(rowid) FROM visit_event)")
        conn.execute("UPDATE staff SET name = 'renamed' WHERE role = 'cashier'")
    lost = lost_records(FIXTURE, copy)
    assert set(lost) == {"visit_event", "staff"}
