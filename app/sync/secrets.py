"""The station's secrets live in the operating system's keyring, never in the database or a file.

What is kept: the station token (a bearer credential for the central API), the venue's
pseudonym key (HMAC key that turns an IIN into the only handle the venue stores), and the
station's PIN pepper (the key that wraps the supervisors' offline PIN verifiers, app.core.pins:
without it the database's copy of those verifiers cannot test a single guess). Both are worth
stealing, so they go where the OS protects them: Windows Credential Manager, macOS Keychain, or a
Secret Service (GNOME Keyring, KWallet) on Linux. The database keeps only what is public.

Several stations may share one machine (two doors in a test, a training profile), so every entry
is named by a profile: the username in the keyring is ``"<profile>/<what>"``.

`DemoFileKeyring` exists for the one-machine demo only: it writes secrets in plain JSON, says so
in its name and in the file, and is never chosen unless `use_demo_keyring` is called.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
from jaraco.classes.properties import classproperty

SERVICE = "ashyq-console"
DEFAULT_PROFILE = "default"

_TOKEN = "station-token"
_PSEUDONYM_KEY = "pseudonym-key"
_PIN_PEPPER = "pin-pepper"
_FISCAL = "fiscal-register"  # the online cash register's login, password and API key (JSON)

_HOW_TO_FIX = (
    "On Windows the Credential Manager is built in; on Linux install and unlock a Secret Service "
    "(for example GNOME Keyring: `apt install gnome-keyring`, then log in to a desktop session), "
    "or start the console in demo mode, which uses a plainly labelled demo file instead."
)


class KeyringUnavailable(Exception):
    """No usable keyring: the console cannot keep its token safely, so it refuses to go on."""

    code = "keyring_unavailable"

    def __init__(self, detail: str) -> None:
        self.message = (
            f"No usable keyring to keep the station's credentials: {detail}. {_HOW_TO_FIX}"
        )
        super().__init__(self.message)


class NotEnrolled(Exception):
    """The keyring holds no token for this profile: the station has not been enrolled yet."""

    code = "not_enrolled"

    def __init__(self, profile: str) -> None:
        self.message = (
            f"This station is not enrolled (profile {profile!r}). "
            "Ask a manager for an enrollment code and run `ashyq enroll --server URL --code CODE`."
        )
        super().__init__(self.message)


@dataclass(frozen=True)
class StationSecrets:
    """Both secrets; kept out of repr so a stray log line or traceback never shows them."""

    token: str = field(repr=False)
    pseudonym_key: bytes = field(repr=False)
    pin_pepper: bytes | None = field(default=None, repr=False)  # None: enrolled before peppers


def _backend() -> keyring.backend.KeyringBackend:
    from keyring.backends import chainer, fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise KeyringUnavailable("no keyring backend was found on this system")
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        raise KeyringUnavailable("no keyring backend was found on this system")
    return backend


def _get(username: str) -> str | None:
    backend = _backend()
    try:
        return backend.get_password(SERVICE, username)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"{type(exc).__name__}: {exc}") from None


def _set(username: str, value: str) -> None:
    backend = _backend()
    try:
        backend.set_password(SERVICE, username, value)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"{type(exc).__name__}: {exc}") from None


def _delete(username: str) -> None:
    backend = _backend()
    try:
        backend.delete_password(SERVICE, username)
    except keyring.errors.PasswordDeleteError:
        pass  # nothing stored: already forgotten
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"{type(exc).__name__}: {exc}") from None


def check_keyring() -> str:
    """The backend's display name; raises KeyringUnavailable before enrollment rather than after."""
    return str(_backend().name)


def store(
    token: str,
    pseudonym_key: bytes,
    profile: str = DEFAULT_PROFILE,
    *,
    pin_pepper: bytes | None = None,
) -> None:
    """Keep the station's credentials; called once, by enrollment."""
    if len(pseudonym_key) < 16:
        raise ValueError("pseudonym key must be at least 16 bytes")
    if pin_pepper is not None and len(pin_pepper) < 16:
        raise ValueError("PIN pepper must be at least 16 bytes")
    _set(f"{profile}/{_TOKEN}", token)
    _set(f"{profile}/{_PSEUDONYM_KEY}", base64.b64encode(pseudonym_key).decode("ascii"))
    if pin_pepper is not None:
        _set(f"{profile}/{_PIN_PEPPER}", base64.b64encode(pin_pepper).decode("ascii"))
    else:
        _delete(f"{profile}/{_PIN_PEPPER}")  # a re-enrolled station must not keep an old one


def store_pin_pepper(pin_pepper: bytes, profile: str = DEFAULT_PROFILE) -> None:
    """Keep the pepper a station enrolled before peppers was given later (once)."""
    if len(pin_pepper) < 16:
        raise ValueError("PIN pepper must be at least 16 bytes")
    _set(f"{profile}/{_PIN_PEPPER}", base64.b64encode(pin_pepper).decode("ascii"))


