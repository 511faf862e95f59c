"""Screenshots of the console in every door state and language, for the README and reviews.

Run ``python3 tools/screenshots.py [--out docs/images/door] [--langs kk,ru,en]`` from the
repository root. It starts the demo central server on loopback and enrolls a fresh data folder
(``app.demo.DemoEnvironment``), builds the real console offscreen at 1366x768 (devices off,
fake sound; the camera preview shows a still of the demo video), logs staff in with the demo
PINs and drives the door with the demo IINs (resources/demo/demo_codes.json), saving
``QWidget.grab()`` of the whole window as ``<out>/<lang>/<state>.png``.

Pictures are deterministic where the rules depend on the day: the venue's category and
capacity are set in the station's local copy of the venue config (the periodic config pull is
stopped first), e.g. a "general" venue for the blue admit (a cinema refuses blue at weekends),
"pcr_required" for the PCR check. The test-mode banner is off except in ``test_mode.png``.

Languages come from the compiled catalogues in resources/i18n; if one cannot be loaded the
pictures are still taken (in English) and ``<out>/<lang>/MISSING_TRANSLATION`` says so.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The door PC's clock is the venue's (the demo venue is in Almaty): times on screen, "today" in
# the log and the reports' default day then agree with the venue's day, whatever this machine.
os.environ["TZ"] = "Asia/Almaty"
if hasattr(time, "tzset"):
    time.tzset()

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STATES = (
    "login", "door_ready", "green_admit", "blue_admit", "yellow_deny", "red_deny",
    "not_found_supervisor", "pcr_needs_check", "ticket_group", "capacity_full", "test_mode",
    "visit_log", "refund_desk", "reports", "offline",
)  # fmt: skip


class Shooter:
    def __init__(self, out: Path, langs: list[str]) -> None:
        from PySide6.QtWidgets import QApplication

        from app.demo import DemoEnvironment

        self.out = out
        self.langs = langs
        self.home = Path(tempfile.mkdtemp(prefix="ashyq-screenshots-"))
        self.env = DemoEnvironment.start(self.home)
        self.app = QApplication.instance() or QApplication([])
        self.iins: dict[str, str] = json.loads(
            (ROOT / "resources" / "demo" / "demo_codes.json").read_text(encoding="utf-8")
        )["iins"]
        self.loaded: dict[str, bool] = {}
        self.sizes: dict[str, tuple[int, int]] = {}
        self._verdicts = 0

    # --- set-up --------------------------------------------------------------------------

    def build(self) -> None:
        from app.devices.sounds import FakeSoundPlayer
        from app.i18n import LanguageSwitcher
        from app.paths import database_path
        from app.services.context import open_station
        from app.views.console import Console

        self.switcher = LanguageSwitcher(self.app)
        self.ctx = open_station(database_path(), budget_s=0.8)
        self.console = Console.build(
            self.app, self.ctx, self.switcher, settings_path=self.home / "settings.json",
            start_devices=False, sound=FakeSoundPlayer(),
        )  # fmt: skip
        self.console.sync.cycle()  # online, config and orders pulled once
        self.console.extra["sync_timer"].stop()  # from here on, the local venue row is ours
        self.window = self.console.window
        self.door = self.console.door
        self.window.resize(1366, 768)
        self.window.show()
        self._camera_still()
        original = self.door.banner.show_verdict

        def counted(view):  # type: ignore[no-untyped-def]
            original(view)
            self._verdicts += 1

        self.door.banner.show_verdict = counted
        # a person already inside who is scanned again leaves (no modal question in a picture)
        from app.core.statuses import Direction

        self.door._ask_exit = lambda text, method: self.door.submit(
            text, method, direction=Direction.EXIT
        )
        self.venue(category="cinema", capacity=None, test_mode=False)
        self.settle()

    def _camera_still(self) -> None:
        """A frame of the demo video with an ID card in view, as the live preview would show."""
        try:
            import cv2
            from PySide6.QtGui import QImage

            capture = cv2.VideoCapture(str(ROOT / "resources" / "demo" / "demo.mp4"))
            capture.set(cv2.CAP_PROP_POS_MSEC, 2800)
            ok, frame = capture.read()
            capture.release()
            if not ok:
                return
            rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
            h, w, _ = rgb.shape
            image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
            self.door.camera.set_frame(image)
        except Exception as exc:  # a missing video only costs the preview
            print(f"no camera still: {exc}")

    def venue(self, *, category: str, capacity: int | None, test_mode: bool) -> None:
        from datetime import UTC, datetime, timedelta

        from app.core.statuses import VenueCategory
        from app.models.venue import Venue

        with self.ctx.sessions.begin() as session:
            row = session.get(Venue, self.ctx.venue_code)
            row.category = VenueCategory(category)
            row.capacity = capacity
            row.test_mode_until = datetime.now(UTC) + timedelta(days=3) if test_mode else None
        self.window.refresh()

    # --- driving ---------------------------------------------------------------------------

    def settle(self, seconds: float = 0.3) -> None:
        """Let workers deliver and the window repaint."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)
        self.console.runner.wait(5000)
        self.app.processEvents()

    def wait_for(self, done: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not done() and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.005)
        self.settle(0.2)

    def scan(self, text: str, *, exit_: bool = False) -> None:
        from app.core.statuses import Direction, InputMethod
        from app.views.screen import ScanInput

        before = self._verdicts
        self.door.set_direction(Direction.EXIT if exit_ else Direction.ENTRY)
        self.window.receive_scan(ScanInput(text, InputMethod.WEDGE))
        self.wait_for(lambda: self._verdicts > before or self.door.in_flight == 0)
        self.door.set_direction(Direction.ENTRY)
        self.settle(0.2)

    def login(self, role: str) -> None:
        from app.demo import DEMO_PINS

        auth = self.window._s.auth
        member = next(m for m in auth.list_staff() if m.role == role)
        self.window._on_logged_in(auth.login(member.id, DEMO_PINS[role]))
        self.settle()

    def shot(self, lang: str, state: str) -> None:
        self.window.resize(1366, 768)  # a door PC's screen; the window may refuse to shrink
        self.settle(0.15)
        folder = self.out / lang
        folder.mkdir(parents=True, exist_ok=True)
        image = self.window.grab()
        image.save(str(folder / f"{state}.png"))
        size = (image.width(), image.height())
        self.sizes[f"{lang}/{state}"] = size
        if size != (1366, 768):
            print(f"  {lang}/{state}: the window is {size[0]}x{size[1]}, not 1366x768")

    # --- the states ------------------------------------------------------------------------

    def language(self, lang: str) -> None:
        ok = self.switcher.switch(lang)
        self.loaded[lang] = ok
        marker = self.out / lang / "MISSING_TRANSLATION"
        marker.parent.mkdir(parents=True, exist_ok=True)
        if ok or lang == "en":
            marker.unlink(missing_ok=True)
        else:
            marker.write_text(
                "The .qm catalogue could not be loaded: these pictures are English.\n"
            )
        self.settle()

    def online_states(self, lang: str) -> None:
        i = self.iins
        self.language(lang)
        self.window.logout()
        self.settle()
        self.shot(lang, "login")
        self.login("door")
        self.door.banner.clear()
        self.shot(lang, "door_ready")

        self.scan(i["green"])
        self.shot(lang, "green_admit")
        self.scan(i["green"], exit_=True)

        self.venue(category="general", capacity=None, test_mode=False)
        self.scan(i["blue"])
        self.shot(lang, "blue_admit")
        self.scan(i["blue"], exit_=True)
        self.venue(category="cinema", capacity=None, test_mode=False)

        self.scan(i["yellow"])
        self.shot(lang, "yellow_deny")
        self.scan(i["red"])
        self.shot(lang, "red_deny")
        self.scan(i["not_found"])
        self.shot(lang, "not_found_supervisor")

        self.venue(category="pcr_required", capacity=None, test_mode=False)
        self.scan(i["blue"])
        self.shot(lang, "pcr_needs_check")
        self.door._answer(False)  # refused: the next picture starts clean
        self.settle()

        self.venue(category="general", capacity=None, test_mode=False)
        self.console.door._actions.forget_group()
        self.scan("DEMOG1")
        self.scan(i["green"])
        self.scan(i["blue"])
        self.shot(lang, "ticket_group")
        for iin in (i["green"], i["blue"]):
            self.scan(iin, exit_=True)
        self.console.door._actions.forget_group()
        self.door.group.clear()

        inside = self.door._actions.occupancy().inside
        self.venue(category="cinema", capacity=inside, test_mode=False)
        self.door.refresh_occupancy()
        self.scan(i["green"])
        self.shot(lang, "capacity_full")
        self.venue(category="cinema", capacity=None, test_mode=False)
        self.door.refresh_occupancy()

        self.venue(category="cinema", capacity=None, test_mode=True)
        self.door.banner.clear()
        self.settle()
        self.shot(lang, "test_mode")
        self.venue(category="cinema", capacity=None, test_mode=False)

        self.window.show_screen("log")
        self.settle(0.6)
        self.shot(lang, "visit_log")

        self.window.logout()
        self.login("manager")
        self.window.show_screen("refunds")
        desk = self.window.screen("refunds")
        if desk is not None and hasattr(desk, "open_order"):
            desk.open_order("D-1001")
        self.settle(0.6)
        self.shot(lang, "refund_desk")
        self.window.show_screen("reports")
        self.settle(1.0)
        self.shot(lang, "reports")
        self.window.logout()

    def offline_states(self, lang: str) -> None:
        self.language(lang)
        self.login("door")
        self.window.show_screen("door")
        self.scan(self.iins["green"])
        self.status_poll()
        self.shot(lang, "offline")
        self.scan(self.iins["green"], exit_=True)
        self.window.logout()

    def status_poll(self) -> None:
        bar = self.window.status
        bar.poll()
        self.settle(0.3)

    def go_offline(self) -> None:
        self.env.stop()
        self.console.sync.cycle()  # the failed push marks the station offline
        self.status_poll()

    def close(self) -> None:
        try:
            self.console.shutdown()
        finally:
            self.env.stop()
            shutil.rmtree(self.home, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images" / "door")
    parser.add_argument("--langs", default="kk,ru,en")
    args = parser.parse_args()
    langs = [lang.strip() for lang in args.langs.split(",") if lang.strip()]
    shooter = Shooter(args.out, langs)
    try:
        shooter.build()
        for lang in langs:
            shooter.online_states(lang)
        shooter.go_offline()
        for lang in langs:
            shooter.offline_states(lang)
    finally:
        shooter.close()
    for lang in langs:
        note = "" if shooter.loaded.get(lang) or lang == "en" else "  (catalogue missing: English)"
        count = len(list((args.out / lang).glob("*.png")))
        print(f"{lang}: {count} pictures in {args.out / lang}{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
