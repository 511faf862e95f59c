"""The visitor page behind the venue's QR poster, and the door's live stream of check-ins."""

from __future__ import annotations

import base64
import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.core.pseudonym import pseudonym
from app.core.statuses import Status
from central.demo import DEMO_IINS
from central.visitor_texts import TEXTS
from tests import timing
from tests.central.harness import Server, remove, start_server


def read_events(server: Server, token: str, found: list[dict[str, Any]], ready: threading.Event,
                want: int, headers: dict[str, str] | None = None) -> None:  # fmt: skip
    """Collect `want` check-in events from the stream (runs in a thread)."""
    with server.client(token) as api, api.stream("GET", "/checkins/stream", headers=headers,
                                                  timeout=20) as reply:  # fmt: skip
        assert reply.status_code == 200
        assert reply.headers["content-type"].startswith("text/event-stream")
        event: dict[str, Any] = {}
        for line in reply.iter_lines():
            if line.startswith("retry:"):
                ready.set()
            elif line.startswith("id:"):
                event["id"] = line[3:].strip()
            elif line.startswith("data:"):
                event["data"] = json.loads(line[5:])
            elif line == "" and "data" in event:
                found.append(event)
                event = {}
                if len(found) >= want:
                    return


def test_a_visitor_check_in_reaches_the_door_stream(
    server: Server, station: dict[str, str]
) -> None:
    found: list[dict[str, Any]] = []
    ready = threading.Event()
    reader = threading.Thread(target=read_events, args=(server, station["token"], found, ready, 2))
    reader.start()
    assert ready.wait(timing.seconds(20))
    iin_blue, iin_red = DEMO_IINS[Status.BLUE][0], DEMO_IINS[Status.RED][0]
    page = httpx.post(f"{server.url}/v/DEMO", data={"iin": iin_blue, "lang": "ru"})
    httpx.post(f"{server.url}/v/demo", data={"iin": iin_red, "lang": "en"})
    reader.join(timing.seconds(30))
    assert page.status_code == 200 and TEXTS["ru"]["blue"] in page.text
    key = base64.b64decode(station["pseudonym_key"])
    assert [e["data"]["status"] for e in found] == ["blue", "red"]
    assert found[0]["data"]["person"] == pseudonym(key, iin_blue)
    # A door that reconnects with Last-Event-ID gets what came after, nothing before.
    again: list[dict[str, Any]] = []
    ready2 = threading.Event()
    resumed = threading.Thread(
        target=read_events,
        args=(server, station["token"], again, ready2, 1, {"Last-Event-ID": found[0]["id"]}),
    )
    resumed.start()
    resumed.join(30)
    assert [e["data"]["status"] for e in again] == ["red"]


def test_the_page_refuses_a_wrong_iin_and_stores_nothing(sqlite_server: Server) -> None:
    reply = httpx.post(f"{sqlite_server.url}/v/DEMO", data={"iin": "900101300107", "lang": "kk"})
    assert reply.status_code == 400
    assert TEXTS["kk"]["err_check"] in reply.text
    assert 'id="verdict"' not in reply.text
    assert httpx.get(f"{sqlite_server.url}/v/NOWHERE").status_code == 404


def test_the_page_speaks_the_phones_language(sqlite_server: Server) -> None:
    for header, lang in [("kk-KZ,kk;q=0.9", "kk"), ("en-US,en;q=0.9", "en"), ("de-DE", "ru")]:
        page = httpx.get(f"{sqlite_server.url}/v/DEMO", headers={"Accept-Language": header})
        assert f'<html lang="{lang}">' in page.text
        assert TEXTS[lang]["button"] in page.text


def test_the_page_is_rate_limited_per_client() -> None:
    server = start_server(None, "--demo-data", "--visitor-rate", "0.01", "--visitor-burst", "3",
                          "--visitor-person-interval", "0", "--trusted-proxy", "127.0.0.1")  # fmt: skip
    try:
        iin = DEMO_IINS[Status.GREEN][0]
        codes = [httpx.post(f"{server.url}/v/DEMO", data={"iin": iin, "lang": "en"}).status_code
                 for _ in range(5)]  # fmt: skip
        other = httpx.post(f"{server.url}/v/DEMO", data={"iin": iin, "lang": "en"},
                           headers={"X-Forwarded-For": "10.1.2.3"})  # fmt: skip
    finally:
        remove(server)
    assert codes == [200, 200, 200, 429, 429]
    assert other.status_code == 200  # behind the trusted proxy, another visitor's phone


# --- a real browser ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser_factory() -> Iterator[Any]:
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("chromium and chromium-driver (Debian packages) are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    made: list[tuple[Any, str]] = []

    def make(accept_language: str = "ru") -> Any:
        profile = tempfile.mkdtemp(prefix="ashyq-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run",
                     "--disable-dev-shm-usage", f"--user-data-dir={profile}"):  # fmt: skip
            options.add_argument(flag)
        options.add_experimental_option("prefs", {"intl.accept_languages": accept_language})
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        driver.set_page_load_timeout(30)
        made.append((driver, profile))
        return driver

    yield make
    for driver, profile in made:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.parametrize(
    ("lang", "status"), [("kk", Status.GREEN), ("ru", Status.YELLOW), ("en", Status.RED)]
)
def test_a_visitor_types_an_iin_and_sees_their_colour(
    sqlite_server: Server, browser_factory: Any, lang: str, status: Status
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser_factory(accept_language={"kk": "kk", "ru": "ru", "en": "en-US"}[lang])
    driver.get(f"{sqlite_server.url}/v/DEMO")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    field = driver.find_element(By.ID, "iin")
    field.send_keys("9001013001")  # too short: the phone says so, nothing is sent
    driver.find_element(By.ID, "go").click()
    assert driver.find_element(By.ID, "err").text == TEXTS[lang]["err_length"]
    assert driver.find_elements(By.ID, "verdict") == []
    field.clear()
    iin = DEMO_IINS[status][0]
    field.send_keys(f"{iin[:6]} {iin[6:]}")
    driver.find_element(By.ID, "go").click()
    verdict = WebDriverWait(driver, 15).until(ec.presence_of_element_located((By.ID, "verdict")))
    assert verdict.get_attribute("data-status") == status.value
    assert driver.find_element(By.ID, "word").text == TEXTS[lang][status.value]
    assert verdict.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    assert iin not in driver.current_url and iin not in driver.page_source


def test_the_language_switch_and_a_mistyped_digit_in_the_browser(
    sqlite_server: Server, browser_factory: Any
) -> None:
    from selenium.webdriver.common.by import By

    driver = browser_factory("ru")
    driver.get(f"{sqlite_server.url}/v/DEMO")
    driver.find_element(By.ID, "lang-kk").click()
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
    assert driver.find_element(By.ID, "go").text == TEXTS["kk"]["button"]
    driver.find_element(By.ID, "iin").send_keys("900101300107")
    driver.find_element(By.ID, "go").click()
    assert driver.find_element(By.ID, "err").text == TEXTS["kk"]["err_check"]
    assert driver.find_elements(By.ID, "verdict") == []
