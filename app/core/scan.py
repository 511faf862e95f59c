"""What a scanned or typed code is: the door's single entry point for raw input.

``classify`` never raises, whatever arrives (control characters, megabytes, any script): a door
must answer every scan. It returns a ``Scan`` or a ``Rejection`` with a stable ``code``.

The project's barcode contract, tried in this order on each keyboard-layout reading of the
input (``app.core.layouts.candidates``; the first reading that classifies wins, else the best
reading's rejection is returned):

=========  ===================================================================================
command    ``ASHYQ:CMD:ENTRY`` / ``ASHYQ:CMD:EXIT`` / ``ASHYQ:CMD:REPEAT``, any letter case:
           switch the door to entry or exit mode, repeat the last verdict.
venue      the venue's own poster: ``ASHYQ:VENUE:<CODE>`` or an http(s) URL whose path is
           ``/v/<CODE>`` (query and fragment ignored), CODE = ``[A-Z0-9-]{3,32}``, any case,
           upper-cased. The door says "that is the venue's poster, scan the visitor".
mrz        the machine-readable zone of an ID card (TD1) or passport (TD3); ``iin`` when the
           document carries one, ``document_number`` always; ``text`` is the lines joined by
           ``\\n``.
iin        12 ASCII digits once spaces and dashes are dropped, passing the check digit; a
           digits-only input of another length is rejected as ``iin_length``.
ticket     ``[A-Z0-9]{6,32}`` with at least one letter and one digit, spaces and dashes
           dropped, any case (Caps Lock), upper-cased.
iin        an ID-card barcode payload holding exactly one valid 12-digit run (see
           ``app.core.iin.find_iin``).
(reject)   12 characters (spaces and dashes dropped), at least 10 of them digits, that are
           none of the above: ``iin_characters``, naming the wrong character's position.
=========  ===================================================================================

Rejection codes: ``empty``, ``too_long``, ``iin_length``, ``iin_characters``,
``iin_check_digit``, ``iin_never_issued``, ``mrz_format``, ``mrz_check_digit``,
``unknown_command``, ``venue_code`` (a malformed ``ASHYQ:VENUE:`` code), ``unknown``, and
``internal_error`` (a bug caught so the door keeps working; tests assert it never happens).

Input handling: more than ``MAX_INPUT`` characters is ``too_long`` before any other work;
the text is normalised (``app.core.scantext.normalize``: NFKC, format characters such as a
zero-width space or soft hyphen removed, full-width and other scripts' digits as ASCII);
surrounding whitespace and control characters (a trailing Enter/Tab/CR/LF, STX/ETX framing)
are dropped. On each reading an AIM symbology identifier (``]Q1``, ``]C0``, ``]d1``, ...) is
removed before the contract above is applied, and the symbology it names is kept in
``Scan.symbology`` as a hint. An MRZ's lines may be separated by any line break or TAB.
Foreign documents are known by ``Scan.document_key`` (issuing state and number).

Privacy: ``Scan.text`` and ``Scan.iin`` are left out of ``repr`` so a logged scan never shows
an IIN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from app.core.documents import MrzError, looks_like_mrz, parse_mrz
from app.core.iin import IIN_LENGTH, IinError, find_iin, normalize, validate_iin
from app.core.layouts import Layout, candidates
from app.core.scantext import normalize as normalize_text
from app.core.scantext import strip_aim

__all__ = [
    "MAX_INPUT",
    "Command",
    "Rejection",
    "Scan",
    "ScanKind",
    "classify",
]

MAX_INPUT = 4096  # keyboard wedges top out near 100 characters; serial scanners near 2000
_SEPARATED_IIN = re.compile(r"(?:^|\s)([0-9]{12})(?:\s|$)")  # a 12-digit word of its own


class ScanKind(StrEnum):
    IIN = "iin"
    MRZ = "mrz"
    TICKET = "ticket"
    VENUE = "venue"
    COMMAND = "command"


class Command(StrEnum):
    ENTRY_MODE = "entry_mode"
    EXIT_MODE = "exit_mode"
    REPEAT_LAST = "repeat_last"


@dataclass(frozen=True)
class Scan:
    """A recognised input; fields that do not apply to its kind are None."""

    kind: ScanKind
    text: str = field(repr=False)
    layout: Layout
    iin: str | None = field(default=None, repr=False)
    document_number: str | None = None
    command: Command | None = None
    venue_code: str | None = None
    symbology: str | None = None  # the scanner's AIM identifier named it (a hint, never a rule)
    issuing_state: str | None = None  # an identity document's issuing state (MRZ), canonical
    document_kind: str | None = None  # the MRZ's format: TD1, TD2, TD3, MRV-A or MRV-B

    @property
    def document_key(self) -> str | None:
        """The identity document as one key: issuing state and number (``USA:A2222222``), so
        two countries' documents with the same number are two people."""
        if self.document_number is None:
            return None
        return f"{self.issuing_state or ''}:{self.document_number}"


