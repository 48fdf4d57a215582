"""Parallel solving: same plans as one at a time, input order kept, Ctrl-C stops the workers."""

from __future__ import annotations

import time

import pytest

from peakplan.report.runner import prepare, solve_all, unique_labels
from peakplan.report.variants import parse_setting, variants

from .helpers import tiny_yaml


@pytest.fixture(scope="module")
def tiny_variants(tmp_path_factory):
    path = tiny_yaml(tmp_path_factory.mktemp("runner"))
    setting = parse_setting("rules.weekly_ramp.max_increase=0.05,0.10,0.15")
    return [prepare(v) for v in variants(path, [setting])]


def test_parallel_equals_sequential_in_input_order(tiny_variants):
    assert all(v.scenario.solver.workers == 1 for v in tiny_variants)
    two = tiny_variants[:2]
    done = []
    parallel = solve_all(two, done.append, max_workers=2)
    sequential = solve_all(two, max_workers=1)
    assert [o.label for o in parallel] == [v.label for v in two] and len(done) == 2
    assert [o.plan for o in parallel] == [o.plan for o in sequential]


def test_interrupt_stops_the_pool(tiny_variants):
    def interrupt(_):
        raise KeyboardInterrupt

    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        solve_all(tiny_variants, interrupt, max_workers=2)
    assert time.monotonic() - start < 20


def test_unique_labels():
    assert unique_labels(["a", "b", "a"]) == ["a #1", "b", "a #2"]
