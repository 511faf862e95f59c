"""The only handle on a person the venue keeps: a keyed hash of the IIN (DOMAIN.md §4)."""

from __future__ import annotations

import base64
import hashlib
import hmac


def pseudonym(key: bytes, iin: str) -> str:
    """HMAC-SHA256 of the IIN under the venue's key, hex. Stable per venue, useless without the key."""
    if len(key) < 16:
        raise ValueError("pseudonym key must be at least 16 bytes")
    return hmac.new(key, iin.encode("ascii"), hashlib.sha256).hexdigest()


def short_pseudonym(full: str) -> str:
    """Eight characters for the visit log: enough to tell visitors apart, not to recover them."""
    raw = bytes.fromhex(full[:10])
    return base64.b32encode(raw).decode("ascii")[:8]
