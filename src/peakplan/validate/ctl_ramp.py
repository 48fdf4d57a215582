"""ctl_ramp: see validate/load_state.py (the three load-state rules share their recomputation)."""

from __future__ import annotations

from peakplan.validate.load_state import check_ctl_ramp as check

NAME = "ctl_ramp"
__all__ = ["NAME", "check"]
