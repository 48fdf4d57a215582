"""atl_cap: see validate/load_state.py (the three load-state rules share their recomputation)."""

from __future__ import annotations

from peakplan.validate.load_state import check_atl_cap as check

NAME = "atl_cap"
__all__ = ["NAME", "check"]
