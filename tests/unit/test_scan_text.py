"""Scanner quirks cleaned before classification (issue 13): AIM identifiers, compatibility
characters, TAB and other separators between MRZ lines; on the keyboard and the camera paths."""

from __future__ import annotations

import pytest

from app.core.layouts import type_under
from app.core.scan import Command, Rejection, Scan, ScanKind, classify
from app.core.scantext import normalize, strip_aim
from tests.unit.test_documents import td1, td3
from tests.unit.test_documents_mrz_formats import ICAO_TD2

IIN = "880315300103"  # the issue's example, a valid IIN


def scan(raw: str, *, from_keyboard: bool = True) -> Scan:
    result = classify(raw, from_keyboard=from_keyboard)
    assert isinstance(result, Scan), result
    return result


# --- AIM symbology identifiers --------------------------------------------------------------


@pytest.mark.parametrize("from_keyboard", [True, False], ids=["keyboard", "camera-serial"])
def test_the_issues_qr_iin(from_keyboard: bool) -> None:
    result = scan("]Q1880315300103", from_keyboard=from_keyboard)
    assert (result.kind, result.iin, result.text, result.symbology) == (
        ScanKind.IIN,
        IIN,
        IIN,
        "QRCode",
    )


@pytest.mark.parametrize(
    ("prefix", "symbology"),
    [("]Q1", "QRCode"), ("]C0", "Code128"), ("]C1", "Code128"), ("]d1", "DataMatrix"),
     ("]L0", "PDF417"), ("]z0", "Aztec"), ("]I0", "ITF"), ("]A0", "Code39"), ("]E0", "EAN/UPC"),
     ("]e0", "DataBar"), ("]X0", "Other")],
)  # fmt: skip
def test_every_identifier_before_every_kind(prefix: str, symbology: str) -> None:
    cases = [
        (IIN, ScanKind.IIN, "iin", IIN),
        ("AB12CD", ScanKind.TICKET, "text", "AB12CD"),
        ("ab12-cd", ScanKind.TICKET, "text", "AB12CD"),
        ("https://ashyq.example.kz/v/ALM-7", ScanKind.VENUE, "venue_code", "ALM-7"),
        ("ASHYQ:VENUE:ALM-7", ScanKind.VENUE, "venue_code", "ALM-7"),
        ("ASHYQ:CMD:ENTRY", ScanKind.COMMAND, "command", Command.ENTRY_MODE),
        ("ASHYQ:CMD:EXIT\r\n", ScanKind.COMMAND, "command", Command.EXIT_MODE),
        ("KZID|" + IIN + "|041236587", ScanKind.IIN, "iin", IIN),
    ]
    for content, kind, attribute, value in cases:
        for from_keyboard in (True, False):
            result = scan(prefix + content, from_keyboard=from_keyboard)
            assert (result.kind, getattr(result, attribute)) == (kind, value), content
            assert result.symbology == symbology


def test_identifier_before_an_mrz() -> None:
    result = scan("]L0" + "\n".join(td1()))
    assert (result.kind, result.iin, result.symbology) == (ScanKind.MRZ, "880412401006", "PDF417")


def test_identifier_typed_under_russian_and_kazakh_layouts() -> None:
    for layout in ("ru", "kk"):
        typed = type_under("]Q1880315300103", layout)
        assert typed.startswith("ъЙ")  # what the door PC shows for "]Q"
        result = scan(typed + "\n")
        assert (result.kind, result.iin, result.layout, result.symbology) == (
            ScanKind.IIN,
            IIN,
            layout,
            "QRCode",
        )
    ticket = scan(type_under("]C0AB12CD", "ru"))
    assert (ticket.kind, ticket.text, ticket.symbology) == (ScanKind.TICKET, "AB12CD", "Code128")


def test_identifier_with_caps_lock() -> None:
    result = scan("]q1880315300103")
    assert (result.iin, result.symbology) == (IIN, "QRCode")


