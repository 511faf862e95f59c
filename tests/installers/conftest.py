"""The `frozen` marker, registered here until pyproject.toml lists it (--strict-markers)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "frozen: builds and runs the PyInstaller app (minutes)")
