"""Admission verdicts: the table of DOMAIN.md section 4 as the shipped policy, and the rules around it.

The expected table is written out here by hand from DOMAIN.md, not read from the JSON, so a wrong
edit of the shipped file fails these tests.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.admission import (
    AdmissionPolicy,
    Decision,
    OverrideError,
    PolicyError,
    decide,
    group_decision,
    override,
    parse_policy,
    policy_to_data,
    weekend_rule_applies,
)
from app.core.statuses import Direction, Status, StatusSource, VenueCategory, Verdict

POLICY_FILE = Path(__file__).parents[2] / "resources/policies/admission.json"
SHIPPED: dict[str, Any] = json.loads(POLICY_FILE.read_text(encoding="utf-8"))
POLICY = parse_policy(SHIPPED)

ALMATY = ZoneInfo("Asia/Almaty")
WEDNESDAY = datetime(2024, 5, 15, 12, 0, tzinfo=ALMATY)
SATURDAY = datetime(2024, 5, 18, 12, 0, tzinfo=ALMATY)
SUNDAY = datetime(2024, 5, 19, 21, 0, tzinfo=ALMATY)
NOTE_500M = "only within 500 m of isolation address"

A, D, C = Verdict.ADMIT, Verdict.DENY, Verdict.NEEDS_CHECK
G, B, Y, R, N = Status.GREEN, Status.BLUE, Status.YELLOW, Status.RED, Status.NOT_FOUND
NF = ("not_found", D)  # "deny, a supervisor may override" in every column

# (reason, verdict) per status, per column, from DOMAIN.md section 4.
WEEKDAY_TABLE: dict[VenueCategory, dict[Status, tuple[str, Verdict]]] = {
    VenueCategory.GENERAL: {
        G: ("green", A),
        B: ("blue", A),
        Y: ("yellow_contact", D),
        R: ("red_isolation", D),
        N: NF,
    },
    VenueCategory.CINEMA: {
        G: ("green", A),
        B: ("blue", A),
        Y: ("yellow_contact", D),
        R: ("red_isolation", D),
        N: NF,
    },
    VenueCategory.PCR_REQUIRED: {
        G: ("green", A),
        B: ("pcr_certificate_required", C),
        Y: ("yellow_contact", D),
        R: ("red_isolation", D),
        N: NF,
    },
    VenueCategory.ESSENTIAL: {
        G: ("green", A),
        B: ("blue", A),
        Y: ("yellow_essential_shop", A),
        R: ("red_isolation", D),
        N: NF,
    },
}
CINEMA_WEEKEND = {
    G: ("green", A),
    B: ("blue_cinema_weekend", D),
    Y: ("yellow_contact", D),
    R: ("red_isolation", D),
    N: NF,
}


def expected(category: VenueCategory, status: Status, weekend: bool) -> tuple[str, Verdict]:
    if weekend and category is VenueCategory.CINEMA:
        return CINEMA_WEEKEND[status]
    return WEEKDAY_TABLE[category][status]


def at_venue(status: Status, category: VenueCategory, at: datetime, **kw: Any) -> Decision:
    return decide(status=status, category=category, at=at, tz="Asia/Almaty", policy=POLICY, **kw)


# --- the table ------------------------------------------------------------------------------


@pytest.mark.parametrize("at", [WEDNESDAY, SATURDAY, SUNDAY], ids=["wed", "sat", "sun"])
@pytest.mark.parametrize("category", list(VenueCategory))
@pytest.mark.parametrize("status", list(Status))
def test_every_cell_of_the_table(status: Status, category: VenueCategory, at: datetime) -> None:
    decision = at_venue(status, category, at)
    reason, verdict = expected(category, status, weekend=at is not WEDNESDAY)
    assert (decision.reason, decision.verdict) == (reason, verdict)
    assert decision.effective_status is status
    assert decision.overridable is (status is N)
    assert decision.needs == ("pcr_certificate" if verdict is C else None)
    assert decision.note == (NOTE_500M if reason == "yellow_essential_shop" else None)
    assert decision.message


def test_only_not_found_is_overridable_and_says_so() -> None:
    decision = at_venue(N, VenueCategory.GENERAL, WEDNESDAY)
    assert decision.message.endswith("A supervisor may override.")
    assert "override" not in at_venue(R, VenueCategory.GENERAL, WEDNESDAY).message


# --- PCR certificate --------------------------------------------------------------------------


def test_blue_at_pcr_venue_waits_for_the_certificate_then_enters() -> None:
    first = at_venue(B, VenueCategory.PCR_REQUIRED, WEDNESDAY)
    assert (first.verdict, first.needs) == (C, "pcr_certificate")
    confirmed = at_venue(B, VenueCategory.PCR_REQUIRED, WEDNESDAY, pcr_shown=True)
    assert (confirmed.verdict, confirmed.reason) == (A, "pcr_certificate_shown")
    assert confirmed.needs is None


@pytest.mark.parametrize(
    ("status", "category", "at", "reason"),
    [
        (B, VenueCategory.CINEMA, SATURDAY, "blue_cinema_weekend"),
        (Y, VenueCategory.PCR_REQUIRED, WEDNESDAY, "yellow_contact"),
        (R, VenueCategory.PCR_REQUIRED, WEDNESDAY, "red_isolation"),
        (N, VenueCategory.PCR_REQUIRED, WEDNESDAY, "not_found"),
    ],
)
def test_a_pcr_certificate_opens_only_the_blue_pcr_cell(
    status: Status, category: VenueCategory, at: datetime, reason: str
) -> None:
    decision = at_venue(status, category, at, pcr_shown=True)
    assert (decision.verdict, decision.reason) == (D, reason)


# --- stale statuses -------------------------------------------------------------------------

WINDOW = timedelta(minutes=15)


def test_a_cached_status_exactly_15_minutes_old_is_still_trusted() -> None:
    decision = at_venue(
        G, VenueCategory.GENERAL, WEDNESDAY, source=StatusSource.CACHE, status_age=WINDOW
    )
    assert (decision.verdict, decision.reason, decision.effective_status) == (A, "green", G)


def test_a_cached_status_one_second_older_counts_as_not_found_offline() -> None:
    decision = at_venue(
        G,
        VenueCategory.GENERAL,
        WEDNESDAY,
        source=StatusSource.CACHE,
        status_age=WINDOW + timedelta(seconds=1),
    )
    assert (decision.verdict, decision.reason, decision.effective_status) == (D, "stale_offline", N)
    assert decision.overridable
    assert "15 min" in decision.message


@pytest.mark.parametrize("age", [None, timedelta(seconds=-5)], ids=["unknown", "negative"])
def test_a_cached_status_of_unprovable_age_is_stale(age: timedelta | None) -> None:
    decision = at_venue(
        G, VenueCategory.GENERAL, WEDNESDAY, source=StatusSource.CACHE, status_age=age
    )
    assert decision.reason == "stale_offline"


@pytest.mark.parametrize("source", [StatusSource.CENTRAL, StatusSource.FALLBACK])
def test_a_live_answer_is_fresh_whatever_its_age(source: StatusSource) -> None:
    decision = at_venue(
        B, VenueCategory.GENERAL, WEDNESDAY, source=source, status_age=timedelta(hours=3)
    )
    assert (decision.verdict, decision.reason) == (A, "blue")


def test_an_old_visitor_checkin_is_not_trusted_either() -> None:
    decision = at_venue(
        G,
        VenueCategory.GENERAL,
        WEDNESDAY,
        source=StatusSource.VISITOR,
        status_age=timedelta(hours=1),
    )
    assert (decision.verdict, decision.reason) == (D, "stale_checkin")


def test_no_answer_follows_the_not_found_row() -> None:
    decision = at_venue(N, VenueCategory.ESSENTIAL, WEDNESDAY, source=StatusSource.NONE)
    assert (decision.verdict, decision.reason, decision.overridable) == (D, "no_answer", True)


def test_a_venue_that_allows_stale_statuses_uses_the_cached_colour() -> None:
    lenient = parse_policy({**SHIPPED, "allow_stale": True})
    decision = decide(
        status=G,
        category=VenueCategory.GENERAL,
        at=WEDNESDAY,
        tz="Asia/Almaty",
        policy=lenient,
        source=StatusSource.CACHE,
        status_age=timedelta(hours=5),
    )
    assert (decision.verdict, decision.reason) == (A, "green")


def test_stale_cached_yellow_at_a_shop_is_denied_rather_than_admitted() -> None:
    decision = at_venue(
        Y,
        VenueCategory.ESSENTIAL,
        WEDNESDAY,
        source=StatusSource.CACHE,
        status_age=timedelta(minutes=16),
    )
    assert (decision.verdict, decision.reason) == (D, "stale_offline")


def test_a_stale_red_cannot_be_overridden_to_an_entry() -> None:
    decision = at_venue(
        R,
        VenueCategory.GENERAL,
        WEDNESDAY,
        source=StatusSource.CACHE,
        status_age=timedelta(hours=1),
    )
    assert (decision.verdict, decision.reason, decision.overridable) == (D, "stale_offline", False)
    with pytest.raises(OverrideError):
        override(decision, by_supervisor=True)


# --- capacity and exits ---------------------------------------------------------------------


def test_one_place_left_admits() -> None:
    decision = at_venue(G, VenueCategory.GENERAL, WEDNESDAY, occupancy=99, capacity=100)
    assert decision.verdict is A


def test_at_the_limit_new_entries_are_denied() -> None:
    decision = at_venue(G, VenueCategory.GENERAL, WEDNESDAY, occupancy=100, capacity=100)
    assert (decision.verdict, decision.reason, decision.overridable) == (D, "capacity_full", False)


def test_no_capacity_means_no_limit() -> None:
    decision = at_venue(G, VenueCategory.GENERAL, WEDNESDAY, occupancy=10**6, capacity=None)
    assert decision.verdict is A


def test_a_full_venue_does_not_start_a_pcr_check() -> None:
    decision = at_venue(B, VenueCategory.PCR_REQUIRED, WEDNESDAY, occupancy=5, capacity=5)
    assert decision.reason == "capacity_full"


def test_a_status_denial_keeps_its_reason_when_full_but_loses_the_override() -> None:
    red = at_venue(R, VenueCategory.GENERAL, WEDNESDAY, occupancy=5, capacity=5)
    assert red.reason == "red_isolation"
    unknown = at_venue(N, VenueCategory.GENERAL, WEDNESDAY, occupancy=5, capacity=5)
    assert (unknown.reason, unknown.overridable) == ("not_found", False)


def test_a_capacity_without_an_occupancy_is_a_caller_error() -> None:
    with pytest.raises(ValueError, match="occupancy"):
        at_venue(G, VenueCategory.GENERAL, WEDNESDAY, capacity=10)


@pytest.mark.parametrize("category", list(VenueCategory))
@pytest.mark.parametrize("status", list(Status))
def test_exits_are_always_allowed(status: Status, category: VenueCategory) -> None:
    decision = at_venue(
        status,
        category,
        SATURDAY,
        direction=Direction.EXIT,
        source=StatusSource.CACHE,
        status_age=timedelta(days=1),
        occupancy=500,
        capacity=10,
    )
    assert (decision.verdict, decision.reason) == (A, "exit")


# --- time zones -----------------------------------------------------------------------------


def blue_at_cinema(at: datetime, tz: str = "Asia/Almaty") -> Verdict:
    return decide(status=B, category=VenueCategory.CINEMA, at=at, tz=tz, policy=POLICY).verdict


def test_friday_evening_in_utc_is_already_saturday_in_almaty() -> None:
    friday_utc = datetime(2024, 5, 17, 20, 0, tzinfo=UTC)  # 01:00 Saturday in Almaty (UTC+5)
    assert blue_at_cinema(friday_utc) is D


def test_almaty_weekend_starts_an_hour_later_in_utc_since_march_2024() -> None:
    # Before 2024-03-01 Almaty was UTC+6: Friday 18:30 UTC was 00:30 Saturday.
    assert blue_at_cinema(datetime(2024, 2, 23, 18, 30, tzinfo=UTC)) is D
    # Since then it is UTC+5: the same UTC time is 23:30 Friday, and Saturday begins at 19:00 UTC.
    assert blue_at_cinema(datetime(2024, 3, 8, 18, 30, tzinfo=UTC)) is A
    assert blue_at_cinema(datetime(2024, 3, 8, 18, 59, 59, tzinfo=UTC)) is A
    assert blue_at_cinema(datetime(2024, 3, 8, 19, 0, tzinfo=UTC)) is D


def test_monday_begins_at_local_midnight_in_almaty() -> None:
    assert blue_at_cinema(datetime(2024, 3, 10, 18, 59, 59, tzinfo=UTC)) is D  # Sunday 23:59:59
    assert blue_at_cinema(datetime(2024, 3, 10, 19, 0, tzinfo=UTC)) is A  # Monday 00:00


def test_the_west_of_the_country_has_its_own_weekday() -> None:
    moment = datetime(2024, 2, 23, 18, 30, tzinfo=UTC)
    assert blue_at_cinema(moment, "Asia/Almaty") is D  # 00:30 Saturday (UTC+6)
    assert blue_at_cinema(moment, "Asia/Aqtobe") is A  # 23:30 Friday (UTC+5)


def test_the_offset_of_the_given_moment_does_not_matter() -> None:
    moscow = timezone(timedelta(hours=3))
    assert blue_at_cinema(datetime(2024, 5, 17, 23, 0, tzinfo=moscow)) is D  # 01:00 Sat Almaty


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        blue_at_cinema(datetime(2024, 5, 18, 12, 0))


def test_an_unknown_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="Mars/Olympus"):
        blue_at_cinema(SATURDAY, "Mars/Olympus")


def test_the_zone_is_checked_even_where_no_weekend_rule_applies() -> None:
    with pytest.raises(ValueError, match="time zone"):
        decide(
            status=G, category=VenueCategory.GENERAL, at=SATURDAY, tz="Asia/Almaty ", policy=POLICY
        )


def test_the_weekend_rule_is_data() -> None:
    data = copy.deepcopy(SHIPPED)
    data["weekend_categories"] = ["cinema", "general"]
    data["weekend_days"] = ["sunday"]
    policy = parse_policy(data)
    general = VenueCategory.GENERAL
    assert weekend_rule_applies(category=general, at=SUNDAY, tz="Asia/Almaty", policy=policy)
    assert not weekend_rule_applies(category=general, at=SATURDAY, tz="Asia/Almaty", policy=policy)
    assert not weekend_rule_applies(
        category=VenueCategory.ESSENTIAL, at=SUNDAY, tz="Asia/Almaty", policy=policy
    )


# --- supervisor override --------------------------------------------------------------------


def test_a_supervisor_admits_a_visitor_without_a_status() -> None:
    admitted = override(at_venue(N, VenueCategory.CINEMA, SATURDAY), by_supervisor=True)
    assert (admitted.verdict, admitted.reason, admitted.effective_status) == (
        A,
        "supervisor_override",
        N,
    )
    assert not admitted.overridable


def test_door_staff_cannot_override() -> None:
    with pytest.raises(OverrideError) as caught:
        override(at_venue(N, VenueCategory.GENERAL, WEDNESDAY), by_supervisor=False)
    assert caught.value.code == "supervisor_required"


@pytest.mark.parametrize(
    ("status", "category"),
    [
        (R, VenueCategory.GENERAL),
        (Y, VenueCategory.GENERAL),
        (G, VenueCategory.GENERAL),
        (B, VenueCategory.PCR_REQUIRED),
    ],
)
def test_red_stays_red(status: Status, category: VenueCategory) -> None:
    with pytest.raises(OverrideError) as caught:
        override(at_venue(status, category, WEDNESDAY), by_supervisor=True)
    assert caught.value.code == "not_overridable"


# --- groups ---------------------------------------------------------------------------------


def member(verdict: Verdict) -> Decision:
    return Decision(verdict, "test", "test")


verdict_lists = st.lists(st.sampled_from(list(Verdict)), min_size=1, max_size=12)


@given(verdict_lists)
def test_mode_all_admits_iff_every_member_is_admitted(verdicts: list[Verdict]) -> None:
    group = group_decision([member(v) for v in verdicts], "all")
    assert (group.verdict is A) == all(v is A for v in verdicts)
    assert (group.verdict is D) == any(v is D for v in verdicts)
    assert group.entering in (0, len(verdicts))
    assert group.admitted + group.denied + group.pending == len(verdicts)


@given(verdict_lists)
def test_per_person_lets_in_exactly_the_admitted_members(verdicts: list[Verdict]) -> None:
    group = group_decision([member(v) for v in verdicts], "per_person")
    assert group.entering == group.admitted == verdicts.count(A)
    assert (group.verdict is A) == (A in verdicts)
    assert (group.verdict is D) == all(v is D for v in verdicts)
    assert (group.verdict is C) == (A not in verdicts and C in verdicts)


def test_one_red_companion_refuses_the_whole_group() -> None:
    members = [at_venue(s, VenueCategory.CINEMA, WEDNESDAY) for s in (G, G, R)]
    group = group_decision(members, "all")
    assert (group.verdict, group.reason, group.entering) == (D, "group_member_denied", 0)
    assert (group.admitted, group.denied, group.pending) == (2, 1, 0)
    split = group_decision(members, "per_person")
    assert (split.verdict, split.reason, split.entering) == (A, "group_partly_admitted", 2)


def test_a_pending_pcr_check_holds_the_group() -> None:
    members = [at_venue(s, VenueCategory.PCR_REQUIRED, WEDNESDAY) for s in (G, B)]
    group = group_decision(members, "all")
    assert (group.verdict, group.reason, group.pending) == (C, "group_member_needs_check", 1)


def test_a_group_needs_members_and_a_known_mode() -> None:
    with pytest.raises(ValueError):
        group_decision([], "all")
    with pytest.raises(ValueError, match="group mode"):
        group_decision([member(A)], "everyone")


# --- the policy data ------------------------------------------------------------------------


def test_the_shipped_file_round_trips_unchanged() -> None:
    assert policy_to_data(POLICY) == SHIPPED
    assert POLICY.version >= 1
    assert POLICY.trust_window == WINDOW
    assert not POLICY.allow_stale
    assert POLICY.group_mode == "all"


cell_choices = st.sampled_from(
    [
        {"verdict": "admit", "reason": "green"},
        {"verdict": "admit", "reason": "yellow_essential_shop", "note": "near home"},
        {"verdict": "deny", "reason": "venue_rule", "overridable": True},
        {"verdict": "deny", "reason": "yellow_contact"},
        {
            "verdict": "needs_check",
            "reason": "pcr_certificate_required",
            "needs": "pcr_certificate",
        },
    ]
)
columns = st.fixed_dictionaries({s.value: cell_choices for s in Status if s is not R}).map(
    lambda c: {**c, "red": {"verdict": "deny", "reason": "red_isolation"}}
)
policies = st.fixed_dictionaries(
    {
        "version": st.integers(1, 10**6),
        "trust_window_minutes": st.integers(1, 24 * 60),
        "allow_stale": st.booleans(),
        "group_mode": st.sampled_from(["all", "per_person"]),
        "weekend_days": st.sets(st.sampled_from(["friday", "saturday", "sunday"])).map(
            lambda days: [d for d in ("friday", "saturday", "sunday") if d in days]
        ),
        "weekend_categories": st.sets(st.sampled_from([c.value for c in VenueCategory])).map(
            lambda cats: [c.value for c in VenueCategory if c.value in cats]
        ),
        "table": st.fixed_dictionaries({c.value: columns for c in VenueCategory}),
        "weekend": columns,
    }
)


@given(policies)
def test_any_valid_policy_round_trips(data: dict[str, Any]) -> None:
    policy = parse_policy(data)
    assert policy_to_data(policy) == data
    assert parse_policy(policy_to_data(policy)) == policy


def test_a_venue_edit_changes_the_verdict() -> None:
    data = copy.deepcopy(SHIPPED)
    data["table"]["general"]["blue"] = {"verdict": "deny", "reason": "venue_rule"}
    policy: AdmissionPolicy = parse_policy(data)
    decision = decide(
        status=B, category=VenueCategory.GENERAL, at=WEDNESDAY, tz="Asia/Almaty", policy=policy
    )
    assert (decision.verdict, decision.reason) == (D, "venue_rule")


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


def _cell(category: str, status: str, cell: Any) -> dict[str, Any]:
    data = copy.deepcopy(SHIPPED)
    data["table"][category][status] = cell
    return data


BROKEN = [
    ("missing version", _without(SHIPPED, "version"), "version"),
    ("misspelt key", {**SHIPPED, "alow_stale": True}, "alow_stale"),
    ("version as text", {**SHIPPED, "version": "1"}, "version"),
    ("allow_stale as a number", {**SHIPPED, "allow_stale": 1}, "allow_stale"),
    ("window as true", {**SHIPPED, "trust_window_minutes": True}, "trust_window_minutes"),
    ("window of zero", {**SHIPPED, "trust_window_minutes": 0}, "trust_window_minutes"),
    ("group mode", {**SHIPPED, "group_mode": "everyone"}, "group_mode"),
    ("weekday name", {**SHIPPED, "weekend_days": ["saturday", "caturday"]}, "weekend_days[1]"),
    ("weekday twice", {**SHIPPED, "weekend_days": ["sunday", "sunday"]}, "weekend_days[1]"),
    ("weekend category", {**SHIPPED, "weekend_categories": ["kino"]}, "weekend_categories[0]"),
    ("missing weekend column", _without(SHIPPED, "weekend"), "weekend"),
    (
        "missing category",
        {**SHIPPED, "table": _without(SHIPPED["table"], "essential")},
        "table.essential",
    ),
    (
        "unknown verdict",
        _cell("general", "blue", {"verdict": "maybe", "reason": "blue"}),
        "table.general.blue.verdict",
    ),
    (
        "unknown reason",
        _cell("general", "blue", {"verdict": "admit", "reason": "vip"}),
        "table.general.blue.reason",
    ),
    ("cell not an object", _cell("cinema", "green", "admit"), "table.cinema.green"),
    (
        "admitting red",
        _cell("essential", "red", {"verdict": "admit", "reason": "venue_rule"}),
        "table.essential.red",
    ),
    (
        "overridable red",
        _cell(
            "general", "red", {"verdict": "deny", "reason": "red_isolation", "overridable": True}
        ),
        "table.general.red",
    ),
    (
        "override on an admit",
        _cell("general", "green", {"verdict": "admit", "reason": "green", "overridable": True}),
        "table.general.green.overridable",
    ),
    (
        "check without needs",
        _cell("general", "blue", {"verdict": "needs_check", "reason": "blue"}),
        "table.general.blue",
    ),
    (
        "unknown needs",
        _cell("general", "blue", {"verdict": "needs_check", "reason": "blue", "needs": "passport"}),
        "table.general.blue.needs",
    ),
]


@pytest.mark.parametrize(
    ("data", "key"), [(d, k) for _, d, k in BROKEN], ids=[name for name, _, _ in BROKEN]
)
def test_a_broken_policy_names_the_bad_key(data: dict[str, Any], key: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(data)
    assert caught.value.key == key
    assert key in str(caught.value)
