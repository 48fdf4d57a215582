"""Every rule family has its whole story: a model module with NAME, add, describe and knobs, a
validator module of the same name, and test files for both (docs/architecture.md, "A new rule")."""

from __future__ import annotations

from pathlib import Path

import pytest

from peakplan.model.constraints import BY_NAME, FAMILIES
from peakplan.validate import FAMILIES as VALIDATOR_FAMILIES

TESTS = Path(__file__).resolve().parent
RULE_NAMES = [f.NAME for f in FAMILIES]


def test_names_are_unique_and_match_module_names() -> None:
    assert len(set(RULE_NAMES)) == len(RULE_NAMES)
    for family in FAMILIES:
        assert family.__name__.rsplit(".", 1)[-1] == family.NAME
    assert set(BY_NAME) == set(RULE_NAMES)


@pytest.mark.parametrize("name", RULE_NAMES)
def test_rule_module_owns_its_words_and_knobs(name: str) -> None:
    family = BY_NAME[name]
    for part in ("add", "describe", "knobs"):
        assert callable(getattr(family, part, None)), f"model/constraints/{name}.py has no {part}()"
    assert 'docs/science.md "' in (family.__doc__ or ""), \
        f"model/constraints/{name}.py: the docstring cites the rule's section of docs/science.md"


@pytest.mark.parametrize("name", RULE_NAMES)
def test_rule_has_a_validator_module(name: str) -> None:
    assert name in {f.NAME for f in VALIDATOR_FAMILIES}, f"validate/{name}.py is missing or not registered"


@pytest.mark.parametrize("name", RULE_NAMES)
def test_rule_has_test_files(name: str) -> None:
    assert (TESTS / "model" / "constraints" / f"test_{name}.py").is_file()
    assert (TESTS / "validate" / f"test_{name}.py").is_file()


def test_every_rule_describes_and_loosens_itself_on_a_shipped_scenario() -> None:
    """describe() returns words with the scenario's values; knobs() only values that exist."""
    from peakplan.scenario import load_scenario

    sc = load_scenario(TESTS.parent / "scenarios" / "marathon-16w.yaml")
    for family in FAMILIES:
        text = family.describe(sc, "week 5")
        assert isinstance(text, str) and text and text != family.NAME
        for knob in family.knobs(sc, ["week 5"]):
            assert knob.field.split(".")[0] in type(sc).model_fields, knob.field
