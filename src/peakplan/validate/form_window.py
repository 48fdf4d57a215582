"""form_window (pmc readiness model only): race-day form inside the window.

Race-day TSB = ``CTL(T−1) − ATL(T−1)`` in ``[tsb_min, tsb_max]`` (docs/rules.md "Readiness";
practitioners' race-day window +5…+15, docs/science.md "Form window"; PMC by Coggan/TrainingPeaks).
Tolerance: TSB is computed from loads rounded to 3 decimals; each EWMA's weights sum to less
than 1, so rounding moves CTL and ATL by < 5e-4 each and TSB by < 1e-3, which is allowed.
"""

from __future__ import annotations

from peakplan.modelfiles import PmcModel
from peakplan.validate.plan_context import PlanContext
from peakplan.validate.recompute import effective_loads, pmc_trajectory
from peakplan.validate.violation import Tally

NAME = "form_window"
TSB_ABS_TOL = 1e-3


def check(ctx: PlanContext, out: Tally) -> None:
    model = ctx.readiness_model
    if not isinstance(model, PmcModel):
        return
    tsb = pmc_trajectory(ctx, effective_loads(ctx)).race_tsb
    where = ctx.cal.date(ctx.cal.race_day).isoformat()
    window = f"{model.tsb_min:+g}…{model.tsb_max:+g}"
    out.expect(tsb >= model.tsb_min - TSB_ABS_TOL, where,
               f"TSB {model.tsb_min - tsb:+.1f} below the {model.tsb_min:+g} window",
               f"Race-day form is TSB {tsb:+.1f}, under the {window} window: the athlete would arrive tired.")
    out.expect(tsb <= model.tsb_max + TSB_ABS_TOL, where,
               f"TSB {tsb - model.tsb_max:+.1f} above the {model.tsb_max:+g} window",
               f"Race-day form is TSB {tsb:+.1f}, over the {window} window: fitness is lost to extra rest.")
