"""Undo the keyboard layout a wedge scanner's keystrokes went through (DOMAIN.md §3).

A USB scanner sends key *positions*; the door PC's active layout (Kazakh, Russian or English)
turns them into characters. This module maps the characters back to the keys of a US keyboard,
which is what the barcode held. Where the platform gives scan codes, ``from_scan_codes`` is
exact; ``recover`` works from the text alone and therefore has to guess the layout.

How ``recover`` decides (the rule, in one place):

1. Text with no character of the Kazakh or Russian layouts is left as it is (layout ``us``).
   The one exception is ASCII text of 12 characters, none a letter or digit, that reads as
   12 digits under the Kazakh layout (``"`` ``,`` ``.`` are its keys 1, 6, 7): an IIN made of
   only those digits.
2. Otherwise every reading is scored over the whole string: Russian, Kazakh, and each with
   Caps Lock on (Caps Lock inverts the case of letters, the Kazakh letters of the number row
   included). A reading is worse for every character its layout cannot type (Kazakh letters
   under Russian; ASCII digits or ``ё`` under Kazakh, whose number row has no digits; Latin
   letters under both), then for every character of the result that is not a letter or digit.
   Ties go to Russian, then to Caps Lock off.

``candidates`` exposes the ranked readings so the scan classifier can take the first one that
makes sense (a poster URL typed under the Russian layout reads as digits under the Kazakh one).
Everything is a fixed number of passes over the text: linear time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Layout",
    "Recovered",
    "candidates",
    "from_scan_codes",
    "recover",
    "type_under",
    "x11_keycode_to_scan_code",
]

Layout = Literal["us", "kk", "ru"]

# The keys a barcode can reach, by their US characters, unshifted then shifted; each string
# runs through the number row, the top, home and bottom letter rows, left to right.
_US_UNSHIFTED = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
_US_SHIFTED = '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?'

# The same keys under the Russian layout (Windows KBDRU).
_RU_UNSHIFTED = "ё1234567890-=йцукенгшщзхъ\\фывапролджэячсмитьбю."
_RU_SHIFTED = 'Ё!"№;%:?*()_+ЙЦУКЕНГШЩЗХЪ/ФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,'

# Kazakh (Windows KBDKAZ): the number row carries the nine Kazakh letters; the letter keys are
# the Russian ones. Decision (DOMAIN.md is silent): the slash key gives "№" / "?" as in KBDKAZ,
# since "." and "," already sit on keys 7 and 6.
_KK_UNSHIFTED = '("әіңғ,.үұқөһйцукенгшщзхъ\\фывапролджэячсмитьбю№'
_KK_SHIFTED = ")!ӘІҢҒ;:ҮҰҚӨҺЙЦУКЕНГШЩЗХЪ/ФЫВАПРОЛДЖЭЯЧСМИТЬБЮ?"

_COMMON = " "  # keys every layout types the same (space); Enter and Tab never reach the text


def _decoder(unshifted: str, shifted: str) -> dict[str, str]:
    table = dict(zip(unshifted, _US_UNSHIFTED, strict=True))
    table.update(zip(shifted, _US_SHIFTED, strict=True))
    if len(table) != 2 * len(_US_UNSHIFTED):  # guards the tables against an edit that collides
        raise AssertionError("a layout table maps two keys to one character")
    return table


def _encoder(unshifted: str, shifted: str) -> dict[int, str]:
    table = {ord(us): ch for us, ch in zip(_US_UNSHIFTED, unshifted, strict=True)}
    table.update((ord(us), ch) for us, ch in zip(_US_SHIFTED, shifted, strict=True))
    return table


_DECODE: dict[str, dict[str, str]] = {
    "ru": _decoder(_RU_UNSHIFTED, _RU_SHIFTED),
    "kk": _decoder(_KK_UNSHIFTED, _KK_SHIFTED),
}
_ENCODE: dict[str, dict[int, str]] = {
    "ru": _encoder(_RU_UNSHIFTED, _RU_SHIFTED),
    "kk": _encoder(_KK_UNSHIFTED, _KK_SHIFTED),
}
# Characters only the Kazakh or Russian layouts produce: their presence means "not US".
_LAYOUT_ONLY = frozenset(ch for table in _DECODE.values() for ch in table if not ch.isascii())


def _caps_decoder(table: dict[str, str]) -> dict[str, str]:
    """The same keys read with Caps Lock on: every letter arrives in the other case."""
    return {(ch.swapcase() if ch.isalpha() else ch): us for ch, us in table.items()}


# str.translate tables (C speed over long text), by (layout, Caps Lock).
_TRANSLATE: dict[tuple[str, bool], dict[int, str]] = {
    (layout, caps): {ord(ch): us for ch, us in (_caps_decoder(t) if caps else t).items()}
    for layout, t in _DECODE.items()
    for caps in (False, True)
}
_IIN_DIGITS = 12
# The readings tried, in the order that breaks ties: Russian first, Caps Lock off first.
_READINGS: tuple[tuple[Literal["ru", "kk"], bool], ...] = (
    ("ru", False),
    ("kk", False),
    ("ru", True),
    ("kk", True),
)


@dataclass(frozen=True)
class Recovered:
    """The text as the scanner meant it, and the layout it was typed under."""

    text: str
    layout: Layout


def recover(text: str) -> Recovered:
    """The most likely intended text (see the module docstring for the rule)."""
    return candidates(text)[0]


def candidates(text: str) -> tuple[Recovered, ...]:
    """Every plausible reading, best first, without duplicates; the first is ``recover``'s.

    For text that needs no recovery this is just the text itself as ``us``. Otherwise the
    Kazakh and Russian readings come first and the untouched text last.
    """
    if text.isascii():
        if _reads_as_kazakh_digits(text):
            return (Recovered(_decode(text, "kk", caps=False), "kk"), Recovered(text, "us"))
        return (Recovered(text, "us"),)
    if _LAYOUT_ONLY.isdisjoint(text):
        return (Recovered(text, "us"),)
    counts = Counter(text)  # score over distinct characters: long text costs one pass
    scored: list[tuple[tuple[int, int, int], Literal["ru", "kk"], bool]] = []
    for order, (layout, caps) in enumerate(_READINGS):
        table = _TRANSLATE[layout, caps]
        untypable = sum(n for ch, n in counts.items() if _untypable(ch, layout))
        not_alnum = sum(
            n for ch, n in counts.items() if not _is_ascii_alnum(table.get(ord(ch), ch))
        )
        scored.append(((untypable, not_alnum, order), layout, caps))
    scored.sort(key=lambda item: item[0])
    ranked: list[Recovered] = []
    seen: set[str] = set()
    for _, layout, caps in scored:
        decoded = _decode(text, layout, caps=caps)
        if decoded not in seen:
            seen.add(decoded)
            ranked.append(Recovered(decoded, layout))
    if text not in seen:
        ranked.append(Recovered(text, "us"))
    return tuple(ranked)


def type_under(text: str, layout: Layout) -> str:
    """What a wedge scanner's keystrokes for ``text`` (US characters) show under ``layout``.

    The inverse of ``recover`` for one layout; the fake scanner of tests and demo uses it.
    Characters with no key (and everything under ``us``) pass through unchanged.
    """
    if layout == "us":
        return text
    return text.translate(_ENCODE[layout])


def _decode(text: str, layout: str, *, caps: bool) -> str:
    return text.translate(_TRANSLATE[layout, caps])


def _is_ascii_alnum(text: str) -> bool:
    return text.isascii() and text.isalnum()


def _untypable(ch: str, layout: str) -> bool:
    if ch in _DECODE[layout] or ch in _COMMON:
        return False
    # The Russian number row types digits; the Kazakh one types letters instead.
    return not (layout == "ru" and "0" <= ch <= "9")


def _reads_as_kazakh_digits(text: str) -> bool:
    """An IIN of only the digits 1, 6 and 7 typed under the Kazakh layout is pure ASCII."""
    if len(text) != _IIN_DIGITS or any(ch.isalnum() for ch in text):
        return False
    return _decode(text, "kk", caps=False).isdigit()


# --- scan codes -----------------------------------------------------------------------------

# PC/AT scan code set 1, as Windows reports it (Qt's nativeScanCode): the main block.
_SCAN_CODE_KEYS: dict[int, str] = {0x29: "`", 0x2B: "\\", 0x39: " "}
_SCAN_CODE_KEYS.update(zip(range(0x02, 0x0E), "1234567890-=", strict=True))
_SCAN_CODE_KEYS.update(zip(range(0x10, 0x1C), "qwertyuiop[]", strict=True))
_SCAN_CODE_KEYS.update(zip(range(0x1E, 0x29), "asdfghjkl;'", strict=True))
_SCAN_CODE_KEYS.update(zip(range(0x2C, 0x36), "zxcvbnm,./", strict=True))
# The numeric keypad with Num Lock on (some scanners type digits there); Shift is ignored on
# it. 0x135 is keypad "/" with the extended bit Windows sets (0x100).
_KEYPAD: dict[int, str] = {
    0x47: "7", 0x48: "8", 0x49: "9", 0x4B: "4", 0x4C: "5", 0x4D: "6",
    0x4F: "1", 0x50: "2", 0x51: "3", 0x52: "0", 0x53: ".",
    0x37: "*", 0x4A: "-", 0x4E: "+", 0x135: "/",
}  # fmt: skip
_SHIFT_OF = dict(zip(_US_UNSHIFTED, _US_SHIFTED, strict=True))
# Enter, keypad Enter (extended) and Tab end a scanner burst.
TERMINATOR_SCAN_CODES = frozenset({0x1C, 0x11C, 0x0F})
_X11_OFFSET = 8
_X11_EXTENDED = {96 + _X11_OFFSET: 0x11C, 98 + _X11_OFFSET: 0x135}  # keypad Enter, keypad /


def from_scan_codes(keys: Sequence[tuple[int, bool]]) -> str:
    """The US text of a burst of key presses given as (set-1 scan code, Shift held).

    Exact, whatever the active layout. Decisions: the text ends at the first terminator
    (Enter or Tab), which is not included; keys that type nothing (Shift, Ctrl, Caps Lock,
    unknown codes) are skipped. Caps Lock is not applied: scanners send Shift for capitals.
    """
    out: list[str] = []
    for code, shift in keys:
        if code in TERMINATOR_SCAN_CODES:
            break
        if code in _KEYPAD:
            out.append(_KEYPAD[code])
            continue
        base = _SCAN_CODE_KEYS.get(code)
        if base is not None:
            out.append(_SHIFT_OF.get(base, base) if shift else base)
    return "".join(out)


def x11_keycode_to_scan_code(keycode: int) -> int:
    """The set-1 scan code for an X11/evdev keycode (Qt's nativeScanCode on Linux).

    X11 keycodes are evdev codes + 8, and evdev codes equal set-1 codes for the main block;
    the keypad's Enter and "/" are mapped to the extended codes Windows reports.
    """
    if not _X11_OFFSET <= keycode <= 255 + _X11_OFFSET:
        raise ValueError(f"An X11 keycode is between 8 and 263; got {keycode}.")
    return _X11_EXTENDED.get(keycode, keycode - _X11_OFFSET)
