"""The window around the screens: the test-mode banner, the lock screen, what each role may open,
and the interface language switched while the console runs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QComboBox, QLabel, QStackedWidget, QWidget

from app.core.statuses import Role
from app.i18n import qm_path
from app.views.screen import ScanInput
from tests.gui.conftest import IINS, Door


def _banner(door: Door) -> QLabel:
    return door.window.findChild(QLabel, "testModeBanner")


def _pages(door: Door) -> QStackedWidget:
    return door.window.centralWidget().findChildren(QStackedWidget)[0]


def _visible_nav(door: Door) -> set[str]:
    return {
        key for key in ("door", "log", "refunds", "reports", "settings")
        if door.window.findChild(QWidget, f"nav_{key}").isVisible()
    }  # fmt: skip


def test_test_mode_banner_is_on_every_screen(make_door: Callable[..., Door]) -> None:
    door = make_door()
    banner = _banner(door)
    assert banner.isVisible() and banner.text().startswith("TEST MODE")  # on the login screen
    door.log_in(Role.MANAGER)
    door.wait_logged_in(Role.MANAGER)
    keys = sorted(_visible_nav(door))
    assert keys == ["door", "log", "refunds", "reports", "settings"]
    for key in keys:
        door.window.show_screen(key)
        assert door.window.current_screen().key == key
        assert banner.isVisible(), f"no test-mode banner on {key}"
    door.window.lock()
    assert banner.isVisible()

    door.set_venue(test_mode_until=None)  # the trial week is over (a config pull)
    door.window.refresh()
    assert not banner.isVisible()


def test_lock_screen_hides_the_work_and_needs_a_pin(door: Door) -> None:
    pages = _pages(door)
    assert pages.currentIndex() == 1
    door.qtbot.keyClick(door.screen.manual, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert pages.currentIndex() == 0 and not door.screen.isVisible()
    login = pages.widget(0)
    headings = [w.text() for w in login.findChildren(QLabel) if w.isVisible()]
    assert "Locked by Door (demo). Type your PIN to continue." in headings

    door.window.receive_scan(ScanInput(IINS["green"], "wedge"))  # type: ignore[arg-type]
    assert "Log in first" in door.window.status.currentMessage()
    assert door.visit_count() == 0  # nothing is checked behind the lock

    door.log_in(Role.DOOR, pin="9999")
    message = login.findChild(QLabel, "loginMessage")
    door.qtbot.waitUntil(lambda: message.text() == "Wrong PIN. Try again.", timeout=10_000)
    assert pages.currentIndex() == 0
    door.log_in(Role.DOOR)
    door.qtbot.waitUntil(lambda: pages.currentIndex() == 1, timeout=10_000)
    assert door.window.current_screen() is door.screen
    failed = door.rows("SELECT count(*) FROM audit_log WHERE action = 'login_failed'")
    assert failed == [(1,)]


def test_each_role_sees_its_own_screens(make_door: Callable[..., Door]) -> None:
    door = make_door()
    door.log_in(Role.DOOR)
    door.wait_logged_in(Role.DOOR)
    assert _visible_nav(door) == {"door", "log"}
    assert door.window.current_screen().key == "door"
    door.window.show_screen("refunds")  # not allowed: nothing happens
    assert door.window.current_screen().key == "door"

    door.window.logout()
    door.log_in(Role.CASHIER)
    door.wait_logged_in(Role.CASHIER)
    assert _visible_nav(door) == {"refunds"}
    assert door.window.current_screen().key == "refunds"
    door.window.show_screen("door")
    door.window.show_screen("log")
    assert door.window.current_screen().key == "refunds"


def _catalogue(lang: str) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(qm_path(lang)))
    return translator


def test_language_switch_without_restart(door: Door) -> None:
    screen = door.screen
    assert door.scan_and_wait(IINS["green"]).verdict == "admit"
    # the admitted visitor is inside (test-week visits count): wait for the refreshed figure
    door.qtbot.waitUntil(lambda: screen.occupancy_label.text() == "Inside: 1 / 120",
                         timeout=10_000)  # fmt: skip
    english = {
        ("DoorScreen", "→ ENTRY"): lambda: screen.entry_button.text(),
        ("DoorScreen", "← EXIT"): lambda: screen.exit_button.text(),
        ("DoorScreen", "Type the IIN (no phone, no ID card):"): lambda: screen.manual_label.text(),
        ("DoorScreen", "Visitors' own check-ins (poster QR)"): lambda: screen.checkins_title.text(),
        ("DoorScreen", "Door"): lambda: door.window.findChild(QWidget, "nav_door").text(),
        ("Texts", "ADMIT"): lambda: screen.banner.headline.text(),
        ("Texts", "GREEN"): lambda: screen.banner.status_label.text(),
        ("MainWindow", "Lock"): lambda: door.window.findChild(QWidget, "lockButton").text(),
        ("GroupPanel", "Group"): lambda: screen.group.heading.text(),
    }
    for (_ctx, source), shown in english.items():
        assert shown() == source
    occupancy = screen.occupancy_label.text()
    combo = door.window.findChild(QComboBox, "languageBox")
    missing: list[str] = []
    for lang in ("kk", "ru"):
        combo.setCurrentIndex(combo.findData(lang))  # the person picks it in the header
        assert door.switcher.language == lang
        catalogue = _catalogue(lang)
        word = catalogue.translate("DoorScreen", "→ ENTRY")
        # Qt posts LanguageChange to every window: the screens re-read their texts from it
        door.qtbot.waitUntil(lambda w=word: screen.entry_button.text() == w, timeout=5000)
        checked = 0
        for (ctx, source), shown in english.items():
            expected = catalogue.translate(ctx, source)
            if not expected:
                missing.append(f"{lang}: {ctx} {source!r}")
                continue
            assert shown() == expected, (lang, ctx, source)
            checked += 1
        assert checked >= len(english) - 2, missing
        inside = catalogue.translate("DoorScreen", "Inside: %1 / %2")
        if inside:
            assert screen.occupancy_label.text().startswith(inside.split("%1")[0])
            assert screen.occupancy_label.text() != occupancy
    combo.setCurrentIndex(combo.findData("en"))
    door.qtbot.waitUntil(lambda: screen.entry_button.text() == "→ ENTRY", timeout=5000)
    for (_ctx, source), shown in english.items():
        assert shown() == source
    assert screen.occupancy_label.text() == occupancy
    assert QCoreApplication.translate("Texts", "ADMIT") == "ADMIT"
    assert not missing, f"untranslated door texts: {missing}"
