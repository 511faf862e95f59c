"""Ticket refunds by the operator's public offer (section 3), with the rules as data.

The table of organizers, their deadlines and fees lives in resources/policies/refund_rules.json
so a changed offer is a data change; this module only knows how to apply it. Decisions the offer
leaves open, and where they live:

- exactly at the deadline a refund is allowed ("no later than"), one second after it is not;
- cinema deadline = start - cutoff - `cinema_grace_minutes` (clause 5.4); other events: cutoff;
- Kinopark tiers: exactly 60 min before the start is in the 10 % tier (`min_minutes_before`);
- an Ashyq denial at the door lifts the deadline, the no-refund rule and, by
  `decisions.ashyq_denial_lifts_started`, the "started" refusal (a visitor is usually refused at
  the start); a ticket printed at the box office is still refused (`ashyq_denial_lifts_printed`):
  the paper ticket stays valid at the organizer, so only a supervisor override may pay it back;
  the operator fee (5 %, min 250 ₸, at most the price) replaces the organizer's schedule;
- an exchange after a denial costs nothing; an ordinary exchange follows the refund rules
  (deadline and fee) because it is a refund plus a new purchase (`ordinary_exchange_allowed`);
  the quote's refund_tiyn is then the value credited to the new ticket, and no money goes back;
- a manual organizer (Inna concerts) never moves money at the desk: the desk records a request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, get_args

from app.core.money import percent_of
from app.core.workdays import money_back_by as _money_back_by
from app.core.workdays import zone

Kind = Literal["cinema", "event"]
Policy = Literal["standard", "no_refund", "manual"]
Tariff = Literal["adult", "child", "student"]
QuoteKind = Literal["refund", "exchange", "contact_request"]
LANGS = ("en", "ru", "kk")
OPERATOR = "operator"  # the fee schedule every organizer without its own uses
# A door denial for these reasons refused the visitor, but not for their status: no Ashyq proof.
NOT_PROOF_REASONS = frozenset({"capacity_full"})
# Why the central server refuses a refund a console reports (central.refund_check): stable codes,
# shared so the console can recognise them and show its own words for each.
SERVER_REFUSAL_CODES = (
    "unknown_order",
    "unknown_ticket",
    "duplicate_line",
    "already_refunded",
    "ticket_used",
    "price_mismatch",
    "amount_mismatch",
    "denial_unknown",
    "denial_not_proof",
    "bad_session",
    "deadline_passed",
    "started",
    "printed",
    "no_refund",
    "exchange_not_allowed",
    "manual",
    "not_manual",
    "unknown_organizer",
    "fee_mismatch",
)


class RulesError(ValueError):
    """Refund rules data that cannot be used; the message names the bad key."""


class UnknownOrganizerError(RulesError):
    """An organizer slug the rules do not list."""


@dataclass(frozen=True)
class FeeTier:
    code: str
    min_before: timedelta  # the tier applies when the refund is at least this long before start
    percent: Decimal
    text: str


@dataclass(frozen=True)
class OperatorFee:
    percent: Decimal
    min_tiyn: int


@dataclass(frozen=True)
class Decisions:
    ashyq_denial_lifts_started: bool
    ashyq_denial_lifts_printed: bool
    ordinary_exchange_allowed: bool


@dataclass(frozen=True)
class Organizer:
    slug: str
    names: Mapping[str, str]
    kind: Kind
    cutoff: timedelta | None  # None when the policy has no deadline (no_refund, manual)
    policy: Policy
    fees: str  # "operator" or a key of RefundRules.fee_schedules
    clause: str
    note: str | None = None

    @property
    def code(self) -> str:
        return self.slug.replace("-", "_")


@dataclass(frozen=True)
class RefundRules:
    version: int
    source: str
    operator_fee: OperatorFee
    cinema_grace: timedelta
    money_back_working_days: int
    decisions: Decisions
    fee_schedules: Mapping[str, tuple[FeeTier, ...]]
    organizers: Mapping[str, Organizer]

    def organizer(self, slug: str) -> Organizer:
        try:
            return self.organizers[slug]
        except KeyError:
            raise UnknownOrganizerError(
                f"unknown organizer {slug!r}; use 'event' for any other non-cinema event"
            ) from None

    def deadline(self, org: Organizer, start: datetime) -> datetime | None:
        """The last moment a standard refund may start, in UTC; None when there is none."""
        if org.cutoff is None:
            return None
        grace = self.cinema_grace if org.kind == "cinema" else timedelta(0)
        return start.astimezone(UTC) - org.cutoff - grace


@dataclass(frozen=True)
class Quote:
    """What the desk may do for one ticket: money kept, money returned, and why."""

    refundable: bool
    manual: bool
    fee_tiyn: int
    refund_tiyn: int  # for an exchange: the value credited to the new ticket
    deadline: datetime | None  # the organizer's standard deadline, in the venue's zone
    money_back_by: date | None
    rule: str
    rule_text: str
    reason: str
    reason_text: str
    note: str | None
    kind: QuoteKind = "refund"
    organizer: str = ""


# --- applying the rules ---------------------------------------------------------------------


def _aware_utc(moment: datetime, name: str) -> datetime:
    if not isinstance(moment, datetime):
        raise TypeError(f"{name} must be a datetime")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, e.g. 2026-11-21T19:30:00+05:00")
    return moment.astimezone(UTC)


def _check_price(price_tiyn: int) -> None:
    if isinstance(price_tiyn, bool) or not isinstance(price_tiyn, int):
        raise TypeError("price_tiyn must be an int number of tiyn")
    if price_tiyn < 0:
        raise ValueError(f"price must not be negative, got {price_tiyn} tiyn")


def _tenge(tiyn: int) -> str:
    whole, frac = divmod(tiyn, 100)
    return f"{whole} ₸" if not frac else f"{whole}.{frac:02d} ₸"


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"


def operator_fee_tiyn(rules: RefundRules, price_tiyn: int) -> int:
    """5 % of the face value, at least 250 ₸, never more than the ticket's price."""
    fee = max(percent_of(price_tiyn, rules.operator_fee.percent), rules.operator_fee.min_tiyn)
    return min(fee, price_tiyn)


