"""A receipt as an ordered list of rows, shared by the 80 mm PDF and the ESC/POS printer.

Both narrow formats print the same content top to bottom; keeping the content in one place means
a field added for the tax office appears on paper however the receipt is printed. The A4 layout
reuses the header and totals rows and lays the tickets out as a table instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.documents.data import ReceiptData, ReceiptLine
from app.documents.fmt import format_date, format_datetime, format_money
from app.documents.texts import t

RowKind = Literal["venue", "center", "title", "stamp", "pair", "strong", "text", "item", "rule"]


@dataclass(frozen=True, slots=True)
class Row:
    """`pair` and `strong` put `left` at the left margin and `right` flush right."""

    kind: RowKind
    left: str = ""
    right: str = ""


def header_rows(data: ReceiptData) -> list[Row]:
    lang, venue = data.language, data.venue
    rows = [
        Row("venue", venue.name),
        Row("center", f"{t(lang, 'receipt.bin')} {venue.bin}"),
        Row("text", f"{t(lang, 'receipt.address')}: {venue.address}"),
        Row("pair", t(lang, "receipt.register_serial"), data.register_serial),
        Row("pair", t(lang, "receipt.register_number"), data.register_number),
        Row("rule"),
        Row("title", t(lang, f"receipt.title.{data.kind}")),
    ]
    if data.copy:
        rows.append(Row("stamp", t(lang, "receipt.copy")))
    if mark := fiscal_mark(data):
        rows.append(Row("title", mark))
    rows += [
        Row("pair", t(lang, "receipt.number"), str(data.receipt_number)),
        Row("pair", t(lang, "receipt.moment"), format_datetime(data.moment, lang, venue.zone)),
        Row("pair", t(lang, "receipt.order"), data.order_number),
    ]
    return rows


def line_rows(data: ReceiptData, index: int, line: ReceiptLine) -> list[Row]:
    lang, zone = data.language, data.venue.zone
    rows = [
        Row("item", f"{index}. {t(lang, 'receipt.ticket')} {line.ticket_code}"),
        Row("text", line.session_title),
        Row("pair", t(lang, "receipt.start"), format_datetime(line.session_start, lang, zone)),
        Row("pair", t(lang, "receipt.tariff"), line.tariff),
        Row("pair", t(lang, "receipt.qty_price"), f"1 × {format_money(line.price_tiyn, lang)}"),
        Row("pair", t(lang, "receipt.fee"), format_money(line.fee_tiyn, lang)),
    ]
    if data.kind == "exchange" and line.new_session_title:
        when = format_datetime(line.new_session_start, lang, zone) if line.new_session_start else ""
        rows.append(Row("pair", t(lang, "receipt.exchange_to"), ""))
        rows.append(Row("text", f"{line.new_session_title} {when}".strip()))
    else:
        rows.append(Row("pair", t(lang, "receipt.refund"), format_money(line.refund_tiyn, lang)))
    return rows


def totals_rows(data: ReceiptData) -> list[Row]:
    lang = data.language
    rows = [
        Row("pair", t(lang, "receipt.total"), format_money(data.total_price_tiyn, lang)),
        Row("pair", t(lang, "receipt.fee_withheld"), format_money(data.fee_withheld_tiyn, lang)),
        Row(
            "strong",
            t(lang, "receipt.amount_returned"),
            format_money(data.amount_returned_tiyn, lang),
        ),
    ]
    if data.vat is not None:
        vat_label = t(lang, "receipt.vat", rate=data.vat.rate_percent)
        rows.append(Row("pair", vat_label, format_money(data.vat.amount_tiyn, lang)))
    else:
        rows.append(Row("pair", t(lang, "receipt.no_vat")))
    if data.kind == "refund" and data.money_back_date is not None:
        rows.append(
            Row("pair", t(lang, "receipt.money_back"), format_date(data.money_back_date, lang))
        )
    if data.kind == "contact_request":
        rows.append(Row("text", t(lang, "receipt.contact_note")))
    return rows


def fiscal_mark(data: ReceiptData) -> str:
    """The line under the title that says what this paper is for the tax office, or ""."""
    if data.fiscal_status == "none":
        return t(data.language, "receipt.non_fiscal")
    if data.fiscal_status == "pending":
        return t(data.language, "receipt.fiscal_pending")
    return ""


def fiscal_rows(data: ReceiptData) -> list[Row]:
    """The register's answer (number, shift, fiscal sign, OFD link), or why there is none."""
    lang = data.language
    if data.fiscal_status == "none":
        return [Row("text", t(lang, "receipt.non_fiscal_note"))]
    if data.fiscal_status == "pending":
        return [Row("text", t(lang, "receipt.fiscal_pending_note"))]
    rows = [
        Row("pair", t(lang, "receipt.fiscal_check_number"), data.fiscal_check_number),
        Row("pair", t(lang, "receipt.fiscal_shift"), data.fiscal_shift),
        Row("pair", t(lang, "receipt.fiscal_sign"), data.fiscal_sign),
        Row("pair", t(lang, "receipt.ofd"), ""),
    ]
    if data.ofd_url:
        rows.append(Row("text", data.ofd_url))
    return rows


def footer_rows(data: ReceiptData) -> list[Row]:
    """Ends with the receipt id's label and value: the A4 layout puts those beside its QR."""
    lang = data.language
    rows = fiscal_rows(data)
    rows += [
        Row("pair", t(lang, "receipt.cashier"), data.cashier),
        Row("pair", t(lang, "receipt.receipt_id"), ""),
        Row("center", str(data.receipt_id)),
    ]
    return rows


def receipt_rows(data: ReceiptData) -> list[Row]:
    """Everything above the QR code, in print order."""
    rows = header_rows(data)
    rows.append(Row("rule"))
    for index, line in enumerate(data.lines, start=1):
        rows += line_rows(data, index, line)
    rows.append(Row("rule"))
    rows += totals_rows(data)
    rows.append(Row("rule"))
    rows += footer_rows(data)
    return rows
