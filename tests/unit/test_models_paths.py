"""Where the console keeps its database and logs on each operating system."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.paths import data_dir, database_path, logs_dir


def test_ashyq_home_wins_and_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "somewhere" / "ashyq"
    monkeypatch.setenv("ASHYQ_HOME", str(home))
    assert data_dir() == home and home.is_dir()
    assert database_path().parent == home
    assert logs_dir() == home / "logs" and (home / "logs").is_dir()


def test_windows_uses_local_app_data(tmp_path: Path) -> None:
    env = {"LOCALAPPDATA": str(tmp_path / "Local")}
    assert data_dir(env=env, platform="win32", home=tmp_path) == tmp_path / "Local" / "Ashyq"


def test_windows_without_local_app_data_falls_back_to_the_profile(tmp_path: Path) -> None:
    found = data_dir(env={}, platform="win32", home=tmp_path)
    assert found == tmp_path / "AppData" / "Local" / "Ashyq"


def test_linux_follows_xdg_and_ignores_a_relative_one(tmp_path: Path) -> None:
    xdg = tmp_path / "xdg"
    assert data_dir(env={"XDG_DATA_HOME": str(xdg)}, platform="linux", home=tmp_path) == (
        xdg / "ashyq"
    )
    relative = data_dir(env={"XDG_DATA_HOME": "rel/data"}, platform="linux", home=tmp_path)
    assert relative == tmp_path / ".local" / "share" / "ashyq"


def test_macos_uses_application_support(tmp_path: Path) -> None:
    found = data_dir(env={}, platform="darwin", home=tmp_path)
    assert found == tmp_path / "Library" / "Application Support" / "Ashyq"
    assert found.is_dir()
