"""The outbox: the one road from this console to the server for visits, refunds and redemptions.

The venue's visit log is its evidence that it checked (venues were sanctioned for not checking),
so nothing recorded may be lost and nothing may be counted twice:

- an event is written locally first, its outbox row in the same transaction (`enqueue_*`);
- `push` sends pending rows in batches of protocol.MAX_BATCH, oldest first; the server answers
  which ids it stored now and which it had already (a retry after a lost answer), and both are
  marked acknowledged; rows are never deleted here, and a database trigger refuses to delete an
  unacknowledged one anyway;
- while the server is away (refused, timed out, 5xx), the outbox waits an exponentially growing,
  jittered delay before trying again, so a chain of consoles does not stampede a recovering server;
- a batch the server refuses as invalid (422) is split until the one bad event is found; that
  event is kept, marked with the server's reason and retried daily, and the rest go through;
- the sealed IIN lives only in the visit row, is attached when the batch is sent, and is erased
  once the server has acknowledged the visit: after that nobody can get it from this PC.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.records import Outbox as OutboxRow
from app.models.records import OutboxKind
from app.models.refunds import Refund
from app.models.tickets import Ticket
from app.models.visits import VisitEvent as VisitRow
from app.sync import protocol as p
from app.sync.backoff import Backoff
from app.sync.client import CentralClient, SyncError

REJECTED_RETRY = timedelta(days=1)  # a refused event is kept and offered again once a day


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PushReport:
    pushed: int = 0  # stored by the server now
    duplicates: int = 0  # the server had them already (an earlier answer was lost)
    rejected: int = 0  # refused as invalid; kept locally with the server's reason
    redeemed: int = 0  # offline ticket redemptions delivered
    conflicts: tuple[str, ...] = ()  # redemptions the server refused (used at another door ...)
    pending: int = 0  # still waiting after this push
    errors: tuple[str, ...] = ()  # "code: message" of failures that stopped the push
    next_attempt_at: datetime | None = None  # when the outbox will try again, if it backed off


@dataclass
class _Tally:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    redeemed: int = 0
    conflicts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# --- writing: always inside the caller's transaction -------------------------------------------


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

    def pending(self, kind: OutboxKind | None = None) -> int:
        with self.sessions() as session:
            query = select(func.count()).select_from(OutboxRow)
            query = query.where(OutboxRow.acknowledged_at.is_(None))
            if kind is not None:
                query = query.where(OutboxRow.kind == kind)
            return int(session.scalar(query) or 0)

    def due(self) -> bool:
        """False while backing off after the server was unreachable."""
        return self.resume_at is None or self.clock() >= self.resume_at

    def push(self, client: CentralClient, *, force: bool = False) -> PushReport:
        """Deliver everything due; stops at the first sign the server is away.

        `force` ignores the back-off (a person pressed "sync now"), never the per-event delay
        of an event the server refused.
        """
        tally = _Tally()
        if not force and not self.due():
            return self._report(tally)
        try:
            self._push_kind(client, OutboxKind.VISIT, tally)
            self._push_kind(client, OutboxKind.REFUND, tally)
            self._push_redemptions(client, tally)
        except SyncError as exc:
            tally.errors.append(f"{exc.code}: {exc.message}")
            if exc.retryable:
                self.failures += 1
                self.resume_at = self.backoff.next_attempt(self.clock(), self.failures)
            return self._report(tally)
        self.failures = 0
        self.resume_at = None
        return self._report(tally)

    def _report(self, tally: _Tally) -> PushReport:
        return PushReport(
            pushed=tally.pushed,
            duplicates=tally.duplicates,
            rejected=tally.rejected,
            redeemed=tally.redeemed,
            conflicts=tuple(tally.conflicts),
            pending=self.pending(),
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
                text("+outbox.acknowledged_at IS NULL AND +outbox.kind = :kind").bindparams(
                    kind=kind.value
                )
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

    def _push_kind(self, client: CentralClient, kind: OutboxKind, tally: _Tally) -> None:
        after_id = self._first_pending_id()
        while True:
            with self.sessions() as session:
                batch = self._due_rows(session, kind, after_id)
                if not batch:
                    return
                after_id = batch[-1][0]
                if kind is OutboxKind.VISIT:
                    _attach_sealed_iins(session, batch)
            self._send(client, kind, self._readable(kind, batch, tally), tally)

    def _readable(
        self, kind: OutboxKind, batch: list[tuple[int, Any, dict[str, Any]]], tally: _Tally
    ) -> list[tuple[int, Any, dict[str, Any], Any]]:
        """Rows whose payload still parses; one that does not (written by an older version
        with a different protocol) is kept and set aside instead of blocking the queue."""
        model: type[p.VisitEvent] | type[p.RefundEvent]
        model = p.VisitEvent if kind is OutboxKind.VISIT else p.RefundEvent
        readable = []
        for row_id, entity, payload in batch:
            try:
                readable.append((row_id, entity, payload, model.model_validate(payload)))
            except ValidationError as exc:
                problem = SyncError("rejected", f"unreadable payload: {exc.error_count()} errors")
                self._note_attempt([row_id], problem)
                self._reject(row_id)
                tally.rejected += 1
        return readable

    def _send(
        self,
        client: CentralClient,
        kind: OutboxKind,
        batch: Sequence[tuple[int, Any, dict[str, Any], Any]],
        tally: _Tally,
    ) -> None:
        if not batch:
            return
        try:
            if kind is OutboxKind.VISIT:
                result = client.post_visits([b[3] for b in batch])
            else:
                result = client.post_refunds([b[3] for b in batch])
        except SyncError as exc:
            if exc.code != "rejected":
                self._note_attempt([b[0] for b in batch], exc)
                raise
            if len(batch) == 1:
                self._note_attempt([batch[0][0]], exc)
                self._reject(batch[0][0])
                tally.rejected += 1
                return
            middle = len(batch) // 2  # find the bad event; the good ones still go through
            self._send(client, kind, batch[:middle], tally)
            self._send(client, kind, batch[middle:], tally)
            return
        self._acknowledge(kind, batch, result, tally)

    def _acknowledge(
        self,
        kind: OutboxKind,
        batch: Sequence[tuple[int, Any, dict[str, Any], Any]],
        result: p.BatchResult,
        tally: _Tally,
    ) -> None:
        accepted = set(result.accepted)
        acknowledged = accepted | set(result.duplicates)
        done = [(b[0], b[1]) for b in batch if b[1] in acknowledged]
        now = self.clock()
        with _relaxed_sync(self.sessions) as session:
            row_ids = [row_id for row_id, _ in done]
            entity_ids = [entity for _, entity in done]
            for chunk in _chunks(row_ids):
                session.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(chunk))
                    .values(acknowledged_at=now, last_error=None)
                )
            model = VisitRow if kind is OutboxKind.VISIT else Refund
            for chunk in _chunks(entity_ids):
                values: dict[str, Any] = {"synced_at": now}
                if kind is OutboxKind.VISIT:
                    values["sealed_iin"] = None  # the server has it: erase the only copy here
                session.execute(update(model).where(model.id.in_(chunk)).values(**values))
        tally.pushed += sum(1 for _, e in done if e in accepted)
        tally.duplicates += sum(1 for _, e in done if e not in accepted)
        missing = [b[0] for b in batch if b[1] not in acknowledged]
        if missing:  # the server skipped some: offer them again later, never assume delivery
            self._note_attempt(missing, SyncError("bad_response", "not acknowledged by the server"))
            self._delay(missing, self.backoff.next_attempt(now, 1))

    def _push_redemptions(self, client: CentralClient, tally: _Tally) -> None:
        after_id = self._first_pending_id()
        while True:
            with self.sessions() as session:
                batch = self._due_rows(session, OutboxKind.REDEMPTION, after_id)
                if not batch:
                    return
                after_id = batch[-1][0]
            for row_id, _, payload in batch:
                code = str(payload.pop("ticket_code"))
                try:
                    answer = client.redeem(code, p.RedeemRequest.model_validate(payload))
                except SyncError as exc:
                    self._note_attempt([row_id], exc)
                    if exc.code != "rejected":
                        raise
                    self._reject(row_id)
                    tally.rejected += 1
                    continue
                self._settle_redemption(row_id, code, answer, tally)

    def _settle_redemption(
        self, row_id: int, code: str, answer: p.RedeemResponse, tally: _Tally
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
            for chunk in _chunks(list(row_ids)):
                session.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(chunk))
                    .values(
                        attempts=OutboxRow.attempts + 1,
                        last_error=f"{exc.code}: {exc.message}"[:500],
                    )
                )

    def _reject(self, row_id: int) -> None:
        self._delay([row_id], self.clock() + REJECTED_RETRY)

    def _delay(self, row_ids: Sequence[int], until: datetime) -> None:
        with self.sessions.begin() as session:
            for chunk in _chunks(list(row_ids)):
                session.execute(
                    update(OutboxRow).where(OutboxRow.id.in_(chunk)).values(next_attempt_at=until)
                )


@contextlib.contextmanager
def _relaxed_sync(sessions: sessionmaker[Session]) -> Iterator[Connection]:
    """A transaction committed without waiting for the disk flush (synchronous=NORMAL).

    Only for acknowledgements: losing one to a power cut is harmless (the event is sent
    again and the server answers "duplicate"), while waiting for the flush was most of the
    console's share of draining a backlog. Visits keep synchronous=FULL (write before show),
    and the connection gets FULL back before it returns to the pool.
    """
    engine = sessions.kw["bind"]
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA synchronous = NORMAL")
        try:
            with connection.begin():
                yield connection
        finally:
            raw.execute("PRAGMA synchronous = FULL")


def _attach_sealed_iins(session: Session, batch: list[tuple[int, Any, dict[str, Any]]]) -> None:
    ids = [entity for _, entity, _ in batch]
    sealed: dict[str, str | None] = {}
    for chunk in _chunks(ids):
        query = select(VisitRow.id, VisitRow.sealed_iin).where(
            VisitRow.id.in_(chunk), VisitRow.sealed_iin.is_not(None)
        )
        sealed.update({str(row_id): value for row_id, value in session.execute(query)})
    for _, entity, payload in batch:
        value = sealed.get(str(entity))
        if value is not None:
            payload["sealed_iin"] = value


def _chunks(items: list[Any], size: int = 500) -> list[list[Any]]:
    """SQLite limits bound parameters per statement; 500 stays well inside every build."""
    return [items[i : i + size] for i in range(0, len(items), size)]
