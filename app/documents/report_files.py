"""The report as CSV and XLSX, for managers who take the figures into Excel.

CSV decisions, for Excel on a Kazakh or Russian Windows (the venues' PCs):
- UTF-8 with a BOM: without it Excel reads the file as the ANSI code page and Cyrillic turns to
  mojibake. (A "sep=;" first line would also fix the separator, but makes Excel ignore the BOM.)
- Separator ";" for kk and ru: their regional settings use the decimal comma, so Excel's list
  separator there is ";"; a "," file would land in one column. English uses ",", with a decimal point.
- Money as plain numbers (1234,50 in kk/ru, 1234.50 in en) without the ₸ sign or group spaces, so
  Excel reads them as numbers; dates ISO (2026-11-21), which Excel parses in every locale.
- One file, sections one after another: a title line, a header line, rows, a totals line, a blank
  line; the venue and period on top.

XLSX: one sheet per section, typed cells (ints, money as numbers with a ₸ format, real dates),
a frozen header, a bold totals row and column widths that fit the text.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.documents.data import ReportData
from app.documents.report_tables import Cell, Money, Percent, Section, period_text, report_sections
from app.documents.texts import Language, t

MONEY_FORMAT = '#,##0.00 "₸"'
PERCENT_FORMAT = "0.0"
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"


def csv_separator(lang: Language) -> str:
    return "," if lang == "en" else ";"


def _csv_cell(value: Cell, lang: Language) -> str:
    decimal = "." if lang == "en" else ","
    if value is None:
        return ""
    if isinstance(value, Money):
        sign = "-" if value.tiyn < 0 else ""
        whole, frac = divmod(abs(value.tiyn), 100)
        return f"{sign}{whole}{decimal}{frac:02d}"
    if isinstance(value, Percent):
        return f"{value.value:.1f}".replace(".", decimal)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def report_header_lines(data: ReportData, lang: Language) -> list[tuple[str, str]]:
    title = t(lang, "report.title.daily" if data.is_daily else "report.title.range")
    generated = data.generated_at.astimezone(data.venue.zone).strftime("%Y-%m-%d %H:%M")
    return [
        (title, ""),
        (t(lang, "report.venue"), data.venue.name),
        (t(lang, "report.period"), period_text(data, lang)),
        (t(lang, "report.generated"), generated),
    ]


def report_csv(data: ReportData, lang: Language) -> bytes:
    """The report as one CSV file that Excel opens with Cyrillic and numbers intact."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=csv_separator(lang), lineterminator="\r\n")
    for label, value in report_header_lines(data, lang):
        writer.writerow([label, value] if value else [label])
    for section in report_sections(data, lang):
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerow(section.headers)
        for row in section.rows:
            writer.writerow([_csv_cell(cell, lang) for cell in row])
        if section.totals is not None:
            writer.writerow([_csv_cell(cell, lang) for cell in section.totals])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")


def _put(sheet: Worksheet, row: int, column: int, value: Cell) -> Any:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Money):
        cell.value = value.tiyn / 100
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, Percent):
        cell.value = round(value.value, 1)
        cell.number_format = PERCENT_FORMAT
    elif isinstance(value, datetime):
        cell.value = value
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value
    return cell


def _display_width(value: Cell) -> int:
    if isinstance(value, Money):
        return len(f"{value.tiyn / 100:,.2f}") + 3
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return len(str(value)) if value is not None else 0


def _write_section(ws: Worksheet, section: Section) -> None:
    for column, header in enumerate(section.headers, start=1):
        cell = _put(ws, 1, column, header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    body = list(section.rows)
    for row_index, row in enumerate(body, start=2):
        for column, value in enumerate(row, start=1):
            _put(ws, row_index, column, value)
    if section.totals is not None:
        total_row = len(body) + 2
        for column, value in enumerate(section.totals, start=1):
            _put(ws, total_row, column, value).font = _HEADER_FONT
    ws.freeze_panes = "B2"
    for column in range(1, len(section.headers) + 1):
        cells = [section.headers[column - 1]] + [row[column - 1] for row in body]
        widest = max(min(_display_width(cells[0]), 24), *(_display_width(c) for c in cells[1:]), 6)
        ws.column_dimensions[get_column_letter(column)].width = min(widest + 2, 60)


def report_xlsx(data: ReportData, lang: Language) -> bytes:
    """The report as an Excel workbook, one sheet per table, numbers and dates typed."""
    workbook = Workbook()
    first = True
    for section in report_sections(data, lang):
        title = t(lang, f"sheet.{section.key}")[:31]
        sheet = workbook.active if first else workbook.create_sheet()
        sheet.title = title
        _write_section(sheet, section)
        first = False
    info = workbook.create_sheet(t(lang, "report.period")[:31])
    for row_index, (label, value) in enumerate(report_header_lines(data, lang), start=1):
        info.cell(row=row_index, column=1, value=label).font = _HEADER_FONT
        info.cell(row=row_index, column=2, value=value)
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 50
    workbook.properties.title = report_header_lines(data, lang)[0][0]
    workbook.properties.creator = "Ashyq console"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
