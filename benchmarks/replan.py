"""Re-planning study: five real-life cases on the shipped 16-week marathon, each re-planned
(`peakplan.replan.replan`) and, side by side in the same run, solved from scratch as
`peakplan solve` would from the same day (the *best* solve of the re-plan is that solve). Writes
benchmarks/REPLAN.md and replan.json: status, wall time per step, changed days and minutes moved
against the best re-plan, predicted race time before and after, validator verdict.

    python -m benchmarks.replan            # about 1-2 min on 2 cores
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

from peakplan import load_scenario, solve
from peakplan.plan.file import PlanFile
from peakplan.replan import replan
from peakplan.replan.done import Done, Entry
from peakplan.timefmt import clock
from peakplan.validate import validate

HERE = Path(__file__).resolve().parent
SCENARIO = HERE.parent / "scenarios" / "marathon-16w.yaml"


def _week(plan: PlanFile, w: int) -> list[dt.date]:
    return [d.date for d in plan.days if d.week == w]


def _run_day(plan: PlanFile, w: int, k: int) -> dt.date:
    return [d.date for d in plan.days if d.week == w and d.minutes > 0][k]


def cases(plan: PlanFile) -> list[tuple[str, Done, dt.date, dict]]:
    nothing = Done({}, True, "study")
    w5, w9 = _week(plan, 5), _week(plan, 9)
    scattered = [_run_day(plan, 3, 1), _run_day(plan, 5, 2), _run_day(plan, 6, 0)]
    later = plan.scenario.race.date + dt.timedelta(days=7)
    return [
        ("week 5 missed", Done(dict.fromkeys(w5, Entry(0, None)), True, "study"), w5[-1] + dt.timedelta(days=1), {}),
        ("3 sessions missed (weeks 3, 5, 6)", Done(dict.fromkeys(scattered, Entry(0, None)), True, "study"),
         _week(plan, 6)[-1] + dt.timedelta(days=1), {}),
        ("5-day illness in week 9 (moderate)", nothing, w9[0], {"ill": [f"{w9[0]}..{w9[4]}:moderate"]}),
        ("2-week holiday added (weeks 8-9)", nothing, _week(plan, 7)[0],
         {"blackouts": [f"{_week(plan, 8)[0]}..{_week(plan, 9)[-1]}"]}),
        ("race a week later", nothing, _week(plan, 6)[0], {"settings": [f"race.date={later}"]}),
    ]


def main() -> int:
    original = solve(load_scenario(SCENARIO)).plan
    assert original is not None and original.prediction is not None
    rows = []
    for name, done, start, edits in cases(original):
        mark = time.perf_counter()
        result = replan(original, done, from_date=start, **edits)
        row: dict = {"case": name, "from": str(start), "status": result.status,
                     "wall_s": round(time.perf_counter() - mark, 2),
                     "steps_s": {k: round(v, 2) for k, v in result.times_s.items()}, "notes": result.notes}
        if result.plan is not None and result.best is not None and result.plan.changes is not None:
            c, new = result.plan.changes, result.plan
            mark = time.perf_counter()
            scratch = solve(original.scenario)   # side by side: the whole block solved from scratch
            found = validate(result.scenario, new)
            row |= {"valid": found == [], "violations": [f"{v.rule} {v.where}" for v in found][:5],
                    "changed_days": c.changed_days,
                    "best_changed_days": c.best_changed_days, "minutes_moved": c.minutes_moved,
                    "best_minutes_moved": c.best_minutes_moved,
                    "race_time": [clock(original.prediction.race_time_s),
                                  clock(new.prediction.race_time_s) if new.prediction else None],
                    "block_solve_s": round(time.perf_counter() - mark, 2), "block_solve_status": scratch.status.value,
                    "weeks_original": [w.minutes for w in original.weeks], "weeks_new": [w.minutes for w in new.weeks]}
        rows.append(row)
        print(json.dumps(row), flush=True)
    (HERE / "replan.json").write_text(json.dumps({"load_average": os.getloadavg(), "cases": rows}, indent=1) + "\n",
                                      encoding="utf-8")
    lines = ["# Re-planning study (`python -m benchmarks.replan`)", "",
             "The shipped 16-week marathon, five real-life cases. *changed* = days whose session type differs from the",
             "original plan (this re-plan / the best, readiness-only re-plan); *moved* = minutes |new - original|;",
             "*scratch* = the whole 16-week block solved from scratch in the same run (seconds, status); the best",
             "re-plan (the re-plan's second step) is the from-scratch solve of the rest of the block.", "",
             "| case | status | re-plan s (excuse / best / fewest) | scratch s | changed | moved | race time | valid |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        s = r["steps_s"]
        steps = " / ".join(str(s.get(k, "-")) for k in ("excuse", "best", "fewest_changes"))
        lines.append(f"| {r['case']} | {r['status']} | {r['wall_s']} ({steps}) | {r.get('block_solve_s', '-')} "
                     f"{r.get('block_solve_status', '')} | {r.get('changed_days', '-')} / {r.get('best_changed_days', '-')} "
                     f"| {r.get('minutes_moved', '-')} / {r.get('best_minutes_moved', '-')} | "
                     f"{' → '.join(r.get('race_time') or ['-'])} | {r.get('valid', '-')} |")
    lines += ["", "Notes (rules excused):", ""] + [f"- {r['case']}: {'; '.join(r['notes']) or 'none'}" for r in rows]
    lines += ["", f"Load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())} (2 shared cores)."]
    (HERE / "REPLAN.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
