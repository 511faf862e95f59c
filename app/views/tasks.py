"""The one way to run work off the UI thread (DESIGN.md habit 2).

`TaskRunner.run(fn, on_done, on_error)` calls `fn()` in a worker thread and delivers its result or
its exception back on the UI thread, through a queued signal. Widgets are never touched from a
worker. Work that writes to the local database goes through `run_write`, a pool of one thread, so
writes happen one at a time in the order they were asked for.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the UI thread; workers emit through it, slots run on the UI thread."""

    done = Signal(object, object)  # (task id, result)
    failed = Signal(object, object, str)  # (task id, exception, formatted traceback)


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task_id = task_id
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered, never lost in a worker
            self._relay.failed.emit(self._task_id, exc, traceback.format_exc())
        else:
            self._relay.done.emit(self._task_id, result)


class TaskRunner(QObject):
    """Owned by the main window; one per application."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(4)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]
        ] = {}
        self._next_id = 0

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Read-only work (lookups, queries): runs beside other reads."""
        self._submit(self._readers, fn, on_done, on_error)

    def run_write(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Work that writes the local database: one at a time, in order."""
        self._submit(self._writer, fn, on_done, on_error)

    def pending(self) -> int:
        return len(self._callbacks)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every worker is idle (shutdown and tests)."""
        ok = self._writer.waitForDone(msecs) and self._readers.waitForDone(msecs)
        return bool(ok)

    def _submit(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self._next_id += 1
        self._callbacks[self._next_id] = (on_done, on_error)
        pool.start(_Job(self._next_id, fn, self._relay))

    @Slot(object, object)
    def _on_done(self, task_id: int, result: Any) -> None:
        on_done, _ = self._callbacks.pop(task_id, (None, None))
        if on_done is not None:
            on_done(result)

    @Slot(object, object, str)
    def _on_failed(self, task_id: int, exc: BaseException, details: str) -> None:
        _, on_error = self._callbacks.pop(task_id, (None, None))
        if on_error is not None:
            on_error(exc)
        else:
            log.error("background task failed without a handler:\n%s", details)
