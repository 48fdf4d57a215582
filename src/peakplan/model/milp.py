"""The same model as a MILP: translate the built CP-SAT model into MathOpt and solve it there.

A second backend for benchmarks, not a second model: it reads the CP-SAT model proto that
``model/build.py`` produced (the rules are written once, in ``model/constraints/``) and turns
each constraint into linear rows. Supported: linear constraints with one interval domain,
exactly_one, at_most_one, bool_or, bool_and and lin_max, each optionally with enforcement
literals (big-M from variable bounds), and the linear objective. Anything else raises
``NotImplementedError`` so a new constraint kind cannot be dropped silently.

The default solver is HiGHS (bundled in the ortools wheel through MathOpt); SCIP and CP-SAT
through MathOpt also work for cross-checks.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.math_opt.python import mathopt
from ortools.math_opt.solvers import highs_pb2

SOLVERS = {"highs": mathopt.SolverType.HIGHS, "scip": mathopt.SolverType.GSCIP,
           "cp_sat": mathopt.SolverType.CP_SAT}
_KINDS = ("linear", "exactly_one", "at_most_one", "bool_or", "bool_and", "lin_max")


@dataclass
class MilpModel:
    model: mathopt.Model
    variables: list[mathopt.Variable]   # by CP-SAT variable index
    maximize: bool
    scaling: float                      # CP-SAT objective = scaling * (linear part + offset)
    offset: float


@dataclass
class MilpResult:
    status: str                          # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN (as CP-SAT names them)
    objective: float = math.nan          # in CP-SAT objective units (scaled integers)
    bound: float = math.nan
    wall_time_s: float = 0.0
    values: list[int] = field(default_factory=list)   # by CP-SAT variable index
    progress: list[tuple[float, float, float]] = field(default_factory=list)  # (t, best, bound) from the log
    translate_s: float = 0.0             # building the MILP from the CP-SAT proto (not in wall_time_s)


class _Builder:
    """Literal and expression helpers over the proto's variable bounds."""

    def __init__(self, proto, relax: bool):
        self.proto, self.relax = proto, relax
        self.model = mathopt.Model(name="peakplan")
        domains = [list(v.domain) for v in proto.variables]  # the wrapped repeated field has no [-1]
        self.lb = [d[0] for d in domains]
        self.ub = [d[-1] for d in domains]
        self.x = []
        for i, d in enumerate(domains):
            if len(d) != 2:
                raise NotImplementedError(f"variable {i} has a domain with holes: {d}")
            self.x.append(self.model.add_variable(lb=d[0], ub=d[-1], is_integer=not relax, name=f"x{i}"))

    def literal(self, ref: int):
        """A Boolean literal as a linear expression (negative refs are negations)."""
        return self.x[ref] if ref >= 0 else 1 - self.x[-ref - 1]

    def linear(self, vars_, coeffs, offset: float = 0.0):
        expr = mathopt.fast_sum([c * self.x[v] for v, c in zip(vars_, coeffs, strict=True)]) + offset
        low = offset + sum(c * (self.lb[v] if c > 0 else self.ub[v]) for v, c in zip(vars_, coeffs, strict=True))
        high = offset + sum(c * (self.ub[v] if c > 0 else self.lb[v]) for v, c in zip(vars_, coeffs, strict=True))
        return expr, low, high

    def add_bounded(self, expr, low: float, high: float, lo: float, hi: float, enforcement) -> None:
        """lo <= expr <= hi when every enforcement literal is true (big-M from [low, high])."""
        off = mathopt.fast_sum([1 - self.literal(e) for e in enforcement]) if enforcement else 0
        if lo > low:
            self.model.add_linear_constraint(expr >= lo - (lo - low) * off if enforcement else expr >= lo)
        if hi < high:
            self.model.add_linear_constraint(expr <= hi + (high - hi) * off if enforcement else expr <= hi)

    def literal_sum(self, refs):
        n = len(refs)
        return mathopt.fast_sum([self.literal(r) for r in refs]), 0, n


def _add_constraint(b: _Builder, ct, index: int) -> None:
    kind = next((k for k in _KINDS if getattr(ct, f"has_{k}")()), None)
    enf = list(ct.enforcement_literal)
    if kind == "linear":
        domain = list(ct.linear.domain)
        if len(domain) != 2:
            raise NotImplementedError(f"constraint {index}: linear domain with holes {domain}")
        expr, low, high = b.linear(list(ct.linear.vars), list(ct.linear.coeffs))
        b.add_bounded(expr, low, high, domain[0], domain[1], enf)
    elif kind in ("exactly_one", "at_most_one", "bool_or"):
        refs = list(getattr(ct, kind).literals)
        expr, low, high = b.literal_sum(refs)
        lo, hi = {"exactly_one": (1, 1), "at_most_one": (0, 1), "bool_or": (1, high)}[kind]
        b.add_bounded(expr, low, high, lo, hi, enf)
    elif kind == "bool_and":
        for ref in ct.bool_and.literals:
            b.add_bounded(b.literal(ref), 0, 1, 1, 1, enf)
    elif kind == "lin_max":
        _add_lin_max(b, ct.lin_max, enf, index)
    else:
        raise NotImplementedError(f"constraint {index}: kind not supported by the MILP backend")


