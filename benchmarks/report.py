"""Summaries against the issue's targets, and the RESULTS.md / results.json writers."""

from __future__ import annotations

import ctypes
import datetime as dt
import glob
import json
import math
import os
import platform
import statistics
from pathlib import Path
from typing import Any

TARGETS = {"16w_s": 0.3, "24w_s": 1.0, "52w_s": 10.0, "plans_per_minute": 600.0, "milp_ratio": 3.0,
           "readiness_gain": 0.15, "memory_mb": 300.0}


def machine() -> dict[str, Any]:
    import numpy
    import ortools

    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem = next((line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), "0")
    return {"date": dt.date.today().isoformat(), "platform": platform.platform(), "cpu": cpu,
            "cores": os.cpu_count(), "memory_gb": round(int(mem) / 2**20, 1), "python": platform.python_version(),
            "ortools": ortools.__version__, "highs": highs_version(), "numpy": numpy.__version__,
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def highs_version() -> str:
    """The HiGHS library bundled in the ortools wheel (MathOpt does not print its banner)."""
    import ortools

    try:
        lib = ctypes.CDLL(glob.glob(os.path.join(os.path.dirname(ortools.__file__), ".libs", "libhighs.so*"))[0])
        lib.Highs_version.restype = ctypes.c_char_p
        return lib.Highs_version().decode()
    except (IndexError, OSError, AttributeError):
        return "bundled with ortools"


# --- summaries -------------------------------------------------------------------------------
def proof(run: dict[str, Any]) -> float | None:
    return run.get("proof_s")


def milp_ratio(case: dict[str, Any], limit_s: float) -> tuple[float, bool] | None:
    """HiGHS time to proof / CP-SAT time to proof; (value, exact). Unproven by HiGHS: a lower bound."""
    c, h = proof(case["cpsat"]), proof(case.get("highs", {}))
    if c is None or "highs" not in case:
        return None
    return (h / c, True) if h is not None else (limit_s / c, False)


def gain_ratio(case: dict[str, Any]) -> float | None:
    """How much more readiness (above the all-rest plan) the optimum adds than the template."""
    opt, tpl, base = case["cpsat"].get("readiness"), case["template"]["readiness"], case["baseline_readiness"]
    if opt is None or tpl is None or tpl - base <= 0:
        return None
    return (opt - base) / (tpl - base) - 1


def summarize(data: dict[str, Any]) -> dict[str, Any]:
    cases, limit = data["cases"], data["limits"]["milp_s"]
    def med(values):
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None
    def by_weeks(weeks, distance=None):
        return [proof(c["cpsat"]) if proof(c["cpsat"]) is not None else math.inf for c in cases
                if c["weeks"] == weeks and (distance is None or c.get("distance") == distance)]
    ratios = [r for r in (milp_ratio(c, limit) for c in cases) if r is not None]
    gains = [(g, c["template"]["violations"]) for c in cases if (g := gain_ratio(c)) is not None]
    clean = [g for g, v in gains if v == 0]
    out: dict[str, Any] = {
        "16w_headline_s": data.get("headline", {}).get("cpsat_median_s"),
        "16w_headline_highs_s": data.get("headline", {}).get("highs_median_s"),
        "16w_grid_median_s": med(by_weeks(16, "marathon")),
        "24w_median_s": med(by_weeks(24)), "24w_marathon_s": med(by_weeks(24, "marathon")),
        "52w_median_s": med(by_weeks(52)), "52w_max_s": max(by_weeks(52), default=None),
        "milp_ratio_geomean": statistics.geometric_mean([r for r, _ in ratios]) if ratios else None,
        "milp_ratio_median": med([r for r, _ in ratios]),
        "milp_ratio_lower_bounds": sum(not exact for _, exact in ratios),
        "milp_faster_cases": sum(r < 1 for r, _ in ratios), "milp_cases": len(ratios),
        "readiness_gain_median": med(clean), "readiness_gain_min": min(clean, default=None),
        "readiness_gain_cases": len(clean), "template_cases_with_violations": sum(v > 0 for _, v in gains),
        "cpsat_optimal": sum(c["cpsat"]["status"] == "OPTIMAL" for c in cases), "cases": len(cases),
        "highs_optimal": sum(c.get("highs", {}).get("status") == "OPTIMAL" for c in cases),
        "plan_violations": sum((c["cpsat"].get("violations") or 0) + (c.get("highs", {}).get("violations") or 0)
                               for c in cases),
    }
    if data.get("headline"):
        h = data["headline"]
        out["16w_headline_ratio"] = h["highs_median_s"] / h["cpsat_median_s"]
    if data.get("two_cores"):
        two = data["two_cores"]
        grid = [t for t in two if "shipped" not in t["case"]]
        out["16w_two_cores_grid_s"] = med([t["cpsat_median_s"] for t in grid])
        out["16w_two_cores_highs_s"] = med([t["highs_median_s"] for t in grid])
        proven = [min(t["highs_median_s"], limit) / t["cpsat_median_s"] for t in two if math.isfinite(t["cpsat_median_s"])]
        out["two_cores_ratio_geomean"] = statistics.geometric_mean(proven) if proven else None
    if data.get("batch"):
        out["plans_per_minute"] = data["batch"]["optimal_plans_per_minute"]
    if data.get("memory"):
        out["memory_mb"] = data["memory"]["peak_mb"]
    return out


def targets(summary: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """(target, measured, how measured, met) rows."""
    def row(name, value, unit, goal, how, higher=False, fmt="{:.2f}"):
        if value is None:
            return (name, "not measured", how, None)
        met = value >= goal if higher else value <= goal
        return (name, f"{fmt.format(value)}{unit}", how, met)
    s = summary
    return [
        row("16-week marathon proven optimal in <= 0.3 s", s.get("16w_headline_s"), " s", TARGETS["16w_s"],
            "median of the repeats of scenarios/marathon-16w.yaml"),
        row("(the same, over the grid's 16-week marathons)", s.get("16w_grid_median_s"), " s", TARGETS["16w_s"],
            "median over 3-7 days a week"),
        row("(the same, both cores: `fast` preset)", s.get("16w_two_cores_grid_s"), " s", TARGETS["16w_s"],
            "median over 3-7 days a week of each case's median of 3"),
        row("24 weeks <= 1 s", s.get("24w_median_s"), " s", TARGETS["24w_s"], "median of the 24-week grid cases"),
        row("52 weeks <= 10 s", s.get("52w_median_s"), " s", TARGETS["52w_s"], "median of the 52-week grid cases"),
        row(">= 600 proven-optimal 16-week plans per minute", s.get("plans_per_minute"), "/min",
            TARGETS["plans_per_minute"], "batch of 16-week variants, one solve per core", higher=True, fmt="{:.0f}"),
        row(">= 3x faster to proof than HiGHS", s.get("milp_ratio_geomean"), "x", TARGETS["milp_ratio"],
            "geometric mean over the grid of HiGHS/CP-SAT time to proof", higher=True),
        row("(the same, headline scenario)", s.get("16w_headline_ratio"), "x", TARGETS["milp_ratio"],
            "median HiGHS / median CP-SAT over the repeats", higher=True),
        row("(the same, both cores each: `fast` vs HiGHS 2 threads)", s.get("two_cores_ratio_geomean"), "x",
            TARGETS["milp_ratio"], "geometric mean over the 16-week marathons and the headline", higher=True),
        row(">= 15 % more readiness than the template", s.get("readiness_gain_median"), "", TARGETS["readiness_gain"],
            "median over cases of (optimal gain / template gain - 1), gains above the all-rest plan", higher=True,
            fmt="{:+.1%}"),
        row("52-week peak memory <= 300 MB", s.get("memory_mb"), " MB", TARGETS["memory_mb"],
            "max RSS of a fresh process solving marathon-52w-7d"),
    ]


# --- writers ---------------------------------------------------------------------------------
def _t(value: float | None, proven: bool = True) -> str:
    if value is None:
        return "—"
    if math.isinf(value):
        return "> limit"
    return f"{value:.2f}" if proven else f"≥{value:.1f}"


def _gaps(run: dict) -> str:
    return " / ".join(_gap(run.get("gaps", {}).get(k)) for k in ("1s", "5s", "30s"))


def _gap(value: float | None) -> str:
    return "—" if value is None else ("0" if value == 0 else f"{value:.2%}")


def case_table(data: dict[str, Any]) -> list[str]:
    limit = data["limits"]["milp_s"]
    lines = [("| case | vars / cons / terms | CP-SAT first / proof s | CP-SAT gap 1/5/30 s | HiGHS first / proof s "
             "| HiGHS gap 1/5/30 s | HiGHS ÷ CP-SAT | readiness opt / template (gain) | template violations |"),
             "|---|---|---|---|---|---|---|---|---|"]
    for c in data["cases"]:
        cp, hi, size = c["cpsat"], c.get("highs", {}), c["size"]
        ratio = milp_ratio(c, limit)
        gain = gain_ratio(c)
        opt = cp.get("readiness")
        speedup = '—' if ratio is None else (f'{ratio[0]:.1f}x' if ratio[1] else f'≥{ratio[0]:.1f}x')
        lines.append(
            f"| {c['case']} | {size['variables']} / {size['constraints']} / {size['linear_terms']} "
            f"| {_t(cp.get('first_s'))} / {_t(cp.get('proof_s')) if cp.get('proof_s') else cp['status']} "
            f"| {_gaps(cp)} | {_t(hi.get('first_s'))} / {_t(hi.get('proof_s')) if hi.get('proof_s') else hi.get('status', '—')} "
            f"| {_gaps(hi) if hi else '—'} | {speedup} "
            f"| {'—' if opt is None else f'{opt:.1f}'} / {c['template']['readiness']:.1f} "
            f"({'—' if gain is None else f'{gain:+.0%}'}) | {c['template']['violations']} |")
    return lines


def by_length(data: dict[str, Any]) -> list[str]:
    limit, rows = data["limits"]["milp_s"], []
    for weeks in sorted({c["weeks"] for c in data["cases"]}):
        cases = [c for c in data["cases"] if c["weeks"] == weeks]
        cp = [proof(c["cpsat"]) if proof(c["cpsat"]) is not None else math.inf for c in cases]
        hi = [proof(c["highs"]) if proof(c["highs"]) is not None else math.inf for c in cases if "highs" in c]
        ratios = [r[0] for r in (milp_ratio(c, limit) for c in cases) if r is not None] if hi else []
        gains = [g for c in cases if c["template"]["violations"] == 0 and (g := gain_ratio(c)) is not None]
        rows.append(f"| {weeks} | {len(cases)} | {_t(statistics.median(cp))} / {_t(max(cp))} "
                    f"| {_t(statistics.median(hi)) if hi else '—'} / {_t(max(hi)) if hi else '—'} "
                    f"| {_x(statistics.median(ratios)) if ratios else '—'} "
                    f"| {f'{statistics.median(gains):+.1%}' if gains else '—'} |")
    return rows


def write(data: dict[str, Any], out_dir: Path, stem: str) -> tuple[Path, Path]:
    json_path, md_path = out_dir / f"{stem}.json", out_dir / f"{stem.replace('results', 'RESULTS')}.md"
    json_path.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")  # the raw run first
    data["summary"] = summarize(data)
    json_path.write_text(json.dumps(data, indent=1, sort_keys=False, default=str) + "\n", encoding="utf-8")
    md_path.write_text("\n".join(markdown(data)) + "\n", encoding="utf-8")
    return md_path, json_path


def markdown(data: dict[str, Any]) -> list[str]:
    m, s = data["machine"], data["summary"]
    smallest = "—" if s["readiness_gain_min"] is None else f"{s['readiness_gain_min']:+.1%}"
    lines = [f"# Benchmark results ({'quick subset' if data['quick'] else 'full run'}, {m['date']})", "",
             "Produced by `python -m benchmarks" + (" --quick" if data["quick"] else "") + "`; what is measured and why "
             "the comparison is fair: [README.md](README.md). Every number below comes from this one run, "
             "solvers side by side on the same machine.", "",
             (f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; {m['platform']}; load average at start "
             f"{m['load_average_at_start']} (shared machine: single timings are noisy, medians and ratios are the "
             f"figures to read). Python {m['python']}, ortools {m['ortools']} (CP-SAT, MathOpt), HiGHS {m['highs']}, "
             f"numpy {m['numpy']}. Time limits: CP-SAT {data['limits']['cpsat_s']:g} s, HiGHS "
             f"{data['limits']['milp_s']:g} s, one thread each. Total run time {data['wall_s'] / 60:.1f} min."), "",
             "## Targets (issue 6)", "", "| target | measured | how | met |", "|---|---|---|---|"]
    for name, value, how, met in targets(s):
        lines.append(f"| {name} | {value} | {how} | {'—' if met is None else ('yes' if met else '**no**')} |")
    lines += ["", (f"CP-SAT proved {s['cpsat_optimal']} of {s['cases']} cases optimal, HiGHS {s['highs_optimal']}; "
              f"validator findings on all solver plans: {s['plan_violations']}. HiGHS ÷ CP-SAT: median "
              f"{_x(s['milp_ratio_median'])}, geometric mean {_x(s['milp_ratio_geomean'])} over {s['milp_cases']} cases "
              f"({s['milp_ratio_lower_bounds']} are lower bounds: HiGHS unproven at its limit; HiGHS faster in "
              f"{s['milp_faster_cases']}). Template baseline: {s['template_cases_with_violations']} case(s) with "
              f"validator findings left out of the readiness comparison; smallest gain {smallest}."), ""]
    if data.get("headline"):
        h = data["headline"]
        lines += ["## Headline: scenarios/marathon-16w.yaml", "",
                  (f"{h['repeats']} repeats, alternating. CP-SAT time to proof (s): "
                  f"{_series(h['cpsat_proof_s'])} — median {_t(h['cpsat_median_s'])}. "
                  f"HiGHS: {_series(h['highs_proof_s'])} — median {_t(h['highs_median_s'])}."), ""]
    if data.get("two_cores"):
        lines += ["## Both cores per solver: the 16-week marathons", "",
                  ("CP-SAT with the `fast` preset (two full-LP workers, not deterministic) and HiGHS with two "
                   "threads, alternating, three times each; time to proof in seconds."), "",
                  "| case | CP-SAT fast | median | HiGHS 2 threads | median | HiGHS ÷ CP-SAT |", "|---|---|---|---|---|---|"]
        for t in data["two_cores"]:
            lines.append(f"| {t['case']} | {_series(t['cpsat_proof_s'])} | {_t(t['cpsat_median_s'])} | "
                         f"{_series(t['highs_proof_s'])} | {_t(t['highs_median_s'])} | "
                         f"{_x(t['highs_median_s'] / t['cpsat_median_s'])} |")
        lines.append("")
    lines += ["## By block length", "", ("| weeks | cases | CP-SAT proof median / max s | HiGHS proof median / max s "
              "| HiGHS ÷ CP-SAT median | readiness gain over template, median |"), "|---|---|---|---|---|---|"]
    lines += by_length(data)
    lines += ["", "## Cases", "", ("Gaps are (bound − best) / best in the solvers' objective (readiness above the "
              "all-rest plan); — before the first plan. `≥` marks a lower bound."), "", *case_table(data), ""]
    if data.get("batch"):
        b = data["batch"]
        lines += ["## Batch", "", (f"{b['plans']} 16-week marathon variants through the product's parallel path "
                  f"(`{b.get('path', 'solve_all')}`, as `peakplan compare --plans-dir` runs it): {b['workers']} worker "
                  f"processes, one solve per core, one CP-SAT worker each, process start-up included: "
                  f"{b['optimal']} proven optimal in {b['wall_s']:.1f} s = "
                  f"**{b['optimal_plans_per_minute']:.0f} proven-optimal plans per minute**; median solver time per "
                  f"plan {b['median_solve_s']:.2f} s."), ""]
    if data.get("memory"):
        mem = data["memory"]
        lines += ["## Memory", "", (f"{mem['case']}: peak RSS {mem['peak_mb']:.0f} MB ({mem['after_imports_mb']:.0f} MB "
                  f"after imports), status {mem['status']}, solve {mem['solve_s']:.2f} s."), ""]
    return lines


def _series(values: list[float]) -> str:
    return ", ".join(_t(x) for x in values)


def _x(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}x"
