"""Schemathesis hooks for tests/central/test_fuzz.py (loaded through SCHEMATHESIS_HOOKS)."""

from __future__ import annotations

from typing import Any

import schemathesis


@schemathesis.deserializer("text/html", "text/event-stream")
def as_text(ctx: Any, response: Any) -> str:
    """The visitor page's answers are documented as strings: the body is one."""
    return str(response.text)
