"""IIN and BIN: the 12-digit personal and business numbers of Kazakhstan (DOMAIN.md §1).

The check digit is the only thing that makes a number valid or not. The date, century, sex and
registration details encoded in the other digits are *hints*: since Decree No. 853 (2013) an IIN
need not match its holder's birth date, so a door must never turn a visitor away because the date
part of a number looks impossible.

Errors carry a stable machine ``code`` (translated by the GUI) and an English sentence. Messages
never repeat the number itself, so they are safe to log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = [
    "Bin",
    "Iin",
    "IinError",
    "IIN_LENGTH",
    "check_digit",
    "find_iin",
    "is_valid_iin",
    "normalize",
    "validate_bin",
    "validate_iin",
]

IIN_LENGTH = 12

_FIRST_PASS_WEIGHTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_SECOND_PASS_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

# Dashes people type or word processors substitute: hyphen-minus, hyphen, non-breaking hyphen,
# figure dash, en dash, em dash, minus sign.
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")

# Digit 7 of an IIN: the century of birth (as the year's base) and sex.
_CENTURY_AND_SEX: dict[str, tuple[int, Literal["M", "F"]]] = {
    "1": (1800, "M"),
    "2": (1800, "F"),
    "3": (1900, "M"),
    "4": (1900, "F"),
    "5": (2000, "M"),
    "6": (2000, "F"),
}

BinKind = Literal["resident", "non_resident", "joint_sole_trader"]
BinUnit = Literal["head_office", "branch", "representative", "farm"]

_BIN_KINDS: dict[str, BinKind] = {"4": "resident", "5": "non_resident", "6": "joint_sole_trader"}
_BIN_UNITS: dict[str, BinUnit] = {
    "0": "head_office",
    "1": "branch",
    "2": "representative",
    "3": "farm",
}

# BINs carry a two-digit registration year. Kazakhstan registered legal entities from 1991 on, so
# 91-99 read as the 1990s and everything else as 20YY (good until 2090).
_BIN_LAST_1900S_PIVOT = 91

# A maximal run of exactly 12 ASCII digits: no digit directly before or after it.
_TWELVE_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9]{12}(?![0-9])")


class IinError(ValueError):
    """Why a text is not an IIN/BIN: ``code`` for programs, ``message`` for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Iin:
    """A valid IIN with what its digits suggest; the hints are None when they make no sense.

    ``century_hint`` is the base of the birth year (1800, 1900 or 2000) from digit 7, so a
    plausible birth year is ``century_hint + int(value[:2])``.
    """

    value: str
    birth_date_hint: date | None
    sex_hint: Literal["M", "F"] | None
    century_hint: int | None


@dataclass(frozen=True)
class Bin:
    """A valid BIN (business number) with the registration details its digits suggest."""

    value: str
    registration_year_hint: int | None
    registration_month_hint: int | None
    kind_hint: BinKind | None
    unit_hint: BinUnit | None


def normalize(text: str) -> str:
    """Drop what people type between digits: whitespace (incl. no-break spaces) and dashes."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in _DASHES)


def check_digit(first11: str) -> int | None:
    """The check digit for 11 ASCII digits, or None when no such number is ever issued.

    None (both passes give 10) is its own outcome: some public implementations put 0 there,
    which would accept numbers the state never issues.
    """
    if len(first11) != IIN_LENGTH - 1 or not _is_ascii_digits(first11):
        raise ValueError("check_digit needs exactly 11 ASCII digits.")
    digits = [int(ch) for ch in first11]
    c = sum(d * w for d, w in zip(digits, _FIRST_PASS_WEIGHTS, strict=True)) % 11
    if c == 10:
        c = sum(d * w for d, w in zip(digits, _SECOND_PASS_WEIGHTS, strict=True)) % 11
        if c == 10:
            return None
    return c


def validate_iin(text: str) -> Iin:
    """Parse an IIN typed or scanned by a person; raises IinError with the precise reason."""
    value = _checked_number(text, "IIN")
    return Iin(
        value=value,
        birth_date_hint=_birth_date_hint(value),
        sex_hint=_sex_hint(value),
        century_hint=_century_hint(value),
    )


def is_valid_iin(text: str) -> bool:
    """True when ``validate_iin`` would accept the text."""
    try:
        validate_iin(text)
    except IinError:
        return False
    return True


def validate_bin(text: str) -> Bin:
    """Parse a BIN (same check digit as the IIN); unknown type digits give None hints."""
    value = _checked_number(text, "BIN")
    year: int | None = None
    month: int | None = None
    yy, mm = int(value[:2]), int(value[2:4])
    if 1 <= mm <= 12:
        year = (1900 if yy >= _BIN_LAST_1900S_PIVOT else 2000) + yy
        month = mm
    return Bin(
        value=value,
        registration_year_hint=year,
        registration_month_hint=month,
        kind_hint=_BIN_KINDS.get(value[4]),
        unit_hint=_BIN_UNITS.get(value[5]),
    )


def find_iin(text: str) -> str | None:
    """The IIN inside an ID-card barcode payload, or None.

    The card's symbology is not published, so any payload counts whose text holds a maximal
    run of exactly 12 ASCII digits (a non-digit or the text's edge on both sides) passing the
    check digit. Decisions:

    * Longer digit runs are ignored, not searched for a 12-digit window: each window of a
      random long number passes the check digit about one time in eleven, so a window would
      name a stranger as often as it would find the holder.
    * If the payload holds two *different* valid runs, the answer is None: checking the wrong
      person's status is worse than asking staff to type the number.
    """
    found: str | None = None
    for match in _TWELVE_DIGIT_RUN.finditer(text):
        candidate = match.group()
        if check_digit(candidate[:11]) != int(candidate[11]):
            continue
        if found is None:
            found = candidate
        elif candidate != found:
            return None
    return found


def _checked_number(text: str, name: str) -> str:
    value = normalize(text)
    article = "An" if name == "IIN" else "A"
    if not value:
        raise IinError("empty", f"No {name} was entered.")
    for position, ch in enumerate(value, start=1):
        if ch not in "0123456789":
            raise IinError(
                "characters",
                f"{article} {name} has only digits; character {position} is not a digit.",
            )
    if len(value) != IIN_LENGTH:
        raise IinError("length", f"{article} {name} has 12 digits; this has {len(value)}.")
    expected = check_digit(value[:11])
    if expected is None:
        raise IinError(
            "never_issued",
            f"No {name} begins with these 11 digits: the check digit cannot be computed "
            "for them, so such a number is never issued.",
        )
    if expected != int(value[11]):
        raise IinError(
            "check_digit",
            f"The last digit of this {name} does not match the first 11; "
            "the number was probably mistyped.",
        )
    return value


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _century_hint(value: str) -> int | None:
    entry = _CENTURY_AND_SEX.get(value[6])
    return entry[0] if entry else None


def _sex_hint(value: str) -> Literal["M", "F"] | None:
    entry = _CENTURY_AND_SEX.get(value[6])
    return entry[1] if entry else None


def _birth_date_hint(value: str) -> date | None:
    century = _century_hint(value)
    if century is None:
        return None
    try:
        return date(century + int(value[:2]), int(value[2:4]), int(value[4:6]))
    except ValueError:
        return None
