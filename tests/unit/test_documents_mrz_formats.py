"""TD2 and visa MRZs, line separators, birth centuries, document keys and the one IIN rule.

Vectors: ICAO 9303's own specimens (parts 6 and 7, holder ERIKSSON ANNA MARIA of Utopia) copied
out by hand, and Kazakh documents built with the reference check digit of test_documents.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.core.documents import MrzError, looks_like_mrz, parse_mrz
from app.core.iin import check_digit
from tests.unit.test_documents import icao_digit, pad, td1, td3

ICAO_TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
ICAO_MRV_A = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
]
ICAO_MRV_B = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"]


def td2(
    *,
    state: str = "DEU",
    number: str = "A2222222<",
    birth: str = "850101",
    expiry: str = "310101",
    optional: str = "",
) -> list[str]:
    line1 = pad("I<" + state + "MUSTERMANN<<ERIKA", 36)
    line2 = number + icao_digit(number) + state + birth + icao_digit(birth) + "F"
    line2 += expiry + icao_digit(expiry) + pad(optional, 7)
    composite = line2[0:10] + line2[13:20] + line2[21:35]
    return [line1, line2 + icao_digit(composite)]


# --- TD2 and visas --------------------------------------------------------------------------


def test_icao_td2_specimen() -> None:
    mrz = parse_mrz("\n".join(ICAO_TD2))
    assert (mrz.kind, mrz.document_code, mrz.issuing_state) == ("TD2", "I", "UTO")
    assert (mrz.document_number, mrz.nationality, mrz.sex) == ("D23145890", "UTO", "F")
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert (mrz.birth_date, mrz.expiry_date) == (date(1974, 8, 12), date(2012, 4, 15))
    assert mrz.iin is None


def test_td2_run_together_and_each_check_digit() -> None:
    assert parse_mrz("".join(ICAO_TD2)).kind == "TD2"
    for index, name in [(9, "document_number"), (19, "birth_date"), (27, "expiry_date"),
                        (35, "composite")]:  # fmt: skip
        line2 = ICAO_TD2[1]
        broken = line2[:index] + str((int(line2[index]) + 1) % 10) + line2[index + 1 :]
        with pytest.raises(MrzError) as caught:
            parse_mrz(ICAO_TD2[0] + "\n" + broken)
        assert (caught.value.code, caught.value.field) == ("check_digit", name)


def test_td2_long_document_number_continues_in_the_optional_data() -> None:
    number = "D23145890AB"  # 11 characters: 9 in place, the rest + check digit in optional data
    line1 = ICAO_TD2[0]
    head = number[:9] + "<" + "UTO7408122F1204159"
    line2 = head + pad(number[9:] + icao_digit(number), 7)
    line2 += icao_digit(line2[0:10] + line2[13:20] + line2[21:35])
    mrz = parse_mrz(line1 + "\n" + line2)
    assert mrz.document_number == number


@pytest.mark.parametrize(("lines", "kind"), [(ICAO_MRV_A, "MRV-A"), (ICAO_MRV_B, "MRV-B")])
def test_icao_visa_specimens(lines: list[str], kind: str) -> None:
    mrz = parse_mrz("\n".join(lines))
    assert (mrz.kind, mrz.document_code, mrz.issuing_state) == (kind, "V", "UTO")
    assert (mrz.document_number, mrz.nationality) == ("L8988901C", "XXX")
    assert mrz.expiry_date == date(1996, 12, 10)
    assert mrz.birth_date == date(1940, 9, 7)  # not 2040: the visa expired in 1996
    assert mrz.iin is None
    assert mrz.key == "UTO:L8988901C"


def test_visa_check_digits_are_verified() -> None:
    line2 = ICAO_MRV_B[1]
    broken = line2[:19] + "0" + line2[20:]
    with pytest.raises(MrzError) as caught:
        parse_mrz(ICAO_MRV_B[0] + "\n" + broken)
    assert (caught.value.code, caught.value.field) == ("check_digit", "birth_date")


def test_looks_like_mrz_for_the_short_formats() -> None:
    assert looks_like_mrz("\n".join(ICAO_TD2))
    assert looks_like_mrz("".join(ICAO_MRV_B))
    assert looks_like_mrz("\t".join(td1()))


# --- separators -----------------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\t", "\t\r\n", "\v", "\f", "\x1e", "\x85", "\u2028",
                                       "\u2029"])  # fmt: skip
def test_tab_and_every_line_separator_between_lines(separator: str) -> None:
    assert parse_mrz(separator.join(td1()) + separator).iin == "880412401006"
    assert parse_mrz(separator.join(ICAO_TD2)).kind == "TD2"
    assert parse_mrz(separator.join(td3())).iin == "880412401006"


# --- birth century --------------------------------------------------------------------------


def test_born_1940_is_not_2040() -> None:
    # no "today": the document's own expiry date places the century
    old = parse_mrz("\n".join(td3(state="RUS", nationality="RUS", birth="400101")))
    assert old.birth_date == date(1940, 1, 1)  # expires 2031: nobody is born after that
    # an IIN with the same date part says 19th-20th century by its digit 7 ("3")
    first11 = "40010130001"
    iin = first11 + str(check_digit(first11))
    card = parse_mrz("\n".join(td1(optional=iin, birth="400101", expiry="450101")))
    assert card.birth_date == date(1940, 1, 1)
    # a document expiring after 2040 without an IIN needs today
    far = "\n".join(td3(state="RUS", nationality="RUS", birth="400101", expiry="450101"))
    assert parse_mrz(far, today=date(2026, 12, 1)).birth_date == date(1940, 1, 1)


def test_child_born_this_century() -> None:
    kid = "\n".join(td3(state="RUS", nationality="RUS", birth="200101", expiry="250101"))
    assert parse_mrz(kid).birth_date == date(2020, 1, 1)
    assert parse_mrz(kid, today=date(2024, 1, 1)).birth_date == date(2020, 1, 1)


def test_expiry_years_80_to_99_are_last_century() -> None:
    assert parse_mrz("\n".join(td2(expiry="991231"))).expiry_date == date(1999, 12, 31)
    assert parse_mrz("\n".join(td2(expiry="791231"))).expiry_date == date(2079, 12, 31)


# --- document keys --------------------------------------------------------------------------


def test_two_states_same_number_are_two_keys() -> None:
    german = parse_mrz("\n".join(td2(state="DEU")))
    french = parse_mrz("\n".join(td2(state="FRA")))
    assert german.document_number == french.document_number == "A2222222"
    assert (german.key, french.key) == ("DEU:A2222222", "FRA:A2222222")
    usa = parse_mrz("\n".join(td3(state="USA", nationality="USA", number="A2222222<")))
    assert usa.key == "USA:A2222222"


# --- one rule for a Kazakh IIN that fails its check -----------------------------------------


@pytest.mark.parametrize("build", [td1, td3], ids=["id-card", "passport"])
def test_bad_iin_is_the_same_error_on_id_card_and_passport(build: object) -> None:
    make = build  # type: ignore[assignment]
    field = "optional" if make is td1 else "personal"
    with pytest.raises(MrzError) as caught:
        parse_mrz("\n".join(make(**{field: "880412401007"})))  # type: ignore[operator]
    assert (caught.value.code, caught.value.field) == ("iin_check_digit", "iin")
    never = "90010130080" + "0"  # both passes give 10: never issued, whatever digit 12 is
    with pytest.raises(MrzError) as caught:
        parse_mrz("\n".join(make(**{field: never})))  # type: ignore[operator]
    assert (caught.value.code, caught.value.field) == ("iin_never_issued", "iin")


def test_a_foreign_document_with_twelve_bad_digits_is_no_error() -> None:
    # only Kazakh documents carry an IIN; another state's personal number is its own business
    mrz = parse_mrz("\n".join(td3(state="RUS", nationality="RUS", personal="880412401007")))
    assert mrz.iin is None
