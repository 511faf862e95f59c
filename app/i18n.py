"""The interface language: Qt's translation pipeline (DESIGN.md habit 11), switchable at run time.

Widgets call `self.tr()`; `pyside6-lupdate` collects the strings into `resources/i18n/ashyq_*.ts`;
`pyside6-lrelease` compiles them into the `.qm` files the console loads. `python -m app.i18n`
does both. Both tools are found beside the running Python (the environment's scripts folder), so
nothing needs to be activated; PATH is only the fallback. Switching language installs the new translator; Qt then sends every widget a
LanguageChange event and each screen re-reads its texts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resource_path

LANGUAGES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
DEFAULT_LANGUAGE = "ru"


def ts_path(lang: str) -> Path:
    return resource_path("i18n", f"ashyq_{lang}.ts")


def qm_path(lang: str) -> Path:
    return resource_path("i18n", f"ashyq_{lang}.qm")


class LanguageSwitcher:
    """Owns the installed translators; one per application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._ours: QTranslator | None = None
        self._qt: QTranslator | None = None
        self.language = "en"

    def switch(self, lang: str) -> bool:
        """Install `lang`; False (and English texts) when its catalogue cannot be loaded."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        for old in (self._ours, self._qt):
            if old is not None:
                self._app.removeTranslator(old)
        self._ours = self._qt = None
        ours = QTranslator(self._app)
        ok = ours.load(str(qm_path(lang)))  # English too: its plural forms live there
        if ok:
            self._app.installTranslator(ours)
            self._ours = ours
        if lang != "en":
            qt = QTranslator(self._app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{lang}", qt_dir):
                self._app.installTranslator(qt)
                self._qt = qt
        QLocale.setDefault(QLocale({"kk": "kk_KZ", "ru": "ru_RU", "en": "en_US"}[lang]))
        self.language = lang if ok else "en"
        return ok


class ToolMissing(FileNotFoundError):
    """A command-line tool of the Python environment (pyside6-lupdate, ...) cannot be found."""


def environment_tool(name: str) -> str:
    """The full path of `name` from the running Python's environment, else from PATH.

    A virtual environment that was not activated still has its scripts beside its python
    (bin/ on Linux, Scripts\\ on Windows); PATH comes second.
    """
    folders = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    for folder in dict.fromkeys(folders):
        found = shutil.which(name, path=str(folder))
        if found:
            return found
    found = shutil.which(name)
    if found:
        return found
    raise ToolMissing(
        f"{name} not found beside {sys.executable} nor on PATH: install the project's "
        f"environment (./run test creates .venv), or run with that environment's python"
    )


def sources() -> list[Path]:
    root = Path(__file__).resolve().parent
    return sorted(p for p in root.rglob("*.py") if "views" in p.parts or p.name == "__main__.py")


def update_catalogues() -> None:
    """Refresh the .ts files from the source, then compile them (developers, build script)."""
    files = [str(p) for p in sources()]
    for lang in LANGUAGES:
        subprocess.run(
            [
                environment_tool("pyside6-lupdate"),
                *files,
                "-no-obsolete",
                "-ts",
                str(ts_path(lang)),
            ],
            check=True,
        )
    compile_catalogues()


def compile_catalogues(out_dir: Path | None = None) -> list[Path]:
    made = []
    for lang in LANGUAGES:
        target = (out_dir / qm_path(lang).name) if out_dir else qm_path(lang)
        subprocess.run(
            [
                environment_tool("pyside6-lrelease"),
                "-silent",
                str(ts_path(lang)),
                "-qm",
                str(target),
            ],
            check=True,
        )
        made.append(target)
    return made


if __name__ == "__main__":
    if "--compile-only" in sys.argv:
        compile_catalogues()
    else:
        update_catalogues()
