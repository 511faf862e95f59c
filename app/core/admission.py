"""Who may enter: the status x venue-category table of DOMAIN.md section 4, as data plus one function.

The table ships as resources/policies/admission.json and a venue may edit it, so the rules are not
written as `if` chains here: `parse_policy` validates the data once, and `decide` only looks up a
cell and applies the few rules that are not per cell (exits, stale offline statuses, capacity, the
PCR confirmation). Reasons are stable codes from a closed set so the GUI can translate them; the
English messages here are for logs, the command line and tests.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.statuses import Direction, Status, StatusSource, VenueCategory, Verdict

WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
GROUP_MODES: Final = ("all", "per_person")

# Reasons a table cell may carry, with the English message. A venue picks among these; a new
# code would need a translation, so it is a code change, not a data change.
CELL_REASONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "green": "Green status: admit.",
        "blue": "Blue status: admit.",
        "blue_cinema_weekend": "Blue status: on Saturdays and Sundays a cinema admits only green.",
        "pcr_certificate_required": "Blue status: admit only after staff see a PCR certificate.",
        "yellow_contact": "Yellow status (contact of a positive case): deny.",
        "yellow_essential_shop": "Yellow status: an essential shop or pharmacy may admit.",
        "red_isolation": "Red status (positive, home isolation): deny.",
        "not_found": "No status found: deny.",
        "venue_rule": "This venue's rule for this status.",
    }
)

# What staff may confirm for a needs_check cell, and the reason of the admission that follows.
NEEDS: Final[Mapping[str, str]] = MappingProxyType({"pcr_certificate": "pcr_certificate_shown"})

_MESSAGES: Final[Mapping[str, str]] = MappingProxyType(
    {
        **CELL_REASONS,
        "pcr_certificate_shown": "Blue status, PCR certificate shown: admit.",
        "stale_offline": "Cached status older than {window} min: treated as not found (offline).",
        "stale_checkin": "The visitor's check-in is older than {window} min: treated as not found.",
        "no_answer": "No status service answered: treated as not found.",
        "capacity_full": "The venue is full: no new entries until someone leaves.",
        "exit": "Exit: always allowed.",
        "supervisor_override": "Admitted by a supervisor's override.",
    }
)
_OVERRIDABLE_SUFFIX: Final = " A supervisor may override."

_TOP_KEYS: Final = frozenset(
    {"version", "trust_window_minutes", "allow_stale", "group_mode", "weekend_days"}
    | {"weekend_categories", "table", "weekend"}
)
_CELL_KEYS: Final = frozenset({"verdict", "reason", "note", "needs", "overridable"})


class PolicyError(ValueError):
    """The policy data is unusable; `key` is the dotted path of the offending entry."""

    code = "bad_policy"

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"admission policy: {key}: {problem}")
        self.key = key
        self.problem = problem


@dataclass(frozen=True)
class Cell:
    """One entry of the table: what happens to this status in this column."""

    verdict: Verdict
    reason: str
    note: str | None = None
    needs: str | None = None
    overridable: bool = False


Column = Mapping[Status, Cell]


@dataclass(frozen=True)
class AdmissionPolicy:
    """The parsed, validated table. Build it with `parse_policy`; the mappings are read-only."""

    version: int
    table: Mapping[VenueCategory, Column]
    weekend: Column
    weekend_categories: frozenset[VenueCategory]
    weekend_days: frozenset[int]  # 0 = Monday, as datetime.weekday()
    trust_window: timedelta
    allow_stale: bool = False
    group_mode: str = "all"
    comment: str = ""


# --- parsing --------------------------------------------------------------------------------


def _check_keys(data: Mapping[str, Any], allowed: frozenset[str], path: str) -> None:
    """Unknown keys are refused so a typo ("alow_stale") cannot silently keep the default."""
    for key in data:
        if not isinstance(key, str):
            raise PolicyError(path or "<top>", f"key {key!r} is not text")
        if key not in allowed and not key.startswith("_"):
            raise PolicyError(_join(path, key), "unknown key")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_KIND_NAMES: Final = {bool: "true/false", int: "a whole number", str: "text", list: "a list"}


def _get(data: Mapping[str, Any], key: str, kind: type, path: str = "") -> Any:
    if key not in data:
        raise PolicyError(_join(path, key), "missing")
    value = data[key]
    # bool is an int in Python; a `true` where a number belongs is a mistake, not 1.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        expected = _KIND_NAMES.get(kind, "an object")
        raise PolicyError(_join(path, key), f"expected {expected}, got {value!r}")
    return value


def _entries(data: Any, keys: Sequence[str], path: str) -> Iterator[tuple[str, Any, str]]:
    """Key, value and dotted path of an object that must hold exactly these keys."""
    if not isinstance(data, Mapping):
        raise PolicyError(path, f"expected an object, got {data!r}")
    _check_keys(data, frozenset(keys), path)
    for key in keys:
        if key not in data:
            raise PolicyError(_join(path, key), "missing")
        yield key, data[key], _join(path, key)


def _parse_cell(data: Any, status: Status, path: str) -> Cell:
    if not isinstance(data, Mapping):
        raise PolicyError(path, f"expected an object, got {data!r}")
    _check_keys(data, _CELL_KEYS, path)
    raw_verdict = _get(data, "verdict", str, path)
    if raw_verdict not in set(Verdict):
        choices = ", ".join(Verdict)
        raise PolicyError(_join(path, "verdict"), f"{raw_verdict!r} is not one of {choices}")
    verdict = Verdict(raw_verdict)
    reason = _get(data, "reason", str, path)
    if reason not in CELL_REASONS:
        raise PolicyError(_join(path, "reason"), f"unknown reason code {reason!r}")
    note = _get(data, "note", str, path) if "note" in data else None
    needs = _get(data, "needs", str, path) if "needs" in data else None
    overridable = _get(data, "overridable", bool, path) if "overridable" in data else False
    if needs is not None and needs not in NEEDS:
        raise PolicyError(_join(path, "needs"), f"unknown confirmation {needs!r}")
    if (verdict is Verdict.NEEDS_CHECK) != (needs is not None):
        raise PolicyError(path, "needs_check and needs go together: one without the other")
    if overridable and verdict is not Verdict.DENY:
        raise PolicyError(_join(path, "overridable"), "only a deny can be overridden")
    if status is Status.RED and (verdict is not Verdict.DENY or overridable):
        raise PolicyError(
            path, "red (positive, home isolation) is always a deny, never overridable"
        )
    return Cell(verdict, reason, note, needs, overridable)


def _parse_column(data: Any, path: str) -> Column:
    entries = _entries(data, list(Status), path)
    return MappingProxyType({Status(k): _parse_cell(v, Status(k), p) for k, v, p in entries})


def _parse_names(data: Mapping[str, Any], key: str, allowed: Sequence[str]) -> list[str]:
    values = _get(data, key, list)
    for i, value in enumerate(values):
        if value not in allowed:
            raise PolicyError(f"{key}[{i}]", f"{value!r} is not one of {', '.join(allowed)}")
        if value in values[:i]:
            raise PolicyError(f"{key}[{i}]", f"{value!r} is listed twice")
    return list(values)


def parse_policy(data: Mapping[str, Any]) -> AdmissionPolicy:
    """Validate the JSON shape of admission.json; a PolicyError names the first bad key."""
    if not isinstance(data, Mapping):
        raise PolicyError("<top>", f"expected an object, got {type(data).__name__}")
    _check_keys(data, _TOP_KEYS, "")
    version = _get(data, "version", int)
    if version < 1:
        raise PolicyError("version", "must be 1 or more")
    minutes = _get(data, "trust_window_minutes", int)
    if minutes <= 0:
        raise PolicyError("trust_window_minutes", "must be more than 0")
    allow_stale = _get(data, "allow_stale", bool)
    group_mode = _get(data, "group_mode", str)
    if group_mode not in GROUP_MODES:
        raise PolicyError("group_mode", f"{group_mode!r} is not one of {', '.join(GROUP_MODES)}")
    days = _parse_names(data, "weekend_days", WEEKDAYS)
    categories = _parse_names(data, "weekend_categories", [c.value for c in VenueCategory])
    entries = _entries(_get(data, "table", Mapping), list(VenueCategory), "table")
    columns = {VenueCategory(k): _parse_column(v, p) for k, v, p in entries}
    weekend = _parse_column(_get(data, "weekend", Mapping), "weekend")
    comment = data.get("_comment", "")
    return AdmissionPolicy(
        version=version,
        table=MappingProxyType(columns),
        weekend=weekend,
        weekend_categories=frozenset(VenueCategory(c) for c in categories),
        weekend_days=frozenset(WEEKDAYS.index(d) for d in days),
        trust_window=timedelta(minutes=minutes),
        allow_stale=allow_stale,
        group_mode=group_mode,
        comment=comment if isinstance(comment, str) else "",
    )


def _cell_to_data(cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {"verdict": cell.verdict.value, "reason": cell.reason}
    if cell.note is not None:
        out["note"] = cell.note
    if cell.needs is not None:
        out["needs"] = cell.needs
    if cell.overridable:
        out["overridable"] = True
    return out


def _column_to_data(column: Column) -> dict[str, Any]:
    return {status.value: _cell_to_data(column[status]) for status in Status}


def policy_to_data(policy: AdmissionPolicy) -> dict[str, Any]:
    """The JSON shape again, in the shipped file's key order, so a saved policy diffs cleanly."""
    out: dict[str, Any] = {}
    if policy.comment:
        out["_comment"] = policy.comment
    out |= {
        "version": policy.version,
        "trust_window_minutes": int(policy.trust_window / timedelta(minutes=1)),
        "allow_stale": policy.allow_stale,
        "group_mode": policy.group_mode,
        "weekend_days": [WEEKDAYS[d] for d in sorted(policy.weekend_days)],
        "weekend_categories": [c.value for c in VenueCategory if c in policy.weekend_categories],
        "table": {c.value: _column_to_data(policy.table[c]) for c in VenueCategory},
        "weekend": _column_to_data(policy.weekend),
    }
    return out


