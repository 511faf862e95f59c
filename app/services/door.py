"""The door pipeline without a window: classify the scan, look the status up, decide, record.

`check` is what happens between a scanner's Enter and the colour on the screen, and what
`ashyq check TEXT` prints. Its order is the product's promise:

1. classify the raw text (any layout; commands and the venue's own poster are not visitors);
2. look the status up through the provider chain (central, fallback, cache) within its budget;
3. decide with the venue's admission policy (stale cached statuses count as not found);
4. write the visit and its outbox row in one durable transaction (WAL, synchronous=FULL),
   BEFORE returning: a verdict is never shown that was not recorded (DESIGN habit 6). Rejected
   scans and denials are visits too: they are the venue's evidence that it checked.

Privacy: the visit keeps the pseudonym; the IIN is sealed for the server only when the server
did not answer the lookup itself (offline, or the fallback answered), and the result carries
no IIN at all.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.core.admission import decide
from app.core.pseudonym import pseudonym, short_pseudonym
from app.core.scan import Rejection, ScanKind, classify
from app.core.statuses import Direction, InputMethod, Status, StatusSource, Verdict
from app.models.visits import VisitEvent as VisitRow
from app.services.context import StationContext, VenueSettings
from app.sync import bounds
from app.sync import protocol as p
from app.sync.outbox import enqueue_visit
from app.sync.sealing import seal_iin
from app.sync.status_chain import LookupKey


@dataclass(frozen=True)
class CheckResult:
    """One scan's outcome, plain data for the screen and the CLI's JSON.

    `kind` is "visitor" (a person was checked and recorded), "ticket" (see door_tickets),
    "rejected" (unreadable; recorded too), "command" or "venue_poster" (nothing recorded).
    """

    kind: str
    verdict: Verdict | None = None
    reason: str = ""
    message: str = ""
    note: str | None = None
    overridable: bool = False
    needs: str | None = None
    status: Status | None = None
    source: StatusSource | None = None
    age_s: int | None = None
    direction: Direction | None = None
    visit_id: uuid.UUID | None = None
    person_tag: str | None = None  # short pseudonym for the log, never the IIN
    offline: bool = False
    layout: str = "us"
    command: str | None = None
    ticket_code: str | None = None
    order_number: str | None = None
    tried: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The CLI's printout: enums as their values, moments as ISO text."""
        out: dict[str, object] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, uuid.UUID):
                value = str(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out


def check(
    ctx: StationContext,
    text: str,
    *,
    direction: Direction = Direction.ENTRY,
    method: InputMethod = InputMethod.WEDGE,
    at: datetime | None = None,
    staff_id: uuid.UUID | None = None,
    pcr_shown: bool = False,
    session_id: str | None = None,
    order_number: str | None = None,
) -> CheckResult:
    """Check one scan at this station's door and record it before answering.

    `order_number` and `session_id` tie a person's visit to the group (order) being checked,
    so a denial can later prove a refund for that order and session.
    """
    at = at or ctx.clock()
    # camera and serial text never went through a keyboard layout: no layout guessing
    scan = classify(text, from_keyboard=method not in {InputMethod.CAMERA, InputMethod.SERIAL})
    if isinstance(scan, Rejection):
        return _record_rejection(ctx, scan, at=at, method=method, staff_id=staff_id)
    if scan.kind is ScanKind.COMMAND:
        return CheckResult("command", command=str(scan.command), layout=scan.layout)
    if scan.kind is ScanKind.VENUE:
        return CheckResult(
            "venue_poster",
            reason="venue_poster",
            layout=scan.layout,
            message="That is the venue's own poster: scan the visitor's code.",
        )
    if scan.kind is ScanKind.TICKET:
        from app.services.door_tickets import check_ticket

        return check_ticket(
            ctx,
            scan.text,
            direction=direction,
            method=method,
            at=at,
            staff_id=staff_id,
            session_id=session_id,
            layout=scan.layout,
        )
    if scan.iin is not None:
        key = LookupKey("iin", scan.iin, pseudonym(ctx.pseudonym_key, scan.iin))
    else:  # a foreign document: known and looked up by issuing state and number
        number = scan.document_number or scan.text
        person = "P:" + (scan.document_key or number)  # two states may issue one number
        key = LookupKey(
            "passport", number, pseudonym(ctx.pseudonym_key, person), state=scan.issuing_state
        )
    answer = ctx.chain.lookup(key)
    venue = ctx.venue()
    result = answer.result
    decision = decide(
        status=result.status,
        category=venue.category,
        at=at,
        tz=venue.time_zone,
        policy=venue.policy,
        pcr_shown=pcr_shown,
        source=result.source,
        status_age=timedelta(seconds=result.age_s) if result.age_s is not None else None,
        direction=direction,
        occupancy=inside_now(ctx, venue, at) if venue.capacity is not None else None,
        capacity=venue.capacity,
    )
    recorded = Direction.DENIED if decision.verdict is Verdict.DENY else direction
    sealed = None
    if key.kind == "iin" and result.source is not StatusSource.CENTRAL and venue.server_public_key:
        sealed = seal_iin(key.value, venue.server_public_key)
    event = bounds.visit_event(
        id=uuid.uuid4(),
        occurred_at=at,
        direction=recorded,
        method=method,
        status=result.status,
        status_source=str(result.source),
        status_age_s=result.age_s,
        verdict=decision.verdict,
        reason=decision.reason,
        person=key.pseudonym,
        order_number=order_number,
        session_id=session_id,
        staff_id=staff_id,
        door=ctx.door,  # bounds cleans and cuts it
        test_mode=_in_test_mode(venue, at),
        offline=not result.online,
    )
    record_visit(ctx, event, note=decision.note or "", source=result.source, sealed_iin=sealed)
    return CheckResult(
        kind="visitor",
        verdict=decision.verdict,
        reason=decision.reason,
        message=decision.message,
        note=decision.note,
        overridable=decision.overridable,
        needs=decision.needs,
        status=result.status,
        source=result.source,
        age_s=result.age_s,
        direction=recorded,
        visit_id=event.id,
        person_tag=short_pseudonym(key.pseudonym),
        offline=not result.online,
        layout=scan.layout,
        order_number=order_number,
        tried=answer.tried,
    )


def record_visit(
    ctx: StationContext,
    event: p.VisitEvent,
    *,
    note: str = "",
    source: StatusSource | None = None,
    sealed_iin: str | None = None,
) -> None:
    """The visit row and its outbox row, committed together and durably."""
    with ctx.sessions.begin() as session:
        add_visit(session, ctx, event, note=note, source=source, sealed_iin=sealed_iin)


def add_visit(
    session: Session,
    ctx: StationContext,
    event: p.VisitEvent,
    *,
    note: str = "",
    source: StatusSource | None = None,
    sealed_iin: str | None = None,
) -> None:
    session.add(
        VisitRow(
            id=event.id,
            occurred_at=event.occurred_at,
            direction=event.direction,
            method=event.method,
            status=event.status,
            status_source=source,
            status_age_s=event.status_age_s,
            verdict=event.verdict,
            reason=event.reason[:200],
            note=note[:200],
            person=event.person,
            sealed_iin=sealed_iin,
            order_number=event.order_number,
            ticket_code=event.ticket_code,
            session_id=event.session_id,
            staff_id=event.staff_id,
            station_id=ctx.station_id,
            door=event.door,
            test_mode=event.test_mode,
            offline=event.offline,
        )
    )
    enqueue_visit(session, event, now=ctx.clock())


def _record_rejection(
    ctx: StationContext,
    rejection: Rejection,
    *,
    at: datetime,
    method: InputMethod,
    staff_id: uuid.UUID | None,
) -> CheckResult:
    """An unreadable scan is an event too: the log shows the door tried."""
    event = bounds.visit_event(
        id=uuid.uuid4(),
        occurred_at=at,
        direction=Direction.DENIED,
        method=method,
        status=None,
        status_source=None,
        status_age_s=None,
        verdict=Verdict.DENY,
        reason=f"scan_{rejection.code}"[:200],
        person=None,
        staff_id=staff_id,
        door=ctx.door,  # bounds cleans and cuts it
    )
    record_visit(ctx, event)
    return CheckResult(
        kind="rejected",
        verdict=Verdict.DENY,
        reason=rejection.code,
        message=rejection.message,
        direction=Direction.DENIED,
        visit_id=event.id,
        layout=rejection.layout,
    )


def inside_now(ctx: StationContext, venue: VenueSettings, at: datetime) -> int:
    """Entries admitted minus exits since the venue's local midnight: the occupancy."""
    zone = ZoneInfo(venue.time_zone)
    midnight = datetime.combine(at.astimezone(zone).date(), time(0), tzinfo=zone)
    admitted_entry = (VisitRow.direction == Direction.ENTRY) & (VisitRow.verdict == Verdict.ADMIT)
    query = select(
        func.coalesce(func.sum(case((admitted_entry, 1), else_=0)), 0),
        func.coalesce(func.sum(case((VisitRow.direction == Direction.EXIT, 1), else_=0)), 0),
    ).where(
        VisitRow.occurred_at >= midnight,
        # a venue in its test week works normally: its (test) visits fill it like real ones
        VisitRow.test_mode.is_(_in_test_mode(venue, at)),
    )
    with ctx.sessions() as session:
        entries, exits = session.execute(query).one()
    return max(0, int(entries) - int(exits))


def _in_test_mode(venue: VenueSettings, at: datetime) -> bool:
    return venue.test_mode_until is not None and at < venue.test_mode_until
