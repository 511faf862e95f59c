"""The scan classifier: every kind, every rejection, and it never raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.iin import check_digit
from app.core.layouts import type_under
from app.core.scan import MAX_INPUT, Command, Rejection, Scan, ScanKind, classify
from tests.unit.test_documents import td1, td3

VALID_IIN = "791028302728"


def scan(raw: str) -> Scan:
    result = classify(raw)
    assert isinstance(result, Scan), result
    return result


def rejection(raw: str) -> Rejection:
    result = classify(raw)
    assert isinstance(result, Rejection), result
    return result


# --- IIN ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [VALID_IIN, VALID_IIN + "\r\n", VALID_IIN + "\t", " 791028 302728 ", "791028-302728\n",
     "\x02" + VALID_IIN + "\x03"],
)  # fmt: skip
def test_iin(raw: str) -> None:
    result = scan(raw)
    assert (result.kind, result.iin, result.text, result.layout) == (
        ScanKind.IIN,
        VALID_IIN,
        VALID_IIN,
        "us",
    )


def test_iin_under_kazakh_layout() -> None:
    typed = type_under(VALID_IIN, "kk")
    result = scan(typed + "\n")
    assert (result.kind, result.iin, result.layout) == (ScanKind.IIN, VALID_IIN, "kk")


def test_domain_example_under_kazakh_is_recovered_then_checked() -> None:
    # DOMAIN.md's layout example 930101300123 is not a valid IIN (its check digit would be 1)
    assert check_digit("93010130012") == 1
    result = rejection('ұіқ"қ"іққ"әі')
    assert (result.code, result.layout) == ("iin_check_digit", "kk")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("79102830272", "iin_length"),
        ("7910283027281", "iin_length"),
        ("1234", "iin_length"),
        ("791028 30272", "iin_length"),
        ("791028302727", "iin_check_digit"),
        ("900101300805", "iin_never_issued"),
    ],
)
def test_iin_rejections(raw: str, code: str) -> None:
    result = rejection(raw)
    assert result.code == code
    assert result.message.endswith(".")


@pytest.mark.parametrize("raw", ["79102830272*", "7910.283027?", "79102830,728"])
def test_near_iin_with_a_stray_character(raw: str) -> None:
    result = rejection(raw)
    assert result.code == "iin_characters"
    assert "character" in result.message


def test_iin_length_message_counts_digits() -> None:
    assert rejection("79102830272").message == "An IIN has 12 digits; this has 11."


def test_id_card_barcode_payload() -> None:
    result = scan("KZID|" + VALID_IIN + "|041236587|20300412")
    assert (result.kind, result.iin) == (ScanKind.IIN, VALID_IIN)


def test_other_scripts_digits_are_read_as_digits() -> None:
    # issue 13: Arabic-Indic digits are normalised to ASCII (tests/unit/test_scan_text.py)
    assert scan("٧٩١٠٢٨٣٠٢٧٢٨").iin == VALID_IIN


# --- MRZ ------------------------------------------------------------------------------------


def test_kazakh_id_card_mrz() -> None:
    result = scan("\r\n".join(td1()) + "\r\n")
    assert result.kind == ScanKind.MRZ
    assert (result.iin, result.document_number) == ("880412401006", "041236587")
    assert result.text == "\n".join(td1())


def test_foreign_passport_mrz_has_a_document_number_but_no_iin() -> None:
    result = scan("".join(td3(state="RUS", nationality="RUS")))
    assert (result.kind, result.iin, result.document_number) == (ScanKind.MRZ, None, "N12345678")


def test_mrz_typed_under_russian_layout_is_recovered() -> None:
    typed = type_under("\n".join(td1()), "ru")
    assert "<" not in typed  # "<" is Shift+comma, which types "Б" under Russian
    result = scan(typed)
    assert (result.kind, result.iin, result.layout) == (ScanKind.MRZ, "880412401006", "ru")


def test_mrz_with_caps_lock_inverted_case() -> None:
    result = scan("\n".join(td1()).lower())
    assert (result.kind, result.iin) == (ScanKind.MRZ, "880412401006")


def test_mrz_check_digit_rejection() -> None:
    lines = td1()
    broken = lines[0][:14] + str((int(lines[0][14]) + 1) % 10) + lines[0][15:]
    result = rejection("\n".join([broken, *lines[1:]]))
    assert result.code == "mrz_check_digit"
    assert "document number" in result.message


def test_mrz_format_rejection() -> None:
    lines = td1()
    result = rejection("\n".join([lines[0], lines[1][:-1], lines[2]]))
    assert result.code == "mrz_format"


# --- tickets --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code"),
    [("AB12CD", "AB12CD"), ("ab12cd", "AB12CD"), ("AB12-CD34\r", "AB12CD34"),
     ("A1B2C3D4E5F6G7H8J9K0L1M2N3P4Q5R6", "A1B2C3D4E5F6G7H8J9K0L1M2N3P4Q5R6")],
)  # fmt: skip
def test_ticket(raw: str, code: str) -> None:
    result = scan(raw)
    assert (result.kind, result.text, result.iin) == (ScanKind.TICKET, code, None)


def test_ticket_under_russian_layout() -> None:
    result = scan("ФИ12СВ")
    assert (result.kind, result.text, result.layout) == (ScanKind.TICKET, "AB12CD", "ru")


def test_ticket_under_kazakh_layout() -> None:
    result = scan(type_under("AB16CD", "kk"))
    assert (result.kind, result.text, result.layout) == (ScanKind.TICKET, "AB16CD", "kk")


@pytest.mark.parametrize("raw", ["ABCDEF", "AB1", "A" * 20 + "1" * 13, "AB12C!"])
def test_not_a_ticket(raw: str) -> None:
    assert rejection(raw).code == "unknown"


# --- commands and the venue's poster --------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "command"),
    [("ASHYQ:CMD:ENTRY", Command.ENTRY_MODE), ("ashyq:cmd:exit\n", Command.EXIT_MODE),
     ("Ashyq:Cmd:Repeat", Command.REPEAT_LAST)],
)  # fmt: skip
def test_commands(raw: str, command: Command) -> None:
    result = scan(raw)
    assert (result.kind, result.command) == (ScanKind.COMMAND, command)


def test_command_typed_under_kazakh() -> None:
    typed = type_under("ASHYQ:CMD:EXIT", "kk")
    assert typed == "ФЫРНЙЖСЬВЖУЧШЕ"
    result = scan(typed)
    # letters alone sit on the same keys in both layouts; ties go to Russian
    assert (result.command, result.layout) == (Command.EXIT_MODE, "ru")


def test_unknown_command() -> None:
    assert rejection("ASHYQ:CMD:SELFDESTRUCT").code == "unknown_command"


@pytest.mark.parametrize(
    ("raw", "venue"),
    [("https://ashyq.example.kz/v/ALM-CINEMA-7", "ALM-CINEMA-7"),
     ("http://ashyq.example.kz/v/alm-7/", "ALM-7"),
     ("https://ashyq.example.kz/v/ALM-7?src=poster", "ALM-7"),
     ("ASHYQ:VENUE:ALM-7", "ALM-7"), ("ashyq:venue:alm-7", "ALM-7")],
)  # fmt: skip
def test_venue_poster(raw: str, venue: str) -> None:
    result = scan(raw)
    assert (result.kind, result.venue_code, result.iin) == (ScanKind.VENUE, venue, None)


def test_venue_url_typed_under_russian() -> None:
    # under the Kazakh reading "/" and "." would be digits; the classifier tries both
    result = scan(type_under("https://ashyq.example.kz/v/ALM-7", "ru"))
    assert (result.kind, result.venue_code, result.layout) == (ScanKind.VENUE, "ALM-7", "ru")


@pytest.mark.parametrize(
    "raw", ["https://ashyq.example.kz/v/AB", "https://ashyq.example.kz/x/ALM-7",
            "https://ashyq.example.kz/v/ALM-7/extra"],
)  # fmt: skip
def test_not_a_venue_url(raw: str) -> None:
    assert rejection(raw).code == "unknown"


def test_venue_url_with_port() -> None:
    assert scan("http://192.168.1.10:8000/v/ALM-7").venue_code == "ALM-7"


def test_serial_input_skips_layout_recovery() -> None:
    result = classify("ФИ12СВ", from_keyboard=False)
    assert isinstance(result, Rejection)
    assert result.code == "unknown"
    assert scan_serial(VALID_IIN).iin == VALID_IIN


def scan_serial(raw: str) -> Scan:
    result = classify(raw, from_keyboard=False)
    assert isinstance(result, Scan), result
    return result


def test_malformed_venue_code() -> None:
    assert rejection("ASHYQ:VENUE:A").code == "venue_code"


# --- everything else ------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "\r\n", "   ", "\t\x00\x1b"])
def test_empty(raw: str) -> None:
    assert rejection(raw).code == "empty"


def test_too_long() -> None:
    assert rejection("1" * (MAX_INPUT + 1)).code == "too_long"
    assert rejection("A1" * (MAX_INPUT // 2)).code == "unknown"  # at the cap: classified


def test_ten_megabytes() -> None:
    result = classify("ә" * 10_000_000)
    assert isinstance(result, Rejection)
    assert result.code == "too_long"


def test_a_maximal_input_is_classified() -> None:
    result = classify("ұ" * MAX_INPUT)
    assert isinstance(result, Rejection)
    assert result.code == "iin_length"  # the Kazakh "9" key, 4096 times


def test_unknown() -> None:
    result = rejection("hello world")
    assert result.code == "unknown"
    assert result.layout == "us"


def test_repr_hides_the_iin() -> None:
    assert VALID_IIN not in repr(scan(VALID_IIN))


# --- properties -----------------------------------------------------------------------------


any_character = st.characters(exclude_categories=())  # surrogates and controls included
door_characters = st.sampled_from(list('0123456789<:/-AZaz"ФИәұҚ№\n\r\t\x00\x1d\ud800 '))


@settings(max_examples=300)
@given(st.text(alphabet=st.one_of(any_character, door_characters), max_size=300))
def test_classify_never_raises(raw: str) -> None:
    result = classify(raw)
    assert isinstance(result, Scan | Rejection)
    if isinstance(result, Rejection):
        assert result.code != "internal_error"
        assert result.message
    else:
        assert result.text.isascii()


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_any_valid_iin_typed_under_any_layout_is_read(first11: str) -> None:
    digit = check_digit(first11)
    if digit is None:
        return
    iin = first11 + str(digit)
    for layout in ("us", "kk", "ru"):
        result = classify(type_under(iin, layout) + "\r\n")
        assert isinstance(result, Scan)
        assert (result.kind, result.iin) == (ScanKind.IIN, iin)


@given(st.from_regex(r"[A-Z]{1,5}[0-9]{1,5}[A-Z0-9]{4,20}", fullmatch=True))
def test_any_ticket_under_any_layout_is_read(code: str) -> None:
    for layout in ("us", "kk", "ru"):
        result = classify(type_under(code, layout))
        assert isinstance(result, Scan), (layout, result)
        assert (result.kind, result.text) == (ScanKind.TICKET, code)


def test_an_id_card_payload_in_words_is_the_person_not_a_ticket() -> None:
    # The demo video's PDF417 cards carry "ID KAZ N<document> <IIN>"; compacted, that text
    # would also fit a ticket code, but a 12-digit word of its own is the person.
    scan = classify("ID KAZ N04123658 880315300103", from_keyboard=False)
    assert isinstance(scan, Scan) and scan.kind is ScanKind.IIN
    assert scan.iin == "880315300103"
    wrong = classify("ID KAZ N04123658 880315300104", from_keyboard=False)
    assert isinstance(wrong, Rejection) and wrong.code == "iin_check_digit"
