"""Where the console keeps its own data: the local database and its logs.

One folder per user account, in the place each operating system expects for application data
that is not a document (so backups and roaming profiles treat it right). ``ASHYQ_HOME`` overrides
it: tests, the demo and a second console on the same PC each point it at their own folder.
Folders are created on first use, so a fresh install needs no setup step.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_DIR_NAME = "Ashyq"
DATABASE_FILE = "console.sqlite3"


def _platform_data_dir(platform: str, env: Mapping[str, str], home: Path) -> Path:
    if platform.startswith("win"):
        local = env.get("LOCALAPPDATA")
        base = Path(local) if local else home / "AppData" / "Local"
        return base / APP_DIR_NAME
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_DIR_NAME
    xdg = env.get("XDG_DATA_HOME")
    # The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / APP_DIR_NAME.lower()


def data_dir(
    *,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    home: Path | None = None,
) -> Path:
    """The console's data folder, created if missing. The keyword arguments are for tests."""
    env = os.environ if env is None else env
    override = env.get("ASHYQ_HOME")
    if override:
        folder = Path(override).expanduser()
    else:
        folder = _platform_data_dir(
            sys.platform if platform is None else platform,
            env,
            Path.home() if home is None else home,
        )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_path() -> Path:
    """The local SQLite database file (it may not exist yet: `upgrade_database` creates it)."""
    return data_dir() / DATABASE_FILE


def logs_dir() -> Path:
    """The folder for rotating log files, created if missing."""
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
