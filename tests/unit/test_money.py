"""Money: the cashier types tenge, the core computes in tiyn, the screen shows CLDR's format."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from babel.numbers import format_currency
from hypothesis import given
from hypothesis import strategies as st

from app.core.money import format_money, parse_tenge, percent_of

NBSP = "\u00a0"
AMOUNTS = st.integers(min_value=-(10**15), max_value=10**15)


# --- percent_of -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "percent", "expected"),
    [
        (250_000, 5, 12_500),  # 5 % of 2 500 ₸ = 125 ₸
        (10, 5, 1),  # 0.5 tiyn rounds up
        (9, 5, 0),  # 0.45 tiyn rounds down
        (678_990, 5, 33_950),  # 5 % of 6 789,90 ₸ = 339,495 ₸ -> 339,50 ₸
        (30, Decimal("12.5"), 4),  # 3.75
        (-10, 5, -1),  # half away from zero, symmetric for negatives
        (0, 20, 0),
        (123_456, 100, 123_456),
    ],
)
def test_percent_of_rounds_half_up_to_the_tiyn(amount: int, percent: int, expected: int) -> None:
    assert percent_of(amount, percent) == expected


@given(
    amount=AMOUNTS,
    percent=st.decimals(min_value=0, max_value=100, places=3, allow_nan=False),
)
def test_percent_of_matches_exact_decimal_rounding(amount: int, percent: Decimal) -> None:
    with localcontext() as ctx:
        ctx.prec = 60
        exact = (Decimal(amount) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert percent_of(amount, percent) == int(exact)


def test_percent_of_refuses_floats_and_non_finite_percents() -> None:
    with pytest.raises(TypeError):
        percent_of(100, 5.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        percent_of(1.5, 5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="finite"):
        percent_of(100, Decimal("Infinity"))


# --- parse_tenge ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tiyn"),
    [
        ("1500", 150_000),
        ("1 500,50", 150_050),
        ("1500.5", 150_050),
        ("1500,05", 150_005),
        (f"1{NBSP}234{NBSP}567,50{NBSP}₸", 123_456_750),
        ("1\u202f500", 150_000),  # narrow no-break space, as some spreadsheets copy it
        ("1,234.50", 123_450),
        ("12,345,678", 1_234_567_800),
        ("KZT1,234.50", 123_450),
        ("  250 ", 25_000),
        ("0", 0),
        ("-1 500,50", -150_050),
        ("0,01", 1),
    ],
)
def test_parse_tenge_reads_what_people_type(text: str, tiyn: int) -> None:
    assert parse_tenge(text) == tiyn


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "Not an amount"),
        ("15 00", "Not an amount"),  # a space that is not a thousands separator
        ("1.500", "decimals"),  # German grouping would silently become 1,5 ₸
        ("1500,505", "decimals"),
        ("1,500", "decimals"),  # ambiguous: refused rather than guessed
        ("1 500.50.1", "Not an amount"),
        ("1e3", "Not an amount"),
        ("12$", "Not an amount"),
        ("--5", "Not an amount"),
    ],
)
def test_parse_tenge_refuses_anything_else_clearly(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_tenge(text)


# --- format_money ---------------------------------------------------------------------------


def _babel(tiyn: int, locale: str) -> str:
    return format_currency(Decimal(tiyn).scaleb(-2), "KZT", locale=locale)


@pytest.mark.parametrize(
    ("tiyn", "lang", "expected"),
    [
        (123_456_750, "ru", f"1{NBSP}234{NBSP}567,50{NBSP}₸"),
        (123_456_750, "kk", f"1{NBSP}234{NBSP}567,50{NBSP}₸"),
        (123_456_750, "en", "KZT1,234,567.50"),
        (0, "ru", f"0,00{NBSP}₸"),
        (25_000, "kk", f"250,00{NBSP}₸"),
        (-123_450, "en", "-KZT1,234.50"),
        (-1, "ru", f"-0,01{NBSP}₸"),
    ],
)
def test_format_money_examples(tiyn: int, lang: str, expected: str) -> None:
    assert format_money(tiyn, lang) == expected  # type: ignore[arg-type]


@given(AMOUNTS)
def test_format_money_matches_cldr_in_every_language(tiyn: int) -> None:
    # CLDR's plain "ru" shows the code KZT; Russian in Kazakhstan (ru_KZ) shows ₸, as we do.
    assert format_money(tiyn, "ru") == _babel(tiyn, "ru_KZ")
    assert format_money(tiyn, "kk") == _babel(tiyn, "kk")
    assert format_money(tiyn, "en") == _babel(tiyn, "en")


@given(AMOUNTS, st.sampled_from(["ru", "kk", "en"]))
def test_what_is_shown_parses_back_to_the_same_amount(tiyn: int, lang: str) -> None:
    assert parse_tenge(format_money(tiyn, lang)) == tiyn  # type: ignore[arg-type]


def test_format_money_refuses_unknown_languages_and_floats() -> None:
    with pytest.raises(ValueError, match="language"):
        format_money(100, "de")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_money(1.5, "ru")  # type: ignore[arg-type]
