"""The `ashyq` command as a user runs it: JSON out, exit 0 on success, 2 on rejected input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict | list]:
    code = main([*argv, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_decode_recovers_an_iin_scanned_under_the_kazakh_layout(capsys) -> None:
    # 900101300811 typed by a scanner while Windows has the Kazakh layout on
    code, out = run(capsys, "decode", 'ұққ"қ"іққү""')
    assert code == 0
    assert out == {"kind": "iin", "text": "900101300811", "iin": "900101300811", "layout": "kk"}


def test_the_domain_example_under_kazakh_layout_is_read_but_its_check_digit_fails(capsys) -> None:
    # DOMAIN.md's layout example 930101300123 is a layout example, not a valid IIN: the
    # console reads the digits back and then says precisely what is wrong with them.
    code, out = run(capsys, "decode", 'ұіқ"қ"іққ"әі')
    assert code == 2 and out["error"] == "iin_check_digit"


def test_decode_recovers_a_ticket_scanned_under_the_russian_layout(capsys) -> None:
    code, out = run(capsys, "decode", "ФИ12СВ")
    assert code == 0
    assert out["kind"] == "ticket" and out["text"] == "AB12CD" and out["layout"] == "ru"


def test_decode_rejects_a_wrong_check_digit_with_exit_2(capsys) -> None:
    code, out = run(capsys, "decode", "791028302727")
    assert code == 2
    assert out["error"] == "iin_check_digit"
    assert out["message"]


def test_decode_names_commands_and_the_venue_poster(capsys) -> None:
    assert run(capsys, "decode", "ASHYQ:CMD:EXIT")[1]["command"] == "exit_mode"
    venue = run(capsys, "decode", "https://ashyq.example.kz/v/DEMO")[1]
    assert venue["kind"] == "venue" and venue["venue_code"] == "DEMO"


def test_admit_applies_the_weekend_rule_in_the_venue_time_zone(capsys) -> None:
    # Friday 19:30 UTC is Saturday 00:30 in Almaty (UTC+5): a blue visitor may not enter a cinema.
    code, out = run(
        capsys,
        "admit",
        "--status",
        "blue",
        "--category",
        "cinema",
        "--at",
        "2026-11-20T19:30:00+00:00",
    )
    assert code == 0
    assert out["verdict"] == "deny" and out["reason"] == "blue_cinema_weekend"
    code, out = run(
        capsys,
        "admit",
        "--status",
        "blue",
        "--category",
        "cinema",
        "--at",
        "2026-11-20T19:30:00+00:00",
        "--tz",
        "Europe/London",
    )
    assert out["verdict"] == "admit"


def test_admit_pcr_venue_needs_a_check_until_the_certificate_is_shown(capsys) -> None:
    args = (
        "admit",
        "--status",
        "blue",
        "--category",
        "pcr_required",
        "--at",
        "2026-11-18T12:00:00+05:00",
    )
    assert run(capsys, *args)[1]["verdict"] == "needs_check"
    assert run(capsys, *args, "--pcr-shown")[1]["verdict"] == "admit"


def test_admit_yellow_at_an_essential_shop_carries_the_500_m_note(capsys) -> None:
    code, out = run(
        capsys,
        "admit",
        "--status",
        "yellow",
        "--category",
        "essential",
        "--at",
        "2026-11-18T12:00:00+05:00",
    )
    assert out["verdict"] == "admit" and "500" in out["note"]


def test_admit_refuses_a_moment_without_an_offset(capsys) -> None:
    code, out = run(
        capsys, "admit", "--status", "green", "--category", "general", "--at", "2026-11-18T12:00:00"
    )
    assert code == 2 and out["error"] == "naive_time"


def test_refund_organizers_lists_every_slug_of_the_table(capsys) -> None:
    code, out = run(capsys, "refund", "organizers")
    slugs = {row["slug"] for row in out}
    assert code == 0
    assert {"kinopark", "inna-concerts", "kiyal-alemi", "nobel-festival", "event"} <= slugs
    assert len(slugs) == 32


def test_refund_quote_kinopark_more_than_an_hour_before(capsys) -> None:
    code, out = run(
        capsys,
        "refund",
        "quote",
        "--organizer",
        "kinopark",
        "--price",
        "2500",
        "--start",
        "2026-11-21T19:00:00+05:00",
        "--at",
        "2026-11-21T17:30:00+05:00",
    )
    assert code == 0
    assert out["refundable"] is True
    assert (out["fee_tiyn"], out["refund_tiyn"]) == (25000, 225000)
    assert out["deadline"] == "2026-11-21T18:57:00+05:00"
    assert out["money_back_by"] == "2026-11-25"  # Sat -> Mon, Tue, Wed


def test_refund_quote_after_the_deadline_is_refused_unless_denied_at_the_door(capsys) -> None:
    args = (
        "refund",
        "quote",
        "--organizer",
        "cinemax",
        "--price",
        "1800",
        "--start",
        "2026-11-21T19:00:00+05:00",
        "--at",
        "2026-11-21T18:58:30+05:00",
    )
    code, out = run(capsys, *args)
    assert code == 0 and out["refundable"] is False and out["reason"] == "deadline_passed"
    code, out = run(capsys, *args, "--ashyq-denied")
    assert out["refundable"] is True and out["fee_tiyn"] == 25000  # 5 % < 250 tenge minimum


def test_refund_quote_rejects_unknown_organizer_and_bad_price(capsys) -> None:
    code, out = run(
        capsys,
        "refund",
        "quote",
        "--organizer",
        "nope",
        "--price",
        "1",
        "--start",
        "2026-11-21T19:00:00+05:00",
        "--at",
        "2026-11-21T17:00:00+05:00",
    )
    assert code == 2 and out["error"] == "unknown_organizer"
    code, out = run(
        capsys,
        "refund",
        "quote",
        "--organizer",
        "event",
        "--price",
        "12.345",
        "--start",
        "2026-11-21T19:00:00+05:00",
        "--at",
        "2026-11-21T17:00:00+05:00",
    )
    assert code == 2 and out["error"] == "bad_price"


def test_db_upgrade_creates_the_database(tmp_path, capsys) -> None:
    db = tmp_path / "console.sqlite"
    code, out = run(capsys, "db", "upgrade", "--db", str(db))
    assert code == 0 and db.exists() and out["upgraded"] is True


def test_the_installed_command_prints_a_readable_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "decode", "900101300811"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == "iin: 900101300811"


def test_report_before_enrollment_says_what_to_do(tmp_path, capsys) -> None:
    db = tmp_path / "console.sqlite3"
    assert main(["db", "upgrade", "--db", str(db)]) == 0
    capsys.readouterr()
    code, out = run(
        capsys,
        "report",
        "--date",
        "2026-11-21",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "x.csv"),
        "--db",
        str(db),
    )
    assert code == 1 and out["error"] == "not_enrolled" and "ashyq enroll" in out["message"]


def test_report_exports_a_csv_that_excel_reads_as_utf8(tmp_path, capsys) -> None:
    from app.core.statuses import VenueCategory
    from app.models import open_engine, session_factory
    from app.models.venue import Venue

    db, out = tmp_path / "console.sqlite3", tmp_path / "day.csv"
    assert main(["db", "upgrade", "--db", str(db)]) == 0
    capsys.readouterr()
    engine = open_engine(db)
    with session_factory(engine, write=True).begin() as session:
        session.add(
            Venue(
                code="V1",
                name="Кинотеатр «Алем»",
                bin="190540001208",
                time_zone="Asia/Almaty",
                category=VenueCategory.CINEMA,
            )
        )
    engine.dispose()
    code, result = run(
        capsys,
        "report",
        "--date",
        "2026-11-21",
        "--format",
        "csv",
        "--out",
        str(out),
        "--db",
        str(db),
        "--lang",
        "kk",
    )
    assert code == 0 and result["report"] == str(out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    text = data.decode("utf-8-sig")
    assert "Кинотеатр «Алем»" in text and "есеп" in text


def test_report_needs_a_date_or_a_whole_range(capsys) -> None:
    code, out = run(capsys, "report", "--from", "2026-11-21", "--format", "pdf", "--out", "x.pdf")
    assert code == 2 and out["error"] == "bad_range"
