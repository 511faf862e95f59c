"""MRZ parsing of DOMAIN.md §2: Kazakh ID cards (TD1) and passports (TD3), every check digit."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.documents import MrzError, looks_like_mrz, mrz_check_digit, parse_mrz
from app.core.iin import check_digit

# --- building synthetic documents -----------------------------------------------------------


def icao_digit(field: str) -> str:
    """ICAO 9303 check digit, written independently of the module under test."""
    values = {"<": 0} | {str(d): d for d in range(10)}
    values |= {chr(ord("A") + i): 10 + i for i in range(26)}
    return str(sum(values[ch] * (7, 3, 1)[i % 3] for i, ch in enumerate(field)) % 10)


def pad(text: str, width: int) -> str:
    assert len(text) <= width
    return text + "<" * (width - len(text))


def td1(
    *,
    state: str = "KAZ",
    number: str = "041236587",
    optional: str = "880412401006",
    birth: str = "880412",
    sex: str = "M",
    expiry: str = "300412",
    nationality: str = "KAZ",
    names: str = "ABAYEV<<ARMAN<ERLANULY",
) -> list[str]:
    line1 = "ID" + state + number + icao_digit(number) + pad(optional, 15)
    head2 = birth + icao_digit(birth) + sex + expiry + icao_digit(expiry) + nationality
    head2 += "<" * 11
    composite = line1[5:30] + head2[0:7] + head2[8:15] + head2[18:29]
    return [line1, head2 + icao_digit(composite), pad(names, 30)]


def td3(
    *,
    state: str = "KAZ",
    number: str = "N12345678",
    nationality: str = "KAZ",
    birth: str = "880412",
    sex: str = "F",
    expiry: str = "310101",
    personal: str = "880412401006",
    names: str = "ABAYEVA<<AIGERIM",
) -> list[str]:
    line1 = pad("P<" + state + names, 44)
    personal = pad(personal, 14)
    line2 = number + icao_digit(number) + nationality + birth + icao_digit(birth) + sex
    line2 += expiry + icao_digit(expiry) + personal + icao_digit(personal)
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return [line1, line2 + icao_digit(composite)]


def with_char(lines: list[str], line: int, index: int, ch: str) -> str:
    changed = list(lines)
    changed[line] = changed[line][:index] + ch + changed[line][index + 1 :]
    return "\n".join(changed)


def other_digit(ch: str) -> str:
    return str((int(ch) + 1) % 10)


# --- check digits ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "digit"),
    [("L898902C3", 6), ("740812", 2), ("120415", 9), ("ZE184226B<<<<<", 1), ("D23145890", 7),
     ("041236587", 8), ("<<<<<<", 0), ("A", 0), ("B", 7), ("Z", 5)],
)  # fmt: skip
def test_mrz_check_digit(field: str, digit: int) -> None:
    assert mrz_check_digit(field) == digit


def test_mrz_check_digit_refuses_characters_outside_the_mrz_alphabet() -> None:
    for bad in ("abc", "A B", "Ä"):
        with pytest.raises(MrzError) as caught:
            mrz_check_digit(bad)
        assert caught.value.code == "format"


@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<", min_size=1, max_size=20))
def test_check_digit_agrees_with_reference(field: str) -> None:
    assert str(mrz_check_digit(field)) == icao_digit(field)


# --- ICAO's own specimens -------------------------------------------------------------------


def test_icao_td3_specimen() -> None:
    mrz = parse_mrz(
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    )
    assert (mrz.kind, mrz.document_code, mrz.issuing_state) == ("TD3", "P", "UTO")
    assert mrz.document_number == "L898902C3"
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert (mrz.sex, mrz.nationality) == ("F", "UTO")
    assert mrz.birth_date == date(1974, 8, 12)
    assert mrz.expiry_date == date(2012, 4, 15)
    assert mrz.iin is None  # a foreign passport: looked up by its number


def test_icao_td1_specimen() -> None:
    mrz = parse_mrz(
        "I<UTOD231458907<<<<<<<<<<<<<<<\n"
        "7408122F1204159UTO<<<<<<<<<<<6\n"
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
    )
    assert (mrz.kind, mrz.document_code, mrz.document_number) == ("TD1", "I", "D23145890")
    assert mrz.iin is None
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")


# --- Kazakh ID card -------------------------------------------------------------------------


def test_kazakh_id_card_gives_the_iin() -> None:
    lines = td1()
    assert lines[0] == "IDKAZ0412365878880412401006<<<"  # DOMAIN.md's example line 1
    mrz = parse_mrz("\n".join(lines))
    assert mrz.kind == "TD1"
    assert mrz.iin == "880412401006"
    assert mrz.document_number == "041236587"
    assert (mrz.issuing_state, mrz.nationality, mrz.sex) == ("KAZ", "KAZ", "M")
    assert mrz.birth_date == date(1988, 4, 12)  # century from the IIN's digit 7
    assert mrz.expiry_date == date(2030, 4, 12)
    assert (mrz.surname, mrz.given_names) == ("ABAYEV", "ARMAN ERLANULY")
    assert mrz.lines == tuple(lines)


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\r", ""])
def test_any_line_separator_or_none(separator: str) -> None:
    text = "  \t" + separator.join(td1()) + separator + "\n "
    assert parse_mrz(text).iin == "880412401006"
    text3 = separator.join(td3())
    assert parse_mrz(text3).iin == "880412401006"


def test_id_card_iin_failing_its_check_digit_is_an_error() -> None:
    # "880412401007" passes no IIN check; the MRZ's own check digits are made to match it
    with pytest.raises(MrzError) as caught:
        parse_mrz("\n".join(td1(optional="880412401007")))
    assert (caught.value.code, caught.value.field) == ("iin_check_digit", "iin")
    assert "IIN" in caught.value.message


def test_id_card_without_digits_in_the_optional_data_has_no_iin() -> None:
    assert parse_mrz("\n".join(td1(optional=""))).iin is None
    assert parse_mrz("\n".join(td1(optional="ABC"))).iin is None


def test_foreign_id_card_gives_no_iin() -> None:
    assert parse_mrz("\n".join(td1(state="UZB", nationality="UZB"))).iin is None


def test_long_document_number_continues_in_the_optional_data() -> None:
    number, tail = "ABC123456", "78"
    full = number + tail
    line1 = "IDUTO" + number + "<" + pad(tail + icao_digit(full), 15)
    base = td1()
    composite_source = line1[5:30] + base[1][0:7] + base[1][8:15] + base[1][18:29]
    line2 = base[1][:29] + icao_digit(composite_source)
    mrz = parse_mrz("\n".join([line1, line2, base[2]]))
    assert mrz.document_number == "ABC12345678"
    assert mrz.iin is None


# --- broken check digits, one at a time -----------------------------------------------------

TD1_CHECKS = [(0, 14, "document_number"), (1, 6, "birth_date"), (1, 14, "expiry_date"),
              (1, 29, "composite")]  # fmt: skip
TD3_CHECKS = [(1, 9, "document_number"), (1, 19, "birth_date"), (1, 27, "expiry_date"),
              (1, 42, "personal_number"), (1, 43, "composite")]  # fmt: skip


@pytest.mark.parametrize(("line", "index", "field"), TD1_CHECKS)
def test_td1_each_broken_check_digit_is_named(line: int, index: int, field: str) -> None:
    lines = td1()
    broken = with_char(lines, line, index, other_digit(lines[line][index]))
    with pytest.raises(MrzError) as caught:
        parse_mrz(broken)
    assert (caught.value.code, caught.value.field) == ("check_digit", field)


@pytest.mark.parametrize(("line", "index", "field"), TD3_CHECKS)
def test_td3_each_broken_check_digit_is_named(line: int, index: int, field: str) -> None:
    lines = td3()
    broken = with_char(lines, line, index, other_digit(lines[line][index]))
    with pytest.raises(MrzError) as caught:
        parse_mrz(broken)
    assert (caught.value.code, caught.value.field) == ("check_digit", field)


@given(st.sampled_from([(0, i) for i in range(5, 14)] + [(1, i) for i in (0, 1, 2, 3, 4, 5)]),
       st.integers(1, 9))  # fmt: skip
def test_any_misread_digit_is_caught(position: tuple[int, int], delta: int) -> None:
    lines = td1()
    line, index = position
    digit = str((int(lines[line][index]) + delta) % 10)
    with pytest.raises(MrzError) as caught:
        parse_mrz(with_char(lines, line, index, digit))
    assert caught.value.code == "check_digit"


# --- passports ------------------------------------------------------------------------------


def test_kazakh_passport_gives_the_iin_from_the_personal_number() -> None:
    mrz = parse_mrz("\n".join(td3()))
    assert (mrz.kind, mrz.document_code, mrz.document_number) == ("TD3", "P", "N12345678")
    assert mrz.iin == "880412401006"
    assert (mrz.surname, mrz.given_names, mrz.sex) == ("ABAYEVA", "AIGERIM", "F")


def test_passport_personal_number_that_is_not_an_iin() -> None:
    assert parse_mrz("\n".join(td3(personal="90010130080"))).iin is None
    assert parse_mrz("\n".join(td3(personal="8804124010061"))).iin is None


def test_foreign_passport_gives_no_iin_even_with_twelve_valid_digits() -> None:
    mrz = parse_mrz("\n".join(td3(state="RUS", nationality="RUS")))
    assert mrz.iin is None
    assert mrz.document_number == "N12345678"


def test_empty_personal_number_may_have_a_filler_check_digit() -> None:
    lines = td3(personal="")
    assert lines[1][42] == "0"
    assert parse_mrz("\n".join(lines)).iin is None
    line2 = lines[1][:42] + "<"
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    assert parse_mrz(lines[0] + "\n" + line2 + icao_digit(composite)).iin is None


# --- dates are hints ------------------------------------------------------------------------


def test_impossible_dates_are_not_errors() -> None:
    mrz = parse_mrz("\n".join(td3(birth="881332", expiry="3102<<", personal="")))
    assert mrz.birth_date is None
    assert mrz.expiry_date is None


def test_birth_century_without_an_iin() -> None:
    foreign = td3(state="RUS", nationality="RUS", birth="150301", expiry="300101")
    assert parse_mrz("\n".join(foreign)).birth_date == date(2015, 3, 1)  # before expiry
    old = td3(state="RUS", nationality="RUS", birth="450301", expiry="300101")
    assert parse_mrz("\n".join(old)).birth_date == date(1945, 3, 1)
    # an elderly holder: "today" tells what the expiry date cannot
    elderly = "\n".join(td3(state="RUS", nationality="RUS", birth="290301", expiry="340101"))
    assert parse_mrz(elderly).birth_date == date(2029, 3, 1)
    assert parse_mrz(elderly, today=date(2024, 5, 1)).birth_date == date(1929, 3, 1)


def test_birth_century_from_the_iin_digit() -> None:
    # born 2005: the IIN's digit 7 is 5 (21st century)
    first11 = "05030150000"
    iin = first11 + str(check_digit(first11))
    mrz = parse_mrz("\n".join(td1(optional=iin, birth="050301", expiry="150301")))
    assert mrz.iin == iin
    assert mrz.birth_date == date(2005, 3, 1)


# --- format ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "IDKAZ0412365878880412401006<<<",
        "\n".join(td1())[:-1],
        "\n".join(td1()) + "<",
        "\n".join(td3()[:1]),
        "\n".join(td1() + ["<" * 30]),
    ],
)
def test_wrong_shape_is_a_format_error(text: str) -> None:
    with pytest.raises(MrzError) as caught:
        parse_mrz(text)
    assert caught.value.code == "format"
    assert "3 lines of 30" in caught.value.message


def test_character_outside_the_alphabet_names_line_and_position() -> None:
    with pytest.raises(MrzError) as caught:
        parse_mrz(with_char(td1(), 1, 3, "o"))
    assert caught.value.code == "format"
    assert caught.value.message == (
        "Line 2 of the MRZ has a character other than A-Z, 0-9 or '<' at position 4."
    )


def test_unknown_document_is_a_format_error() -> None:
    lines = td3()
    with pytest.raises(MrzError) as caught:
        parse_mrz(with_char(lines, 0, 0, "X"))
    assert (caught.value.code, caught.value.field) == ("format", "document_code")
    with pytest.raises(MrzError) as caught:
        parse_mrz(with_char(td1(), 0, 0, "P"))
    assert (caught.value.code, caught.value.field) == ("format", "document_code")


def test_bad_sex_is_a_format_error() -> None:
    with pytest.raises(MrzError) as caught:
        parse_mrz(with_char(td1(), 1, 7, "Q"))
    assert (caught.value.code, caught.value.field) == ("format", "sex")


def test_repr_shows_no_personal_data() -> None:
    shown = repr(parse_mrz("\n".join(td1())))
    assert "880412401006" not in shown
    assert "ABAYEV" not in shown


@given(st.text(max_size=200))
def test_parse_mrz_raises_only_mrz_errors(text: str) -> None:
    try:
        parse_mrz(text)
    except MrzError as error:
        assert error.code in {"format", "check_digit", "iin_check_digit", "iin_never_issued"}
        assert error.message


# --- looks_like_mrz -------------------------------------------------------------------------


def test_looks_like_mrz() -> None:
    assert looks_like_mrz("\n".join(td1()))
    assert looks_like_mrz("".join(td3()))
    assert looks_like_mrz("\r\n".join(td3()) + "\r\n")
    assert looks_like_mrz("\n".join(td1())[:-2])  # broken, but worth a precise MRZ error
    assert not looks_like_mrz("AB12CD")
    assert not looks_like_mrz("791028302728")
    assert not looks_like_mrz("A" * 90)  # no filler
    assert not looks_like_mrz("\n".join(td1()).lower())
    assert not looks_like_mrz("https://example.kz/v/" + "A" * 70 + "<")
