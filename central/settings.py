"""What one server process is told at start: where its database, keys and upstream are."""

from __future__ import annotations

from dataclasses import dataclass
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
    # Visitor page, per client address (GET and POST alike): a venue's Wi-Fi puts hundreds of
    # phones behind one address, so this is sized for a full hall arriving, not for one phone.
    visitor_rate: float = 5.0  # 300 a minute sustained
    visitor_burst: int = 150  # 75 phones (form + check-in) at once
    # ...and per person: one document number at one venue at most once in this many seconds
    # (keyed by the venue's keyed hash of the number, never the number itself); 0 = no limit.
    visitor_person_interval_s: float = 30.0
    enroll_rate: float = 0.1  # enrollment attempts per second per client address
    enroll_burst: int = 10
    sse_poll_s: float = 0.5
    trusted_proxies: tuple[str, ...] = ()  # peers whose X-Forwarded-For/-Proto are believed
