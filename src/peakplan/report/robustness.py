"""Scoring one plan under several readiness models, side by side: does "optimal" depend on the model?

Each plan is scored from its own daily loads and its athlete's training before the block, under
the runner model (VDOT), the pmc model (race-day CTL, with whether its TSB window holds) and
Busso's nonlinear variable dose-response model (VDOT), or any readiness model file. Each model's
numbers stay in its own unit and row (docs/science.md "Readiness").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pydantic import ValidationError

from peakplan.athlete import current_fitness, loads_of, pre_block_loads, start_state
from peakplan.errors import ScenarioError
from peakplan.files.yaml_source import read_yaml
from peakplan.modelfiles import BanisterModel, PmcModel, load_readiness, resolve_path
from peakplan.modelfiles.readiness_models import BussoModel
from peakplan.plan.file import PlanFile
from peakplan.readiness import busso_baseline_p0, busso_performance, race_day_value, trajectory, untrained_p0

DEFAULT_MODELS = ("runner", "pmc", "busso")
AnyModel = BanisterModel | PmcModel | BussoModel


@dataclass(frozen=True)
class Score:
    model: str      # the name given on the command line
    unit: str       # VDOT, CTL, or the model's unit
    value: float
    note: str = ""  # e.g. "TSB +12.1 in +5..+15"


def load_model(name: str) -> AnyModel:
    """A readiness model by name in models/ or path; Busso models too (score-only)."""
    try:
        data, _ = read_yaml(resolve_path(name))
    except ValueError as exc:
        raise ScenarioError(f"--models {name}: {exc}") from None
    if isinstance(data, dict) and data.get("kind") == "busso":
        try:
            return BussoModel.model_validate(data)
        except ValidationError as exc:
            raise ScenarioError(f"--models {name}: not a Busso model ({exc.errors()[0]['msg']}).") from None
    return load_readiness(name)


def score(plan: PlanFile, name: str, model: AnyModel | None = None) -> Score:
    """The plan's race-day readiness under ``model`` (read from ``name`` when not given)."""
    model = model or load_model(name)
    sc = plan.scenario
    table = loads_of(sc)
    training = np.array([d.load for d in plan.training_days])
    start, before = start_state(sc, table), pre_block_loads(sc, table)
    vdot_now = current_fitness(sc).vdot
    if isinstance(model, PmcModel):
        path = trajectory(model, training, start)
        ctl, tsb = float(path.ctl[-1]), float(path.ctl[-1] - path.atl[-1])
        inside = model.tsb_min <= tsb <= model.tsb_max
        return Score(name, "CTL", ctl, f"TSB {tsb:+.1f} {'in' if inside else 'outside'} {model.tsb_min:+g}..{model.tsb_max:+g}")
    unit = "VDOT" if model.unit == "vdot" else model.unit
    if isinstance(model, BussoModel):
        if model.baseline == "athlete":
            model = model.model_copy(update={"p0": busso_baseline_p0(model, vdot_now, before)})
        return Score(name, unit, busso_performance(model, np.concatenate([before, training]), len(before) + len(training)))
    if model.baseline == "athlete":
        model = model.model_copy(update={"p0": untrained_p0(model, vdot_now, before)})
    return Score(name, unit, race_day_value(model, training, start, before))


def scores(plan: PlanFile, names: tuple[str, ...] | list[str]) -> list[Score]:
    models = {n: load_model(n) for n in names}
    return [score(plan, n, models[n]) for n in names]


def model_names(text: str) -> list[str]:
    """``runner,pmc,busso`` -> names; each must be readable (ScenarioError names the bad one)."""
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names:
        raise ScenarioError("--models: give readiness model names separated by commas, e.g. runner,pmc,busso.")
    for n in names:
        load_model(n)
    return names


__all__ = ["DEFAULT_MODELS", "Score", "load_model", "model_names", "score", "scores"]
