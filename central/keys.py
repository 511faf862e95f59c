"""The server's secrets: the X25519 key pair for sealed IINs and the registry's hashing key.

Decision: they live in a key file (JSON, mode 0600, default `server-keys.json` in the data
folder), not in the database. A stolen database dump then holds neither a readable IIN nor a way
to test guesses against the status registry; both need the file too. Several server processes
sharing one PostgreSQL must be given the same file (`--key-file`); the first process records the
public key in the database and any process started with a different file refuses to run, since
its consoles would seal IINs that nobody could open.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, SealedBox
from sqlalchemy import Engine, select

from central.db import ServerNote


class KeyMismatch(RuntimeError):
    """This process's key file is not the one the database's consoles were given."""


@dataclass(frozen=True)
class ServerKeys:
    private_key: PrivateKey
    registry_key: bytes

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(bytes(self.private_key.public_key)).decode("ascii")

    def registry_hash(self, kind: str, number: str) -> str:
        """The registry's lookup key: HMAC of "iin:<12 digits>" or "passport:[<STATE>:]<NUMBER>"."""
        message = f"{kind}:{number}".encode("ascii")
        return hmac.new(self.registry_key, message, hashlib.sha256).hexdigest()

    def open_sealed(self, sealed_b64: str) -> str | None:
        """The text inside a console's sealed box, or None if it is not one for this key."""
        try:
            raw = base64.b64decode(sealed_b64, validate=True)
            return SealedBox(self.private_key).decrypt(raw).decode("ascii")
        except (ValueError, CryptoError, UnicodeDecodeError):
            return None


def load_or_create(path: Path) -> ServerKeys:
    """Read the key file, creating it (exclusively, so two starting processes agree) if absent."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "x25519_private": base64.b64encode(bytes(PrivateKey.generate())).decode("ascii"),
            "registry_key": base64.b64encode(os.urandom(32)).decode("ascii"),
        }
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process won the race; read its file below
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
    data = json.loads(path.read_text(encoding="utf-8"))
    return ServerKeys(
        private_key=PrivateKey(base64.b64decode(data["x25519_private"])),
        registry_key=base64.b64decode(data["registry_key"]),
    )


def check_against_database(keys: ServerKeys, engine: Engine) -> None:
    """Record the public key on first start; refuse a key file that differs from it later."""
    with engine.begin() as conn:
        row = conn.execute(
            select(ServerNote.value).where(ServerNote.name == "public_key")
        ).scalar_one_or_none()
        if row is None:
            conn.execute(
                ServerNote.__table__.insert().values(name="public_key", value=keys.public_key_b64)
            )
        elif row != keys.public_key_b64:
            raise KeyMismatch(
                "the key file does not match the key this database's consoles were given; "
                "start every server process with the same --key-file"
            )
