"""`peakplan batch` on a folder of athletes: one broken or infeasible athlete never stops the
others, the summary says why, the exit code says all / some / none, and a rerun resumes."""

from __future__ import annotations

import csv
import hashlib
import json

import pytest

from peakplan.batch.athletes import athletes_from
from peakplan.batch.summary import COLUMNS
from peakplan.timefmt import clock

from .conftest import rows_by_athlete, summary, validated_plans
from .helpers import INFEASIBLE, athlete_folder, changes_for, run_cli, write_scenario


@pytest.fixture(scope="module")
def squad(tmp_path_factory: pytest.TempPathFactory):
    """20 athlete files, one broken (a typo in a field name), solved once for the tests below."""
    folder = athlete_folder(tmp_path_factory.mktemp("squad") / "athletes")
    broken = folder / "a07.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("peak_weekly_minutes", "peak_weekly_minuts"),
                      encoding="utf-8")
    out = folder.parent / "out"
    code, stdout, stderr = run_cli("batch", folder, "-o", out, "-j", "2")
    return folder, out, code, stdout, stderr


def test_one_broken_athlete_file_does_not_stop_the_other_19(squad) -> None:
    folder, out, code, stdout, _ = squad
    assert code == 4, stdout                    # some athletes got a plan, not all
    rows = rows_by_athlete(out)
    assert len(rows) == 20
    assert [r["status"] for a, r in rows.items() if a != "a07"] == ["OPTIMAL"] * 19
    bad = rows["a07"]
    assert bad["status"] == "INPUT_ERROR" and bad["plan_file"] == "" and not (out / "plans" / "a07.json").exists()
    assert "a07.yaml" in bad["error"] and "peak_weekly_minuts" in bad["error"] and "peak_weekly_minutes" in bad["error"]
    assert "a07 INPUT_ERROR" in stdout and "20 athletes: 19 with a plan" in stdout
    good = [a for a in athletes_from(folder) if a.scenario is not None]
    assert len(validated_plans(out, good)) == 19


def test_summary_csv_and_json_have_every_athlete_in_input_order(squad) -> None:
    _, out, _, _, _ = squad
    with (out / "summary.csv").open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert tuple(table[0]) == COLUMNS
    assert [r["athlete"] for r in table] == [f"a{i:02d}" for i in range(1, 21)]
    doc = summary(out)
    assert doc["counts"] == {"athletes": 20, "with_plan": 19, "resumed": 0, "optimal": 19, "input_error": 1}
    for row in table:
        if row["status"] == "OPTIMAL":
            plan_bytes = (out / row["plan_file"]).read_bytes()
            assert hashlib.sha256(plan_bytes).hexdigest() == row["plan_sha256"]
            assert float(row["readiness"]) == float(row["bound"]) and float(row["gap"]) == 0.0
            assert row["readiness_model"] == "banister" and float(row["solve_time_s"]) > 0
            stated = json.loads(plan_bytes)["prediction"]["race_time_s"]
            assert row["predicted_time"] == clock(stated) and stated > 0


def test_resume_skips_finished_athletes_and_solves_changed_ones(tmp_path) -> None:
    folder = athlete_folder(tmp_path / "athletes", n=8)
    out = tmp_path / "out"
    assert run_cli("batch", folder, "-o", out, "-j", "2")[0] == 0
    before = {p.name: p.read_bytes() for p in (out / "plans").iterdir()}
    write_scenario(folder / "a03.yaml", {**changes_for(2), "athlete.peak_weekly_minutes": 320})  # input changed
    (out / "plans" / "a05.json").unlink()                                                      # plan lost
    (out / "plans" / "a06.json").write_text("{}", encoding="utf-8")                           # plan damaged
    code, stdout, _ = run_cli("batch", folder, "-o", out, "-j", "2")
    assert code == 0
    rows = rows_by_athlete(out)
    solved_again = {a for a, r in rows.items() if r["status"] == "OPTIMAL" and not r["resumed"]}
    assert solved_again == {"a03", "a05", "a06"}
    assert sum(r["resumed"] for r in rows.values()) == 5 and "5 already done" in stdout
    assert (out / "plans" / "a03.json").read_bytes() != before["a03.json"]
    assert (out / "plans" / "a05.json").read_bytes() == before["a05.json"]   # deterministic: the same plan again
    assert all((out / "plans" / n).read_bytes() == b for n, b in before.items() if n != "a03.json")
    validated_plans(out, [a for a in athletes_from(folder) if a.athlete in solved_again])
    # a third run has nothing left to solve; --fresh solves everyone again
    code, stdout, _ = run_cli("batch", folder, "-o", out)
    assert code == 0 and "8 already done" in stdout and "solved" not in stdout
    code, stdout, _ = run_cli("batch", folder, "-o", out, "--fresh", "-j", "2")
    assert code == 0 and "already done" not in stdout and "solved 8" in stdout


