"""Translated words for the codes the services return: statuses, verdicts, roles, reasons.

The core and the services speak in stable codes ("yellow_contact", "capacity_full"); this is the
one place that turns them into words in the interface language. Each string is written out
literally so `pyside6-lupdate` finds it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.core.statuses import Role, Status, Verdict


def status_word(status: Status | str | None) -> str:
    words: dict[str, Callable[[], str]] = {
        "green": lambda: QCoreApplication.translate("Texts", "GREEN"),
        "blue": lambda: QCoreApplication.translate("Texts", "BLUE"),
        "yellow": lambda: QCoreApplication.translate("Texts", "YELLOW"),
        "red": lambda: QCoreApplication.translate("Texts", "RED"),
        "not_found": lambda: QCoreApplication.translate("Texts", "NOT FOUND"),
    }
    return words.get(str(status), lambda: QCoreApplication.translate("Texts", "NO STATUS"))()


def verdict_word(verdict: Verdict | str) -> str:
    words: dict[str, Callable[[], str]] = {
        "admit": lambda: QCoreApplication.translate("Texts", "ADMIT"),
        "deny": lambda: QCoreApplication.translate("Texts", "DO NOT ADMIT"),
        "needs_check": lambda: QCoreApplication.translate("Texts", "CHECK"),
    }
    return words[str(verdict)]()


def role_name(role: Role | str) -> str:
    names: dict[str, Callable[[], str]] = {
        "door": lambda: QCoreApplication.translate("Texts", "door"),
        "cashier": lambda: QCoreApplication.translate("Texts", "cashier"),
        "manager": lambda: QCoreApplication.translate("Texts", "manager"),
        "admin": lambda: QCoreApplication.translate("Texts", "administrator"),
    }
    return names[str(role)]()


def source_name(source: str | None) -> str:
    names: dict[str, Callable[[], str]] = {
        "central": lambda: QCoreApplication.translate("Texts", "central service"),
        "fallback": lambda: QCoreApplication.translate("Texts", "fallback service"),
        "cache": lambda: QCoreApplication.translate("Texts", "saved earlier (offline)"),
        "visitor": lambda: QCoreApplication.translate("Texts", "visitor's check-in"),
    }
    return names.get(str(source), lambda: QCoreApplication.translate("Texts", "no source"))()


def direction_word(direction: str) -> str:
    words: dict[str, Callable[[], str]] = {
        "entry": lambda: QCoreApplication.translate("Texts", "entry"),
        "exit": lambda: QCoreApplication.translate("Texts", "exit"),
        "denied": lambda: QCoreApplication.translate("Texts", "denied"),
    }
    return words.get(direction, lambda: direction)()


def method_word(method: str) -> str:
    words: dict[str, Callable[[], str]] = {
        "camera": lambda: QCoreApplication.translate("Texts", "camera"),
        "wedge": lambda: QCoreApplication.translate("Texts", "USB scanner"),
        "serial": lambda: QCoreApplication.translate("Texts", "serial scanner"),
        "manual": lambda: QCoreApplication.translate("Texts", "typed IIN"),
        "visitor_qr": lambda: QCoreApplication.translate("Texts", "visitor's QR"),
        "cli": lambda: QCoreApplication.translate("Texts", "command line"),
    }
    return words.get(method, lambda: method)()


def age_text(seconds: int | None) -> str:
    """'just now', '5 min ago', '3 h ago' — how old a status answer is."""
    if seconds is None or seconds < 60:
        return QCoreApplication.translate("Texts", "just now")
    if seconds < 3600:
        text, n = QCoreApplication.translate("Texts", "%1 min ago"), seconds // 60
    elif seconds < 2 * 86400:
        text, n = QCoreApplication.translate("Texts", "%1 h ago"), seconds // 3600
    else:
        text, n = QCoreApplication.translate("Texts", "%1 d ago"), seconds // 86400
    return text.replace("%1", str(n))


def reason_text(code: str, fallback: str = "") -> str:
    """The reason for a verdict, in the interface language; the service's English otherwise."""
    reasons: dict[str, Callable[[], str]] = {
        "green": lambda: QCoreApplication.translate("Texts", "Green status: no restrictions."),
        "blue": lambda: QCoreApplication.translate("Texts", "Blue status: admitted here."),
        "blue_cinema_weekend": lambda: QCoreApplication.translate(
            "Texts", "Blue status: on Saturdays and Sundays cinemas admit green only."
        ),
        "pcr_certificate_required": lambda: QCoreApplication.translate(
            "Texts", "Blue status: admit only after you have seen a negative PCR certificate."
        ),
        "pcr_certificate_shown": lambda: QCoreApplication.translate(
            "Texts", "Blue status: PCR certificate seen by staff."
        ),
        "yellow_contact": lambda: QCoreApplication.translate(
            "Texts", "Yellow status: contact of a positive case. Not admitted."
        ),
        "yellow_essential_shop": lambda: QCoreApplication.translate(
            "Texts", "Yellow status: admitted to essential shops and pharmacies only."
        ),
        "red_isolation": lambda: QCoreApplication.translate(
            "Texts", "Red status: home isolation. Not admitted anywhere."
        ),
        "not_found": lambda: QCoreApplication.translate(
            "Texts", "No status found (for example a foreign citizen). A supervisor may admit."
        ),
        "stale_offline": lambda: QCoreApplication.translate(
            "Texts", "Offline, and the saved status is too old to trust. A supervisor may admit."
        ),
        "capacity_full": lambda: QCoreApplication.translate(
            "Texts", "The venue is full. Wait until someone leaves."
        ),
        "exit": lambda: QCoreApplication.translate("Texts", "Exit recorded."),
        "supervisor_override": lambda: QCoreApplication.translate(
            "Texts", "Admitted by a supervisor."
        ),
        "group_member_denied": lambda: QCoreApplication.translate(
            "Texts", "A member of the group is not admitted."
        ),
        "already_inside": lambda: QCoreApplication.translate(
            "Texts", "This person is already inside."
        ),
        "venue_rule": lambda: QCoreApplication.translate(
            "Texts", "This venue's rules do not admit this status."
        ),
        "stale_checkin": lambda: QCoreApplication.translate(
            "Texts", "The visitor's own check-in is too old. Ask them to scan the poster again."
        ),
        "no_answer": lambda: QCoreApplication.translate(
            "Texts", "No status service answered and nothing is saved. A supervisor may admit."
        ),
        "group_admitted": lambda: QCoreApplication.translate("Texts", "The whole group may enter."),
        "group_partly_admitted": lambda: QCoreApplication.translate(
            "Texts", "Only the members shown in colour may enter."
        ),
        "group_member_needs_check": lambda: QCoreApplication.translate(
            "Texts", "A member of the group still needs a check."
        ),
        "group_none_admitted": lambda: QCoreApplication.translate(
            "Texts", "Nobody in this group may enter."
        ),
        "venue_poster": lambda: QCoreApplication.translate(
            "Texts", "This is the venue's own poster. Scan the visitor's code."
        ),
        "empty": lambda: QCoreApplication.translate("Texts", "The scan was empty. Scan again."),
        "too_long": lambda: QCoreApplication.translate(
            "Texts",
            "The scan is far too long to be an ID or a ticket. Scan again, or use the serial mode.",
        ),
        "iin_length": lambda: QCoreApplication.translate(
            "Texts", "An IIN has exactly 12 digits. Scan or type it again."
        ),
        "iin_characters": lambda: QCoreApplication.translate(
            "Texts", "An IIN has digits only. Scan or type it again."
        ),
        "iin_check_digit": lambda: QCoreApplication.translate(
            "Texts", "The IIN's check digit is wrong: it was misread or mistyped."
        ),
        "iin_never_issued": lambda: QCoreApplication.translate(
            "Texts", "No such IIN is ever issued. Check the document."
        ),
        "mrz_format": lambda: QCoreApplication.translate(
            "Texts", "The document's machine-readable zone could not be read."
        ),
        "mrz_check_digit": lambda: QCoreApplication.translate(
            "Texts", "The document's machine-readable zone failed its check digit: scan it again."
        ),
        "unknown": lambda: QCoreApplication.translate(
            "Texts", "This code is not an ID, a ticket or a command."
        ),
        "redeemed": lambda: QCoreApplication.translate("Texts", "Valid ticket: admitted."),
        "redeemed_offline": lambda: QCoreApplication.translate(
            "Texts", "Valid ticket (checked offline)."
        ),
        "already_used": lambda: QCoreApplication.translate(
            "Texts", "This ticket was already used."
        ),
        "refunded": lambda: QCoreApplication.translate(
            "Texts", "This ticket was refunded or exchanged."
        ),
        "wrong_session": lambda: QCoreApplication.translate(
            "Texts", "This ticket is for another session."
        ),
        "unknown_ticket": lambda: QCoreApplication.translate(
            "Texts", "Unknown ticket, and the server cannot be asked now."
        ),
        "pcr_certificate_not_shown": lambda: QCoreApplication.translate(
            "Texts", "Blue status: no PCR certificate shown. Not admitted."
        ),
    }
    maker = reasons.get(code)
    if maker is None and code.startswith("scan_"):  # an unreadable scan, as the log stores it
        maker = reasons.get(code.removeprefix("scan_"))
    return maker() if maker is not None else (fallback or code)
