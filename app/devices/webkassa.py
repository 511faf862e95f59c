"""Webkassa, a cloud online cash register used by Kazakh box offices, over its public HTTP API.

The API (version 4) is JSON over POST. Every answer is an envelope ``{"Data": {...}, "Errors":
[{"Code": n, "Text": "..."}]}`` with HTTP 200 also for business errors, so the envelope, not the
status, says what happened. The calls used here:

- ``Authorize`` with ``Login``/``Password`` gives a session ``Token``, sent in the body of every
  later call; the session expires (error 2) and is then renewed and the call retried once.
- ``Check`` with ``OperationType`` 3 ("return of sale") registers a return cheque. Its
  ``ExternalCheckNumber`` is the idempotency key: sent again, the register answers error 14 with
  the cheque it already made, which counts as success (``FiscalAnswer.repeated``).
- ``XReport`` and ``ZReport`` give the shift's totals and close the shift.

Every request carries the integration's API key in the ``X-API-KEY`` header. Credentials come from
the keyring (app.sync.secrets); neither they nor the token are logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.devices.fiscal import (
    ChequeRefused,
    FiscalAnswer,
    RegisterUnavailable,
    ReportKind,
    ReturnCheque,
    ShiftReport,
)

log = logging.getLogger(__name__)

SELL_RETURN = 3  # OperationType: 0 purchase, 1 purchase return, 2 sale, 3 sale return
CASH = 0  # PaymentType: 0 cash, 1 card, 4 mobile
PIECE = 796  # UnitCode: piece
NO_VAT = 0  # TaxType

SESSION_EXPIRED = 2
DUPLICATE = 14
# errors that are about this cheque: sending it again unchanged would fail again
CHEQUE_ERRORS = frozenset({9, 16})


def tenge(tiyn: int) -> float:
    """Webkassa counts money in tenge with two decimals."""
    return round(tiyn / 100, 2)


@dataclass
class WebkassaRegister:
    base_url: str
    cashbox: str  # CashboxUniqueNumber, e.g. SWK00030725
    login: str = field(repr=False)
    password: str = field(repr=False)
    api_key: str = field(default="", repr=False)
    timeout_s: float = 15.0
    transport: httpx.BaseTransport | None = None
    name: str = "webkassa"
    _token: str = field(default="", repr=False)

    # --- the public operations ---------------------------------------------------------------

    def return_cheque(self, cheque: ReturnCheque) -> FiscalAnswer:
        body = {
            "CashboxUniqueNumber": self.cashbox,
            "OperationType": SELL_RETURN,
            "Positions": [
                {
                    "Count": 1,
                    "Price": tenge(line.price_tiyn),
                    "Tax": 0,
                    "TaxPercent": 0,
                    "TaxType": NO_VAT,
                    "PositionName": line.name[:200],
                    "PositionCode": line.code,
                    "UnitCode": PIECE,
                }
                for line in cheque.lines
            ],
            "Payments": [{"Sum": tenge(cheque.total_tiyn), "PaymentType": CASH}],
            "Change": 0,
            "RoundType": 2,
            "ExternalCheckNumber": cheque.external_id,
        }
        data, errors = self._call("Check", body)
        codes = {error[0] for error in errors}
        if DUPLICATE in codes:
            if not data:
                raise ChequeRefused("wk_14", "The register knows this cheque but sent no data.")
            return _answer(data, repeated=True)
        if errors:
            code, text = errors[0]
            if code in CHEQUE_ERRORS:
                raise ChequeRefused(f"wk_{code}", text)
            raise RegisterUnavailable(f"wk_{code}", text)
        if not data or not data.get("CheckNumber"):
            raise RegisterUnavailable("bad_answer", "The register's answer has no fiscal sign.")
        return _answer(data, repeated=False)

    def x_report(self) -> ShiftReport:
        return self._report("x")

    def z_report(self) -> ShiftReport:
        return self._report("z")

    # --- the wire ----------------------------------------------------------------------------

    def _report(self, kind: ReportKind) -> ShiftReport:
        data, errors = self._call(
            "XReport" if kind == "x" else "ZReport", {"CashboxUniqueNumber": self.cashbox}
        )
        if errors:
            code, text = errors[0]
            raise RegisterUnavailable(f"wk_{code}", text)
        data = data or {}
        count = data.get("DocumentCount")
        return ShiftReport(
            kind=kind,
            shift_number=str(data.get("ShiftNumber", "")),
            document_count=int(count) if isinstance(count, int) else None,
            details={k: v for k, v in data.items() if k != "Token"},
        )

    def authorize(self) -> None:
        if not self.login or not self.password:
            raise RegisterUnavailable("no_credentials", "No Webkassa login in the keyring.")
        data, errors = self._post("Authorize", {"Login": self.login, "Password": self.password})
        if errors or not data or not data.get("Token"):
            code, text = errors[0] if errors else (0, "no token in the answer")
            raise RegisterUnavailable(f"wk_auth_{code}", text)
        self._token = str(data["Token"])

    def _call(
        self, method: str, body: dict[str, Any]
    ) -> tuple[dict[str, Any] | None, list[tuple[int, str]]]:
        """Call with the session token; an expired session is renewed and the call made again
        once (with the same body, so a cheque keeps its idempotency key)."""
        if not self._token:
            self.authorize()
        data, errors = self._post(method, {**body, "Token": self._token})
        if any(code == SESSION_EXPIRED for code, _ in errors):
            log.info("webkassa: session expired, authorising again")
            self._token = ""
            self.authorize()
            data, errors = self._post(method, {**body, "Token": self._token})
        return data, errors

    def _post(
        self, method: str, body: dict[str, Any]
    ) -> tuple[dict[str, Any] | None, list[tuple[int, str]]]:
        url = f"{self.base_url.rstrip('/')}/api/v4/{method}"
        headers = {"X-API-KEY": self.api_key} if self.api_key else {}
        try:
            with httpx.Client(timeout=self.timeout_s, transport=self.transport) as client:
                response = client.post(url, json=body, headers=headers)
        except httpx.TimeoutException:
            raise RegisterUnavailable(
                "timeout", f"Webkassa did not answer {method} in time."
            ) from None
        except httpx.HTTPError as exc:
            raise RegisterUnavailable(
                "network", f"Webkassa {method}: {type(exc).__name__}"
            ) from None
        if response.status_code >= 400:
            raise RegisterUnavailable(f"http_{response.status_code}", f"Webkassa {method} failed.")
        try:
            envelope = response.json()
        except ValueError:
            raise RegisterUnavailable("bad_answer", f"Webkassa {method}: not JSON.") from None
        if not isinstance(envelope, dict):
            raise RegisterUnavailable("bad_answer", f"Webkassa {method}: not an envelope.")
        data = envelope.get("Data")
        errors = [
            (int(e.get("Code", -1)), str(e.get("Text", "")))
            for e in envelope.get("Errors") or []
            if isinstance(e, dict)
        ]
        return (data if isinstance(data, dict) else None), errors


def _answer(data: dict[str, Any], *, repeated: bool) -> FiscalAnswer:
    cashbox = data.get("Cashbox") or {}
    return FiscalAnswer(
        fiscal_sign=str(data.get("CheckNumber", "")),
        check_number=str(data.get("CheckOrderNumber", "")),
        shift_number=str(data.get("ShiftNumber", "")),
        ofd_url=str(data.get("TicketUrl", "")),
        register_serial=str(cashbox.get("UniqueNumber", "")),
        register_number=str(cashbox.get("RegistrationNumber", "")),
        registered_at=str(data.get("DateTime", "")),
        offline=bool(data.get("OfflineMode", False)),
        repeated=repeated,
    )
