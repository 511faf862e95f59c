"""Keyboard-wedge text recovery of DOMAIN.md §3: Kazakh and Russian layouts back to US keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.iin import check_digit
from app.core.layouts import (
    candidates,
    from_scan_codes,
    recover,
    type_under,
    x11_keycode_to_scan_code,
)

# DOMAIN.md §3's table, copied literally: US key, then what each layout types for it.
US_KEYS = "`1234567890-="
KK_UNSHIFTED = '("әіңғ,.үұқөһ'
KK_SHIFTED = ")!ӘІҢҒ;:ҮҰҚӨҺ"
RU_UNSHIFTED = "ё1234567890-="
RU_SHIFTED = 'Ё!"№;%:?*()_+'
US_SHIFTED = "~!@#$%^&*()_+"

# DOMAIN.md's letter keys, q→й ... /→. (Russian; Kazakh shares the letter positions).
DOMAIN_LETTERS = (
    "q→й w→ц e→у r→к t→е y→н u→г i→ш o→щ p→з [→х ]→ъ a→ф s→ы d→в f→а g→п h→р j→о k→л "
    "l→д ;→ж '→э z→я x→ч c→с v→м b→и n→т m→ь ,→б .→ю /→."
)
RU_LETTERS = {pair[0]: pair[2] for pair in DOMAIN_LETTERS.split()}


@pytest.mark.parametrize(("key", "typed"), list(zip(US_KEYS, KK_UNSHIFTED, strict=True)))
def test_kazakh_number_row_unshifted(key: str, typed: str) -> None:
    assert type_under(key, "kk") == typed
    # alone, some of these are ASCII ("(", ","): pair each with a Kazakh letter to show the layout
    assert recover("ә" + typed).text == "2" + key
    assert recover("ә" + typed).layout == "kk"


@pytest.mark.parametrize(("shifted_us", "typed"), list(zip(US_SHIFTED, KK_SHIFTED, strict=True)))
def test_kazakh_number_row_shifted(shifted_us: str, typed: str) -> None:
    assert type_under(shifted_us, "kk") == typed
    assert recover("ә" + typed).text == "2" + shifted_us


@pytest.mark.parametrize(("key", "typed"), list(zip(US_KEYS, RU_UNSHIFTED, strict=True)))
def test_russian_number_row_unshifted(key: str, typed: str) -> None:
    assert type_under(key, "ru") == typed
    assert recover("ё" + typed).text == "`" + key
    assert recover("ё" + typed).layout == "ru"


@pytest.mark.parametrize(("shifted_us", "typed"), list(zip(US_SHIFTED, RU_SHIFTED, strict=True)))
def test_russian_number_row_shifted(shifted_us: str, typed: str) -> None:
    assert type_under(shifted_us, "ru") == typed
    assert recover("ё" + typed).text == "`" + shifted_us


@pytest.mark.parametrize(("key", "letter"), sorted(RU_LETTERS.items()))
def test_letter_keys_both_layouts_both_cases(key: str, letter: str) -> None:
    assert type_under(key, "ru") == letter
    shifted = key.upper() if key.isalpha() else None
    if shifted is not None:
        assert type_under(shifted, "ru") == letter.upper()
        assert type_under(shifted, "kk") == letter.upper()
    if key != "/":  # decision: the Kazakh slash key types "№" (KBDKAZ), not "."
        assert type_under(key, "kk") == letter
    if letter.isascii():
        return  # "/" types "." under Russian: ASCII, so nothing shows the layout
    # with a digit next to it the layout is Russian (the Kazakh number row types letters)
    assert recover("1" + letter).text == "1" + key
    assert recover("1" + letter).layout == "ru"
    if shifted is not None:
        assert recover("1" + letter.upper()).text == "1" + shifted


def test_kazakh_slash_key() -> None:
    assert type_under("/", "kk") == "№"
    assert type_under("?", "kk") == "?"
    assert recover("ә№").text == "2/"


# --- DOMAIN.md's examples -------------------------------------------------------------------


def test_iin_scanned_under_kazakh() -> None:
    assert type_under("930101300123", "kk") == 'ұіқ"қ"іққ"әі'
    result = recover('ұіқ"қ"іққ"әі')
    assert (result.text, result.layout) == ("930101300123", "kk")


def test_ticket_scanned_under_russian() -> None:
    assert type_under("AB12CD", "ru") == "ФИ12СВ"
    result = recover("ФИ12СВ")
    assert (result.text, result.layout) == ("AB12CD", "ru")


def test_ticket_scanned_under_kazakh() -> None:
    # "1" and "6" are ASCII under the Kazakh layout; the reading with letters and digits wins
    assert type_under("AB16CD", "kk") == 'ФИ",СВ'
    result = recover('ФИ",СВ')
    assert (result.text, result.layout) == ("AB16CD", "kk")


@pytest.mark.parametrize("text", ["AB12CD", "hello, world", '"quoted"', "a.b,c;d", "", "Ärger"])
def test_text_without_layout_characters_is_left_alone(text: str) -> None:
    assert recover(text).text == text
    assert recover(text).layout == "us"


def test_an_iin_of_only_ones_sixes_and_sevens_is_pure_ascii_under_kazakh() -> None:
    iin = "111111111616"  # passes the check digit
    assert check_digit(iin[:11]) == 6
    typed = type_under(iin, "kk")
    assert typed == '""""""""",",'
    result = recover(typed)
    assert (result.text, result.layout) == (iin, "kk")


