"""Machine-readable zones of identity documents (ICAO 9303; DOMAIN.md §2).

Document scanners send the MRZ as keyboard or serial text, so parsing is lenient about *layout*
(line breaks of any platform, the lines run together, whitespace around them) and strict about
*content*: every check digit is verified, because one misread character would look up a
stranger's status.

Two formats matter at the door:

* TD1 (3 lines of 30), the Kazakh ID card: the IIN is the first 12 digits of line 1's optional
  data; it must pass the IIN check digit.
* TD3 (2 lines of 44), passports: a Kazakh passport carries the IIN as the personal number;
  foreign passports are looked up by passport number instead.

Dates are hints, like the IIN's: an impossible date gives None, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from app.core.iin import check_digit as iin_check_digit

__all__ = ["Mrz", "MrzError", "looks_like_mrz", "mrz_check_digit", "parse_mrz"]

TD1_LINE = 30
TD3_LINE = 44
MRZ_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
KAZAKHSTAN = "KAZ"

_WEIGHTS = (7, 3, 1)
_TD1_FIRST_LETTERS = frozenset("IAC")  # identity cards and other official travel documents
_SEXES: dict[str, Literal["M", "F"] | None] = {"M": "M", "F": "F", "<": None, "X": None}


class MrzError(ValueError):
    """Why a text is not a usable MRZ; ``field`` names the failing part when there is one."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Mrz:
    """A verified MRZ. ``iin`` is set only for Kazakh documents that carry one.

    Personal fields are left out of ``repr`` so a logged document shows no IIN or name.
    """

    kind: Literal["TD1", "TD3"]
    document_code: str
    issuing_state: str
    document_number: str
    iin: str | None = field(repr=False)
    birth_date: date | None = field(repr=False)
    expiry_date: date | None
    sex: Literal["M", "F"] | None
    nationality: str
    surname: str = field(repr=False)
    given_names: str = field(repr=False)
    lines: tuple[str, ...] = field(repr=False)  # the zone as verified, one string per line


def mrz_check_digit(field: str) -> int:
    """ICAO 9303 check digit: weights 7, 3, 1 repeating; ``<`` = 0, digits, A-Z = 10-35."""
    total = 0
    for index, ch in enumerate(field):
        if ch == "<":
            value = 0
        elif "0" <= ch <= "9":
            value = ord(ch) - ord("0")
        elif "A" <= ch <= "Z":
            value = ord(ch) - ord("A") + 10
        else:
            raise MrzError(
                "format", "An MRZ holds only capital letters A-Z, digits and the filler '<'."
            )
        total += value * _WEIGHTS[index % 3]
    return total % 10


def looks_like_mrz(text: str) -> bool:
    """Cheap test: does this text want to be an MRZ (so errors are worth reporting as MRZ ones)?

    True for 80-100 characters of the MRZ alphabet, line breaks aside, containing the filler
    ``<``. Exact line lengths are left to ``parse_mrz``, which says precisely what is wrong.
    """
    stripped = text.strip()
    if not 80 <= len(stripped) <= 110 or "<" not in stripped:
        return False
    count = 0
    for ch in stripped:
        if ch in "\r\n":
            continue
        if ch not in MRZ_CHARS:
            return False
        count += 1
    return 80 <= count <= 100


def parse_mrz(text: str, *, today: date | None = None) -> Mrz:
    """Parse and verify a TD1 or TD3 MRZ; raises MrzError naming the failing field.

    ``today`` (optional, never read from a clock) only helps place the birth year's century
    when the document itself does not tell (see ``_birth_century``).
    """
    lines = _split_lines(text)
    if len(lines) == 3:
        return _parse_td1(lines, today)
    return _parse_td3(lines, today)


def _split_lines(text: str) -> list[str]:
    raw = [
        line.strip() for line in text.strip().replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    lines = [line for line in raw if line]
    if len(lines) == 1 and len(lines[0]) in (3 * TD1_LINE, 2 * TD3_LINE):
        joined = lines[0]
        width = TD1_LINE if len(joined) == 3 * TD1_LINE else TD3_LINE
        lines = [joined[i : i + width] for i in range(0, len(joined), width)]
    shape = [len(line) for line in lines]
    if shape not in ([TD1_LINE] * 3, [TD3_LINE] * 2):
        raise MrzError(
            "format",
            "An MRZ has 3 lines of 30 characters (ID card) or 2 lines of 44 (passport); "
            f"this has {len(lines)} line(s) of {', '.join(str(n) for n in shape) or 'no'} "
            "characters.",
        )
    for number, line in enumerate(lines, start=1):
        for position, ch in enumerate(line, start=1):
            if ch not in MRZ_CHARS:
                raise MrzError(
                    "format",
                    f"Line {number} of the MRZ has a character other than A-Z, 0-9 or '<' "
                    f"at position {position}.",
                )
    return lines


def _parse_td1(lines: list[str], today: date | None) -> Mrz:
    line1, line2, line3 = lines
    if line1[0] not in _TD1_FIRST_LETTERS:
        raise MrzError("format", "An ID-card MRZ starts with I, A or C.", field="document_code")
    optional1 = line1[15:30]
    if line1[14] == "<" and optional1[0] != "<":
        # A number longer than 9 characters continues in the optional data, its check digit
        # after it (ICAO 9303-5, 4.2.2 note j).
        extension = optional1.split("<", 1)[0]
        number_field, number_check = line1[5:14] + extension[:-1], extension[-1]
        optional1 = ""  # holds the number's tail, not an IIN
    else:
        number_field, number_check = line1[5:14], line1[14]
    _verify(number_field, number_check, "document_number", "document number")
    _verify(line2[0:6], line2[6], "birth_date", "date of birth")
    _verify(line2[8:14], line2[14], "expiry_date", "date of expiry")
    _verify(
        line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29],
        line2[29],
        "composite",
        "whole MRZ (composite)",
    )
    issuing_state = line1[2:5].replace("<", "")
    iin = _td1_iin(optional1) if issuing_state == KAZAKHSTAN else None
    expiry = _date(line2[8:14], 2000)
    surname, given = _names(line3)
    return Mrz(
        kind="TD1",
        document_code=line1[0:2].replace("<", ""),
        issuing_state=issuing_state,
        document_number=number_field.replace("<", ""),
        iin=iin,
        birth_date=_birth_date(line2[0:6], iin, expiry, today),
        expiry_date=expiry,
        sex=_sex(line2[7]),
        nationality=line2[15:18].replace("<", ""),
        surname=surname,
        given_names=given,
        lines=tuple(lines),
    )