def test_infeasible_athlete_is_reported_with_its_conflicting_rules(tmp_path) -> None:
    folder = athlete_folder(tmp_path / "athletes", n=3)
    write_scenario(folder / "a02.yaml", {**changes_for(1), **INFEASIBLE})
    code, stdout, _ = run_cli("batch", folder, "-o", tmp_path / "out")
    assert code == 4
    row = rows_by_athlete(tmp_path / "out")["a02"]
    assert row["status"] == "INFEASIBLE" and row["error"].startswith("conflicting rules: ") and "taper" in row["error"]
    assert row["input_hash"] and not row["plan_file"]
    # proven infeasibility is known for good: the rerun skips it too
    code, stdout, _ = run_cli("batch", folder, "-o", tmp_path / "out")
    assert code == 4 and "3 already done" in stdout


def test_exit_0_when_every_athlete_gets_a_plan_and_1_when_none_does(tmp_path) -> None:
    folder = athlete_folder(tmp_path / "ok", n=2)
    assert run_cli("batch", folder, "-o", tmp_path / "out-ok")[0] == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.yaml").write_text("start_date: [unclosed\n", encoding="utf-8")
    write_scenario(bad / "y.yaml", INFEASIBLE)
    code, stdout, _ = run_cli("batch", bad, "-o", tmp_path / "out-bad")
    assert code == 1
    assert {r["status"] for r in rows_by_athlete(tmp_path / "out-bad").values()} == {"INPUT_ERROR", "INFEASIBLE"}


@pytest.mark.parametrize(("setup", "words"), [
    (lambda t: t / "nowhere", "no such folder or table"),
    (lambda t: (t / "empty").mkdir() or t / "empty", "holds no scenario files"),
    (lambda t: (t / "notes.txt").write_text("hi") and t / "notes.txt", "give a folder of scenario files"),
])
def test_bad_input_of_the_batch_exits_2(tmp_path, setup, words) -> None:
    code, _, stderr = run_cli("batch", setup(tmp_path), "-o", tmp_path / "out")
    assert code == 2 and words in stderr


def test_a_folder_that_is_not_a_batch_output_is_refused_untouched(tmp_path) -> None:
    folder = athlete_folder(tmp_path / "athletes", n=1)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "summary.csv").write_text("my own notes\n", encoding="utf-8")
    code, _, stderr = run_cli("batch", folder, "-o", out)
    assert code == 2 and "not the output of a `peakplan batch`" in stderr
    assert sorted(p.name for p in out.iterdir()) == ["summary.csv"]
    assert (out / "summary.csv").read_text(encoding="utf-8") == "my own notes\n"
    code, _, stderr = run_cli("batch", folder, "-o", folder / "a01.yaml")
    assert code == 2 and "is a file" in stderr


def test_options_are_checked(tmp_path) -> None:
    folder = athlete_folder(tmp_path / "athletes", n=1)
    assert "is for a table" in run_cli("batch", folder, "-o", tmp_path / "o", "--base", folder / "a01.yaml")[2]
    assert "--time-limit 0" in run_cli("batch", folder, "-o", tmp_path / "o", "--time-limit", "0")[2]
    code, _, stderr = run_cli("batch", folder, "-o", tmp_path / "o", "--executor", "dask")
    assert code == 2 and "use one of local, ray" in stderr
    code, _, stderr = run_cli("batch", folder, "-o", tmp_path / "o", "--address", "auto")
    assert code == 2 and "add --executor ray" in stderr