# --- deciding -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What the door shows for one person; plain data, so it can be logged, sent and tested."""

    verdict: Verdict
    reason: str
    message: str
    note: str | None = None
    overridable: bool = False  # a supervisor may turn this deny into an admit
    effective_status: Status = Status.NOT_FOUND  # the status the table was read with
    needs: str | None = None  # what staff must confirm before a needs_check can admit


def _message(reason: str, policy: AdmissionPolicy, overridable: bool = False) -> str:
    window = int(policy.trust_window / timedelta(minutes=1))
    text = _MESSAGES[reason].format(window=window)
    return text + _OVERRIDABLE_SUFFIX if overridable else text


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r}") from None


def _require_aware(at: datetime) -> None:
    # A naive moment would be read in this machine's zone, and the weekday could be wrong.
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("the moment must be timezone-aware")


def weekend_rule_applies(
    *, category: VenueCategory, at: datetime, tz: str, policy: AdmissionPolicy
) -> bool:
    """True when the weekend column replaces the category's; the day is the venue's local day."""
    _require_aware(at)
    local_day = at.astimezone(_zone(tz)).weekday()  # checks the zone even when unused
    return category in policy.weekend_categories and local_day in policy.weekend_days


def _effective_status(
    status: Status, source: StatusSource, age: timedelta | None, policy: AdmissionPolicy
) -> tuple[Status, str | None]:
    """The status the table is read with, and the reason that replaces the cell's if it changed.

    A live answer (central or fallback service) is fresh by definition. An answer that was kept
    (the local cache, a visitor's earlier check-in) is trusted for the policy's window, boundary
    included: exactly 15 minutes old is still fresh. An unknown or negative age (a clock moved)
    cannot be shown to be fresh, so it counts as stale.
    """
    if source is StatusSource.NONE:
        return Status.NOT_FOUND, "no_answer"
    if source in (StatusSource.CENTRAL, StatusSource.FALLBACK) or policy.allow_stale:
        return status, None
    if age is not None and timedelta(0) <= age <= policy.trust_window:
        return status, None
    return Status.NOT_FOUND, "stale_offline" if source is StatusSource.CACHE else "stale_checkin"


