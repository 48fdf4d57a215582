"""Model building: forbidden (day, session type) pairs get no variables; scoring a given plan."""

from __future__ import annotations

import pytest

from peakplan.calendar import Calendar
from peakplan.model import build as B
from peakplan.model.solver import parameters
from peakplan.plan.build import build_plan
from peakplan.planner import solve
from peakplan.result import Result, Status

from .support import scenario, validated


def _optimum(sc) -> tuple[str, float]:
    """Status and objective of the built model; its plan goes through the validator."""
    ctx, _ = B.build(sc)
    solver = parameters(sc.solver)
    code = solver.solve(ctx.model)
    status = solver.status_name(code)
    if status == "OPTIMAL":
        plan = build_plan(sc, *ctx.vars.read_plan(solver.value), status=status)
        validated(Result(status=Status(status), scenario=sc, plan=plan))
    return status, solver.objective_value


def test_pairs_a_rule_forbids_get_no_variables():
    sc = scenario(**{"availability.blackout_dates": ["2027-01-13"]})
    catalogue = sc.catalogue
    cal = Calendar(sc)
    ctx, _ = B.build(sc)
    blackout = next(d for d in cal.training_days if cal.date(d).isoformat() == "2027-01-13")
    friday = next(d for d in cal.training_days if cal.weekday(d) == "fri")   # 0 minutes available
    base_day = next(d for d in cal.training_days if cal.phase_of_day(d) == "base")
    not_in_base = [n for n, k in catalogue.sessions.items() if "base" not in k.phases]
    assert not_in_base, "the catalogue has a session type outside base"
    training = [n for n in catalogue.sessions if n != "rest"]
    for d in (blackout, friday):
        assert all((d, n) not in ctx.vars.chosen for n in training)
        assert (d, "rest") in ctx.vars.chosen
    assert all(ctx.vars.session(base_day, n) == 0 for n in not_in_base)
    # explanations build every pair, so that a relaxed rule can allow it
    full, _ = B.build(sc, explain=True)
    assert all((d, n) in full.vars.chosen for d in (blackout, friday) for n in catalogue.sessions)
    assert len(ctx.model.proto.variables) < len(full.model.proto.variables)


@pytest.mark.parametrize("overrides", [
    {},
    {"availability.blackout_dates": ["2027-01-13", "2027-01-20"]},
    {"availability.max_minutes.mon": 25},        # below most session types' minimum
])
def test_leaving_forbidden_pairs_out_keeps_the_optimum(overrides, monkeypatch):
    sc = scenario(**overrides)
    pruned = _optimum(sc)
    monkeypatch.setattr(B, "PRUNING", ())
    full = _optimum(sc)
    assert pruned[0] == full[0] == "OPTIMAL"
    assert pruned[1] == full[1]


def test_build_plan_scores_the_solvers_plan_like_solve():
    sc = scenario()
    solved = validated(solve(sc))
    train = solved.days[:-1]   # the race day is added by build_plan
    again = build_plan(sc, [d.session for d in train], [d.minutes for d in train], status=solved.status.value)
    assert again.objective == pytest.approx(solved.objective, abs=1e-9)
    assert again.model_dump(mode="json")["days"] == solved.plan.model_dump(mode="json")["days"]
    assert again.weeks == solved.weeks


def test_build_plan_scores_a_worse_plan_lower():
    sc = scenario()
    solved = validated(solve(sc))
    train = solved.days[:-1]
    rest_all = build_plan(sc, ["rest"] * len(train), [0] * len(train))
    assert rest_all.objective < solved.objective
    assert rest_all.status == "FEASIBLE" and rest_all.gap == 0.0
