"""deload (docs/rules.md "Phases and deloads", family `deload`): the recovery weeks are laid out by
a counter k over w = 1 .. R-1 (a deload when k = every_weeks - 1, or, with at_phase_ends, at the
last week of a phase once k >= 2; an interrupted week resets k and is no deload). A deload week
w: E(w) <= volume_factor * REF(ref(w)); the week after it (a loading week, no deload):
E(w+1) <= return_factor * REF(ref(w)).

Scenarios: the base 4-week block (tests/model/support.py) with THREE_LOADING_WEEKS (R = 3: base,
build, race_specific). every_weeks 2 makes week 2 the only deload (w = 1: k = 0 -> 1, phase end
base/build but k < 2; w = 2: k = 1 = every_weeks - 1). ref(2) = week 1 (the latest normal,
non-deload loading week before it), so REF = V(1). One session type `run` (IF .70, 0-600 min) and
the FLAT readiness: every minute helps, so each week is filled up to its cap (370 min a full week).
"""

from __future__ import annotations

import pytest

from ..support import (
    FLAT,
    THREE_LOADING_WEEKS,
    assert_infeasible,
    catalogue,
    only,
    readiness,
    solve_checked,
    week_minutes,
)

RUN = {"run": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 600, "hard": False}}
EVERY_2 = {"rules.deload.every_weeks": 2, **THREE_LOADING_WEEKS}


@pytest.fixture
def flat_run(tmp_path):
    return {"model.catalogue": catalogue(tmp_path, RUN), "model.readiness": readiness(tmp_path, FLAT)}


def test_feasible():
    result = solve_checked(only("deload", **EVERY_2))
    assert result.status == "OPTIMAL"
    assert [w.deload for w in result.weeks] == [False, True, False, False]


def test_default_every_four_weeks_has_no_deload_in_a_two_week_load():
    # Defaults (every_weeks 4, taper 1 week): R = 2, the loop runs over w = 1 only with k = 0.
    result = solve_checked(only("deload"))
    assert not any(w.deload for w in result.weeks)


def test_deload_cap_binds(flat_run):
    # Week 1 fills availability: 370. Week 2 (deload): V(2) <= floor(0.75 * 370) = floor(277.5) = 277.
    # Week 3 (the return week) <= 1.05 * 370 = 388.5: not binding, back to 370; race week 270 (Mon-Sat).
    result = solve_checked(only("deload", **flat_run, **EVERY_2))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370, 277, 370, 270]
    assert result.weeks[1].deload


def test_return_week_cap_binds(flat_run):
    # return_factor 0.90: the week after the deload E(3) <= 0.90 * REF(ref(2)) = 0.9 * 370 = 333 (exact).
    result = solve_checked(only("deload", **flat_run, **EVERY_2, **{"rules.deload.return_factor": 0.90}))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370, 277, 333, 270]
    # 0.899: floor(0.899 * 370) = floor(332.63) = 332
    lower = solve_checked(only("deload", **flat_run, **EVERY_2, **{"rules.deload.return_factor": 0.899}))
    assert week_minutes(lower, 3) == 332


def test_ramp_after_a_deload_compares_with_the_last_loading_week(flat_run):
    # With the ramp: V(1) <= 1.1 * 200 = 220; deload V(2) <= 0.75 * 220 = 165; week 3 ramps from
    # week 1 (the latest non-deload loading week), not from the deload: <= floor(1.1 * 220) = 242
    # (not 181); the capped return binds first: V(3) <= 1.05 * 220 = 231.
    result = solve_checked(only("deload", "weekly_ramp", **flat_run, **EVERY_2))
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [220, 165, 231, 270]


