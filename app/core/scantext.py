"""Scanner text before classification: compatibility characters and AIM identifiers removed.

Two things arrive around a code's content that are not part of it:

* **Compatibility characters.** Text pasted from a phone, a PDF or a chat carries format
  characters (zero-width space, soft hyphen, byte-order mark, direction marks) and compatibility
  forms (full-width ``１２３``, Arabic-Indic ``٧٩١``). ``normalize`` applies Unicode NFKC, removes
  every format character (category Cf) and turns every decimal digit of any script (category
  Nd) into its ASCII digit. One exception: NFKC would turn ``№`` into ``No``, but ``№`` is a key
  of the Kazakh and Russian layouts that the layout recovery must still see, so it is kept.
* **AIM symbology identifiers** (ISO/IEC 15424): scanners configured to send them put ``]``, a
  code character (the symbology) and a modifier (its options) before the data: ``]Q1`` QR Code,
  ``]C0`` Code 128, ``]d1`` Data Matrix, ``]L0`` PDF417, ``]z0`` Aztec, ``]I0`` Interleaved
  2 of 5. ``strip_aim`` removes one and keeps the symbology as a hint. No code the door reads
  starts with ``]``, so any ``]`` + letter + letter-or-digit is taken as an identifier; the
  symbology is named only for code characters of the standard's list. With Caps Lock on a
  scanner's ``]Q1`` arrives as ``]q1``: a code character whose own case is not in the list is
  looked up in the other case.

Line separators (TAB, CR, LF, VT, FF, NEL, U+2028/2029) are left in place: an MRZ needs them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.documents import MRZ_CHARS

__all__ = ["AIM_SYMBOLOGIES", "AimText", "mrz_lines_to_come", "normalize", "strip_aim"]

_MRZ_LINES = {30: 3, 36: 2, 44: 2}  # line length: lines in the zone

# Code characters of ISO/IEC 15424, with the names zxing-cpp gives the same symbologies.
AIM_SYMBOLOGIES: dict[str, str] = {
    "A": "Code39",
    "B": "Telepen",
    "C": "Code128",
    "D": "CodeOne",
    "E": "EAN/UPC",
    "F": "Codabar",
    "G": "Code93",
    "H": "Code11",
    "I": "ITF",
    "K": "Code16K",
    "L": "PDF417",
    "M": "MSI",
    "N": "Anker",
    "O": "Codablock",
    "P": "Plessey",
    "Q": "QRCode",
    "R": "Straight2of5",
    "S": "Straight2of5",
    "T": "Code49",
    "U": "MaxiCode",
    "X": "Other",
    "Z": "Keyboard",
    "d": "DataMatrix",
    "e": "DataBar",
    "g": "GridMatrix",
    "h": "HanXin",
    "o": "OCR",
    "p": "Posicode",
    "s": "SuperCode",
    "z": "Aztec",
}
_KEEP = "№"  # a layout key, not a compatibility form here


@dataclass(frozen=True)
class AimText:
    """Text with its AIM identifier removed. ``aim`` is the identifier as sent (``]Q1``) or
    None; ``symbology`` names the symbology when the code character is a known one."""

    text: str
    aim: str | None = None
    symbology: str | None = None


def normalize(text: str) -> str:
    """NFKC, format characters removed, every script's decimal digits as ASCII (see above)."""
    if text.isascii():
        return text
    parts = [unicodedata.normalize("NFKC", part) for part in text.split(_KEEP)]
    out: list[str] = []
    for ch in _KEEP.join(parts):
        if ch.isascii():
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        if category == "Nd":
            out.append(str(unicodedata.digit(ch)))
            continue
        out.append(ch)
    return "".join(out)


def strip_aim(text: str) -> AimText:
    """Remove a leading AIM identifier (``]`` + code character + modifier), if there is one."""
    if len(text) < 3 or text[0] != "]":
        return AimText(text)
    code, modifier = text[1], text[2]
    if not (code.isascii() and code.isalpha() and modifier.isascii() and modifier.isalnum()):
        return AimText(text)
    symbology = AIM_SYMBOLOGIES.get(code)
    if symbology is None:
        symbology = AIM_SYMBOLOGIES.get(code.swapcase())
    return AimText(text[3:], text[:3], symbology)


def mrz_lines_to_come(lines: Sequence[str]) -> bool:
    """Whether these lines, each ended by a scanner's Tab or Enter, are the start of an MRZ
    with more lines to come: complete lines of 30, 36 or 44 characters of the MRZ alphabet
    (any letter case: Caps Lock), the first holding the filler ``<``, fewer than the zone has.
    Keyboard and serial readers then keep the line and wait for the next."""
    if not lines:
        return False
    width = len(lines[0])
    if width not in _MRZ_LINES or len(lines) >= _MRZ_LINES[width] or "<" not in lines[0]:
        return False
    return all(len(line) == width and MRZ_CHARS.issuperset(line.upper()) for line in lines)
