"""form_window: race-day form inside the readiness model's window (on when the model has one).

Race-day TSB = ``CTL(T−1) − ATL(T−1)`` (docs/rules.md "Readiness"). pmc: TSB in
``[tsb_min, tsb_max]`` TSB points; banister: TSB at least ``tsb_share_min`` and at most
``tsb_share_max`` times race-day CTL (docs/science.md "Form window"). Tolerance: TSB is computed
from loads rounded to 3 decimals; each EWMA's weights sum to less than 1, so rounding moves CTL
and ATL by < 5e-4 each and TSB by < 1e-3, which is allowed.
"""

from __future__ import annotations

from peakplan.modelfiles import PmcModel
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.recompute import effective_loads, pmc_trajectory
from peakplan.validate.violation import Tally

NAME = "form_window"
TSB_ABS_TOL = 1e-3
# The model shrinks the window by its worst rounding of the objective coefficients (half a millionth
# of a readiness unit per minute, about 1.5e-4 TSB a day), so its bound sits up to twice that inside
# the window as written: a stated tight bound is re-derived within this per day of the block, plus
# the rounding of the loads (TSB_ABS_TOL).
FORM_TOL_PER_DAY = 3e-4


def _window(ctx: PlanContext, ctl: float) -> tuple[float | None, float | None, str]:
    model = ctx.readiness_model
    if isinstance(model, PmcModel):
        return model.tsb_min, model.tsb_max, f"{model.tsb_min:+g}…{model.tsb_max:+g}"
    low = None if model.tsb_share_min is None else model.tsb_share_min * ctl
    high = None if model.tsb_share_max is None else model.tsb_share_max * ctl
    shares = "…".join(f"{s:.0%}" if s is not None else "" for s in (model.tsb_share_min, model.tsb_share_max))
    return low, high, f"{shares} of CTL {ctl:.1f}"


def check(ctx: PlanContext, out: Tally) -> None:
    pmc = pmc_trajectory(ctx, effective_loads(ctx))
    tsb = pmc.race_tsb
    low, high, window = _window(ctx, pmc.race_ctl)
    where = ctx.cal.date(ctx.cal.race_day).isoformat()
    tol = FORM_TOL_PER_DAY * ctx.cal.n_days + TSB_ABS_TOL
    if low is not None:
        out.note("race day", tsb - low, tol)
        out.expect(tsb >= low - TSB_ABS_TOL, where, f"TSB {low - tsb:+.1f} below the window ({window})",
                   f"Race-day form is TSB {tsb:+.1f}, under the {window} window: the athlete would arrive tired.")
    if high is not None:
        out.note("race day", high - tsb, tol)
        out.expect(tsb <= high + TSB_ABS_TOL, where, f"TSB {tsb - high:+.1f} above the window ({window})",
                   f"Race-day form is TSB {tsb:+.1f}, over the {window} window: fitness is lost to extra rest.")
