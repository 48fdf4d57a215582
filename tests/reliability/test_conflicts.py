"""Over-constrained scenarios: the reported minimal conflict is the known one, and every suggested
relaxation, applied to the scenario, really gives a plan (which the independent validator accepts),
while one step less of a numeric relaxation still has none."""

from __future__ import annotations

import pytest
import yaml

from peakplan.explain import explain
from peakplan.explain.knobs import Relaxation
from peakplan.explain.relax import apply
from peakplan.planner import solve
from peakplan.scenario import scenario_from_dict
from peakplan.validate import validate

from .cases import CASES, Case
from .conftest import EXPLANATIONS

BUDGET_S = 12.0  # explanation budget per case (the CLI default is 20 s)


def load(case: Case, tmp_path):
    return scenario_from_dict(case.data(tmp_path), case.name)


@pytest.fixture(scope="module")
def explained(tmp_path_factory):
    """Each case solved once (INFEASIBLE) and explained once with relaxations."""
    out = {}
    for case in CASES:
        sc = load(case, tmp_path_factory.mktemp(case.name))
        result = solve(sc, explain=False)   # explained here, with relaxations and this budget
        why = explain(sc, relax=True, budget_s=BUDGET_S)
        EXPLANATIONS[case.name] = why.lines()
        out[case.name] = (sc, result.status, why)
    return out


def with_model_file(sc, tmp_path):
    """A relaxed readiness model lives in a file the scenario names, as a user would write it: the
    scenario is loaded again from its data with model.readiness naming that file."""
    model = sc.readiness
    path = tmp_path / f"relaxed-{abs(hash(model.model_dump_json()))}.yaml"
    path.write_text(yaml.safe_dump(model.model_dump()), encoding="utf-8")
    data = sc.model_dump(mode="json", exclude={"catalogue", "readiness"})
    data["model"]["readiness"] = str(path)
    reloaded = scenario_from_dict(data, sc.name)
    assert reloaded.readiness == model and reloaded.catalogue == sc.catalogue
    return reloaded


def has_plan(sc, relaxation: Relaxation, tmp_path) -> bool:
    relaxed = apply(sc, relaxation)
    if relaxation.field.startswith("readiness."):
        relaxed = with_model_file(relaxed, tmp_path)
    result = solve(relaxed, first_solution=True, explain=False)
    if result.has_plan:
        assert validate(result.scenario, result.plan) == []
    return result.has_plan


def one_step_back(sc, relaxation: Relaxation):
    """The value one grid step less relaxed than ``relaxation.value``, or None (no numeric step)."""
    value = relaxation.value
    current = sc.model_dump()   # readiness.* fields are the scenario's embedded readiness model
    for key in relaxation.field.split("."):
        current = current[key]
    if isinstance(value, dict) and isinstance(current, dict):  # a mapping raised entry by entry, 0.02 a step
        back_map = {k: round(v - 0.02, 2) if v != current.get(k) else v for k, v in value.items()}
        return None if back_map == current else back_map
    if relaxation.field.startswith("availability.") or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    step = 1.0 if relaxation.field.startswith("readiness.") else 1 if isinstance(value, int) else 0.01
    back = value - step if value > current else value + step
    if isinstance(back, float):
        back = round(back, 2)
    return None if back == current else back


def unique(relaxations) -> list[Relaxation]:
    """Relaxations without repeats (a mapping's value is a dict: not hashable, so keyed by its text)."""
    return list({r.text: r for r in relaxations}.values())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_reports_the_known_minimal_conflict(explained, case):
    _, status, why = explained[case.name]
    assert status == "INFEASIBLE", case.why
    assert why.complete
    assert set(why.families()) == case.families, (case.why, why.lines())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_suggested_relaxation_gives_a_plan(explained, case, tmp_path):
    sc, _, why = explained[case.name]
    by_family = {c.rule: c.relaxations for c in why.conflicts}
    for family in case.relaxable:
        assert by_family[family], f"no relaxation for {family}: {why.lines()}"
    suggested = unique(r for rs in by_family.values() for r in rs)
    for relaxation in suggested:
        assert has_plan(sc, relaxation, tmp_path), relaxation.text
    values = {r.field: r.value for r in suggested}
    for field, value in case.exact.items():
        assert values.get(field) == value, (field, values)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_numeric_relaxations_are_the_smallest_change(explained, case, tmp_path):
    sc, _, why = explained[case.name]
    for relaxation in unique(r for c in why.conflicts for r in c.relaxations):
        back = one_step_back(sc, relaxation)
        if back is None:
            continue
        smaller = Relaxation(relaxation.field, back, f"{relaxation.field} {back}")
        assert not has_plan(sc, smaller, tmp_path), f"{smaller.text} also gives a plan"


def test_the_report_is_available_from_python(explained):
    _, _, why = explained["long-run-three-days"]
    line = next(line for line in why.lines() if line.startswith("long_run (week 1)"))
    assert "at most a share of the week by running days (3 days 30%" in line
    assert "relax: rules.long_run.max_share_by_days {1: 1, 2: 0.6, 3: 0.3, 4: 0.42, 5: 0.38, 6: 0.36, 7: 0.32} → " \
           "{1: 1, 2: 0.64, 3: 0.34, 4: 0.46, 5: 0.42, 6: 0.4, 7: 0.36}" in line
