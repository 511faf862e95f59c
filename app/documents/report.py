"""The manager's daily or date-range report: PDF with reportlab's own charts, plus CSV and XLSX.

Charts are reportlab graphics (vector, no matplotlib to ship): checks by hour stacked by status
colour, and the reasons for denial as horizontal bars (a bar with its number reads better than
pie slices when one reason dominates). Every colour also has its word in the legend, for
colour-blind readers and black-and-white printers. The tables come from report_tables, shared
with the CSV and XLSX writers so all three exports show the same figures.
"""

from __future__ import annotations

import io
from datetime import date, datetime

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from app.documents.data import STATUS_KEYS, ReportData
from app.documents.fmt import format_date, format_datetime, format_money
from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.report_files import report_csv, report_xlsx
from app.documents.report_tables import Cell, Money, Percent, Section, period_text, report_sections
from app.documents.texts import Language, reason_text, t

__all__ = ["render_report_pdf", "report_csv", "report_xlsx"]

STATUS_COLOURS = {
    "green": colors.HexColor("#2e9e44"),
    "blue": colors.HexColor("#1f6fd1"),
    "yellow": colors.HexColor("#e8c018"),
    "red": colors.HexColor("#d22f2f"),
    "not_found": colors.HexColor("#8c8c8c"),
}
MARGIN = 15 * mm
WIDTH = A4[0] - 2 * MARGIN


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=11.5)
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=16, leading=20),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "num": ParagraphStyle("num", parent=base, fontSize=8, leading=10, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8, leading=10),
    }


def _cell_text(value: Cell, lang: Language, data: ReportData) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return format_money(value.tiyn, lang)
    if isinstance(value, Percent):
        text = f"{value.value:.1f} %"
        return text if lang == "en" else text.replace(".", ",")
    if isinstance(value, datetime):  # venue wall-clock time, naive (see report_tables)
        return format_datetime(value.replace(tzinfo=data.venue.zone), lang, data.venue.zone)
    if isinstance(value, date):
        return format_date(value, lang)
    return f"{value:,}".replace(",", "\u00a0") if isinstance(value, int) else str(value)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(section: Section, lang: Language, data: ReportData, first_width: float) -> Table:
    styles = _styles()
    columns = len(section.headers)
    rest = (WIDTH - first_width) / max(columns - 1, 1)
    rows = [[Paragraph(_escape(h), styles["head"]) for h in section.headers]]
    body = list(section.rows) + ([section.totals] if section.totals else [])
    for row in body:
        cells = []
        for index, value in enumerate(row):
            style = styles["cell"] if index == 0 or isinstance(value, str) else styles["num"]
            cells.append(Paragraph(_escape(_cell_text(value, lang, data)), style))
        rows.append(cells)
    table = Table(rows, colWidths=[first_width] + [rest] * (columns - 1), repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#b0b0b0")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if section.totals:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f3f3")))
    table.setStyle(TableStyle(commands))
    return table


def _hours_chart(data: ReportData, lang: Language) -> Drawing:
    hours = data.hours_filled()
    busy = [row.hour for row in hours if row.total] or [0]
    shown = [row for row in hours if min(busy) <= row.hour <= max(busy)]
    drawing = Drawing(WIDTH, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 32, 28, WIDTH - 130, 50 * mm
    chart.data = [[row.by_status()[i] for row in shown] for i in range(len(STATUS_KEYS))]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [f"{row.hour:02d}" for row in shown]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.barSpacing = 0
    chart.groupSpacing = 3
    for index, key in enumerate(STATUS_KEYS):
        chart.bars[index].fillColor = STATUS_COLOURS[key]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    axis = String(chart.x + chart.width / 2, 6, t(lang, "report.hour"), fontName=REGULAR)
    axis.fontSize, axis.textAnchor = 8, "middle"
    drawing.add(axis)
    legend = Legend()
    legend.x, legend.y = WIDTH - 80, 50 * mm
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.alignment = "right"
    legend.columnMaximum = len(STATUS_KEYS)
    legend.colorNamePairs = [(STATUS_COLOURS[k], t(lang, f"status.{k}")) for k in STATUS_KEYS]
    drawing.add(legend)
    return drawing


def _reasons_chart(data: ReportData, lang: Language) -> Drawing | None:
    reasons = sorted((r for r in data.denial_reasons if r.count), key=lambda r: r.count)
    if not reasons:
        return None
    height = 8 * mm + 7 * mm * len(reasons)
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 75 * mm, 6 * mm
    chart.width, chart.height = WIDTH - 75 * mm - 15 * mm, height - 8 * mm
    chart.data = [[r.count for r in reasons]]
    chart.categoryAxis.categoryNames = [reason_text(lang, r.reason) for r in reasons]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#c0504d")
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _story(data: ReportData, lang: Language) -> list[Flowable]:
    styles = _styles()
    title = t(lang, "report.title.daily" if data.is_daily else "report.title.range")
    generated = format_datetime(data.generated_at, lang, data.venue.zone)
    sections = {section.key: section for section in report_sections(data, lang)}
    story: list[Flowable] = [
        Paragraph(_escape(f"{title}: {period_text(data, lang)}"), styles["title"]),
        Paragraph(_escape(data.venue.name), styles["base"]),
        Paragraph(_escape(f"{t(lang, 'report.generated')}: {generated}"), styles["base"]),
        Spacer(1, 3 * mm),
        Paragraph(_escape(t(lang, "report.summary")), styles["h2"]),
        _table(sections["summary"], lang, data, WIDTH * 0.6),
        CondPageBreak(75 * mm),
        Paragraph(_escape(t(lang, "report.by_hour")), styles["h2"]),
        _hours_chart(data, lang),
    ]
    reasons_chart = _reasons_chart(data, lang)
    reasons_block: list[Flowable] = [Paragraph(_escape(t(lang, "report.reasons")), styles["h2"])]
    if reasons_chart is not None:
        reasons_block.append(reasons_chart)
    story.append(KeepTogether(reasons_block))
    story.append(_table(sections["reasons"], lang, data, WIDTH * 0.5))
    first_widths = {"doors": 0.3, "staff": 0.3, "organizers": 0.22, "days": 0.16, "hours": 0.16}
    for key, first_width in first_widths.items():
        if key not in sections:
            continue
        section = sections[key]
        heading = Paragraph(_escape(section.title), styles["h2"])
        if not section.rows:
            story += [heading, Paragraph(_escape(t(lang, "report.none")), styles["base"])]
            continue
        story.append(KeepTogether([heading, _table(section, lang, data, WIDTH * first_width)]))
    return story


def render_report_pdf(data: ReportData, lang: Language) -> bytes:
    """The report as an A4 PDF, numbered pages, in the manager's language."""
    register_fonts()
    buffer = io.BytesIO()
    title = t(lang, "report.title.daily" if data.is_daily else "report.title.range")
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{title} {period_text(data, lang)}",
        invariant=True,
    )
    footer = f"{data.venue.name} · {title} {period_text(data, lang)}"

    def on_page(canvas: Canvas, doc_: SimpleDocTemplate) -> None:
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, MARGIN / 2, footer)
        canvas.drawRightString(A4[0] - MARGIN, MARGIN / 2, str(doc_.page))

    doc.build(_story(data, lang), onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
