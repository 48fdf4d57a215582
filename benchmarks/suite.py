"""The benchmark stages: the case grid, the repeated headline case, batch throughput, memory."""

from __future__ import annotations

import multiprocessing
import statistics
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from benchmarks.cases import Case
from benchmarks.measure import solve_cpsat, solve_milp
from benchmarks.template import template_plan
from peakplan.modelfiles import BanisterModel
from peakplan.plan.build import build_plan
from peakplan.scenario import Scenario, load_scenario
from peakplan.validate import validate

Tick = Callable[[str], None]


@dataclass(frozen=True)
class Limits:
    cpsat_s: float = 30.0
    milp_s: float = 30.0     # the same limit for both: the comparison is time to proof under one budget


def baseline_readiness(scenario: Scenario) -> float:
    """Readiness of an all-rest plan: what the training adds is measured above it."""
    readiness = scenario.readiness
    return readiness.p0 if isinstance(readiness, BanisterModel) else 0.0


def template_run(scenario: Scenario) -> dict[str, Any]:
    sessions, minutes = template_plan(scenario, scenario.catalogue)
    plan = build_plan(scenario, sessions, minutes)
    violations = validate(scenario, plan)
    return {"readiness": plan.objective, "violations": len(violations),
            "violated_rules": sorted({v.rule for v in violations})}


def run_case(name: str, scenario: Scenario, limits: Limits, tick: Tick, milp: bool = True) -> dict[str, Any]:
    tick(f"{name}: CP-SAT")
    cpsat, size = solve_cpsat(scenario, limits.cpsat_s)
    record: dict[str, Any] = {"case": name, "weeks": -(-scenario.n_days // 7), "size": size,
                              "cpsat": cpsat.to_dict(), "baseline_readiness": baseline_readiness(scenario)}
    if milp:
        tick(f"{name}: HiGHS")
        highs, translate_s = solve_milp(scenario, limits.milp_s)
        record["highs"] = highs.to_dict()
        record["highs"]["translate_s"] = translate_s
    tick(f"{name}: template")
    record["template"] = template_run(scenario)
    return record


def run_cases(cases: list[Case], limits: Limits, tick: Tick, milp: bool = True) -> list[dict[str, Any]]:
    out = []
    for case in cases:
        record = run_case(case.name, case.scenario(limits.cpsat_s), limits, tick, milp)
        record.update(distance=case.distance, days=case.days)
        out.append(record)
    return out


def run_repeats(path: str, repeats: int, limits: Limits, tick: Tick) -> dict[str, Any]:
    """The headline scenario solved ``repeats`` times by each backend, alternating."""
    scenario = load_scenario(path)
    cpsat, highs = [], []
    for i in range(repeats):
        tick(f"headline {i + 1}/{repeats}: CP-SAT")
        run, _ = solve_cpsat(scenario, limits.cpsat_s)
        cpsat.append(run.proof_s if run.proof_s is not None else float("inf"))
        tick(f"headline {i + 1}/{repeats}: HiGHS")
        run, _ = solve_milp(scenario, limits.milp_s)
        highs.append(run.proof_s if run.proof_s is not None else float("inf"))
    return {"scenario": path, "repeats": repeats, "cpsat_proof_s": cpsat, "highs_proof_s": highs,
            "cpsat_median_s": statistics.median(cpsat), "highs_median_s": statistics.median(highs)}


def on_two_cores(scenario: Scenario) -> Scenario:
    """The scenario solved with CP-SAT's `fast` preset: two full-LP workers, one per core."""
    solver = scenario.solver.model_validate({**scenario.solver.model_dump(), "preset": "fast", "workers": 2})
    return scenario.model_copy(update={"solver": solver})


def run_two_cores(items: list[tuple[str, Scenario]], repeats: int, limits: Limits, tick: Tick) -> list[dict[str, Any]]:
    """Each scenario with the whole machine per solver: CP-SAT `fast` (two workers) and HiGHS with
    two threads, alternating, ``repeats`` times; per case the median time to proof.

    The solves run in a fresh child process: HiGHS keeps one thread pool per process, sized by
    the first solve (the grid's one-thread solves), and refuses another size afterwards."""
    out = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        for name, scenario in items:
            tick(f"{name} on 2 cores, {repeats} x CP-SAT and HiGHS")
            out.append(pool.submit(_two_cores_case, name, scenario, repeats, limits).result())
            tick(f"{name} on 2 cores: done")
    return out


def _two_cores_case(name: str, scenario: Scenario, repeats: int, limits: Limits) -> dict[str, Any]:
    cpsat, highs = [], []
    for _ in range(repeats):
        run, _ = solve_cpsat(on_two_cores(scenario), limits.cpsat_s)
        cpsat.append(run.proof_s if run.proof_s is not None else float("inf"))
        run, _ = solve_milp(scenario, limits.milp_s, threads=2)
        highs.append(run.proof_s if run.proof_s is not None else float("inf"))
    return {"case": name, "cpsat_proof_s": cpsat, "highs_proof_s": highs,
            "cpsat_median_s": statistics.median(cpsat), "highs_median_s": statistics.median(highs)}
