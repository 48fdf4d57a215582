"""The local process pool and Ray run the same solve code and give byte-identical plan files;
`batch --help` loads neither OR-Tools nor Ray; without Ray, `--executor ray` says how to get it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from peakplan.batch.athletes import athletes_from
from peakplan.batch.executors import RAY_MISSING, LocalExecutor, RayExecutor
from peakplan.batch.outdir import OutputFolder
from peakplan.batch.runner import run_batch

from .conftest import rows_by_athlete, validated_plans
from .helpers import athlete_folder, run_cli

ROOT = Path(__file__).resolve().parents[2]


def test_local_and_ray_executors_give_byte_identical_plans_on_20_athletes(tmp_path) -> None:
    pytest.importorskip("ray", reason="Ray is not installed: pip install '.[ray]' (the test extra includes it)")
    folder = athlete_folder(tmp_path / "athletes", n=20)
    athletes = athletes_from(folder)
    with LocalExecutor(workers=2) as pool:
        local = run_batch(athletes, OutputFolder(tmp_path / "local"), pool)
    # the Ray run goes through the command, on a local Ray instance started with num_cpus=2
    code, stdout, stderr = run_cli("batch", folder, "-o", tmp_path / "ray", "--executor", "ray", "-j", "2")
    assert code == 0, stdout + stderr
    assert local.counts["optimal"] == 20 and rows_by_athlete(tmp_path / "ray")
    from_local = validated_plans(tmp_path / "local", athletes)
    from_ray = validated_plans(tmp_path / "ray", athletes)
    assert from_local == from_ray
    assert len(set(from_local.values())) == 20           # 20 different athletes, 20 different plans
    ray_rows = rows_by_athlete(tmp_path / "ray")
    assert all(ray_rows[r.athlete]["input_hash"] == r.input_hash for r in local.rows)
    assert {r.worker.split(":")[1] for r in local.results} and all(r.worker_peak_mb > 0 for r in local.results)
    # resumed with nothing left to solve: Ray is not even started
    code, stdout, _ = run_cli("batch", folder, "-o", tmp_path / "ray", "--executor", "ray", "-j", "2")
    assert code == 0 and "20 already done" in stdout
    import ray

    assert not ray.is_initialized()


def test_without_ray_the_ray_executor_says_how_to_install_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)         # as if Ray were not installed
    with pytest.raises(Exception, match="needs Ray, which is not installed"):
        RayExecutor()
    folder = athlete_folder(tmp_path / "athletes", n=1)
    code, _, stderr = run_cli("batch", folder, "-o", tmp_path / "out", "--executor", "ray")
    assert code == 2 and RAY_MISSING in stderr.replace("\n", " ") or 'pip install "peakplan[ray]"' in stderr


def test_batch_help_imports_neither_ortools_nor_ray() -> None:
    code = ("import sys; from peakplan.cli import main; rc = main(['batch', '--help']); "
            "assert 'ortools' not in sys.modules, 'OR-Tools was imported'; "
            "assert 'ray' not in sys.modules, 'Ray was imported'; sys.exit(rc)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "--executor" in out.stdout and "Exit 0 when every athlete got a plan, 4 when some did" in out.stdout.replace(
        "\n  ", " ").replace("\n", " ")
