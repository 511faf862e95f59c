"""Staff PINs: checked at login and for supervisor overrides, stored only as a slow salted hash.

A 4-8 digit PIN has at most 10^8 values, so no hash makes a stolen database safe on its own; the
slow hash (scrypt, about 75 ms per try on a door PC) and the per-PIN random salt make a stolen copy
expensive to search and useless for precomputed tables, and lockout after failed tries is the
login service's job. The stored string carries its own parameters (``scrypt$n$r$p$salt$hash``) so
the cost can be raised later without invalidating PINs already stored; `needs_rehash` says when a
stored hash is older than the current cost. Pure Python: no project imports, no clock.

Supervisors (manager, admin) approve what the rules refuse, so their PINs must not fall to an
offline search of one station's data (a 4-digit PIN fell in minutes). Decision, three layers:

* Longer PINs by role (`validate_pin_for_role`): supervisors 8-12 digits, door staff and
  cashiers 4-8 as before. 10^8 candidates at the least.
* A memory-hard offline verifier: scrypt at `OFFLINE_N` (2^17, r=8: 128 MiB; bench/bench_pins.py
  measured 1.07 s per try at best on the build machine, so 10^8 tries take 3.4 years of one
  core, 12 days of 100 cores with 12.5 GiB), made by the server when the PIN is set.
* A station pepper: a station never receives that verifier as is, only `wrap_verifier`'s form,
  whose last field is HMAC-SHA256(pepper, scrypt digest) under a 256-bit key issued to that
  station once, at enrollment, and kept in its OS keyring (app.sync.secrets), never in its
  database. The SQLite file alone, or a captured /config answer alone, cannot test a single
  guess; with the keyring too, a search costs 10^8 scrypt runs of 128 MiB per supervisor.
  The login hash of a supervisor is never sent to a station at all.

When the server is reachable the console asks it instead (POST /api/v1/approvals, rate-limited
and audited there); the wrapped verifier is the offline fallback, because a door must keep
working without the network. The price: an offline approval runs one such scrypt per supervisor
until one matches (about a second each), and a supervisor logging in offline waits that long.
Not chosen: longer PINs alone (10^8 tries of the 16 MiB hash is weeks on a few cores) and
server-only approval (no approvals offline).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os

SCHEME = "scrypt"
DEFAULT_N = 2**14  # CPU/memory cost: ~75 ms and 16 MiB per hash on a typical door PC
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 12  # any PIN's shape; the role decides the length it may have
STAFF_PIN_LENGTHS = (4, 8)  # door staff and cashiers
SUPERVISOR_PIN_LENGTHS = (8, 12)  # managers and admins: at least 10^8 candidates
SUPERVISOR_ROLES = frozenset({"manager", "admin"})  # app.core.statuses.Role values
OFFLINE_N = 2**17  # the supervisors' offline verifier: 128 MiB, ~0.5 s per try (bench_pins)
PEPPERED = "scrypt-hmac"  # scheme of a verifier wrapped with a station's pepper
PEPPER_BYTES = 32

# Bounds for parameters read back from storage: a corrupted or hostile row must not make a login
# attempt allocate gigabytes or spin for minutes.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
_MAXMEM = 1024 * 1024 * 1024


class InvalidPin(ValueError):
    """The PIN a person chose or typed has the wrong shape; the message can be shown as is."""


def validate_pin(pin: str) -> str:
    """Return the PIN if it is 4-12 ASCII digits, else raise InvalidPin saying what is wrong.

    Only ASCII digits: `str.isdigit` also accepts other scripts' digits and superscripts, which a
    PIN pad cannot type and which would make the same-looking PIN hash differently.
    """
    if not isinstance(pin, str):
        raise InvalidPin("The PIN must be text made of digits.")
    if not (pin.isascii() and pin.isdigit()):
        raise InvalidPin("The PIN may contain only the digits 0-9.")
    if not MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH:
        raise InvalidPin(
            f"The PIN must have {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits, not {len(pin)}."
        )
    return pin


def pin_lengths(role: str) -> tuple[int, int]:
    """The shortest and longest PIN a member of staff with this role may be given."""
    return SUPERVISOR_PIN_LENGTHS if str(role) in SUPERVISOR_ROLES else STAFF_PIN_LENGTHS


def validate_pin_for_role(pin: str, role: str) -> str:
    """`validate_pin`, plus the length the role needs: used wherever a PIN is set, never at login
    (a PIN set before the rule still logs in; it just gets no offline verifier)."""
    if isinstance(pin, str) and pin.isascii() and pin.isdigit():  # else validate_pin says why
        low, high = pin_lengths(role)
    else:
        low, high = MIN_PIN_LENGTH, MAX_PIN_LENGTH
        validate_pin(pin)
    if not low <= len(pin) <= high:
        who = "A manager's or admin's" if str(role) in SUPERVISOR_ROLES else "This role's"
        raise InvalidPin(f"{who} PIN must have {low} to {high} digits, not {len(pin)}.")
    return pin


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=dklen
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _valid_params(n: int, r: int, p: int) -> bool:
    power_of_two = n > 1 and n & (n - 1) == 0
    return power_of_two and n <= _MAX_N and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P


def hash_pin(pin: str, *, n: int = DEFAULT_N, r: int = DEFAULT_R, p: int = DEFAULT_P) -> str:
    """The string to store for a PIN. Tests pass a small ``n`` (e.g. 2**4) to stay fast."""
    validate_pin(pin)
    if not _valid_params(n, r, p):
        raise ValueError(f"unsupported scrypt parameters n={n} r={r} p={p}")
    salt = os.urandom(SALT_BYTES)
    digest = _derive(pin, salt, n, r, p, HASH_BYTES)
    return f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """The parameters, salt and digest of a stored hash, or None if it is not one of ours."""
    if not isinstance(stored, str) or not stored.isascii():
        return None
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    if not all(part.isdigit() for part in parts[1:4]):
        return None
    n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
    if not _valid_params(n, r, p):
        return None
    try:
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (binascii.Error, ValueError):
        return None
    # Exactly what hash_pin writes: a shortened digest would still match its own prefix.
    if len(salt) != SALT_BYTES or len(digest) != HASH_BYTES:
        return None
    return n, r, p, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    """True if ``pin`` matches ``stored``; False for a wrong PIN or a malformed stored string.

    Never raises for bad input: a login screen treats every failure the same way. The comparison
    is constant-time so response timing does not reveal how much of the hash matched.
    """
    parsed = _parse(stored)
    if parsed is None:
        return False
    try:
        validate_pin(pin)
    except InvalidPin:
        return False
    n, r, p, salt, digest = parsed
    candidate = _derive(pin, salt, n, r, p, HASH_BYTES)
    return hmac.compare_digest(candidate, digest)


def needs_rehash(stored: str, *, n: int = DEFAULT_N) -> bool:
    """True when a stored hash is malformed or cheaper than the current cost: re-hash at login."""
    parsed = _parse(stored)
    return parsed is None or parsed[0] < n


def make_offline_verifier(pin: str, *, n: int = OFFLINE_N) -> str:
    """The server-side offline verifier of a supervisor's PIN: `hash_pin` at the high cost."""
    return hash_pin(pin, n=n)


