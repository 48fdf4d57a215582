"""The front door: `import peakplan` gives load_scenario, solve, Result, Status and the plan file
reader and writer; commands that do not solve never load OR-Tools."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import peakplan
from peakplan.planner import solve
from peakplan.scenario import load_scenario
from peakplan.validate import validate

ROOT = Path(__file__).resolve().parent.parent
FIVE_K = ROOT / "scenarios" / "5k-8w.yaml"


def test_documented_notebook_path(tmp_path: Path) -> None:
    """The README's notebook path, end to end (the plan is validated, written and read back)."""
    result = peakplan.solve(peakplan.load_scenario(FIVE_K))
    assert result.status == peakplan.Status.OPTIMAL
    assert isinstance(result, peakplan.Result) and result.plan is not None
    assert validate(result.scenario, result.plan) == []
    frame = result.to_dataframe()
    assert len(frame) == len(result.days) and {"session", "minutes", "load", "tsb", "workout"} <= set(frame.columns)
    assert frame["minutes"].sum() == sum(d.minutes for d in result.days)
    path = peakplan.write_plan(tmp_path / "plan.json", result.plan)
    assert peakplan.read_plan(path) == result.plan


def test_issue_command_prints_the_status() -> None:
    code = ("import peakplan; r = peakplan.solve(peakplan.load_scenario('scenarios/5k-8w.yaml')); "
            "print(r.status)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "OPTIMAL"


def test_result_is_frozen() -> None:
    result = solve(load_scenario(FIVE_K))
    with pytest.raises(AttributeError):
        result.status = peakplan.Status.UNKNOWN  # type: ignore[misc]


def test_infeasible_result_carries_its_explanation() -> None:
    data = {"start_date": "2027-01-04", "race": {"distance": "10k", "date": "2027-01-31"},
            "athlete": {"current_weekly_minutes": 200, "peak_weekly_minutes": 300, "longest_recent_run_minutes": 70},
            "availability": {"max_minutes": {"mon": 45, "tue": 60, "wed": 45, "thu": 60, "fri": 0, "sat": 60,
                                             "sun": 100}},
            # the taper week at most 5 % of the peak week, though it is a normal week that needs a long run
            "rules": {"taper": {"volume_bands": [[0.0, 0.05], [0.0, 0.05]]}}}
    result = solve(peakplan.scenario_from_dict(data))
    assert result.status == peakplan.Status.INFEASIBLE and result.plan is None
    assert result.explanation is not None and "taper" in result.explanation.families()


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "plan.json"
    result = solve(load_scenario(FIVE_K))
    assert result.plan is not None
    peakplan.write_plan(path, result.plan)
    return path


@pytest.mark.parametrize("argv", [
    ["--help"], ["paces", "--distance", "10k", "--time", "40:00"], ["schema"], ["schema", "--plan"],
    ["validate", str(FIVE_K), "{plan}"], ["export", "{plan}", "--format", "md"], ["report", "{plan}", "-o", "{html}"],
    ["solve", "--help"], ["compare", "--help"],
])
def test_commands_that_do_not_solve_never_import_ortools(argv: list[str], plan_file: Path, tmp_path: Path) -> None:
    args = [a.format(plan=plan_file, html=tmp_path / "r.html") for a in argv]
    code = ("import sys; from peakplan.cli import main; rc = main(sys.argv[1:]); "
            "assert 'ortools' not in sys.modules, 'OR-Tools was imported'; sys.exit(rc)")
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