def _add_lin_max(b: _Builder, lm, enf, index: int) -> None:
    """target = max(exprs): target >= each; target <= expr_i + M_i (1 - z_i) with one z_i chosen."""
    if enf:
        raise NotImplementedError(f"constraint {index}: enforced lin_max")
    target, _, t_high = b.linear(list(lm.target.vars), list(lm.target.coeffs), lm.target.offset)
    exprs = [b.linear(list(e.vars), list(e.coeffs), e.offset) for e in lm.exprs]
    top = min(t_high, max(high for _, _, high in exprs))
    picks = []
    for i, (expr, low, _high) in enumerate(exprs):
        b.model.add_linear_constraint(target >= expr)
        z = b.model.add_variable(lb=0, ub=1, is_integer=not b.relax, name=f"max{index}_{i}")
        picks.append(z)
        b.model.add_linear_constraint(target <= expr + (top - low) * (1 - z))
    b.model.add_linear_constraint(mathopt.fast_sum(picks) == 1)


def translate(proto, relax: bool = False) -> MilpModel:
    """The CP-SAT model as a MathOpt model (``relax``: every variable continuous, no lin_max picks)."""
    b = _Builder(proto, relax)
    for i, ct in enumerate(proto.constraints):
        _add_constraint(b, ct, i)
    obj = proto.objective
    inner = mathopt.fast_sum([c * b.x[v] for v, c in zip(obj.vars, obj.coeffs, strict=True)])
    scaling = obj.scaling_factor or 1.0
    maximize = scaling < 0
    b.model.set_objective(scaling * (inner + obj.offset), is_maximize=maximize)
    return MilpModel(b.model, b.x, maximize, scaling, obj.offset)


def parameters(solver: str, time_limit_s: float, threads: int = 1) -> mathopt.SolveParameters:
    """Exact proof, like CP-SAT's: the objective is integral, so an absolute gap below 1 closes it."""
    params = mathopt.SolveParameters(time_limit=dt.timedelta(seconds=time_limit_s), relative_gap_tolerance=0.0,
                                     absolute_gap_tolerance=0.999, enable_output=True)  # the log feeds progress
    if solver == "highs":  # MathOpt refuses the generic `threads` for HiGHS; it is a HiGHS option
        params.highs = highs_pb2.HighsOptionsProto(int_options={"threads": threads},
                                                   double_options={"mip_rel_gap": 0.0, "mip_abs_gap": 0.999})
    else:
        params.threads = threads
    return params


def solve(proto, time_limit_s: float, solver: str = "highs", threads: int = 1,
          on_log: Callable[[str], None] | None = None) -> MilpResult:
    """Translate and solve; the result's values are rounded back to CP-SAT integers."""
    started = time.perf_counter()
    milp = translate(proto)
    result = solve_model(milp, time_limit_s, solver, threads, on_log)
    result.translate_s = time.perf_counter() - started - result.wall_time_s
    return result


def solve_model(milp: MilpModel, time_limit_s: float, solver: str = "highs", threads: int = 1,
                on_log: Callable[[str], None] | None = None) -> MilpResult:
    """Solve a translated model; ``wall_time_s`` covers the solver call only (its presolve included)."""
    lines: list[tuple[float, str]] = []
    start = time.perf_counter()

    def on_message(messages: list[str]) -> None:
        now = time.perf_counter() - start
        lines.extend((now, m) for m in messages)
        if on_log is not None:
            for m in messages:
                on_log(m)

    result = mathopt.solve(milp.model, SOLVERS[solver], params=parameters(solver, time_limit_s, threads),
                           msg_cb=on_message)
    wall = time.perf_counter() - start
    progress = _highs_progress(lines) if solver == "highs" else []
    return _read(result, milp, wall, progress)


def _read(result, milp: MilpModel, wall: float, progress) -> MilpResult:
    reason = result.termination.reason
    bounds = result.termination.objective_bounds
    out = MilpResult(status="UNKNOWN", wall_time_s=wall, progress=progress, bound=bounds.dual_bound)
    if reason == mathopt.TerminationReason.INFEASIBLE:
        out.status = "INFEASIBLE"
        return out
    if not result.has_primal_feasible_solution():
        return out
    out.objective = result.objective_value()
    out.status = "OPTIMAL" if reason == mathopt.TerminationReason.OPTIMAL else "FEASIBLE"
    values = result.variable_values()
    out.values = [round(values[x]) for x in milp.variables]
    return out


def _highs_progress(lines: list[tuple[float, str]]) -> list[tuple[float, float, float]]:
    """(time, best objective, bound) from HiGHS's branch-and-bound log, in CP-SAT units.

    Node rows read ``[src] Proc InQueue Leaves Expl% BestBound BestSol Gap Cuts InLp Confl
    LpIters Time``; the time is HiGHS's own clock, which starts before its presolve (like
    CP-SAT's wall time).
    """
    rows = []
    for _, line in lines:
        parts = line.split()
        if parts and len(parts[0]) == 1 and parts[0].isalpha():
            parts = parts[1:]  # the source of a new incumbent (H, L, T, ...)
        if len(parts) != 12 or not parts[-1].endswith("s") or not parts[3].endswith("%"):
            continue
        try:
            rows.append((float(parts[-1][:-1]), _number(parts[5]), _number(parts[4])))
        except ValueError:
            continue
    return rows


def _number(text: str) -> float:
    if text in ("inf", "+inf", "-inf", "Large"):
        return -math.inf if text.startswith("-") else math.inf
    return float(text)
