"""Command inputs: scenario files (optionally multiplied by --set grids) and plan files, in order."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from peakplan.errors import ScenarioError
from peakplan.files.atomic import OutputError, prepare_output, write_output
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


def check_plans_dir(folder: Path) -> None:
    """Before any solve: ``folder`` is a folder, or can be created (OutputError otherwise)."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"--plans-dir {str(folder)[:300]!r} is a file, not a folder; give a folder for the plan files.")
    existing = next((p for p in (folder, *folder.absolute().parents) if p.exists()), Path("/"))
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"--plans-dir {str(folder)[:300]!r}: {str(existing)[:300]!r} is not a writable folder; "
                          "pick another place.")


def write_plans(outcomes: Sequence[Outcome], folder: Path) -> tuple[list[Path], list[str]]:
    """Each solved variant's plan file in ``folder`` (files.atomic: atomic writes), and any warnings;
    plan-file inputs are skipped."""
    written, warnings = [], []
    folder.mkdir(parents=True, exist_ok=True)  # an explicit output folder may be new
    for o in outcomes:
        if o.plan is not None and not is_plan_file(Path(o.source)):
            target = prepare_output(folder / plan_file_name(o), "--plans-dir")
            warning = write_output(target, o.plan.to_json().encode("utf-8"))
            warnings += [warning] if warning else []
            written.append(folder / plan_file_name(o))
    return written, warnings
