"""The outbox: the one road from this console to the server for visits, refunds and redemptions.

The venue's visit log is its evidence that it checked (venues were sanctioned for not checking),
so nothing recorded may be lost and nothing may be counted twice:

- an event is written locally first, its outbox row in the same transaction (`enqueue_*`);
- `push` sends pending rows in batches of protocol.MAX_BATCH, oldest first; the server answers
  which ids it stored now and which it had already (a retry after a lost answer), and both are
  marked acknowledged; rows are never deleted here, and a database trigger refuses to delete an
  unacknowledged one anyway;
- while the server is away (refused, timed out, 502/503/504, failing on everything), the outbox
  waits an exponentially growing, jittered delay before trying again, so a chain of consoles
  does not stampede a recovering server;
- one bad event never holds up the rest. A batch the server refuses (4xx) or fails on (500) is
  split in halves until the event is found; an event refused alone, or named in the answer's
  `rejected` list, is set aside at once with the server's code and message; an event on which
  the server fails alone three times, while other requests of the same push succeed, is set
  aside too. When every request fails (or 502/503/504 from a proxy), the server is away: the
  outbox backs off and sets nothing aside. A set-aside row is kept, never deleted, shown to a
  manager (`ashyq outbox list`, the status bar) and sent again only when a manager retries it:
  the same bytes would get the same refusal, and an event that makes the server fail would make
  it fail every day; a person who sees the reason decides (app/sync/set_aside.py);
- the sealed IIN lives only in the visit row, is attached when the batch is sent, and is erased
  once the server has acknowledged the visit: after that nobody can get it from this PC.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.records import Outbox as OutboxRow
from app.models.records import OutboxKind
from app.models.refunds import Refund
from app.models.tickets import Ticket
from app.models.visits import VisitEvent as VisitRow
from app.sync import bounds
from app.sync import protocol as p
from app.sync.backoff import Backoff
from app.sync.client import CentralClient, SyncError
from app.sync.outbox_parts import (
    SUSPECT_TRIES,
    PushReport,
    Row,
    Tally,
    attach_sealed_iins,
    away,
    chunks,
    relaxed_sync,
)

__all__ = ["Outbox", "PushReport", "enqueue_redemption", "enqueue_refund", "enqueue_visit"]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def enqueue_visit(session: Session, event: p.VisitEvent, *, now: datetime) -> None:
    """The outbox row for a visit already added to `session`; the sealed IIN stays in the visit."""
    payload = event.model_dump(mode="json", exclude={"sealed_iin"})
    _add(session, OutboxKind.VISIT, event.id, payload, now)


def enqueue_refund(session: Session, event: p.RefundEvent, *, now: datetime) -> None:
    _add(session, OutboxKind.REFUND, event.id, event.model_dump(mode="json"), now)


def enqueue_redemption(
    session: Session, ticket_code: str, request: p.RedeemRequest, *, now: datetime
) -> None:
    """A ticket admitted while the server could not be asked; told to the server later."""
    payload = {"ticket_code": ticket_code, **request.model_dump(mode="json")}
    _add(session, OutboxKind.REDEMPTION, request.nonce, payload, now)


def _add(
    session: Session, kind: OutboxKind, entity_id: Any, payload: dict[str, Any], now: datetime
) -> None:
    session.add(
        OutboxRow(kind=kind, entity_id=entity_id, payload=payload, created_at=now, attempts=0)
    )


# --- pushing ------------------------------------------------------------------------------------


class Outbox:
    """Pushes what is pending; one instance per console process keeps the back-off state."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] = _utcnow,
        rng: random.Random | None = None,
        batch_size: int = p.MAX_BATCH,
    ) -> None:
        self.sessions = sessions
        self.backoff = backoff or Backoff(rng=rng or random.Random())
        self.clock = clock
        self.batch_size = min(batch_size, p.MAX_BATCH)
        self.failures = 0  # consecutive pushes stopped by an unreachable server
        self.resume_at: datetime | None = None
        self.unreachable = False  # the latest push could not reach the server at all

    def pending(self, kind: OutboxKind | None = None) -> int:
        with self.sessions() as session:
            query = select(func.count()).select_from(OutboxRow)
            query = query.where(OutboxRow.acknowledged_at.is_(None))
            query = query.where(OutboxRow.set_aside_at.is_(None))
            if kind is not None:
                query = query.where(OutboxRow.kind == kind)
            return int(session.scalar(query) or 0)

    def set_aside(self) -> int:
        with self.sessions() as session:
            query = select(func.count()).select_from(OutboxRow)
            query = query.where(OutboxRow.acknowledged_at.is_(None))
            query = query.where(OutboxRow.set_aside_at.is_not(None))
            return int(session.scalar(query) or 0)

    def due(self) -> bool:
        """False while backing off after the server was unreachable."""
        return self.resume_at is None or self.clock() >= self.resume_at

    def push(self, client: CentralClient, *, force: bool = False) -> PushReport:
        """Deliver everything due; stops at the first sign the server is away.

        `force` ignores the back-off (a person pressed "sync now"), never the per-event delay
        of an event the server refused.
        """
        tally = Tally()
        if not force and not self.due():
            return self._report(tally)
        try:
            self._push_kind(client, OutboxKind.VISIT, tally)
            self._push_kind(client, OutboxKind.REFUND, tally)
            self._push_redemptions(client, tally)
            self._settle_suspects(client, tally)
        except SyncError as exc:
            tally.errors.append(f"{exc.code}: {exc.message}")
            tally.unreachable = self.unreachable = exc.code in ("offline", "timeout")
            if exc.retryable:
                self.failures += 1
                self.resume_at = self.backoff.next_attempt(self.clock(), self.failures)
            return self._report(tally)
        self.failures = 0
        self.resume_at = None
        self.unreachable = False
        return self._report(tally)

    def _report(self, tally: Tally) -> PushReport:
        return PushReport(
            pushed=tally.pushed,
            duplicates=tally.duplicates,
            rejected=tally.rejected,
            redeemed=tally.redeemed,
            conflicts=tuple(tally.conflicts),
            pending=self.pending(),
            set_aside=self.set_aside(),
            unreachable=tally.unreachable,
            errors=tuple(tally.errors),
            next_attempt_at=self.resume_at,
        )

    def _due_rows(
        self, session: Session, kind: OutboxKind, after_id: int
    ) -> list[tuple[int, Any, dict[str, Any]]]:
        """The next batch in upload order, as (row id, event id, payload).

        Walked along the primary key from `after_id`: the unary plus keeps SQLite off the
        (kind, entity_id) and pending indexes, which would make it gather and sort every
        pending row for each batch (quadratic over a 100,000-visit backlog).
        """
        now = self.clock()
        query = (
            select(OutboxRow.id, OutboxRow.entity_id, OutboxRow.payload)
            .where(
                text(
                    "+outbox.acknowledged_at IS NULL AND +outbox.set_aside_at IS NULL"
                    " AND +outbox.kind = :kind"
                ).bindparams(kind=kind.value)
            )
            .where((OutboxRow.next_attempt_at.is_(None)) | (OutboxRow.next_attempt_at <= now))
            .where(OutboxRow.id > after_id)
            .order_by(OutboxRow.id)
            .limit(self.batch_size)
        )
        return [
            (row_id, entity, dict(payload)) for row_id, entity, payload in session.execute(query)
        ]

    def _first_pending_id(self) -> int:
        """Where the walk starts: just before the oldest unacknowledged row (pending index)."""
        with self.sessions() as session:
            first = session.scalar(
                select(func.min(OutboxRow.id)).where(OutboxRow.acknowledged_at.is_(None))
            )
        return int(first) - 1 if first is not None else 0

    def _push_kind(self, client: CentralClient, kind: OutboxKind, tally: Tally) -> None:
        after_id = self._first_pending_id()
        while True:
            with self.sessions() as session:
                batch = self._due_rows(session, kind, after_id)
                if not batch:
                    return
                after_id = batch[-1][0]
                if kind is OutboxKind.VISIT:
                    attach_sealed_iins(session, batch)
            self._send(client, kind, self._readable(kind, batch, tally), tally)

    def _readable(
        self, kind: OutboxKind, batch: list[tuple[int, Any, dict[str, Any]]], tally: Tally
    ) -> list[tuple[int, Any, dict[str, Any], Any]]:
        """Rows whose payload still parses; one that does not (written by an older version
        with a different protocol) is kept and set aside instead of blocking the queue.

        A visit queued before the protocol had its bounds may hold a value the server now
        refuses (a long or dirty text, a huge count): it is cleaned the way a new one is.
        """
        model: type[p.VisitEvent] | type[p.RefundEvent]
        model = p.VisitEvent if kind is OutboxKind.VISIT else p.RefundEvent
        readable = []
        for row_id, entity, payload in batch:
            event: p.VisitEvent | p.RefundEvent | None
            try:
                event = model.model_validate(payload)
            except ValidationError as exc:
                event = bounds.visit_from_payload(payload) if kind is OutboxKind.VISIT else None
                if event is None:
                    problem = f"unreadable payload: {exc.error_count()} errors"
                    self._note_attempt([row_id], SyncError("unreadable", problem))
                    self._set_aside([row_id], "unreadable", problem, tally)
                    continue
            readable.append((row_id, entity, payload, event))
        return readable

    def _post(self, client: CentralClient, kind: OutboxKind, batch: Sequence[Row]) -> p.BatchResult:
        if kind is OutboxKind.VISIT:
            return client.post_visits([b[3] for b in batch])
        return client.post_refunds([b[3] for b in batch])

    def _send(
        self, client: CentralClient, kind: OutboxKind, batch: Sequence[Row], tally: Tally
    ) -> None:
        """Send a batch; on a refusal or failure of the batch, split it to find the bad event."""
        if not batch:
            return
        try:
            result = self._post(client, kind, batch)
        except SyncError as exc:
            self._note_attempt([b[0] for b in batch], exc)
            if away(exc):
                raise
            if len(batch) == 1:
                self._single_failed(kind, batch[0], exc, tally)
                return
            if exc.code == "server_error":
                tally.failing += 1
                if tally.failing > self.batch_size.bit_length() + 2:
                    raise  # no half works either: the server fails on everything
            middle = len(batch) // 2
            self._send(client, kind, batch[:middle], tally)
            self._send(client, kind, batch[middle:], tally)
            return
        tally.successes += 1
        tally.failing = 0
        self._acknowledge(kind, batch, result, tally)

    def _single_failed(self, kind: OutboxKind, row: Row, exc: SyncError, tally: Tally) -> None:
        if exc.code == "rejected":
            self._set_aside([row[0]], exc.server_code or "rejected", exc.message, tally)
        else:  # the server failed on it alone: try it again once the rest has gone through
            tally.suspects.append((kind, row))

    def _settle_suspects(self, client: CentralClient, tally: Tally) -> None:
        """Each event the server failed on alone gets SUSPECT_TRIES tries in all; set aside
        only if the server meanwhile answered other requests, else it is away (back off)."""
        for kind, row in tally.suspects:
            failure: SyncError | None = None
            for _ in range(SUSPECT_TRIES - 1):
                try:
                    if kind is OutboxKind.REDEMPTION:
                        answer = client.redeem(str(row[2]["ticket_code"]), row[3])
                        self._settle_redemption(row[0], str(row[2]["ticket_code"]), answer, tally)
                    else:
                        self._acknowledge(kind, [row], self._post(client, kind, [row]), tally)
                    failure = None
                    break
                except SyncError as exc:
                    self._note_attempt([row[0]], exc)
                    if away(exc):
                        raise
                    failure = exc
                    if exc.code == "rejected":
                        break
            if failure is None:
                continue
            if failure.code == "rejected":
                self._single_failed(kind, row, failure, tally)
            elif tally.successes == 0:
                raise failure
            else:
                self._set_aside([row[0]], "server_error", failure.message, tally)
        tally.suspects.clear()

    def _acknowledge(
        self,
        kind: OutboxKind,
        batch: Sequence[Row],
        result: p.BatchResult,
        tally: Tally,
    ) -> None:
        accepted = set(result.accepted)
        acknowledged = accepted | set(result.duplicates)
        ids = {b[1] for b in batch}
        refused = {r.id: r for r in result.rejected if r.id in ids and r.id not in acknowledged}
        for row_id, entity, *_ in batch:
            if entity in refused:
                self._set_aside([row_id], refused[entity].code, refused[entity].message, tally)
        done = [(b[0], b[1]) for b in batch if b[1] in acknowledged]
        now = self.clock()
        with relaxed_sync(self.sessions) as session:
            row_ids = [row_id for row_id, _ in done]
            entity_ids = [entity for _, entity in done]
            for chunk in chunks(row_ids):
                session.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(chunk))
                    .values(acknowledged_at=now, last_error=None)
                )
            model = VisitRow if kind is OutboxKind.VISIT else Refund
            for chunk in chunks(entity_ids):
                values: dict[str, Any] = {"synced_at": now}
                if kind is OutboxKind.VISIT:
                    values["sealed_iin"] = None  # the server has it: erase the only copy here
                session.execute(update(model).where(model.id.in_(chunk)).values(**values))
        tally.pushed += sum(1 for _, e in done if e in accepted)
        tally.duplicates += sum(1 for _, e in done if e not in accepted)
        missing = [b[0] for b in batch if b[1] not in acknowledged and b[1] not in refused]
        if missing:  # the server skipped some: offer them again later, never assume delivery
            self._note_attempt(missing, SyncError("bad_response", "not acknowledged by the server"))
            self._delay(missing, self.backoff.next_attempt(now, 1))

    def _push_redemptions(self, client: CentralClient, tally: Tally) -> None:
        after_id = self._first_pending_id()
        while True:
            with self.sessions() as session:
                batch = self._due_rows(session, OutboxKind.REDEMPTION, after_id)
                if not batch:
                    return
                after_id = batch[-1][0]
            for row_id, entity, payload in batch:
                code = str(payload["ticket_code"])
                fields = {k: v for k, v in payload.items() if k != "ticket_code"}
                try:
                    request = p.RedeemRequest.model_validate(fields)
                except ValidationError as exc:
                    problem = f"unreadable payload: {exc.error_count()} errors"
                    self._set_aside([row_id], "unreadable", problem, tally)
                    continue
                try:
                    answer = client.redeem(code, request)
                except SyncError as exc:
                    self._note_attempt([row_id], exc)
                    if away(exc):
                        raise
                    row = (row_id, entity, payload, request)
                    self._single_failed(OutboxKind.REDEMPTION, row, exc, tally)
                    continue
                tally.successes += 1
                self._settle_redemption(row_id, code, answer, tally)

    def _settle_redemption(
        self, row_id: int, code: str, answer: p.RedeemResponse, tally: Tally
    ) -> None:
        """Any answer is final; a refusal means the ticket was admitted twice while offline."""
        now = self.clock()
        with self.sessions.begin() as session:
            row = session.get(OutboxRow, row_id)
            assert row is not None
            row.acknowledged_at = now
            row.last_error = None if answer.ok else f"{answer.code}: {answer.message}"
            ticket = session.get(Ticket, code)
            if ticket is not None and answer.used_at is not None:
                ticket.used_at = answer.used_at
                ticket.used_door = answer.used_door
        if answer.ok:
            tally.redeemed += 1
        else:
            tally.conflicts.append(f"{code}: {answer.message}")

    def _note_attempt(self, row_ids: Sequence[int], exc: SyncError) -> None:
        with self.sessions.begin() as session:
            for chunk in chunks(list(row_ids)):
                session.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(chunk))
                    .values(
                        attempts=OutboxRow.attempts + 1,
                        last_error=f"{exc.code}: {exc.message}"[:500],
                    )
                )

    def _set_aside(self, row_ids: Sequence[int], code: str, message: str, tally: Tally) -> None:
        """Kept, never deleted, not sent again until a manager retries it."""
        with self.sessions.begin() as session:
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_(list(row_ids)))
                .values(
                    set_aside_at=self.clock(),
                    set_aside_code=code[:64],
                    set_aside_message=message[:500],
                    next_attempt_at=None,
                )
            )
        tally.rejected += len(row_ids)

    def _delay(self, row_ids: Sequence[int], until: datetime) -> None:
        with self.sessions.begin() as session:
            for chunk in chunks(list(row_ids)):
                session.execute(
                    update(OutboxRow).where(OutboxRow.id.in_(chunk)).values(next_attempt_at=until)
                )
