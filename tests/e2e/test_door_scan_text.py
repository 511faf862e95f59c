"""Scans at the door against a real server: foreign documents known and looked up by issuing
state and number, scanner quirks (AIM identifiers, compatibility characters) cleaned on every input path."""

from __future__ import annotations

from pathlib import Path

from app.core.pseudonym import pseudonym
from app.core.statuses import InputMethod, Status, StatusSource
from app.models.visits import VisitEvent as VisitRow
from app.services.door import check
from central.demo import DEMO_PASSPORT, DEMO_PASSPORT_STATE
from tests.e2e.conftest import WEDNESDAY_NOON, CentralProcess
from tests.unit.test_documents import td3


def passport(state: str, number: str = DEMO_PASSPORT) -> str:
    return "\t".join(td3(state=state, nationality=state, number=number, personal=""))


def test_same_number_from_two_states_is_two_people(
    central: CentralProcess, make_station, tmp_path: Path
) -> None:
    feed = tmp_path / "passports.csv"
    feed.write_text(
        "passport_number,issuing_state,status,set_at\n"
        "A2222222,USA,green,2026-11-20T10:00:00+05:00\n"
        "A2222222,D,red,2026-11-20T10:00:00+05:00\n",  # Germany's ICAO code, as in the MRZ
        encoding="utf-8",
    )
    assert "2 statuses stored, 0 rejected" in central.admin("import-statuses", str(feed))
    station = make_station(central)
    expected = {"USA": Status.GREEN, "D<<": Status.RED, "FRA": Status.NOT_FOUND}
    people = []
    for state, status in expected.items():
        text = passport(state, "A2222222<")
        result = check(station.ctx, text, at=WEDNESDAY_NOON, method=InputMethod.CAMERA)
        assert (result.status, result.source) == (status, StatusSource.CENTRAL), state
        with station.ctx.sessions() as session:
            row = session.get(VisitRow, result.visit_id)
            assert row is not None
            people.append(row.person)
            canonical = "DEU" if state == "D<<" else state
            assert row.person == pseudonym(station.ctx.pseudonym_key, f"P:{canonical}:A2222222")
    assert len(set(people)) == 3
    # offline, the console's cache answers each state's document with its own last answer
    central.kill()
    for state in ("USA", "D<<"):
        text = passport(state, "A2222222<")
        result = check(station.ctx, text, at=WEDNESDAY_NOON, method=InputMethod.CAMERA)
        assert (result.status, result.source) == (expected[state], StatusSource.CACHE), state


def test_the_demo_passport_is_green_by_state_and_by_number(
    central: CentralProcess, make_station
) -> None:
    station = make_station(central)
    result = check(
        station.ctx, passport(DEMO_PASSPORT_STATE), at=WEDNESDAY_NOON, method=InputMethod.WEDGE
    )
    assert (result.status, result.source) == (Status.GREEN, StatusSource.CENTRAL)
    client = station.ctx.primary
    assert client is not None
    assert client.status_by_passport(DEMO_PASSPORT).status is Status.GREEN  # old consoles
    assert client.status_by_passport(DEMO_PASSPORT, state="USA").status is Status.NOT_FOUND


def test_scanner_quirks_reach_the_door_cleaned(central: CentralProcess, make_station) -> None:
    from central.demo import DEMO_IINS

    station = make_station(central)
    green = DEMO_IINS[Status.GREEN][0]
    inputs = [
        ("]Q1" + green, InputMethod.SERIAL),  # an AIM identifier from a serial scanner
        ("]L0" + green[:6] + "\u200b" + green[6:], InputMethod.CAMERA),
        ("".join(chr(0xFF10 + int(d)) for d in green), InputMethod.WEDGE),  # full-width
    ]
    for text, method in inputs:
        result = check(station.ctx, text, at=WEDNESDAY_NOON, method=method)
        assert (result.kind, result.status) == ("visitor", Status.GREEN), text
        with station.ctx.sessions() as session:
            row = session.get(VisitRow, result.visit_id)
            assert row is not None
            assert row.person == pseudonym(station.ctx.pseudonym_key, green)
