"""Is the plan for this scenario? The embedded ``scenario`` must equal the one given.

A plan embeds the resolved scenario it was made for (docs/plan-format.md). Checked against
another scenario, every rule would report its own mismatch (a hundred lines for a plan that is
simply for another race); instead validation stops at one ``plan_consistency`` violation naming
the first differences. Compared: everything a plan is made from: dates, race, athlete,
availability, rules, race session, session catalogue and readiness model. Not compared: the
name, the solver settings and the model file names (the files' contents are compared, so a
moved scenario folder still matches).
"""

from __future__ import annotations

from typing import Any

from peakplan.scenario.schema import Scenario
from peakplan.validate.stated import shown
from peakplan.validate.violation import Violation

NAME = "plan_consistency"
IGNORED = ("name", "solver", "model")
SHOWN_DIFFERENCES = 3


def differences(stated: Any, given: Any, path: str = "", limit: int = SHOWN_DIFFERENCES) -> list[str]:
    """'path: X in the plan, Y in the scenario' for the first ``limit`` differing leaves."""
    if isinstance(stated, dict) and isinstance(given, dict):
        out: list[str] = []
        for key in [*given, *(k for k in stated if k not in given)]:
            if len(out) >= limit:
                break
            out += differences(stated.get(key), given.get(key), f"{path}.{key}" if path else str(key), limit - len(out))
        return out
    if isinstance(stated, list) and isinstance(given, list) and len(stated) == len(given):
        out = []
        for i, (a, b) in enumerate(zip(stated, given, strict=True)):
            if len(out) >= limit:
                break
            out += differences(a, b, f"{path}[{i}]", limit - len(out))
        return out
    if stated == given and type(stated) is type(given):
        return []
    return [f"{path or '(scenario)'} {shown(stated)[:40]} in the plan, {shown(given)[:40]} in the scenario"]


def mismatch(scenario: Scenario, plan: Any) -> Violation | None:
    """One violation when the plan embeds another scenario (None when it is this one's, or embeds none)."""
    if not isinstance(plan, dict) or "scenario" not in plan:
        return None  # reported by the plan's own format checks
    stated = plan["scenario"]
    given = {k: v for k, v in scenario.model_dump(mode="json").items() if k not in IGNORED}
    if isinstance(stated, dict):
        stated = {k: v for k, v in stated.items() if k not in IGNORED}
    found = differences(stated, given)
    if not found:
        return None
    return Violation(NAME, "scenario", "this plan is for another scenario",
                     f"The plan was made for another scenario or race ({'; '.join(found)}"
                     f"{'; ...' if len(found) >= SHOWN_DIFFERENCES else ''}). Validate it against the scenario it "
                     "was made for, or solve this scenario for a new plan.")
