"""Bound margins (Tally.cap, Tally.floor, Tally.note) and the stated tight rules checked against them."""

from __future__ import annotations

import pytest

from peakplan.validate import tight_claims, validate
from peakplan.validate.violation import TIGHT_ABS_TOL, Margin, Tally, tight_tolerance


def test_cap_checks_like_expect_and_records_the_margin():
    out = Tally("deload")
    assert out.cap(90.0, 100.0, "week 3", "a", "m") is True
    assert out.cap(100.0 + 1e-8, 100.0, "week 4", "a", "m") is True  # float noise is no excess
    assert out.cap(100.5, 100.0, "week 5", "+0.5 min", "over") is False
    assert out.checks == 3 and [v.where for v in out.found] == ["week 5"]
    assert [m.where for m in out.margins] == ["week 3", "week 4", "week 5"]
    assert [m.margin for m in out.margins] == pytest.approx([10.0, -1e-8, -0.5])


def test_floor_checks_like_expect_and_records_value_minus_floor():
    out = Tally("taper")
    assert out.floor(5, 4, "week 13", "a", "m", tol_base=0) is True
    assert out.floor(3, 4, "week 14", "1 running day(s) short", "m", tol_base=0) is False
    assert [(m.where, m.margin) for m in out.margins] == [("week 13", 1), ("week 14", -1)]
    assert [v.amount for v in out.found] == ["1 running day(s) short"]


def test_a_ratio_bound_is_tight_within_a_basis_point_of_its_base():
    # 0.30 x E(w) with E = 250: the model's basis points allow 1e-4 x 250 = 0.025 min either way
    out = Tally("long_run")
    out.cap(74.98, 75.0, "2027-01-10", "a", "m", tol_base=250.0, at="week 1")
    out.cap(74.9, 75.0, "2027-01-17", "a", "m", tol_base=250.0, at="week 2")
    first, second = out.margins
    assert first.where == "week 1" and first.tolerance == pytest.approx(0.025 + TIGHT_ABS_TOL) and first.tight
    assert second.where == "week 2" and not second.tight


def test_default_base_is_the_larger_of_bound_and_value_and_zero_is_exact():
    assert tight_tolerance(50.0, 200.0) == pytest.approx(0.02 + TIGHT_ABS_TOL)
    assert tight_tolerance(0.2, 0.1) == pytest.approx(1e-4 + TIGHT_ABS_TOL)  # at least 1
    assert tight_tolerance(3, 3, 0) == TIGHT_ABS_TOL
    out = Tally("hard_easy")
    out.cap(2, 3, "week 1", "a", "m", tol_base=0)
    out.cap(3, 3, "week 2", "a", "m", tol_base=0)
    assert [m.tight for m in out.margins] == [False, True]


def test_tol_overrides_and_note_records_without_a_check():
    out = Tally("form_window")
    out.floor(10.02, 10.0, "2027-03-28", "a", "m", tol=0.03, at="race day")
    out.note("race day", 4.0, 0.03)
    assert out.checks == 1 and out.found == []
    assert out.margins == [Margin("race day", pytest.approx(0.02), 0.03), Margin("race day", 4.0, 0.03)]
    assert [m.tight for m in out.margins] == [True, False]


def _tallies() -> dict[str, Tally]:
    hard = Tally("hard_easy")
    hard.cap(2, 2, "week 1", "a", "m", tol_base=0)
    hard.cap(1, 2, "week 2", "a", "m", tol_base=0)
    return {"hard_easy": hard, "plan_consistency": Tally("plan_consistency")}


@pytest.mark.parametrize(("entry", "where", "why"), [
    ({"rule": "hard_easy", "where": "week 1", "detail": "x"}, None, None),
    ({"rule": "hard_easy", "where": "week 2", "detail": "x"}, "week 2", "its closest bound at week 2 has a margin of 1"),
    ({"rule": "hard_easy", "where": "week 9", "detail": "x"}, "week 9", "hard_easy puts no bound at 'week 9'"),
    ({"rule": "deload", "where": "week 1", "detail": "x"}, "week 1", "deload is switched off"),
    ({"rule": "quotas", "where": "week 1", "detail": "x"}, "week 1", "'quotas' is no rule family with bounds"),
    ({"rule": "hard_easy"}, "tight_rules[0]", "not an object with a rule and a where"),
    ("hard_easy week 1", "tight_rules[0]", "not an object with a rule and a where"),
])
def test_each_stated_entry_is_checked_against_the_margins(entry, where, why):
    out = Tally(tight_claims.NAME)
    tight_claims.check({"tight_rules": [entry]}, _tallies(), out)
    assert out.checks == 2
    if why is None:
        assert out.found == []
    else:
        (found,) = out.found
        assert found.rule == "plan_consistency" and found.where == where and why in found.amount


def test_not_a_list_and_the_cap_on_repeated_violations():
    out = Tally(tight_claims.NAME)
    tight_claims.check({"tight_rules": "all of them"}, _tallies(), out)
    assert [(v.where, v.amount) for v in out.found] == [("tight_rules", "not a list")]
    out = Tally(tight_claims.NAME)
    tight_claims.check({"tight_rules": [{"rule": "x", "where": f"week {w}"} for w in range(30)]}, _tallies(), out)
    assert len(out.found) == tight_claims.PER_CLAIM_LIMIT + 1 and "20 more" in out.found[-1].amount
    out = Tally(tight_claims.NAME)
    tight_claims.check({}, _tallies(), out)  # nothing stated: nothing to check
    assert out.found == []


def test_a_stated_tight_rule_of_the_base_plan(base):
    """The base plan's week 1 has as many hard days as the scenario allows, week 3 (the deload) fewer."""
    scenario, plan = base
    limit = scenario.rules.hard_easy.max_hard_per_week
    hard = {w["week"]: w["hard_sessions"] for w in plan["weeks"]}
    at_limit = [w for w, n in hard.items() if n == limit]
    below = [w for w, n in hard.items() if n < limit]
    assert at_limit and below
    plan["tight_rules"] = [{"rule": "hard_easy", "where": f"week {at_limit[0]}", "detail": "x"}]
    assert validate(scenario, plan) == []
    plan["tight_rules"] = [{"rule": "hard_easy", "where": f"week {below[0]}", "detail": "x"}]
    assert [(v.rule, v.where) for v in validate(scenario, plan)] == [("plan_consistency", f"week {below[0]}")]
