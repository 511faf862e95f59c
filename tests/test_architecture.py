"""The arrows of DESIGN.md point one way; these tests read the imports and fail on a wrong one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in _modules(folder):
        for name in _imports(path):
            if name == forbidden or any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_the_checks_see_modules() -> None:
    # If the folders moved, the guards below would pass vacuously.
    assert len(_modules("app/core")) >= 5
    assert _modules("app/services")


def test_core_is_pure() -> None:
    forbidden = (
        "PySide6",
        "sqlalchemy",
        "httpx",
        "alembic",
        "requests",
        "socket",
        "app.models",
        "app.services",
        "app.sync",
        "app.views",
        "app.devices",
        "app.documents",
        "central",
    )
    assert _offenders("app/core", forbidden) == []


def test_services_have_no_qt() -> None:
    assert _offenders("app/services", ("PySide6", "app.views")) == []


def test_sync_and_documents_have_no_qt() -> None:
    assert _offenders("app/sync", ("PySide6", "app.views")) == []
    assert _offenders("app/documents", ("PySide6", "app.views", "sqlalchemy")) == []


@pytest.mark.skipif(not (ROOT / "central").exists(), reason="no central server yet")
def test_central_never_imports_the_console_gui() -> None:
    forbidden = ("PySide6", "app.views", "app.devices")
    assert _offenders("central", forbidden) == []


def test_core_reads_no_clock() -> None:
    offenders = []
    for path in _modules("app/core"):
        text = path.read_text(encoding="utf-8")
        for call in ("datetime.now(", "date.today(", "time.time(", "datetime.utcnow("):
            if call in text:
                offenders.append(f"{path.relative_to(ROOT)}: {call}")
    assert offenders == []
