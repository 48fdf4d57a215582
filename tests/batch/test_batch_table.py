"""Tables of athletes (CSV and YAML) over a base scenario: columns are dotted scenario paths,
checked as --set checks them; the table's own problems are bad input (exit 2), a row's problem
is that athlete's INPUT_ERROR."""

from __future__ import annotations

import pytest
import yaml

from peakplan.batch.athletes import athletes_from
from peakplan.batch.table import TableError, cell_value, read_table
from peakplan.errors import InputError

from .conftest import rows_by_athlete, validated_plans
from .helpers import athlete_table, changes_for, run_cli, write_scenario


@pytest.fixture
def base(tmp_path):
    return write_scenario(tmp_path / "base.yaml", {})


def test_table_rows_become_athletes_over_the_base_scenario(tmp_path, base) -> None:
    rows = [{"athlete": f"Runner {i}", **changes_for(i)} for i in range(3)]
    rows[1]["athlete.recent_race.distance"], rows[1]["athlete.recent_race.time"] = "5k", "21:30"
    rows[2]["availability.long_run_day"], rows[2]["availability.max_minutes.sat"] = "sat", 100
    table = athlete_table(tmp_path / "squad.csv", rows)
    code, stdout, _ = run_cli("batch", table, "--base", base, "-o", tmp_path / "out")
    assert code == 0, stdout
    athletes = athletes_from(table, base)
    assert [a.athlete for a in athletes] == ["Runner 0", "Runner 1", "Runner 2"]
    first, second, third = (a.scenario for a in athletes)
    assert first is not None and second is not None and third is not None
    assert first.athlete.current_weekly_minutes == 180 and first.name == "Runner 0: tiny 10K"
    assert second.athlete.recent_race is not None and second.athlete.recent_race.time == "21:30"  # not 1290
    assert third.availability.long_run_day == "sat" and third.availability.max_minutes["sat"] == 100
    assert all(a.scenario is not None and a.scenario.solver.workers == 1 for a in athletes)
    plans = validated_plans(tmp_path / "out", athletes)
    assert sorted(p.name for p in (tmp_path / "out" / "plans").iterdir()) == ["Runner_0.json", "Runner_1.json",
                                                                               "Runner_2.json"]
    assert len(set(plans.values())) == 3


def test_an_unknown_column_is_bad_input_naming_the_column_and_the_closest_path(tmp_path, base) -> None:
    table = athlete_table(tmp_path / "t.csv", [{"athlete": "x", "athlete.peak_weekly_minute": 300}])
    code, _, stderr = run_cli("batch", table, "--base", base, "-o", tmp_path / "out")
    assert code == 2
    assert "column `athlete.peak_weekly_minute`" in stderr and "Did you mean `athlete.peak_weekly_minutes`?" in stderr
    assert not (tmp_path / "out").exists()          # nothing written for a batch that cannot start
    table = athlete_table(tmp_path / "t2.csv", [{"athlete": "x", "availability.max_minutes.sunday": 90}])
    assert "availability.max_minutes.sun" in run_cli("batch", table, "--base", base, "-o", tmp_path / "o")[2]


@pytest.mark.parametrize(("text", "words"), [
    ("name,athlete.current_weekly_minutes\nx,200\n", "no `athlete` column"),
    ("athlete,athlete.current_weekly_minutes\nx,200\nX,210\n", "ids must be distinct"),
    ("athlete,athlete.current_weekly_minutes\n,200\n", "the `athlete` cell is empty"),
    ("athlete,athlete.current_weekly_minutes,athlete.current_weekly_minutes\nx,1,2\n", "in the header twice"),
    ("athlete,athlete.recent_race,athlete.recent_race.time\nx,,40:00\n", "both set `athlete.recent_race.time`"),
    ("athlete\n", "has no athletes"),
    ("athlete,rules.taper.weeks.extra\nx,1\n", "is a single value"),
])
def test_table_problems_are_bad_input_of_the_batch(tmp_path, base, text, words) -> None:
    table = tmp_path / "t.csv"
    table.write_text(text, encoding="utf-8")
    with pytest.raises(TableError, match="t.csv"):
        read_table(table)
    code, _, stderr = run_cli("batch", table, "--base", base, "-o", tmp_path / "out")
    assert code == 2 and words in stderr, stderr