def _is_full(occupancy: int | None, capacity: int | None) -> bool:
    if capacity is None:
        return False
    if capacity < 0:
        raise ValueError("capacity cannot be negative")
    if occupancy is None or occupancy < 0:
        raise ValueError("a venue with a capacity needs the current occupancy (0 or more)")
    return occupancy >= capacity


def decide(
    *,
    status: Status,
    category: VenueCategory,
    at: datetime,
    tz: str,
    policy: AdmissionPolicy,
    pcr_shown: bool = False,
    source: StatusSource = StatusSource.CENTRAL,
    status_age: timedelta | None = None,
    direction: Direction = Direction.ENTRY,
    occupancy: int | None = None,
    capacity: int | None = None,
) -> Decision:
    """The verdict for one person at the door, read from the policy's table.

    `pcr_shown` is staff's confirmation that a PCR certificate was seen; it only matters for a
    cell that needs one. When the venue is full, an entry the table would admit (or send to a
    check) is denied with "capacity_full", and a status deny loses its override: it keeps its
    status reason, because that denial is the visitor's proof for a refund.
    """
    _require_aware(at)
    weekend = weekend_rule_applies(category=category, at=at, tz=tz, policy=policy)
    if direction is Direction.EXIT:
        return Decision(Verdict.ADMIT, "exit", _message("exit", policy), effective_status=status)
    if direction is not Direction.ENTRY:
        raise ValueError(f"direction must be entry or exit, not {direction!r}")
    full = _is_full(occupancy, capacity)
    effective, replaced_reason = _effective_status(status, source, status_age, policy)
    cell = (policy.weekend if weekend else policy.table[category])[effective]
    if cell.needs == "pcr_certificate" and pcr_shown:
        verdict, reason, needs = Verdict.ADMIT, NEEDS[cell.needs], None
    else:
        verdict, reason, needs = cell.verdict, replaced_reason or cell.reason, cell.needs
    if verdict is not Verdict.DENY and full:
        message = _message("capacity_full", policy)
        return Decision(Verdict.DENY, "capacity_full", message, effective_status=effective)
    # A stale red follows the not-found row, but the last thing known is "positive": no override.
    stale_red = status is Status.RED and effective is not Status.RED
    overridable = verdict is Verdict.DENY and cell.overridable and not (full or stale_red)
    message = _message(reason, policy, overridable)
    return Decision(verdict, reason, message, cell.note, overridable, effective, needs)


