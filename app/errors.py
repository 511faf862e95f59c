"""One place that turns any failure into a stable code and a sentence a person can act on.

The CLI prints these; the GUI's crash hook and task runner translate the code. Exceptions that
carry `code` and `message` attributes (LocalDatabaseError, SyncError, KeyringUnavailable,
PrinterError, ...) describe themselves; anything else is an internal error with its type named.
"""

from __future__ import annotations


class Rejected(Exception):
    """Input the rules refuse: the `ashyq` command prints {"error": code, "message": ...}, exit 2."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def describe(exc: BaseException) -> tuple[str, str]:
    code = getattr(exc, "code", None)
    message = getattr(exc, "message", None)
    if isinstance(code, str) and isinstance(message, str):
        return code, message
    if isinstance(exc, PermissionError):
        return "permission", f"Permission denied: {exc.filename or exc}. Check the folder's rights."
    if isinstance(exc, OSError) and exc.errno == 28:
        return "disk_full", "The disk is full. Free some space; nothing recorded so far is lost."
    if isinstance(exc, FileNotFoundError):
        return "not_found", f"File not found: {exc.filename}"
    return "internal", f"Unexpected {type(exc).__name__}: {exc}. Please report it with the log."


class NotReady(Exception):
    """The console has no venue yet: it must be enrolled and synced once."""

    code = "not_enrolled"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
