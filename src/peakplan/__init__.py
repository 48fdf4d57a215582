"""peakplan: optimal running training blocks with CP-SAT.

The front door, for notebooks and scripts::

    import peakplan
    scenario = peakplan.load_scenario("scenarios/marathon-16w.yaml")
    result = peakplan.solve(scenario)          # Result: status, plan, explanation
    print(result.status, result.objective)
    df = result.to_dataframe()                 # one row per day
    peakplan.write_plan("plan.json", result.plan)
    plan = peakplan.read_plan("plan.json")     # PlanFile

Names are imported on first use, so ``import peakplan`` (and the commands that do not solve)
never load OR-Tools. The independent checker is ``peakplan.validate.validate(scenario, plan)``.
"""

TYPE_CHECKING = False  # not typing's: importing typing would add ~7 ms to every start (see cli.py, Ctrl-C)

__version__ = "0.2.0"

_EXPORTS = {
    "load_scenario": "peakplan.scenario.loader",
    "scenario_from_dict": "peakplan.scenario.loader",
    "Scenario": "peakplan.scenario.schema",
    "ScenarioError": "peakplan.errors",
    "InputError": "peakplan.errors",
    "solve": "peakplan.planner",
    "Result": "peakplan.result",
    "Status": "peakplan.result",
    "PlanFile": "peakplan.plan.file",
    "PlanFileError": "peakplan.plan.io",
    "read_plan": "peakplan.plan.io",
    "write_plan": "peakplan.plan.io",
}

__all__ = ["InputError", "PlanFile", "PlanFileError", "Result", "Scenario", "ScenarioError", "Status", "__version__",
           "load_scenario", "read_plan", "scenario_from_dict", "solve", "write_plan"]

if TYPE_CHECKING:
    from typing import Any

    from peakplan.errors import InputError, ScenarioError
    from peakplan.plan.file import PlanFile
    from peakplan.plan.io import PlanFileError, read_plan, write_plan
    from peakplan.planner import solve
    from peakplan.result import Result, Status
    from peakplan.scenario.loader import load_scenario, scenario_from_dict
    from peakplan.scenario.schema import Scenario


def __getattr__(name: str) -> "Any":  # a string: typing is imported for type checkers only
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'peakplan' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
