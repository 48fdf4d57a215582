"""Plans: the plan file contract (:mod:`~peakplan.plan.file`), the one pipeline that builds it
(:mod:`~peakplan.plan.build`) and the one reader and writer (:mod:`~peakplan.plan.io`)."""

from peakplan.plan.file import PlanDay, PlanFile, PlanWeek, Readiness, TightRule
from peakplan.plan.io import PlanFileError, plan_from_data, plan_from_json, read_plan, write_plan

__all__ = ["PlanDay", "PlanFile", "PlanFileError", "PlanWeek", "Readiness", "TightRule", "plan_from_data",
           "plan_from_json", "read_plan", "write_plan"]
