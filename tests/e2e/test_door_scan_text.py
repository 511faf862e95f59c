"""Scans at the door against a real server: foreign documents known by issuing state and number,
scanner quirks (AIM identifiers, compatibility characters) cleaned on every input path."""

from __future__ import annotations

from app.core.pseudonym import pseudonym
from app.core.statuses import InputMethod, Status, StatusSource
from app.models.visits import VisitEvent as VisitRow
from app.services.door import check
from central.demo import DEMO_PASSPORT
from tests.e2e.conftest import WEDNESDAY_NOON, CentralProcess
from tests.unit.test_documents import td3


def passport(state: str) -> str:
    return "\t".join(td3(state=state, nationality=state, number=DEMO_PASSPORT, personal=""))


def test_same_number_from_two_states_is_two_people(central: CentralProcess, make_station) -> None:
    station = make_station(central)
    people = []
    for state in ("USA", "DEU"):
        result = check(station.ctx, passport(state), at=WEDNESDAY_NOON, method=InputMethod.CAMERA)
        # the server's registry is looked up by the number (its API takes no state)
        assert (result.status, result.source) == (Status.GREEN, StatusSource.CENTRAL)
        with station.ctx.sessions() as session:
            row = session.get(VisitRow, result.visit_id)
            assert row is not None
            people.append(row.person)
            assert row.person == pseudonym(station.ctx.pseudonym_key, f"P:{state}:{DEMO_PASSPORT}")
    assert people[0] != people[1]


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
