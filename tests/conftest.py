"""Session-wide test settings: offscreen Qt, no network beyond loopback, one temp home per test.

Deadlines follow the machine (tests/timing.py): every `qtbot.waitUntil` / `qtbot.waitSignal`
timeout and pytest-timeout's per-test limit are multiplied by `timing.scale()`, shown in the
session header. A test's own deadlines use `timing.seconds()` / `timing.ms()`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests import timing

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "UTC")


def pytest_report_header(config: pytest.Config) -> str:
    return timing.describe()


def _scale_qtbot_waits() -> None:
    """qtbot's waits take a deadline in ms written for an idle machine; stretch it here, once."""
    from pytestqt.qtbot import QtBot

    wait_until, wait_signal = QtBot.waitUntil, QtBot.waitSignal
    if getattr(wait_until, "scaled", False):
        return

    def scaled(timeout: int | None) -> int | None:
        return timing.ms(timeout) if timeout is not None and timeout > 0 else timeout

    def wait_until_scaled(self: QtBot, callback: Any, *, timeout: int = 5000) -> Any:
        return wait_until(self, callback, timeout=scaled(timeout))

    def wait_signal_scaled(
        self: QtBot, signal: Any = None, *, timeout: int = 5000, **kw: Any
    ) -> Any:
        return wait_signal(self, signal, timeout=scaled(timeout), **kw)

    wait_until_scaled.scaled = True  # type: ignore[attr-defined]
    QtBot.waitUntil = QtBot.wait_until = wait_until_scaled  # type: ignore[method-assign,assignment]
    QtBot.waitSignal = QtBot.wait_signal = wait_signal_scaled  # type: ignore[method-assign,assignment]


def pytest_configure(config: pytest.Config) -> None:
    _scale_qtbot_waits()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """pytest-timeout's limit (the ini's `timeout`, or a test's own marker) times the scale."""
    default = config.getoption("timeout", None) or config.getini("timeout")
    for item in items:
        marker = item.get_closest_marker("timeout")
        base = marker.args[0] if marker is not None and marker.args else default
        try:
            seconds = float(base)
        except (TypeError, ValueError):
            continue
        if seconds > 0:
            item.add_marker(pytest.mark.timeout(timing.seconds(seconds)), append=False)
