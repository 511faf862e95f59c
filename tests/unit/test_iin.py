"""IIN and BIN rules of DOMAIN.md §1: check digit, precise errors, hints that never reject."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.iin import (
    IinError,
    check_digit,
    find_iin,
    is_valid_iin,
    normalize,
    validate_bin,
    validate_iin,
)

eleven_digits = st.text(alphabet="0123456789", min_size=11, max_size=11)


def reference_check_digit(first11: str) -> int | None:
    """DOMAIN.md §1 written out independently of the module, step by step."""
    d = [int(ch) for ch in first11]
    c = sum(d[i] * (i + 1) for i in range(11)) % 11
    if c == 10:
        weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        c = sum(d[i] * weights[i] for i in range(11)) % 11
        if c == 10:
            return None
    return c


# --- the domain's examples ------------------------------------------------------------------


def test_first_pass_example_is_valid() -> None:
    assert check_digit("79102830272") == 8
    assert validate_iin("791028302728").value == "791028302728"


def test_second_pass_example_is_valid() -> None:
    # the first pass gives 10 here, so the second pass decides
    assert sum(int(ch) * (i + 1) for i, ch in enumerate("90010130081")) % 11 == 10
    assert check_digit("90010130081") == 1
    assert is_valid_iin("900101300811")


@pytest.mark.parametrize("last", list("0123456789"))
def test_no_iin_starting_90010130080_is_valid(last: str) -> None:
    assert check_digit("90010130080") is None
    with pytest.raises(IinError) as caught:
        validate_iin("90010130080" + last)
    assert caught.value.code == "never_issued"


def test_double_ten_is_never_given_check_digit_zero() -> None:
    # the bug of several public implementations: treating "never issued" as check digit 0
    assert not is_valid_iin("900101300800")


@given(eleven_digits)
def test_check_digit_matches_the_decree(first11: str) -> None:
    assert check_digit(first11) == reference_check_digit(first11)


@given(eleven_digits, st.integers(0, 9))
def test_exactly_the_computed_last_digit_is_accepted(first11: str, last: int) -> None:
    expected = reference_check_digit(first11)
    assert is_valid_iin(first11 + str(last)) == (expected == last)


def test_check_digit_refuses_wrong_input() -> None:
    for bad in ("1234567890", "123456789012", "1234567890a", "１２３４５６７８９０１"):
        with pytest.raises(ValueError):
            check_digit(bad)


# --- what people type -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "791028 302728",
        "791028-302728",
        " 7910 2830 2728 ",
        "791028\u00a0302728",  # no-break space, as pasted from a document
        "791028\u2013302728",  # en dash from a word processor
        "791-028-302-728",
    ],
)
def test_spaces_and_dashes_are_ignored(typed: str) -> None:
    assert normalize(typed) == "791028302728"
    assert validate_iin(typed).value == "791028302728"


@pytest.mark.parametrize(
    ("typed", "code", "message"),
    [
        ("", "empty", "No IIN was entered."),
        ("  - ", "empty", "No IIN was entered."),
        ("79102830272", "length", "An IIN has 12 digits; this has 11."),
        ("7910283027281", "length", "An IIN has 12 digits; this has 13."),
        ("7", "length", "An IIN has 12 digits; this has 1."),
        ("79102830272O", "characters", "An IIN has only digits; character 12 is not a digit."),
        ("79102830272٨", "characters", "An IIN has only digits; character 12 is not a digit."),
        ("791028302727", "check_digit", None),
    ],
)
def test_errors_say_precisely_what_is_wrong(typed: str, code: str, message: str | None) -> None:
    with pytest.raises(IinError) as caught:
        validate_iin(typed)
    assert caught.value.code == code
    if message is not None:
        assert caught.value.message == message
        assert str(caught.value) == message


def test_error_messages_never_repeat_the_number() -> None:
    for typed in ("791028302727", "90010130080 5", "79102830272O"):
        with pytest.raises(IinError) as caught:
            validate_iin(typed)
        assert "7910283027" not in caught.value.message
        assert "9001013008" not in caught.value.message


def test_iin_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        validate_iin("abc")


# --- hints ----------------------------------------------------------------------------------


def test_hints_from_a_plausible_number() -> None:
    iin = validate_iin("791028302728")
    assert iin.birth_date_hint == date(1979, 10, 28)
    assert iin.sex_hint == "M"
    assert iin.century_hint == 1900


@pytest.mark.parametrize(
    ("digit7", "century", "sex"),
    [("1", 1800, "M"), ("2", 1800, "F"), ("3", 1900, "M"), ("4", 1900, "F"),
     ("5", 2000, "M"), ("6", 2000, "F")],
)  # fmt: skip
def test_century_and_sex_digit(digit7: str, century: int, sex: str) -> None:
    first11 = "050505" + digit7 + "0000"
    if check_digit(first11) is None:
        first11 = "050505" + digit7 + "0001"
    iin = validate_iin(first11 + str(check_digit(first11)))
    assert (iin.century_hint, iin.sex_hint) == (century, sex)
    assert iin.birth_date_hint == date(century + 5, 5, 5)


@given(eleven_digits)
def test_impossible_date_part_never_rejects(first11: str) -> None:
    # Decree No. 853: an IIN need not match a birth date, so only the check digit decides
    digit = check_digit(first11)
    if digit is None:
        return
    iin = validate_iin(first11 + str(digit))
    if iin.birth_date_hint is not None:
        assert iin.birth_date_hint.strftime("%y%m%d") == first11[:6]


def test_impossible_dates_give_no_hint() -> None:
    for first11 in ("99133030000", "00000030000", "99022930000", "99010170000"):
        digit = check_digit(first11)
        assert digit is not None
        iin = validate_iin(first11 + str(digit))
        assert iin.birth_date_hint is None
    assert validate_iin("99010170000" + str(check_digit("99010170000"))).sex_hint is None


# --- BIN ------------------------------------------------------------------------------------


def _with_check(first11: str) -> str:
    digit = check_digit(first11)
    assert digit is not None, first11
    return first11 + str(digit)


def test_bin_hints() -> None:
    number = _with_check("05084000012")
    b = validate_bin(number)
    assert (b.registration_year_hint, b.registration_month_hint) == (2005, 8)
    assert (b.kind_hint, b.unit_hint) == ("resident", "head_office")


@pytest.mark.parametrize(
    ("digits56", "kind", "unit"),
    [("51", "non_resident", "branch"), ("62", "joint_sole_trader", "representative"),
     ("43", "resident", "farm"), ("99", None, None), ("07", None, None)],
)  # fmt: skip
def test_bin_kind_and_unit_digits(digits56: str, kind: str | None, unit: str | None) -> None:
    b = validate_bin(_with_check("1003" + digits56 + "00012"))
    assert (b.kind_hint, b.unit_hint) == (kind, unit)


def test_bin_with_impossible_month_is_still_valid() -> None:
    b = validate_bin(_with_check("10134000012"))
    assert b.registration_month_hint is None
    assert b.registration_year_hint is None


def test_bin_from_the_nineties() -> None:
    assert validate_bin(_with_check("95034000012")).registration_year_hint == 1995


def test_bin_errors_use_the_same_codes() -> None:
    with pytest.raises(IinError) as caught:
        validate_bin("12345")
    assert caught.value.code == "length"
    assert caught.value.message == "A BIN has 12 digits; this has 5."
    with pytest.raises(IinError) as caught:
        validate_bin("900101300805")
    assert caught.value.code == "never_issued"


# --- ID-card barcode payloads ---------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        "791028302728",
        "IIN:791028302728;DOC:041236587",
        "KZ|791028302728|20300101",
        "\x1d791028302728\x1d",
        "791028302728 791028302728",  # the same number twice is still one person
    ],
)
def test_find_iin_in_payloads(payload: str) -> None:
    assert find_iin(payload) == "791028302728"


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "no digits here",
        "791028302727",  # check digit fails
        "17910283027281",  # valid IIN inside a longer run: ignored (decision)
        "0791028302728",
        "79102830272",
        "791028302728/900101300811",  # two different people: ambiguous
    ],
)
def test_find_iin_refuses(payload: str) -> None:
    assert find_iin(payload) is None


@given(st.text())
def test_find_iin_returns_a_valid_run_or_none(text: str) -> None:
    found = find_iin(text)
    assert found is None or (found in text and is_valid_iin(found))
