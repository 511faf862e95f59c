"""Logging for the server: every line passes through a mask, so no IIN or passport number is kept.

A status lookup carries the number in its path (`/api/v1/status/<iin>`), and uvicorn's access
log writes paths; the formatter here rewrites those paths and any other run of 12 digits before a
line reaches a file or the terminal (DOMAIN.md section 4).

Two formats: text (one readable line), or JSON (`serve --log-format json`: one object a line
with time, level, logger, message, request_id, route, status, duration_ms, for a log shipper).
The mask runs over the whole JSON line too.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# The id of the request being answered (central.observe sets it), for every line written meanwhile.
request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
LOG_FORMATS = ("text", "json")

# a lookup's path segment, unless it is the route's own template ("{iin}", "{number}")
_STATUS_PATH = re.compile(
    r"(/status/(?:passport/)?)(?!(?:passport/)?\{(?:iin|number)\}(?![^\s?\"']))[^\s?\"']+"
)
_TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")


def mask(text: str) -> str:
    return _TWELVE_DIGITS.sub("<number>", _STATUS_PATH.sub(r"\1<masked>", text))


class MaskingFormatter(logging.Formatter):
    """A formatter whose output, exception text included, never holds a person's number."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object a line; the access fields (route, status, duration_ms) when a line has
    them (central.observe's access line), the request id of the request being answered."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id.get(),
        }
        for name in ("route", "status", "duration_ms"):
            if hasattr(record, name):
                line[name] = getattr(record, name)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return mask(json.dumps(line, ensure_ascii=False, default=str))


def log_config(
    log_file: Path | None, level: str = "INFO", log_format: str = "text"
) -> dict[str, Any]:
    """A dictConfig for uvicorn and the app: stderr, plus a file when asked.

    JSON: central.observe writes the access line (route template, status, duration, request id)
    and uvicorn's own access line (a raw path) is left out; text: the other way round.
    """
    if log_format not in LOG_FORMATS:
        raise ValueError(f"log format {log_format!r}: one of {', '.join(LOG_FORMATS)}")
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
        "formatters": {
            "masked": {"()": MaskingFormatter, "fmt": fmt}
            if log_format == "text"
            else {"()": JsonFormatter}
        },
        "handlers": handlers,
        "loggers": {
            "uvicorn": {"handlers": names, "level": level, "propagate": False},
            "uvicorn.error": {"handlers": names, "level": level, "propagate": False},
            "uvicorn.access": {
                "handlers": names,
                "level": level if log_format == "text" else "WARNING",
                "propagate": False,
            },
            "central": {"handlers": names, "level": level, "propagate": False},
            "central.access": {
                "handlers": names,
                "level": level if log_format == "json" else "WARNING",
                "propagate": False,
            },
        },
        "root": {"handlers": names, "level": "WARNING"},
    }