def wrap_verifier(verifier: str, pepper: bytes) -> str:
    """What one station receives: ``scrypt-hmac$n$r$p$salt$HMAC(pepper, digest)``.

    Without the pepper the last field is a MAC under an unknown 256-bit key: no PIN can be
    tested against it. Raises ValueError for a malformed verifier or a short pepper.
    """
    parsed = _parse(verifier)
    if parsed is None:
        raise ValueError("not a stored PIN verifier")
    if len(pepper) < 16:
        raise ValueError("a pepper has at least 16 bytes")
    n, r, p, salt, digest = parsed
    mac = hmac.new(pepper, digest, hashlib.sha256).digest()
    return f"{PEPPERED}${n}${r}${p}${_b64(salt)}${_b64(mac)}"


def is_wrapped(stored: str) -> bool:
    return isinstance(stored, str) and stored.startswith(PEPPERED + "$")


def verify_wrapped(pin: str, wrapped: str, pepper: bytes | None) -> bool:
    """True if ``pin`` matches a `wrap_verifier` string under this station's ``pepper``."""
    if not pepper or not is_wrapped(wrapped):
        return False
    parsed = _parse(SCHEME + wrapped[len(PEPPERED) :])
    if parsed is None:
        return False
    try:
        validate_pin(pin)
    except InvalidPin:
        return False
    n, r, p, salt, mac = parsed
    candidate = hmac.new(pepper, _derive(pin, salt, n, r, p, HASH_BYTES), hashlib.sha256).digest()
    return hmac.compare_digest(candidate, mac)


def verify_stored(pin: str, stored: str, pepper: bytes | None = None) -> bool:
    """Whichever form a station keeps: a wrapped supervisor verifier or a plain PIN hash."""
    if is_wrapped(stored):
        return verify_wrapped(pin, stored, pepper)
    return verify_pin(pin, stored)
