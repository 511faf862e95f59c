"""Refund quotes by the public offer: what the cashier may pay back, keep, and tell the buyer."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.refunds import (
    Quote,
    RefundRules,
    RulesError,
    UnknownOrganizerError,
    cancel_for_missing_documents,
    child_ticket_allowed,
    parse_rules,
    quote,
    rules_to_data,
)
from app.resources import load_json

ALMATY = ZoneInfo("Asia/Almaty")
START = datetime(2026, 11, 21, 19, 30, tzinfo=ALMATY)  # a Saturday evening session
PRICE = 250_000  # 2 500 ₸
SECOND = timedelta(seconds=1)
MIN = timedelta(minutes=1)

# DOMAIN.md §5, row by row: slug -> (kind, cutoff in minutes, policy)
TABLE: dict[str, tuple[str, int | None, str]] = {
    "kinopark": ("cinema", 1, "standard"),
    **{s: ("cinema", 1, "standard") for s in
       ("cinemax", "chaplin", "lumiera", "prime", "atameken", "kino-plus")},
    "kinoforum-10": ("cinema", 15, "standard"),
    **{s: ("cinema", 30, "standard") for s in
       ("eurasia-cinema7", "arman-asia-park-astana", "arman-asia-park-almaty", "arman-3d-mart",
        "cinema-alem", "pixel-family", "pixel")},
    **{s: ("cinema", 60, "standard") for s in
       ("arsenal-3d", "aru", "galaxy", "dolby-atmos-festival", "arman-3d-dostyk",
        "illusion-maxima", "kinoman", "shagala")},
    "artishock": ("event", 120, "standard"),
    "nobel-festival": ("event", 72 * 60, "standard"),
    "event": ("event", 48 * 60, "standard"),
    **{s: ("cinema", None, "no_refund") for s in
       ("keruen", "smart-cinema", "sun-cinema", "kinoalem")},
    "kiyal-alemi": ("event", None, "no_refund"),
    "inna-concerts": ("event", None, "manual"),
}  # fmt: skip
STANDARD = [slug for slug, (_, _, policy) in TABLE.items() if policy == "standard"]
OPERATOR_FEE_ORGS = [slug for slug in STANDARD if slug != "kinopark"]


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    loaded: dict[str, Any] = load_json("policies", "refund_rules.json")
    return loaded


@pytest.fixture(scope="module")
def rules(data: dict[str, Any]) -> RefundRules:
    return parse_rules(data)


def _expected_deadline(slug: str) -> datetime:
    kind, cutoff, _ = TABLE[slug]
    assert cutoff is not None
    grace = timedelta(minutes=2) if kind == "cinema" else timedelta(0)
    return START - timedelta(minutes=cutoff) - grace


def q(rules: RefundRules, organizer: str = "cinemax", **kw: Any) -> Quote:
    kw.setdefault("price_tiyn", PRICE)
    kw.setdefault("start", START)
    kw.setdefault("at", START - timedelta(days=1))
    return quote(rules, organizer=organizer, **kw)


# --- the table ------------------------------------------------------------------------------


def test_every_organizer_of_the_offer_is_listed_with_its_kind_cutoff_and_policy(
    rules: RefundRules,
) -> None:
    assert set(rules.organizers) == set(TABLE)
    for slug, (kind, cutoff, policy) in TABLE.items():
        org = rules.organizers[slug]
        assert (org.kind, org.policy) == (kind, policy), slug
        assert org.cutoff == (None if cutoff is None else timedelta(minutes=cutoff)), slug
        assert all(org.names[lang].strip() for lang in ("en", "ru", "kk")), slug


@pytest.mark.parametrize("slug", STANDARD)
def test_refund_allowed_exactly_at_the_deadline_refused_a_second_later(
    rules: RefundRules, slug: str
) -> None:
    deadline = _expected_deadline(slug)
    at_deadline = q(rules, slug, at=deadline)
    assert at_deadline.refundable and at_deadline.reason == "ok"
    assert at_deadline.deadline == deadline
    assert at_deadline.fee_tiyn + at_deadline.refund_tiyn == PRICE
    late = q(rules, slug, at=deadline + SECOND)
    assert not late.refundable and late.reason == "deadline_passed"
    assert (late.fee_tiyn, late.refund_tiyn, late.money_back_by) == (0, 0, None)


@pytest.mark.parametrize("slug", STANDARD)
def test_the_same_deadline_when_moments_arrive_in_utc(rules: RefundRules, slug: str) -> None:
    deadline = _expected_deadline(slug).astimezone(UTC)
    start = START.astimezone(UTC)
    assert q(rules, slug, start=start, at=deadline).refundable
    refused = q(rules, slug, start=start, at=deadline + SECOND)
    assert refused.reason == "deadline_passed"
    assert refused.deadline is not None and refused.deadline.utcoffset() == timedelta(hours=5)


def test_deadline_is_shown_in_the_venues_zone(rules: RefundRules) -> None:
    result = q(rules, "kinoforum-10", start=START.astimezone(UTC), tz="Asia/Almaty")
    assert result.deadline is not None
    assert (result.deadline.hour, result.deadline.minute) == (19, 13)  # 19:30 - 15 - 2


def test_a_48_hour_cutoff_is_real_hours_across_the_2024_clock_change(rules: RefundRules) -> None:
    # Almaty moved from UTC+6 to UTC+5 at midnight on 1 March 2024: 48 h before 2 March 19:00
    # (+05) is 20:00 (+06) on 29 February, not 19:00 as wall-clock arithmetic would say.
    start = datetime(2024, 3, 2, 19, 0, tzinfo=ALMATY)
    deadline = datetime(2024, 2, 29, 20, 0, tzinfo=ALMATY)
    assert start.astimezone(UTC) - deadline.astimezone(UTC) == timedelta(hours=48)
    result = q(rules, "event", start=start, at=deadline)
    assert result.refundable and result.deadline == deadline
    assert q(rules, "event", start=start, at=deadline + SECOND).reason == "deadline_passed"


@pytest.mark.parametrize("slug", [s for s, row in TABLE.items() if row[2] == "no_refund"])
def test_no_refund_organizers_refuse_even_days_before(rules: RefundRules, slug: str) -> None:
    result = q(rules, slug, at=START - timedelta(days=30))
    assert not result.refundable and result.reason == "no_refund"
    assert result.rule.endswith("_no_refund") and result.deadline is None


def test_kiyal_alemi_tickets_carry_their_validity_note(rules: RefundRules) -> None:
    note = q(rules, "kiyal-alemi").note
    assert note is not None and "30 September 2023" in note


# --- fees -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "percent", "rule"),
    [
        (timedelta(days=2), 10, "kinopark_over_1h"),
        (timedelta(minutes=61), 10, "kinopark_over_1h"),
        (timedelta(minutes=60), 10, "kinopark_over_1h"),  # exactly 1 h: the lower fee
        (timedelta(minutes=60) - SECOND, 20, "kinopark_under_1h"),
        (timedelta(minutes=3), 20, "kinopark_under_1h"),  # the last allowed moment
    ],
)
def test_kinopark_tiers_at_the_one_hour_boundary(
    rules: RefundRules, before: timedelta, percent: int, rule: str
) -> None:
    result = q(rules, "kinopark", at=START - before)
    assert result.refundable
    assert result.fee_tiyn == PRICE * percent // 100
    assert result.refund_tiyn == PRICE - result.fee_tiyn
    assert result.rule == rule and f"{percent} %" in result.rule_text


def test_kinopark_has_no_250_tenge_minimum(rules: RefundRules) -> None:
    assert q(rules, "kinopark", price_tiyn=100_000).fee_tiyn == 10_000  # 10 % of 1 000 ₸


@pytest.mark.parametrize(
    ("price", "fee"),
    [
        (100_000, 25_000),  # 5 % of 1 000 ₸ is 50 ₸: the 250 ₸ minimum applies
        (500_000, 25_000),  # 5 % of 5 000 ₸ is exactly 250 ₸
        (1_000_000, 50_000),  # 5 % of 10 000 ₸
        (678_990, 33_950),  # 339,495 ₸ rounds half up
        (10_000, 10_000),  # a 100 ₸ ticket: the fee never exceeds the price
        (0, 0),  # an invitation
    ],
)
@pytest.mark.parametrize("slug", ["cinemax", "event", "nobel-festival"])
def test_operator_fee_five_percent_minimum_250_capped_at_price(
    rules: RefundRules, slug: str, price: int, fee: int
) -> None:
    result = q(rules, slug, price_tiyn=price, at=START - timedelta(days=5))
    assert result.refundable
    assert (result.fee_tiyn, result.refund_tiyn) == (fee, price - fee)


def test_nothing_to_return_means_no_money_back_date(rules: RefundRules) -> None:
    assert q(rules, price_tiyn=10_000).money_back_by is None
    assert q(rules, price_tiyn=100_000).money_back_by is not None


def test_money_back_date_from_a_friday_evening_refund(rules: RefundRules) -> None:
    friday_evening = datetime(2026, 11, 20, 21, 30, tzinfo=ALMATY)
    result = q(rules, "event", start=datetime(2026, 12, 5, 19, 0, tzinfo=ALMATY), at=friday_evening)
    assert result.money_back_by == date(2026, 11, 25)  # Mon, Tue, Wed


# --- refusals and overrides -----------------------------------------------------------------


def test_printed_at_the_box_office_is_refused_even_after_an_ashyq_denial(
    rules: RefundRules,
) -> None:
    assert q(rules, printed=True).reason == "printed"
    denied = q(rules, printed=True, ashyq_denied=True)
    assert not denied.refundable and denied.reason == "printed"


def test_a_started_event_is_refused(rules: RefundRules) -> None:
    for at in (START, START + timedelta(minutes=5)):
        result = q(rules, "event", at=at)
        assert not result.refundable and result.reason == "started"


def test_ashyq_denial_at_the_door_lifts_started_and_deadline_with_the_operator_fee(
    rules: RefundRules,
) -> None:
    for at in (START - timedelta(minutes=2), START, START + timedelta(minutes=10)):
        result = q(rules, "kinopark", at=at, ashyq_denied=True)
        assert result.refundable and result.reason == "ok"
        assert result.rule == "ashyq_denial_refund"
        assert result.fee_tiyn == 25_000  # operator's 250 ₸, not Kinopark's 20 %
        assert result.money_back_by is not None


def test_ashyq_denial_lifts_the_no_refund_rule(rules: RefundRules) -> None:
    result = q(rules, "keruen", at=START, ashyq_denied=True)
    assert result.refundable
    assert (result.fee_tiyn, result.refund_tiyn) == (25_000, PRICE - 25_000)


def test_exchange_after_an_ashyq_denial_costs_nothing(rules: RefundRules) -> None:
    for slug in ("kinopark", "keruen", "event"):
        result = q(rules, slug, at=START, ashyq_denied=True, exchange=True)
        assert result.refundable and result.kind == "exchange"
        assert (result.fee_tiyn, result.refund_tiyn) == (0, PRICE)
        assert result.money_back_by is None  # the value moves to the new ticket
        assert result.rule == "ashyq_denial_exchange"


def test_ordinary_exchange_follows_the_refund_deadline_and_fee(rules: RefundRules) -> None:
    early = q(rules, "kinopark", exchange=True, at=START - timedelta(hours=2))
    assert early.refundable and early.kind == "exchange"
    assert (early.fee_tiyn, early.refund_tiyn, early.money_back_by) == (25_000, 225_000, None)
    late = q(rules, "kinopark", exchange=True, at=_expected_deadline("kinopark") + SECOND)
    assert late.reason == "deadline_passed"
    assert q(rules, "keruen", exchange=True).reason == "no_refund"


def test_inna_concerts_record_a_request_and_move_no_money(rules: RefundRules) -> None:
    result = q(rules, "inna-concerts")
    assert result.manual and not result.refundable
    assert (result.fee_tiyn, result.refund_tiyn, result.money_back_by) == (0, 0, None)
    assert result.kind == "contact_request" and result.reason == "manual"
    denied = q(rules, "inna-concerts", at=START, ashyq_denied=True)
    assert denied.manual and denied.note is not None and "Ashyq denial" in denied.note
    assert q(rules, "inna-concerts", at=START).reason == "started"


def test_decisions_are_data(rules: RefundRules) -> None:
    lenient = replace(rules, decisions=replace(rules.decisions, ashyq_denial_lifts_printed=True))
    assert q(lenient, printed=True, ashyq_denied=True).refundable
    strict = replace(
        rules,
        decisions=replace(
            rules.decisions, ashyq_denial_lifts_started=False, ordinary_exchange_allowed=False
        ),
    )
    assert q(strict, at=START, ashyq_denied=True).reason == "started"
    assert q(strict, exchange=True).reason == "exchange_not_allowed"
    assert q(strict, exchange=True, ashyq_denied=True).refundable


# --- tariffs and children -------------------------------------------------------------------


@pytest.mark.parametrize("tariff", ["child", "student"])
def test_child_and_student_quotes_warn_about_documents(rules: RefundRules, tariff: str) -> None:
    note = q(rules, tariff=tariff).note
    assert note is not None and "certificate" in note and "cancel" in note
    assert q(rules, tariff="adult").note is None


def test_operator_cancels_for_missing_documents_keeping_its_fee(rules: RefundRules) -> None:
    # Before the start, whatever the organizer's deadline or no-refund rule.
    for slug in ("kinopark", "keruen", "cinemax"):
        result = cancel_for_missing_documents(
            rules, organizer=slug, price_tiyn=PRICE, start=START, at=START - MIN, tariff="child"
        )
        assert result.refundable and result.rule == "missing_documents_cancel"
        assert (result.fee_tiyn, result.refund_tiyn) == (25_000, 225_000)
    started = cancel_for_missing_documents(
        rules, organizer="cinemax", price_tiyn=PRICE, start=START, at=START, tariff="student"
    )
    assert not started.refundable and started.reason == "started"
    with pytest.raises(ValueError, match="child and student"):
        cancel_for_missing_documents(
            rules, organizer="cinemax", price_tiyn=PRICE, start=START, at=START, tariff="adult"
        )


@pytest.mark.parametrize(
    ("end", "allowed"),
    [
        (datetime(2026, 11, 21, 21, 59, tzinfo=ALMATY), True),
        (datetime(2026, 11, 21, 22, 0, tzinfo=ALMATY), True),
        (datetime(2026, 11, 21, 22, 0, 1, tzinfo=ALMATY), False),
        (datetime(2026, 11, 22, 0, 30, tzinfo=ALMATY), False),  # after midnight is later still
        (datetime(2026, 11, 21, 17, 30, tzinfo=UTC), False),  # 22:30 in Almaty
        (datetime(2026, 11, 21, 12, 0, tzinfo=ALMATY), True),
    ],
)
def test_child_tickets_only_for_events_ending_by_22(end: datetime, allowed: bool) -> None:
    assert child_ticket_allowed(end, "Asia/Almaty") is allowed


# --- bad input ------------------------------------------------------------------------------


def test_naive_moments_unknown_organizers_and_bad_prices_are_refused(rules: RefundRules) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        q(rules, at=datetime(2026, 11, 21, 12, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        q(rules, start=datetime(2026, 11, 21, 19, 30))
    with pytest.raises(UnknownOrganizerError, match="'cinema-park'"):
        q(rules, "cinema-park")
    with pytest.raises(ValueError, match="time zone"):
        q(rules, tz="Mars/Olympus")
    with pytest.raises(ValueError, match="negative"):
        q(rules, price_tiyn=-1)


# --- the rules as data ----------------------------------------------------------------------


def test_json_round_trip(data: dict[str, Any], rules: RefundRules) -> None:
    assert rules_to_data(rules) == data
    assert parse_rules(json.loads(json.dumps(rules_to_data(rules)))) == rules


def _broken(data: dict[str, Any], path: list[str], value: Any = ...) -> dict[str, Any]:
    broken = copy.deepcopy(data)
    target = broken
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return broken


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["operator_fee", "percent"], 5.0, r"operator_fee\.percent"),
        (["operator_fee", "percent"], "five", r"operator_fee\.percent"),
        (["operator_fee", "min_tiyn"], -1, r"operator_fee\.min_tiyn"),
        (["organizers", "cinemax", "cutoff_minutes"], None, r"organizers\.cinemax\.cutoff_minutes"),
        (["organizers", "cinemax", "kind"], "circus", r"organizers\.cinemax\.kind"),
        (["organizers", "cinemax", "fees"], "chaplin", r"organizers\.cinemax\.fees"),
        (["organizers", "cinemax", "names", "kk"], ..., r"organizers\.cinemax\.names\.kk"),
        (["organizers", "cinemax", "refund"], "yes", r"organizers\.cinemax\.refund: unknown"),
        (["organizers", "event"], ..., r"organizers\.event"),
        (["fee_schedules", "kinopark", "tiers", 1, "min_minutes_before"], 30, r"kinopark\.tiers"),
        (["decisions", "ordinary_exchange_allowed"], "yes", r"decisions\.ordinary_exchange"),
        (["cinema_grace_minutes"], ..., r"cinema_grace_minutes: missing"),
        (["organizers"], [], r"organizers: expected an object"),
    ],
)
def test_broken_rules_name_the_bad_key(
    data: dict[str, Any], path: list[Any], value: Any, message: str
) -> None:
    with pytest.raises(RulesError, match=message):
        parse_rules(_broken(data, path, value))


# --- properties -----------------------------------------------------------------------------


@given(
    slug=st.sampled_from(sorted(TABLE)),
    price=st.integers(min_value=0, max_value=10**9),
    offset=st.integers(min_value=-5 * 86_400, max_value=5 * 86_400),
    printed=st.booleans(),
    denied=st.booleans(),
    exchange=st.booleans(),
    tariff=st.sampled_from(["adult", "child", "student"]),
    tz=st.sampled_from(["Asia/Almaty", "Asia/Aqtobe", "UTC"]),
)
def test_fee_and_refund_always_add_up_to_the_price(
    rules: RefundRules, slug: str, price: int, offset: int, printed: bool, denied: bool,
    exchange: bool, tariff: Any, tz: str,
) -> None:  # fmt: skip
    at = START + timedelta(seconds=offset)
    result = quote(
        rules, organizer=slug, price_tiyn=price, start=START, at=at, tz=tz, printed=printed,
        ashyq_denied=denied, exchange=exchange, tariff=tariff,
    )  # fmt: skip
    assert 0 <= result.fee_tiyn <= price and result.refund_tiyn >= 0
    if result.refundable:
        assert result.fee_tiyn + result.refund_tiyn == price
        assert not printed and result.reason == "ok"
        if not denied:
            assert result.deadline is not None and at <= result.deadline < START
    else:
        assert (result.fee_tiyn, result.refund_tiyn, result.money_back_by) == (0, 0, None)
        assert result.reason != "ok" and result.reason_text
    assert result.rule and result.rule_text


@given(
    first=st.integers(min_value=3 * 60, max_value=3 * 86_400),
    second=st.integers(min_value=3 * 60, max_value=3 * 86_400),
    price=st.integers(min_value=0, max_value=10**8),
)
def test_kinopark_fee_never_falls_as_the_start_approaches(
    rules: RefundRules, first: int, second: int, price: int
) -> None:
    early, late = sorted((first, second), reverse=True)
    fee_early = q(rules, "kinopark", price_tiyn=price, at=START - timedelta(seconds=early))
    fee_late = q(rules, "kinopark", price_tiyn=price, at=START - timedelta(seconds=late))
    assert fee_early.fee_tiyn <= fee_late.fee_tiyn
