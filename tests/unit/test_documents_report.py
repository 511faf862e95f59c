"""Report exports read back: PDF text, XLSX cells and panes, CSV as Excel would split it."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.documents.data import DayRow, ReportData
from app.documents.report import render_report_pdf, report_csv, report_xlsx
from app.documents.samples import sample_report
from app.documents.texts import t


@pytest.fixture(scope="module")
def report() -> ReportData:
    return sample_report(100_000)


def _range(report: ReportData) -> ReportData:
    days = (
        DayRow(date(2026, 11, 20), 40_000, 36_000, 4_000, 36_000, 35_000, 4_100),
        DayRow(date(2026, 11, 21), 60_000, 52_804, 7_196, 52_804, 51_139, 9_867),
    )
    return replace(report, date_from=date(2026, 11, 20), days=days)


def pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().replace("\u00a0", " ").split()) for page in pages)


def test_kazakh_pdf_report_is_in_kazakh(report: ReportData) -> None:
    text = pdf_text(render_report_pdf(report, "kk"))
    for expected in (
        "Күнделікті есеп: 21.11.2026",
        "Сағат және мәртебе бойынша тексерулер",
        "Кіргізбеу себептері",
        "Қызыл мәртебе (үйде оқшаулау)",
        "ПТР анықтамасы жоқ көк мәртебе",
        "Ұйымдастырушылар бойынша қайтарулар мен айырбастар",
        "Сынақ режимі (қорытындыға кірмейді)",
        "Жасыл",
        "Табылмады",  # chart legend and table header
        "100 000",
        "165 230,00 ₸",
        "Гүлнар Әбдіқадырова",
    ):
        assert expected in text, expected
    assert "Отказано" not in text and "Denied" not in text


def test_russian_and_english_pdf_reports(report: ReportData) -> None:
    ru = pdf_text(render_report_pdf(report, "ru"))
    assert (
        "Ежедневный отчёт" in ru
        and "Причины отказа" in ru
        and "Красный статус (домашняя изоляция)" in ru
    )
    en = pdf_text(render_report_pdf(report, "en"))
    assert "Daily report: 2026-11-21" in en and "Reasons for denial" in en
    assert "Peak occupancy" in en and "9 867" in en


def test_range_report_has_a_by_day_table(report: ReportData) -> None:
    text = pdf_text(render_report_pdf(_range(report), "ru"))
    assert "Отчёт за период: 20.11.2026 – 21.11.2026" in text and "По дням" in text
    assert "По дням" not in pdf_text(render_report_pdf(report, "ru"))


def test_pdf_has_numbered_pages(report: ReportData) -> None:
    reader = PdfReader(io.BytesIO(render_report_pdf(report, "en")))
    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages, start=1):
        lines = page.extract_text().splitlines()
        assert str(number) in lines and any("Daily report 2026-11-21" in line for line in lines)


def test_xlsx_cells_are_typed_and_totals_add_up(report: ReportData) -> None:
    book = load_workbook(io.BytesIO(report_xlsx(report, "ru")))
    assert book.sheetnames[:6] == [
        "Сводка", "По часам", "Причины отказа", "Точки входа", "Сотрудники", "Организаторы",
    ]  # fmt: skip
    hours = book["По часам"]
    assert hours.freeze_panes == "B2"
    assert hours["A1"].value == "Час" and hours["B1"].value == "Зелёный"
    assert hours["A11"].value == "09:00–10:00" and isinstance(hours["B11"].value, int)
    last = hours.max_row
    assert hours.cell(last, 1).value == "Итого"
    for column in range(2, 8):
        body = [hours.cell(r, column).value for r in range(2, last)]
        assert hours.cell(last, column).value == sum(body)
    assert hours.cell(last, 7).value == report.checks == 100_000
    assert hours.cell(last, 1).font.bold

    organizers = book["Организаторы"]
    money = organizers.cell(2, 5)
    assert money.value == pytest.approx(15_120.00) and isinstance(money.value, int | float)
    assert "₸" in money.number_format
    total_row = organizers.max_row
    returned = [organizers.cell(r, 6).value for r in range(2, total_row)]
    assert organizers.cell(total_row, 6).value == pytest.approx(sum(returned)) == 165_230.00

    summary = book["Сводка"]
    values = {
        summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(2, summary.max_row + 1)
    }
    assert values["Проверок"] == 100_000 and values["Отказано"] == report.denied
    assert isinstance(values["Время пика"], datetime)
    assert values["Время пика"] == datetime(2026, 11, 21, 19, 40)  # venue time, not UTC
    assert book["Причины отказа"].column_dimensions["A"].width > 20


def test_xlsx_range_report_has_real_dates(report: ReportData) -> None:
    book = load_workbook(io.BytesIO(report_xlsx(_range(report), "kk")))
    days = book[t("kk", "sheet.days")]
    assert days["A2"].value == datetime(2026, 11, 20)  # openpyxl reads date cells as datetimes
    assert days["A2"].is_date
    assert days.cell(days.max_row, 2).value == 100_000
    assert days.cell(days.max_row, 7).value is None  # a peak is not summed


def _csv_rows(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8")), delimiter=delimiter))


def _section(rows: list[list[str]], title: str) -> list[list[str]]:
    start = rows.index([title])
    end = next((i for i in range(start, len(rows)) if not rows[i]), len(rows))
    return rows[start + 1 : end]


def test_csv_for_russian_excel(report: ReportData) -> None:
    rows = _csv_rows(report_csv(report, "ru"), ";")
    assert rows[0] == ["Ежедневный отчёт"]
    hours = _section(rows, "Проверки по часам и статусам")
    assert hours[0] == ["Час", "Зелёный", "Синий", "Жёлтый", "Красный", "Не найден", "Итого"]
    body, totals = hours[1:-1], hours[-1]
    assert len(body) == 24 and totals[0] == "Итого"
    for column in range(1, 7):
        assert int(totals[column]) == sum(int(row[column]) for row in body)
    organizers = _section(rows, "Возвраты и обмены по организаторам")
    assert organizers[1][0] == "Kinopark" and organizers[1][4] == "15120,00"  # Excel-ru number
    assert organizers[-1][5] == "165230,00"


def test_csv_for_english_excel_uses_commas_and_points(report: ReportData) -> None:
    rows = _csv_rows(report_csv(report, "en"), ",")
    summary = dict(row for row in _section(rows, "Summary")[1:])
    assert summary["Checks"] == "100000" and summary["Fees withheld"] == "21370.00"
    assert summary["Peak at"] == "2026-11-21 19:40"
    reasons = _section(rows, "Reasons for denial")
    assert reasons[-1] == ["Total", str(report.denied), "100.0"]


def test_empty_day_still_exports(report: ReportData) -> None:
    empty = replace(report, by_hour=(), admitted=0, denied=0, denial_reasons=(), doors=(),
                    staff=(), organizers=(), days=(), peak_at=None, peak_occupancy=0)  # fmt: skip
    assert "Нет данных" in pdf_text(render_report_pdf(empty, "ru"))
    rows = _csv_rows(report_csv(empty, "kk"), ";")
    assert _section(rows, "Сағат және мәртебе бойынша тексерулер")[-1][-1] == "0"
    load_workbook(io.BytesIO(report_xlsx(empty, "en")))


def test_inconsistent_aggregates_are_refused(report: ReportData) -> None:
    with pytest.raises(ValueError, match="admitted"):
        replace(report, admitted=report.admitted + 1)
    with pytest.raises(ValueError, match="reasons"):
        replace(report, denial_reasons=report.denial_reasons[1:])
