"""The console shows its station role, and says plainly when the server revoked the station.

The revocation test is last in this module: it revokes the module's enrolled station.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from app.core.statuses import Role
from app.sync.protocol import StationRole
from app.views import console as console_module
from tests.gui.conftest import Door


def test_settings_show_the_station_role(make_door: Callable[..., Door]) -> None:
    door = make_door()
    door.log_in(Role.MANAGER)
    door.wait_logged_in(Role.MANAGER)
    door.window.show_screen("settings")
    role = door.window.findChild(QLabel, "stationRole")
    # the demo code enrolls a "combined" station: one PC for the door, the box office, the office
    door.qtbot.waitUntil(
        lambda: role.text() == "Door, box office and office on one PC", timeout=10_000
    )


def test_a_box_office_station_shows_no_door_screens(
    make_door: Callable[..., Door], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console_module, "station_role", lambda ctx: StationRole.BOX_OFFICE)
    door = make_door()
    door.log_in(Role.MANAGER)
    door.wait_logged_in(Role.MANAGER)
    shown = {
        key
        for key in ("door", "log", "refunds", "reports", "settings")
        if door.window.findChild(QWidget, f"nav_{key}").isVisible()
    }
    assert shown == {"refunds", "reports", "settings"}
    door.window.show_screen("door")  # not for this station: nothing happens
    assert door.window.current_screen().key != "door"


def test_a_revoked_station_is_told_to_enroll_again(make_door: Callable[..., Door]) -> None:
    door = make_door()
    assert door.console.sync.cycle().online
    door.server.admin("revoke-station", "--station", str(door.console.ctx.station_id))
    state = door.console.sync.cycle()
    assert not state.online and state.credentials == "revoked"
    link = door.window.findChild(QLabel, "linkLabel")
    expected = "This station was revoked: enroll it again with a new code"
    door.qtbot.waitUntil(lambda: link.text() == expected, timeout=10_000)