def override_fee_tiyn(rules: RefundRules, lifted: Quote, price_tiyn: int) -> int:
    """The fee a supervisor's override withholds from a ticket the rules refuse.

    `lifted` is the ticket's quote made as if the door had refused the visitor (ashyq_denied):
    the override pays what a denial would pay, and where even that refuses (a ticket printed at
    the box office) the price less the operator fee. The desk and the central server both use it.
    """
    return lifted.fee_tiyn if lifted.refundable else operator_fee_tiyn(rules, price_tiyn)


def _operator_fee_text(rules: RefundRules) -> str:
    fee = rules.operator_fee
    return f"operator fee {fee.percent} %, at least {_tenge(fee.min_tiyn)}"


def _standard(
    rules: RefundRules, org: Organizer, lead: timedelta, price: int
) -> tuple[str, str, int]:
    """Rule code, rule text and fee of the organizer's own schedule for a refund `lead` early."""
    name = org.names["en"]
    if org.policy == "no_refund":
        return f"{org.code}_no_refund", f"{name}: no refunds (offer {org.clause})", 0
    if org.policy == "manual":
        text = f"{name}: refunds only through the contact centre (offer {org.clause})"
        return f"{org.code}_contact_centre", text, 0
    if org.fees != OPERATOR:
        tiers = rules.fee_schedules[org.fees]
        tier = next((t for t in tiers if lead >= t.min_before), tiers[-1])
        fee = min(percent_of(price, tier.percent), price)
        return f"{org.code}_{tier.code}", f"{name}: {tier.text}, fee {tier.percent} %", fee
    assert org.cutoff is not None  # parse_rules guarantees a cutoff for standard organizers
    grace = f" (+{_span(rules.cinema_grace)} clause 5.4)" if org.kind == "cinema" else ""
    text = f"{name}: until {_span(org.cutoff)}{grace} before the start, {_operator_fee_text(rules)}"
    return f"{org.code}_standard", text, operator_fee_tiyn(rules, price)


def _notes(org: Organizer, tariff: Tariff, *extra: str) -> str | None:
    notes = [*extra]
    if tariff != "adult":
        notes.append(
            f"{tariff.capitalize()} tariff: the visitor must show a school certificate or student "
            "card at the entrance; without it the operator may cancel the ticket before the "
            "start, keeping the service fee (offer 5.2)."
        )
    if org.note:
        notes.append(org.note)
    return " ".join(notes) or None


