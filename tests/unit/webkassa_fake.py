"""A Webkassa cloud register on loopback that answers as its public API (v4) describes.

Only what the console uses: ``Authorize``, ``Check`` (return of sale), ``XReport``, ``ZReport``;
JSON envelopes ``{"Data": ..., "Errors": [{"Code", "Text"}]}`` with HTTP 200 for business errors;
the token in the request body and the integration's key in the ``X-API-KEY`` header; error 2 for
an expired session, 9 for a request that does not validate, 14 with the first cheque's data for a
repeated ``ExternalCheckNumber``, 11 for a shift open more than 24 hours.

Knobs for the tests: `expire_tokens()`, `hold` (register the cheque, then answer only when the
event is set: a timeout or a console killed while waiting), `down` (HTTP 503), `shift_over_24h`.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LOGIN, PASSWORD, API_KEY = "cashier@venue.kz", "s3cret-Pass", "integration-key-1"
CASHBOX, REGISTRATION = "SWK00031455", "010100234567"


@dataclass
class FakeWebkassa:
    tokens: dict[str, bool] = field(default_factory=dict)  # token -> still valid
    cheques: dict[str, dict[str, Any]] = field(default_factory=dict)  # by ExternalCheckNumber
    requests: list[tuple[str, dict[str, Any], dict[str, str]]] = field(default_factory=list)
    shift: int = 214
    in_shift: int = 0
    down: bool = False
    shift_over_24h: bool = False
    hold: threading.Event | None = None
    received: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def expire_tokens(self) -> None:
        with self.lock:
            for token in self.tokens:
                self.tokens[token] = False

    def calls(self, method: str) -> list[dict[str, Any]]:
        return [body for name, body, _ in self.requests if name == method]

    # --- the API ------------------------------------------------------------------------------

    def answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "Authorize":
            if body.get("Login") == LOGIN and body.get("Password") == PASSWORD:
                token = f"token-{len(self.tokens) + 1:04d}"
                self.tokens[token] = True
                return {"Data": {"Token": token}}
            return _error(1, "Неверный логин или пароль")
        token = body.get("Token")
        if token not in self.tokens:
            return _error(3, "Необходимо авторизоваться")
        if not self.tokens[token]:
            return _error(2, "Срок действия сессии истек")
        if body.get("CashboxUniqueNumber") != CASHBOX:
            return _error(6, "Касса не найдена")
        if method == "Check":
            return self._check(body)
        if method == "XReport":
            return {"Data": self._report()}
        if method == "ZReport":
            data = self._report() | {"CloseDate": "22.11.2026 23:59:00"}
            self.shift, self.in_shift = self.shift + 1, 0
            return {"Data": data}
        return _error(-1, "Неизвестный метод")

    def _check(self, body: dict[str, Any]) -> dict[str, Any]:
        external = body.get("ExternalCheckNumber")
        if external in self.cheques:
            return {"Data": self.cheques[external], **_error(14, "Чек с таким номером уже есть")}
        problem = _invalid(body)
        if problem:
            return _error(9, problem)
        if self.shift_over_24h:
            return _error(11, "Продолжительность смены превысила 24 часа")
        self.in_shift += 1
        total = sum(p["Count"] * p["Price"] for p in body["Positions"])
        sign = str(2871349956 + len(self.cheques))
        data = {
            "CheckNumber": sign,
            "DateTime": "22.11.2026 18:05:09",
            "OfflineMode": False,
            "CashboxOfflineMode": False,
            "Cashbox": {"UniqueNumber": CASHBOX, "RegistrationNumber": REGISTRATION,
                        "IdentityNumber": "2307", "Address": "Almaty, Al-Farabi ave. 77/8"},
            "CheckOrderNumber": self.in_shift,
            "ShiftNumber": self.shift,
            "EmployeeName": LOGIN,
            "TicketUrl": f"https://consumer.oofd.kz/?i={sign}&f={REGISTRATION}&s={total:.2f}",
            "Total": total,
        }  # fmt: skip
        self.cheques[external] = data
        return {"Data": data}

    def _report(self) -> dict[str, Any]:
        returns = [c for c in self.cheques.values() if c["ShiftNumber"] == self.shift]
        return {"ShiftNumber": self.shift, "DocumentCount": len(returns),
                "SumReturnSale": sum(c["Total"] for c in returns)}  # fmt: skip


def _error(code: int, text: str) -> dict[str, Any]:
    return {"Errors": [{"Code": code, "Text": text}]}


def _invalid(body: dict[str, Any]) -> str:
    """The request's shape as the API documents it; the reason it fails, or ""."""
    if body.get("OperationType") not in (0, 1, 2, 3):
        return "OperationType"
    external = body.get("ExternalCheckNumber")
    if not isinstance(external, str) or not 0 < len(external) <= 50:
        return "ExternalCheckNumber"
    positions, payments = body.get("Positions"), body.get("Payments")
    if not positions or not payments:
        return "Positions and Payments are required"
    for p in positions:
        for name, kind in (("Count", (int, float)), ("Price", (int, float)),
                           ("PositionName", str), ("TaxType", int), ("UnitCode", int)):  # fmt: skip
            if not isinstance(p.get(name), kind):
                return f"Positions.{name}"
        if not p["PositionName"].strip():
            return "Positions.PositionName"
        if p["Price"] <= 0 or round(p["Price"], 2) != p["Price"]:
            return "Positions.Price"
    for pay in payments:
        if pay.get("PaymentType") not in (0, 1, 4) or not isinstance(pay.get("Sum"), int | float):
            return "Payments"
    total = round(sum(p["Count"] * p["Price"] for p in positions), 2)
    if round(sum(pay["Sum"] for pay in payments), 2) != total:
        return "Payments do not add up to the positions"
    return ""


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        fake = self.server.fake
        method = self.path.removeprefix("/api/v4/")
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        with fake.lock:
            fake.requests.append((method, body, dict(self.headers)))
            if fake.down:
                self.send_response(503)
                self.end_headers()
                return
            if self.headers.get("X-API-KEY") != API_KEY:
                answer = _error(3, "Неверный ключ API")
            else:
                answer = fake.answer(method, body)
        if method == "Check":
            fake.received.set()
            if fake.hold is not None:
                fake.hold.wait(timeout=120)  # answers late, or to a client already gone
        payload = json.dumps(answer, ensure_ascii=False).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            pass  # the client timed out or was killed

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeWebkassa


class WebkassaServer:
    """Runs a FakeWebkassa on 127.0.0.1 in a thread; `url` is its base address."""

    def __init__(self) -> None:
        self.fake = FakeWebkassa()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self.fake
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> WebkassaServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fake.hold is not None:
            self.fake.hold.set()
        self._server.shutdown()
        self._server.server_close()
