"""The refund rule that applied, and why a refund is refused, in the interface language.

The rules engine (app.core.refunds) returns stable codes with English sentences for the command
line and the logs; the cashier reads these words instead, built from the same codes, the quote's
deadline and the organizer's name in the interface language.
"""

from __future__ import annotations

from collections.abc import Callable
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


# Literal calls, so lupdate finds every text (a variable passed to translate() it would miss).
_SERVER_WORDS: dict[str, Callable[[], str]] = {
    "unknown_order": lambda: QCoreApplication.translate(
        "ServerRefusal", "the server does not know this order"
    ),
    "unknown_ticket": lambda: QCoreApplication.translate(
        "ServerRefusal", "a ticket is not in this order on the server"
    ),
    "duplicate_line": lambda: QCoreApplication.translate(
        "ServerRefusal", "a ticket is listed twice in the refund"
    ),
    "already_refunded": lambda: QCoreApplication.translate(
        "ServerRefusal", "a ticket was already refunded or exchanged by another refund"
    ),
    "ticket_used": lambda: QCoreApplication.translate(
        "ServerRefusal", "a ticket was already used at the door"
    ),
    "price_mismatch": lambda: QCoreApplication.translate(
        "ServerRefusal", "a ticket's price differs from the server's"
    ),
    "amount_mismatch": lambda: QCoreApplication.translate(
        "ServerRefusal", "the fee and the amount returned do not add up to the price"
    ),
    "fee_mismatch": lambda: QCoreApplication.translate(
        "ServerRefusal", "the fee is not the one the refund rules give"
    ),
    "denial_unknown": lambda: QCoreApplication.translate(
        "ServerRefusal", "the door denial given as Ashyq proof has not reached the server"
    ),
    "denial_not_proof": lambda: QCoreApplication.translate(
        "ServerRefusal", "the door visit given as proof is not an Ashyq denial for this order"
    ),
    "bad_session": lambda: QCoreApplication.translate(
        "ServerRefusal", "the exchange is not to a later session of the same organizer"
    ),
    "deadline_passed": lambda: QCoreApplication.translate(
        "ServerRefusal", "the refund deadline had passed"
    ),
    "started": lambda: QCoreApplication.translate("ServerRefusal", "the event had already started"),
    "printed": lambda: QCoreApplication.translate(
        "ServerRefusal", "the ticket was printed at the organizer's box office"
    ),
    "no_refund": lambda: QCoreApplication.translate(
        "ServerRefusal", "this organizer gives no refunds"
    ),
    "exchange_not_allowed": lambda: QCoreApplication.translate(
        "ServerRefusal", "exchanges are made only after an Ashyq denial"
    ),
    "manual": lambda: QCoreApplication.translate(
        "ServerRefusal", "this organizer refunds only through its contact centre"
    ),
    "not_manual": lambda: QCoreApplication.translate(
        "ServerRefusal", "this organizer refunds at the desk, not by a request"
    ),
    "unknown_organizer": lambda: QCoreApplication.translate(
        "ServerRefusal", "the server's refund rules do not list this organizer"
    ),
    "rejected": lambda: QCoreApplication.translate(
        "ServerRefusal", "the server found the refund's data invalid"
    ),
}
_SERVER_WORDS["invalid"] = _SERVER_WORDS["rejected"]  # the server's own code for a 422


def server_refusal_words(code: str, message: str) -> str:
    """Why the central server refused a refund, from its stable code (central.refund_check).

    A code this console does not know yet (a newer server) shows the server's English sentence.
    """
    words = _SERVER_WORDS.get(code)
    return words() if words is not None else message or code
