"""What the door screen does, as plain functions over the door pipeline (no Qt).

`app.services.door.check` checks one scan and records it. This module adds what a guard does
around it: the question "already inside: is this an exit?", the answer to a PCR-certificate
check, a supervisor's override, the group of one order checked person by person (DOMAIN.md §4),
occupancy and the visitors' own check-ins. Each answer is a `DoorOutcome` (plain data); every
verdict in it has been committed before it is returned.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.core.admission import Decision, group_decision
from app.core.pseudonym import pseudonym, short_pseudonym
from app.core.scan import Scan, classify
from app.core.statuses import Direction, InputMethod, Status, Verdict
from app.models.tickets import CinemaSession, Order, Ticket
from app.models.visits import VisitEvent
from app.services.auth import AuthService
from app.services.context import StationContext
from app.services.door import CheckResult, add_visit, check, inside_now
from app.services.door_types import CheckinRow, DoorOutcome, MemberView, Occupancy, OrderView
from app.sync import bounds


@dataclass
class _Group:
    """The order being checked at this door: its tickets and the members checked so far."""

    order_number: str
    session_id: str
    tickets: list[str]
    decisions: dict[uuid.UUID, tuple[Decision, str | None]] = field(default_factory=dict)


@dataclass
class DoorFlow:
    ctx: StationContext
    auth: AuthService
    checkins: Callable[[int], list[CheckinRow]] = lambda limit: []
    _group: _Group | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- one scan ---------------------------------------------------------------------------

    def check(
        self,
        text: str,
        *,
        method: str,
        direction: str,
        staff_id: uuid.UUID,
        reentry: bool = False,
    ) -> DoorOutcome:
        with self._lock:
            return self._check(text, InputMethod(method), Direction(direction), staff_id, reentry)

    def _check(
        self,
        text: str,
        method: InputMethod,
        direction: Direction,
        staff_id: uuid.UUID,
        reentry: bool,
    ) -> DoorOutcome:
        scan = classify(text, from_keyboard=method in {InputMethod.WEDGE, InputMethod.MANUAL})
        person = None
        if isinstance(scan, Scan) and scan.iin is not None:
            person = pseudonym(self.ctx.pseudonym_key, scan.iin)
        if (
            direction is Direction.ENTRY
            and person is not None
            and not reentry
            and self._inside(person)
        ):
            return DoorOutcome(
                kind="already_inside", direction="entry", person_tag=short_pseudonym(person)
            )
        group = self._group
        result = check(
            self.ctx,
            text,
            direction=direction,
            method=method,
            staff_id=staff_id,
            order_number=group.order_number if group and person else None,
            session_id=group.session_id if group and person else None,
        )
        outcome = self._outcome(result)
        if result.kind == "ticket":
            return self._ticket(result, outcome)
        if result.kind == "visitor" and group is not None and direction is Direction.ENTRY:
            return self._group_member(group, result, outcome, staff_id)
        return outcome

    # --- needs-check answers and overrides ------------------------------------------------

    def answer_check(self, visit_id: uuid.UUID, *, admit: bool, staff_id: uuid.UUID) -> DoorOutcome:
        """Staff saw (or did not see) the PCR certificate the verdict asked for."""
        with self._lock:
            row = self._visit(visit_id)
            reason = "pcr_certificate_shown" if admit else "pcr_certificate_not_shown"
            return self._follow_up(
                row,
                verdict=Verdict.ADMIT if admit else Verdict.DENY,
                direction=Direction.ENTRY if admit else Direction.DENIED,
                reason=reason,
                staff_id=staff_id,
            )

    def override(
        self, visit_id: uuid.UUID, *, supervisor_pin: str, staff_id: uuid.UUID
    ) -> DoorOutcome:
        """A supervisor admits a visitor the rules refused where the policy allows it."""
        with self._lock:
            row = self._visit(visit_id)
            if row.status is Status.RED:
                raise OverrideRefused("A red status is never admitted.")
            supervisor = self.auth.approve(
                supervisor_pin,
                action="door_override",
                details={"visit": str(visit_id), "reason": row.reason},
            )
            return self._follow_up(
                row,
                verdict=Verdict.ADMIT,
                direction=Direction.ENTRY,
                reason="supervisor_override",
                staff_id=staff_id,
                override_by=supervisor.id,
            )

    # --- reads --------------------------------------------------------------------------------

    def occupancy(self) -> Occupancy:
        venue = self.ctx.venue()
        return Occupancy(inside_now(self.ctx, venue, self.ctx.clock()), venue.capacity)

    def recent_checkins(self, limit: int = 30) -> list[CheckinRow]:
        return self.checkins(limit)

    def forget_group(self) -> None:
        with self._lock:
            self._group = None

    # --- internals ----------------------------------------------------------------------------

    def _inside(self, person: str) -> bool:
        venue = self.ctx.venue()
        zone = ZoneInfo(venue.time_zone)
        now = self.ctx.clock()
        midnight = datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)
        with self.ctx.sessions() as session:
            last = session.execute(
                select(VisitEvent.direction, VisitEvent.verdict)
                .where(
                    VisitEvent.person == person,
                    VisitEvent.occurred_at >= midnight,
                    VisitEvent.direction.in_([Direction.ENTRY, Direction.EXIT]),
                    VisitEvent.verdict == Verdict.ADMIT,
                )
                .order_by(VisitEvent.occurred_at.desc(), VisitEvent.id.desc())
                .limit(1)
            ).first()
        return last is not None and last[0] is Direction.ENTRY

    def _visit(self, visit_id: uuid.UUID) -> VisitEvent:
        with self.ctx.sessions() as session:
            row = session.get(VisitEvent, visit_id)
            if row is None:
                raise LookupError(f"no visit {visit_id}")
            session.expunge(row)
            return row

    def _follow_up(
        self,
        row: VisitEvent,
        *,
        verdict: Verdict,
        direction: Direction,
        reason: str,
        staff_id: uuid.UUID,
        override_by: uuid.UUID | None = None,
    ) -> DoorOutcome:
        event = bounds.visit_event(
            id=uuid.uuid4(),
            occurred_at=self.ctx.clock(),
            direction=direction,
            method=row.method,
            status=row.status,
            status_source=str(row.status_source) if row.status_source else None,
            status_age_s=row.status_age_s,
            verdict=verdict,
            reason=reason,
            person=row.person,
            order_number=row.order_number,
            ticket_code=row.ticket_code,
            session_id=row.session_id,
            staff_id=staff_id,
            door=self.ctx.door,  # bounds cleans and cuts it
            test_mode=row.test_mode,
            offline=row.offline,
        )
        with self.ctx.sessions.begin() as session:
            add_visit(session, self.ctx, event, source=row.status_source)
            if override_by is not None:
                session.flush()
                added = session.get(VisitEvent, event.id)
                if added is not None:
                    added.override_by = override_by
        outcome = DoorOutcome(
            kind="verdict",
            verdict=str(verdict),
            status=str(row.status) if row.status else None,
            reason=reason,
            source=str(row.status_source) if row.status_source else None,
            age_s=row.status_age_s,
            direction=str(direction),
            visit_id=event.id,
            person_tag=short_pseudonym(row.person) if row.person else None,
        )
        return outcome

    def _outcome(self, result: CheckResult) -> DoorOutcome:
        kind = {"visitor": "verdict"}.get(result.kind, result.kind)
        return DoorOutcome(
            kind=kind,
            verdict=str(result.verdict) if result.verdict else None,
            status=str(result.status) if result.status else None,
            reason=result.reason,
            message=result.message,
            note=result.note,
            source=str(result.source) if result.source else None,
            age_s=result.age_s,
            overridable=result.overridable,
            needs=result.needs,
            direction=str(result.direction) if result.direction else "entry",
            visit_id=result.visit_id,
            person_tag=result.person_tag,
            command=result.command,
            code=result.reason if result.kind == "rejected" else None,
            ticket_code=result.ticket_code,
            layout=result.layout,
        )

    def _ticket(self, result: CheckResult, outcome: DoorOutcome) -> DoorOutcome:
        order = self._order_view(result.order_number) if result.order_number else None
        if order is not None and result.verdict is Verdict.ADMIT:
            with self.ctx.sessions() as session:
                row = session.get(Order, result.order_number)
                session_id = row.session_id if row else ""
            self._group = _Group(order.number, session_id, [m.ticket_code for m in order.members])
        return replace(outcome, order=order)

    def _group_member(
        self, group: _Group, result: CheckResult, outcome: DoorOutcome, staff_id: uuid.UUID
    ) -> DoorOutcome:
        assert result.visit_id is not None
        decision = Decision(
            verdict=result.verdict or Verdict.DENY,
            reason=result.reason,
            message=result.message,
            note=result.note,
            overridable=result.overridable,
            effective_status=result.status or Status.NOT_FOUND,
            needs=result.needs,
        )
        group.decisions[result.visit_id] = (decision, str(result.status) if result.status else None)
        mode = self.ctx.venue().group_mode
        decisions = [d for d, _ in group.decisions.values()]
        complete = len(decisions) >= len(group.tickets)
        verdict = group_decision(decisions, mode)
        group_verdict: str | None = (
            str(verdict.verdict)
            if complete or (mode == "all" and verdict.verdict is Verdict.DENY)
            else None
        )
        if mode == "all" and verdict.verdict is Verdict.DENY:
            self._turn_back_admitted(group, staff_id)
        order = self._order_view(group.order_number, group)
        if order is not None:
            order = replace(order, group_verdict=group_verdict, group_reason=verdict.reason)
        if complete or group_verdict == "deny":
            self._group = None
        return replace(outcome, order=order)

    def _turn_back_admitted(self, group: _Group, staff_id: uuid.UUID) -> None:
        """Mode "all": members let in before a companion was refused are recorded leaving."""
        for visit_id, (decision, _status) in list(group.decisions.items()):
            if decision.verdict is Verdict.ADMIT:
                row = self._visit(visit_id)
                self._follow_up(
                    row,
                    verdict=Verdict.ADMIT,
                    direction=Direction.EXIT,
                    reason="group_member_denied",
                    staff_id=staff_id,
                )
                group.decisions[visit_id] = (
                    replace(decision, verdict=Verdict.DENY, reason="group_member_denied"),
                    _status,
                )

    def _order_view(self, number: str | None, group: _Group | None = None) -> OrderView | None:
        if number is None:
            return None
        with self.ctx.sessions() as session:
            order = session.get(Order, number)
            if order is None:
                return None
            show = session.get(CinemaSession, order.session_id)
            tickets = list(
                session.scalars(
                    select(Ticket).where(Ticket.order_number == number).order_by(Ticket.code)
                )
            )
            colours = [s for _, s in group.decisions.values()] if group else []
            verdicts = [str(d.verdict) for d, _ in group.decisions.values()] if group else []
            members = []
            for i, ticket in enumerate(tickets):
                members.append(
                    MemberView(
                        ticket_code=ticket.code,
                        tariff=str(ticket.tariff),
                        state=str(ticket.state),
                        used_at=ticket.used_at,
                        used_door=ticket.used_door,
                        status=colours[i] if i < len(colours) else None,
                        verdict=verdicts[i] if i < len(verdicts) else None,
                    )
                )
            return OrderView(
                number=order.number,
                session_title=show.title if show else order.session_id,
                session_start=show.starts_at if show else self.ctx.clock(),
                hall=show.hall if show else None,
                members=tuple(members),
            )


class OverrideRefused(Exception):
    code = "not_overridable"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
