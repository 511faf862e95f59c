"""Contract tests of the Webkassa client against a loopback register that answers as the public
API describes (tests/unit/webkassa_fake.py): request and answer shapes, errors, an expired
session, a timeout, a repeated idempotency key, shift reports."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from app.devices.fiscal import ChequeLine, ChequeRefused, RegisterUnavailable, ReturnCheque
from app.devices.webkassa import WebkassaRegister
from tests import timing
from tests.unit.webkassa_fake import (
    API_KEY,
    CASHBOX,
    LOGIN,
    PASSWORD,
    REGISTRATION,
    WebkassaServer,
)


@pytest.fixture
def server() -> Iterator[WebkassaServer]:
    with WebkassaServer() as running:
        yield running


def register(server: WebkassaServer, **changes: object) -> WebkassaRegister:
    fields: dict[str, object] = {"login": LOGIN, "password": PASSWORD, "api_key": API_KEY,
                                 "timeout_s": timing.seconds(5)}  # fmt: skip
    fields.update(changes)
    return WebkassaRegister(server.url, CASHBOX, **fields)  # type: ignore[arg-type]


def cheque(key: str = "ashyq-0001", *amounts: int) -> ReturnCheque:
    amounts = amounts or (230_000, 150_000)
    lines = tuple(
        ChequeLine(f"RC000{i} Абай жолы", f"RC000{i}", tiyn) for i, tiyn in enumerate(amounts, 1)
    )
    return ReturnCheque(external_id=key, lines=lines)


def test_a_return_cheque_is_sent_as_documented_and_its_answer_read(server: WebkassaServer) -> None:
    answer = register(server).return_cheque(cheque())
    (auth,) = server.fake.calls("Authorize")
    assert auth == {"Login": LOGIN, "Password": PASSWORD}
    (body,) = server.fake.calls("Check")
    assert body["Token"] == "token-0001" and body["CashboxUniqueNumber"] == CASHBOX
    assert body["OperationType"] == 3  # return of sale
    assert body["ExternalCheckNumber"] == "ashyq-0001"
    assert [(p["Count"], p["Price"], p["PositionCode"]) for p in body["Positions"]] == [
        (1, 2300.0, "RC0001"), (1, 1500.0, "RC0002")
    ]  # fmt: skip
    assert body["Payments"] == [{"Sum": 3800.0, "PaymentType": 0}]  # cash, in tenge
    headers = [h for name, _, h in server.fake.requests]
    assert all(h.get("X-API-KEY") == API_KEY for h in headers)
    assert answer.fiscal_sign == "2871349956" and answer.check_number == "1"
    assert answer.shift_number == "214"
    assert answer.register_serial == CASHBOX and answer.register_number == REGISTRATION
    assert answer.ofd_url.startswith("https://consumer.oofd.kz/?i=2871349956")
    assert not answer.repeated and not answer.offline


def test_the_session_token_is_kept_between_cheques(server: WebkassaServer) -> None:
    wk = register(server)
    wk.return_cheque(cheque("ashyq-0001"))
    second = wk.return_cheque(cheque("ashyq-0002"))
    assert len(server.fake.calls("Authorize")) == 1
    assert second.check_number == "2" and second.fiscal_sign == "2871349957"


def test_an_expired_session_is_renewed_and_the_call_made_once_more(server: WebkassaServer) -> None:
    wk = register(server)
    wk.return_cheque(cheque("ashyq-0001"))
    server.fake.expire_tokens()
    answer = wk.return_cheque(cheque("ashyq-0002"))
    assert len(server.fake.calls("Authorize")) == 2
    checks = server.fake.calls("Check")
    assert [c["Token"] for c in checks] == ["token-0001", "token-0001", "token-0002"]
    assert checks[1]["ExternalCheckNumber"] == checks[2]["ExternalCheckNumber"] == "ashyq-0002"
    assert answer.check_number == "2" and len(server.fake.cheques) == 2


def test_a_session_that_expires_again_is_not_retried_forever(server: WebkassaServer) -> None:
    wk = register(server)
    original = server.fake.answer

    def always_expired(method: str, body: dict[str, object]) -> dict[str, object]:
        if method == "Authorize":
            return original(method, body)
        return {"Errors": [{"Code": 2, "Text": "Срок действия сессии истек"}]}

    server.fake.answer = always_expired  # type: ignore[method-assign]
    with pytest.raises(RegisterUnavailable) as caught:
        wk.return_cheque(cheque())
    assert caught.value.code == "wk_2" and len(server.fake.calls("Check")) == 2


def test_wrong_credentials_stop_before_any_cheque_is_sent(server: WebkassaServer) -> None:
    with pytest.raises(RegisterUnavailable) as caught:
        register(server, password="wrong").return_cheque(cheque())
    assert caught.value.code == "wk_auth_1" and "логин" in caught.value.message
    assert server.fake.calls("Check") == []


def test_no_credentials_in_the_keyring_is_said_without_calling(server: WebkassaServer) -> None:
    with pytest.raises(RegisterUnavailable) as caught:
        register(server, login="", password="").return_cheque(cheque())
    assert caught.value.code == "no_credentials" and server.fake.requests == []


def test_the_same_external_number_answers_the_same_cheque(server: WebkassaServer) -> None:
    wk = register(server)
    first = wk.return_cheque(cheque("ashyq-0007"))
    again = register(server).return_cheque(cheque("ashyq-0007"))  # another process, new token
    assert again.repeated and not first.repeated
    assert (again.fiscal_sign, again.check_number, again.ofd_url) == (
        first.fiscal_sign, first.check_number, first.ofd_url
    )  # fmt: skip
    assert len(server.fake.cheques) == 1


def test_a_cheque_the_register_refuses_is_refused_not_retried(server: WebkassaServer) -> None:
    bad = ReturnCheque("ashyq-0008", (ChequeLine("  ", "RC0001", 100_000),))
    with pytest.raises(ChequeRefused) as caught:
        register(server).return_cheque(bad)
    assert caught.value.code == "wk_9" and server.fake.cheques == {}


def test_a_timeout_is_unavailable_and_the_resend_gets_the_cheque_made_meanwhile(
    server: WebkassaServer,
) -> None:
    server.fake.hold = threading.Event()
    slow = register(server, timeout_s=0.5)  # short on purpose: the register holds its answer
    with pytest.raises(RegisterUnavailable) as caught:
        slow.return_cheque(cheque("ashyq-0009"))
    assert caught.value.code == "timeout"
    assert len(server.fake.cheques) == 1  # the register made it; the console does not know yet
    server.fake.hold.set()
    server.fake.hold = None
    answer = register(server).return_cheque(cheque("ashyq-0009"))
    assert answer.repeated and answer.fiscal_sign == "2871349956"
    assert len(server.fake.cheques) == 1


def test_a_register_that_is_down_or_unreachable_is_unavailable(server: WebkassaServer) -> None:
    server.fake.down = True
    with pytest.raises(RegisterUnavailable) as caught:
        register(server).return_cheque(cheque())
    assert caught.value.code == "http_503"
    gone = WebkassaRegister("http://127.0.0.1:9", CASHBOX, login=LOGIN, password=PASSWORD)
    with pytest.raises(RegisterUnavailable) as caught:
        gone.return_cheque(cheque())
    assert caught.value.code == "network"


def test_a_shift_over_24_hours_keeps_the_cheque_waiting(server: WebkassaServer) -> None:
    server.fake.shift_over_24h = True
    with pytest.raises(RegisterUnavailable) as caught:
        register(server).return_cheque(cheque())
    assert caught.value.code == "wk_11"


def test_x_and_z_reports_read_the_shift_and_z_closes_it(server: WebkassaServer) -> None:
    wk = register(server)
    wk.return_cheque(cheque("ashyq-0001"))
    x = wk.x_report()
    assert (x.kind, x.shift_number, x.document_count) == ("x", "214", 1)
    assert server.fake.calls("XReport")[0]["CashboxUniqueNumber"] == CASHBOX
    z = wk.z_report()
    assert (z.kind, z.shift_number, z.document_count) == ("z", "214", 1)
    assert wk.return_cheque(cheque("ashyq-0002")).shift_number == "215"


def test_the_password_and_token_stay_out_of_repr(server: WebkassaServer) -> None:
    wk = register(server)
    wk.return_cheque(cheque())
    assert PASSWORD not in repr(wk) and "token-0001" not in repr(wk) and API_KEY not in repr(wk)