def test_identifier_alone_is_empty_and_a_wrong_iin_keeps_its_reason() -> None:
    alone = classify("]Q1\r\n")
    assert isinstance(alone, Rejection) and alone.code == "empty"
    wrong = classify("]Q1880315300104")
    assert isinstance(wrong, Rejection) and wrong.code == "iin_check_digit"


def test_strip_aim() -> None:
    assert strip_aim("]Q1ABC").aim == "]Q1"
    assert strip_aim("]Q1ABC").text == "ABC"
    assert strip_aim("]W9ABC").symbology is None  # an identifier, but not one of the list
    assert strip_aim("]W9ABC").text == "ABC"
    assert strip_aim("ABC]Q1").aim is None  # only at the start
    assert strip_aim("]-1ABC").aim is None  # not an identifier's shape
    assert strip_aim("]Q").text == "]Q"


# --- compatibility characters ---------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["880315\u200b300103", "8803\u00ad15300103", "\ufeff880315300103", "880315\u2060300103\u200e",
     "８８０３１５３００１０３", "٨٨٠٣١٥٣٠٠١٠٣", "۸۸۰۳۱۵۳۰۰۱۰۳", "880315\u00a0300103",
     "８８０３１５－３００１０３"],
    ids=["zwsp", "soft-hyphen", "bom", "word-joiner+lrm", "full-width", "arabic-indic",
         "extended-arabic-indic", "nbsp", "full-width-dash"],
)  # fmt: skip
def test_compatibility_characters_inside_an_iin(raw: str) -> None:
    for from_keyboard in (True, False):
        result = scan(raw, from_keyboard=from_keyboard)
        assert (result.kind, result.iin) == (ScanKind.IIN, IIN)


def test_full_width_ticket_and_command() -> None:
    assert scan("ＡＢ１２ＣＤ").text == "AB12CD"
    assert scan("ＡＳＨＹＱ：ＣＭＤ：ＥＸＩＴ").command == Command.EXIT_MODE


def test_normalize_keeps_the_numero_sign_for_layout_recovery() -> None:
    # "№" is the Kazakh layout's slash key: NFKC would make it "No"
    assert normalize("https:№№ashyq") == "https:№№ashyq"
    url = type_under("https://ashyq.example.kz/v/ALM-7", "kk")
    assert scan(url).venue_code == "ALM-7"
    assert normalize("ә\u200bі") == "әі"
    assert normalize("AB12") == "AB12"


# --- MRZ line separators --------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\t", "\t\n", "\r\t", "\u2028", "\x1e", "\v", "\x85"])
def test_id_card_mrz_with_tabs_and_other_separators(separator: str) -> None:
    for from_keyboard in (True, False):
        result = scan(separator.join(td1()) + separator, from_keyboard=from_keyboard)
        assert (result.kind, result.iin, result.issuing_state) == (
            ScanKind.MRZ,
            "880412401006",
            "KAZ",
        )
        assert result.text == "\n".join(td1())


def test_td2_and_foreign_keys_through_the_classifier() -> None:
    result = scan("\t".join(ICAO_TD2))
    assert (result.kind, result.document_key) == (ScanKind.MRZ, "UTO:D23145890")
    usa = scan("\n".join(td3(state="USA", nationality="USA", number="A2222222<")))
    deu = scan("\n".join(td3(state="DEU", nationality="DEU", number="A2222222<")))
    assert usa.document_number == deu.document_number == "A2222222"
    assert usa.document_key != deu.document_key


def test_kazakh_card_and_passport_with_a_bad_iin_are_rejected_alike() -> None:
    card = classify("\n".join(td1(optional="880412401007")))
    passport = classify("\n".join(td3(personal="880412401007")))
    assert isinstance(card, Rejection) and isinstance(passport, Rejection)
    assert card.code == passport.code == "iin_check_digit"
