"""Scenario: the pure-data input of peakplan (race, athlete, availability, rules, model files)."""

from peakplan.errors import ScenarioError
from peakplan.scenario.loader import load_scenario, scenario_from_dict
from peakplan.scenario.schema import Scenario
from peakplan.vocabulary import PHASES, WEEKDAYS

__all__ = ["PHASES", "WEEKDAYS", "Scenario", "ScenarioError", "load_scenario", "scenario_from_dict"]
