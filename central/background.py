"""Work a server process does beside its requests: a thread that runs one step when woken or due.

Used for the check of sealed IINs (central.seal_check), woken by every visit batch that stored
one, and for the partitions' upkeep and retention (central.partitions), due every hour. A step
that fails is logged and tried again at the next wake or interval: it never stops the server.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger("central.background")


class Background:
    def __init__(self, name: str, step: Callable[[], object], interval_s: float) -> None:
        self.name = name
        self._step = step
        self._interval_s = interval_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> Background:
        self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self._step()
            except Exception:  # noqa: BLE001 - logged; the next wake or interval tries again
                log.exception("%s failed; trying again later", self.name)
            self._wake.wait(self._interval_s)
