"""The refund desk against the public offer's rules, on a real database, as a cashier uses it."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from app.core.statuses import Status
from app.models import open_engine, session_factory
from app.models.receipts import Receipt
from app.models.records import AuditLog, Outbox
from app.models.refunds import Refund
from app.models.tickets import Ticket
from app.services.auth import LoginRefused
from app.services.refund_desk import Override, RefundRefused
from app.services.shift import DeskError
from app.sync.protocol import TicketState
from tests.unit.test_refund_desk_world import SUPERVISOR_PIN, World, local, world_fixture  # noqa: F401

ADULT = 250_000  # 2 500 ₸


@pytest.fixture
def desk_open(world: World) -> World:
    world.shifts().open(world.cashier)
    world.add_show("S1930", local(21, 19, 30))
    world.add_show("S2200", local(21, 22, 0))
    return world


def _state(world: World, code: str) -> TicketState:
    with world.sessions() as s:
        return s.get(Ticket, code).state  # type: ignore[union-attr]


def _count(world: World, model: type) -> int:
    with world.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_standard_refund_withholds_the_operator_fee_and_says_when_money_is_back(
    desk_open: World,
) -> None:
    w = desk_open
    w.add_order(
        "100200", "cinemax", "S1930", [("TK0001", "adult", ADULT), ("TK0002", "child", 150_000)]
    )
    details = w.desk().find("100200")
    assert details.organizer_name == "Cinemax"
    assert [t.state for t in details.tickets] == ["valid", "valid"]
    first = details.tickets[0].refund
    assert first.refundable and first.fee_tiyn == 25_000 and first.refund_tiyn == 225_000
    assert "Cinemax" in first.rule_text and "5" in first.rule_text
    result = w.desk().refund("100200", ["TK0001", "TK0002"], staff_id=w.cashier,
                             refund_id=uuid.uuid4())  # fmt: skip
    # 5 % of 1 500 ₸ is 75 ₸, less than 250 ₸: the minimum applies
    assert [(x.fee_tiyn, x.refund_tiyn) for x in result.lines] == [
        (25_000, 225_000),
        (25_000, 125_000),
    ]
    assert result.returned_tiyn == 350_000 and result.fee_tiyn == 50_000
    assert result.money_back_by == date(2026, 11, 25)  # Sat -> Mon, Tue, Wed
    assert result.receipt_number == 1
    assert _state(w, "TK0001") is TicketState.REFUNDED
    with w.sessions() as s:
        outbox = s.scalars(select(Outbox)).one()
        assert outbox.entity_id == result.refund_id
        assert outbox.payload["lines"][0]["refund_tiyn"] == 225_000


def test_scanning_a_ticket_code_finds_its_order(desk_open: World) -> None:
    desk_open.add_order("100201", "cinemax", "S1930", [("TK0011", "adult", ADULT)])
    assert desk_open.desk().find(" tk0011 ").number == "100201"
    with pytest.raises(DeskError) as info:
        desk_open.desk().find("NOPE99")
    assert info.value.code == "order_not_found"


@pytest.mark.parametrize(("hour", "minute", "fee"), [(18, 30, 30_000), (18, 45, 60_000)])
def test_kinopark_charges_10_percent_an_hour_before_and_20_percent_after(
    desk_open: World, hour: int, minute: int, fee: int
) -> None:
    w = desk_open
    w.add_order("200300", "kinopark", "S1930", [("KP0001", "adult", 300_000)])
    w.now = local(21, hour, minute)
    q = w.desk().order("200300").tickets[0].refund
    assert q.fee_tiyn == fee and q.refund_tiyn == 300_000 - fee
    assert "Kinopark" in q.rule_text
    result = w.desk().refund("200300", ["KP0001"], staff_id=w.cashier, refund_id=uuid.uuid4())
    assert result.fee_tiyn == fee


def test_a_no_refund_organizer_is_refused_and_a_supervisor_may_override_with_a_reason(
    desk_open: World,
) -> None:
    w = desk_open
    w.add_order("300400", "keruen", "S1930", [("KR0001", "adult", ADULT)])
    with pytest.raises(RefundRefused) as info:
        w.desk().refund("300400", ["KR0001"], staff_id=w.cashier, refund_id=uuid.uuid4())
    assert info.value.refusals[0][1] == "no_refund" and info.value.overridable
    assert _count(w, Refund) == 0 and _state(w, "KR0001") is TicketState.VALID

    with pytest.raises(LoginRefused):
        w.desk().refund("300400", ["KR0001"], staff_id=w.cashier, refund_id=uuid.uuid4(),
                        override=Override("9999", "Film cancelled by the hall"))  # fmt: skip
    with pytest.raises(DeskError) as no_reason:
        w.desk().refund("300400", ["KR0001"], staff_id=w.cashier, refund_id=uuid.uuid4(),
                        override=Override(SUPERVISOR_PIN, " "))  # fmt: skip
    assert no_reason.value.code == "reason_required"
    assert _count(w, Refund) == 0

    result = w.desk().refund(
        "300400",
        ["KR0001"],
        staff_id=w.cashier,
        refund_id=uuid.uuid4(),
        override=Override(SUPERVISOR_PIN, "Film cancelled by the hall"),
    )
    assert result.override and result.fee_tiyn == 25_000 and result.returned_tiyn == 225_000
    with w.sessions() as s:
        actions = {(a.action, a.staff_id) for a in s.scalars(select(AuditLog))}
        refund = s.get(Refund, result.refund_id)
        assert refund is not None and refund.supervisor_id == w.supervisor
        assert refund.reason == "Film cancelled by the hall"
    assert ("refund_override", w.supervisor) in actions
    assert ("refund_override_refused", None) in actions
    assert ("desk_refund", w.cashier) in actions


def test_a_manual_organizer_gets_a_contact_request_and_no_money_moves(desk_open: World) -> None:
    w = desk_open
    w.add_order("400500", "inna-concerts", "S1930", [("IN0001", "adult", 1_200_000)])
    details = w.desk().order("400500")
    assert details.manual and details.tickets[0].refund.kind == "contact_request"
    with pytest.raises(RefundRefused) as info:
        w.desk().refund("400500", ["IN0001"], staff_id=w.cashier, refund_id=uuid.uuid4())
    assert info.value.refusals[0][1] == "manual" and not info.value.overridable
    result = w.desk().contact_request("400500", ["IN0001"], staff_id=w.cashier,
                                      refund_id=uuid.uuid4())  # fmt: skip
    assert result.kind == "contact_request" and result.returned_tiyn == 0 and result.fee_tiyn == 0
    assert result.money_back_by is None and result.receipt_number == 1
    assert _state(w, "IN0001") is TicketState.VALID
    receipt = w.receipts().data(result.receipt_id)  # type: ignore[arg-type]
    assert receipt.kind == "contact_request"


def test_a_contact_request_is_refused_where_the_desk_refunds_itself(desk_open: World) -> None:
    desk_open.add_order("400501", "cinemax", "S1930", [("CX0501", "adult", ADULT)])
    with pytest.raises(RefundRefused):
        desk_open.desk().contact_request("400501", ["CX0501"], staff_id=desk_open.cashier,
                                         refund_id=uuid.uuid4())  # fmt: skip


def test_a_ticket_printed_at_the_box_office_is_refused(desk_open: World) -> None:
    w = desk_open
    w.add_order("500600", "cinemax", "S1930", [("PR0001", "adult", ADULT)], printed=("PR0001",))
    line = w.desk().order("500600").tickets[0]
    assert line.state == "printed" and line.refund.reason == "printed"
    with pytest.raises(RefundRefused) as info:
        w.desk().refund("500600", ["PR0001"], staff_id=w.cashier, refund_id=uuid.uuid4())
    assert info.value.refusals[0][1] == "printed"


def test_a_started_show_is_refused_and_a_used_ticket_cannot_even_be_overridden(
    desk_open: World,
) -> None:
    w = desk_open
    w.add_order("600700", "cinemax", "S1930", [("ST0001", "adult", ADULT), ("ST0002", "adult", ADULT)],
                used=("ST0002",))  # fmt: skip
    w.now = local(21, 19, 35)
    with pytest.raises(RefundRefused) as info:
        w.desk().refund("600700", ["ST0001"], staff_id=w.cashier, refund_id=uuid.uuid4())
    assert info.value.refusals[0][1] == "started"
    with pytest.raises(RefundRefused) as used:
        w.desk().refund("600700", ["ST0002"], staff_id=w.cashier, refund_id=uuid.uuid4(),
                        override=Override(SUPERVISOR_PIN, "Visitor felt ill"))  # fmt: skip
    assert used.value.refusals[0][1] == "used" and not used.value.overridable


def test_a_door_denial_for_this_order_lifts_the_deadline(desk_open: World) -> None:
    w = desk_open
    w.add_order("700800", "cinemax", "S1930", [("DN0001", "adult", ADULT)])
    w.now = local(21, 19, 40)  # after the start: refused without proof
    assert w.desk().order("700800").tickets[0].refund.reason == "started"
    # denials that prove nothing: another session, the venue full, a training-week record
    w.add_visit(local(21, 19, 20), order="700800", show="S2200")
    w.add_visit(local(21, 19, 21), order="700800", show="S1930", reason="capacity_full",
                status=Status.GREEN)  # fmt: skip
    w.add_visit(local(21, 19, 22), order="700800", show="S1930", test_mode=True)
    assert w.desk().order("700800").denial is None
    proof = w.add_visit(local(21, 19, 25), order="700800", show="S1930", door="Hall 3 door")
    details = w.desk().order("700800")
    assert details.denial is not None and details.denial.visit_id == proof
    assert details.denial.door == "Hall 3 door" and details.denial.status == "red"
    q = details.tickets[0].refund
    assert q.refundable and q.rule == "ashyq_denial_refund" and q.fee_tiyn == 25_000
    result = w.desk().refund("700800", ["DN0001"], staff_id=w.cashier, refund_id=uuid.uuid4())
    with w.sessions() as s:
        refund = s.get(Refund, result.refund_id)
        assert refund is not None and refund.ashyq_denial_id == proof
    denials = w.desk().todays_denials()
    assert [(d.order_number, d.session_id, d.refunded) for d in denials] == [
        ("700800", "S1930", True)
    ]


def test_an_exchange_after_a_denial_costs_no_fee_and_stays_with_the_organizer(
    desk_open: World,
) -> None:
    w = desk_open
    w.add_show("OTHER", local(22, 12, 0))
    w.add_order("800900", "kinopark", "S1930", [("EX0001", "adult", 300_000)])
    w.add_order("800901", "kinopark", "S2200", [("EX0009", "adult", 300_000)])
    w.add_order("800902", "cinemax", "OTHER", [("EX0010", "adult", 300_000)])
    w.add_visit(local(21, 19, 25), order="800900", show="S1930", status=Status.YELLOW,
                reason="yellow_contact")  # fmt: skip
    w.now = local(21, 19, 40)
    assert [s.id for s in w.desk().exchange_sessions("800900")] == ["S2200"]
    with pytest.raises(DeskError) as other:
        w.desk().exchange("800900", ["EX0001"], "OTHER", staff_id=w.cashier,
                          refund_id=uuid.uuid4())  # fmt: skip
    assert other.value.code == "bad_session"
    result = w.desk().exchange("800900", ["EX0001"], "S2200", staff_id=w.cashier,
                               refund_id=uuid.uuid4())  # fmt: skip
    assert result.kind == "exchange" and result.fee_tiyn == 0 and result.returned_tiyn == 0
    assert result.new_session_id == "S2200" and result.money_back_by is None
    assert _state(w, "EX0001") is TicketState.EXCHANGED
    receipt = w.receipts().data(result.receipt_id)  # type: ignore[arg-type]
    assert receipt.kind == "exchange" and receipt.lines[0].new_session_title


def test_an_ordinary_exchange_follows_the_refund_fee(desk_open: World) -> None:
    w = desk_open
    w.add_order("800910", "kinopark", "S1930", [("EX0100", "adult", 300_000)])
    w.add_order("800911", "kinopark", "S2200", [("EX0101", "adult", 300_000)])
    result = w.desk().exchange("800910", ["EX0100"], "S2200", staff_id=w.cashier,
                               refund_id=uuid.uuid4())  # fmt: skip
    assert result.fee_tiyn == 30_000 and result.returned_tiyn == 0


def test_a_double_click_refunds_once(desk_open: World) -> None:
    w = desk_open
    w.add_order("900100", "cinemax", "S1930", [("DC0001", "adult", ADULT)])
    refund_id = uuid.uuid4()
    first = w.desk().refund("900100", ["DC0001"], staff_id=w.cashier, refund_id=refund_id)
    second = w.desk().refund("900100", ["DC0001"], staff_id=w.cashier, refund_id=refund_id)
    assert not first.repeated and second.repeated
    assert second.receipt_number == first.receipt_number == 1
    assert second.returned_tiyn == first.returned_tiyn == 225_000
    assert (_count(w, Refund), _count(w, Outbox), _count(w, Receipt)) == (1, 1, 1)
    with pytest.raises(DeskError) as reused:
        w.desk().refund("900101", ["X"], staff_id=w.cashier, refund_id=refund_id)
    assert reused.value.code == "id_reused"


def test_a_retry_after_a_crash_finds_the_committed_refund(desk_open: World) -> None:
    w = desk_open
    w.add_order("900200", "cinemax", "S1930", [("CR0001", "adult", ADULT)])
    refund_id = uuid.uuid4()
    w.desk().refund("900200", ["CR0001"], staff_id=w.cashier, refund_id=refund_id)
    w.engine.dispose()  # the process died; a new one opens the file
    w.engine = open_engine(w.path)
    w.sessions = session_factory(w.engine, write=True)
    again = w.desk().refund("900200", ["CR0001"], staff_id=w.cashier, refund_id=refund_id)
    assert again.repeated and again.receipt_number == 1
    assert (_count(w, Refund), _count(w, Outbox), _count(w, Receipt)) == (1, 1, 1)
    # and the next refund takes the next number: no gap, no reuse
    w.add_order("900201", "cinemax", "S1930", [("CR0002", "adult", ADULT)])
    nxt = w.desk().refund("900201", ["CR0002"], staff_id=w.cashier, refund_id=uuid.uuid4())
    assert nxt.receipt_number == 2


def test_a_refused_ticket_in_a_group_refunds_nothing(desk_open: World) -> None:
    w = desk_open
    w.add_order("900300", "cinemax", "S1930", [("GR0001", "adult", ADULT), ("GR0002", "adult", ADULT)],
                printed=("GR0002",))  # fmt: skip
    with pytest.raises(RefundRefused):
        w.desk().refund("900300", ["GR0001", "GR0002"], staff_id=w.cashier, refund_id=uuid.uuid4())
    assert _state(w, "GR0001") is TicketState.VALID and _count(w, Outbox) == 0


def test_the_desk_needs_an_open_shift(world: World) -> None:
    world.add_show("S1", local(21, 19, 30))
    world.add_order("111222", "cinemax", "S1", [("NS0001", "adult", ADULT)])
    with pytest.raises(DeskError) as info:
        world.desk().refund("111222", ["NS0001"], staff_id=world.cashier, refund_id=uuid.uuid4())
    assert info.value.code == "no_shift"


def test_a_proof_file_is_copied_into_the_data_folder_and_kept_on_the_refund(
    desk_open: World, tmp_path: pytest.TempPathFactory
) -> None:
    w = desk_open
    w.add_order("121212", "cinemax", "S1930", [("PF0001", "adult", ADULT)])
    photo = w.data_dir.parent / "phone-photo.JPG"
    photo.write_bytes(b"\xff\xd8jpeg")
    relative = w.desk().attach_proof("121212", photo)
    assert (w.data_dir / relative).read_bytes() == b"\xff\xd8jpeg"
    assert relative.endswith(".jpg") and not relative.startswith("/")
    result = w.desk().refund("121212", ["PF0001"], staff_id=w.cashier, refund_id=uuid.uuid4(),
                             proof_path=relative)  # fmt: skip
    with w.sessions() as s:
        assert s.get(Refund, result.refund_id).proof_path == relative  # type: ignore[union-attr]