def quote(
    rules: RefundRules,
    *,
    organizer: str,
    price_tiyn: int,
    start: datetime,
    at: datetime,
    tz: str = "Asia/Almaty",
    printed: bool = False,
    ashyq_denied: bool = False,
    exchange: bool = False,
    tariff: Tariff = "adult",
) -> Quote:
    """The refund (or exchange) one ticket gets at moment `at`; fee + refund == price always."""
    org = rules.organizer(organizer)
    _check_price(price_tiyn)
    start_utc, at_utc, venue = _aware_utc(start, "start"), _aware_utc(at, "at"), zone(tz)
    if tariff not in get_args(Tariff):
        raise ValueError(f"unknown tariff {tariff!r}: expected adult, child or student")
    deadline = rules.deadline(org, start_utc)
    rule, rule_text, fee = _standard(rules, org, start_utc - at_utc, price_tiyn)
    name, denied, lift = org.names["en"], ashyq_denied, rules.decisions
    base = Quote(
        refundable=False, manual=False, fee_tiyn=0, refund_tiyn=0,
        deadline=deadline.astimezone(venue) if deadline else None, money_back_by=None,
        rule=rule, rule_text=rule_text, reason="", reason_text="", note=_notes(org, tariff),
        kind="exchange" if exchange else "refund", organizer=org.slug,
    )  # fmt: skip
    refused = None
    if printed and not (denied and lift.ashyq_denial_lifts_printed):
        refused = ("printed", "The ticket was printed at the organizer's box office (offer 3.1).")
    elif at_utc >= start_utc and not (denied and lift.ashyq_denial_lifts_started):
        refused = ("started", "The event has already started.")
    elif org.policy == "manual":
        text = f"{name}: no money moves at the desk; record a request for the contact centre."
        proof = "Attach the door's Ashyq denial as proof." if denied else ""
        return replace(base, manual=True, kind="contact_request", reason="manual",
                       reason_text=text, note=_notes(org, tariff, proof))  # fmt: skip
    elif denied and exchange:
        rule, fee = "ashyq_denial_exchange", 0
        rule_text = f"Refused at the door by Ashyq status: exchange within {name} without a fee"
    elif denied:
        rule, fee = "ashyq_denial_refund", operator_fee_tiyn(rules, price_tiyn)
        rule_text = f"Refused at the door by Ashyq status: no deadline, {_operator_fee_text(rules)}"
    elif org.policy == "no_refund":
        refused = ("no_refund", rule_text + ".")
    elif exchange and not lift.ordinary_exchange_allowed:
        refused = ("exchange_not_allowed", "Exchanges are made only after an Ashyq denial.")
    elif deadline is not None and at_utc > deadline:
        local = deadline.astimezone(venue)
        refused = ("deadline_passed", f"The deadline passed at {local:%d.%m.%Y %H:%M} ({tz}).")
    if refused:
        return replace(base, reason=refused[0], reason_text=refused[1])
    why = "after an Ashyq denial at the door" if denied else "before the deadline"
    text = f"{'Exchange' if exchange else 'Refund'} allowed {why}."
    return _pay(replace(base, rule=rule, rule_text=rule_text), rules, fee, price_tiyn, at, tz, text)


def _pay(
    base: Quote, rules: RefundRules, fee: int, price: int, at: datetime, tz: str, text: str
) -> Quote:
    """An allowed quote; the money-back date only when money actually goes back to a card."""
    refund = price - fee
    back = None
    if refund > 0 and base.kind == "refund":
        back = _money_back_by(at, tz, rules.money_back_working_days)
    return replace(base, refundable=True, fee_tiyn=fee, refund_tiyn=refund, money_back_by=back,
                   reason="ok", reason_text=text)  # fmt: skip


