"""Money as integer tiyn (1 ₸ = 100 tiyn): parsing what people type, percentages, display.

Amounts never pass through floats: a refund is a sum the cashier hands back, and a float would
make 5 % of 2 345,10 ₸ differ by a tiyn between the screen, the receipt and the server. Display
follows CLDR so the console agrees with every other Kazakh or Russian program: ru/kk group with
a no-break space and use a decimal comma with ₸ after the number (CLDR's ru_KZ and kk), English
is what CLDR's "en" gives for KZT (the code before the number, e.g. ``KZT1,234.50``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

TIYN_PER_TENGE = 100
NBSP = "\u00a0"
TENGE_SIGN = "₸"

Lang = Literal["ru", "kk", "en"]

_SPACES = " \u00a0\u202f\u2009"  # what people, Excel and CLDR put between digit groups
_GROUPED_SPACE = rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+"
_PLAIN = r"\d+"
_SPACE_OR_PLAIN = re.compile(rf"(?P<int>{_GROUPED_SPACE}|{_PLAIN})(?:[.,](?P<frac>\d+))?")
# English grouping: "1,234" or "1,234.50"; a comma followed by exactly three digits is never a
# decimal comma here, because amounts carry at most two decimals.
_GROUPED_COMMA = re.compile(r"(?P<int>\d{1,3}(?:,\d{3})+)(?:\.(?P<frac>\d+))?")


def percent_of(amount_tiyn: int, percent: Decimal | int) -> int:
    """`percent` % of an amount, rounded half up (away from zero) to the tiyn.

    Exact rational arithmetic, so even a 15-digit amount times a fractional percent is rounded
    from the true value, never from a Decimal context's truncated one.
    """
    if isinstance(amount_tiyn, bool) or not isinstance(amount_tiyn, int):
        raise TypeError(f"amount must be an int number of tiyn, not {type(amount_tiyn).__name__}")
    if isinstance(percent, bool) or not isinstance(percent, int | Decimal):
        raise TypeError(f"percent must be an int or a Decimal, not {type(percent).__name__}")
    if isinstance(percent, Decimal) and not percent.is_finite():
        raise ValueError(f"percent must be a finite number, got {percent}")
    num, den = percent.as_integer_ratio()
    numerator = amount_tiyn * num
    denominator = den * 100
    magnitude = (2 * abs(numerator) + denominator) // (2 * denominator)
    return -magnitude if numerator < 0 else magnitude


def parse_tenge(text: str) -> int:
    """Tenge as typed by a cashier or copied from a report, to tiyn.

    Accepts "1500", "1 500,50", "1500.5", "1,234.50", with an optional minus sign, an optional
    ₸ sign after or KZT code before. Refuses anything with more than two decimals or stray
    characters, with a message saying what is wrong, because a misread price is a wrong refund.
    """
    if not isinstance(text, str):
        raise TypeError("amount text must be a string")
    body = text.strip()
    if not body:
        raise ValueError("Amount is empty: type a sum in tenge, e.g. 1500 or 1 500,50.")
    negative = body.startswith(("-", "\u2212"))
    if negative:
        body = body[1:].lstrip()
    if body.upper().startswith("KZT"):
        body = body[3:].lstrip()
    if body.endswith(TENGE_SIGN):
        body = body[:-1].rstrip(_SPACES)
    match = _SPACE_OR_PLAIN.fullmatch(body) or _GROUPED_COMMA.fullmatch(body)
    if match is None:
        raise ValueError(
            f"Not an amount in tenge: {text!r}. Use digits, spaces between thousands and one "
            "decimal comma or point, e.g. 1 500,50."
        )
    frac = match.group("frac") or ""
    if len(frac) > 2:
        raise ValueError(f"Too many decimals in {text!r}: tenge have at most 2 (tiyn).")
    whole = int(re.sub(r"\D", "", match.group("int")))
    tiyn = whole * TIYN_PER_TENGE + int(frac.ljust(2, "0"))
    return -tiyn if negative else tiyn


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


def format_money(tiyn: int, lang: Lang) -> str:
    """An amount for people: ``1 234 567,50 ₸`` (ru, kk) or ``KZT1,234,567.50`` (en).

    Always two decimals, as on receipts; the minus sign goes first, as CLDR puts it.
    """
    if isinstance(tiyn, bool) or not isinstance(tiyn, int):
        raise TypeError(f"amount must be an int number of tiyn, not {type(tiyn).__name__}")
    sign = "-" if tiyn < 0 else ""
    whole, frac = divmod(abs(tiyn), TIYN_PER_TENGE)
    if lang in ("ru", "kk"):
        return f"{sign}{_group(str(whole), NBSP)},{frac:02d}{NBSP}{TENGE_SIGN}"
    if lang == "en":
        return f"{sign}KZT{_group(str(whole), ',')}.{frac:02d}"
    raise ValueError(f"unknown language {lang!r}: expected 'ru', 'kk' or 'en'")
