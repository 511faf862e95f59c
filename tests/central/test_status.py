"""Status lookups: every colour, bad numbers, passports, rate limits, an upstream, clean logs."""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest

from app.core.statuses import Status
from app.sync.protocol import StatusAnswer
from central.demo import DEMO_IINS, DEMO_PASSPORT
from tests.central.harness import Server, remove, start_server


def test_each_demo_iin_gets_its_colour(server: Server, station: dict[str, str]) -> None:
    with server.client(station["token"]) as api:
        for status, numbers in DEMO_IINS.items():
            for number in numbers:
                answer = StatusAnswer.model_validate(api.get(f"/status/{number}").json())
                assert answer.status is status
                assert answer.source == "registry"
                assert (answer.set_at is None) == (status is Status.NOT_FOUND)


def test_typed_separators_are_ignored(sqlite_server: Server) -> None:
    token = sqlite_server.enroll()["token"]
    iin = DEMO_IINS[Status.RED][0]
    with sqlite_server.client(token) as api:
        spaced = api.get(f"/status/{iin[:6]} {iin[6:]}").json()
    assert spaced["status"] == "red"


@pytest.mark.parametrize(
    ("text", "code"),
    [("90010130010", "length"), ("90010130010X", "characters"), ("900101300107", "check_digit"),
     ("900101300800", "never_issued")],
)  # fmt: skip
def test_a_bad_iin_is_refused_with_the_precise_reason(
    sqlite_server: Server, text: str, code: str
) -> None:
    token = sqlite_server.enroll()["token"]
    with sqlite_server.client(token) as api:
        reply = api.get(f"/status/{text}")
    assert reply.status_code == 400
    assert reply.json()["code"] == code
    assert text not in reply.json()["message"]


def test_passport_lookup(server: Server, station: dict[str, str]) -> None:
    with server.client(station["token"]) as api:
        known = api.get(f"/status/passport/{DEMO_PASSPORT.lower()}").json()
        unknown = api.get("/status/passport/X9999999").json()
        bad = api.get("/status/passport/a$b")
    assert known["status"] == "green"
    assert unknown["status"] == "not_found"
    assert bad.status_code == 400 and bad.json()["code"] == "bad_passport_number"


@pytest.fixture(scope="module")
def limited_server() -> Iterator[Server]:
    server = start_server(None, "--demo-data", "--station-rate", "5", "--station-burst", "5",
                          "--enroll-rate", "0.01", "--enroll-burst", "6")  # fmt: skip
    yield server
    remove(server)


def test_lookups_are_rate_limited_per_station(limited_server: Server) -> None:
    first, second = limited_server.enroll()["token"], limited_server.enroll()["token"]
    iin = DEMO_IINS[Status.GREEN][0]
    with limited_server.client(first) as api:
        codes = [api.get(f"/status/{iin}").status_code for _ in range(30)]
        refused = api.get(f"/status/{iin}")
    assert codes[:5] == [200] * 5
    assert codes.count(429) >= 20
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.json()["code"] == "rate_limited"
    with limited_server.client(second) as api:  # another station has its own budget
        assert api.get(f"/status/{iin}").status_code == 200


def test_enrollment_attempts_are_rate_limited(limited_server: Server) -> None:
    replies = [
        httpx.post(f"{limited_server.url}/api/v1/enroll",
                   json={"code": f"GUESS-{i:04d}", "station_name": "x"})
        for i in range(12)
    ]  # fmt: skip
    assert replies[-1].status_code == 429
    assert {r.status_code for r in replies} <= {403, 429}


def test_an_upstream_service_answers_and_is_cached(sqlite_server: Server) -> None:
    token = sqlite_server.enroll(name="central-of-the-chain")["token"]
    proxy = start_server(None, "--demo-data", "--upstream-url", sqlite_server.url,
                         env={"ASHYQ_CENTRAL_UPSTREAM_TOKEN": token})  # fmt: skip
    try:
        station = proxy.enroll()["token"]
        yellow, red = DEMO_IINS[Status.YELLOW][1], DEMO_IINS[Status.RED][1]
        with proxy.client(station) as api:
            answer = api.get(f"/status/{yellow}").json()
            assert (answer["status"], answer["source"]) == ("yellow", "upstream")
            sqlite_server.stop()  # upstream gone: the cached answer still serves, a new one fails
            try:
                cached = api.get(f"/status/{yellow}").json()
                missing = api.get(f"/status/{red}")
            finally:
                sqlite_server.process = None
                sqlite_server.start()
    finally:
        remove(proxy)
    assert (cached["status"], cached["source"]) == ("yellow", "upstream")
    assert missing.status_code == 503 and missing.json()["code"] == "upstream_unavailable"


def test_the_log_never_holds_an_iin(sqlite_server: Server) -> None:
    token = sqlite_server.enroll()["token"]
    used = [n for numbers in DEMO_IINS.values() for n in numbers]
    with sqlite_server.client(token) as api:
        for number in used:
            api.get(f"/status/{number}")
        api.get("/status/900101300107")  # a mistyped one is a person's number too
        api.get(f"/status/passport/{DEMO_PASSPORT}")
    httpx.post(f"{sqlite_server.url}/v/DEMO", data={"iin": used[0], "lang": "en"})
    text = sqlite_server.log_file.read_text(encoding="utf-8")
    assert "/api/v1/status/<masked>" in text  # the access log is on, and masked
    for number in [*used, "900101300107", DEMO_PASSPORT]:
        assert number not in text
    assert os.path.getsize(sqlite_server.log_file) > 0