def cancel_for_missing_documents(
    rules: RefundRules,
    *,
    organizer: str,
    price_tiyn: int,
    start: datetime,
    at: datetime,
    tz: str = "Asia/Almaty",
    tariff: Tariff,
    printed: bool = False,
) -> Quote:
    """The operator cancels a child/student ticket whose holder lacks documents (offer 5.2).

    Only before the start, whatever the organizer's deadline or no-refund rule, because it is the
    operator's own right; the operator's service fee is withheld. A ticket already printed at the
    box office cannot be cancelled in the system.
    """
    if tariff == "adult":
        raise ValueError("only child and student tickets are cancelled for missing documents")
    base = quote(
        rules, organizer=organizer, price_tiyn=price_tiyn, start=start, at=at, tz=tz,
        tariff=tariff, printed=printed,
    )  # fmt: skip
    text = f"Operator cancels a {tariff} ticket without documents, {_operator_fee_text(rules)}"
    base = replace(base, rule="missing_documents_cancel", rule_text=text, deadline=None)
    if base.reason in ("printed", "started"):
        return base
    fee = operator_fee_tiyn(rules, price_tiyn)
    base = replace(base, manual=False, kind="refund")
    why = "Cancelled by the operator before the start: documents were not shown."
    return _pay(base, rules, fee, price_tiyn, at, tz, why)


CHILD_LATEST_END = time(22, 0)
NIGHT_ENDS = time(6, 0)  # an end between midnight and this is "after 22:00" of the evening before


def child_ticket_allowed(
    event_end: datetime, tz: str, *, latest: time = CHILD_LATEST_END, night_ends: time = NIGHT_ENDS
) -> bool:
    """False when the event ends after 22:00 local time (offer 5.2), including after midnight."""
    local = _aware_utc(event_end, "event_end").astimezone(zone(tz)).time()
    return night_ends <= local <= latest


# --- the rules as data ----------------------------------------------------------------------

_MISSING: Any = object()


class _Obj:
    """One JSON object being read, carrying its path so every error names the bad key."""

    def __init__(self, value: Any, path: str, allowed: set[str] | None = None) -> None:
        if not isinstance(value, Mapping):
            raise RulesError(f"{path}: expected an object, got {type(value).__name__}")
        extra = sorted(set(value) - allowed) if allowed is not None else []
        if extra:
            raise RulesError(f"{path}.{extra[0]}: unknown key")
        self.value, self.path = value, path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, default: Any = _MISSING) -> Any:
        if key not in self.value and default is _MISSING:
            raise RulesError(f"{self.at(key)}: missing")
        return self.value.get(key, default)

    def obj(self, key: str, allowed: set[str] | None = None, default: Any = _MISSING) -> _Obj:
        return _Obj(self.get(key, default), self.at(key), allowed)

    def int(self, key: str) -> int:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise RulesError(f"{self.at(key)}: expected a non-negative integer, got {value!r}")
        return value

    def minutes(self, key: str) -> timedelta:
        return timedelta(minutes=self.int(key))

    def bool(self, key: str) -> bool:
        value = self.get(key)
        if not isinstance(value, bool):
            raise RulesError(f"{self.at(key)}: expected true or false, got {value!r}")
        return value

    def text(self, key: str, default: Any = _MISSING) -> str:
        value = self.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise RulesError(f"{self.at(key)}: expected a non-empty string, got {value!r}")
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> Any:
        value = self.get(key)
        if value not in choices:
            raise RulesError(f"{self.at(key)}: expected one of {', '.join(choices)}, got {value!r}")
        return value

    def percent(self, key: str) -> Decimal:
        """A string or an integer in JSON, never a float, so 12.5 stays exactly 12.5."""
        value = self.get(key)
        try:
            ok = isinstance(value, str | int) and not isinstance(value, bool)
            percent = Decimal(value) if ok else Decimal("NaN")
        except InvalidOperation:
            percent = Decimal("NaN")
        if not percent.is_finite() or not 0 <= percent <= 100:
            raise RulesError(f'{self.at(key)}: expected a percent 0-100 as "5" or 5, got {value!r}')
        return percent


def _tiers(schedule: _Obj) -> tuple[FeeTier, ...]:
    items = schedule.get("tiers")
    if not isinstance(items, list) or not items:
        raise RulesError(f"{schedule.at('tiers')}: expected a non-empty list")
    tiers = []
    for i, item in enumerate(items):
        raw = _Obj(item, f"{schedule.at('tiers')}[{i}]", _TIER_KEYS)
        tiers.append(
            FeeTier(raw.text("code"), raw.minutes("min_minutes_before"), raw.percent("percent"),
                    raw.text("text"))
        )  # fmt: skip
    ordered = tuple(sorted(tiers, key=lambda t: t.min_before, reverse=True))
    if ordered[-1].min_before:
        raise RulesError(f"{schedule.at('tiers')}: one tier needs min_minutes_before 0")
    return ordered


