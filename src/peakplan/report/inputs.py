"""Command inputs: scenario files (optionally multiplied by --set grids) and plan files, in order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from peakplan.errors import ScenarioError
from peakplan.plan.io import write_plan
from peakplan.report.runner import Outcome, plan_outcome, prepare, solve_with_progress, unique_labels
from peakplan.report.variants import Variant, parse_setting, variants

PLAN_SUFFIXES = (".json",)


def is_plan_file(path: Path) -> bool:
    return path.suffix.lower() in PLAN_SUFFIXES


def collect(inputs: Sequence[Path], set_texts: Sequence[str], time_limit_s: float | None = None
            ) -> list[Variant | Outcome]:
    """Plan files become Outcomes; scenario files become one prepared Variant per --set grid point.

    Raises ScenarioError or PlanFileError for bad input (the CLI turns them into exit 2).
    """
    settings = [parse_setting(text) for text in set_texts]
    plans = [p for p in inputs if is_plan_file(p)]
    if settings and plans:
        raise ScenarioError(f"--set changes scenarios, but {plans[0]} is a plan file; give scenario YAML files "
                            "with --set, or compare plan files without it.")
    n_scenarios = len(inputs) - len(plans)
    items: list[Variant | Outcome] = []
    for path in inputs:
        if is_plan_file(path):
            items.append(plan_outcome(path))
        else:
            items += [prepare(v, time_limit_s) for v in variants(path, settings, label_with_file=n_scenarios > 1)]
    labels = unique_labels([item.label for item in items])
    return [replace(item, label=label) for item, label in zip(items, labels, strict=True)]


def run(items: Sequence[Variant | Outcome], what: str = "solving") -> list[Outcome]:
    """Outcomes in input order: the variants solved in parallel, plan files as read."""
    to_solve = [item for item in items if isinstance(item, Variant)]
    solved = iter(solve_with_progress(to_solve, what) if to_solve else [])
    return [next(solved) if isinstance(item, Variant) else item for item in items]


def plan_file_name(outcome: Outcome) -> str:
    stem = Path(outcome.source).stem
    label = outcome.label if outcome.label.startswith(stem) else f"{stem} {outcome.label}"
    return re.sub(r"[^A-Za-z0-9._-]+", "_", label.replace("=", "-")).strip("_") + ".json"


def write_plans(outcomes: Sequence[Outcome], folder: Path) -> list[Path]:
    """Each solved variant's plan file in ``folder`` (atomic writes); plan-file inputs are skipped."""
    written = []
    folder.mkdir(parents=True, exist_ok=True)  # an explicit output folder may be new
    for o in outcomes:
        if o.plan is not None and not is_plan_file(Path(o.source)):
            written.append(write_plan(folder / plan_file_name(o), o.plan))
    return written
