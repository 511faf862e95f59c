"""Where the shipped resources live: beside the source tree, or inside a frozen build."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def load_json(*parts: str) -> Any:
    """A shipped JSON data file (policies, demo codes), parsed."""
    with resource_path(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)
