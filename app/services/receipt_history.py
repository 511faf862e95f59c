"""The receipt history: find a receipt by number, order or day, see it, save it, print it again.

Every receipt the desk issued stays in the database with every printed field (its payload), so
this service never re-reads the refund: a receipt found years later renders exactly as it was
issued. What may change is the stamp: once an original has printed, whatever leaves the console
again (a reprint on paper, a PDF saved for the customer) is a COPY in the receipt's own language,
logged in `receipt_print` and audited (`ReceiptService.reprint`). A preview only shows what the
next print would produce and writes nothing.

Days are the venue's days (its time zone), as the cashier reads them on the receipt.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.documents.receipt import ReceiptSize, render_receipt_pdf
from app.models.receipts import Receipt
from app.models.refunds import Refund
from app.models.venue import Venue
from app.services.receipts import PrintOutcome, ReceiptRow, ReceiptService, SinkFormat
from app.services.shift import DeskError

DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class ReceiptEntry:
    """One line of the history; `total_tiyn` is the money returned to the card."""

    receipt_id: int
    number: int
    kind: str
    refund_id: uuid.UUID | None
    order_number: str
    created_at: datetime
    total_tiyn: int
    printed: bool  # an original has printed: anything printed now is a COPY
    attempts: int
    last_error: str

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind,
            "refund_id": str(self.refund_id) if self.refund_id else None,
            "order_number": self.order_number,
            "created_at": self.created_at.isoformat(),
            "total_tiyn": self.total_tiyn,
            "printed": self.printed,
            "print_attempts": self.attempts,
        }


@dataclass
class PdfFileSink:
    """One PDF file chosen by the user ("Save as PDF…", `ashyq receipt reprint --out`)."""

    path: Path
    size: ReceiptSize = "80mm"
    format: SinkFormat = "pdf"

    @property
    def name(self) -> str:
        return f"file:{self.path.name}"

    def send(self, data: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(data)


@dataclass
class ReceiptHistory:
    receipts: ReceiptService

    def search(
        self,
        *,
        number: int | None = None,
        order: str | None = None,
        day: date | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> list[ReceiptEntry]:
        """Newest first; every given criterion must match."""
        conditions: list[Any] = []
        if number is not None:
            conditions.append(Receipt.number == number)
        if order:
            key = order.strip().upper()
            conditions.append(
                Receipt.refund_id.in_(select(Refund.id).where(Refund.order_number == key))
            )
        if day is not None:
            start, end = self._day_bounds(day)
            conditions += [Receipt.created_at >= start, Receipt.created_at < end]
        rows = self.receipts.rows(*conditions)
        return [_entry(row) for row in reversed(rows)][:limit]

    def by_number(self, number: int) -> ReceiptEntry:
        found = self.search(number=number)
        if not found:
            raise DeskError("receipt_not_found", f"No receipt No. {number} on this console.")
        return found[0]

    def pdf(
        self, receipt_id: int, size: ReceiptSize = "80mm", *, copy: bool | None = None
    ) -> bytes:
        """The receipt as the next print would come out (COPY once printed); writes nothing."""
        if copy is None:
            copy = any(e.printed for e in self.receipts.rows(Receipt.id == receipt_id))
        return render_receipt_pdf(self.receipts.data(receipt_id, copy=copy), size)

    def save_pdf(
        self,
        receipt_id: int,
        path: Path,
        *,
        staff_id: uuid.UUID | None,
        size: ReceiptSize = "80mm",
    ) -> PrintOutcome:
        """The receipt written to `path`, logged as a print: a COPY (audited like any reprint)
        once an original has printed, else the original itself (never two originals)."""
        sink = PdfFileSink(path, size)
        if any(e.printed for e in self.receipts.rows(Receipt.id == receipt_id)):
            return self.receipts.reprint(receipt_id, sink, staff_id=staff_id)
        return self.receipts.print_receipt(receipt_id, sink, staff_id=staff_id)

    def _day_bounds(self, day: date) -> tuple[datetime, datetime]:
        with self.receipts.sessions() as session:
            venue = session.get(Venue, self.receipts.venue_code)
            zone = ZoneInfo(venue.time_zone if venue else "Asia/Almaty")
        start = datetime.combine(day, time(0), tzinfo=zone)
        return start, start + timedelta(days=1)


def _entry(row: ReceiptRow) -> ReceiptEntry:
    return ReceiptEntry(
        receipt_id=row.receipt_id,
        number=row.number,
        kind=row.kind,
        refund_id=row.refund_id,
        order_number=row.order_number,
        created_at=row.created_at,
        total_tiyn=row.returned_tiyn,
        printed=row.printed,
        attempts=row.attempts,
        last_error=row.last_error,
    )


__all__ = ["PdfFileSink", "ReceiptEntry", "ReceiptHistory"]
