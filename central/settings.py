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
    visitor_rate: float = 0.2  # visitor-page check-ins per second per client address
    visitor_burst: int = 10
    enroll_rate: float = 0.1  # enrollment attempts per second per client address
    enroll_burst: int = 10
    sse_poll_s: float = 0.5
    token_days: float = 90.0  # a station token's life; consoles rotate before it ends
    stream_recheck_s: float = 2.0  # an open check-in stream re-checks its station this often
