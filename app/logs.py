"""Logging for the console and the command: a rotating file, and no IIN ever written.

Every record passes a filter that masks any run of 12 digits (an IIN or a BIN) and any MRZ line,
so a careless `log.info("%s", scan)` cannot leak a person's number into a file (DOMAIN.md §4).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")
_MRZ_LINE = re.compile(r"[A-Z0-9<]{25,}<[A-Z0-9<]*")


def redact(text: str) -> str:
    text = _TWELVE_DIGITS.sub("************", text)
    return _MRZ_LINE.sub("<MRZ>", text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info and record.exc_text is None:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if cleaned != message or record.args:
            record.msg = cleaned
            record.args = None
        return True


def setup_logging(log_dir: Path | None, level: int = logging.INFO) -> Path | None:
    """Console logging to stderr and, when `log_dir` is given, to `ashyq.log` there."""
    root = logging.getLogger()
    root.setLevel(level)
    # one line per HTTP request would bury what matters; failures still come through
    for chatty in ("httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    redactor = RedactingFilter()
    stream = logging.StreamHandler()
    stream.setFormatter(fmt)
    stream.addFilter(redactor)
    root.addHandler(stream)
    if log_dir is None:
        return None
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "ashyq.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(fmt)
    handler.addFilter(redactor)
    root.addHandler(handler)
    return path
