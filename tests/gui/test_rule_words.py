"""The refund desk tells the cashier the rule in the interface language, not the engine's English."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication

from app.core.refunds import parse_rules, quote
from app.i18n import LanguageSwitcher
from app.resources import load_json
from app.views.rule_words import refusal_words, rule_words

ALMATY = ZoneInfo("Asia/Almaty")
START = datetime(2026, 11, 18, 19, 0, tzinfo=ALMATY)
RULES = parse_rules(load_json("policies", "refund_rules.json"))


def test_rules_and_refusals_in_russian_and_kazakh(qapp: QApplication) -> None:
    switcher = LanguageSwitcher(qapp)
    early = quote(
        RULES,
        organizer="kinopark",
        price_tiyn=250_000,
        start=START,
        at=datetime(2026, 11, 18, 17, 0, tzinfo=ALMATY),
    )
    late = quote(
        RULES,
        organizer="cinemax",
        price_tiyn=180_000,
        start=START,
        at=datetime(2026, 11, 18, 18, 59, tzinfo=ALMATY),
    )
    try:
        switcher.switch("ru")
        assert rule_words(early) == "Kinopark / Kinoplexx: за час и более до начала, сбор 10 %"
        assert refusal_words(late) == "Срок истёк в 18.11 18:57"
        switcher.switch("kk")
        assert "алым 10 %" in rule_words(early)
        assert refusal_words(late) == "Мерзім 18.11 18:57 кезінде өтіп кетті"
        switcher.switch("en")
        assert refusal_words(late) == "The deadline passed at 18.11 18:57"
    finally:
        switcher.switch("en")