def test_a_bad_cell_or_base_spoils_only_its_row(tmp_path, base) -> None:
    write_scenario(tmp_path / "other.yaml", {"athlete.peak_weekly_minutes": 320})
    rows = [{"athlete": "ok", "base": "", "athlete.current_weekly_minutes": 200},
            {"athlete": "typo", "base": "", "athlete.current_weekly_minutes": "two hundred"},
            {"athlete": "nobase", "base": "missing.yaml", "athlete.current_weekly_minutes": 200},
            {"athlete": "other", "base": "other.yaml", "athlete.current_weekly_minutes": ""}]
    table = athlete_table(tmp_path / "t.csv", rows)
    (tmp_path / "t.csv").write_text(table.read_text(encoding="utf-8") + "short,\n", encoding="utf-8")
    code, _, _ = run_cli("batch", table, "--base", base, "-o", tmp_path / "out")
    assert code == 4
    rows_out = rows_by_athlete(tmp_path / "out")
    assert rows_out["ok"]["status"] == rows_out["other"]["status"] == "OPTIMAL"
    assert "current_weekly_minutes" in rows_out["typo"]["error"] and "t.csv, line 3" in rows_out["typo"]["error"]
    assert rows_out["nobase"]["status"] == "INPUT_ERROR" and "missing.yaml" in rows_out["nobase"]["error"]
    assert "different number of cells" in rows_out["short"]["error"]
    other = next(a for a in athletes_from(table, base) if a.athlete == "other")
    assert other.scenario is not None and other.scenario.athlete.peak_weekly_minutes == 320
    assert other.scenario.athlete.current_weekly_minutes == 200   # an empty cell keeps the base's value


def test_a_table_without_any_base_or_with_a_broken_base_is_bad_input(tmp_path) -> None:
    table = athlete_table(tmp_path / "t.csv", [{"athlete": "x", "athlete.current_weekly_minutes": 200}])
    code, _, stderr = run_cli("batch", table, "-o", tmp_path / "out")
    assert code == 2 and "no base scenario; give --base SCENARIO" in stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("race: {distance: 10k}\n", encoding="utf-8")
    code, _, stderr = run_cli("batch", table, "--base", broken, "-o", tmp_path / "out")
    assert code == 2 and "broken.yaml" in stderr


def test_yaml_table_with_its_own_base(tmp_path, base) -> None:
    doc = {"base": "base.yaml", "athletes": [{"athlete": "y1", "athlete.current_weekly_minutes": 190},
                                             {"athlete": "y2", "availability.max_minutes": {
                                                 "mon": 0, "tue": 60, "wed": 45, "thu": 60, "fri": 45,
                                                 "sat": 60, "sun": 100}}]}
    table = tmp_path / "squad.yaml"
    table.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    assert run_cli("batch", table, "-o", tmp_path / "out")[0] == 0
    athletes = athletes_from(table)
    y2 = athletes[1].scenario
    assert y2 is not None and y2.availability.max_minutes["mon"] == 0 and y2.availability.max_minutes["fri"] == 45
    validated_plans(tmp_path / "out", athletes)
    as_list = tmp_path / "list.yaml"
    as_list.write_text(yaml.safe_dump(doc["athletes"]), encoding="utf-8")
    assert [a.athlete for a in athletes_from(as_list, base)] == ["y1", "y2"]
    with pytest.raises(InputError, match="is a scenario, not a table"):
        athletes_from(write_scenario(tmp_path / "scenario.yml", {}))


def test_cells_are_yaml_scalars_and_clock_times_stay_text() -> None:
    assert cell_value(" 240 ") == 240 and cell_value("0.05") == 0.05 and cell_value("sat") == "sat"
    assert cell_value("1:40:00") == "1:40:00" and cell_value("39:30") == "39:30" and cell_value("") is None
    assert str(cell_value("2027-02-01")) == "2027-02-01"
    assert cell_value("[2027-02-01, 2027-02-08]")[1].day == 8


def test_ids_that_would_share_a_plan_file_are_refused(tmp_path, base) -> None:
    table = athlete_table(tmp_path / "t.csv", [{"athlete": "ann b", "athlete.current_weekly_minutes": 200},
                                               {"athlete": "ann/b", "athlete.current_weekly_minutes": 210}])
    code, _, stderr = run_cli("batch", table, "--base", base, "-o", tmp_path / "out")
    assert code == 2 and "would both write plans/ann_b.json" in stderr
