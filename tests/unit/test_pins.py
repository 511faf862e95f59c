"""Staff PINs: what a login screen and a supervisor override rely on."""

from __future__ import annotations

import pytest

from app.core.pins import (
    DEFAULT_N,
    OFFLINE_N,
    InvalidPin,
    hash_pin,
    is_wrapped,
    make_offline_verifier,
    needs_rehash,
    pin_lengths,
    validate_pin,
    validate_pin_for_role,
    verify_pin,
    verify_stored,
    verify_wrapped,
    wrap_verifier,
)

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
        ("123", "4 to 12 digits"),
        ("1234567890123", "4 to 12 digits"),
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


# --- the length rule per role and the supervisors' wrapped verifier ------------------------


@pytest.mark.parametrize(
    ("role", "ok", "refused"),
    [
        ("door", ["1234", "12345678"], ["123", "123456789"]),
        ("cashier", ["0000", "87654321"], ["123456789012"]),
        ("manager", ["12345678", "123456789012"], ["1234", "1234567", "1234567890123"]),
        ("admin", ["33333333", "444444444444"], ["4444", "0000000"]),
    ],
)
def test_the_pin_length_depends_on_the_role(role: str, ok: list[str], refused: list[str]) -> None:
    for pin in ok:
        assert validate_pin_for_role(pin, role) == pin
    low, high = pin_lengths(role)
    for pin in refused:
        with pytest.raises(InvalidPin, match=f"{low} to {high} digits"):
            validate_pin_for_role(pin, role)


def test_a_supervisor_needs_at_least_10_to_the_8_candidates() -> None:
    assert pin_lengths("manager")[0] >= 8 and pin_lengths("admin")[0] >= 8
    assert OFFLINE_N >= 2**17  # 128 MiB per try with r=8: see bench/bench_pins.py


def test_a_wrapped_verifier_needs_the_station_pepper() -> None:
    pepper, other = b"p" * 32, b"q" * 32
    verifier = make_offline_verifier("12345678", n=FAST)
    wrapped = wrap_verifier(verifier, pepper)
    assert is_wrapped(wrapped) and not is_wrapped(verifier)
    assert verify_wrapped("12345678", wrapped, pepper)
    assert verify_stored("12345678", wrapped, pepper)
    assert not verify_wrapped("12345679", wrapped, pepper)
    assert not verify_wrapped("12345678", wrapped, other)  # another station's pepper
    assert not verify_wrapped("12345678", wrapped, None)
    assert not verify_stored("12345678", wrapped)  # the database's copy alone tests nothing
    assert not verify_pin("12345678", wrapped)
    # Same salt and cost as the verifier, but the digest itself never appears.
    assert wrapped.split("$")[1:5] == verifier.split("$")[1:5]
    assert verifier.split("$")[5] not in wrapped


def test_wrapping_refuses_garbage() -> None:
    with pytest.raises(ValueError):
        wrap_verifier("not a verifier", b"p" * 32)
    with pytest.raises(ValueError):
        wrap_verifier(hash_pin("12345678", n=FAST), b"short")
    tampered = wrap_verifier(hash_pin("12345678", n=FAST), b"p" * 32)[:-4] + "AAA="
    assert not verify_wrapped("12345678", tampered, b"p" * 32)
