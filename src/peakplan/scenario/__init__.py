"""Scenario: the pure-data input of peakplan."""

from peakplan.scenario.loader import ScenarioError, load_scenario, scenario_from_dict
from peakplan.scenario.schema import PHASES, WEEKDAYS, Scenario

__all__ = ["PHASES", "WEEKDAYS", "Scenario", "ScenarioError", "load_scenario", "scenario_from_dict"]
