"""Seal an IIN for the central server alone (DOMAIN.md §4).

A visit recorded while offline must still reach the epidemiologists with its IIN, but nobody at
the venue may read the number back from the database. A libsodium sealed box does exactly that:
anyone holding the server's X25519 public key can seal, only the server's private key opens, and
the console never has that key. Each seal uses a fresh ephemeral key, so two seals of one IIN
differ and cannot be matched against each other either.
"""

from __future__ import annotations

import base64
import binascii

from nacl.exceptions import CryptoError
from nacl.public import PublicKey, SealedBox


class SealingError(Exception):
    """The server's public key is missing or malformed: visits cannot be sealed."""

    code = "bad_public_key"

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def public_key_from_b64(text: str) -> PublicKey:
    """Parse the key the server publishes in its enrollment answer and config."""
    try:
        raw = base64.b64decode(text, validate=True)
        return PublicKey(raw)
    except (binascii.Error, ValueError, TypeError, CryptoError):
        raise SealingError(
            "The central server's public key is not a base64 X25519 key; pull the config again."
        ) from None


def seal_iin(iin: str, server_public_key: str | PublicKey) -> str:
    """The IIN sealed for the server, base64 (about 80 characters for 12 digits)."""
    key = (
        server_public_key
        if isinstance(server_public_key, PublicKey)
        else public_key_from_b64(server_public_key)
    )
    sealed = SealedBox(key).encrypt(iin.encode("ascii"))
    return base64.b64encode(sealed).decode("ascii")
