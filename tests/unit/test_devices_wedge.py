"""The keyboard-wedge detector, fed key presses with real timings (DOMAIN.md §3)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from app.core.layouts import type_under
from app.devices.wedge import KeyKind, KeyPress, WedgeDetector, WedgeScan, WedgeTuning
from tests.unit.test_documents import td1

IIN = "930101300123"
# US key -> (set-1 scan code, Shift): enough of the keyboard for IINs and ticket codes.
_ROWS = {0x02: "1234567890-=", 0x10: "qwertyuiop", 0x1E: "asdfghjkl", 0x2C: "zxcvbnm"}
SCAN = {ch: (base + i, False) for base, row in _ROWS.items() for i, ch in enumerate(row)}
SCAN.update({ch.upper(): (code, True) for ch, (code, _) in SCAN.items() if ch.isalpha()})
SCAN["<"] = (0x33, True)  # Shift + comma: the MRZ filler


def keys(
    intended: str,
    *,
    layout: str = "us",
    start: float = 1000.0,
    intervals: list[float] | float = 7.0,
    terminator: KeyKind | None = KeyKind.ENTER,
    with_scan_codes: bool = False,
) -> list[KeyPress]:
    """The presses a scanner (or person) makes for ``intended`` under the PC's ``layout``."""
    typed = type_under(intended, layout)  # type: ignore[arg-type]
    gaps = intervals if isinstance(intervals, list) else [intervals] * (len(typed) + 1)
    out, t = [], start
    for n, (us_char, shown) in enumerate(zip(intended, typed, strict=True)):
        code, shift = SCAN[us_char] if with_scan_codes else (None, us_char.isupper())
        out.append(KeyPress(t, shown, KeyKind.CHAR, code, shift, token=f"{n}:{shown}"))
        t += gaps[n]
    if terminator is not None:
        out.append(KeyPress(t, "\r" if terminator is KeyKind.ENTER else "\t", terminator))
    return out


@dataclass
class Run:
    delivered: list[KeyPress] = field(default_factory=list)  # what the focused widget got
    delays: list[float] = field(default_factory=list)  # how late each delivered key was
    scans: list[WedgeScan] = field(default_factory=list)


def drive(presses: list[KeyPress], detector: WedgeDetector | None = None) -> Run:
    """Feed presses as the Qt adapter does, its gap timer firing at the detector's deadline."""
    detector = detector or WedgeDetector()
    run = Run()

    def deliver(batch: tuple[KeyPress, ...], at: float) -> None:
        run.delivered.extend(batch)
        run.delays.extend(at - k.t_ms for k in batch)

    def expire(at: float) -> None:
        decision = detector.expire_decision()
        deliver(decision.replay, at)
        if decision.scan is not None:
            run.scans.append(decision.scan)

    for key in presses:
        deadline = detector.deadline_ms()
        if deadline is not None and deadline < key.t_ms:
            expire(deadline)
        decision = detector.feed(key)
        deliver(decision.replay, key.t_ms)
        if not decision.swallow:
            deliver((key,), key.t_ms)
        if decision.scan is not None:
            run.scans.append(decision.scan)
    deadline = detector.deadline_ms()
    if deadline is not None:
        expire(deadline)
    return run


@pytest.mark.parametrize("interval", [5.0, 7.0, 10.0])
def test_kazakh_layout_burst_is_one_scan_recovered_to_the_iin(interval: float) -> None:
    presses = keys(IIN, layout="kk", intervals=interval)
    assert "".join(k.text for k in presses[:-1]) == 'ұіқ"қ"іққ"әі'
    run = drive(presses)
    assert run.delivered == []  # nothing leaks into the focused widget
    [scan] = run.scans
    assert (scan.text, scan.layout, scan.from_scan_codes) == (IIN, "kk", False)
    assert scan.raw_text == 'ұіқ"қ"іққ"әі' and scan.terminator == "enter"
    assert scan.duration_ms == pytest.approx(interval * 12)


def test_scan_codes_give_the_exact_text_whatever_the_layout() -> None:
    [scan] = drive(keys("AB12CD", layout="ru", with_scan_codes=True)).scans
    assert (scan.text, scan.layout, scan.raw_text, scan.from_scan_codes) == (
        "AB12CD", "ru", "ФИ12СВ", True,
    )  # fmt: skip


def test_russian_layout_ticket_without_scan_codes_is_recovered() -> None:
    [scan] = drive(keys("AB12CD", layout="ru", terminator=KeyKind.TAB)).scans
    assert (scan.text, scan.layout, scan.terminator) == ("AB12CD", "ru", "tab")


def test_person_typing_slowly_passes_through_in_order_and_promptly() -> None:
    gaps = [80.0, 200.0, 120.0, 95.0, 150.0, 110.0, 180.0]
    presses = keys("ivanov1", intervals=gaps)
    run = drive(presses)
    assert run.scans == []
    assert run.delivered == presses
    assert max(run.delays) <= WedgeTuning().max_gap_ms  # held at most the gap time


def test_fast_typists_three_quick_keys_are_not_a_scan() -> None:
    quick = keys("abc", intervals=[12.0, 15.0, 14.0])  # three quick keys, then Enter
    run = drive(quick)
    assert run.scans == [] and run.delivered == quick
    pause = keys("abc", intervals=[12.0, 15.0, 300.0], terminator=None)
    run = drive(pause + keys("d", start=1400.0, terminator=None))
    assert run.scans == [] and [k.text for k in run.delivered] == list("abcd")


