"""Passports keyed by issuing state and number: imports with and without a state, lookups with
and without one, Germany's one-letter code, bad states, and an upstream asked with the state."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.central.harness import Server, remove, start_server
from tests.central.test_cli_and_schema import ashyq_central

SET_AT = "2026-11-20T10:00:00+05:00"


def import_feed(server: Server, path: Path) -> str:
    done = ashyq_central(server, "import-statuses", str(path))
    assert done.returncode in (0, 2), done.stderr
    return done.stdout


def lookup(api: httpx.Client, number: str, state: str | None = None) -> str:
    params = {"state": state} if state is not None else None
    reply = api.get(f"/status/passport/{number}", params=params)
    assert reply.status_code == 200, reply.text
    status: str = reply.json()["status"]
    return status


def test_one_number_from_two_states_is_two_entries(
    server: Server, station: dict[str, str], tmp_path: Path
) -> None:
    csv_feed = tmp_path / "passports.csv"
    csv_feed.write_text(
        "passport_number,issuing_state,status,set_at\n"
        f"A2222222,KAZ,green,{SET_AT}\n"
        f"A2222222,usa,red,{SET_AT}\n"
        f"A2222222,D<<,blue,{SET_AT}\n"
        f"A2222222,K4Z,green,{SET_AT}\n",
        encoding="utf-8",
    )
    json_feed = tmp_path / "passports.json"
    json_feed.write_text(
        json.dumps([
            {"passport_number": "A2222222", "status": "yellow", "set_at": SET_AT},  # no state
            {"passport_number": "B3333333", "issuing_state": "KAZ", "status": "green",
             "set_at": SET_AT},
            {"passport_number": "C4444444", "issuing_state": None, "status": "red",
             "set_at": SET_AT},
        ]),
        encoding="utf-8",
    )  # fmt: skip
    out = import_feed(server, csv_feed)
    assert "3 statuses stored, 1 rejected" in out
    assert "record 5" in out and "ICAO" in out
    assert "3 statuses stored, 0 rejected" in import_feed(server, json_feed)
    with server.client(station["token"]) as api:
        assert lookup(api, "A2222222", "KAZ") == "green"
        assert lookup(api, "a2222222", "kaz") == "green"
        assert lookup(api, "A2222222", "USA") == "red"
        for german in ("D", "D<<", "DEU", "d<"):  # ICAO's "D" is one state with its ISO code
            assert lookup(api, "A2222222", german) == "blue", german
        assert lookup(api, "A2222222", "FRA") == "not_found"
        # without a state (consoles before state keys): only the entry imported without one
        assert lookup(api, "A2222222") == "yellow"
        assert lookup(api, "B3333333") == "not_found"
        assert lookup(api, "B3333333", "KAZ") == "green"
        # and a stated lookup never takes a stateless entry: it may be another state's
        assert lookup(api, "C4444444") == "red"
        assert lookup(api, "C4444444", "KAZ") == "not_found"


BAD_STATES = ["KZ", "K4Z", "KAZA", "", "<<<", "ҚАЗ"]


def test_a_bad_state_is_refused_with_its_code(server: Server, station: dict[str, str]) -> None:
    with server.client(station["token"]) as api:
        replies = [api.get("/status/passport/A2222222", params={"state": s}) for s in BAD_STATES]
    for state, reply in zip(BAD_STATES, replies, strict=True):
        assert reply.status_code == 400, state
        assert reply.json()["code"] == "bad_issuing_state"
        assert "3-letter ICAO" in reply.json()["message"]
    for state in BAD_STATES:  # strangers learn nothing, not even what is valid
        stranger = httpx.get(
            f"{server.url}/api/v1/status/passport/A2222222", params={"state": state}, timeout=30
        )
        assert stranger.status_code == 401


def test_an_upstream_is_asked_with_the_state(sqlite_server: Server, tmp_path: Path) -> None:
    feed = tmp_path / "upstream.json"
    feed.write_text(
        json.dumps([
            {"passport_number": "E5555555", "issuing_state": "RUS", "status": "green",
             "set_at": SET_AT},
            {"passport_number": "E5555555", "issuing_state": "UZB", "status": "red",
             "set_at": SET_AT},
        ]),
        encoding="utf-8",
    )  # fmt: skip
    import_feed(sqlite_server, feed)
    token = sqlite_server.enroll(name="central-of-the-chain")["token"]
    proxy = start_server(None, "--demo-data", "--upstream-url", sqlite_server.url,
                         env={"ASHYQ_CENTRAL_UPSTREAM_TOKEN": token})  # fmt: skip
    try:
        with proxy.client(proxy.enroll()["token"]) as api:
            first = [lookup(api, "E5555555", s) for s in ("RUS", "UZB", None)]
            again = [lookup(api, "E5555555", s) for s in ("RUS", "UZB", None)]  # from the cache
    finally:
        remove(proxy)
    assert first == again == ["green", "red", "not_found"]
