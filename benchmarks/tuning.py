"""``python -m benchmarks.tuning``: the side-by-side study behind models/solver-presets.yaml.

Each configuration solves the same corpus (the shipped scenarios, the sampled grid up to 24
weeks and eight 16-week variants) in one run, configurations interleaved case by case so
machine noise hits them alike. Reported: time to proof per case, sum, geometric mean and the
cases not proven within the limit. "expressions" rebuilds the model the way it was before
issue 6 (day and week minutes as repeated sums instead of defined variables) to measure that
formulation change; "all pairs built" gives every (day, session type) pair variables, also the
pairs that phases or availability forbid outright (the model before they were left out);
everything else uses the model as it is.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ortools.sat.python import cp_model

from benchmarks.cases import batch_variants, sampled_grid
from peakplan.model import build as B
from peakplan.model import milp
from peakplan.model import variables as V
from peakplan.model.build import build
from peakplan.model.solver import apply_preset
from peakplan.modelfiles import presets
from peakplan.scenario import load_scenario, scenario_from_dict

HERE = Path(__file__).resolve().parent
LAZY = {"linearization_level": 2}  # the parameters before issue 6
PRESOLVE_ONCE = {**LAZY, "add_lp_constraints_lazily": False, "max_presolve_iterations": 1}  # proof until 2026-11-27
TWO_WORKERS = {"num_workers": 2, "num_full_subsolvers": 2, "subsolvers": ["max_lp", "pseudo_costs"]}
CONFIGS: dict[str, tuple[str, dict[str, Any]]] = {
    "expressions + lin2 lazy (before)": ("expressions", LAZY),
    "variables + lin2 lazy": ("variables", LAZY),
    "variables + lin2 eager": ("variables", {**LAZY, "add_lp_constraints_lazily": False}),
    "variables + eager, 1 presolve pass": ("variables", PRESOLVE_ONCE),
    "variables, all pairs built + proof preset": ("all pairs", presets.preset("proof")),
    "variables + proof preset (eager, no presolve)": ("variables", presets.preset("proof")),
    "variables + lin1 (CP-SAT default LP)": ("variables", {"linearization_level": 1}),
    "variables + 2 workers, 1 presolve pass": ("variables", {**PRESOLVE_ONCE, **TWO_WORKERS}),
    "variables + fast preset (2 workers, no presolve)": ("variables", presets.preset("fast")),
    "HiGHS, expressions model": ("expressions", {"milp": True}),
    "HiGHS, variables model": ("variables", {"milp": True}),
}


@contextlib.contextmanager
def formulation(kind: str) -> Iterator[None]:
    """``expressions``: day and week minutes as sums again (the pre-issue-6 model); ``all pairs``:
    variables for every (day, session type), also those a rule forbids outright."""
    if kind == "variables":
        yield
        return
    if kind == "all pairs":
        saved_pruning, B.PRUNING = B.PRUNING, ()
        try:
            yield
        finally:
            B.PRUNING = saved_pruning
        return
    saved = V.Variables.minutes, V.Variables.week_minutes
    V.Variables.minutes = lambda self, d: sum(self.session_minutes(d, n) for n in self.types if n != V.REST)
    V.Variables.week_minutes = lambda self, w: sum(self.minutes(d) for d in self.calendar.training_days_of_week(w))
    try:
        yield
    finally:
        V.Variables.minutes, V.Variables.week_minutes = saved


def corpus(max_weeks: int) -> list[tuple[str, Any]]:
    items = [(p.stem, load_scenario(p)) for p in sorted((HERE.parent / "scenarios").glob("*.yaml"))]
    items += [(c.name, c.scenario()) for c in sampled_grid() if c.weeks <= max_weeks]
    items += [(f"variant-{i}", scenario_from_dict(d)) for i, d in enumerate(batch_variants(8))]
    return items


def solve_once(scenario, kind: str, params: dict[str, Any], limit_s: float) -> tuple[str, float]:
    with formulation(kind):
        ctx, _ = build(scenario)
    if params.get("milp"):
        result = milp.solve(ctx.model.proto, limit_s)
        return result.status, result.wall_time_s
    solver = cp_model.CpSolver()
    apply_preset(solver.parameters, params)
    solver.parameters.max_time_in_seconds = limit_s
    solver.parameters.num_workers = params.get("num_workers", 1)
    start = time.perf_counter()
    code = solver.solve(ctx.model)
    return solver.status_name(code), time.perf_counter() - start


def main() -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.tuning", description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=float, default=15.0)
    p.add_argument("--max-weeks", type=int, default=24)
    p.add_argument("--only", nargs="*", help="configuration names to run (default: all)")
    args = p.parse_args()
    configs = {k: v for k, v in CONFIGS.items() if not args.only or k in args.only}
    times: dict[str, dict[str, tuple[str, float]]] = {k: {} for k in configs}
    for name, scenario in corpus(args.max_weeks):
        for label, (kind, params) in configs.items():
            times[label][name] = solve_once(scenario, kind, params, args.limit)
        print(name, " ".join(f"{t:.2f}{'' if s == 'OPTIMAL' else '*'}" for s, t in
                              (times[k][name] for k in configs)), flush=True)
    lines = [f"# Tuning study ({time.strftime('%Y-%m-%d')})", "", __doc__.split("\n\n")[1].replace("\n", " "), "",
             f"Time limit {args.limit:g} s per solve; `*` = not proven optimal (counted at the limit).", "",
             "| configuration | sum s | geometric mean s | median s | not proven |", "|---|---|---|---|---|"]
    summary = {}
    for label in configs:
        ts = [t if s == "OPTIMAL" else args.limit for s, t in times[label].values()]
        unproven = sum(s != "OPTIMAL" for s, _ in times[label].values())
        summary[label] = {"sum_s": sum(ts), "geomean_s": statistics.geometric_mean(ts),
                          "median_s": statistics.median(ts), "unproven": unproven}
        lines.append(f"| {label} | {sum(ts):.1f} | {statistics.geometric_mean(ts):.3f} | "
                     f"{statistics.median(ts):.3f} | {unproven} |")
    cases = list(next(iter(times.values())))
    lines += ["", "Per case (s):", "", "| case | " + " | ".join(configs) + " |", "|---|" + "---|" * len(configs)]
    for c in cases:
        lines.append(f"| {c} | " + " | ".join(f"{times[k][c][1]:.2f}{'' if times[k][c][0] == 'OPTIMAL' else '*'}"
                                              for k in configs) + " |")
    (HERE / "TUNING.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (HERE / "tuning.json").write_text(json.dumps({"summary": summary, "times": times}, indent=1) + "\n",
                                      encoding="utf-8")
    print("\n".join(lines[: 8 + len(configs)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
