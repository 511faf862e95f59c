"""Staff PINs: what a login screen and a supervisor override rely on."""

from __future__ import annotations

import pytest

from app.core.pins import DEFAULT_N, InvalidPin, hash_pin, needs_rehash, validate_pin, verify_pin

FAST = 2**4  # tests use a tiny cost; the default is exercised once below


def test_the_right_pin_verifies_and_a_wrong_one_does_not() -> None:
    stored = hash_pin("4821", n=FAST)
    assert verify_pin("4821", stored)
    assert not verify_pin("4822", stored)
    assert not verify_pin("48210", stored)
    assert not verify_pin("", stored)


def test_stored_string_never_contains_the_pin_and_is_salted() -> None:
    first = hash_pin("20242024", n=FAST)
    second = hash_pin("20242024", n=FAST)
    assert "20242024" not in first
    assert first != second  # same PIN, different salt: equal PINs are not visible as equal rows
    assert verify_pin("20242024", first) and verify_pin("20242024", second)


def test_stored_string_carries_its_parameters() -> None:
    stored = hash_pin("1234", n=2**5, r=4, p=2)
    scheme, n, r, p, _salt, _digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "32", "4", "2")
    assert verify_pin("1234", stored)


def test_default_cost_is_the_slow_one_and_cheap_hashes_ask_for_a_rehash() -> None:
    stored = hash_pin("1234")
    assert stored.split("$")[1] == str(DEFAULT_N) and DEFAULT_N >= 2**14
    assert verify_pin("1234", stored)
    assert not needs_rehash(stored)
    assert needs_rehash(hash_pin("1234", n=FAST))
    assert needs_rehash("garbage")


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "1234",
        "scrypt$16$8$1$c2FsdHNhbHRzYWx0$",
        "bcrypt$16$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$15$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$16$8$1$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$16$8$x$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$16$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$extra",
        "scrypt$１６$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    ],
)
def test_malformed_stored_strings_are_a_plain_no(stored: str) -> None:
    assert verify_pin("1234", stored) is False


def test_a_truncated_stored_hash_does_not_verify() -> None:
    stored = hash_pin("1234", n=FAST)
    assert not verify_pin("1234", stored[:-8])


@pytest.mark.parametrize("pin", ["0000", "1234", "12345678", "007007"])
def test_valid_pins(pin: str) -> None:
    assert validate_pin(pin) == pin


@pytest.mark.parametrize(
    ("pin", "words"),
    [
        ("123", "4 to 8 digits"),
        ("123456789", "4 to 8 digits"),
        ("", "only the digits"),
        ("12a4", "only the digits"),
        ("12 34", "only the digits"),
        ("١٢٣٤", "only the digits"),  # Arabic-Indic digits: isdigit() but not typeable on a pad
        ("¹²³⁴", "only the digits"),
    ],
)
def test_invalid_pins_get_a_message_saying_why(pin: str, words: str) -> None:
    with pytest.raises(InvalidPin, match=words):
        validate_pin(pin)


def test_an_invalid_pin_is_never_hashed_and_never_verifies() -> None:
    with pytest.raises(InvalidPin):
        hash_pin("12", n=FAST)
    stored = hash_pin("1234", n=FAST)
    assert not verify_pin("١٢٣٤", stored)
