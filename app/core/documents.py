"""Machine-readable zones of identity documents (ICAO 9303; DOMAIN.md §2).

Document scanners send the MRZ as keyboard or serial text, so parsing is lenient about *layout*
(lines separated by any line break or TAB, the lines run together, whitespace around them) and
strict about *content*: every check digit is verified, because one misread character would look
up a stranger's status.

The formats, told apart by line count, line length and first letter:

* TD1 (3 lines of 30), the Kazakh ID card: the IIN is the first 12 digits of line 1's optional
  data.
* TD2 (2 lines of 36), identity cards of some states: document number, dates and a composite
  check digit as in TD3, 7 characters of optional data.
* TD3 (2 lines of 44, ``P``), passports: a Kazakh passport carries the IIN as the personal
  number.
* MRV-A (2 lines of 44, ``V``) and MRV-B (2 lines of 36, ``V``), visas: like TD3 / TD2 but
  without a composite check digit; a visa never carries an IIN.

The IIN rule, one for ID cards and passports (DOMAIN.md §1-2: an IIN is valid only with its
check digit, and bad input gets a precise message): a Kazakh document whose IIN field holds 12
digits that fail the IIN check (or the never-issued double 10) is rejected as ``iin_check_digit``
(``iin_never_issued``), never silently read as a document without an IIN; an IIN field that is
not 12 digits is a document without an IIN.

Foreign documents are identified by issuing state and number (``Mrz.key``): two states may
issue the same number. The issuing state is kept in its canonical form (``canonical_state``):
three capital letters, Germany's one-letter ``D`` (``D<<`` in the zone) written ``DEU``; a zone
whose state field holds no state code is rejected (a misread). Dates are hints, like the IIN's: an impossible date gives None, never an
error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from app.core.iin import check_digit as iin_check_digit

__all__ = [
    "Mrz",
    "MrzError",
    "canonical_state",
    "looks_like_mrz",
    "mrz_check_digit",
    "parse_mrz",
]

TD1_LINE = 30
TD2_LINE = 36
TD3_LINE = 44
_SHAPES = ([TD1_LINE] * 3, [TD2_LINE] * 2, [TD3_LINE] * 2)
_JOINED = {3 * TD1_LINE: TD1_LINE, 2 * TD2_LINE: TD2_LINE, 2 * TD3_LINE: TD3_LINE}
MRZ_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
KAZAKHSTAN = "KAZ"
_STATE = re.compile(r"[A-Z]{3}")
# ICAO 9303-3 codes are three letters, except Germany's "D" (filled to "D<<" in a zone), which
# is written as its ISO 3166 code, so "D", "D<<" and "DEU" are one state.
_SHORT_STATES = {"D": "DEU"}

_WEIGHTS = (7, 3, 1)
# What a scanner may put between lines: TAB, and every line break str.splitlines() knows.
_SEPARATORS = frozenset("\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
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

    kind: Literal["TD1", "TD2", "TD3", "MRV-A", "MRV-B"]
    document_code: str
    issuing_state: str  # canonical: three capital letters (canonical_state)
    document_number: str
    iin: str | None = field(repr=False)
    birth_date: date | None = field(repr=False)
    expiry_date: date | None
    sex: Literal["M", "F"] | None
    nationality: str
    surname: str = field(repr=False)
    given_names: str = field(repr=False)
    lines: tuple[str, ...] = field(repr=False)  # the zone as verified, one string per line

    @property
    def key(self) -> str:
        """Issuing state and number, ``USA:A2222222``: what identifies a foreign document."""
        return f"{self.issuing_state}:{self.document_number}"


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


def canonical_state(text: str) -> str | None:
    """An issuing state's ICAO 9303 code in canonical form (``KAZ``; ``D``/``D<<`` -> ``DEU``).

    Case, surrounding spaces and trailing fillers ``<`` are ignored; None when the text is not
    a state code (the canonical form matches ``^[A-Z]{3}$``).
    """
    value = text.strip().upper().rstrip("<")
    value = _SHORT_STATES.get(value, value)
    return value if _STATE.fullmatch(value) else None


def _issuing_state(field: str) -> str:
    state = canonical_state(field)
    if state is None:
        raise MrzError(
            "format", "The issuing state in this MRZ is not a state code.", field="issuing_state"
        )
    return state


def looks_like_mrz(text: str) -> bool:
    """Cheap test: does this text want to be an MRZ (so errors are worth reporting as MRZ ones)?

    True for 66-100 characters of the MRZ alphabet, line separators and spaces aside,
    containing the filler ``<``. Exact line lengths are left to ``parse_mrz``, which says
    precisely what is wrong.
    """
    stripped = text.strip()
    if not 66 <= len(stripped) <= 120 or "<" not in stripped:
        return False
    count = 0
    for ch in stripped:
        if ch in _SEPARATORS:
            continue
        if ch not in MRZ_CHARS:
            return False
        count += 1
    return 66 <= count <= 100


def parse_mrz(text: str, *, today: date | None = None) -> Mrz:
    """Parse and verify a TD1, TD2, TD3, MRV-A or MRV-B MRZ; raises MrzError naming the
    failing field.

    ``today`` (optional, never read from a clock) helps place the birth year's century when
    the document itself does not tell (see ``_birth_century``).
    """
    lines = _split_lines(text)
    if len(lines) == 3:
        return _parse_td1(lines, today)
    if lines[0][0] == "V":
        return _parse_visa(lines, today)
    if len(lines[0]) == TD2_LINE:
        return _parse_td2(lines, today)
    return _parse_td3(lines, today)


def _split_lines(text: str) -> list[str]:
    raw = [line.strip() for line in text.strip().replace("\t", "\n").splitlines()]
    lines = [line for line in raw if line]
    if len(lines) == 1 and len(lines[0]) in _JOINED:
        joined = lines[0]
        width = _JOINED[len(joined)]
        lines = [joined[i : i + width] for i in range(0, len(joined), width)]
    shape = [len(line) for line in lines]
    if shape not in _SHAPES:
        raise MrzError(
            "format",
            "An MRZ has 3 lines of 30 characters (ID card), 2 lines of 36 (ID card, visa) or "
            f"2 lines of 44 (passport, visa); this has {len(lines)} line(s) of "
            f"{', '.join(str(n) for n in shape) or 'no'} characters.",
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
    number_field, optional1 = _long_number(line1[5:14], line1[14], line1[15:30])
    _verify(line2[0:6], line2[6], "birth_date", "date of birth")
    _verify(line2[8:14], line2[14], "expiry_date", "date of expiry")
    _verify(
        line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29],
        line2[29],
        "composite",
        "whole MRZ (composite)",
    )
    issuing_state = _issuing_state(line1[2:5])
    iin = _td1_iin(optional1) if issuing_state == KAZAKHSTAN else None
    expiry = _expiry(line2[8:14])
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


def _long_number(head: str, check: str, optional: str) -> tuple[str, str]:
    """The verified document number and what is left of the optional data.

    A number longer than 9 characters continues in the optional data, its check digit after
    it, and ``<`` where its check digit would be (ICAO 9303-5 4.2.2 note j, 9303-6 4.2.2).
    """
    if check == "<" and optional[:1] not in ("", "<"):
        extension = optional.split("<", 1)[0]
        _verify(head + extension[:-1], extension[-1], "document_number", "document number")
        return head + extension[:-1], ""  # the optional data holds the number's tail
    _verify(head, check, "document_number", "document number")
    return head, optional


def _parse_td2(lines: list[str], today: date | None) -> Mrz:
    line1, line2 = lines
    if line1[0] not in _TD1_FIRST_LETTERS:
        raise MrzError(
            "format", "A 2-line MRZ of 36 characters starts with I, A, C or V.", "document_code"
        )
    number, _ = _long_number(line2[0:9], line2[9], line2[28:35])
    _verify(line2[13:19], line2[19], "birth_date", "date of birth")
    _verify(line2[21:27], line2[27], "expiry_date", "date of expiry")
    _verify(
        line2[0:10] + line2[13:20] + line2[21:35], line2[35], "composite", "whole MRZ (composite)"
    )
    return _two_line_mrz("TD2", lines, number, None, today)


def _parse_visa(lines: list[str], today: date | None) -> Mrz:
    """MRV-A (44) and MRV-B (36): no composite check digit, and never an IIN."""
    line2 = lines[1]
    _verify(line2[0:9], line2[9], "document_number", "visa number")
    _verify(line2[13:19], line2[19], "birth_date", "date of birth")
    _verify(line2[21:27], line2[27], "expiry_date", "date of expiry")
    kind: Literal["MRV-A", "MRV-B"] = "MRV-A" if len(line2) == TD3_LINE else "MRV-B"
    return _two_line_mrz(kind, lines, line2[0:9], None, today)


def _two_line_mrz(
    kind: Literal["TD2", "TD3", "MRV-A", "MRV-B"],
    lines: list[str],
    number: str,
    iin: str | None,
    today: date | None,
) -> Mrz:
    """TD2, TD3 and visas share line 2's layout up to the optional data."""
    line1, line2 = lines
    expiry = _expiry(line2[21:27])
    surname, given = _names(line1[5:])
    return Mrz(
        kind=kind,
        document_code=line1[0:2].replace("<", ""),
        issuing_state=_issuing_state(line1[2:5]),
        document_number=number.replace("<", ""),
        iin=iin,
        birth_date=_birth_date(line2[13:19], iin, expiry, today),
        expiry_date=expiry,
        sex=_sex(line2[20]),
        nationality=line2[10:13].replace("<", ""),
        surname=surname,
        given_names=given,
        lines=tuple(lines),
    )