def store_token(token: str, profile: str = DEFAULT_PROFILE) -> None:
    """Replace the station token (after a rotation); the pseudonym key stays."""
    if not token:
        raise ValueError("empty token")
    _set(f"{profile}/{_TOKEN}", token)


def load(profile: str = DEFAULT_PROFILE) -> StationSecrets:
    """The credentials of an enrolled station; NotEnrolled when there are none."""
    token = _get(f"{profile}/{_TOKEN}")
    key_text = _get(f"{profile}/{_PSEUDONYM_KEY}")
    if not token or not key_text:
        raise NotEnrolled(profile)
    try:
        key = base64.b64decode(key_text, validate=True)
    except (binascii.Error, ValueError):
        raise NotEnrolled(profile) from None
    pepper: bytes | None = None
    if pepper_text := _get(f"{profile}/{_PIN_PEPPER}"):
        try:
            pepper = base64.b64decode(pepper_text, validate=True)
        except (binascii.Error, ValueError):
            pepper = None  # unreadable: offline approvals fail, online ones still work
    return StationSecrets(token=token, pseudonym_key=key, pin_pepper=pepper)


def token(profile: str = DEFAULT_PROFILE) -> str:
    return load(profile).token


def pseudonym_key(profile: str = DEFAULT_PROFILE) -> bytes:
    return load(profile).pseudonym_key


def forget(profile: str = DEFAULT_PROFILE) -> None:
    """Remove the station's credentials (un-enrolling a PC that leaves the venue)."""
    _delete(f"{profile}/{_TOKEN}")
    _delete(f"{profile}/{_PSEUDONYM_KEY}")
    _delete(f"{profile}/{_PIN_PEPPER}")


@dataclass(frozen=True)
class FiscalCredentials:
    """The cash register's account (Webkassa: login, password, the integration's API key)."""

    login: str
    password: str = field(repr=False)
    api_key: str = field(default="", repr=False)


def store_fiscal_credentials(
    credentials: FiscalCredentials, profile: str = DEFAULT_PROFILE
) -> None:
    if not credentials.login or not credentials.password:
        raise ValueError("the register's login and password are both needed")
    value = {
        "login": credentials.login,
        "password": credentials.password,
        "api_key": credentials.api_key,
    }
    _set(f"{profile}/{_FISCAL}", json.dumps(value))


def fiscal_credentials(profile: str = DEFAULT_PROFILE) -> FiscalCredentials | None:
    """The register's account, or None when none was stored (or it is unreadable)."""
    text = _get(f"{profile}/{_FISCAL}")
    if not text:
        return None
    try:
        value = json.loads(text)
        return FiscalCredentials(
            str(value["login"]), str(value["password"]), str(value.get("api_key", ""))
        )
    except (ValueError, KeyError, TypeError):
        return None


def forget_fiscal_credentials(profile: str = DEFAULT_PROFILE) -> None:
    _delete(f"{profile}/{_FISCAL}")


# --- the demo backend -----------------------------------------------------------------------


class DemoFileKeyring(keyring.backend.KeyringBackend):
    """DEMO ONLY: secrets in a plain JSON file in the demo data folder. Not for a real venue.

    Every subclass of KeyringBackend is a candidate when keyring picks a backend by itself, so
    this one reports itself unusable until `use_demo_keyring` enables it on purpose; a real
    venue's PC without a Secret Service therefore gets KeyringUnavailable, not a plain file.
    """

    _enabled = False
    _lock = threading.Lock()

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's base is untyped
        self.path = path if path is not None else _default_demo_path()

    @classproperty
    def priority(cls) -> float:
        if not cls._enabled:
            raise RuntimeError("the DEMO file keyring is used only when demo mode asks for it")
        return 0.1

    @classproperty
    def name(cls) -> str:
        return "DEMO plain-file keyring (not secure)"

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        entries = data.get("entries", {})
        return {str(k): str(v) for k, v in entries.items()}

    def _write(self, entries: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "warning": "DEMO ONLY: plain-text secrets for the demo console. Never use at a venue.",
            "entries": entries,
        }
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, indent=1)
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            entries = self._read()
            entries[f"{service}\n{username}"] = password
            self._write(entries)

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            entries = self._read()
            if entries.pop(f"{service}\n{username}", None) is None:
                raise keyring.errors.PasswordDeleteError("no such DEMO entry")
            self._write(entries)


def _default_demo_path() -> Path:
    from app.paths import data_dir

    return data_dir() / "DEMO-keyring.json"


def use_demo_keyring(path: Path | None = None) -> DemoFileKeyring:
    """Demo mode only: make the plain-file DEMO backend the process's keyring."""
    DemoFileKeyring._enabled = True
    backend = DemoFileKeyring(path)
    keyring.set_keyring(backend)
    return backend
