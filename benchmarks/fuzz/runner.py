"""Running many fuzz inputs: worker processes, a per-input watchdog, memory limits, tallies.

Each worker builds the bases once (shipped files, a solved tiny plan), then for each input number
makes the input, puts it in a folder of its own, runs it with a ``SIGALRM`` watchdog
(``INPUT_LIMIT_S``, ``SOLVE_LIMIT_S`` when it solves) under an address-space limit
(``MEMORY_LIMIT_BYTES``), and returns (number, kind, outcome, seconds, detail).
"""

from __future__ import annotations

import copy
import json
import os
import resource
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.fuzz.files import clear, materialise
from benchmarks.fuzz.mutate import Bases, make_input
from benchmarks.fuzz.targets import FAILURES, Context, Options, Timeout, run_inprocess

ROOT = Path(__file__).resolve().parents[2]
INPUT_LIMIT_S = 20.0
SOLVE_LIMIT_S = 90.0
MEMORY_LIMIT_BYTES = 6 * 2**30
TINY = {"name": "tiny 10K", "start_date": "2027-01-04",
        "race": {"distance": "10k", "date": "2027-01-31", "goal_time": "45:00"},
        "athlete": {"current_weekly_minutes": 200, "peak_weekly_minutes": 300, "longest_recent_run_minutes": 70},
        "availability": {"max_minutes": {"mon": 45, "tue": 60, "wed": 45, "thu": 60, "fri": 0, "sat": 60, "sun": 100},
                         "long_run_day": "sun"},
        "solver": {"time_limit_s": 10, "workers": 1, "seed": 0}}

Record = tuple[int, str, str, float, str]


def make_bases() -> Bases:
    from peakplan.planner import solve
    from peakplan.scenario import scenario_from_dict

    scenarios = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "scenarios").glob("*.yaml"))]
    models = {name: yaml.safe_load((ROOT / "models" / f"{name}.yaml").read_text(encoding="utf-8"))
              for name in ("catalogue", "banister", "pmc")}
    result = solve(scenario_from_dict(copy.deepcopy(TINY)))
    assert result.plan is not None
    return Bases([*scenarios, copy.deepcopy(TINY)], models, result.plan.model_dump(mode="json"), copy.deepcopy(TINY))


_STATE: dict[str, Any] = {}


def _alarm(signum: int, frame: object) -> None:
    raise Timeout()


def init_worker(seed: int, options: Options, limit_memory: bool = True) -> None:
    from peakplan.scenario import scenario_from_dict
    from peakplan.scenario.input_schema import input_json_schema

    if limit_memory:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    signal.signal(signal.SIGALRM, _alarm)
    bases = make_bases()
    _STATE.update(seed=seed, bases=bases, folder=Path(tempfile.mkdtemp(prefix="peakplan-fuzz-")),
                  ctx=Context(scenario_from_dict(copy.deepcopy(bases.tiny)), input_json_schema(), options))
    _warm_up(bases, _STATE["ctx"])


def _warm_up(bases: Bases, ctx: Context) -> None:
    """Import and run every reader once on the base plan, so input times are not import times."""
    from benchmarks.fuzz.targets import use_plan
    from peakplan.plan.io import read_plan

    path = _STATE["folder"] / "base-plan.json"
    path.write_text(json.dumps(bases.plan), encoding="utf-8")
    use_plan(read_plan(path), path, ctx, 0)
    path.unlink()


def run_one(number: int) -> Record:
    bases, ctx = _STATE["bases"], _STATE["ctx"]
    inp = make_input(_STATE["seed"], number, bases)
    folder = _STATE["folder"] / str(number)
    solving = inp.kind in ("scenario", "model") and number % ctx.options.solve_every == 0
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, SOLVE_LIMIT_S if solving else INPUT_LIMIT_S)
    try:
        materialise(inp, folder)
        outcome, detail = run_inprocess(inp, folder, ctx)
    except Timeout:
        outcome, detail = "hang", f"over {SOLVE_LIMIT_S if solving else INPUT_LIMIT_S:g} s"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    seconds = time.perf_counter() - started
    clear(folder)
    return number, inp.kind, outcome, seconds, detail


@dataclass
class Tally:
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[Record] = field(default_factory=list)
    slowest: list[Record] = field(default_factory=list)
    total: int = 0

    def add(self, record: Record) -> None:
        number, kind, outcome, seconds, detail = record
        self.total += 1
        self.outcomes[(kind, outcome)] += 1
        if outcome in FAILURES and len(self.failures) < 50:
            self.failures.append(record)
        self.slowest = sorted([*self.slowest, record], key=lambda r: -r[3])[:5]

    @property
    def failed(self) -> int:
        return sum(n for (_, outcome), n in self.outcomes.items() if outcome in FAILURES)

    def as_json(self) -> dict[str, Any]:
        return {"total": self.total, "failed": self.failed,
                "outcomes": {f"{k} / {o}": n for (k, o), n in sorted(self.outcomes.items())},
                "failures": self.failures, "slowest": self.slowest}


def run_many(numbers: Iterable[int], seed: int, workers: int, options: Options,
             on_record: Callable[[Record], None] | None = None) -> Tally:
    """Every input number through the in-process entry points, on ``workers`` processes."""
    import multiprocessing

    tally = Tally()
    numbers = list(numbers)
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=init_worker, initargs=(seed, options), maxtasksperchild=2000) as pool:
        for record in pool.imap_unordered(run_one, numbers, chunksize=20):
            tally.add(record)
            if on_record is not None:
                on_record(record)
    return tally


def run_inline(numbers: Iterable[int], seed: int, options: Options) -> Tally:
    """The in-process run in this process (for the test suite: no pool, no memory limit)."""
    previous = signal.getsignal(signal.SIGALRM)
    init_worker(seed, options, limit_memory=False)
    tally = Tally()
    try:
        for number in numbers:
            tally.add(run_one(number))
    finally:
        signal.signal(signal.SIGALRM, previous)
        os.rmdir(_STATE["folder"])
    return tally


def run_cli_sample(numbers: Iterable[int], seed: int, workers: int,
                   on_record: Callable[[Record], None] | None = None) -> Tally:
    """The same inputs through the command line, one process each, ``workers`` at a time."""
    from concurrent.futures import ThreadPoolExecutor

    from benchmarks.fuzz.cli import run_cli

    bases = make_bases()
    tiny_text = yaml.safe_dump(bases.tiny)
    root = Path(tempfile.mkdtemp(prefix="peakplan-fuzz-cli-"))

    def one(number: int) -> Record:
        inp = make_input(seed, number, bases)
        folder = root / str(number)
        materialise(inp, folder)
        outcome, detail, seconds = run_cli(inp, folder, tiny_text)
        clear(folder)
        return number, inp.kind, outcome, seconds, detail

    tally = Tally()
    with ThreadPoolExecutor(workers) as pool:
        for record in pool.map(one, numbers):
            tally.add(record)
            if on_record is not None:
                on_record(record)
    os.rmdir(root)
    return tally


def dumps(tally: Tally) -> str:
    return json.dumps(tally.as_json(), indent=1)