def _parse_td3(lines: list[str], today: date | None) -> Mrz:
    line1, line2 = lines
    if line1[0] != "P":
        raise MrzError(
            "format",
            "A 2-line MRZ of 44 characters is read only from passports, which start with P.",
            field="document_code",
        )
    _verify(line2[0:9], line2[9], "document_number", "passport number")
    _verify(line2[13:19], line2[19], "birth_date", "date of birth")
    _verify(line2[21:27], line2[27], "expiry_date", "date of expiry")
    personal = line2[28:42]
    if not (set(personal) == {"<"} and line2[42] in "<0"):
        _verify(personal, line2[42], "personal_number", "personal number")
    _verify(
        line2[0:10] + line2[13:20] + line2[21:43], line2[43], "composite", "whole MRZ (composite)"
    )
    issuing_state = line1[2:5].replace("<", "")
    iin = _td3_iin(personal) if issuing_state == KAZAKHSTAN else None
    expiry = _date(line2[21:27], 2000)
    surname, given = _names(line1[5:44])
    return Mrz(
        kind="TD3",
        document_code=line1[0:2].replace("<", ""),
        issuing_state=issuing_state,
        document_number=line2[0:9].replace("<", ""),
        iin=iin,
        birth_date=_birth_date(line2[13:19], iin, expiry, today),
        expiry_date=expiry,
        sex=_sex(line2[20]),
        nationality=line2[10:13].replace("<", ""),
        surname=surname,
        given_names=given,
        lines=tuple(lines),
    )


def _verify(field: str, check: str, name: str, label: str) -> None:
    if check != str(mrz_check_digit(field)):
        raise MrzError(
            "check_digit",
            f"The check digit of the {label} in the MRZ does not match; "
            "the document was probably misread.",
            field=name,
        )


def _td1_iin(optional: str) -> str | None:
    """The IIN of a Kazakh ID card. Decision: optional data that does not start with 12 digits
    is a card without an IIN (None); 12 digits that fail the IIN check are an error."""
    candidate = optional[:12]
    if len(candidate) != 12 or not candidate.isdigit():
        return None
    if iin_check_digit(candidate[:11]) != int(candidate[11]):
        raise MrzError(
            "check_digit",
            "The IIN in the MRZ's optional data fails its check digit; "
            "the document was probably misread.",
            field="iin",
        )
    return candidate


def _td3_iin(personal: str) -> str | None:
    """A Kazakh passport's personal number is the IIN: 12 digits, then fillers."""
    candidate, rest = personal[:12], personal[12:]
    if not candidate.isdigit() or set(rest) - {"<"}:
        return None
    return candidate if iin_check_digit(candidate[:11]) == int(candidate[11]) else None


def _date(yymmdd: str, century: int) -> date | None:
    if not yymmdd.isdigit():
        return None
    try:
        return date(century + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6]))
    except ValueError:
        return None


def _birth_date(
    yymmdd: str, iin: str | None, expiry: date | None, today: date | None
) -> date | None:
    century = _birth_century(yymmdd, iin, expiry, today)
    return None if century is None else _date(yymmdd, century)


def _birth_century(
    yymmdd: str, iin: str | None, expiry: date | None, today: date | None
) -> int | None:
    """Decision, in order of trust: the IIN's century digit when the IIN's date part equals
    the MRZ birth date; else 20YY unless that is after ``today``; else 20YY unless that is
    after the expiry date; else unknown (None)."""
    if not yymmdd.isdigit():
        return None
    if iin is not None and iin[:6] == yymmdd and iin[6] in "123456":
        return {"1": 1800, "2": 1800, "3": 1900, "4": 1900}.get(iin[6], 2000)
    this_century = _date(yymmdd, 2000)
    if this_century is None:
        return None
    limit = today if today is not None else expiry
    if limit is None:
        return None
    return 2000 if this_century <= limit else 1900


def _sex(ch: str) -> Literal["M", "F"] | None:
    if ch not in _SEXES:
        raise MrzError("format", "The sex in the MRZ must be M, F, X or '<'.", field="sex")
    return _SEXES[ch]


def _names(zone: str) -> tuple[str, str]:
    surname, _, given = zone.partition("<<")
    return _words(surname), _words(given)


def _words(part: str) -> str:
    return " ".join(word for word in part.split("<") if word)
