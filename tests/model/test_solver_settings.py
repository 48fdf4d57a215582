"""Solver settings: the preset's worker count survives the command line's --time-limit and --seed
(it used to fall back to one worker, because round-tripping the settings marked every field set)."""

from __future__ import annotations

from peakplan.commands.common import with_solver
from peakplan.explain.relax import apply
from peakplan.model.solver import parameters

from .support import scenario


def test_fast_preset_keeps_its_two_workers_with_time_limit_and_seed() -> None:
    sc = scenario(solver={"preset": "fast"})
    assert parameters(sc.solver).parameters.num_workers == 2
    changed = with_solver(sc, 12.0, None, 7)
    solver = parameters(changed.solver)
    assert (solver.parameters.num_workers, solver.parameters.max_time_in_seconds, solver.parameters.random_seed) \
        == (2, 12.0, 7)


def test_workers_given_explicitly_win_over_the_preset() -> None:
    sc = with_solver(scenario(solver={"preset": "fast"}), None, 1, None)
    assert parameters(sc.solver).parameters.num_workers == 1


def test_a_relaxed_scenario_keeps_the_preset_workers() -> None:
    sc = apply(scenario(solver={"preset": "fast"}), "rules.deload.volume_factor", 0.7)
    assert parameters(sc.solver).parameters.num_workers == 2


def test_default_preset_is_one_deterministic_worker() -> None:
    assert parameters(scenario().solver).parameters.num_workers == 1
