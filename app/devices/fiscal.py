"""The station's fiscal register as the console sees it: return cheques and shift reports.

In Kazakhstan money paid back at a cash desk is a fiscal "return of sale" cheque made by an
online cash register (KKM) that reports to a fiscal data operator (OFD). Box offices usually rent a
cloud register (Webkassa) instead of owning a device, so the register is an HTTP service that
may be down, slow or unreachable; the console queues cheques (app.services.fiscal) and talks to
the register only through this small interface. `NoRegister` is the station without one: its
receipts say plainly that they are not fiscal cheques.

Errors come in two kinds, because the queue must treat them differently:
- `RegisterUnavailable`: nothing is wrong with the cheque (timeout, network, register down,
  credentials missing or refused, shift over 24 hours). It stays queued and is sent again later
  with the same idempotency key.
- `ChequeRefused`: the register refused this cheque itself (its data did not validate). Sending
  it again would fail again, so it is set aside for a manager.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

ReportKind = Literal["x", "z"]


@dataclass(frozen=True, slots=True)
class ChequeLine:
    name: str  # printed on the register's cheque: ticket and session, never a person
    code: str
    price_tiyn: int


@dataclass(frozen=True, slots=True)
class ReturnCheque:
    """A "return of sale" cheque: what goes back to the customer, paid in cash."""

    external_id: str  # the idempotency key: the same key never makes a second cheque
    lines: tuple[ChequeLine, ...]

    def __post_init__(self) -> None:
        if not self.external_id or len(self.external_id) > 50:
            raise ValueError("an external cheque id has 1 to 50 characters")
        if not self.lines or any(line.price_tiyn <= 0 for line in self.lines):
            raise ValueError("a return cheque needs lines with positive amounts")

    @property
    def total_tiyn(self) -> int:
        return sum(line.price_tiyn for line in self.lines)


@dataclass(frozen=True, slots=True)
class FiscalAnswer:
    """What the register answered for a cheque: everything the receipt prints."""

    fiscal_sign: str
    check_number: str
    shift_number: str
    ofd_url: str
    register_serial: str
    register_number: str
    registered_at: str = ""
    offline: bool = False  # the register itself kept it to forward to the OFD later
    repeated: bool = False  # the key was known: this is the cheque made the first time


@dataclass(frozen=True, slots=True)
class ShiftReport:
    kind: ReportKind
    shift_number: str
    document_count: int | None = None
    details: dict[str, Any] = field(default_factory=dict)


class RegisterUnavailable(Exception):
    """The register did not take the request; nothing about the cheque itself is wrong."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class ChequeRefused(Exception):
    """The register refused this cheque; sending it again as it is would not help."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class FiscalRegister(Protocol):
    name: str

    def return_cheque(self, cheque: ReturnCheque) -> FiscalAnswer:
        """Register the cheque, or answer the cheque already registered under its key."""

    def x_report(self) -> ShiftReport:
        """The shift's totals so far; the shift stays open."""

    def z_report(self) -> ShiftReport:
        """Close the register's shift."""


class NoRegister:
    """A station without an online cash register: nothing is queued, receipts say NON-FISCAL."""

    name = "none"

    def return_cheque(self, cheque: ReturnCheque) -> FiscalAnswer:
        raise RegisterUnavailable("no_register", "This station has no fiscal register.")

    def x_report(self) -> ShiftReport:
        raise RegisterUnavailable("no_register", "This station has no fiscal register.")

    def z_report(self) -> ShiftReport:
        raise RegisterUnavailable("no_register", "This station has no fiscal register.")
