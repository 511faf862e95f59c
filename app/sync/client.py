"""The console's HTTP client for `ashyq-central`: typed calls in, protocol models out.

Every failure becomes one `SyncError` with a stable code, because the callers (outbox, provider
chain, CLI) decide what to do by kind, not by exception class: retry later (offline, timeout,
server_error, rate_limited, bad_response), ask a person (unauthorized), or give up on that one
record and say why (rejected, with the server's own sentence).

TLS verification stays on; a venue with its own certificate authority passes its CA file. The
bearer token is handed in (read from the keyring by `from_keyring`) and never logged: httpx logs
request lines only, and a filter below blanks IINs in them, because a status lookup carries the
IIN in its path.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import logging
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from app.sync import protocol as p

T = TypeVar("T", bound=BaseModel)

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)
RETRYABLE = frozenset({"offline", "timeout", "server_error", "rate_limited", "bad_response"})

_IIN_RUN = re.compile(r"(?<!\d)\d{12}(?!\d)")


class _RedactIins(logging.Filter):
    """httpx logs every request URL at INFO; a status lookup's URL holds an IIN."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if _IIN_RUN.search(text):
            record.msg = _IIN_RUN.sub("<iin>", text)
            record.args = None
        return True


for _name in ("httpx", "httpcore"):
    _logger = logging.getLogger(_name)
    if not any(isinstance(f, _RedactIins) for f in _logger.filters):
        _logger.addFilter(_RedactIins())