def _parse_td3(lines: list[str], today: date | None) -> Mrz:
    line1, line2 = lines
    if line1[0] != "P":
        raise MrzError(
            "format",
            "A 2-line MRZ of 44 characters is a passport (P) or a visa (V).",
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
    iin = _td3_iin(personal) if line1[2:5] == KAZAKHSTAN else None
    return _two_line_mrz("TD3", lines, line2[0:9], iin, today)


def _verify(field: str, check: str, name: str, label: str) -> None:
    if check != str(mrz_check_digit(field)):
        raise MrzError(
            "check_digit",
            f"The check digit of the {label} in the MRZ does not match; "
            "the document was probably misread.",
            field=name,
        )


def _td1_iin(optional: str) -> str | None:
    """The IIN of a Kazakh ID card: the optional data's first 12 characters, when digits."""
    candidate = optional[:12]
    if len(candidate) != 12 or not candidate.isdigit():
        return None
    return _checked_iin(candidate)


def _td3_iin(personal: str) -> str | None:
    """A Kazakh passport's personal number is the IIN: 12 digits, then fillers."""
    candidate, rest = personal[:12], personal[12:]
    if not candidate.isdigit() or set(rest) - {"<"}:
        return None
    return _checked_iin(candidate)


def _checked_iin(candidate: str) -> str:
    """The one rule for ID cards and passports: 12 digits in the IIN field are an IIN, and an
    IIN that fails its check digit is an error, never a document without an IIN."""
    expected = iin_check_digit(candidate[:11])
    if expected is None:
        raise MrzError(
            "iin_never_issued",
            "The IIN in the MRZ is a number that is never issued (its check digit cannot be "
            "computed).",
            field="iin",
        )
    if expected != int(candidate[11]):
        raise MrzError(
            "iin_check_digit",
            "The IIN in the MRZ fails its check digit; type the IIN from the document instead.",
            field="iin",
        )
    return candidate


def _date(yymmdd: str, century: int) -> date | None:
    if not yymmdd.isdigit():
        return None
    try:
        return date(century + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6]))
    except ValueError:
        return None


