from __future__ import annotations

import logging
from pathlib import Path

from app.logs import RedactingFilter, redact


def test_twelve_digit_runs_are_masked_but_other_numbers_stay() -> None:
    assert redact("visitor 791028302728 at door 2") == "visitor ************ at door 2"
    assert redact("order 10023, 13 digits 7910283027281") == "order 10023, 13 digits 7910283027281"


def test_mrz_lines_are_masked() -> None:
    assert "0412365878" not in redact("IDKAZ0412365878880412401006<<<")


def test_a_logged_iin_never_reaches_the_file(tmp_path: Path) -> None:
    logger = logging.getLogger("test.redaction")
    handler = logging.FileHandler(tmp_path / "log.txt", encoding="utf-8")
    handler.addFilter(RedactingFilter())
    logger.addHandler(handler)
    try:
        logger.warning("lookup failed for %s", "900101300811")
        try:
            raise ValueError("bad 900101300811")
        except ValueError:
            logger.exception("while checking")
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = (tmp_path / "log.txt").read_text(encoding="utf-8")
    assert "lookup failed for" in text
    assert "900101300811" not in text
