"""How long to wait before trying the server again: exponential, capped, with full jitter.

When the central server comes back after an outage, every console of a chain would otherwise
retry in the same second; a random delay in [0, min(cap, base * 2**n)] spreads them out (the
"full jitter" of AWS's architecture note). The random source is injected so tests are exact.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass
class Backoff:
    base_s: float = 1.0
    cap_s: float = 300.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, failures: int) -> timedelta:
        """The wait after `failures` consecutive failures (1 = the first)."""
        if failures <= 0:
            return timedelta(0)
        ceiling = min(self.cap_s, self.base_s * (2 ** min(failures - 1, 32)))
        return timedelta(seconds=self.rng.uniform(0.0, ceiling))

    def next_attempt(self, now: datetime, failures: int) -> datetime:
        return now + self.delay(failures)
