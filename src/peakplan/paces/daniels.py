"""The Daniels & Gilbert running equations: oxygen cost, time to exhaustion, VDOT, race times.

Source: J. Daniels & J. Gilbert, *Oxygen Power: Performance Tables for Distance Runners* (1979),
as restated in *Daniels' Running Formula* (3rd ed., 2013, ch. 3). Speeds ``v`` are in metres per
minute and durations ``t`` in minutes inside the equations, as in the original; the public
functions take and return seconds and metres.
"""

from __future__ import annotations

import math

# Oxygen cost of running at v m/min, ml/kg/min: VO2 = A + B v + C v^2 (Daniels & Gilbert 1979).
VO2_A = -4.60
VO2_B = 0.182258
VO2_C = 0.000104

# Fraction of VO2max sustainable for t minutes (Daniels & Gilbert 1979 "drop-dead" curve):
# %max = P0 + P1 e^(-K1 t) + P2 e^(-K2 t).
PCT_P0 = 0.8
PCT_P1 = 0.1894393
PCT_K1 = 0.012778
PCT_P2 = 0.2989558
PCT_K2 = 0.1932605

# Bisection bounds for a race time, as speeds (m/min): 30 m/min is a slow walk, 600 m/min is
# faster than any human race (a 1:40 per km pace); bisection narrows to _TOL_S.
_SLOWEST_M_PER_MIN = 30.0
_FASTEST_M_PER_MIN = 600.0
_TOL_S = 1e-6
_MAX_STEPS = 200  # halvings: far more than 1e-6 s needs, and a stop where float spacing exceeds _TOL_S


def vo2_cost(speed_m_per_min: float) -> float:
    """Oxygen cost (ml/kg/min) of running at ``speed_m_per_min`` (Daniels & Gilbert 1979)."""
    v = speed_m_per_min
    return VO2_A + VO2_B * v + VO2_C * v * v


def fraction_sustainable(duration_minutes: float) -> float:
    """Fraction of VO2max a runner sustains for an all-out effort of this length (Daniels & Gilbert 1979)."""
    t = duration_minutes
    return PCT_P0 + PCT_P1 * math.exp(-PCT_K1 * t) + PCT_P2 * math.exp(-PCT_K2 * t)


def vdot_from_race(distance_m: float, time_s: float) -> float:
    """VDOT of a race: oxygen cost of its mean speed over the sustainable fraction for its duration."""
    if distance_m <= 0 or time_s <= 0:
        raise ValueError("distance and time must be positive")
    minutes = time_s / 60.0
    return vo2_cost(distance_m / minutes) / fraction_sustainable(minutes)


def speed_at_vo2(vo2: float) -> float:
    """Speed (m/min) whose oxygen cost is ``vo2``: the positive root of the cost quadratic."""
    discriminant = VO2_B * VO2_B - 4.0 * VO2_C * (VO2_A - vo2)
    if discriminant < 0:
        raise ValueError(f"no running speed costs {vo2:.1f} ml/kg/min")
    return (-VO2_B + math.sqrt(discriminant)) / (2.0 * VO2_C)


def pace_s_per_km_at(vdot: float, fraction: float) -> float:
    """Pace (s/km) of running at ``fraction`` of VDOT (Daniels' Running Formula, training intensities)."""
    return 60_000.0 / speed_at_vo2(fraction * vdot)


def race_time_s(vdot: float, distance_m: float) -> float:
    """Equivalent all-out time for ``distance_m`` at this VDOT, by bisection on the race time.

    Solves ``vdot_from_race(distance_m, t) == vdot``; the left side falls monotonically as ``t``
    grows (slower speed, and the sustainable fraction falls more slowly than the cost), so plain
    bisection converges without a dependency on scipy.
    """
    if vdot <= 0 or distance_m <= 0:
        raise ValueError("vdot and distance must be positive")
    fast_s = distance_m / _FASTEST_M_PER_MIN * 60.0
    slow_s = distance_m / _SLOWEST_M_PER_MIN * 60.0
    if not vdot_from_race(distance_m, slow_s) <= vdot <= vdot_from_race(distance_m, fast_s):
        raise ValueError(f"VDOT {vdot:.1f} is outside the range the equations cover for {distance_m:.0f} m")
    for _ in range(_MAX_STEPS):
        if slow_s - fast_s <= _TOL_S:
            break
        mid_s = 0.5 * (fast_s + slow_s)
        if vdot_from_race(distance_m, mid_s) > vdot:
            fast_s = mid_s
        else:
            slow_s = mid_s
    return 0.5 * (fast_s + slow_s)
