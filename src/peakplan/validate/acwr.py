"""acwr: see validate/load_state.py (the three load-state rules share their recomputation)."""

from __future__ import annotations

from peakplan.validate.load_state import check_acwr as check

NAME = "acwr"
__all__ = ["NAME", "check"]