_TIER_KEYS = {"code", "min_minutes_before", "percent", "text"}
_ORG_KEYS = {"names", "kind", "cutoff_minutes", "policy", "fees", "clause", "note"}


def _organizer(raw: _Obj, slug: str, schedules: Mapping[str, Any]) -> Organizer:
    names = raw.obj("names", set(LANGS))
    policy = raw.choice("policy", get_args(Policy))
    has_cutoff = policy == "standard" or raw.get("cutoff_minutes", None) is not None
    fees = raw.get("fees", OPERATOR)
    if fees != OPERATOR and fees not in schedules:
        raise RulesError(f"{raw.at('fees')}: no fee schedule {fees!r}")
    return Organizer(
        slug=slug,
        names={lang: names.text(lang) for lang in LANGS},
        kind=raw.choice("kind", get_args(Kind)),
        cutoff=raw.minutes("cutoff_minutes") if has_cutoff else None,
        policy=policy,
        fees=fees,
        clause=raw.text("clause"),
        note=raw.text("note") if raw.get("note", None) is not None else None,
    )


_TOP_KEYS = {"version", "source", "operator_fee", "cinema_grace_minutes", "money_back_working_days",
             "decisions", "fee_schedules", "organizers"}  # fmt: skip
_DECISIONS = [f.name for f in fields(Decisions)]


def parse_rules(data: Mapping[str, Any]) -> RefundRules:
    """Validated rules from refund_rules.json's shape; a RulesError names the first bad key."""
    top = _Obj(data, "", _TOP_KEYS)
    fee = top.obj("operator_fee", {"percent", "min_tiyn"})
    decisions = top.obj("decisions", set(_DECISIONS))
    raw_schedules = top.obj("fee_schedules", default={})
    schedules = {k: _tiers(raw_schedules.obj(k, {"tiers"})) for k in raw_schedules.value}
    raw_orgs = top.obj("organizers")
    organizers = {
        slug: _organizer(raw_orgs.obj(slug, _ORG_KEYS), slug, schedules) for slug in raw_orgs.value
    }
    if "event" not in organizers:
        raise RulesError("organizers.event: missing (the rule for any other non-cinema event)")
    return RefundRules(
        version=top.int("version"),
        source=top.text("source", "public offer"),
        operator_fee=OperatorFee(fee.percent("percent"), fee.int("min_tiyn")),
        cinema_grace=top.minutes("cinema_grace_minutes"),
        money_back_working_days=top.int("money_back_working_days"),
        decisions=Decisions(*(decisions.bool(k) for k in _DECISIONS)),
        fee_schedules=schedules,
        organizers=organizers,
    )


def _minutes(delta: timedelta | None) -> int | None:
    return None if delta is None else int(delta.total_seconds()) // 60


def rules_to_data(rules: RefundRules) -> dict[str, Any]:
    """The JSON shape of `rules`: parse_rules(rules_to_data(r)) == r."""
    organizers: dict[str, Any] = {}
    for slug, org in rules.organizers.items():
        organizers[slug] = {
            "names": {lang: org.names[lang] for lang in LANGS},
            "kind": org.kind,
            "cutoff_minutes": _minutes(org.cutoff),
            "policy": org.policy,
            "fees": org.fees,
            "clause": org.clause,
        } | ({"note": org.note} if org.note is not None else {})
    schedules = {
        name: {"tiers": [
            {"code": t.code, "min_minutes_before": _minutes(t.min_before),
             "percent": str(t.percent), "text": t.text} for t in tiers
        ]} for name, tiers in rules.fee_schedules.items()
    }  # fmt: skip
    return {
        "version": rules.version,
        "source": rules.source,
        "operator_fee": {
            "percent": str(rules.operator_fee.percent),
            "min_tiyn": rules.operator_fee.min_tiyn,
        },
        "cinema_grace_minutes": _minutes(rules.cinema_grace),
        "money_back_working_days": rules.money_back_working_days,
        "decisions": {k: getattr(rules.decisions, k) for k in _DECISIONS},
        "fee_schedules": schedules,
        "organizers": organizers,
    }