def test_twelve_quote_comma_dot_characters_read_as_kazakh_digits() -> None:
    result = recover('",",",",",",')
    assert (result.text, result.layout) == ("161616161616", "kk")
    assert recover('","').layout == "us"  # too short to be an IIN: left alone


# --- Caps Lock ------------------------------------------------------------------------------


def test_caps_lock_under_kazakh_inverts_the_number_row_letters() -> None:
    caps = 'ҰІҚ"Қ"ІҚҚ"ӘІ'  # the IIN example with Caps Lock on
    result = recover(caps)
    assert (result.text, result.layout) == ("930101300123", "kk")


def test_caps_lock_under_russian_gives_the_other_case() -> None:
    result = recover("фи12св")
    assert (result.text, result.layout) == ("ab12cd", "ru")
    assert "AB12CD" in {c.text for c in candidates("фи12св")}


def test_candidates_end_with_the_text_itself() -> None:
    typed = type_under("https://x.kz/v/ABC", "ru")
    assert typed == "реезыЖ..чюля.м.ФИС"
    readings = candidates(typed)
    assert "https://x.kz/v/ABC" in [r.text for r in readings]
    assert readings[-1].text == typed
    assert len({r.text for r in readings}) == len(readings)


# --- properties -----------------------------------------------------------------------------

us_keyboard_text = st.text(alphabet=US_KEYS + US_SHIFTED + "qwertyuiop[]asdfghjkl;'zxcvbnm,./")


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_any_valid_iin_typed_under_kazakh_comes_back(first11: str) -> None:
    digit = check_digit(first11)
    if digit is None:
        return  # never issued
    iin = first11 + str(digit)
    result = recover(type_under(iin, "kk"))
    assert (result.text, result.layout) == (iin, "kk")


@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=6, max_size=32))
def test_ticket_codes_typed_under_russian_come_back(code: str) -> None:
    typed = type_under(code, "ru")
    readings = [c.text for c in candidates(typed)]
    assert code in readings


@given(st.text())
def test_recover_is_total(text: str) -> None:
    result = recover(text)
    assert result.layout in {"us", "kk", "ru"}
    assert len(result.text) == len(text)


def test_long_text_is_linear() -> None:
    text = 'ұіқ"қ"іққ"әі' * 100_000
    assert recover(text).text == "930101300123" * 100_000


# --- scan codes -----------------------------------------------------------------------------

DIGIT_CODES = [(0x02 + i, False) for i in range(10)]  # 1..9, 0


def test_scan_codes_digits_and_terminator() -> None:
    keys = [*DIGIT_CODES, (0x1C, False), (0x02, False)]
    assert from_scan_codes(keys) == "1234567890"


def test_scan_codes_letters_with_shift() -> None:
    # A B 1 2 C D, Shift held for the letters, then Tab
    keys = [(0x1E, True), (0x30, True), (0x02, False), (0x03, False), (0x2E, True),
            (0x20, True), (0x0F, False)]  # fmt: skip
    assert from_scan_codes(keys) == "AB12CD"


@pytest.mark.parametrize(
    ("code", "plain", "shifted"),
    [(0x29, "`", "~"), (0x0C, "-", "_"), (0x0D, "=", "+"), (0x1A, "[", "{"), (0x1B, "]", "}"),
     (0x2B, "\\", "|"), (0x27, ";", ":"), (0x28, "'", '"'), (0x33, ",", "<"), (0x34, ".", ">"),
     (0x35, "/", "?"), (0x39, " ", " "), (0x10, "q", "Q"), (0x32, "m", "M"), (0x26, "l", "L"),
     (0x2C, "z", "Z"), (0x19, "p", "P"), (0x0B, "0", ")"), (0x03, "2", "@")],
)  # fmt: skip
def test_scan_codes_punctuation(code: int, plain: str, shifted: str) -> None:
    assert from_scan_codes([(code, False)]) == plain
    assert from_scan_codes([(code, True)]) == shifted


def test_scan_codes_skip_modifiers_and_read_the_keypad() -> None:
    shift, caps, ctrl = 0x2A, 0x3A, 0x1D
    keys = [(shift, False), (caps, False), (ctrl, False), (0x4F, False), (0x52, True),
            (0x135, False), (0x11C, False), (0x02, False)]  # fmt: skip
    assert from_scan_codes(keys) == "10/"


def test_scan_codes_of_an_mrz_line() -> None:
    text = "IDKAZ<<"
    codes = {"I": 0x17, "D": 0x20, "K": 0x25, "A": 0x1E, "Z": 0x2C, "<": 0x33}
    keys = [(codes[ch], True) for ch in text]
    assert from_scan_codes(keys) == text


def test_x11_keycodes() -> None:
    assert x11_keycode_to_scan_code(10) == 0x02  # "1"
    assert x11_keycode_to_scan_code(36) == 0x1C  # Return
    assert x11_keycode_to_scan_code(23) == 0x0F  # Tab
    assert x11_keycode_to_scan_code(38) == 0x1E  # "a"
    assert x11_keycode_to_scan_code(104) == 0x11C  # keypad Enter
    assert from_scan_codes([(x11_keycode_to_scan_code(k), False) for k in (10, 11, 36)]) == "12"
    for bad in (0, 7, 264, -1):
        with pytest.raises(ValueError):
            x11_keycode_to_scan_code(bad)
