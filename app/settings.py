"""Every station setting declared once, with its type, default and check (DESIGN.md habit 10).

The settings of one console live in `settings.json` in the data folder, with a schema version so a
newer console can migrate an older file. QSettings keeps window geometry only. A file that cannot
be read is kept aside as `settings.json.bad` and the defaults are used, with the reason returned
so the GUI can say so.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
LANGUAGES = ("kk", "ru", "en")
DECODERS = ("zxing", "pyzbar")
FISCAL_REGISTERS = ("none", "webkassa")


@dataclass(frozen=True)
class Option:
    """One setting: its default, what it means, and which values are allowed."""

    default: Any
    help: str
    choices: tuple[Any, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None


OPTIONS: dict[str, Option] = {
    "language": Option("ru", "interface language", LANGUAGES),
    "camera": Option("0", "camera index (0, 1, ...) or the path of a video file; empty = none"),
    "decoder": Option("zxing", "barcode decoder for the camera", DECODERS),
    "serial_port": Option("", "serial (USB-COM) scanner port, e.g. COM3 or /dev/ttyACM0"),
    "serial_baud": Option(9600, "serial scanner speed", (9600, 19200, 38400, 57600, 115200)),
    "sounds": Option(True, "play a sound for each verdict"),
    "server_url": Option("", "central API, e.g. https://ashyq.example.kz"),
    "fallback_url": Option("", "fallback status service speaking the same API"),
    "door": Option("1", "this door's label, printed in 'already used at door N'"),
    "lookup_budget_ms": Option(800, "longest a status lookup may block", None, 100, 5000),
    "verdict_seconds": Option(6, "how long a verdict stays on screen", None, 2, 60),
    "repeat_suppress_seconds": Option(3, "the camera ignores the same code this long", None, 1, 60),
    "sync_interval_seconds": Option(15, "how often the outbox is pushed", None, 5, 3600),
    "printer": Option("", "receipt printer: a Qt printer name, or escpos:serial:COM4 ..."),
    "receipt_size": Option("80mm", "receipt paper", ("80mm", "a4")),
    "fullscreen": Option(False, "start full-screen on the door screen"),
    "fiscal_register": Option(
        "none",
        "online cash register for refund cheques (none: receipts are non-fiscal)",
        FISCAL_REGISTERS,
    ),
    "webkassa_url": Option("", "Webkassa API address, e.g. https://kkm.webkassa.kz"),
    "webkassa_cashbox": Option("", "Webkassa cashbox unique number, e.g. SWK00030725"),
}


@dataclass(frozen=True)
class Settings:
    language: str = OPTIONS["language"].default
    camera: str = OPTIONS["camera"].default
    decoder: str = OPTIONS["decoder"].default
    serial_port: str = OPTIONS["serial_port"].default
    serial_baud: int = OPTIONS["serial_baud"].default
    sounds: bool = OPTIONS["sounds"].default
    server_url: str = OPTIONS["server_url"].default
    fallback_url: str = OPTIONS["fallback_url"].default
    door: str = OPTIONS["door"].default
    lookup_budget_ms: int = OPTIONS["lookup_budget_ms"].default
    verdict_seconds: int = OPTIONS["verdict_seconds"].default
    repeat_suppress_seconds: int = OPTIONS["repeat_suppress_seconds"].default
    sync_interval_seconds: int = OPTIONS["sync_interval_seconds"].default
    printer: str = OPTIONS["printer"].default
    receipt_size: str = OPTIONS["receipt_size"].default
    fullscreen: bool = OPTIONS["fullscreen"].default
    fiscal_register: str = OPTIONS["fiscal_register"].default
    webkassa_url: str = OPTIONS["webkassa_url"].default
    webkassa_cashbox: str = OPTIONS["webkassa_cashbox"].default
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def with_changes(self, **changes: Any) -> Settings:
        for name, value in changes.items():
            check(name, value)
        return replace(self, **changes)


class SettingError(ValueError):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.code = "bad_setting"
        self.name = name
        self.message = f"Setting {name!r}: {message}"


def check(name: str, value: Any) -> None:
    option = OPTIONS.get(name)
    if option is None:
        raise SettingError(name, "no such setting")
    expected = type(option.default)
    if expected is int and isinstance(value, bool):
        raise SettingError(name, "expected a whole number")
    if not isinstance(value, expected):
        raise SettingError(name, f"expected {expected.__name__}, got {type(value).__name__}")
    if option.choices is not None and value not in option.choices:
        raise SettingError(name, f"must be one of {', '.join(map(str, option.choices))}")
    if option.minimum is not None and value < option.minimum:
        raise SettingError(name, f"must be at least {option.minimum}")
    if option.maximum is not None and value > option.maximum:
        raise SettingError(name, f"must be at most {option.maximum}")


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older file's keys up to SCHEMA_VERSION (nothing to do yet for version 1)."""
    return data


def load(path: Path) -> tuple[Settings, str | None]:
    """The settings in `path` (defaults when absent), and a problem to tell the user, if any."""
    if not path.exists():
        return Settings(), None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        version = data.pop("version", SCHEMA_VERSION)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise ValueError(f"written by a newer console (version {version})")
        data = _migrate(data)
    except (OSError, ValueError) as exc:
        os.replace(path, path.with_name(path.name + ".bad"))
        return Settings(), f"The settings file could not be read ({exc}); defaults are in use."
    known = {f.name for f in fields(Settings)} - {"extra"}
    values: dict[str, Any] = {}
    problems: list[str] = []
    for name, value in data.items():
        if name not in known:
            continue
        try:
            check(name, value)
        except SettingError as exc:
            problems.append(exc.message)
            continue
        values[name] = value
    settings = Settings(**values)
    return settings, ("; ".join(problems) if problems else None)


def save(settings: Settings, path: Path) -> None:
    """Write atomically: a crash while saving leaves the previous file intact."""
    data: dict[str, Any] = {"version": SCHEMA_VERSION}
    for f in fields(Settings):
        if f.name != "extra":
            data[f.name] = getattr(settings, f.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