def test_partial_week_before_the_deload(flat_run):
    # Start Wed 2027-01-06: week 1 has 5 days, availability Wed-Sun 45 + 60 + 0 + 60 + 100 = 265
    # (265 / 5 = 53 a day, over 0.75 * 370 / 7 = 39.6: not interrupted). A partial week 1 is no
    # reference (not normal): REF is the athlete's current 200 min, so the deload
    # V(2) <= 0.75 * 200 = 150 (not 0.75 * 265 * 7/5 = 278) and the return V(3) <= 1.05 * 200 = 210.
    result = solve_checked(only("deload", **flat_run, **EVERY_2, start_date="2027-01-06"))
    assert [w.deload for w in result.weeks] == [False, True, False, False]
    assert [week_minutes(result, w) for w in (1, 2, 3)] == [265, 150, 210]


def test_deload_at_the_end_of_a_phase(flat_run):
    # Start Mon 2026-12-28: W = 5, taper weeks 0 -> R = 4; shares base .75, build .25 -> base
    # weeks 1-3, build week 4. w = 1: k 0 -> 1; w = 2: k 1 -> 2; w = 3: last week of base and
    # k = 2 -> deload (k = 2 is not every_weeks - 1 = 3). V(3) <= floor(0.75 * 370) = 277,
    # V(4) <= 1.05 * 370: 370.
    shares = {"rules.phases.shares": {"base": 0.75, "build": 0.25, "race_specific": 0.0, "peak": 0.0}}
    base = {**flat_run, **THREE_LOADING_WEEKS, **shares, "start_date": "2026-12-28"}
    result = solve_checked(only("deload", **base))
    assert [w.phase for w in result.weeks] == ["base", "base", "base", "build", "race_week"]
    assert [w.deload for w in result.weeks] == [False, False, True, False, False]
    assert [week_minutes(result, w) for w in (1, 2, 3, 4)] == [370, 370, 277, 370]
    # at_phase_ends off: w = 3 has k = 2 != 3, and week 4 = R is never a deload: none at all
    plain = solve_checked(only("deload", **base, **{"rules.deload.at_phase_ends": False}))
    assert not any(w.deload for w in plain.weeks)
    assert [week_minutes(plain, w) for w in (1, 2, 3, 4)] == [370, 370, 370, 370]


def test_an_interrupted_week_resets_the_counter(flat_run):
    # Week 1 blacked out but for Monday: avail(1) / 7 = 45 / 7 = 6.4 < 0.75 * 370 / 7 = 39.6, so
    # week 1 is interrupted: k = 0 and no deload; w = 2: k = 0 != 1 -> no deload either.
    blackouts = {"availability.blackout_dates": [f"2027-01-{d:02d}" for d in range(5, 11)]}
    result = solve_checked(only("deload", **flat_run, **EVERY_2, **blackouts))
    assert not any(w.deload for w in result.weeks)


def test_past_the_edge_deload_below_a_required_session(tmp_path):
    # Default catalogue, phases off; quotas: build (week 2, the deload) needs a tempo session
    # (catalogue min 40 min). Week 1 fills 370 (FLAT readiness), so V(2) <= f * 370:
    # f = 0.109: floor(40.33) = 40, exactly one 40-min tempo run; f = 0.108: 39.96 < 40 -> infeasible.
    flat = {"model.readiness": readiness(tmp_path, FLAT)}
    inside = solve_checked(only("deload", "quotas", **flat, **EVERY_2, **{"rules.deload.volume_factor": 0.109}))
    assert week_minutes(inside, 1) == 370
    assert [(d.session, d.minutes) for d in inside.days[7:14] if d.minutes] == [("tempo", 40)]
    past = only("deload", "quotas", **flat, **EVERY_2, **{"rules.deload.volume_factor": 0.108})
    assert {"deload", "quotas"} <= assert_infeasible(past, "deload")


def test_switched_off_no_recovery_week(flat_run):
    on = solve_checked(only("deload", **flat_run, **EVERY_2))
    off = solve_checked(only(**flat_run, **EVERY_2))  # deload not listed: enabled false
    assert not any(w.deload for w in off.weeks)
    assert week_minutes(off, 2) == 370 > week_minutes(on, 2) == 277
    assert off.objective > on.objective
