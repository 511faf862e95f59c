"""The status lookup remembers a token check for at most token_cache_s (2 s): a revocation reaches
the door's hot path within that window, on either database. A rotation drops the old token from
the cache of the process that rotated it at once (other workers' caches within the window)."""

from __future__ import annotations

import time

from app.core.statuses import Status
from central import stations
from central.demo import DEMO_IINS
from tests import timing
from tests.central.harness import Server

CACHE_S = 2.0  # ServerSettings.token_cache_s, the default the servers here run with


def test_a_revoked_station_stops_looking_up_within_the_cache_window(server: Server) -> None:
    enrolled = server.enroll(role="door", name="cached then revoked")
    number = DEMO_IINS[Status.GREEN][0]
    with server.client(enrolled["token"]) as api:
        assert api.get(f"/status/{number}").status_code == 200  # the token check is now cached
        with server.engine.begin() as conn:
            stations.revoke(conn, enrolled["station_id"])
        revoked_at = time.monotonic()
        deadline = revoked_at + timing.seconds(10)
        # asked as fast as it answers, so the station's rate limit (429) may speak before the
        # revocation: both mean "not refused yet"
        while (reply := api.get(f"/status/{number}")).status_code in (200, 429):
            assert time.monotonic() < deadline, "a revoked token kept looking up"
        refused_after = time.monotonic() - revoked_at
    assert reply.status_code == 401 and reply.json()["code"] == "revoked"
    # within the window (plus one request's time on a busy machine), never open-ended
    assert refused_after < CACHE_S + timing.seconds(1)


def test_the_token_before_a_rotation_is_never_cached(server: Server) -> None:
    old = server.enroll(role="door", name="rotating door")["token"]
    number = DEMO_IINS[Status.GREEN][0]
    with server.client(old) as api:
        assert api.get(f"/status/{number}").status_code == 200
        new = api.post("/token/rotate").json()["token"]
        assert api.get(f"/status/{number}").status_code == 200  # the old one, until the new...
    with server.client(new) as api:
        assert api.get(f"/status/{number}").status_code == 200  # ...is first used
    with server.client(old) as api:
        reply = api.get(f"/status/{number}")
    assert reply.status_code == 401, reply.text
