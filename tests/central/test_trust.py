"""What a stranger can send to the public surface: the visitor page, the stream, the station API.

Each test is a finding of a security probe that failed before its fix: a 500 for bad input, the
body parsed before the token, proxies trusted by default, visitor limits that lock out a venue's
Wi-Fi, missing security headers, an OpenAPI document that hid statuses the server returns.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
import threading
from typing import Any

import httpx
import pytest

from app.core.statuses import Status
from central.demo import DEMO_IINS, valid_number
from central.guards import CatchAll
from central.visitor_texts import TEXTS
from tests.central.harness import Server, remove, start_server
from tests.central.test_visitor import read_events

GREEN = DEMO_IINS[Status.GREEN][0]


# --- bad input is a 4xx, never a 500 ----------------------------------------------------------


def test_a_form_with_more_fields_than_the_page_has_is_refused(server: Server) -> None:
    six = {name: "1" for name in ("iin", "lang", "a", "b", "c", "d")}
    reply = httpx.post(f"{server.url}/v/DEMO", data=six)
    assert reply.status_code == 400
    assert 'id="verdict"' not in reply.text
    for body in (b"iin=%FF%FE&lang=en", b"\xff\xfe", b"iin=" + b"1" * 5000):
        assert httpx.post(f"{server.url}/v/DEMO", content=body).status_code == 400


@pytest.mark.parametrize("path", ["/v/%00", "/v/DE%00MO", "/v/%C3%A9t%C3%A9", "/v/" + "A" * 300])
def test_a_malformed_venue_code_is_no_venue(server: Server, path: str) -> None:
    for method in ("GET", "POST"):
        reply = httpx.request(method, f"{server.url}{path}", data={"iin": GREEN})
        assert reply.status_code == 404, (method, reply.text)
        assert TEXTS["ru"]["no_venue"] in reply.text
    assert "Traceback" not in server.log_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("last_id", ["9" * 5000, "²".encode(), b"12\xff", "-1", "1e5"])
def test_a_strange_last_event_id_is_ignored(
    server: Server, station: dict[str, str], last_id: str | bytes
) -> None:
    found: list[dict[str, Any]] = []
    ready = threading.Event()
    reader = threading.Thread(
        target=read_events,
        args=(server, station["token"], found, ready, 1, {"Last-Event-ID": last_id}),
    )
    reader.start()
    assert ready.wait(20), "the stream did not start"
    iin = DEMO_IINS[Status.YELLOW][0]
    assert httpx.post(f"{server.url}/v/DEMO", data={"iin": iin}).status_code == 200
    reader.join(30)
    assert [e["data"]["status"] for e in found] == ["yellow"]  # the stream runs from now


# --- the station token before the body --------------------------------------------------------


@pytest.mark.parametrize("token", [None, "not-a-token"])
def test_a_stranger_gets_401_before_the_body_is_read(server: Server, token: str | None) -> None:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    url = f"{server.url}/api/v1"
    for path in ("/visits", "/refunds", "/tickets/NOTACODE1/redeem"):
        malformed = httpx.post(f"{url}{path}", content=b"{not json", headers=headers)
        assert malformed.status_code == 401, (path, malformed.text)
        assert malformed.json()["code"] == "unauthorized"
        assert malformed.headers["www-authenticate"] == "Bearer"
    huge = httpx.post(f"{url}/visits", content=b"x" * 3_000_000, headers=headers)
    assert huge.status_code == 401  # not 413: nothing of the body was read


def test_a_station_still_gets_422_for_a_malformed_body(
    server: Server, station: dict[str, str]
) -> None:
    with server.client(station["token"]) as api:
        refused = api.post("/visits", content=b"{not json")
    assert refused.status_code == 422 and refused.json()["code"] == "invalid"


# --- proxies and visitor limits ---------------------------------------------------------------


def _gets(server: Server, forwarded: list[str]) -> list[int]:
    return [httpx.get(f"{server.url}/v/DEMO", headers={"X-Forwarded-For": address}).status_code
            for address in forwarded]  # fmt: skip


def test_x_forwarded_for_counts_only_from_a_named_proxy() -> None:
    tight = ["--demo-data", "--visitor-rate", "0.01", "--visitor-burst", "2"]
    plain = start_server(None, *tight)
    behind = start_server(None, *tight, "--trusted-proxy", "127.0.0.1")
    try:
        # loopback is not trusted by default: three "phones" are one address, the third is 429
        assert _gets(plain, ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) == [200, 200, 429]
        # the limiter runs before the path is looked at: a malformed code is now 429 too
        assert httpx.get(f"{plain.url}/v/%00").status_code == 429
        # named: each forwarded address has its own bucket
        assert _gets(behind, ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.1"]) == [200] * 4
        assert _gets(behind, ["10.0.0.1"]) == [429]
        schemes = []
        for server in (plain, behind):
            token = server.enroll()["token"]
            with server.client(token) as api:
                config = api.get("/config", headers={"X-Forwarded-Proto": "https"}).json()
            schemes.append(config["checkin_url"].split(":")[0])
        assert schemes == ["http", "https"]
    finally:
        remove(plain)
        remove(behind)


@pytest.fixture(scope="module")
def default_server() -> Any:
    """The shipped limits: only the demo venue is added."""
    server = start_server(None, "--demo-data")
    yield server
    remove(server)


def test_fifty_phones_behind_one_venue_wifi_check_in_within_a_minute(
    default_server: Server,
) -> None:
    numbers = [valid_number(f"9{i:02d}1013{i:03d}") for i in range(50)]
    assert len(set(numbers)) == 50
    codes = []
    with httpx.Client(base_url=default_server.url, timeout=30) as phone:
        for number in numbers:  # each phone opens the page, then checks in
            codes.append(phone.get("/v/DEMO").status_code)
            codes.append(phone.post("/v/DEMO", data={"iin": number}).status_code)
    assert codes == [200] * 100


def test_one_person_checks_in_once_in_a_while(default_server: Server) -> None:
    iin = DEMO_IINS[Status.BLUE][1]
    first = httpx.post(f"{default_server.url}/v/DEMO", data={"iin": iin, "lang": "en"})
    again = httpx.post(f"{default_server.url}/v/DEMO", data={"iin": iin, "lang": "en"})
    other = httpx.post(f"{default_server.url}/v/DEMO", data={"iin": DEMO_IINS[Status.RED][1]})
    assert (first.status_code, again.status_code, other.status_code) == (200, 429, 200)
    assert TEXTS["en"]["just_checked"] in again.text
    assert int(again.headers["retry-after"]) >= 1
    assert iin not in default_server.log_file.read_text(encoding="utf-8")


# --- security headers -------------------------------------------------------------------------


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_carries_security_headers(server: Server) -> None:
    pages = [
        httpx.get(f"{server.url}/v/DEMO"),
        httpx.get(f"{server.url}/v/NOWHERE"),
        httpx.post(f"{server.url}/v/DEMO", data={"iin": "123"}),
    ]
    for page in pages:
        assert page.headers["content-type"].startswith("text/html")
        csp = page.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["referrer-policy"] == "no-referrer"
        # the page's one script and one style block are the ones the policy names
        for tag, directive in (("script", "script-src"), ("style", "style-src")):
            blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", page.text, re.S)
            assert all(f"{directive} {_hash(block)}" in csp for block in blocks)
        assert " style=" not in page.text  # attributes would need 'unsafe-inline'
    for answer in (httpx.get(f"{server.url}/api/v1/health"),
                   httpx.get(f"{server.url}/api/v1/config"),
                   httpx.get(f"{server.url}/openapi.json")):  # fmt: skip
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]


def test_an_unexpected_error_is_a_500_without_its_details() -> None:
    async def broken(scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError("secret detail 900101300107")

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "method": "GET", "path": "/x", "headers": [], "query_string": b""}
    asyncio.run(CatchAll(broken)(scope, receive, send))
    assert sent[0]["status"] == 500
    body = b"".join(m.get("body", b"") for m in sent[1:])
    assert b'"code":"internal"' in body and b"secret" not in body


# --- the OpenAPI document says what the server answers ----------------------------------------


def test_openapi_lists_the_statuses_the_server_returns(server: Server) -> None:
    doc = httpx.get(f"{server.url}/openapi.json").json()
    paths = doc["paths"]
    stream = paths["/api/v1/checkins/stream"]["get"]["responses"]
    assert "401" in stream and "text/event-stream" in stream["200"]["content"]
    for method in ("get", "post"):
        page = paths["/v/{venue_code}"][method]["responses"]
        assert {"200", "400", "404", "429"} <= set(page)
        assert all("text/html" in page[s]["content"] for s in ("200", "400", "404", "429"))
    form = paths["/v/{venue_code}"]["post"]["requestBody"]["content"]
    assert "application/x-www-form-urlencoded" in form
    error = {"$ref": "#/components/schemas/ErrorBody"}
    for path, methods in paths.items():
        if not path.startswith("/api/v1/") or path == "/api/v1/health":
            continue
        for method, operation in methods.items():
            for status in ("401", "413", "422") if path != "/api/v1/enroll" else ("413", "422"):
                content = operation["responses"][status]["content"]["application/json"]
                assert content["schema"] == error, (method, path, status)
