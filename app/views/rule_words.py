"""The refund rule that applied, and why a refund is refused, in the interface language.

The rules engine (app.core.refunds) returns stable codes with English sentences for the command
line and the logs; the cashier reads these words instead, built from the same codes, the quote's
deadline and the organizer's name in the interface language.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.refunds import Quote
from app.resources import load_json


@cache
def _organizers() -> dict[str, Any]:
    data = load_json("policies", "refund_rules.json")
    organizers: dict[str, Any] = data.get("organizers", {})
    return organizers


def organizer_name(slug: str) -> str:
    names = _organizers().get(slug, {}).get("names", {})
    lang = QLocale().name()[:2]
    return str(names.get(lang) or names.get("en") or slug)


def _when(quote: Quote) -> str:
    return quote.deadline.strftime("%d.%m %H:%M") if quote.deadline is not None else "—"


def rule_words(quote: Quote) -> str:
    """The rule that gives the money back (or keeps the fee), e.g. "Kinopark: fee 10 %"."""
    org = organizer_name(quote.organizer)
    rule = quote.rule
    if rule == "ashyq_denial_refund":
        text = QCoreApplication.translate(
            "RuleWords", "Refused at the door by Ashyq status: no deadline, service fee withheld"
        )
    elif rule == "ashyq_denial_exchange":
        text = QCoreApplication.translate(
            "RuleWords", "Refused at the door by Ashyq status: exchange without a fee"
        )
    elif rule == "missing_documents_cancel":
        text = QCoreApplication.translate(
            "RuleWords", "No documents for the tariff: cancelled, service fee withheld"
        )
    elif rule.endswith("_over_1h"):
        text = QCoreApplication.translate(
            "RuleWords", "%1: an hour or more before the start, fee 10 %"
        )
    elif rule.endswith("_under_1h"):
        text = QCoreApplication.translate(
            "RuleWords", "%1: less than an hour before the start, fee 20 %"
        )
    elif rule.endswith("_no_refund"):
        text = QCoreApplication.translate("RuleWords", "%1: no refunds")
    elif rule.endswith("_contact_centre"):
        text = QCoreApplication.translate("RuleWords", "%1: only through the contact centre")
    elif rule.endswith("_standard"):
        text = QCoreApplication.translate("RuleWords", "%1: refund until %2, service fee withheld")
    else:
        return quote.rule_text
    return text.replace("%1", org).replace("%2", _when(quote))


def refusal_words(quote: Quote) -> str:
    """Why the rules refuse this ticket, or send it to the contact centre."""
    org = organizer_name(quote.organizer)
    reason = quote.reason
    if reason == "printed":
        text = QCoreApplication.translate(
            "RuleWords", "Printed at the organizer's box office: refunded there, not here"
        )
    elif reason == "started":
        text = QCoreApplication.translate("RuleWords", "The event has already started")
    elif reason == "no_refund":
        text = QCoreApplication.translate("RuleWords", "%1: no refunds")
    elif reason == "manual":
        text = QCoreApplication.translate(
            "RuleWords", "%1: no money at the desk; record a request for the contact centre"
        )
    elif reason == "deadline_passed":
        text = QCoreApplication.translate("RuleWords", "The deadline passed at %2")
    elif reason == "exchange_not_allowed":
        text = QCoreApplication.translate(
            "RuleWords", "Exchanges are made only after an Ashyq denial"
        )
    else:
        return quote.reason_text
    return text.replace("%1", org).replace("%2", _when(quote))