@dataclass(frozen=True)
class Rejection:
    """Why an input was not accepted: ``code`` for programs, ``message`` for people."""

    code: str
    message: str
    layout: str


_COMMANDS = {
    "ASHYQ:CMD:ENTRY": Command.ENTRY_MODE,
    "ASHYQ:CMD:EXIT": Command.EXIT_MODE,
    "ASHYQ:CMD:REPEAT": Command.REPEAT_LAST,
}
_COMMAND_PREFIX = "ASHYQ:CMD:"
_VENUE_PREFIX = "ASHYQ:VENUE:"
_VENUE_CODE = re.compile(r"[A-Z0-9-]{3,32}")
_VENUE_URL = re.compile(
    r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/v/([A-Za-z0-9-]{3,32})/?(?:[?#][\x21-\x7e]*)?",
    re.IGNORECASE,
)
_TICKET = re.compile(r"(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*[0-9])[A-Z0-9]{6,32}")
# Whitespace plus every C0 control and DEL: scanner framing and terminators.
_EDGE = "".join(chr(c) for c in range(0x20)) + "\x7f \u00a0\u2007\u202f\ufeff"

_DIGITS = frozenset("0123456789")
_IIN_CODES = {
    "empty": "empty",
    "length": "iin_length",
    "characters": "iin_characters",
    "check_digit": "iin_check_digit",
    "never_issued": "iin_never_issued",
}
_MRZ_CODES = {
    "format": "mrz_format",
    "check_digit": "mrz_check_digit",
    "iin_check_digit": "iin_check_digit",
    "iin_never_issued": "iin_never_issued",
}

Outcome = Scan | Rejection


def classify(raw: str, *, from_keyboard: bool = True) -> Outcome:
    """Classify one scan or typed entry; never raises.

    ``from_keyboard`` is False for text that did not pass through a keyboard layout (serial
    scanners, the camera): then no layout recovery is attempted.
    """
    try:
        return _classify(raw, from_keyboard)
    except Exception:  # the door must answer every scan; a bug here must not stop it
        return Rejection(
            "internal_error", "This code could not be read; please scan it again.", "us"
        )


def _classify(raw: str, from_keyboard: bool) -> Outcome:
    if not isinstance(raw, str):
        return _unknown("us")
    if len(raw) > MAX_INPUT + 8:  # a little slack for terminators and framing
        return _too_long()
    text = normalize_text(raw).strip(_EDGE)
    if len(text) > MAX_INPUT:
        return _too_long()
    if not text:
        return Rejection("empty", "Nothing was scanned.", "us")
    readings = candidates(text) if from_keyboard else ()
    if not readings:
        return _classify_reading(text, "us")
    first: Rejection | None = None
    for reading in readings:
        outcome = _classify_reading(reading.text, reading.layout)
        if isinstance(outcome, Scan):
            return outcome
        if first is None:
            first = outcome
    assert first is not None
    return first


def _classify_reading(text: str, layout: Layout) -> Outcome:
    aim = strip_aim(text)
    if aim.aim is None:
        return _classify_content(text, layout)
    content = aim.text.strip(_EDGE)
    if not content:
        return Rejection("empty", "Nothing was scanned.", layout)
    outcome = _classify_content(content, layout)
    if isinstance(outcome, Scan):
        return replace(outcome, symbology=aim.symbology)
    return outcome


def _classify_content(text: str, layout: Layout) -> Outcome:
    upper = text.upper() if text.isascii() else text
    if upper.startswith(_COMMAND_PREFIX):
        return _command(upper, layout)
    venue = _venue(text, upper, layout)
    if venue is not None:
        return venue
    if looks_like_mrz(upper):
        return _mrz(upper, layout)
    compact = normalize(text)
    if compact and compact.isascii() and compact.isdigit():
        return _iin(compact, layout)
    compact_upper = compact.upper() if compact.isascii() else compact
    word = _SEPARATED_IIN.search(text)
    if word is not None:
        # An ID-card payload in words ("ID KAZ N04123658 880315300103"): a 12-digit word of its
        # own is the person, even though the whole would fit a ticket code; if it fails the
        # check digit, say so rather than calling the card a ticket.
        carried = find_iin(text)
        if carried is not None:
            return Scan(ScanKind.IIN, carried, layout, iin=carried)
        return _iin(word.group(1), layout)
    if _TICKET.fullmatch(compact_upper):
        return Scan(ScanKind.TICKET, compact_upper, layout)
    embedded = find_iin(text)
    if embedded is not None:
        return Scan(ScanKind.IIN, embedded, layout, iin=embedded)
    if len(compact) == IIN_LENGTH and sum(ch in _DIGITS for ch in compact) >= IIN_LENGTH - 2:
        return _iin(compact, layout)  # a mistyped IIN: say which character is wrong
    return _unknown(layout)


def _command(upper: str, layout: Layout) -> Outcome:
    command = _COMMANDS.get(upper)
    if command is None:
        return Rejection(
            "unknown_command",
            "This is a console command barcode, but not one this console knows.",
            layout,
        )
    return Scan(ScanKind.COMMAND, upper, layout, command=command)


def _venue(text: str, upper: str, layout: Layout) -> Outcome | None:
    if upper.startswith(_VENUE_PREFIX):
        code = upper[len(_VENUE_PREFIX) :]
        if not _VENUE_CODE.fullmatch(code):
            return Rejection(
                "venue_code",
                "This is a venue poster code, but the venue code in it is malformed.",
                layout,
            )
        return Scan(ScanKind.VENUE, upper, layout, venue_code=code)
    match = _VENUE_URL.fullmatch(text)
    if match is None:
        return None
    return Scan(ScanKind.VENUE, text, layout, venue_code=match.group(1).upper())


def _mrz(upper: str, layout: Layout) -> Outcome:
    try:
        mrz = parse_mrz(upper)
    except MrzError as error:
        return Rejection(_MRZ_CODES.get(error.code, "mrz_format"), error.message, layout)
    return Scan(
        ScanKind.MRZ,
        "\n".join(mrz.lines),
        layout,
        iin=mrz.iin,
        document_number=mrz.document_number,
        issuing_state=mrz.issuing_state,
        document_kind=mrz.kind,
    )


def _iin(digits: str, layout: Layout) -> Outcome:
    try:
        iin = validate_iin(digits)
    except IinError as error:
        return Rejection(_IIN_CODES.get(error.code, "unknown"), error.message, layout)
    return Scan(ScanKind.IIN, iin.value, layout, iin=iin.value)


def _too_long() -> Rejection:
    return Rejection(
        "too_long",
        f"This is longer than {MAX_INPUT} characters, more than any code the door reads.",
        "us",
    )


def _unknown(layout: str) -> Rejection:
    return Rejection(
        "unknown",
        "This is not an IIN, an identity document, a ticket, a venue poster or a console command.",
        layout,
    )