class SyncError(Exception):
    """A call to the central server failed; `code` says what kind of failure it was."""

    def __init__(
        self,
        code: str,
        message: str,
        status_code: int | None = None,
        retry_after_s: int = 0,
        server_code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status_code = status_code
        self.retry_after_s = retry_after_s
        self.server_code = server_code  # the ErrorBody code of a refusal, e.g. "invalid"

    @property
    def retryable(self) -> bool:
        """True when the same request may succeed later unchanged (keep it in the outbox)."""
        return self.code in RETRYABLE

    def __repr__(self) -> str:
        return f"SyncError({self.code!r}, {self.message!r})"


def _server_message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return response.text[:200] or response.reason_phrase
    if isinstance(body, dict):
        if isinstance(body.get("message"), str):
            return str(body["message"])
        detail = body.get("detail")
        if isinstance(detail, str):
            return detail
        if isinstance(detail, dict) and isinstance(detail.get("message"), str):
            return str(detail["message"])
        if isinstance(detail, list) and detail:
            parts = []
            for item in detail[:3]:
                if isinstance(item, dict):
                    where = ".".join(str(x) for x in item.get("loc", []))
                    parts.append(f"{where}: {item.get('msg', '')}".strip(": "))
            if parts:
                return "; ".join(parts)
    return str(body)[:200]


_REENROLL = (
    "Ask a manager for a new enrollment code and enroll this station again "
    "(`ashyq enroll --server URL --code CODE`)."
)
# The server's codes for a credential it no longer accepts: a person must re-enroll the station.
CREDENTIAL_CODES = frozenset({"revoked", "token_expired", "forbidden_role", "unauthorized"})


def _server_code(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if isinstance(body, dict):
        detail = body.get("detail", body)  # FastAPI nests an HTTPException's body
        if isinstance(detail, dict) and isinstance(detail.get("code"), str) and detail["code"]:
            return str(detail["code"])[:64]
    return None


def _error_for(response: httpx.Response) -> SyncError:
    status = response.status_code
    message = _server_message(response)
    code = _server_code(response) if status in (401, 403) else None
    if code == "revoked":
        return SyncError("revoked", f"This station was revoked on the server. {_REENROLL}", status)
    if code == "token_expired":
        return SyncError("token_expired", f"This station's token has expired. {_REENROLL}", status)
    if code == "forbidden_role":
        return SyncError("forbidden_role", message, status)
    if status in (401, 403):
        return SyncError(
            "unauthorized",
            f"The server refused this station's credentials ({message}). Enroll the station again.",
            status,
        )
    if status == 429:
        return SyncError("rate_limited", f"The server asks to slow down: {message}", status)
    if status >= 500:
        return SyncError("server_error", f"The server failed ({status}): {message}", status)
    return SyncError("rejected", message, status, server_code=_server_code(response))


class CentralClient:
    """One station's connection to one central server (the primary or the fallback)."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        verify: bool | str = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"User-Agent": "ashyq-console"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.base_url = base_url.rstrip("/")
        # What the latest station-checked answer said (protocol's X-Station-Role and
        # X-Token-Expires headers); None until one arrived, or from a server without roles.
        self.station_role: p.StationRole | None = None
        self.token_expires_at: datetime | None = None
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=timeout,
            verify=verify,
            transport=transport,
            follow_redirects=False,
        )

    def set_token(self, token: str) -> None:
        """Use a new token from now on (after a rotation, once the keyring holds it)."""
        self._http.headers["Authorization"] = f"Bearer {token}"

    @classmethod
    def from_keyring(cls, base_url: str, profile: str = "default", **kwargs: Any) -> CentralClient:
        """A client carrying the token enrollment left in the OS keyring."""
        from app.sync import secrets

        return cls(base_url, secrets.token(profile), **kwargs)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing ---------------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: dict[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        kwargs: dict[str, Any] = {"headers": dict(headers or {})}
        if body is not None:
            kwargs["content"] = body.model_dump_json().encode("utf-8")
            kwargs["headers"]["Content-Type"] = "application/json"
        if params:
            kwargs["params"] = params
        if timeout is not None:
            kwargs["timeout"] = timeout
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException:
            raise SyncError("timeout", f"{self.base_url} did not answer in time.") from None
        except httpx.TransportError as exc:
            raise SyncError(
                "offline", f"Cannot reach {self.base_url} ({type(exc).__name__})."
            ) from None
        self._note_station(response.headers)
        return response

    def _note_station(self, headers: httpx.Headers) -> None:
        role, expires = headers.get(p.STATION_ROLE_HEADER), headers.get(p.TOKEN_EXPIRES_HEADER)
        with contextlib.suppress(ValueError):
            self.station_role = p.StationRole(role) if role else self.station_role
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(expires) if expires else None
            if moment is not None and moment.tzinfo is not None:
                self.token_expires_at = moment

    def _call(
        self,
        model: type[T],
        method: str,
        path: str,
        *,
        accept: tuple[int, ...] = (),
        **kwargs: Any,
    ) -> T:
        response = self._send(method, path, **kwargs)
        if response.is_success or response.status_code in accept:
            try:
                return model.model_validate_json(response.content)
            except ValidationError:
                if response.is_success:
                    raise SyncError(
                        "bad_response",
                        f"{self.base_url} answered something that is not the Ashyq API.",
                        response.status_code,
                    ) from None
        raise _error_for(response)

    # --- the API ----------------------------------------------------------------------------

    def health(self, *, timeout: float | None = None) -> dict[str, Any]:
        response = self._send("GET", f"{p.API_PREFIX}/health", timeout=timeout)
        if not response.is_success:
            raise _error_for(response)
        try:
            data = response.json()
        except json.JSONDecodeError:
            raise SyncError("bad_response", "health answer is not JSON") from None
        return data if isinstance(data, dict) else {"status": data}

    def enroll(self, code: str, station_name: str) -> p.EnrollResponse:
        """Spend a one-time code; a refused code (unknown, used, expired) says which it was."""
        request = p.EnrollRequest(code=code, station_name=station_name)
        headers = {p.FEATURES_HEADER: p.FEATURE_STATION_ROLES}
        response = self._send("POST", f"{p.API_PREFIX}/enroll", body=request, headers=headers)
        if response.status_code in (401, 403):
            raise SyncError("enrollment_refused", _server_message(response), response.status_code)
        if not response.is_success:
            raise _error_for(response)
        try:
            return p.EnrollResponse.model_validate_json(response.content)
        except ValidationError:
            raise SyncError("bad_response", "The enrollment answer is not the Ashyq API.") from None

    def status(self, iin: str, *, timeout: float | None = None) -> p.StatusAnswer:
        return self._call(
            p.StatusAnswer, "GET", f"{p.API_PREFIX}/status/{quote(iin, safe='')}", timeout=timeout
        )

    def status_by_passport(
        self, number: str, *, state: str | None = None, timeout: float | None = None
    ) -> p.StatusAnswer:
        """A passport's status by issuing state (ICAO code) and number; a server older than
        state keys ignores the state and answers by number."""
        path = f"{p.API_PREFIX}/status/passport/{quote(number, safe='')}"
        params = {"state": state} if state else None
        return self._call(p.StatusAnswer, "GET", path, params=params, timeout=timeout)

    def post_visits(self, events: Sequence[p.VisitEvent]) -> p.BatchResult:
        batch = p.VisitBatch(events=list(events))
        return self._call(p.BatchResult, "POST", f"{p.API_PREFIX}/visits", body=batch)

    def post_refunds(self, events: Sequence[p.RefundEvent]) -> p.BatchResult:
        batch = p.RefundBatch(events=list(events))
        return self._call(p.BatchResult, "POST", f"{p.API_PREFIX}/refunds", body=batch)

    def get_orders(self, since: datetime | None = None) -> p.OrdersPage:
        params = {"modified_since": since.isoformat()} if since is not None else None
        return self._call(p.OrdersPage, "GET", f"{p.API_PREFIX}/orders", params=params)

    def redeem(self, ticket_code: str, request: p.RedeemRequest) -> p.RedeemResponse:
        """A refusal (used, refunded, wrong session) is an answer, not an error: `ok` is False."""
        path = f"{p.API_PREFIX}/tickets/{quote(ticket_code, safe='')}/redeem"
        return self._call(p.RedeemResponse, "POST", path, body=request, accept=(404, 409, 410, 422))

    def approve(
        self, request: p.ApprovalRequest, *, timeout: float | None = None
    ) -> p.ApprovalAnswer:
        """A PIN checked by the server; a wrong one is SyncError "wrong_pin" (not unauthorized)."""
        path = f"{p.API_PREFIX}/approvals"
        response = self._send("POST", path, body=request, timeout=timeout)
        if response.status_code == 403 and _server_code(response) == "wrong_pin":
            raise SyncError("wrong_pin", _server_message(response), 403)
        if response.status_code == 429:
            retry = response.headers.get("Retry-After", "")
            wait = int(retry) if retry.isdigit() else 60
            raise SyncError("rate_limited", _server_message(response), 429, retry_after_s=wait)
        if not response.is_success:
            raise _error_for(response)
        try:
            return p.ApprovalAnswer.model_validate_json(response.content)
        except ValidationError:
            raise SyncError("bad_response", "The approval answer is not the Ashyq API.") from None

    def issue_pin_pepper(self) -> bytes:
        """This station's PIN pepper, handed out once (409 "rejected" when already issued)."""
        answer = self._call(p.PepperAnswer, "POST", f"{p.API_PREFIX}/pin-pepper")
        try:
            return base64.b64decode(answer.pin_pepper, validate=True)
        except (binascii.Error, ValueError):
            raise SyncError("bad_response", "The pepper answer is not base64.") from None

    def rotate_token(self) -> p.TokenRotation:
        """A new token; the one in use stays valid on the server until the new one is used."""
        return self._call(p.TokenRotation, "POST", f"{p.API_PREFIX}/token/rotate")

    def get_config(self) -> p.VenueConfig:
        return self._call(p.VenueConfig, "GET", f"{p.API_PREFIX}/config")

    def checkins(
        self, *, last_event_id: str | None = None, read_timeout: float | None = 60.0
    ) -> Iterator[p.CheckinOut]:
        """Visitors' own check-ins as the server streams them (server-sent events).

        The iterator ends when the server closes the stream; a SyncError says why it could not
        start or broke off. The caller reconnects with the last id it saw.
        """
        headers = {"Accept": "text/event-stream"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        timeout = httpx.Timeout(DEFAULT_TIMEOUT.connect or 3.0, read=read_timeout)
        try:
            with self._http.stream(
                "GET", f"{p.API_PREFIX}/checkins/stream", headers=headers, timeout=timeout
            ) as response:
                if not response.is_success:
                    response.read()
                    raise _error_for(response)
                yield from _parse_sse(response.iter_lines())
        except httpx.TimeoutException:
            raise SyncError("timeout", "The check-in stream went quiet.") from None
        except httpx.TransportError as exc:
            raise SyncError(
                "offline", f"The check-in stream broke ({type(exc).__name__})."
            ) from None


def _parse_sse(lines: Iterator[str]) -> Iterator[p.CheckinOut]:
    """Server-sent events: fields until a blank line; comments (":") are keep-alives."""
    event: str | None = None
    data: list[str] = []
    for line in lines:
        if line == "":
            if data and event in (None, "message", "checkin"):
                checkin = _checkin_or_none("\n".join(data))
                if checkin is not None:  # None: an event of a newer server; keep listening
                    yield checkin
            event, data = None, []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "data":
            data.append(value)
        elif field == "event":
            event = value


def _checkin_or_none(data: str) -> p.CheckinOut | None:
    try:
        return p.CheckinOut.model_validate_json(data)
    except ValidationError:
        return None
