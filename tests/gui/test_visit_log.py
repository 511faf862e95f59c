"""The visit log screen: newest first, paged as the table scrolls, filtered in the database,
a well-behaved Qt model, and never an IIN in any cell."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from sqlalchemy import insert, select

from app.core.pseudonym import pseudonym
from app.core.statuses import Direction, InputMethod, Status, Verdict
from app.models.venue import Staff
from app.models.visits import VisitEvent
from app.services.visit_log import PAGE_SIZE
from app.views.visit_log import COL_DIRECTION, COL_DOOR, COL_PERSON, COL_STAFF, COLUMNS
from central.demo import DEMO_IINS
from tests.gui.conftest import IINS, Door, utc_now

VISITS = 1000
ALL_IINS = list(IINS.values()) + [n for numbers in DEMO_IINS.values() for n in numbers]
STATUSES = [Status.GREEN, Status.BLUE, Status.YELLOW, Status.RED, Status.NOT_FOUND]
METHODS = [InputMethod.WEDGE, InputMethod.CAMERA, InputMethod.SERIAL, InputMethod.MANUAL]


def _insert_visits(door: Door) -> list[dict[str, object]]:
    """A busy evening at two doors by two members of staff, in one transaction."""
    ctx = door.console.ctx
    with ctx.sessions() as session:
        staff = {s.name: s.id for s in session.scalars(select(Staff))}
    guard, manager = staff["Door (demo)"], staff["Manager (demo)"]
    now = utc_now()
    rows: list[dict[str, object]] = []
    for i in range(VISITS):
        status = STATUSES[i % 5]
        admitted = status in (Status.GREEN, Status.BLUE)
        direction = Direction.EXIT if i % 7 == 0 else Direction.ENTRY
        if not admitted:
            direction = Direction.DENIED
        rows.append({
            "id": uuid.uuid4(), "occurred_at": now - timedelta(seconds=3 * i + 5),
            "direction": direction, "method": METHODS[i % 4], "status": status,
            "verdict": Verdict.ADMIT if admitted else Verdict.DENY, "reason": str(status),
            "person": pseudonym(ctx.pseudonym_key, ALL_IINS[i % len(ALL_IINS)]),
            "staff_id": manager if i % 3 == 0 else guard, "door": "2" if i % 4 == 0 else "1",
            "station_id": ctx.station_id,
        })  # fmt: skip
    with ctx.sessions.begin() as session:
        session.execute(insert(VisitEvent), rows)
    return rows


@pytest.fixture
def log_door(door: Door) -> Door:
    _insert_visits(door)
    screen = door.window.screen("log")
    screen.date_from.setDate(QDate.currentDate().addDays(-1))  # the evening may cross midnight
    door.qtbot.mouseClick(door.window.findChild(type(door.screen.entry_button), "nav_log"),
                          Qt.MouseButton.LeftButton)  # fmt: skip
    door.qtbot.waitUntil(lambda: door.window.current_screen() is screen, timeout=5000)
    door.qtbot.waitUntil(lambda: screen.model.rowCount() == PAGE_SIZE, timeout=15_000)
    return door


def _visits(screen: object, n: int) -> str:
    return screen.tr("%n visit(s)", "", n)  # type: ignore[attr-defined, no-any-return]


def _cells(model: object) -> list[str]:
    return [
        str(model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole))  # type: ignore[attr-defined]
        for r in range(model.rowCount())  # type: ignore[attr-defined]
        for c in range(COLUMNS)
    ]


def _load_all(door: Door) -> None:
    screen = door.window.screen("log")
    model, bar = screen.model, screen.table.verticalScrollBar()

    def settled() -> bool:
        return not model._loading

    door.qtbot.waitUntil(settled, timeout=15_000)
    while model.canFetchMore(QModelIndex()):
        count = model.rowCount()
        bar.setValue(bar.maximum())  # the guard drags the scroll bar to the bottom
        door.qtbot.waitUntil(
            lambda c=count: (model.rowCount() > c or not model._more) and settled(),
            timeout=15_000,
        )


def test_newest_first_paged_on_scroll_and_no_iin_anywhere(
    qtmodeltester: ModelTester, log_door: Door
) -> None:
    door = log_door
    # a real scan at the door joins the log at the top
    door.window.show_screen("door")
    door.scan_and_wait(IINS["green"])
    screen = door.window.screen("log")
    door.window.show_screen("log")
    door.qtbot.waitUntil(lambda: screen.model.rowCount() == PAGE_SIZE, timeout=15_000)
    model = screen.model
    assert model.rows[0].method == "wedge" and model.rows[0].status == "green"
    qtmodeltester.check(model, force_py=True)
    door.qtbot.waitUntil(lambda: screen.count_label.text() == _visits(screen, VISITS + 1),
                         timeout=10_000)  # fmt: skip

    bar = screen.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    door.qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=15_000)
    _load_all(door)
    assert model.rowCount() == VISITS + 1
    moments = [row.occurred_at for row in model.rows]
    assert moments == sorted(moments, reverse=True)
    assert len({row.id for row in model.rows}) == VISITS + 1  # no page twice
    qtmodeltester.check(model, force_py=True)

    cells = _cells(model)
    for iin in ALL_IINS:
        assert not any(iin in cell for cell in cells), "an IIN is shown in the visit log"
    tags = {model.data(model.index(r, COL_PERSON)) for r in range(model.rowCount())}
    assert all(tag and len(tag) < 12 for tag in tags)  # short pseudonyms only


@pytest.mark.parametrize(
    ("box", "value", "column", "expect"),
    [
        ("direction", Direction.EXIT, "direction", "exit"),
        ("status", Status.RED, "status", "red"),
        ("verdict", Verdict.DENY, "verdict", "deny"),
        ("method", InputMethod.SERIAL, "method", "serial"),
        ("door", "2", "door", "2"),
        ("staff", "Manager (demo)", "staff_name", "Manager (demo)"),
    ],
)
def test_filters(qtmodeltester: ModelTester, log_door: Door, box: str, value: object,
                 column: str, expect: str) -> None:  # fmt: skip
    door = log_door
    screen = door.window.screen("log")
    combo = getattr(screen, box)
    if box == "staff":
        door.qtbot.waitUntil(lambda: combo.count() >= 5, timeout=10_000)
        index = combo.findText(str(value))
    else:
        door.qtbot.waitUntil(lambda: combo.findData(value) >= 0, timeout=10_000)
        index = combo.findData(value)
    assert index > 0
    combo.setCurrentIndex(index)
    door.qtbot.mouseClick(screen.apply_button, Qt.MouseButton.LeftButton)
    sql_column = {"staff_name": "staff_id"}.get(column, column)
    if box == "staff":
        wanted = door.rows("SELECT count(*) FROM visit_event v JOIN staff s ON s.id = v.staff_id "
                           "WHERE s.name = ?", expect)[0][0]  # fmt: skip
    else:
        wanted = door.rows(f"SELECT count(*) FROM visit_event WHERE {sql_column} = ?",
                           expect)[0][0]  # fmt: skip
    assert 0 < wanted < VISITS
    door.qtbot.waitUntil(lambda: screen.count_label.text() == _visits(screen, wanted),
                         timeout=15_000)  # fmt: skip
    door.qtbot.waitUntil(lambda: screen.model.rowCount() == min(wanted, PAGE_SIZE),
                         timeout=15_000)  # fmt: skip
    _load_all(door)
    model = screen.model
    assert model.rowCount() == wanted
    assert {getattr(row, column) for row in model.rows} == {expect}
    qtmodeltester.check(model, force_py=True)
    shown = Counter(model.data(model.index(r, c)) for r in range(3)
                    for c in (COL_DIRECTION, COL_DOOR, COL_STAFF))  # fmt: skip
    assert shown  # the cells render for filtered rows too
