"""The vocabulary shared by the door, the database and the wire: statuses, verdicts, directions."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """A visitor's Ashyq status, or the absence of one."""

    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"
    NOT_FOUND = "not_found"


class StatusSource(StrEnum):
    """Where a status answer came from; shown to staff next to its age."""

    CENTRAL = "central"  # the venue's central API, which asked the registry
    FALLBACK = "fallback"  # the second service speaking the same API (the Aitu alternative)
    CACHE = "cache"  # this console's local cache, possibly old
    VISITOR = "visitor"  # the visitor's own check-in from the venue's QR poster
    NONE = "none"  # nothing answered


class Verdict(StrEnum):
    ADMIT = "admit"
    DENY = "deny"
    NEEDS_CHECK = "needs_check"


class Direction(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"
    DENIED = "denied"


class InputMethod(StrEnum):
    CAMERA = "camera"
    WEDGE = "wedge"  # a USB scanner typing as a keyboard
    SERIAL = "serial"  # a USB-COM scanner
    MANUAL = "manual"  # IIN typed by staff
    VISITOR_QR = "visitor_qr"  # the visitor scanned the venue's poster
    CLI = "cli"


class VenueCategory(StrEnum):
    GENERAL = "general"
    CINEMA = "cinema"
    PCR_REQUIRED = "pcr_required"
    ESSENTIAL = "essential"


class Role(StrEnum):
    DOOR = "door"
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"