# --- supervisor override --------------------------------------------------------------------


class OverrideError(ValueError):
    """An override that is not allowed; `code` is stable for the GUI."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def override(decision: Decision, *, by_supervisor: bool) -> Decision:
    """A supervisor admits an overridable deny (not found). Red and the like stay denied."""
    if not by_supervisor:
        raise OverrideError("supervisor_required", "Only a supervisor may override a verdict.")
    if decision.verdict is not Verdict.DENY or not decision.overridable:
        raise OverrideError(
            "not_overridable", f"A {decision.reason!r} verdict cannot be overridden."
        )
    return Decision(
        Verdict.ADMIT,
        "supervisor_override",
        _MESSAGES["supervisor_override"],
        decision.note,
        overridable=False,
        effective_status=decision.effective_status,
    )


# --- groups ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupDecision:
    """The verdict for one order's visitors.

    The counts are the members' own verdicts; `entering` is how many walk in now. In mode "all"
    the group enters only together: any deny refuses everyone, else any pending check holds
    everyone. In mode "per_person" each member enters on their own verdict; the group verdict is
    admit when at least one member enters (reason "group_partly_admitted" when not all do),
    needs_check when nobody enters yet but someone waits for a check, deny when nobody can.
    """

    verdict: Verdict
    reason: str
    message: str
    admitted: int
    denied: int
    pending: int
    entering: int


def _group_verdict(mode: str, n: int, admitted: int, pending: int) -> tuple[Verdict, str, str]:
    denied = n - admitted - pending
    if mode == "all" and denied:
        return Verdict.DENY, "group_member_denied", f"{denied} of {n} denied: all are refused."
    if pending and (mode == "all" or not admitted):
        return (
            Verdict.NEEDS_CHECK,
            "group_member_needs_check",
            f"{pending} of {n} wait for a check.",
        )
    if admitted == n:
        return Verdict.ADMIT, "group_admitted", f"All {n} admitted."
    if admitted:
        return Verdict.ADMIT, "group_partly_admitted", f"{admitted} of {n} admitted."
    return Verdict.DENY, "group_none_admitted", "No member admitted."


def group_decision(members: Sequence[Decision], mode: str) -> GroupDecision:
    """Combine members' decisions; `mode` is "all" or "per_person" (the venue's GroupMode)."""
    if mode not in GROUP_MODES:
        raise ValueError(f"group mode must be one of {', '.join(GROUP_MODES)}, not {mode!r}")
    if not members:
        raise ValueError("a group has at least one member")
    admitted = sum(m.verdict is Verdict.ADMIT for m in members)
    pending = sum(m.verdict is Verdict.NEEDS_CHECK for m in members)
    verdict, reason, message = _group_verdict(mode, len(members), admitted, pending)
    denied = len(members) - admitted - pending
    entering = admitted if verdict is Verdict.ADMIT else 0  # in mode "all" that is everyone
    return GroupDecision(verdict, reason, message, admitted, denied, pending, entering)
