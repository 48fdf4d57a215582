"""ctl_ramp (off by default, docs/rules.md): each week with training days,
CTL(last day of w) - CTL(last day of the previous such week, or CTL(-1)) <= max_per_week * len(w) / 7,
with CTL the PMC's chronic load (42 days under a banister model).

Scenario: the base 4-week block (tests/model/support.py), other families off unless named.
"""

from __future__ import annotations

import math

import pytest

from ..support import (
    COSTLY,
    LOAD_STATE_ROUNDING_BUG,
    TWO_WEEKS,
    WEEKDAYS,
    WIDE_PMC,
    assert_infeasible,
    catalogue,
    only,
    pmc_states,
    readiness,
    solve_checked,
)

EASY = {"easy": {"intensity_factor": 0.70, "min_minutes": 0, "max_minutes": 100, "hard": False}}
LAMBDA_CTL = 1 - math.exp(-1 / 42)


def weekly_gains(result, ctl0: float) -> list[float]:
    """CTL at the end of each week with training days minus CTL at the end of the one before."""
    ctl = [c for c, _ in pmc_states(result, ctl0, ctl0)]
    ends = [max(i for i, d in enumerate(result.days[:-1]) if d.week == w) for w in sorted({d.week for d in result.days[:-1]})]
    values = [ctl0] + [ctl[i] for i in ends]
    return [b - a for a, b in zip(values, values[1:], strict=False)]


def test_feasible():
    result = solve_checked(only("ctl_ramp", **{"rules.ctl_ramp.enabled": True}))
    assert result.status == "OPTIMAL"


@pytest.mark.xfail(strict=True, reason=LOAD_STATE_ROUNDING_BUG)  # week 1 gains 3.05 > 3
def test_ramp_binds(tmp_path):
    # pmc readiness (maximise race-day CTL; window too wide to matter), one `easy` type (.8167 load a
    # minute), 100 min a day, CTL(-1) = 30, TWO_WEEKS. Uncapped, CTL gains about
    # (81.7 - 30)(1 - e^{-7/42}) = 7.9 in week 1; capped at 3 a week, no week gains more than 3 and the
    # cap binds.
    base = {"model.catalogue": catalogue(tmp_path, EASY), "model.readiness": readiness(tmp_path, WIDE_PMC),
            "availability.max_minutes": dict.fromkeys(WEEKDAYS, 100), "athlete.ctl": 30.0, "athlete.atl": 30.0,
            **TWO_WEEKS}
    capped = solve_checked(only("ctl_ramp", **base, **{"rules.ctl_ramp.enabled": True, "rules.ctl_ramp.max_per_week": 3.0}))
    gains = weekly_gains(capped, 30.0)
    assert max(gains) <= 3.0 + 1e-9
    assert max(gains) >= 2.95
    free = solve_checked(only(**base))
    assert weekly_gains(free, 30.0)[0] > 7.5
    assert free.objective > capped.objective


@pytest.mark.xfail(strict=True, reason=LOAD_STATE_ROUNDING_BUG)  # 0.95 refused: 24e-3 x 38.88 + margin > 0.95
def test_past_the_edge_a_required_long_run(tmp_path):
    # From CTL(-1) = 0 every minute costs (COSTLY readiness), but week 1 needs its long run (long_run:
    # required, >= 45 min, on Sunday; shares lifted to 1.0 so nothing else is needed): 45 x .72^2 x
    # 100 / 60 = 38.88 load on day 6, so CTL(6) = 38.88 x lambda_ctl = 0.9148. max_per_week 0.95:
    # feasible, week 1 is that one long run; 0.90: infeasible, ctl_ramp and long_run named.
    base = {"model.readiness": readiness(tmp_path, COSTLY), "athlete.ctl": 0.0, "athlete.atl": 0.0,
            "rules.long_run.max_share_by_days": dict.fromkeys(range(1, 8), 1.0), "rules.ctl_ramp.enabled": True}
    assert pytest.approx(0.9148, abs=1e-4) == 38.88 * LAMBDA_CTL
    inside = solve_checked(only("ctl_ramp", "long_run", **base, **{"rules.ctl_ramp.max_per_week": 0.95}))
    assert [(d.weekday, d.session, d.minutes) for d in inside.days[:7] if d.minutes] == [("sun", "long", 45)]
    assert weekly_gains(inside, 0.0)[0] == pytest.approx(0.9148, abs=1e-3)
    past = only("ctl_ramp", "long_run", **base, **{"rules.ctl_ramp.max_per_week": 0.90})
    assert assert_infeasible(past, "ctl_ramp") == {"ctl_ramp", "long_run"}