def _expiry(yymmdd: str) -> date | None:
    """Decision: an expiry year 80-99 is 19YY, else 20YY. Machine-readable documents date from
    ICAO 9303's first edition (1980), so none expired before 1980; the rule holds until 2079.
    (ICAO's own visa specimens expire in 1996, and their holder was born in 1940.)"""
    if not yymmdd[:2].isdigit():
        return None
    return _date(yymmdd, 1900 if int(yymmdd[:2]) >= 80 else 2000)


def _birth_date(
    yymmdd: str, iin: str | None, expiry: date | None, today: date | None
) -> date | None:
    century = _birth_century(yymmdd, iin, expiry, today)
    return None if century is None else _date(yymmdd, century)


def _birth_century(
    yymmdd: str, iin: str | None, expiry: date | None, today: date | None
) -> int | None:
    """Decision, in order of trust:

    1. the IIN's century digit (DOMAIN.md §1), when the IIN's date part is the MRZ birth date
       (since 2013 an IIN need not carry the birth date; then its century digit says nothing);
    2. the document's own dates and ``today``: nobody is born after their document expires,
       nor after today, so 20YY is taken only when it is on or before both (those given);
    3. with neither an expiry date nor ``today``, unknown (None).

    Born 1940 reads as 1940 whenever the expiry or today comes before 2040, which is every
    document of this century's first decades; a document expiring in 2040 or later needs the
    IIN or ``today`` to tell a 1940 birth from a 2040 one (the door passes today).
    """
    if not yymmdd.isdigit():
        return None
    if iin is not None and iin[:6] == yymmdd and iin[6] in "123456":
        return {"1": 1800, "2": 1800, "3": 1900, "4": 1900}.get(iin[6], 2000)
    this_century = _date(yymmdd, 2000)
    if this_century is None:
        return None
    limits = [limit for limit in (today, expiry) if limit is not None]
    if not limits:
        return None
    return 2000 if all(this_century <= limit for limit in limits) else 1900


def _sex(ch: str) -> Literal["M", "F"] | None:
    if ch not in _SEXES:
        raise MrzError("format", "The sex in the MRZ must be M, F, X or '<'.", field="sex")
    return _SEXES[ch]


def _names(zone: str) -> tuple[str, str]:
    surname, _, given = zone.partition("<<")
    return _words(surname), _words(given)


def _words(part: str) -> str:
    return " ".join(word for word in part.split("<") if word)
