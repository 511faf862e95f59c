"""Logging for the server: every line passes through a mask, so no IIN or passport number is kept.

A status lookup carries the number in its path (`/api/v1/status/<iin>`), and uvicorn's access
log writes paths; the formatter here rewrites those paths and any other run of 12 digits before a
line reaches a file or the terminal (DOMAIN.md section 4).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

_STATUS_PATH = re.compile(r"(/status/(?:passport/)?)[^\s?\"']+")
_TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")


def mask(text: str) -> str:
    return _TWELVE_DIGITS.sub("<number>", _STATUS_PATH.sub(r"\1<masked>", text))


class MaskingFormatter(logging.Formatter):
    """A formatter whose output, exception text included, never holds a person's number."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def log_config(log_file: Path | None, level: str = "INFO") -> dict[str, Any]:
    """A dictConfig for uvicorn and the app: stderr, plus a file when asked."""
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handlers: dict[str, Any] = {
        "stderr": {"class": "logging.StreamHandler", "formatter": "masked"},
    }
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers["file"] = {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": str(log_file),
            "maxBytes": 10_000_000,
            "backupCount": 5,
            "encoding": "utf-8",
            "formatter": "masked",
        }
    names = list(handlers)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"masked": {"()": MaskingFormatter, "fmt": fmt}},
        "handlers": handlers,
        "loggers": {
            "uvicorn": {"handlers": names, "level": level, "propagate": False},
            "uvicorn.error": {"handlers": names, "level": level, "propagate": False},
            "uvicorn.access": {"handlers": names, "level": level, "propagate": False},
            "central": {"handlers": names, "level": level, "propagate": False},
        },
        "root": {"handlers": names, "level": "WARNING"},
    }
