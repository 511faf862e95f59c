"""What one server process is told at start: where its database, keys and upstream are."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    key_file: Path
    upstream_url: str | None = None  # another service speaking /api/v1/status; None = registry
    upstream_token: str | None = None
    upstream_cache_s: float = 60.0
    upstream_timeout_s: float = 2.0
    public_url: str | None = None  # what QR posters encode; None = the URL the console used
    station_rate: float = 20.0  # status lookups per second, sustained, per station
    station_burst: int = 40
    # Visitor page, per client address, form and check-in alike. A venue's Wi-Fi (or a mobile
    # operator's NAT) puts hundreds of phones behind one address: a 300-seat hall arriving in the
    # last ten minutes before a show is about 30 phones a minute (two requests each), and 75 phones
    # at once fit in the burst. An address asking more than 300 times a minute is a script.
    visitor_rate: float = 5.0  # 300 a minute sustained
    visitor_burst: int = 150
    # ...and per person: one IIN at one venue at most once in this many seconds (0: no limit), so
    # a double tap or a reload is not a second check-in at the door and a script knowing a number
    # cannot flood the door's stream with it. Keyed by the venue's keyed hash of the IIN (the
    # pseudonym the check-in stores anyway), never by the number itself.
    visitor_person_interval_s: float = 30.0
    enroll_rate: float = 0.1  # enrollment attempts per second per client address
    enroll_burst: int = 10
    # a check-in stream reads the table this often; on PostgreSQL a LISTEN/NOTIFY wake-up comes
    # first, so the poll there is only a safety net (None: 0.5 s on SQLite, 5 s on PostgreSQL)
    sse_poll_s: float | None = None
    trusted_proxies: tuple[str, ...] = ()  # peers whose X-Forwarded-For/-Proto are believed
    token_days: float = 90.0  # a station token's life; consoles rotate before it ends
    stream_recheck_s: float = 2.0  # an open check-in stream re-checks its station this often
    # who may read /metrics besides this machine's own unproxied callers (central.metrics)
    metrics_token: str | None = None
    token_cache_s: float = 2.0  # a status lookup may trust a token check this old (0: never)

    def to_json(self) -> str:
        """The settings as JSON: how `serve --workers N` hands them to each worker process."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["key_file"] = str(self.key_file)
        values["trusted_proxies"] = list(self.trusted_proxies)
        return json.dumps(values)

    @classmethod
    def from_json(cls, text: str) -> ServerSettings:
        values = json.loads(text)
        values["key_file"] = Path(values["key_file"])
        values["trusted_proxies"] = tuple(values.get("trusted_proxies", ()))
        return cls(**values)

    # Visits (and their sealed IINs) older than this many whole months before the current one
    # are dropped (central.partitions.prune) at start-up and every upkeep pass; None keeps all.
    retention_months: int | None = None
    upkeep_s: float = 3600.0  # partitions ahead and retention, this often
    seal_check_poll_s: float = 30.0  # pending sealed IINs left by another process, this often