def test_fast_typist_is_released_early_without_waiting_for_a_pause() -> None:
    presses = keys("search words", intervals=40.0, terminator=None)
    detector = WedgeDetector()
    released = []
    for key in presses[:4]:
        released += detector.feed(key).replay
    assert released == presses[:4]  # four keys averaging 40 ms: a person, delivered at once


def test_burst_without_terminator_times_out_into_typing() -> None:
    presses = keys(IIN, layout="kk", intervals=6.0, terminator=None)
    run = drive(presses)
    assert run.scans == []
    assert run.delivered == presses


def test_burst_with_a_long_pause_inside_is_split() -> None:
    first = keys("12345", intervals=[6.0, 6.0, 6.0, 6.0, 400.0], terminator=None)
    second = keys("DEMO01A", start=first[-1].t_ms + 400.0)
    run = drive(first + second)
    assert [k.text for k in run.delivered] == list("12345")
    assert [s.text for s in run.scans] == ["DEMO01A"]


def test_short_burst_is_typing_even_when_fast() -> None:
    presses = keys("12345", intervals=5.0)  # 5 keys < min_length 6
    run = drive(presses)
    assert run.scans == [] and run.delivered == presses


def test_modifier_presses_inside_a_burst_are_ignored() -> None:
    presses = keys("AB12CD", intervals=4.0)
    with_shift = []
    for key in presses:
        if key.shift:
            with_shift.append(KeyPress(key.t_ms - 1, "", KeyKind.MODIFIER))
        with_shift.append(key)
    run = drive(with_shift)
    assert [s.text for s in run.scans] == ["AB12CD"]
    assert all(k.kind is KeyKind.MODIFIER for k in run.delivered)


def test_non_character_key_releases_held_keys_before_itself() -> None:
    presses = keys("ab", intervals=10.0, terminator=None)
    backspace = KeyPress(presses[-1].t_ms + 10, "\b", KeyKind.OTHER)
    run = drive([*presses, backspace])
    assert run.delivered == [*presses, backspace]


def test_would_swallow_predicts_the_terminator_of_a_scan() -> None:
    detector = WedgeDetector()
    presses = keys(IIN, intervals=5.0)
    for key in presses[:-1]:
        assert detector.would_swallow(key)
        detector.feed(key)
    assert detector.would_swallow(presses[-1])
    late_enter = KeyPress(presses[-2].t_ms + 500, "\r", KeyKind.ENTER)
    assert not detector.would_swallow(late_enter)
    assert not detector.would_swallow(KeyPress(0, "", KeyKind.OTHER))


def test_tuning_is_respected() -> None:
    strict = WedgeDetector(WedgeTuning(min_length=13))
    assert drive(keys(IIN, intervals=5.0), strict).scans == []
    slow_scanner = WedgeDetector(WedgeTuning(max_avg_interval_ms=40.0, max_gap_ms=60.0))
    assert [s.text for s in drive(keys(IIN, intervals=35.0), slow_scanner).scans] == [IIN]


# --- MRZ lines ended by Tab or Enter (issue 13) ---------------------------------------------

MRZ_TD1 = td1()  # a valid Kazakh ID card's zone


def mrz_keys(lines: list[str], terminator: KeyKind, **options: object) -> list[KeyPress]:
    presses: list[KeyPress] = []
    start = 1000.0
    for line in lines:
        presses += keys(line, start=start, terminator=terminator, **options)  # type: ignore[arg-type]
        start = presses[-1].t_ms + 7.0
    return presses


@pytest.mark.parametrize("terminator", [KeyKind.TAB, KeyKind.ENTER])
def test_id_card_mrz_with_a_terminator_after_each_line_is_one_scan(terminator: KeyKind) -> None:
    run = drive(mrz_keys(MRZ_TD1, terminator))
    assert run.delivered == []
    [scan] = run.scans
    assert scan.text == "\n".join(MRZ_TD1)


def test_mrz_lines_under_russian_layout_and_from_scan_codes() -> None:
    [recovered] = drive(mrz_keys(MRZ_TD1, KeyKind.TAB, layout="ru")).scans
    assert (recovered.text, recovered.layout) == ("\n".join(MRZ_TD1), "ru")
    [exact] = drive(mrz_keys(MRZ_TD1, KeyKind.TAB, layout="kk", with_scan_codes=True)).scans
    assert (exact.text, exact.from_scan_codes) == ("\n".join(MRZ_TD1), True)


def test_mrz_lines_whose_last_line_never_comes_are_still_the_scan() -> None:
    run = drive(mrz_keys(MRZ_TD1[:2], KeyKind.TAB))
    assert run.delivered == []
    [scan] = run.scans
    assert scan.text == "\n".join(MRZ_TD1[:2])  # the classifier says what is missing
    # and a scan after the pause is a scan of its own
    late = keys("AB12CD", start=run.scans[0].started_ms + 2000.0)
    run = drive(mrz_keys(MRZ_TD1[:2], KeyKind.TAB) + late)
    assert [s.text for s in run.scans] == ["\n".join(MRZ_TD1[:2]), "AB12CD"]


def test_a_thirty_character_ticket_is_not_held_for_more_lines() -> None:
    ticket = "AB12CD" * 5  # 30 characters, but no MRZ filler
    run = drive(keys(ticket, terminator=KeyKind.TAB) + keys(IIN, start=1300.0))
    assert [s.text for s in run.scans] == [ticket, IIN]
