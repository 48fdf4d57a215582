"""The loads and readiness of a hand-made plan, written straight from docs/rules.md "Load" and
"Readiness" as plain loops: a second implementation the validator's numbers are checked against.

Only the published Daniels & Gilbert equations (``peakplan.paces``) are shared with the product.
"""

from __future__ import annotations

import math

from peakplan.paces import distance_m, race_time_s, training_paces, vdot_from_race
from peakplan.scenario import Scenario
from peakplan.timefmt import parse_duration_s

PRE_DAYS = 400


def current_vdot(scenario: Scenario) -> float:
    """athlete.vdot, else the recent race's, else the goal time's, else 40."""
    a, race = scenario.athlete, scenario.race
    if a.vdot is not None:
        return a.vdot
    if a.recent_race is not None:
        return vdot_from_race(distance_m(a.recent_race.distance), parse_duration_s(a.recent_race.time))
    if race.goal_time:
        return vdot_from_race(race.distance_km * 1000, parse_duration_s(race.goal_time))
    return 40.0


def has_paces(scenario: Scenario) -> bool:
    a = scenario.athlete
    return a.vdot is not None or a.recent_race is not None or bool(scenario.race.goal_time)


def zone_factor(scenario: Scenario, zone: str, race_km: float) -> float:
    """f(zone) = (T / p(zone))² · 100 / 60 with the athlete's Daniels paces."""
    vdot = current_vdot(scenario)
    paces = training_paces(vdot)
    slow, fast = paces.easy_s_per_km
    pace = {"easy": (slow + fast) / 2, "recovery": 1.08 * slow, "marathon": paces.marathon_s_per_km,
            "threshold": paces.threshold_s_per_km, "interval": paces.interval_s_per_km,
            "hill": paces.interval_s_per_km, "repetition": paces.repetition_s_per_km,
            "stride": paces.repetition_s_per_km,
            "race": race_time_s(vdot, race_km * 1000) / race_km}[zone]
    return (paces.threshold_s_per_km / pace) ** 2 * 100 / 60


def per_minute(scenario: Scenario, session: str, race_km: float | None = None) -> float:
    """Load of one minute of ``session`` (``race_km``: the distance its race pace is of)."""
    km = scenario.race.distance_km if race_km is None else race_km
    if session == "rest":
        return 0.0
    if session == "race":
        if not has_paces(scenario):
            return scenario.race_session.intensity_factor ** 2 * 100 / 60
        return zone_factor(scenario, "race", km)
    kind = scenario.catalogue.sessions[session]
    if not has_paces(scenario):
        return kind.intensity_factor ** 2 * 100 / 60
    q = kind.quality_fraction if kind.work_pace is not None else 0.0
    work = zone_factor(scenario, kind.work_pace, km) if kind.work_pace is not None else 0.0
    return (1 - q) * zone_factor(scenario, kind.base_pace, km) + q * work


def easy_level(scenario: Scenario) -> float:
    """The athlete's current weekly minutes run easy, as a daily load."""
    return scenario.athlete.current_weekly_minutes / 7 * per_minute(scenario, "easy")


def pre_block(scenario: Scenario) -> list[float]:
    """The loads of the 400 days before the block, oldest first: athlete.loads_before's last 400
    (preceded by days at the mean of its first 28 when shorter), else 400 days at athlete.ctl,
    else at the easy level."""
    given = list(scenario.athlete.loads_before)[-PRE_DAYS:]
    if given:
        head = given[:28]
        return [sum(head) / len(head)] * (PRE_DAYS - len(given)) + given
    level = scenario.athlete.ctl if scenario.athlete.ctl is not None else easy_level(scenario)
    return [level] * PRE_DAYS


def pre_block_load(scenario: Scenario) -> float:
    """Training on as now: the mean of loads_before's last 28 days, else athlete.ctl, else the easy level."""
    given = list(scenario.athlete.loads_before)
    if given:
        return sum(given[-28:]) / len(given[-28:])
    return scenario.athlete.ctl if scenario.athlete.ctl is not None else easy_level(scenario)


def ewma(loads: list[float], start: float, tau: float) -> list[float]:
    lam, value, out = 1 - math.exp(-1 / tau), start, []
    for load in loads:
        value += lam * (load - value)
        out.append(value)
    return out


def pmc(scenario: Scenario, loads: list[float], taus: tuple[float, float]):
    """CTL(d), ATL(d), TSB(d) = CTL(d−1) − ATL(d−1), and the starting CTL(−1), ATL(−1): athlete.ctl
    and athlete.atl, else the 42/7-day PMC over the 400 days before, started at the first one's load."""
    before = pre_block(scenario)
    ctl0 = ewma(before, before[0], 42.0)[-1] if scenario.athlete.ctl is None else scenario.athlete.ctl
    atl0 = ewma(before, before[0], 7.0)[-1] if scenario.athlete.atl is None else scenario.athlete.atl
    ctl, atl = ewma(loads, ctl0, taus[0]), ewma(loads, atl0, taus[1])
    tsb = [ctl0 - atl0] + [c - a for c, a in zip(ctl[:-1], atl[:-1], strict=True)]
    return ctl, atl, tsb, ctl0, atl0


def banister(scenario: Scenario, loads: list[float]) -> tuple[float, float]:
    """(p(T), p0): the block's loads before race day plus the 400 days before the block."""
    model = scenario.readiness
    before = pre_block(scenario)  # before[i] is the load of m = 400 − i days before the block

    def c(n: int) -> float:
        return model.k1 * math.exp(-n / model.tau_fitness_days) - model.k2 * math.exp(-n / model.tau_fatigue_days)

    p0 = model.p0
    if model.baseline == "athlete":
        p0 = current_vdot(scenario) - sum(load * c(PRE_DAYS - i) for i, load in enumerate(before))
    t = len(loads) - 1
    p = p0 + sum(loads[d] * c(t - d) for d in range(t)) + sum(load * c(t + PRE_DAYS - i) for i, load in enumerate(before))
    return p, p0


def prediction(scenario: Scenario, loads: list[float]) -> dict:
    """The plan's prediction block (readiness models in VDOT)."""
    t, km = len(loads) - 1, scenario.race.distance_km
    race_day, _ = banister(scenario, loads)
    rest, _ = banister(scenario, [0.0] * t + [loads[-1]])
    keep, _ = banister(scenario, [pre_block_load(scenario)] * t + [loads[-1]])
    now = current_vdot(scenario)
    return {"unit": "vdot", "current_vdot": round(now, 6), "current_source": "athlete.vdot",
            "race_day_vdot": round(race_day, 6), "race_time_s": round(race_time_s(race_day, km * 1000), 1),
            "current_race_time_s": round(race_time_s(now, km * 1000), 1),
            "no_training_vdot": round(rest, 6), "keep_training_vdot": round(keep, 6)}
